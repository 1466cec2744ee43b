package generator

import (
	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// prim is what the generator knows of one spec primitive: its Go type, its
// name in generated names, and a value that exercises it in the generated
// end-to-end test. The runtime's
// counterpart is rtPrims (templates/runtime/contract.go): the wire
// readers and writers per format, chosen by kind.
type prim struct {
	goType  string // Go type of a value; "rt." marks a runtime type
	pointer bool   // fields are pointers: .NET reference types, where null is a value
	name    string // in generated names: ListOfInt32, NullableOfGuid
	bits    int    // integers: bit size
	sample  func() jen.Code
}

// prims are the spec primitives (spec/README.md), by DataContract name.
var prims = map[string]prim{
	// Everything that needs escaping in a path or query value but '/', which
	// no path value can hold: Web API decodes %2F before it routes.
	"string":         {goType: "string", pointer: true, name: "String", sample: lit("a b;c?d&e=f%é")},
	"anyURI":         {goType: "string", pointer: true, name: "Uri", sample: lit("a b;c?d&e=f%é")},
	"int":            {goType: "int32", name: "Int32", bits: 32, sample: lit(42)},
	"long":           {goType: "int64", name: "Int64", bits: 64, sample: lit(42)},
	"short":          {goType: "int16", name: "Int16", bits: 16, sample: lit(42)},
	"byte":           {goType: "int8", name: "SByte", bits: 8, sample: lit(7)},
	"unsignedByte":   {goType: "uint8", name: "Byte", bits: 8, sample: lit(7)},
	"unsignedShort":  {goType: "uint16", name: "UInt16", bits: 16, sample: lit(42)},
	"unsignedInt":    {goType: "uint32", name: "UInt32", bits: 32, sample: lit(42)},
	"unsignedLong":   {goType: "uint64", name: "UInt64", bits: 64, sample: lit(42)},
	"float":          {goType: "float32", name: "Single", sample: lit(1.5)},
	"double":         {goType: "float64", name: "Double", sample: lit(1.5)},
	"decimal":        {goType: "rt.Decimal", name: "Decimal", sample: func() jen.Code { return jen.Id("DecimalFromInt").Call(jen.Lit(1250)) }},
	"boolean":        {goType: "bool", name: "Boolean", sample: func() jen.Code { return jen.True() }},
	"dateTime":       {goType: "rt.DateTime", name: "DateTime", sample: sampleDateTime},
	"dateTimeOffset": {goType: "time.Time", name: "DateTimeOffset", sample: sampleDateTimeOffset},
	"duration":       {goType: "rt.TimeSpan", name: "TimeSpan", sample: func() jen.Code { return jen.Id("TimeSpanOf").Call(jen.Lit(90).Op("*").Qual("time", "Minute")) }},
	"guid": {goType: "uuid.UUID", name: "Guid", sample: func() jen.Code {
		return jen.Qual(pkgUUID, "MustParse").Call(jen.Lit("6a9e0997-1a57-42fa-939e-563024574417"))
	}},
	"char":         {goType: "rune", name: "Char", sample: func() jen.Code { return jen.LitRune('x') }},
	"base64Binary": {goType: "[]byte", name: "ByteArray", sample: func() jen.Code { return jen.Index().Byte().Values(jen.Lit(1), jen.Lit(2)) }},
	"anyType":      {goType: "rt.Object", name: "Object", sample: func() jen.Code { return jen.Id("Object").Values() }},
}

func lit(v any) func() jen.Code { return func() jen.Code { return jen.Lit(v) } }

func sampleDateTime() jen.Code {
	return jen.Id("DateTime").Values(jen.Dict{
		jen.Id("Time"): jen.Qual("time", "Date").Call(jen.Lit(2025), jen.Lit(1), jen.Lit(2), jen.Lit(3), jen.Lit(4), jen.Lit(5), jen.Lit(0), jen.Qual("time", "UTC")),
		jen.Id("Kind"): jen.Id("DateTimeUtc"),
	})
}

func sampleDateTimeOffset() jen.Code {
	return jen.Qual("time", "Date").Call(jen.Lit(2025), jen.Lit(1), jen.Lit(2), jen.Lit(3), jen.Lit(4), jen.Lit(5), jen.Lit(0), jen.Qual("time", "FixedZone").Call(jen.Lit(""), jen.Lit(7200)))
}

// isStringish reports a string or URI, which .NET holds by reference.
func isStringish(g *GoType) bool {
	return g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI")
}
