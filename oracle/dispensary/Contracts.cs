// Contracts of the fictional "Kestrel Dispensary" pharmacy API: an API whose Help Pages hide facts that real
// traffic depends on (issue 11). Each contract marks what its pages cannot show:
//   - Int64 members and route values shown as "integer" (values above 2^31 are real: stock counted in tablets);
//   - Nullable<T> members shown as T, where the sample generator's counter cannot tell (a trailing run of
//     value types, and public fields, whose counter restarts at 1);
//   - a self-referencing contract (no valid sample) whose CLR namespace gives every contract an explicit XML namespace;
//   - a generic contract with a custom name ([DataContract(Name = "PageOf{0}{#}")]);
//   - members renamed with [DataMember(Name)] (form keys and ModelState keys use the CLR property name);
//   - strings that carry \r and other control characters (free-text notes and label printer codes).
// [Doc] attributes stand in for XML documentation comments.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using HelpDoc;

// POCOs of the stock namespace get this XML namespace.
[assembly: ContractNamespace("http://contracts.kestrel-dispensary.example/stock", ClrNamespace = "Kestrel.Dispensary.Stock")]

namespace Kestrel.Dispensary.Formulary
{
    [Doc("A product the dispensary stocks.")]
    [DataContract(Namespace = "http://contracts.kestrel-dispensary.example/formulary")]
    public class FormularyItem
    {
        [Doc("Product code, e.g. AMOX-500.")]
        [DataMember]
        public string Code { get; set; }

        [DataMember]
        public string Name { get; set; }

        [Doc("Tablets or millilitres per pack.")]
        [DataMember]
        public int PackSize { get; set; }

        [DataMember]
        public decimal UnitPrice { get; set; }

        [Doc("Schedule of the medicine (0-8).")]
        [DataMember]
        public short Schedule { get; set; }
    }

    [Doc("A formulary category. Categories nest: a category knows its parent.")]
    [DataContract(Namespace = "http://contracts.kestrel-dispensary.example/formulary")]
    public class FormularyCategory
    {
        [DataMember]
        public string Code { get; set; }

        [DataMember]
        public string Name { get; set; }

        [Doc("The category that contains this one; null at the top.")]
        [DataMember]
        public FormularyCategory Parent { get; set; }

        [DataMember]
        public List<FormularyItem> Items { get; set; }

        [Doc("Items in this category and all below it.")]
        [DataMember]
        public long ItemCount { get; set; }
    }
}

namespace Kestrel.Dispensary.Stock
{
    [Doc("Stock of one product at one site.")]
    public class StockLevel
    {
        public string ProductCode { get; set; }

        [Doc("Units on hand (tablets, not packs).")]
        public long OnHand { get; set; }

        public int Reserved { get; set; }

        [Doc("When the product was last dispensed; null when never.")]
        public DateTime? LastDispensedOn { get; set; }

        [Doc("Stock-take session that last counted the product, if any.")]
        public Guid? SessionId { get; set; }

        [Doc("Cost of the next reorder, when one is planned.")]
        public decimal? ReorderCost { get; set; }
    }
}

namespace Kestrel.Dispensary.Dispensing
{
    [Doc("One line of a dispense.")]
    [DataContract(Namespace = "http://contracts.kestrel-dispensary.example/dispensing")]
    public class DispenseLine
    {
        [Doc("Product code, e.g. AMOX-500.")]
        [Required]
        [DataMember]
        public string ProductCode { get; set; }

        [Range(1, 1000)]
        [DataMember]
        public int Quantity { get; set; }

        [Doc("Label text; printer codes are control characters.")]
        [DataMember]
        public string Label { get; set; }
    }

    [Doc("Records medicine handed to a patient.")]
    [DataContract(Namespace = "http://contracts.kestrel-dispensary.example/dispensing")]
    public class DispenseCommand
    {
        [Doc("Tenant (pharmacy group) code.")]
        [Required]
        [DataMember(Name = "tenant")]
        public string TenantCode { get; set; }

        [DataMember]
        public Guid PrescriptionId { get; set; }

        [DataMember]
        public List<DispenseLine> Lines { get; set; }

        [Doc("Counselling notes, several lines.")]
        [DataMember(Name = "notes")]
        public string CounsellingNotes { get; set; }

        [Doc("Pharmacy batch number (a 64-bit serial).")]
        [DataMember]
        public long BatchNumber { get; set; }
    }

    [Doc("A prescription as the dispensary lists it.")]
    [DataContract(Namespace = "http://contracts.kestrel-dispensary.example/dispensing")]
    public class PrescriptionSummary
    {
        [DataMember]
        public Guid PrescriptionId { get; set; }

        [DataMember]
        public DateTime IssuedOn { get; set; }

        [Doc("Schedule 5 and above.")]
        [DataMember]
        public bool Controlled { get; set; }

        // Public fields, not properties: the sample generator's counter restarts at 1 for them.
        [DataMember]
        public string PatientName;

        [DataMember]
        public int RepeatsLeft;
    }

    [Doc("One page of a list.")]
    [DataContract(Name = "PageOf{0}{#}", Namespace = "http://contracts.kestrel-dispensary.example/dispensing")]
    public class PagedResult<T>
    {
        [DataMember]
        public List<T> Items { get; set; }

        [DataMember]
        public int Page { get; set; }

        [Doc("Items in all pages.")]
        [DataMember]
        public long Total { get; set; }
    }
}
