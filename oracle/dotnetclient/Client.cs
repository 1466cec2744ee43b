// .NET client of the seed endpoint: real System.Net.Http.HttpClient with Web API's own formatters
// (System.Net.Http.Formatting: PostAsJsonAsync = JsonMediaTypeFormatter/Json.NET, PostAsXmlAsync =
// XmlMediaTypeFormatter/DataContractSerializer, ReadAsAsync<T> with the default formatter collection).
//
// usage: mono Client.exe BASEURL [--no-check] [COMBO...]
//
//   BASEURL   the application root, e.g. http://127.0.0.1:8080 (the route is appended)
//   COMBO     request>response format, each json or xml; default: json>json xml>xml json>xml xml>json
//   --no-check  print the answers without comparing them to the expected values below (for servers that
//               answer something else, e.g. the seed oracle's echo)
//
// It POSTs the fixed, non-sample request below (DateTimes of Kind Local and Utc, a null list item, a null
// string, non-ASCII text, characters XML and JSON must escape) once per combo, reads the answer as
// RestApiResult<Guid> and prints every field as one "combo.Field=value" line: strings are Go-quoted
// (strconv.Unquote reads them), null is printed as null. The last line is "ok" when every combo answered
// 2xx with the expected values.
//
// Exit status: 0 all as expected; 1 a mismatch (one "MISMATCH ..." line on stderr each); 2 usage or
// transport error. Run with TZ=Africa/Johannesburg (the Go harness does) so Local means +02:00.
//
// The Go test out/seed/dotnet_interop_test.go holds the same constants.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Formatting;
using System.Net.Http.Headers;
using System.Text;
using Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects;
using Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands;
using Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects;

namespace DotnetClient
{
    public static class Program
    {
        // ---- request (what the Go service must decode) ----
        static readonly Guid RoutePracticeId = new Guid("a1b2c3d4-0001-4a5b-8c9d-0123456789ab");
        static readonly Guid RouteEncounterId = new Guid("a1b2c3d4-0002-4a5b-8c9d-0123456789ab");

        static SendEncounterRequireFollowupPatientSms Request()
        {
            return new SendEncounterRequireFollowupPatientSms
            {
                CorrelationIds = new List<string> { "corr-7f3a", null, "" },
                OriginatedSystem = null,
                FollowupWithPatientRegardingVisitOutcomeId = new Guid("c0ffee00-1234-4abc-9def-00000000f011"),
                EncounterId = RouteEncounterId,
                FollowUpReasons = new List<string> { "Blood pressure > 140/90 & rising", "line1\r\nline2\ttab" },
                PatientCommunication = new PatientCommunicationVo
                {
                    PracticeId = RoutePracticeId,
                    PatientId = new Guid("5e1f0a77-3c2d-4e8f-9a0b-1c2d3e4f5a6b"),
                    PatientName = "Zo\u00eb",
                    PatientSurname = "O'Brien-Nkosi",
                    PatientCellphone = "+27 82 555 0199",
                    // Kind Local: 1979-07-14T06:05:04.1234567+02:00 on the wire (TZ=Africa/Johannesburg)
                    PatientDOB = new DateTime(1979, 7, 14, 6, 5, 4, DateTimeKind.Local).AddTicks(1234567),
                    // Kind Utc: 2026-02-28T22:30:00.9876543Z on the wire
                    FollowUpDate = new DateTime(2026, 2, 28, 22, 30, 0, DateTimeKind.Utc).AddTicks(9876543),
                    DoctorName = "Dr. \u00dcmit \u00c7elik",
                    CommunicationText = "Please book a follow-up \U0001F9FA <b>soon</b> & bring \"results\"\nThanks",
                },
            };
        }

        // ---- expected answer (what the Go service returns) ----
        const bool WantSucess = true;
        const int WantResponseCode = -42;
        const string WantResponseMessage = "Queued \u2713 <ok> & \"done\" \U0001F9FA\ttab";
        static readonly Guid WantData = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        static readonly string[][] WantLinks =
        {
            new[] { "self", "https://example.org/api/v2/followups/0f8fad5b?x=1&y=2" },
            new[] { "\u00fcn\u00efcode-rel", null },
        };

        static int mismatches;

        public static int Main(string[] args)
        {
            string baseUrl = null;
            bool check = true;
            var combos = new List<string>();
            foreach (var a in args)
            {
                if (a == "--no-check") check = false;
                else if (baseUrl == null) baseUrl = a;
                else combos.Add(a);
            }
            if (baseUrl == null)
            {
                Console.Error.WriteLine("usage: Client.exe BASEURL [--no-check] [json|xml>json|xml ...]");
                return 2;
            }
            if (combos.Count == 0) combos.AddRange(new[] { "json>json", "xml>xml", "json>xml", "xml>json" });
            var path = "/api/v2/" + RoutePracticeId + "/clinical/encounters/" + RouteEncounterId + "/followup/send";
            Console.WriteLine("request.path=" + Quote(path));
            var sent = Request();
            Console.WriteLine("request.PatientDOB=" + Quote(sent.PatientCommunication.PatientDOB.ToString("o", CultureInfo.InvariantCulture)) + " kind=" + sent.PatientCommunication.PatientDOB.Kind);
            Console.WriteLine("request.FollowUpDate=" + Quote(sent.PatientCommunication.FollowUpDate.ToString("o", CultureInfo.InvariantCulture)) + " kind=" + sent.PatientCommunication.FollowUpDate.Kind);
            try
            {
                foreach (var combo in combos) Run(baseUrl.TrimEnd('/') + path, combo, check);
            }
            catch (Exception e)
            {
                var inner = e;
                while (inner is AggregateException && inner.InnerException != null) inner = inner.InnerException;
                Console.Error.WriteLine("ERROR " + inner.GetType().Name + ": " + inner.Message);
                return 2;
            }
            if (mismatches > 0) return 1;
            Console.WriteLine("ok");
            return 0;
        }

        static void Run(string url, string combo, bool check)
        {
            var parts = combo.Split('>');
            if (parts.Length != 2 || !IsFormat(parts[0]) || !IsFormat(parts[1]))
                throw new ArgumentException("bad combo " + combo + " (want json>xml etc.)");
            string reqFormat = parts[0], respFormat = parts[1];
            using (var client = new HttpClient())
            {
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(respFormat == "xml" ? "application/xml" : "application/json"));
                var body = Request();
                HttpResponseMessage resp = reqFormat == "xml"
                    ? client.PostAsXmlAsync(url, body).Result
                    : client.PostAsJsonAsync(url, body).Result;
                using (resp)
                {
                    string p = combo + ".";
                    Console.WriteLine(p + "status=" + (int)resp.StatusCode);
                    var ct = resp.Content.Headers.ContentType;
                    Console.WriteLine(p + "contentType=" + Quote(ct == null ? null : ct.ToString()));
                    if (!resp.IsSuccessStatusCode)
                    {
                        Console.WriteLine(p + "body=" + Quote(resp.Content.ReadAsStringAsync().Result));
                        Fail(combo, "status", (int)resp.StatusCode, "2xx");
                        return;
                    }
                    if (check && (ct == null || ct.MediaType != (respFormat == "xml" ? "application/xml" : "application/json")))
                        Fail(combo, "contentType", ct, respFormat);
                    // ReadAsAsync<T> picks the formatter from the answer's Content-Type among
                    // JsonMediaTypeFormatter, XmlMediaTypeFormatter and FormUrlEncodedMediaTypeFormatter.
                    var r = resp.Content.ReadAsAsync<RestApiResult<Guid>>().Result;
                    if (r == null)
                    {
                        Console.WriteLine(p + "result=null");
                        Fail(combo, "result", null, "an object");
                        return;
                    }
                    Console.WriteLine(p + "Sucess=" + r.Sucess);
                    Console.WriteLine(p + "ResponseCode=" + r.ResponseCode.ToString(CultureInfo.InvariantCulture));
                    Console.WriteLine(p + "ResponseMessage=" + Quote(r.ResponseMessage));
                    Console.WriteLine(p + "Data=" + r.Data);
                    Console.WriteLine(p + "Links.Count=" + (r.Links == null ? "null" : r.Links.Count.ToString(CultureInfo.InvariantCulture)));
                    if (r.Links != null)
                        for (int i = 0; i < r.Links.Count; i++)
                        {
                            var l = r.Links[i];
                            if (l == null) { Console.WriteLine(p + "Links[" + i + "]=null"); continue; }
                            Console.WriteLine(p + "Links[" + i + "].Rel=" + Quote(l.Rel));
                            Console.WriteLine(p + "Links[" + i + "].HRef=" + Quote(l.HRef));
                        }
                    if (!check) return;
                    Expect(combo, "Sucess", r.Sucess, WantSucess);
                    Expect(combo, "ResponseCode", r.ResponseCode, WantResponseCode);
                    Expect(combo, "ResponseMessage", r.ResponseMessage, WantResponseMessage);
                    Expect(combo, "Data", r.Data, WantData);
                    if (r.Links == null || r.Links.Count != WantLinks.Length)
                    {
                        Fail(combo, "Links.Count", r.Links == null ? (object)null : r.Links.Count, WantLinks.Length);
                        return;
                    }
                    for (int i = 0; i < WantLinks.Length; i++)
                    {
                        var l = r.Links[i];
                        if (l == null) { Fail(combo, "Links[" + i + "]", null, "a link"); continue; }
                        Expect(combo, "Links[" + i + "].Rel", l.Rel, WantLinks[i][0]);
                        Expect(combo, "Links[" + i + "].HRef", l.HRef, WantLinks[i][1]);
                    }
                }
            }
        }

        static bool IsFormat(string f) { return f == "json" || f == "xml"; }

        static void Expect(string combo, string field, object got, object want)
        {
            if (!object.Equals(got, want)) Fail(combo, field, got, want);
        }

        static void Fail(string combo, string field, object got, object want)
        {
            mismatches++;
            Console.Error.WriteLine("MISMATCH " + combo + "." + field + ": got " + Show(got) + ", want " + Show(want));
        }

        static string Show(object o) { return o is string || o == null ? Quote((string)o) : o.ToString(); }

        // Quote writes s as a Go double-quoted string literal (null -> null): ASCII printable as is,
        // \" \\ \n \r \t, other code points as \uXXXX or \UXXXXXXXX (surrogate pairs combined).
        static string Quote(string s)
        {
            if (s == null) return "null";
            var b = new StringBuilder("\"");
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': b.Append("\\\""); continue;
                    case '\\': b.Append("\\\\"); continue;
                    case '\n': b.Append("\\n"); continue;
                    case '\r': b.Append("\\r"); continue;
                    case '\t': b.Append("\\t"); continue;
                }
                if (c >= 0x20 && c < 0x7f) { b.Append(c); continue; }
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    b.Append("\\U").Append(char.ConvertToUtf32(c, s[i + 1]).ToString("x8"));
                    i++;
                    continue;
                }
                b.Append("\\u").Append(((int)c).ToString("x4"));
            }
            return b.Append('"').ToString();
        }
    }
}
