// Site settings and _Layout of the dispensary Help site (VS 2013 Web API template layout, debug build).
namespace HelpGen
{
    public static class Site
    {
        public const string Name = "dispensary";
        public const string Title = "Kestrel Dispensary API";
        public const string Host = "https://api.kestrel-dispensary.example";
        public const string AppPath = "/";
        /// <summary>false: stock ModelNameHelper (ResultOfGuid).</summary>
        public const bool FullNameModels = false;
        /// <summary>compilation debug="true": invalid samples show their error message.</summary>
        public const bool DebugSamples = true;
        public const string DefaultNow = "2025-12-07T14:03:52.1187345";
        public const int DefaultSeed = 20251207;
        public const string Introduction = "The Kestrel Dispensary API records stock, the formulary and the medicines handed to patients.";

        public static string Layout(string title, string body)
        {
            return
"<!DOCTYPE html>\n" +
"<html>\n" +
"<head>\n" +
"    <meta charset=\"utf-8\" />\n" +
"    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n" +
"    <title>" + Html.Encode(title) + "</title>\n" +
"    <link href=\"/Content/bootstrap.css\" rel=\"stylesheet\"/>\n" +
"<link href=\"/Content/site.css\" rel=\"stylesheet\"/>\n" +
"\n" +
"    <script src=\"/Scripts/modernizr-2.6.2.js\"></script>\n" +
"\n" +
"</head>\n" +
"<body>\n" +
"    <div class=\"navbar navbar-inverse navbar-fixed-top\">\n" +
"        <div class=\"container\">\n" +
"            <div class=\"navbar-header\">\n" +
"                <button type=\"button\" class=\"navbar-toggle\" data-toggle=\"collapse\" data-target=\".navbar-collapse\">\n" +
"                    <span class=\"icon-bar\"></span>\n" +
"                    <span class=\"icon-bar\"></span>\n" +
"                    <span class=\"icon-bar\"></span>\n" +
"                </button>\n" +
"                <a class=\"navbar-brand\" href=\"/\">Kestrel Dispensary API</a>\n" +
"            </div>\n" +
"            <div class=\"navbar-collapse collapse\">\n" +
"                <ul class=\"nav navbar-nav\">\n" +
"                    <li><a href=\"/\">Home</a></li>\n" +
"                    <li><a href=\"/Help\">API</a></li>\n" +
"                </ul>\n" +
"            </div>\n" +
"        </div>\n" +
"    </div>\n" +
"    <div class=\"container body-content\">\n" +
"        " + body +
"        <hr />\n" +
"        <footer>\n" +
"            <p>&copy; 2025 - Kestrel Dispensary</p>\n" +
"        </footer>\n" +
"    </div>\n" +
"\n" +
"    <script src=\"/Scripts/jquery-1.10.2.js\"></script>\n" +
"\n" +
"    <script src=\"/Scripts/bootstrap.js\"></script>\n" +
"<script src=\"/Scripts/respond.js\"></script>\n" +
"\n" +
"    \n" +
"</body>\n" +
"</html>\n";
        }
    }
}
