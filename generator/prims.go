package generator

import "github.com/dave/jennifer/jen"

// intPrims are the integer primitives: bit size, signedness and the Go
// type a parser's int64/uint64 result converts to ("" when none is needed).
var intPrims = map[string]struct {
	bits     int
	unsigned bool
	goType   string
}{
	"int": {32, false, "int32"}, "long": {64, false, ""}, "short": {16, false, "int16"}, "byte": {8, false, "int8"},
	"unsignedByte": {8, true, "uint8"}, "unsignedShort": {16, true, "uint16"},
	"unsignedInt": {32, true, "uint32"}, "unsignedLong": {64, true, ""},
}

// textParsers are the runtime's invariant-text parsers, by primitive.
var textParsers = map[string]string{
	"boolean": "rtParseBool", "guid": "rtParseGUID", "decimal": "rtParseDecimal", "double": "rtParseDouble",
	"float": "rtParseFloat", "dateTime": "rtParseDateTime", "dateTimeOffset": "rtParseDateTimeOffset",
	"duration": "rtParseTimeSpan", "char": "rtParseCharCode", "base64Binary": "rtParseBase64",
}

// primTextParse parses a primitive's invariant text (URI parameters): the
// call and the conversion to the Go type, if any.
func primTextParse(prim string) (func(text jen.Code) jen.Code, jen.Code) {
	if ip, ok := intPrims[prim]; ok {
		fn := "rtParseInt"
		if ip.unsigned {
			fn = "rtParseUint"
		}
		var conv jen.Code
		if ip.goType != "" {
			conv = jen.Id(ip.goType)
		}
		return func(t jen.Code) jen.Code { return jen.Id(fn).Call(t, jen.Lit(ip.bits)) }, conv
	}
	fn, ok := textParsers[prim]
	if !ok {
		panic("helpgen: no text parser for primitive " + prim)
	}
	return func(t jen.Code) jen.Code { return jen.Id(fn).Call(t) }, nil
}
