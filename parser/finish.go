package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// nameModel gives a model its spec name: the CLR full name when the pages
// show it (full-name model naming, or a default DataContract namespace that
// spells the CLR namespace), else the CLR simple name. Generic instances
// read Def<args>.
func (b *builder) nameModel(m *model) {
	if m.specName != "" {
		return
	}
	m.specName = m.name // provisional, breaks reference cycles
	def, args, ok := splitGenericModelName(m.name, b.known)
	if ok && m.page == nil && m.rows == nil && len(m.jsons) == 0 && len(m.xmls) == 0 {
		// A wrapper such as ListOfX named as a type: it is a reference, not a contract.
		if short := lastDot(def); genericWrappers[short] != "" && len(args) > 0 {
			m.specName = b.argRef(&modelArg{kind: genericWrappers[short], args: args})
			return
		}
	}
	if ok && m.xmlName != "" && !strings.HasPrefix(m.xmlName, lastDot(def)+"Of") && !b.customGenericName(m, def, args) {
		ok = false // the contract name says it is not a generic instance
	}
	if !ok {
		name := m.name
		if strings.ContainsAny(name, "<>,") {
			name = sanitizeModelName(name) // not a generic instance: no reference syntax in its name
		}
		m.specName = b.qualify(m, name)
		return
	}
	refs := make([]string, len(args))
	for i, a := range args {
		if a.hasUnknown() {
			// The name leaves out the argument's own arguments: the one
			// member of the table whose type fits the pattern tells them.
			d := b.resolveArg(m, a)
			if d == nil {
				b.warn(m.refSrc, 0, "model %s: the name does not say the type arguments and no member's type tells them; kept as a non-generic type", m.name)
				m.specName = b.qualify(m, sanitizeModelName(m.name))
				return
			}
			refs[i] = b.refString(d)
			continue
		}
		refs[i] = b.argRef(a)
	}
	full := b.qualify(m, def)
	params := make([]string, len(args))
	for i := range params {
		params[i] = "T"
		if len(args) > 1 {
			params[i] = fmt.Sprintf("T%d", i+1)
		}
	}
	m.generic = &spec.GenericInstance{Definition: full + "<" + strings.Join(params, ",") + ">", Args: refs}
	m.specName = full + "<" + strings.Join(refs, ",") + ">"
}

// resolveArg finds the one table row whose rendering fits an argument
// pattern with unknown parts.
func (b *builder) resolveArg(m *model, a *modelArg) *displayRef {
	var found *displayRef
	for _, r := range m.rows {
		d := parseDisplay(r.Type.Text)
		if a.matches(d) {
			if found != nil && d.modelNamesKey() != found.modelNamesKey() {
				return nil // two members fit: ambiguous
			}
			found = d
		}
	}
	return found
}

// sanitizeModelName keeps the identifier characters of a model name
// ("ResponseOfKeyValuePair`2[]" → "ResponseOfKeyValuePair2Array").
func sanitizeModelName(s string) string {
	s = strings.ReplaceAll(s, "[]", "Array")
	var out strings.Builder
	for _, r := range s {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 {
			out.WriteRune(r)
		}
	}
	return out.String()
}

func lastDot(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// qualify prefixes a simple name with the CLR namespace when the contract
// namespace is the DataContract default (http://schemas.datacontract.org/2004/07/{CLR namespace}).
func (b *builder) qualify(m *model, name string) string {
	if strings.Contains(name, ".") {
		return name // full-name naming
	}
	if ns, ok := strings.CutPrefix(m.xmlNS, spec.NSDefaultPrefix); ok && ns != "" {
		return ns + "." + name
	}
	return name
}

func (b *builder) argRef(a *modelArg) string {
	switch {
	case a.prim != "":
		return a.prim
	case a.model != "":
		return b.modelRef(b.model(a.model))
	}
	parts := make([]string, len(a.args))
	for i, x := range a.args {
		parts[i] = b.argRef(x)
	}
	return a.kind + "<" + strings.Join(parts, ",") + ">"
}

// memberType materialises a draft's type reference.
func (b *builder) memberType(d *memberDraft) string {
	t := b.refString(d.ref)
	if d.nullable {
		t = spec.Nullable(t)
	}
	d.m.Unknown = unknownOf(d.ref, d.maybeNull && !d.nullable)
	d.m.Field = d.field
	return t
}

// types builds the spec types: every contract model, the synthetic base
// classes and the generic definitions.
func (b *builder) types() []*spec.Type {
	var out []*spec.Type
	byName := map[string]*spec.Type{}
	models := append([]*model(nil), b.order...)
	sort.SliceStable(models, func(i, j int) bool { return models[i].name < models[j].name })
	for _, m := range models {
		b.nameModel(m)
	}
	for _, m := range models {
		if isWrapperRef(m.specName) || m.alias != nil {
			continue // a wrapper name such as ListOfX (a reference, not a contract), or a cut name
		}
		if m.kind == "" {
			b.infer(m) // first named after inference (a parameter's type)
		}
		t := &spec.Type{Name: m.specName, Kind: m.kind, ModelName: m.name, Doc: m.doc, Generic: m.generic, Unknown: m.unknown}
		if t.Kind == "" {
			t.Kind = spec.KindComplex
		}
		if m.opaque {
			t.Opaque = true
			t.XML = &spec.XMLName{Name: b.contractName(m), Namespace: m.xmlNS}
			if byName[t.Name] == nil {
				byName[t.Name] = t
				out = append(out, t)
			}
			continue
		}
		if m.page != nil {
			t.Sources = []string{m.page.Source}
		} else if m.rowsSrc != "" {
			t.Sources = []string{m.rowsSrc}
		}
		if t.Kind == spec.KindEnum {
			t.Values = m.values
			t.Flags = m.flags
			t.Underlying = "int"
			t.XML = &spec.XMLName{Name: lastDot(m.name), Namespace: m.xmlNS}
		} else {
			xmlName := m.xmlName
			if xmlName == "" {
				xmlName = b.contractName(m)
				if !b.genericNameShown(m) {
					t.Unknown = spec.Forget(t.Unknown, spec.UnknownXMLName)
				}
			}
			t.XML = &spec.XMLName{Name: xmlName, Namespace: m.xmlNS}
			for _, d := range m.drafts {
				d.m.Type = b.memberType(d)
				d.m.DeclaredIn = t.Name
				t.Members = append(t.Members, d.m)
			}
			t.Base = b.baseTypes(m, t, &out, byName)
		}
		if byName[t.Name] != nil {
			b.warn(m.src, 0, "two models name the same type %s (%s and %s)", t.Name, byName[t.Name].ModelName, m.name)
			continue
		}
		byName[t.Name] = t
		out = append(out, t)
	}
	out = append(out, b.genericDefinitions(out, byName)...)
	return out
}

// enumNamespaces settles the contract namespace of enums no root sample
// showed. A member element of an enum type is in its declaring class's
// namespace, so an enum's own namespace is only known from a root sample;
// use the namespace of the first contract (by model name) with a member of
// that enum. It runs before types are named, so that an enum in a default
// DataContract namespace gets its CLR full name like the other contracts.
func (b *builder) enumNamespaces() {
	models := append([]*model(nil), b.order...)
	sort.SliceStable(models, func(i, j int) bool { return models[i].name < models[j].name })
	var firstUse map[*model]string
	for _, em := range models {
		if em.kind != spec.KindEnum || em.xmlNS != "" {
			continue
		}
		if ns := b.defaultNS(em); ns != "" {
			em.xmlNS = ns
			continue
		}
		if firstUse == nil {
			firstUse = b.firstMemberNamespaces(models)
		}
		if ns, ok := firstUse[em]; ok {
			em.xmlNS = ns
		}
	}
}

// firstMemberNamespaces maps each model to the XML namespace of the first
// member (models in the given order) whose type names it: one pass over
// the members instead of one per enum. Member namespaces do not change
// while enumNamespaces runs.
func (b *builder) firstMemberNamespaces(models []*model) map[*model]string {
	first := map[*model]string{}
	for _, u := range models {
		for _, d := range u.drafts {
			if d.ref == nil || d.m.XML == nil {
				continue
			}
			for _, n := range d.ref.modelNames(nil) {
				if m := b.model(n); !hasKey(first, m) {
					first[m] = d.m.XML.Namespace
				}
			}
		}
	}
	return first
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

func isWrapperRef(s string) bool {
	for _, p := range []string{"list<", "dict<", "nullable<", "pair<"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return spec.Primitives[s]
}

// contractName is the DCS contract name of a model no root sample showed.
func (b *builder) contractName(m *model) string {
	if m.generic == nil {
		return lastDot(m.name)
	}
	def := m.generic.Definition
	def = lastDot(def[:strings.IndexByte(def, '<')])
	var names, nss []string
	for _, a := range m.generic.Args {
		n, ns := b.refContract(spec.MustParseRefOrNamed(a))
		names = append(names, n)
		nss = append(nss, ns)
	}
	if g, ok := b.genericNames[b.genericDef(m)]; ok {
		return g.name(names, nss)
	}
	return spec.GenericContractName(def, names, nss)
}

func (b *builder) refContract(r *spec.Ref) (string, string) {
	switch r.Kind {
	case spec.RefPrimitive:
		return spec.PrimitiveContract(r.Name)
	case spec.RefList:
		n, ns := b.refContract(r.Elem())
		if r.Elem().Kind == spec.RefPrimitive && r.Elem().Name != "dateTimeOffset" {
			ns = spec.NSArrays
		}
		if e := r.Elem(); e.Kind == spec.RefNullable && e.Elem().Kind == spec.RefPrimitive {
			return "ArrayOfNullableOf" + n, spec.NSSystem // List<long?>
		}
		return "ArrayOf" + n, ns
	case spec.RefNullable:
		return b.refContract(r.Elem())
	case spec.RefDict:
		kn, kns := b.refContract(r.Key())
		vn, vns := b.refContract(r.Elem())
		return spec.GenericContractName("ArrayOfKeyValue", []string{kn, vn}, []string{kns, vns}), spec.NSArrays
	case spec.RefPair:
		kn, kns := b.refContract(r.Key())
		vn, vns := b.refContract(r.Elem())
		return spec.GenericContractName("KeyValuePair", []string{kn, vn}, []string{kns, vns}), spec.NSGeneric
	}
	for _, m := range b.order {
		if m.specName == r.Name {
			name := m.xmlName
			if name == "" {
				name = b.contractName(m)
			}
			return name, m.xmlNS
		}
	}
	return lastDot(r.Name), ""
}

// baseTypes turns the inferred class levels into synthetic base types and
// returns the direct base's name.
func (b *builder) baseTypes(m *model, t *spec.Type, out *[]*spec.Type, byName map[string]*spec.Type) string {
	if b.bases == nil {
		b.bases = map[string]*spec.Type{}
	}
	parent := ""
	var inherited []*spec.Member
	for _, level := range m.levels {
		ns := level[0].m.XML.Namespace
		var names []string
		for _, d := range level {
			names = append(names, d.m.Name)
		}
		key := parent + "|" + ns + "|" + strings.Join(names, ",")
		bt := b.bases[key]
		if bt == nil {
			name := baseName(ns)
			for i := 2; byName[name] != nil || b.baseNamed(name); i++ {
				name = fmt.Sprintf("%s%d", baseName(ns), i)
			}
			bt = &spec.Type{Name: name, Kind: spec.KindComplex, Synthetic: true, Base: parent,
				XML: &spec.XMLName{Name: name, Namespace: ns}}
			for _, mem := range inherited {
				bt.Members = append(bt.Members, cloneMember(mem))
			}
			for _, d := range level {
				c := cloneMember(d.m)
				c.DeclaredIn = name
				bt.Members = append(bt.Members, c)
			}
			b.bases[key] = bt
			b.baseOrder = append(b.baseOrder, bt)
			byName[name] = bt
			*out = append(*out, bt)
			b.info(m.src, 0, "%s inherits %s from a base class in %s that no page names; called %s here", m.name, strings.Join(names, ", "), ns, name)
		}
		for _, d := range level {
			d.m.DeclaredIn = bt.Name
		}
		inherited = bt.Members
		parent = bt.Name
	}
	// JSON positions in a base type are relative to the base alone.
	for _, bt := range b.baseOrder {
		renumberJSON(bt)
	}
	return parent
}

func (b *builder) baseNamed(name string) bool {
	for _, t := range b.baseOrder {
		if t.Name == name {
			return true
		}
	}
	return false
}

func cloneMember(m *spec.Member) *spec.Member {
	c := *m
	if m.JSON != nil {
		j := *m.JSON
		c.JSON = &j
	}
	if m.XML != nil {
		x := *m.XML
		c.XML = &x
	}
	return &c
}

func renumberJSON(t *spec.Type) {
	var js []*spec.Member
	for _, m := range t.Members {
		if m.JSON != nil {
			js = append(js, m)
		}
	}
	sort.SliceStable(js, func(i, j int) bool { return js[i].JSON.Order < js[j].JSON.Order })
	for i, m := range js {
		m.JSON.Order = i
	}
	for i, m := range t.Members {
		if m.XML != nil {
			m.XML.Order = i
		}
	}
}

// baseName names a synthetic base class after its namespace's last segment:
// ".../core/v1/command/" → CommandBase.
func baseName(ns string) string {
	segs := strings.FieldsFunc(ns, func(r rune) bool { return r == '/' || r == '.' || r == ':' })
	last := "Contract"
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if s != "" && !isVersion(s) {
			last = s
			break
		}
	}
	var out strings.Builder
	up := true
	for _, r := range last {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		out.WriteRune(r)
	}
	return out.String() + "Base"
}

func isVersion(s string) bool {
	s = strings.TrimPrefix(strings.ToLower(s), "v")
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// genericDefinitions adds Def<T> for every generic instance. A member is
// typed T when its type is the argument in every instance (with one
// instance, when exactly one member has the argument's type).
func (b *builder) genericDefinitions(types []*spec.Type, byName map[string]*spec.Type) []*spec.Type {
	insts := map[string][]*spec.Type{}
	var defs []string
	for _, t := range types {
		if t.Generic != nil {
			if insts[t.Generic.Definition] == nil {
				defs = append(defs, t.Generic.Definition)
			}
			insts[t.Generic.Definition] = append(insts[t.Generic.Definition], t)
		}
	}
	sort.Strings(defs)
	var out []*spec.Type
	for _, def := range defs {
		if byName[def] != nil {
			continue
		}
		is := insts[def]
		first := is[0]
		params := genericParams(def)
		d := &spec.Type{Name: def, Kind: spec.KindComplex, TypeParams: params, Doc: first.Doc}
		for _, mem := range first.Members {
			c := cloneMember(mem)
			c.DeclaredIn = def
			for pi, p := range params {
				isParam := true
				for _, inst := range is {
					var im *spec.Member
					for _, x := range inst.Members {
						if x.Name == mem.Name {
							im = x
						}
					}
					if im == nil || pi >= len(inst.Generic.Args) || im.Type != inst.Generic.Args[pi] {
						isParam = false
					}
				}
				if isParam && len(is) == 1 {
					n := 0
					for _, x := range first.Members {
						if x.Type == first.Generic.Args[pi] {
							n++
						}
					}
					isParam = n == 1
				}
				if isParam {
					c.Type = p
				}
			}
			d.Members = append(d.Members, c)
		}
		out = append(out, d)
	}
	return out
}

func genericParams(def string) []string {
	i := strings.IndexByte(def, '<')
	return strings.Split(def[i+1:len(def)-1], ",")
}

// naming reports the site's model naming style.
func (b *builder) naming() string {
	for _, m := range b.order {
		if m.page != nil || m.rows != nil {
			if strings.Contains(m.name, ".") {
				return "fullName"
			}
			return "simple"
		}
	}
	return ""
}

// wire infers the server's JSON date format by comparing the JSON and XML
// forms of the same DateTime values (DCS always writes the round-trip form).
func (b *builder) wire() spec.Wire {
	w := spec.Wire{JSONDateFormat: "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", JSONDateTimeZoneHandling: "RoundtripKind"}
	for _, d := range b.dates {
		x := d[1]
		if off := offsetOf(x); off != "" && off != "Z" && w.ServerUTCOffset == "" {
			w.ServerUTCOffset = off
		}
	}
	if len(b.dates) == 0 {
		// No XML to compare with: only a JSON shape no Json.NET default
		// writes ("2026-06-12 18:21:23", a DateFormatString) tells a format.
		for _, j := range b.jsonDates {
			if f := customDateFormat(j); f != "" {
				w.JSONDateFormat, w.JSONDateSample = f, j
				break
			}
		}
		return w
	}
	j, x := b.dates[0][0], b.dates[0][1]
	w.JSONDateSample, w.XMLDateSample = j, x
	if j == x {
		return w
	}
	format := "yyyy-MM-ddTHH:mm:ss"
	if len(j) > 10 && j[10] == ' ' {
		// A DateFormatString with a space between date and time.
		format = "yyyy-MM-dd HH:mm:ss"
		j = j[:10] + "T" + j[11:]
	}
	jw, jf, jz := splitDate(j)
	xw, _, xz := splitDate(x)
	if jf != "" {
		format += "." + strings.Repeat("F", 7)
	}
	switch {
	case jz == xz:
		w.JSONDateFormat = format + "K"
	case jw == xw && jz != "":
		// Same wall clock, another zone designator: a literal in the format.
		w.JSONDateFormat = format + jz
	case jz == "Z":
		w.JSONDateFormat = format + "K"
		w.JSONDateTimeZoneHandling = "Utc"
	case jz == "":
		w.JSONDateFormat = format + "K"
		w.JSONDateTimeZoneHandling = "Unspecified"
	default:
		w.JSONDateFormat = format + "K"
		w.JSONDateTimeZoneHandling = "Local"
	}
	return w
}

// customDateFormat reads the .NET custom format of a JSON date that is not
// ISO 8601 ("yyyy-MM-dd HH:mm:ss"), or "".
func customDateFormat(j string) string {
	if len(j) < 19 || j[10] != ' ' || !dateRE.MatchString(j[:10]+"T"+j[11:]) {
		return ""
	}
	_, frac, zone := splitDate(j[:10] + "T" + j[11:])
	f := "yyyy-MM-dd HH:mm:ss"
	if frac != "" {
		f += "." + strings.Repeat("f", len(frac))
	}
	if zone != "" {
		f += "K"
	}
	return f
}

func offsetOf(s string) string {
	_, _, z := splitDate(s)
	return z
}

// splitDate splits an ISO date into wall clock (to seconds), fraction and zone.
func splitDate(s string) (wall, frac, zone string) {
	if len(s) < 19 {
		return s, "", ""
	}
	wall, rest := s[:19], s[19:]
	if strings.HasPrefix(rest, ".") {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		frac, rest = rest[1:i], rest[i:]
	}
	return wall, frac, rest
}
