package generator

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/helpgen/helpgen/spec"
)

// Model is the spec with every Go name resolved once, before any emitter
// runs: emitters only read it, so names never disagree between files.
type Model struct {
	Spec    *spec.Spec
	Package string
	// Types are the emitted types in a stable order (by Go name); Opaque
	// the opaque ones, which are Objects (no Go type), by spec name.
	Types  []*Type
	Opaque []*Type
	byName map[string]*Type // by spec name
	// Ops are the endpoints, by GoName; Roots the body and response types.
	Ops   []*Op
	Roots []*Root
	opts  Options
	// sampleCases are the documented samples the generated tests read.
	samplesOnce sync.Once
	sampleCases []sampleCase
	// Renames lists every Go name that is not the CLR simple name or the
	// member name, with why; the generator reports them.
	Renames []Rename
}

// Rename records one deviation from the default naming rule.
type Rename struct {
	What   string // "type", "field", "enum value"
	From   string // spec name
	To     string // Go name
	Reason string
}

func (r Rename) String() string {
	return fmt.Sprintf("%s %s -> %s (%s)", r.What, r.From, r.To, r.Reason)
}

// Type is one emitted Go type.
type Type struct {
	Spec   *spec.Type
	GoName string
	// Fields are the members in DCS order (spec order); JSONFields are the
	// members present in JSON, in JSON order; XMLFields those present in
	// XML, in DCS order.
	Fields     []*Field
	JSONFields []*Field
	XMLFields  []*Field
	// Values are the enum constants.
	Values []*EnumConst
}

// IsEnum reports whether t is an enum.
func (t *Type) IsEnum() bool { return t.Spec.Kind == spec.KindEnum }

// Field is one struct field.
type Field struct {
	Member *spec.Member
	GoName string
	Type   *GoType
	owner  *Type // the struct
}

// EnumConst is one enum constant.
type EnumConst struct {
	Value  *spec.EnumValue
	GoName string
}

// GoType is the Go shape of a spec type reference.
type GoType struct {
	Ref *spec.Ref
	// Kind is the spec.Ref kind: primitive, list, dict, nullable, pair, named.
	Kind string
	// Prim is the spec primitive name for primitives.
	Prim string
	// Named is the emitted type for named references.
	Named *Type
	// Elem is the element (list, nullable) or value (dict, pair); Key the key.
	Elem, Key *GoType
	// Nilable is true when nil stands for the .NET null: pointers, slices, maps.
	Nilable bool
	// Opaque is the contract of an opaque type (spec.Type.Opaque): the Go
	// value is an Object (Kind primitive, Prim anyType), and XML needs the
	// contract's namespace for DCS's declaration on a nil member.
	Opaque *Type
}

// PrimGoExpr returns the Go type expression of a primitive ("string",
// "uuid.UUID", "rt.Decimal" for runtime types) and whether fields of it are
// pointers.
func PrimGoExpr(name string) (expr string, pointer bool) {
	p := prims[name]
	return p.goType, p.pointer
}

// ReservedNames are identifiers the runtime and the client/server emitters
// declare in the generated package; types are renamed away from them.
var ReservedNames = map[string]bool{
	"DateTime": true, "DateTimeKind": true, "Decimal": true, "TimeSpan": true, "Object": true,
	"KeyValuePair": true, "Ptr": true, "DateTimeUnspecified": true, "DateTimeUtc": true, "DateTimeLocal": true,
	"DateTimeOf": true, "TimeSpanOf": true, "ParseDecimal": true, "DecimalFromInt": true, "Client": true, "NewClient": true, "ClientOption": true,
	"Server": true, "NewServer": true, "Handler": true, "NewHandler": true, "APIError": true,
	"Error": true, "Unimplemented": true, "UnimplementedService": true, "SampleService": true,
	"ServiceImpl": true, "Service": true, "ServerOption": true, "WithMaxBodyBytes": true, "WithValidation": true, "WithLogger": true,
	"HTTPError": true, "ValidationError": true, "Format": true, "Doer": true, "RequestEditor": true, "WithHTTPClient": true,
	"WithRequestEditor": true, "WithFormat": true, "WithUserAgent": true, "WithMaxResponseBytes": true, "FormatJSON": true, "FormatXML": true, "FormatForm": true,
	"DecodeLimits": true, "WithDecodeLimits": true, "WithRedirectAsGet": true, "RedirectError": true,
}

// fieldMethods are the methods generated types carry; fields may not use them.
var fieldMethods = map[string]bool{
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalXML": true, "UnmarshalXML": true,
	"AppendJSON": true, "AppendXML": true, "DecodeJSON": true, "DecodeXML": true,
	"EncodeForm": true, "DecodeForm": true, "String": true, "Validate": true, "IsValid": true,
}

// NewModel resolves the Go names of s. Base types are not emitted on their
// own (their members are flattened into the derived types) unless a body,
// response or member references them.
func NewModel(s *spec.Spec, pkg string) (*Model, error) {
	return NewModelWith(s, Options{Package: pkg})
}

// NewModelWith resolves names with the overrides and parts of opts.
func NewModelWith(s *spec.Spec, opts Options) (*Model, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if opts.Package == "" {
		opts.Package = "api"
	}
	if err := checkOverrides(s, opts.Names); err != nil {
		return nil, err
	}
	m := &Model{Spec: s, Package: opts.Package, byName: map[string]*Type{}, opts: opts}
	used := referencedTypes(s)
	var types []*spec.Type
	for _, t := range s.Types {
		if len(t.TypeParams) > 0 || !used[t.Name] {
			continue // generic definitions are monomorphized; unused bases are flattened
		}
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool { return types[i].Name < types[j].Name })
	m.nameTypes(types)
	// Opaque types are Objects: no Go type of their own (byName keeps
	// their contract for the XML codec).
	kept := m.Types[:0]
	for _, t := range m.Types {
		if t.Spec.Opaque {
			m.Opaque = append(m.Opaque, t)
		} else {
			kept = append(kept, t)
		}
	}
	m.Types = kept
	for _, t := range m.Types {
		if err := m.resolveMembers(t); err != nil {
			return nil, err
		}
	}
	sort.Slice(m.Types, func(i, j int) bool { return m.Types[i].GoName < m.Types[j].GoName })
	if err := m.resolveOps(opts.Names.Operations); err != nil {
		return nil, err
	}
	return m, nil
}

// goNameTaken reports whether an emitted type has the Go name n.
func (m *Model) goNameTaken(n string) bool {
	for _, t := range m.Types {
		if t.GoName == n {
			return true
		}
	}
	return false
}

// Lookup returns the emitted type for a spec type name.
func (m *Model) Lookup(name string) *Type { return m.byName[name] }

// GoTypeOf resolves a spec type reference.
func (m *Model) GoTypeOf(ref string) (*GoType, error) {
	r, err := spec.ParseRef(ref)
	if err != nil {
		return nil, err
	}
	return m.goType(r)
}

func (m *Model) goType(r *spec.Ref) (*GoType, error) {
	g := &GoType{Ref: r, Kind: r.Kind}
	switch r.Kind {
	case spec.RefPrimitive:
		g.Prim = r.Name
		_, g.Nilable = PrimGoExpr(r.Name)
		if r.Name == "base64Binary" {
			g.Nilable = true
		}
	case spec.RefNamed:
		g.Named = m.byName[r.Name]
		if g.Named == nil {
			return nil, fmt.Errorf("type %s is not emitted", r.Name)
		}
		if g.Named.Spec.Opaque {
			// Kept raw: an Object that knows its contract.
			return &GoType{Ref: r, Kind: spec.RefPrimitive, Prim: "anyType", Opaque: g.Named}, nil
		}
		g.Nilable = !g.Named.IsEnum()
	case spec.RefList, spec.RefNullable:
		e, err := m.goType(r.Elem())
		if err != nil {
			return nil, err
		}
		g.Elem = e
		g.Nilable = true
	case spec.RefDict, spec.RefPair:
		k, err := m.goType(r.Key())
		if err != nil {
			return nil, err
		}
		v, err := m.goType(r.Elem())
		if err != nil {
			return nil, err
		}
		g.Key, g.Elem = k, v
		g.Nilable = r.Kind == spec.RefDict
	}
	return g, nil
}

// referencedTypes are the types reachable from endpoints and from each other
// through members (not through Base).
func referencedTypes(s *spec.Spec) map[string]bool {
	types := s.TypeMap()
	used := map[string]bool{}
	var visit func(ref string)
	visit = func(ref string) {
		r, err := spec.ParseRef(ref)
		if err != nil {
			return
		}
		var walk func(r *spec.Ref)
		walk = func(r *spec.Ref) {
			for _, a := range r.Args {
				walk(a)
			}
			if r.Kind != spec.RefNamed || used[r.Name] {
				return
			}
			t := types[r.Name]
			if t == nil {
				return
			}
			used[r.Name] = true
			for _, mem := range t.Members {
				visit(mem.Type)
			}
		}
		walk(r)
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			visit(p.Type)
		}
		if e.Body != nil {
			visit(e.Body.Type)
		}
		if e.Response != nil {
			visit(e.Response.Type)
		}
	}
	// A spec with types but no endpoints (a model-only crawl) emits them all.
	if len(s.Endpoints) == 0 {
		for _, t := range s.Types {
			if len(t.TypeParams) == 0 && !isBase(s, t.Name) {
				visit(t.Name)
			}
		}
	}
	return used
}

func isBase(s *spec.Spec, name string) bool {
	for _, t := range s.Types {
		if t.Base == name {
			return true
		}
	}
	return false
}

// nameTypes gives each type its CLR simple name, made unique: types sharing
// a simple name are prefixed with namespace segments until they differ.
func (m *Model) nameTypes(types []*spec.Type) {
	final0 := map[*spec.Type]string{}
	base := map[*spec.Type]string{}
	groups := map[string][]*spec.Type{}
	for _, t := range types {
		n := Exported(simpleName(t))
		if o := m.opts.Names.Types[t.Name]; o != "" {
			final0[t] = o
			continue
		}
		if ReservedNames[n] {
			m.Renames = append(m.Renames, Rename{"type", t.Name, n + "Contract", "reserved by the generated package"})
			n += "Contract"
		}
		base[t] = n
		groups[n] = append(groups[n], t)
	}
	final := map[*spec.Type]string{}
	taken := map[string]bool{}
	for t, n := range final0 {
		final[t] = n
		taken[n] = true
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		if len(g) == 1 {
			final[g[0]] = k
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
			for i := len(segs) - 1; i >= 0; i-- {
				name = Exported(segs[i]) + name
				if !taken[name] {
					break
				}
			}
			for n := 2; taken[name]; n++ {
				name = fmt.Sprintf("%s%d", k, n)
			}
			taken[name] = true
			final[t] = name
			m.Renames = append(m.Renames, Rename{"type", t.Name, name, "simple name " + k + " is shared by " + fmt.Sprint(len(g)) + " contracts"})
		}
	}
	for _, t := range types {
		gt := &Type{Spec: t, GoName: final[t]}
		m.Types = append(m.Types, gt)
		m.byName[t.Name] = gt
	}
}

// nsSegments are the namespace parts used to disambiguate a type name: the
// CLR namespace when the name has one, else the XML namespace path.
func nsSegments(t *spec.Type) []string {
	n := t.Name
	if i := strings.IndexByte(n, '<'); i >= 0 {
		n = n[:i]
	}
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		return strings.Split(n[:i], ".")
	}
	if t.XML != nil {
		ns := strings.TrimPrefix(strings.TrimPrefix(t.XML.Namespace, "http://"), "https://")
		var segs []string
		for _, s := range strings.FieldsFunc(ns, func(r rune) bool { return r == '/' || r == '.' || r == ':' }) {
			if s != "" {
				segs = append(segs, s)
			}
		}
		return segs
	}
	return nil
}

// simpleName is the CLR simple name, generic instances spelled out the way
// the Help Page names them (ApiResultOfListOfPatientSummary).
func simpleName(t *spec.Type) string {
	r, err := spec.ParseRef(t.Name)
	if err != nil {
		return t.Name
	}
	if t.Generic != nil {
		def := t.Generic.Definition
		if i := strings.IndexByte(def, '<'); i >= 0 {
			def = def[:i]
		}
		parts := make([]string, len(t.Generic.Args))
		for i, a := range t.Generic.Args {
			parts[i] = refName(spec.MustParseRefOrNamed(a))
		}
		return lastSegment(def) + "Of" + strings.Join(parts, "And")
	}
	return lastSegment(r.Name)
}

func refName(r *spec.Ref) string {
	switch r.Kind {
	case spec.RefPrimitive:
		return prims[r.Name].name
	case spec.RefNamed:
		n := r.Name
		if i := strings.IndexByte(n, '<'); i >= 0 {
			// Nested generic instance: Name<args> → NameOfArgs.
			inner, err := spec.ParseRef(n)
			if err == nil && inner.Kind == spec.RefNamed {
				args := genericArgs(n)
				parts := make([]string, len(args))
				for i, a := range args {
					parts[i] = refName(spec.MustParseRefOrNamed(a))
				}
				return lastSegment(n[:i]) + "Of" + strings.Join(parts, "And")
			}
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

// genericArgs splits the top-level arguments of Name<a,b<c,d>>.
func genericArgs(n string) []string {
	i := strings.IndexByte(n, '<')
	if i < 0 || !strings.HasSuffix(n, ">") {
		return nil
	}
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

func (m *Model) resolveMembers(t *Type) error {
	if t.IsEnum() {
		taken := map[string]bool{}
		for _, v := range t.Spec.Values {
			name := t.GoName + Exported(v.Name)
			if taken[name] {
				orig := name
				for n := 2; taken[name]; n++ {
					name = fmt.Sprintf("%s%d", orig, n)
				}
				m.Renames = append(m.Renames, Rename{"enum value", t.Spec.Name + "." + v.Name, name, "collides after sanitizing"})
			}
			taken[name] = true
			t.Values = append(t.Values, &EnumConst{Value: v, GoName: name})
		}
		return nil
	}
	taken := map[string]bool{}
	for _, mem := range t.Spec.Members {
		name := Exported(mem.Name)
		reason := ""
		if name != mem.Name {
			reason = "not an exported Go identifier"
		}
		if o := m.opts.Names.Fields[t.Spec.Name+"."+mem.Name]; o != "" {
			name, reason = o, "configured"
		}
		if fieldMethods[name] {
			name += "_"
			reason = "a method of the generated type"
		}
		if taken[name] {
			orig := name
			for n := 2; taken[name]; n++ {
				name = fmt.Sprintf("%s%d", orig, n)
			}
			reason = "collides with another member after sanitizing"
		}
		taken[name] = true
		if reason != "" {
			m.Renames = append(m.Renames, Rename{"field", t.Spec.Name + "." + mem.Name, name, reason})
		}
		gt, err := m.GoTypeOf(mem.Type)
		if err != nil {
			return fmt.Errorf("type %s member %s: %w", t.Spec.Name, mem.Name, err)
		}
		f := &Field{Member: mem, GoName: name, Type: gt, owner: t}
		t.Fields = append(t.Fields, f)
		if mem.XML != nil {
			t.XMLFields = append(t.XMLFields, f)
		}
		if mem.JSON != nil {
			t.JSONFields = append(t.JSONFields, f)
		}
	}
	sort.SliceStable(t.XMLFields, func(i, j int) bool { return t.XMLFields[i].Member.XML.Order < t.XMLFields[j].Member.XML.Order })
	sort.SliceStable(t.JSONFields, func(i, j int) bool { return t.JSONFields[i].Member.JSON.Order < t.JSONFields[j].Member.JSON.Order })
	return nil
}

// Exported turns a name into an exported Go identifier: letters and digits
// kept, other runes dropped with the next letter upper-cased, a leading
// digit prefixed with X. Valid exported names are returned unchanged.
func Exported(s string) string {
	if token.IsIdentifier(s) && token.IsExported(s) {
		return s
	}
	var b strings.Builder
	up := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out == "" {
		return "X"
	}
	if r := []rune(out)[0]; unicode.IsDigit(r) || !unicode.IsUpper(r) {
		out = "X" + out
	}
	return out
}

// hasPart reports whether an optional part is emitted.
func (m *Model) hasPart(part string) bool {
	if m.opts.Parts == nil {
		return true
	}
	for _, p := range m.opts.Parts {
		if p == part {
			return true
		}
	}
	return false
}

// checkOverrides rejects overrides that name nothing or are not exported
// Go identifiers, naming the offending key.
func checkOverrides(s *spec.Spec, n Names) error {
	types := s.TypeMap()
	for k, v := range n.Types {
		if types[k] == nil {
			return fmt.Errorf("names.types[%q]: no such type in the spec", k)
		}
		if !token.IsIdentifier(v) || !token.IsExported(v) || ReservedNames[v] {
			return fmt.Errorf("names.types[%q]: %q is not a usable exported Go identifier", k, v)
		}
	}
	for k, v := range n.Fields {
		i := strings.LastIndexByte(k, '.')
		if i < 0 || types[k[:i]] == nil {
			return fmt.Errorf("names.fields[%q]: want <type full name>.<member> of a type in the spec", k)
		}
		found := false
		for _, mem := range types[k[:i]].Members {
			found = found || mem.Name == k[i+1:]
		}
		if !found {
			return fmt.Errorf("names.fields[%q]: type %s has no member %s", k, k[:i], k[i+1:])
		}
		if !token.IsIdentifier(v) || !token.IsExported(v) || fieldMethods[v] {
			return fmt.Errorf("names.fields[%q]: %q is not a usable exported Go identifier", k, v)
		}
	}
	ids := map[string]bool{}
	for _, e := range s.Endpoints {
		ids[e.ID] = true
	}
	for k, v := range n.Operations {
		if !ids[k] {
			return fmt.Errorf("names.operations[%q]: no endpoint has this ApiId", k)
		}
		if !token.IsIdentifier(v) || !token.IsExported(v) {
			return fmt.Errorf("names.operations[%q]: %q is not an exported Go identifier", k, v)
		}
	}
	return nil
}
