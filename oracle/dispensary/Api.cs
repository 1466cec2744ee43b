// Controllers and Web API configuration of the fictional "Kestrel Dispensary" API (see Contracts.cs).
// The action bodies never run: the echo oracle (../clinic/Server.cs) answers from a global filter, and the Help
// site generator (../helpsite) only reads the ApiExplorer. Routes are conventional, one per action, pinned by
// action name and HTTP method (this Web API has no attribute routing).
using System;
using System.Net.Http;
using System.Web.Http;
using System.Web.Http.Routing;
using HelpDoc;
using Kestrel.Dispensary.Dispensing;
using Kestrel.Dispensary.Formulary;
using Kestrel.Dispensary.Stock;

namespace Kestrel.Dispensary.Api.Controllers
{
    [Doc("Stock levels per product.")]
    public class StockController : ApiController
    {
        [HttpGet]
        [Doc("Gets the stock level of a product.")]
        public StockLevel Get([Doc("Product code.")] string productCode)
        { throw new NotImplementedException(); }

        [HttpPut]
        [Doc("Records a stock take of a product.")]
        [ReturnsDoc("The stock level as recorded.")]
        public StockLevel Count(string productCode, [Doc("The counted stock.")] StockLevel level)
        { throw new NotImplementedException(); }

        [HttpGet]
        [Doc("Gets the stock level a batch was received into.")]
        public StockLevel Batch([Doc("Supplier batch serial.")] long batchNumber)
        { throw new NotImplementedException(); }
    }

    [Doc("The products and categories the dispensary stocks.")]
    public class FormularyController : ApiController
    {
        [HttpGet]
        [Doc("Gets a formulary item.")]
        public FormularyItem Item(string code)
        { throw new NotImplementedException(); }

        [HttpGet]
        [Doc("Lists the categories, top level first.")]
        public PagedResult<FormularyCategory> Categories(int page = 1)
        { throw new NotImplementedException(); }

        [HttpGet]
        [Doc("Gets a category with its parent.")]
        public FormularyCategory Category(string code)
        { throw new NotImplementedException(); }

        [HttpPut]
        [Doc("Creates or replaces a category.")]
        [ReturnsDoc("The category as stored.")]
        public FormularyCategory SaveCategory(string code, FormularyCategory category)
        { throw new NotImplementedException(); }
    }

    [Doc("Prescriptions and dispensing.")]
    public class DispensingController : ApiController
    {
        [HttpGet]
        [Doc("Lists prescriptions, newest first.")]
        public PagedResult<PrescriptionSummary> Prescriptions(
            [Doc("Part of the patient's name; all patients when omitted.")] string patientName = null,
            int page = 1)
        { throw new NotImplementedException(); }

        [HttpPut]
        [Doc("Corrects a prescription.")]
        [ReturnsDoc("The prescription as stored.")]
        public PrescriptionSummary Correct(Guid prescriptionId, PrescriptionSummary prescription)
        { throw new NotImplementedException(); }

        [HttpPost]
        [Doc("Records a dispense.")]
        [ReturnsDoc("The dispense as recorded.")]
        public DispenseCommand Dispense([Doc("What was handed over.")] DispenseCommand command)
        { throw new NotImplementedException(); }
    }
}

public static class ApiSetup
{
    public const string ApiName = "dispensary";

    static void Route(HttpConfiguration config, string name, string template, string controller, string action, HttpMethod method)
    {
        config.Routes.MapHttpRoute(name, template, new { controller = controller, action = action },
            new { httpMethod = new HttpMethodConstraint(method) });
    }

    /// <summary>Routes and formatter settings, shared by the Help site generator and the echo oracle.</summary>
    public static void Configure(HttpConfiguration config)
    {
        Route(config, "Stock.Batch", "api/v1/stock/batches/{batchNumber}", "Stock", "Batch", HttpMethod.Get);
        Route(config, "Stock.Get", "api/v1/stock/{productCode}", "Stock", "Get", HttpMethod.Get);
        Route(config, "Stock.Count", "api/v1/stock/{productCode}", "Stock", "Count", HttpMethod.Put);

        Route(config, "Formulary.Item", "api/v1/formulary/items/{code}", "Formulary", "Item", HttpMethod.Get);
        Route(config, "Formulary.Categories", "api/v1/formulary/categories", "Formulary", "Categories", HttpMethod.Get);
        Route(config, "Formulary.Category", "api/v1/formulary/categories/{code}", "Formulary", "Category", HttpMethod.Get);
        Route(config, "Formulary.SaveCategory", "api/v1/formulary/categories/{code}", "Formulary", "SaveCategory", HttpMethod.Put);

        Route(config, "Dispensing.Prescriptions", "api/v1/prescriptions", "Dispensing", "Prescriptions", HttpMethod.Get);
        Route(config, "Dispensing.Correct", "api/v1/prescriptions/{prescriptionId}", "Dispensing", "Correct", HttpMethod.Put);
        Route(config, "Dispensing.Dispense", "api/v1/dispenses", "Dispensing", "Dispense", HttpMethod.Post);

        // JSON: Web API defaults (ISO 8601, DateTimeZoneHandling.RoundtripKind), as in the clinic oracle.
        HelpGen.Compat.WebApiCompat.Apply(config);
    }
}
