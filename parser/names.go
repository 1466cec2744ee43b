package parser

import (
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// simpleWords maps the Help Page's simple type words to spec primitives.
// Several CLR types share a word ("integer" is Int16/32/64, "decimal number"
// is Single/Double/Decimal, "date" is DateTime and DateTimeOffset); samples
// refine these later.
var simpleWords = map[string]string{
	"integer": "int", "unsigned integer": "unsignedInt", "byte": "unsignedByte", "signed byte": "byte",
	"character": "char", "decimal number": "decimal", "string": "string",
	"globally unique identifier": "guid", "time interval": "duration", "date": "dateTime",
	"boolean": "boolean", "URI": "anyURI", "Object": "anyType",
}

// clrPrimitives maps CLR type names (as model names spell generic
// arguments) to spec primitives.
var clrPrimitives = map[string]string{
	"Boolean": "boolean", "Byte": "unsignedByte", "SByte": "byte", "Char": "char", "Decimal": "decimal",
	"Double": "double", "Single": "float", "Int16": "short", "Int32": "int", "Int64": "long",
	"UInt16": "unsignedShort", "UInt32": "unsignedInt", "UInt64": "unsignedLong", "String": "string",
	"Guid": "guid", "DateTime": "dateTime", "DateTimeOffset": "dateTimeOffset", "TimeSpan": "duration",
	"Uri": "anyURI", "Object": "anyType", "Byte[]": "base64Binary",
}

// genericWrappers maps CLR generic definitions to spec reference kinds.
var genericWrappers = map[string]string{
	"List": spec.RefList, "IList": spec.RefList, "IEnumerable": spec.RefList, "ICollection": spec.RefList,
	"IReadOnlyList": spec.RefList, "IReadOnlyCollection": spec.RefList, "Collection": spec.RefList,
	"HashSet": spec.RefList, "ISet": spec.RefList, "ReadOnlyCollection": spec.RefList,
	"Dictionary": spec.RefDict, "IDictionary": spec.RefDict, "IReadOnlyDictionary": spec.RefDict,
	"SortedDictionary": spec.RefDict,
	"Nullable":         spec.RefNullable, "KeyValuePair": spec.RefPair,
}

// displayRef is a parsed type rendering: either a primitive word, a
// wrapper, or a model name still to be resolved.
type displayRef struct {
	kind  string // spec.Ref kinds; "model" for a model name
	name  string // primitive or model name
	args  []*displayRef
	bytes bool // "Collection of byte": byte[] (base64) or List<byte>
	// width: "integer" (Int16/32/64) or "unsigned integer": the width is
	// unknown until a sample shows it (an XML item or key/value name); the
	// spec type is then the widest (see unseen.go).
	width bool
}

// parseDisplay parses a Help Page type rendering.
func parseDisplay(s string) *displayRef {
	s = strings.TrimSpace(s)
	if p, ok := simpleWords[s]; ok {
		return &displayRef{kind: spec.RefPrimitive, name: p, width: p == "int" || p == "unsignedInt"}
	}
	if rest, ok := strings.CutPrefix(s, "Collection of "); ok {
		if rest == "byte" {
			return &displayRef{kind: spec.RefPrimitive, name: "base64Binary", bytes: true}
		}
		return &displayRef{kind: spec.RefList, args: []*displayRef{parseDisplay(rest)}}
	}
	for prefix, kind := range map[string]string{"Dictionary of ": spec.RefDict, "Pair of ": spec.RefPair} {
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok || !strings.HasSuffix(rest, " [value]") {
			continue
		}
		rest = strings.TrimSuffix(rest, " [value]")
		k, v, ok := strings.Cut(rest, " [key] and ")
		if !ok {
			continue
		}
		return &displayRef{kind: kind, args: []*displayRef{parseDisplay(k), parseDisplay(v)}}
	}
	return &displayRef{kind: "model", name: s}
}

// modelNames returns the model names a rendering mentions.
func (d *displayRef) modelNames(out []string) []string {
	if d.kind == "model" {
		out = append(out, d.name)
	}
	for _, a := range d.args {
		out = a.modelNames(out)
	}
	return out
}

// modelArg is a generic argument parsed out of a model name.
type modelArg struct {
	prim  string      // spec primitive
	kind  string      // list, dict, nullable, pair for wrappers
	args  []*modelArg // wrapper arguments
	model string      // a model name
}

// splitGenericModelName parses "ApiResultOfListOfPatientSummary" (stock
// naming) or "Ns.RestApiResultOfSystem.Guid" (full-name naming) into the
// definition name and its arguments. known says whether a model name exists.
func splitGenericModelName(name string, known func(string) bool) (def string, args []*modelArg, ok bool) {
	for i := 0; i+2 < len(name); i++ {
		if name[i:i+2] != "Of" || i == 0 || !isUpperOrLetterStart(name[i+2]) {
			continue
		}
		def = name[:i]
		if strings.HasSuffix(def, ".") {
			continue
		}
		if a, ok := parseModelArgs(name[i+2:], known, 0); ok {
			return def, a, true
		}
	}
	return "", nil, false
}

func isUpperOrLetterStart(c byte) bool { return c >= 'A' && c <= 'Z' }

// parseModelArgs splits "XAndY" into arguments, trying every "And".
func parseModelArgs(s string, known func(string) bool, depth int) ([]*modelArg, bool) {
	if depth > 8 {
		return nil, false
	}
	if a, ok := parseModelArg(s, known, depth); ok {
		return []*modelArg{a}, true
	}
	for i := 1; i+3 < len(s); i++ {
		if s[i:i+3] != "And" || !isUpperOrLetterStart(s[i+3]) {
			continue
		}
		first, ok := parseModelArg(s[:i], known, depth)
		if !ok {
			continue
		}
		rest, ok := parseModelArgs(s[i+3:], known, depth)
		if ok {
			return append([]*modelArg{first}, rest...), true
		}
	}
	return nil, false
}

func parseModelArg(s string, known func(string) bool, depth int) (*modelArg, bool) {
	simple := s
	if i := strings.LastIndexByte(s, '.'); i >= 0 && strings.HasPrefix(s, "System.") {
		simple = s[i+1:]
	}
	if p, ok := clrPrimitives[simple]; ok && (simple == s || strings.HasPrefix(s, "System.")) {
		return &modelArg{prim: p}, true
	}
	if known(s) {
		return &modelArg{model: s}, true
	}
	def, args, ok := splitGenericModelName(s, known)
	if !ok {
		return nil, false
	}
	short := def
	if i := strings.LastIndexByte(def, '.'); i >= 0 {
		short = def[i+1:]
	}
	kind, ok := genericWrappers[short]
	if !ok {
		// A generic contract used as an argument must itself be a model.
		return nil, false
	}
	want := map[string]int{spec.RefList: 1, spec.RefNullable: 1, spec.RefDict: 2, spec.RefPair: 2}[kind]
	if len(args) != want {
		return nil, false
	}
	return &modelArg{kind: kind, args: args}, true
}
