package parser

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// memberDraft is a member whose type is still a display reference: spec
// names of other models are only known once every model is inferred.
type memberDraft struct {
	m        *spec.Member
	ref      *displayRef
	nullable bool
	// maybeNull: a value type whose nullability the samples do not show.
	maybeNull bool
	// field: a public field, not a property (detectFields).
	field bool
	jv    *jnode
	xv    *xnode
	row   *Row
}

// observeJSON records a JSON value of a type.
func (b *builder) observeJSON(ref *displayRef, n *jnode) {
	if ref == nil || n == nil || n.kind == 'z' {
		return
	}
	switch ref.kind {
	case "model":
		m := b.model(ref.name)
		switch n.kind {
		case 'o':
			m.jsons = append(m.jsons, n)
		case 's', 'n', 'b':
			m.scalars++
		}
	case spec.RefList:
		for _, it := range n.items {
			b.observeJSON(ref.args[0], it)
		}
	case spec.RefDict:
		for _, v := range n.vals {
			b.observeJSON(ref.args[1], v)
		}
	case spec.RefPair:
		if n.kind == 'o' {
			b.observeJSON(ref.args[0], n.get("Key"))
			b.observeJSON(ref.args[1], n.get("Value"))
		}
	case spec.RefNullable:
		b.observeJSON(ref.args[0], n)
	}
}

// observeXMLRoot records a root element (a body or response sample).
func (b *builder) observeXMLRoot(ref *displayRef, el *xnode, src string) {
	if ref.kind == "model" {
		m := b.model(ref.name)
		m.xmls = append(m.xmls, xobs{el: el, root: true, src: src})
		return
	}
	if ref.kind == spec.RefList {
		// ArrayOfX: the items are X's roots.
		for _, it := range el.children {
			b.observeXMLItem(ref.args[0], it, src)
		}
	}
}

// observeXMLItem records a collection item: for a contract, the item
// element carries the contract name and namespace, like a root.
func (b *builder) observeXMLItem(ref *displayRef, el *xnode, src string) {
	switch ref.kind {
	case "model":
		m := b.model(ref.name)
		m.xmls = append(m.xmls, xobs{el: el, root: true, src: src})
	case spec.RefList:
		for _, it := range el.children {
			b.observeXMLItem(ref.args[0], it, src)
		}
	}
}

// observeXMLMember records a member element's content for the member's type.
func (b *builder) observeXMLMember(ref *displayRef, el *xnode, src string) {
	if el == nil {
		return
	}
	if el.nil || len(el.children) == 0 && strings.TrimSpace(el.text) == "" {
		// No content, but DCS declares a contract's namespace on the member
		// element (xmlns:d2p1) even for nil and empty collections.
		b.observeNSHint(ref, el)
		if el.nil {
			return
		}
	}
	switch ref.kind {
	case "model":
		m := b.model(ref.name)
		if el.leaf() && strings.TrimSpace(el.text) != "" {
			m.scalars++
		}
		m.xmls = append(m.xmls, xobs{el: el, src: src})
	case spec.RefList:
		for _, it := range el.children {
			b.observeXMLItem(ref.args[0], it, src)
		}
	case spec.RefDict:
		for _, kv := range el.children {
			for _, c := range kv.children {
				if c.name == "Value" {
					b.observeXMLMember(ref.args[1], c, src)
				}
			}
		}
	case spec.RefPair:
		for _, c := range el.children {
			if c.name == "value" {
				b.observeXMLMember(ref.args[1], c, src)
			}
		}
	case spec.RefNullable:
		b.observeXMLMember(ref.args[0], el, src)
	}
}

// observeNSHint records the namespace a member element without content
// declares for its type's contract: the one prefix it declares, for a
// contract or a collection of contracts.
func (b *builder) observeNSHint(ref *displayRef, el *xnode) {
	for ref.kind == spec.RefList || ref.kind == spec.RefNullable {
		ref = ref.args[0]
	}
	if ref.kind != "model" {
		return
	}
	if len(el.prefixes) == 0 && el.nil {
		// No declaration: a contract in the declaring class's namespace
		// (DCS declares one in any other). Enums get none: weaker.
		if m := b.model(ref.name); m.nsSame == "" {
			m.nsSame = el.ns
		}
		return
	}
	if len(el.prefixes) != 1 {
		return
	}
	for _, ns := range el.prefixes {
		if m := b.model(ref.name); m.nsHint == "" && ns != spec.NSArrays {
			m.nsHint = ns
		}
	}
}

// inferAll infers every model, parents before children so that a model has
// all its observations when its turn comes.
func (b *builder) inferAll() {
	done := map[*model]bool{}
	var order []*model
	var visit func(m *model, stack map[*model]bool)
	// Parents first: a reverse post-order over "member type" edges.
	var post []*model
	visit = func(m *model, stack map[*model]bool) {
		if done[m] {
			return
		}
		done[m] = true
		for _, r := range m.rows {
			for _, n := range parseDisplay(r.Type.Text).modelNames(nil) {
				visit(b.model(n), stack)
			}
		}
		post = append(post, m)
	}
	models := append([]*model(nil), b.order...)
	for _, m := range models {
		visit(m, nil)
	}
	for i := len(post) - 1; i >= 0; i-- {
		order = append(order, post[i])
	}
	for _, m := range order {
		b.infer(m)
	}
	// Models first met while inferring (names in non-help members) are inferred last.
	for _, m := range b.order {
		if !m.inferred {
			b.infer(m)
		}
	}
	b.applyEnumWire()
	b.enumNamespaces()
}

func (b *builder) infer(m *model) {
	if m.inferred {
		return
	}
	m.inferred = true
	if m.alias != nil {
		b.infer(m.alias)
		m.kind = m.alias.kind
		return
	}
	m.src = m.rowsSrc
	if runtimeShaped[lastDot(m.name)] {
		b.inferRuntimeShaped(m)
		return
	}
	if m.page != nil {
		m.src = fmt.Sprintf("%s:%d", m.page.Source, m.page.Line)
		if m.page.IsEnum {
			b.inferEnum(m)
			return
		}
	}
	if m.page == nil && m.rows == nil {
		b.inferUndocumented(m)
		return
	}
	m.kind = spec.KindComplex
	b.inferComplex(m)
}

func (b *builder) inferEnum(m *model) {
	m.kind = spec.KindEnum
	for _, r := range m.page.Enum {
		v, err := strconv.ParseInt(strings.TrimSpace(r.Value), 10, 64)
		if err != nil {
			b.warn(m.page.Source, r.Line, "enum %s value %s: %q is not an integer", m.name, r.Name, r.Value)
			continue
		}
		m.values = append(m.values, &spec.EnumValue{Name: r.Name, Value: v, Doc: r.Doc})
	}
	nonzero, pow2, zero := 0, true, false
	for _, v := range m.values {
		if v.Value == 0 {
			zero = true
			continue
		}
		nonzero++
		if v.Value < 0 || v.Value&(v.Value-1) != 0 {
			pow2 = false
		}
	}
	if zero && pow2 && nonzero >= 3 {
		m.flags = true
		b.info(m.page.Source, m.page.Line, "enum %s: values are 0 and powers of two; treated as [Flags] (the page does not say)", m.name)
	}
}

// inferComplex merges the help table with the JSON and XML samples.
func (b *builder) inferComplex(m *model) {
	var js *jnode
	for _, j := range m.jsons {
		if js == nil || len(j.keys) > len(js.keys) {
			js = j
		}
	}
	var xo *xobs
	for i := range m.xmls {
		o := &m.xmls[i]
		if o.root && m.xmlName == "" {
			m.xmlName, m.xmlNS = o.el.name, o.el.ns
		}
		if xo == nil || len(o.el.children) > len(xo.el.children) {
			xo = o
		}
	}
	if m.xmlNS == "" && xo != nil {
		m.xmlNS = contractNS(xo.el)
	}

	var drafts []*memberDraft
	byXML := map[string]*memberDraft{}
	if xo != nil {
		for i, c := range xo.el.children {
			d := &memberDraft{m: &spec.Member{Name: c.name, XML: &spec.XMLMember{Name: c.name, Namespace: c.ns, Order: i}}, xv: c}
			drafts = append(drafts, d)
			byXML[c.name] = d
		}
	}
	if js != nil {
		// Match JSON members to XML members: by name, then ignoring case,
		// then by equal sample value (JsonProperty renames).
		for i, k := range js.keys {
			v := js.vals[i]
			d := byXML[k]
			if d == nil || d.m.JSON != nil {
				d = nil
				for _, x := range drafts {
					if x.m.JSON == nil && strings.EqualFold(x.m.Name, k) {
						d = x
						break
					}
				}
			}
			if d == nil && v.kind != 'o' && v.kind != 'a' && v.kind != 'z' {
				for _, x := range drafts {
					if x.m.JSON == nil && x.xv != nil && x.xv.leaf() && !x.xv.nil && sameScalar(v, x.xv.value()) {
						d = x
						break
					}
				}
			}
			if d == nil {
				d = &memberDraft{m: &spec.Member{Name: k}}
				drafts = append(drafts, d)
			}
			d.m.JSON = &spec.JSONMember{Name: k, Order: i}
			d.jv = v
			d.m.Name = k
		}
	}
	// Help rows name the members (JsonProperty > DataMember > CLR name).
	m.rows = b.recoverNames(m, m.rows, js, xo)
	for _, r := range m.rows {
		var d *memberDraft
		for _, x := range drafts {
			if x.row == nil && (x.m.JSON != nil && x.m.JSON.Name == r.Name || x.m.XML != nil && x.m.XML.Name == r.Name) {
				d = x
				break
			}
		}
		if d == nil {
			for _, x := range drafts {
				if x.row == nil && strings.EqualFold(x.m.Name, r.Name) {
					d = x
					break
				}
			}
		}
		if d == nil {
			d = &memberDraft{m: &spec.Member{Name: r.Name}}
			drafts = append(drafts, d)
			if js != nil || xo != nil {
				b.warn(srcOf(m), r.Line, "%s.%s is in the help table but in no sample; wire names assumed from the table", m.name, r.Name)
			}
		}
		d.row = r
		d.m.Name = r.Name
		d.m.Doc = r.Doc
		d.m.Help = true
		d.ref = parseDisplay(r.Type.Text)
		if len(r.Type.Links) == 1 && (d.ref.kind == "model" || d.ref.garbled != "") {
			d.ref = &displayRef{kind: "model", name: r.Type.Links[0]} // the link names the model
		}
		if g := d.ref.garbledText(); g != "" {
			b.warn(srcOf(m), r.Line, "%s.%s: type %q is no type name a Help Page writes (a garbled cell); kept as a raw value", m.name, r.Name, g)
		}
		ann := parseAnnotations(r.Annotations)
		d.m.Required = ann.Required
		if !annEmpty(ann) {
			d.m.Annotations = ann
		}
	}
	// Wire defaults where samples are missing.
	if xo == nil {
		m.noXML = true
		if m.xmlNS == "" {
			m.xmlNS = b.defaultNS(m)
		}
		if len(drafts) > 0 {
			b.info(m.src, 0, "%s: no XML sample; DataContract defaults assumed (members in ordinal name order)", m.name)
		}
		names := make([]*memberDraft, len(drafts))
		copy(names, drafts)
		sort.SliceStable(names, func(i, j int) bool { return names[i].m.Name < names[j].m.Name })
		for i, d := range names {
			// DCS orders by the member name, and writes it encoded.
			d.m.XML = &spec.XMLMember{Name: spec.EncodeLocalName(d.m.Name), Namespace: m.xmlNS, Order: i}
		}
	}
	if js == nil {
		if len(drafts) > 0 && xo != nil {
			b.info(m.src, 0, "%s: no JSON sample; JSON names and order taken from the help table", m.name)
		}
		i := 0
		for _, d := range drafts {
			if d.row != nil || xo == nil {
				d.m.JSON = &spec.JSONMember{Name: d.m.Name, Order: i}
				i++
			}
		}
	}
	// Types: the table's rendering refined by the samples.
	for _, d := range drafts {
		b.refineType(m, d)
	}
	b.detectFields(m, drafts)
	b.inferNullability(m, drafts)
	for _, d := range drafts {
		// A value type a sample shows as null (JSON null, i:nil) is
		// Nullable<T>: the page shows it, whatever the counter says
		// (hand-written samples do not follow it).
		if d.ref != nil && d.ref.kind != spec.RefNullable && isNullSample(d) && b.nullableKind(d.ref) {
			d.nullable, d.maybeNull = true, false
		}
	}
	b.inferLevels(m, drafts)
	// Children observations.
	for _, d := range drafts {
		if d.ref == nil {
			continue
		}
		if d.jv != nil {
			b.observeJSON(d.ref, d.jv)
			if d.ref.kind == spec.RefPrimitive && d.ref.name == "dateTime" && d.jv.kind == 's' {
				b.jsonDates = append(b.jsonDates, d.jv.text)
			}
		}
		if d.xv != nil {
			b.observeXMLMember(d.ref, d.xv, srcOf(m))
			b.observeEnum(d)
			b.observeDate(d)
		}
	}
	// Spec member order: DCS order, then JSON-only members in JSON order.
	sort.SliceStable(drafts, func(i, j int) bool {
		a, c := drafts[i].m, drafts[j].m
		if (a.XML == nil) != (c.XML == nil) {
			return a.XML != nil
		}
		if a.XML != nil {
			return a.XML.Order < c.XML.Order
		}
		if (a.JSON == nil) != (c.JSON == nil) {
			return a.JSON != nil
		}
		if a.JSON != nil {
			return a.JSON.Order < c.JSON.Order
		}
		return false
	})
	m.drafts = drafts
}

// where is the best location of a model for diagnostics: where it is
// first referenced, else its page or table.
func (b *builder) where(m *model) string {
	if m.refSrc != "" {
		return m.refSrc
	}
	return srcOf(m)
}

func srcOf(m *model) string {
	if m.page != nil {
		return m.page.Source
	}
	s, _, _ := strings.Cut(m.rowsSrc, ":")
	if i := strings.LastIndexByte(m.rowsSrc, ':'); i > 0 {
		s = m.rowsSrc[:i]
	}
	return s
}

// contractNS is the namespace of a nested contract: the prefix its member
// element declares for it, else the namespace of its last (own) member.
func contractNS(el *xnode) string {
	if len(el.prefixes) == 1 {
		for _, ns := range el.prefixes {
			return ns
		}
	}
	if n := len(el.children); n > 0 {
		return el.children[n-1].ns
	}
	return ""
}

func (b *builder) defaultNS(m *model) string {
	name := m.name
	if def, _, ok := splitGenericModelName(name, b.known); ok {
		name = def
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return spec.NSDefaultPrefix + name[:i]
	}
	if ns := b.clrNS[name]; ns != "" {
		// The CLR namespace from an exception message (a type whose samples
		// failed): DCS's default contract namespace spells it.
		return spec.NSDefaultPrefix + ns
	}
	return ""
}

var (
	guidRE   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	dateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$`)
	spanRE   = regexp.MustCompile(`^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d+)?$`)
	sampleRE = regexp.MustCompile(`^sample string (\d+)$`)
	uriRE    = regexp.MustCompile(`^http://webapihelppage(\d+)\.com/?$`)
	intRE    = regexp.MustCompile(`^-?\d+$`)
	floatRE  = regexp.MustCompile(`^-?\d+\.\d+$`)
)

func sameScalar(j *jnode, x string) bool {
	if j.text == x {
		return true
	}
	if j.kind == 'n' {
		a, err1 := strconv.ParseFloat(j.text, 64)
		c, err2 := strconv.ParseFloat(x, 64)
		return err1 == nil && err2 == nil && a == c && !strings.HasPrefix(x, "sample")
	}
	return false
}

// refineType settles a member's type from its rendering and its sample values.
func (b *builder) refineType(m *model, d *memberDraft) {
	xmlComplexDate := d.xv != nil && len(d.xv.children) == 2 && d.xv.children[0].name == "DateTime" && d.xv.children[1].name == "OffsetMinutes"
	if d.ref == nil {
		d.ref = b.guessType(m, d, xmlComplexDate)
		return
	}
	refineWidth(d.ref, d.xv)
	if d.ref.kind == spec.RefList && d.xv != nil && sameChildNames(d.xv) {
		b.refineListItems(d)
		return
	}
	if d.ref.kind != spec.RefPrimitive {
		return
	}
	switch d.ref.name {
	case "dateTime":
		if xmlComplexDate {
			d.ref = &displayRef{kind: spec.RefPrimitive, name: "dateTimeOffset"}
		}
	case "decimal":
		if d.jv != nil && d.jv.kind == 'n' {
			if f, err := strconv.ParseFloat(d.jv.text, 64); err == nil && f != float64(int64(f)) {
				d.ref = &displayRef{kind: spec.RefPrimitive, name: "double"}
			}
		} else if d.xv != nil && strings.Contains(d.xv.value(), ".") && !strings.HasSuffix(d.xv.value(), ".0") {
			d.ref = &displayRef{kind: spec.RefPrimitive, name: "double"}
		}
	case "base64Binary":
		if d.jv != nil && d.jv.kind == 'a' {
			d.ref = &displayRef{kind: spec.RefList, args: []*displayRef{{kind: spec.RefPrimitive, name: "unsignedByte"}}}
		}
	}
}

// isNullSample reports whether a member's samples show null.
func isNullSample(d *memberDraft) bool {
	return d.jv != nil && d.jv.kind == 'z' || d.xv != nil && d.xv.nil
}

// refineListItems reads Nullable<T> items from a collection's XML item
// elements: DCS writes List<long?> items as <long> in the System namespace
// (ArrayOfNullableOflong), List<long> items in Serialization/Arrays.
func (b *builder) refineListItems(d *memberDraft) {
	elem := d.ref.args[0]
	if elem.kind != spec.RefPrimitive || d.xv.children[0].ns != spec.NSSystem {
		return
	}
	if _, ok := arrayItemPrims[d.xv.children[0].name]; !ok {
		return
	}
	d.ref = &displayRef{kind: spec.RefList, args: []*displayRef{{kind: spec.RefNullable, args: []*displayRef{elem}}}}
}

// guessType types a member the help table does not show (a non-public
// DataMember) from its sample values alone.
func (b *builder) guessType(m *model, d *memberDraft, complexDate bool) *displayRef {
	prim := func(p string) *displayRef { return &displayRef{kind: spec.RefPrimitive, name: p} }
	if complexDate {
		return prim("dateTimeOffset")
	}
	v := d.jv
	x := ""
	if d.xv != nil {
		x = d.xv.value()
	}
	text := x
	if v != nil {
		text = v.text
	}
	switch {
	case v != nil && v.kind == 'b':
		return prim("boolean")
	case v != nil && v.kind == 'n':
		if strings.ContainsAny(v.text, ".eE") {
			if strings.HasSuffix(v.text, ".0") {
				return prim("decimal")
			}
			return prim("double")
		}
		return prim("int")
	case guidRE.MatchString(text):
		return prim("guid")
	case dateRE.MatchString(text):
		return prim("dateTime")
	case spanRE.MatchString(text):
		return prim("duration")
	case (v == nil || v.kind == 'z') && (d.xv == nil || d.xv.nil):
		b.warn(srcOf(m), 0, "%s.%s is not in the help table and its samples are null: type unknown, assumed string", m.name, d.m.Name)
		return prim("string")
	case v != nil && v.kind == 'a' || v == nil && d.xv != nil && len(d.xv.children) > 0 && sameChildNames(d.xv):
		if l := b.guessList(m, d); l != nil {
			return l
		}
		b.warn(srcOf(m), 0, "%s.%s is not in the help table: its structured type cannot be named, kept as Object", m.name, d.m.Name)
		return prim("anyType")
	case v != nil && v.kind == 'o':
		b.warn(srcOf(m), 0, "%s.%s is not in the help table: its structured type cannot be named, kept as Object", m.name, d.m.Name)
		return prim("anyType")
	case v == nil && d.xv != nil && d.xv.leaf() && !d.xv.nil:
		// Only in the XML sample (JsonIgnore): the sample generator writes
		// strings as "sample string N", so a bare number or boolean is one.
		switch {
		case x == "true" || x == "false":
			return prim("boolean")
		case intRE.MatchString(x):
			return prim("int")
		case floatRE.MatchString(x):
			return prim("double")
		}
	}
	return prim("string")
}

// sameChildNames reports whether an element's children all have one name
// (a collection's items).
func sameChildNames(el *xnode) bool {
	for _, c := range el.children {
		if c.name != el.children[0].name {
			return false
		}
	}
	return len(el.children) > 0
}

// arrayItemPrims maps the item element names of primitive collections
// (Serialization/Arrays) to spec primitives.
var arrayItemPrims = map[string]string{
	"string": "string", "int": "int", "long": "long", "short": "short", "double": "double", "float": "float",
	"decimal": "decimal", "boolean": "boolean", "guid": "guid", "dateTime": "dateTime", "unsignedByte": "unsignedByte",
	"char": "char", "duration": "duration", "anyURI": "anyURI",
}

// guessList types a collection member no table shows from its samples:
// the XML item element names the item contract (a primitive, or a model
// whose items the samples describe: an enum when JSON shows numbers and XML
// names, a complex type when they show objects); without XML, JSON strings
// are strings and integers ints. Nil when the samples do not tell.
func (b *builder) guessList(m *model, d *memberDraft) *displayRef {
	list := func(e *displayRef) *displayRef { return &displayRef{kind: spec.RefList, args: []*displayRef{e}} }
	prim := func(p string) *displayRef { return list(&displayRef{kind: spec.RefPrimitive, name: p}) }
	var jitems []*jnode
	if d.jv != nil {
		jitems = d.jv.items
	}
	kinds := map[byte]bool{}
	for _, it := range jitems {
		kinds[it.kind] = true
	}
	if d.xv != nil && sameChildNames(d.xv) {
		item := d.xv.children[0]
		if p, ok := arrayItemPrims[item.name]; ok && item.ns == spec.NSArrays {
			return prim(p)
		}
		if !textIsIdent(item.name) {
			return nil
		}
		ref := &displayRef{kind: "model", name: item.name}
		im := b.model(item.name)
		if im.refSrc == "" {
			im.refSrc = b.where(m)
		}
		switch {
		case len(kinds) == 1 && kinds['n'] && item.leaf():
			// An enum: each JSON number pairs with the XML name at its place.
			for k, c := range d.xv.children {
				if k < len(jitems) {
					if v, err := strconv.ParseInt(jitems[k].text, 10, 64); err == nil && strings.TrimSpace(c.value()) != "" {
						if b.enumWire[im] == nil {
							b.enumWire[im] = map[int64]string{}
						}
						b.enumWire[im][v] = strings.TrimSpace(c.value())
					}
				}
			}
			if im.nsHint == "" {
				im.nsHint = item.ns
			}
			return list(ref)
		case !item.leaf():
			if d.jv != nil {
				b.observeJSON(list(ref), d.jv)
			}
			for _, c := range d.xv.children {
				b.observeXMLItem(ref, c, srcOf(m))
			}
			return list(ref)
		}
		return nil
	}
	switch {
	case len(kinds) == 1 && kinds['s']:
		return prim("string")
	case len(kinds) == 1 && kinds['n']:
		for _, it := range jitems {
			if !intRE.MatchString(it.text) {
				return prim("double")
			}
		}
		return prim("int")
	case len(kinds) == 1 && kinds['b']:
		return prim("boolean")
	}
	return nil
}

// counterKind says how a member's sample value relates to the sample
// generator's per-object counter: "reveal" shows it, "hidden" advances it
// invisibly, "" does not touch it.
func counterKind(r *displayRef) string {
	if r == nil || r.kind != spec.RefPrimitive {
		return ""
	}
	switch r.name {
	case "string", "anyURI", "int", "long", "short", "unsignedInt", "unsignedLong", "unsignedShort", "decimal", "double", "float":
		return "reveal"
	case "guid", "boolean", "dateTime", "dateTimeOffset", "duration", "char", "unsignedByte", "byte":
		return "hidden"
	}
	return ""
}

func counterValue(d *memberDraft) (int, bool) {
	if d.jv != nil {
		t := d.jv.text
		if m := sampleRE.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, true
		}
		if m := uriRE.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, true
		}
		if d.jv.kind == 'n' {
			if f, err := strconv.ParseFloat(t, 64); err == nil {
				return int(f), true
			}
		}
		return 0, false
	}
	if d.xv != nil {
		t := d.xv.value()
		if m := sampleRE.FindStringSubmatch(t); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, true
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			return int(f), true
		}
	}
	return 0, false
}

// inferLevels finds the class levels: DCS writes base class members first,
// each in the namespace of the class that declares it.
func (b *builder) inferLevels(m *model, drafts []*memberDraft) {
	var xs []*memberDraft
	for _, d := range drafts {
		if d.m.XML != nil {
			xs = append(xs, d)
		}
	}
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].m.XML.Order < xs[j].m.XML.Order })
	// The own level is the trailing run in the contract's namespace.
	own := len(xs)
	for own > 0 && xs[own-1].m.XML.Namespace == m.xmlNS {
		own--
	}
	if own == 0 || m.xmlNS == "" {
		return
	}
	var levels [][]*memberDraft
	for i := 0; i < own; i++ {
		if i == 0 || xs[i].m.XML.Namespace != xs[i-1].m.XML.Namespace {
			levels = append(levels, nil)
		}
		levels[len(levels)-1] = append(levels[len(levels)-1], xs[i])
	}
	m.levels = levels
}

func (b *builder) observeEnum(d *memberDraft) {
	r := d.ref
	if r == nil || r.kind != "model" || d.xv == nil || !d.xv.leaf() || d.jv == nil || d.jv.kind != 'n' {
		return
	}
	em := b.model(r.name)
	if em.page != nil && !em.page.IsEnum || em.rows != nil {
		return // a complex type (an undocumented type's pairs make it an enum)
	}
	v, err := strconv.ParseInt(d.jv.text, 10, 64)
	if err != nil {
		return
	}
	if b.enumWire[em] == nil {
		b.enumWire[em] = map[int64]string{}
	}
	b.enumWire[em][v] = d.xv.value()
}

func (b *builder) observeDate(d *memberDraft) {
	if d.ref == nil || d.ref.kind != spec.RefPrimitive || d.ref.name != "dateTime" || d.jv == nil || d.jv.kind != 's' || !d.xv.leaf() {
		return
	}
	b.dates = append(b.dates, [2]string{d.jv.text, d.xv.value()})
}

// applyEnumWire sets EnumMember values from the XML samples. Only sampled
// values are seen; when they all follow one spelling rule (lower case, or a
// kebab-case of the name), the rule is applied to the rest with a warning.
func (b *builder) applyEnumWire() {
	for em, seen := range b.enumWire {
		rule := ""
		for _, v := range em.values {
			t, ok := seen[v.Value]
			if !ok {
				continue
			}
			if em.flags && v.Value == 0 && t == v.Name {
				continue
			}
			if t != v.Name {
				v.Wire = t
			}
			switch {
			case t == v.Name:
				rule = agree(rule, "name")
			case t == kebab(v.Name):
				// Also true of one-word names in lower case: kebab covers both.
				rule = agree(rule, "kebab")
			case t == strings.ToLower(v.Name):
				rule = agree(rule, "lower")
			default:
				rule = agree(rule, "other")
			}
		}
		if rule == "lower" || rule == "kebab" {
			var guessed []string
			for _, v := range em.values {
				if _, ok := seen[v.Value]; ok {
					continue
				}
				if rule == "lower" {
					v.Wire = strings.ToLower(v.Name)
				} else {
					v.Wire = kebab(v.Name)
				}
				if v.Wire == v.Name {
					v.Wire = ""
				}
				guessed = append(guessed, v.Name)
			}
			if len(guessed) > 0 {
				b.warn(srcOf(em), 0, "enum %s: XML samples show EnumMember values in %s case; assumed the same for %s (not shown on any page)", em.name, rule, strings.Join(guessed, ", "))
			}
		}
	}
}

func agree(rule, r string) string {
	if rule == "" || rule == r {
		return r
	}
	if rule == "name" || r == "name" {
		// Names that read the same in both rules (all lower already) agree.
		if rule == "name" {
			return r
		}
		return rule
	}
	return "other"
}

// kebab turns CheckedIn into checked-in.
func kebab(s string) string {
	var out []rune
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				out = append(out, '-')
			}
			r += 'a' - 'A'
		}
		out = append(out, r)
	}
	return string(out)
}
