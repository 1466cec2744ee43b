package openapi

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// exportedTypes are the types that become component schemas: all but
// generic definitions, whose members name type parameters.
func (x *exporter) exportedTypes() []*spec.Type {
	var out []*spec.Type
	for _, t := range x.s.Types {
		if len(t.TypeParams) == 0 {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// nameSchemas gives each type its simple name, made unique by prepending
// namespace segments, then a number.
func (x *exporter) nameSchemas() {
	types := x.exportedTypes()
	groups := map[string][]*spec.Type{}
	for _, t := range types {
		n := simpleName(t)
		groups[n] = append(groups[n], t)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	taken := map[string]bool{}
	for _, k := range keys {
		if len(groups[k]) == 1 {
			x.names[groups[k][0].Name] = k
			taken[k] = true
		}
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) == 1 {
			continue
		}
		for _, t := range g {
			segs := nsSegments(t)
			name := k
			for i := len(segs) - 1; i >= 0 && (taken[name] || name == k); i-- {
				name = exported(segs[i]) + name
			}
			for n := 2; taken[name]; n++ {
				name = fmt.Sprintf("%s%d", k, n)
			}
			taken[name] = true
			x.names[t.Name] = name
		}
	}
}

func nsSegments(t *spec.Type) []string {
	n := t.Name
	if i := strings.IndexByte(n, '<'); i >= 0 {
		n = n[:i]
	}
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		return strings.Split(n[:i], ".")
	}
	if t.XML != nil {
		// Version segments (…/parts/v1) tell contracts apart poorly.
		var words []string
		for _, w := range nsWords(t.XML.Namespace) {
			if !isVersionSeg(w) {
				words = append(words, w)
			}
		}
		return words
	}
	return nil
}

func nsWords(ns string) []string {
	ns = strings.TrimPrefix(strings.TrimPrefix(ns, "http://"), "https://")
	return strings.FieldsFunc(ns, func(r rune) bool { return r == '/' || r == '.' || r == ':' })
}

var primNames = map[string]string{
	"string": "String", "int": "Int32", "long": "Int64", "short": "Int16", "unsignedByte": "Byte",
	"byte": "SByte", "unsignedShort": "UInt16", "unsignedInt": "UInt32", "unsignedLong": "UInt64",
	"float": "Single", "double": "Double", "decimal": "Decimal", "boolean": "Boolean",
	"dateTime": "DateTime", "dateTimeOffset": "DateTimeOffset", "duration": "TimeSpan", "guid": "Guid",
	"char": "Char", "anyURI": "Uri", "base64Binary": "ByteArray", "anyType": "Object",
}

// simpleName is the CLR simple name, generic instances spelled out the way
// the Help Page names them (ApiResultOfListOfPatientSummary), limited to
// the characters OpenAPI allows in component names.
func simpleName(t *spec.Type) string {
	n := refName(spec.MustParseRefOrNamed(t.Name))
	if t.Generic != nil {
		parts := make([]string, len(t.Generic.Args))
		for i, a := range t.Generic.Args {
			parts[i] = refName(spec.MustParseRefOrNamed(a))
		}
		n = lastSegment(t.Generic.Definition) + "Of" + strings.Join(parts, "And")
	}
	n = exported(n)
	if n == "" {
		n = "Type"
	}
	return n
}

func refName(r *spec.Ref) string {
	switch r.Kind {
	case spec.RefPrimitive:
		return primNames[r.Name]
	case spec.RefNamed:
		n := r.Name
		if i := strings.IndexByte(n, '<'); i >= 0 && strings.HasSuffix(n, ">") {
			args := genericArgs(n)
			parts := make([]string, len(args))
			for j, a := range args {
				parts[j] = refName(spec.MustParseRefOrNamed(a))
			}
			return lastSegment(n[:i]) + "Of" + strings.Join(parts, "And")
		}
		return lastSegment(n)
	case spec.RefList:
		return "ListOf" + refName(r.Elem())
	case spec.RefNullable:
		return "NullableOf" + refName(r.Elem())
	case spec.RefDict:
		return "DictionaryOf" + refName(r.Key()) + "And" + refName(r.Elem())
	case spec.RefPair:
		return "KeyValuePairOf" + refName(r.Key()) + "And" + refName(r.Elem())
	}
	return "X"
}

func genericArgs(n string) []string {
	i := strings.IndexByte(n, '<')
	body := n[i+1 : len(n)-1]
	var args []string
	depth, start := 0, 0
	for j, c := range body {
		switch c {
		case '<':
			depth++
		case '>':
			depth--
		case ',':
			if depth == 0 {
				args = append(args, body[start:j])
				start = j + 1
			}
		}
	}
	return append(args, body[start:])
}

func lastSegment(n string) string {
	if i := strings.IndexByte(n, '<'); i >= 0 {
		n = n[:i]
	}
	if i := strings.LastIndexAny(n, ".+"); i >= 0 {
		return n[i+1:]
	}
	return n
}

var ncName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// namePrefixes gives a prefix to every namespace a member is in when it is
// not its type's: the namespace's last word, lower-cased, made unique.
func (x *exporter) namePrefixes() {
	set := map[string]bool{}
	for _, t := range x.exportedTypes() {
		for _, m := range t.Members {
			if m.XML != nil && m.XML.Namespace != "" && (t.XML == nil || m.XML.Namespace != t.XML.Namespace) {
				set[m.XML.Namespace] = true
			}
		}
	}
	nss := make([]string, 0, len(set))
	for ns := range set {
		nss = append(nss, ns)
	}
	sort.Strings(nss)
	taken := map[string]bool{}
	for _, ns := range nss {
		p := "ns"
		words := nsWords(ns)
		for i := len(words) - 1; i >= 0; i-- {
			w := strings.ToLower(exported(words[i]))
			if w != "" && ncName.MatchString(w) && !strings.HasPrefix(w, "xml") && !isVersionSeg(w) {
				p = w
				break
			}
		}
		base := p
		for n := 2; taken[p]; n++ {
			p = base + strconv.Itoa(n)
		}
		taken[p] = true
		x.prefixes[ns] = p
	}
}

func (x *exporter) schemas() *obj {
	out := newObj()
	types := x.exportedTypes()
	sort.SliceStable(types, func(i, j int) bool { return x.names[types[i].Name] < x.names[types[j].Name] })
	for _, t := range types {
		if t.Kind == spec.KindEnum {
			out.set(x.names[t.Name], x.enumSchema(t))
		} else {
			out.set(x.names[t.Name], x.complexSchema(t))
		}
	}
	return out
}

func xmlObj(name, ns string) *obj {
	o := newObj()
	if name != "" {
		o.set("name", name)
	}
	if ns != "" {
		o.set("namespace", ns)
	}
	return o
}

func (x *exporter) complexSchema(t *spec.Type) *obj {
	o := newObj().set("type", "object")
	if d := strings.TrimSpace(t.Doc); d != "" {
		o.set("description", d)
	}
	typeNS := ""
	if t.XML != nil {
		typeNS = t.XML.Namespace
	}
	props := newObj()
	var required []any
	keys := x.memberKeys(t)
	goNames := map[string]int{}
	ogenNames := newObj()
	for i, m := range t.Members {
		key := keys[i]
		ms := x.memberSchema(m, key, typeNS)
		if x.opts.Codegen && selfRef(t.Name, m.Type) {
			// ogen v1.24.0 emits code that does not compile for an optional
			// member of the type's own type; a free-form object keeps the
			// rest of the API usable.
			ms = newObj().set("type", "object").set("nullable", true).
				set("description", "A "+x.names[t.Name]+" (a reference to its own type, left untyped for code generators).")
		}
		if x.opts.Codegen {
			// Generators derive Go field names ignoring case ("Id" and "ID"
			// are both ID in ogen); name the later ones explicitly.
			g := goFieldKey(key)
			if n := goNames[g]; n > 0 {
				name := fmt.Sprintf("%s%d", exportedName(key), n+1)
				ogenNames.set(key, newObj().set("name", name))
				ms.set("x-go-name", name)
			}
			goNames[g]++
		}
		props.set(key, ms)
		if m.Required {
			required = append(required, key)
		}
	}
	if len(required) > 0 {
		o.set("required", required)
	}
	o.set("properties", props)
	if len(ogenNames.kvs) > 0 {
		o.set("x-ogen-properties", ogenNames)
	}
	if t.XML != nil {
		o.set("xml", xmlObj(t.XML.Name, t.XML.Namespace))
	}
	o.set("x-dotnet-type", t.Name)
	if t.Base != "" {
		if bn, ok := x.names[t.Base]; ok {
			o.set("x-dotnet-base", bn)
		}
	}
	if t.Synthetic {
		o.set("x-helpgen-synthetic", true)
	}
	return o
}

// memberKeys are the property names of a type's members, in member order:
// the JSON name, else the element name, made unique.
func (x *exporter) memberKeys(t *spec.Type) []string {
	keys := make([]string, len(t.Members))
	taken := map[string]bool{}
	for i, m := range t.Members {
		key := m.Name
		switch {
		case m.JSON != nil:
			key = m.JSON.Name
		case m.XML != nil:
			key = m.XML.Name
		}
		base := key
		for n := 2; taken[key]; n++ {
			key = fmt.Sprintf("%s_%d", base, n)
		}
		taken[key] = true
		keys[i] = key
	}
	return keys
}

// refType reports whether a .NET value of the reference can be null
// without Nullable<T>: reference types.
func (x *exporter) refType(r *spec.Ref) bool {
	switch r.Kind {
	case spec.RefPrimitive:
		switch r.Name {
		case "string", "anyURI", "base64Binary", "anyType":
			return true
		}
		return false
	case spec.RefList, spec.RefDict:
		return true
	case spec.RefNamed:
		t := x.types[r.Name]
		return t == nil || t.Kind != spec.KindEnum
	}
	return false
}

func (x *exporter) memberSchema(m *spec.Member, key, typeNS string) *obj {
	r := spec.MustParseRefOrNamed(m.Type)
	s := x.refSchema(r)
	// [Required] rejects null, so required members are not nullable.
	if r.Kind != spec.RefNullable && !m.Required && x.refType(r) {
		s = nullable(s)
	}
	var def *string
	if m.Annotations != nil {
		def = m.Annotations.Default
	}
	s = x.constrain(s, r, m.Annotations, def)
	if d := strings.TrimSpace(m.Doc); d != "" {
		s = sibling(s).set("description", d)
	}
	if m.XML != nil {
		xo := newObj()
		if m.XML.Name != key {
			xo.set("name", m.XML.Name)
		}
		if m.XML.Namespace != "" && m.XML.Namespace != typeNS {
			xo.set("namespace", m.XML.Namespace)
			xo.set("prefix", x.prefixes[m.XML.Namespace])
		}
		if isArray(r) {
			xo.set("wrapped", true)
		}
		if xo.len() > 0 {
			s = sibling(s).set("xml", xo)
		}
	} else {
		s = sibling(s).set("x-json-only", true)
	}
	if m.JSON == nil {
		s = sibling(s).set("x-xml-only", true)
	}
	return s
}

func isArray(r *spec.Ref) bool {
	if r.Kind == spec.RefNullable {
		return isArray(r.Elem())
	}
	return r.Kind == spec.RefList
}

// sibling makes room for keywords next to a schema: a bare $ref is wrapped
// in allOf, as OpenAPI 3.0 ignores (and validators reject) $ref siblings.
func sibling(s *obj) *obj {
	if s.has("$ref") {
		return newObj().set("allOf", []any{s})
	}
	return s
}

func nullable(s *obj) *obj {
	return sibling(s).set("nullable", true)
}

// refSchema is the schema of a type reference, without nullability for
// reference types (members add it).
func (x *exporter) refSchema(r *spec.Ref) *obj {
	switch r.Kind {
	case spec.RefPrimitive:
		return primSchema(r.Name)
	case spec.RefNullable:
		return nullable(x.refSchema(r.Elem()))
	case spec.RefList:
		return newObj().set("type", "array").set("items", x.itemSchema(r))
	case spec.RefDict:
		o := newObj().set("type", "object").set("additionalProperties", x.refSchema(r.Elem()))
		if k := r.Key(); !(k.Kind == spec.RefPrimitive && k.Name == "string") {
			// Json.NET writes the keys as strings.
			o.set("x-dotnet-key-type", k.String())
		}
		return o
	case spec.RefPair:
		_, ns := x.contract(r)
		props := newObj().
			set("Key", sibling(x.refSchema(r.Key())).set("xml", xmlObj("key", ns))).
			set("Value", sibling(x.refSchema(r.Elem())).set("xml", xmlObj("value", ns)))
		return newObj().set("type", "object").set("required", []any{"Key", "Value"}).set("properties", props)
	}
	if n, ok := x.names[r.Name]; ok {
		return newObj().set("$ref", "#/components/schemas/"+n)
	}
	// A type parameter or a type the spec lacks: any value.
	return newObj().set("x-dotnet-type", r.Name)
}

// itemSchema is the items schema of a list, named for XML after the item
// contract, in the collection's namespace. Items that $ref a component take
// the component's own xml name, which is the same contract name.
func (x *exporter) itemSchema(list *spec.Ref) *obj {
	elem := list.Elem()
	s := x.refSchema(elem)
	if s.has("$ref") {
		return s
	}
	name, _ := x.contract(elem)
	_, ns := x.contract(list)
	xo := xmlObj(name, ns)
	if isArray(elem) {
		xo.set("wrapped", true)
	}
	return sibling(s).set("xml", xo)
}

// rootSchema is the schema of a body or response: a $ref, or an inline
// schema whose xml names the root element.
func (x *exporter) rootSchema(r *spec.Ref) *obj {
	s := x.refSchema(r)
	if s.has("$ref") {
		return s
	}
	name, ns := x.contract(r)
	xo := xmlObj(name, ns)
	if isArray(r) {
		xo.set("wrapped", true)
	}
	return sibling(s).set("xml", xo)
}

// contract is the DataContract name and namespace DCS uses for a reference.
func (x *exporter) contract(r *spec.Ref) (name, ns string) {
	switch r.Kind {
	case spec.RefPrimitive:
		return spec.PrimitiveContract(r.Name)
	case spec.RefNullable:
		return x.contract(r.Elem())
	case spec.RefList:
		n, ns := x.contract(r.Elem())
		if ns == spec.NSSchema || ns == spec.NSSerialization {
			ns = spec.NSArrays
		}
		return "ArrayOf" + n, ns
	case spec.RefDict, spec.RefPair:
		kn, kns := x.contract(r.Key())
		vn, vns := x.contract(r.Elem())
		if r.Kind == spec.RefDict {
			return spec.GenericContractName("ArrayOfKeyValue", []string{kn, vn}, []string{kns, vns}), spec.NSArrays
		}
		return spec.GenericContractName("KeyValuePair", []string{kn, vn}, []string{kns, vns}), spec.NSGeneric
	}
	if t := x.types[r.Name]; t != nil && t.XML != nil {
		return t.XML.Name, t.XML.Namespace
	}
	return lastSegment(r.Name), ""
}

func primSchema(p string) *obj {
	o := newObj()
	str := func(format string) *obj {
		o.set("type", "string")
		if format != "" {
			o.set("format", format)
		}
		return o
	}
	integer := func(format, dotnet, min, max string) *obj {
		o.set("type", "integer")
		if format != "" {
			o.set("format", format)
		}
		if min != "" {
			o.set("minimum", number(min))
		}
		if max != "" {
			o.set("maximum", number(max))
		}
		if dotnet != "" {
			o.set("x-dotnet-type", dotnet)
		}
		return o
	}
	switch p {
	case "string":
		return str("")
	case "int":
		return integer("int32", "", "", "")
	case "long":
		return integer("int64", "", "", "")
	case "short":
		return integer("int32", "short", "-32768", "32767")
	case "unsignedByte":
		return integer("int32", "byte", "0", "255")
	case "byte":
		return integer("int32", "sbyte", "-128", "127")
	case "unsignedShort":
		return integer("int32", "ushort", "0", "65535")
	case "unsignedInt":
		return integer("int64", "uint", "0", "4294967295")
	case "unsignedLong":
		// No maximum: 2^64-1 overflows the int64 most generators use for
		// bounds, and no format holds it.
		return integer("", "ulong", "0", "")
	case "float":
		return o.set("type", "number").set("format", "float")
	case "double":
		return o.set("type", "number").set("format", "double")
	case "decimal":
		return o.set("type", "number").set("x-dotnet-type", "decimal")
	case "boolean":
		return o.set("type", "boolean")
	case "dateTime":
		return str("date-time")
	case "dateTimeOffset":
		return str("date-time").set("x-dotnet-type", "DateTimeOffset")
	case "duration":
		return str("").set("x-dotnet-type", "TimeSpan")
	case "guid":
		return str("uuid")
	case "char":
		return str("").set("minLength", 1).set("maxLength", 1).set("x-dotnet-type", "char")
	case "anyURI":
		return str("uri")
	case "base64Binary":
		return str("byte")
	case "anyType":
		return o.set("x-dotnet-type", "object")
	}
	return str("").set("x-dotnet-type", p)
}

func (x *exporter) enumSchema(t *spec.Type) *obj {
	o := newObj().set("type", "integer")
	switch t.Underlying {
	case "long", "unsignedInt", "unsignedLong", "Int64", "UInt32", "UInt64":
		o.set("format", "int64")
	default:
		o.set("format", "int32")
	}
	if d := strings.TrimSpace(t.Doc); d != "" {
		o.set("description", d)
	}
	// Duplicate numbers are aliases in .NET; the first name stands for the
	// value (Json.NET writes the number either way).
	seen := map[int64]bool{}
	var values, names, wires, docs []any
	hasWire, hasDoc := false, false
	for _, v := range t.Values {
		if seen[v.Value] {
			continue
		}
		seen[v.Value] = true
		values = append(values, v.Value)
		names = append(names, v.Name)
		w := v.Wire
		if w == "" {
			w = v.Name
		} else if w != v.Name {
			hasWire = true
		}
		wires = append(wires, w)
		docs = append(docs, strings.TrimSpace(v.Doc))
		if strings.TrimSpace(v.Doc) != "" {
			hasDoc = true
		}
	}
	if values == nil {
		values, names, wires, docs = []any{}, []any{}, []any{}, []any{}
	}
	if t.Flags {
		o.set("x-enum-flags", true)
		o.set("x-enum-values", values)
	} else if len(values) > 0 {
		o.set("enum", values)
	}
	o.set("x-enum-varnames", names)
	if hasWire {
		o.set("x-enum-wire", wires)
	}
	if hasDoc {
		o.set("x-enum-descriptions", docs)
	}
	if t.XML != nil {
		o.set("xml", xmlObj(t.XML.Name, t.XML.Namespace))
	}
	o.set("x-dotnet-type", t.Name)
	return o
}

// constrain adds the annotations' constraints and the default to a schema.
func (x *exporter) constrain(s *obj, r *spec.Ref, a *spec.Annotations, def *string) *obj {
	kind := x.schemaType(r)
	if a != nil {
		lenMin, lenMax := "minLength", "maxLength"
		if kind == "array" {
			lenMin, lenMax = "minItems", "maxItems"
		}
		if a.StringLength != nil {
			if n, err := strconv.Atoi(strings.TrimSpace(a.StringLength.Min)); err == nil && n > 0 {
				s = sibling(s).set(lenMin, n)
			}
			if n, err := strconv.Atoi(strings.TrimSpace(a.StringLength.Max)); err == nil {
				s = sibling(s).set(lenMax, n)
			}
		}
		if a.MinLength != nil {
			s = sibling(s).set(lenMin, *a.MinLength)
		}
		if a.MaxLength != nil {
			s = sibling(s).set(lenMax, *a.MaxLength)
		}
		if a.Range != nil {
			lo, okLo := asNumber(a.Range.Min)
			hi, okHi := asNumber(a.Range.Max)
			if okLo && okHi && (kind == "integer" || kind == "number") {
				s = sibling(s).set("minimum", lo).set("maximum", hi)
			} else {
				s = sibling(s).set("x-dotnet-range", newObj().set("min", a.Range.Min).set("max", a.Range.Max))
			}
		}
		if a.Pattern != "" {
			if _, err := regexp.Compile(a.Pattern); err == nil && kind == "string" {
				s = sibling(s).set("pattern", a.Pattern)
			} else {
				s = sibling(s).set("x-dotnet-pattern", a.Pattern)
			}
		}
		if a.DataType != "" {
			s = sibling(s).set("x-dotnet-data-type", a.DataType)
		}
		if len(a.Other) > 0 {
			other := make([]any, len(a.Other))
			for i, o := range a.Other {
				other[i] = o
			}
			s = sibling(s).set("x-annotations", other)
		}
	}
	if def != nil {
		if v, ok := x.typedDefault(r, kind, *def); ok {
			s = sibling(s).set("default", v)
		} else {
			s = sibling(s).set("x-dotnet-default", *def)
		}
	}
	return s
}

// schemaType is the JSON Schema type a reference's schema has.
func (x *exporter) schemaType(r *spec.Ref) string {
	switch r.Kind {
	case spec.RefNullable:
		return x.schemaType(r.Elem())
	case spec.RefList:
		return "array"
	case spec.RefDict, spec.RefPair:
		return "object"
	case spec.RefNamed:
		if t := x.types[r.Name]; t != nil && t.Kind == spec.KindEnum {
			return "integer"
		}
		return "object"
	}
	if t, ok := primSchema(r.Name).get("type").(string); ok {
		return t
	}
	return ""
}

// typedDefault converts a documented default to the schema's type; enum
// defaults may be written as names.
func (x *exporter) typedDefault(r *spec.Ref, kind, def string) (any, bool) {
	def = strings.TrimSpace(def)
	if r.Kind == spec.RefNullable && strings.EqualFold(def, "null") {
		return nil, false
	}
	switch kind {
	case "string":
		if strings.EqualFold(def, "null") {
			return nil, false
		}
		return def, true
	case "boolean":
		b, err := strconv.ParseBool(strings.ToLower(def))
		return b, err == nil
	case "integer":
		if n, err := strconv.ParseInt(def, 10, 64); err == nil {
			return n, true
		}
		named := r
		if named.Kind == spec.RefNullable {
			named = named.Elem()
		}
		if t := x.types[named.Name]; t != nil && t.Kind == spec.KindEnum {
			for _, v := range t.Values {
				if v.Name == def || v.Wire == def {
					return v.Value, true
				}
			}
		}
		return nil, false
	case "number":
		if n, ok := asNumber(def); ok {
			return n, true
		}
	}
	return nil, false
}

// goFieldKey is how code generators see a property name when they make a
// Go field of it: case and punctuation do not count.
func goFieldKey(key string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(key) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// exportedName is key as an exported Go identifier.
func exportedName(key string) string {
	var b strings.Builder
	up := true
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	if b.Len() == 0 || b.String()[0] >= '0' && b.String()[0] <= '9' {
		return "X" + b.String()
	}
	return b.String()
}

// selfRef reports whether a member's type names its own type, directly or
// as a nullable or collection item.
func selfRef(typeName, ref string) bool {
	r, err := spec.ParseRef(ref)
	if err != nil {
		return false
	}
	for r.Kind == spec.RefNullable || r.Kind == spec.RefList {
		r = r.Elem()
	}
	return r.Kind == spec.RefNamed && r.Name == typeName
}
