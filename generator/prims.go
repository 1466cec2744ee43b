package generator

import "github.com/dave/jennifer/jen"

// intPrims are the integer primitives: bit size, signedness and the Go
// type a reader's int64/uint64 result converts to ("" when none is needed).
var intPrims = map[string]struct {
	bits     int
	unsigned bool
	goType   string
}{
	"int": {32, false, "int32"}, "long": {64, false, ""}, "short": {16, false, "int16"}, "byte": {8, false, "int8"},
	"unsignedByte": {8, true, "uint8"}, "unsignedShort": {16, true, "uint16"},
	"unsignedInt": {32, true, "uint32"}, "unsignedLong": {64, true, ""},
}

// intConv is the conversion of an integer reader's result, nil when none.
func intConv(prim string) jen.Code {
	if t := intPrims[prim].goType; t != "" {
		return jen.Id(t)
	}
	return nil
}

// readerCall is recv.<method>(args...) for a primitive: integers go to
// the reader's signed or unsigned method with their bit size; the others
// to the method methods names. It returns the call and the conversion of
// its result to the field's Go type (nil when none is needed).
func readerCall(recv string, prim string, signed, unsigned string, methods map[string]string, args ...jen.Code) (jen.Code, jen.Code) {
	if ip, ok := intPrims[prim]; ok {
		m := signed
		if ip.unsigned {
			m = unsigned
		}
		return jen.Id(recv).Dot(m).Call(append(append([]jen.Code(nil), args...), jen.Lit(ip.bits))...), intConv(prim)
	}
	m, ok := methods[prim]
	if !ok {
		panic("helpgen: no " + recv + " reader for primitive " + prim)
	}
	return jen.Id(recv).Dot(m).Call(args...), nil
}

// Reader methods of the runtime, by primitive, per format.
var (
	jsonReaders = map[string]string{
		"string": "stringPtr", "anyURI": "stringPtr", "float": "single", "double": "double", "boolean": "boolean",
		"decimal": "decimal", "dateTime": "dateTime", "dateTimeOffset": "dateTimeOffset", "duration": "timeSpan",
		"guid": "guid", "char": "char", "base64Binary": "base64", "anyType": "object",
	}
	xmlReaders = map[string]string{
		"string": "str", "anyURI": "str", "stringValue": "str", "float": "float", "double": "double", "boolean": "bool",
		"decimal": "decimal", "dateTime": "dateTime", "dateTimeOffset": "dateTimeOffset", "duration": "duration",
		"guid": "guid", "char": "char", "base64Binary": "base64",
	}
	formReaders = map[string]string{
		"stringValue": "str", "float": "float", "double": "double", "boolean": "bool", "decimal": "decimal",
		"dateTime": "dateTime", "dateTimeOffset": "dateTimeOffset", "duration": "timeSpan", "guid": "guid", "char": "char",
	}
	textParsers = map[string]string{
		"boolean": "rtParseBool", "guid": "rtParseGUID", "decimal": "rtParseDecimal", "double": "rtParseDouble",
		"float": "rtParseFloat", "dateTime": "rtParseDateTime", "dateTimeOffset": "rtParseDateTimeOffset",
		"duration": "rtParseTimeSpan", "char": "rtParseCharCode", "base64Binary": "rtParseBase64",
	}
)

// primJSONRead is the JSON reader call for a primitive and its conversion.
func primJSONRead(prim string) (jen.Code, jen.Code) {
	return readerCall("r", prim, "intN", "uintN", jsonReaders)
}

// primXMLRead is the XML reader call for a primitive's content.
func primXMLRead(prim string) (jen.Code, jen.Code) {
	return readerCall("r", prim, "int", "uint", xmlReaders)
}

// primFormRead is the form reader call for the value at node k.
func primFormRead(prim string, k jen.Code) (jen.Code, jen.Code) {
	return readerCall("f", prim, "int", "uint", formReaders, k)
}

// primTextParse parses a primitive's invariant text (DCS, keys, params):
// the call and the conversion to the Go type, if any.
func primTextParse(prim string) (func(text jen.Code) jen.Code, jen.Code) {
	if ip, ok := intPrims[prim]; ok {
		fn := "rtParseInt"
		if ip.unsigned {
			fn = "rtParseUint"
		}
		return func(t jen.Code) jen.Code { return jen.Id(fn).Call(t, jen.Lit(ip.bits)) }, intConv(prim)
	}
	fn, ok := textParsers[prim]
	if !ok {
		panic("helpgen: no text parser for primitive " + prim)
	}
	return func(t jen.Code) jen.Code { return jen.Id(fn).Call(t) }, nil
}
