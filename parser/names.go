package parser

import (
	"fmt"
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

// typeWordVariants are the simple-type words of customised Help Pages
// (seen on real sites): a template that prints "datetime", a generator that
// adds the integer width, one that prints Type.FullName.
var typeWordVariants = map[string]string{
	"datetime": "dateTime", "date time": "dateTime", "date-time": "dateTime",
	"guid": "guid", "uuid": "guid", "bool": "boolean", "int": "int", "long": "long",
}

// maxTypeWordVariant is the longest key of typeWordVariants: longer text
// is none (parseDisplay runs for every row, often more than once).
const maxTypeWordVariant = len("date-time")

// bitWidths are the "(N bits)" qualifiers of integer words.
var bitWidths = map[string][2]string{ // signed, unsigned
	"8": {"byte", "unsignedByte"}, "16": {"short", "unsignedShort"}, "32": {"int", "unsignedInt"}, "64": {"long", "unsignedLong"},
}

// textTypeWord returns the primitive a customised simple-type spelling
// stands for, or "": "datetime", "System.Int32", and a stock word with the
// CLR type or width in parentheses ("integer (Int64)", "integer (32 bits)",
// "decimal number (Double)").
func textTypeWord(s string) string {
	if len(s) <= maxTypeWordVariant {
		for w, p := range typeWordVariants {
			if strings.EqualFold(w, s) {
				return p // "Datetime", "DateTime" as some templates print them
			}
		}
	}
	if rest, ok := strings.CutPrefix(s, "System."); ok {
		return clrPrimitives[rest]
	}
	word, q, ok := strings.Cut(s, " (")
	q, ok2 := strings.CutSuffix(q, ")")
	base, ok3 := simpleWords[word]
	if !ok || !ok2 || !ok3 {
		return ""
	}
	if p, ok := clrPrimitives[strings.TrimPrefix(q, "System.")]; ok {
		return p
	}
	if n, ok := strings.CutSuffix(q, " bits"); ok && (base == "int" || base == "unsignedInt") {
		if w, ok := bitWidths[n]; ok {
			if base == "unsignedInt" {
				return w[1]
			}
			return w[0]
		}
	}
	return ""
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
	// garbled is the text of a rendering no Help Page writes (a model name
	// with spaces or brackets: cell debris, a merged or cut cell); the
	// reference is then a raw value (anyType) and the caller warns.
	garbled string
}

// garbledText returns the garbled part of a rendering, "" when none is.
func (d *displayRef) garbledText() string {
	if d.garbled != "" {
		return d.garbled
	}
	for _, a := range d.args {
		if g := a.garbledText(); g != "" {
			return g
		}
	}
	return ""
}

// plausibleModelName reports whether s can be a model name as Help Pages
// write them: a CLR type name, possibly qualified, generic ("PageOfX",
// "X`2", "X<Y>") or an array ("X[]"); never spaces or stray brackets.
func plausibleModelName(s string) bool {
	if s == "" {
		return false
	}
	s = strings.ReplaceAll(s, "[]", "")
	return !strings.ContainsAny(s, " \t\n\r[](){}|;:\"'=")
}

// parseDisplay parses a Help Page type rendering.
func parseDisplay(s string) *displayRef {
	s = strings.TrimSpace(s)
	if p, ok := simpleWords[s]; ok {
		return &displayRef{kind: spec.RefPrimitive, name: p, width: p == "int" || p == "unsignedInt"}
	}
	if p := textTypeWord(s); p != "" {
		return &displayRef{kind: spec.RefPrimitive, name: p}
	}
	if rest, ok := strings.CutPrefix(s, "Collection of "); ok {
		if rest == "byte" {
			return &displayRef{kind: spec.RefPrimitive, name: "base64Binary", bytes: true}
		}
		return &displayRef{kind: spec.RefList, args: []*displayRef{parseDisplay(rest)}}
	}
	for _, pk := range [...][2]string{{"Dictionary of ", spec.RefDict}, {"Pair of ", spec.RefPair}} {
		prefix, kind := pk[0], pk[1]
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok || !strings.HasSuffix(rest, " [value]") {
			continue
		}
		rest = strings.TrimSuffix(rest, " [value]")
		k, v, ok := strings.Cut(rest, " [key] and ")
		if !ok {
			continue
		}
		if kind == spec.RefDict && strings.TrimSpace(k) == "Object" {
			// A non-generic dictionary (Hashtable, IDictionary): keys of any
			// type, which Json.NET writes as text and DCS xsi-typed. Kept raw.
			return &displayRef{kind: spec.RefPrimitive, name: "anyType"}
		}
		return &displayRef{kind: kind, args: []*displayRef{parseDisplay(k), parseDisplay(v)}}
	}
	if !plausibleModelName(s) {
		return &displayRef{kind: spec.RefPrimitive, name: "anyType", garbled: s}
	}
	return &displayRef{kind: "model", name: s}
}

// modelNamesKey is a rendering's canonical text, to compare two.
func (d *displayRef) modelNamesKey() string {
	s := d.kind + ":" + d.name
	for _, a := range d.args {
		s += "(" + a.modelNamesKey() + ")"
	}
	return s
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
	// unknown: the name does not say (an array of a generic, "X`2[]");
	// resolved from the model's table (resolveArgs).
	unknown bool
}

// hasUnknown reports whether an argument has a part the name does not say.
func (a *modelArg) hasUnknown() bool {
	if a.unknown {
		return true
	}
	for _, x := range a.args {
		if x.hasUnknown() {
			return true
		}
	}
	return false
}

// matches reports whether a table rendering fits an argument pattern.
func (a *modelArg) matches(d *displayRef) bool {
	switch {
	case a.unknown:
		return true
	case a.prim != "":
		return d.kind == spec.RefPrimitive && d.name == a.prim
	case a.model != "":
		return d.kind == "model" && d.name == a.model
	}
	if d.kind != a.kind || len(d.args) != len(a.args) {
		return false
	}
	for i := range a.args {
		if !a.args[i].matches(d.args[i]) {
			return false
		}
	}
	return true
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
	if elem, ok := strings.CutSuffix(s, "[]"); ok && elem != "" {
		// An array's Type.Name ("KeyValuePair`2[]"): ModelNameHelper keeps it.
		a, ok := parseModelArg(elem, known, depth+1)
		if !ok {
			return nil, false
		}
		return &modelArg{kind: spec.RefList, args: []*modelArg{a}}, true
	}
	if def, n, ok := strings.Cut(s, "`"); ok {
		// A generic Type.Name with its arity ("KeyValuePair`2", inside an
		// array): the arguments are not in the name; the table tells them.
		kind := genericWrappers[def]
		arity := map[string]int{spec.RefList: 1, spec.RefNullable: 1, spec.RefDict: 2, spec.RefPair: 2}[kind]
		if kind == "" || n != fmt.Sprint(arity) {
			return nil, false
		}
		a := &modelArg{kind: kind}
		for range arity {
			a.args = append(a.args, &modelArg{unknown: true})
		}
		return a, true
	}
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
