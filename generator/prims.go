package generator

import "github.com/helpgen/helpgen/spec"

// prim is what the generator knows of one spec primitive: its Go type and
// its name in generated names. The runtime's counterpart is rtPrims
// (templates/rt/contract.go): kind, bit size and Go type, from which
// the codecs pick their readers and writers.
type prim struct {
	goType  string // Go type of a value; "rt." marks a runtime type
	pointer bool   // fields are pointers: .NET reference types, where null is a value
	name    string // in generated names: ListOfInt32, NullableOfGuid
	bits    int    // integers: bit size
}

// prims are the spec primitives (spec/README.md), by DataContract name.
var prims = map[string]prim{
	"string":         {goType: "string", pointer: true, name: "String"},
	"anyURI":         {goType: "string", pointer: true, name: "Uri"},
	"int":            {goType: "int32", name: "Int32", bits: 32},
	"long":           {goType: "int64", name: "Int64", bits: 64},
	"short":          {goType: "int16", name: "Int16", bits: 16},
	"byte":           {goType: "int8", name: "SByte", bits: 8},
	"unsignedByte":   {goType: "uint8", name: "Byte", bits: 8},
	"unsignedShort":  {goType: "uint16", name: "UInt16", bits: 16},
	"unsignedInt":    {goType: "uint32", name: "UInt32", bits: 32},
	"unsignedLong":   {goType: "uint64", name: "UInt64", bits: 64},
	"float":          {goType: "float32", name: "Single"},
	"double":         {goType: "float64", name: "Double"},
	"decimal":        {goType: "rt.Decimal", name: "Decimal"},
	"boolean":        {goType: "bool", name: "Boolean"},
	"dateTime":       {goType: "rt.DateTime", name: "DateTime"},
	"dateTimeOffset": {goType: "time.Time", name: "DateTimeOffset"},
	"duration":       {goType: "rt.TimeSpan", name: "TimeSpan"},
	"guid":           {goType: "uuid.UUID", name: "Guid"},
	"char":           {goType: "rune", name: "Char"},
	"base64Binary":   {goType: "[]byte", name: "ByteArray"},
	"anyType":        {goType: "rt.Object", name: "Object"},
}

// isStringish reports a string or URI, which .NET holds by reference.
func isStringish(g *GoType) bool {
	return g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI")
}
