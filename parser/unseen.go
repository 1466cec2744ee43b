package parser

// What the pages cannot show (issue 11): the defaults that never lose or
// reject real data, and the inferences that narrow them when a sample
// shows more. docs/generated-code.md ("What the pages cannot show") is the
// policy; spec.Unknown* record where a default was taken.
//
//   - Integer width: "integer" is Int16, Int32 or Int64. Without a sample
//     naming it (an XML item <int>, a KeyValueOfstringlong, a root <long>)
//     the type is long, which holds every width.
//   - Nullability: Nullable<T> is shown as T. The sample generator's
//     counter shows it for some members (inferNullability); for the others
//     it stays unknown and readers take null as the zero value.
//   - Fields: Json.NET writes public fields before properties, the table
//     lists them after: a JSON order that is the table's rotated says which
//     members are fields (the form binder ignores them, and their sample
//     counter starts again at 1).
//   - XML namespace of a contract no sample shows: every instance of a
//     generic has its definition's; other contracts take the one namespace
//     their related contracts agree on, else DCS's default.
//   - XML name of a generic instance no sample shows: the pattern another
//     instance shows ([DataContract(Name = "PageOf{0}{#}")]), else DCS's rule.

import (
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// widest is the integer type that holds every width a word can stand for.
func widest(prim string) string {
	if prim == "unsignedInt" {
		return "unsignedLong"
	}
	if prim == "int" {
		return "long"
	}
	return prim
}

// hasWidth reports whether a rendering has an integer of unknown width.
func hasWidth(d *displayRef) bool {
	if d == nil {
		return false
	}
	if d.width {
		return true
	}
	for _, a := range d.args {
		if hasWidth(a) {
			return true
		}
	}
	return false
}

// dcsIntegers are DCS's item and argument names of the integer types,
// longest first (so that "unsignedLong" is not read as "long").
var dcsIntegers = []string{"unsignedShort", "unsignedLong", "unsignedInt", "long", "short", "int"}

// settleWidth sets an unknown-width integer from the DCS name a sample shows.
func settleWidth(d *displayRef, dcsName string) {
	if d == nil || !d.width {
		return
	}
	for _, n := range dcsIntegers {
		if dcsName == n && (strings.HasPrefix(n, "unsigned") == (d.name == "unsignedInt")) {
			d.name, d.width = n, false
			return
		}
	}
}

// refineWidth reads integer widths from a member's XML sample: the item
// elements of a collection (<d2p1:long>) and the item names of a
// dictionary (KeyValueOfstringlong).
func refineWidth(d *displayRef, xv *xnode) {
	if d == nil || xv == nil || xv.nil || len(xv.children) == 0 {
		return
	}
	switch d.kind {
	case spec.RefList:
		it := xv.children[0]
		if d.args[0].kind == spec.RefPrimitive {
			settleWidth(d.args[0], it.name)
		} else {
			refineWidth(d.args[0], it)
		}
	case spec.RefDict:
		name, ok := strings.CutPrefix(xv.children[0].name, "KeyValueOf")
		if !ok {
			return
		}
		// The value's name ends the item name, before a hash when one of
		// the argument namespaces is not built in.
		for _, n := range dcsIntegers {
			if i := strings.LastIndex(name, n); i > 0 {
				settleWidth(d.args[1], n)
				if d.args[0].width {
					settleWidth(d.args[0], strings.TrimSuffix(name[:i], "ArrayOf"))
				}
				break
			}
		}
	}
}

// refineRootWidth reads the width of an integer body or response (or a
// collection of them) from the XML sample's root element (<long>,
// <ArrayOfint>).
func refineRootWidth(d *displayRef, samples []*spec.Sample, dir string) {
	if !hasWidth(d) {
		return
	}
	for _, s := range samples {
		if s.Direction != dir || s.Kind != "text" || !anyMedia(s.MediaTypes, isXMLMedia) {
			continue
		}
		n, err := parseXMLSample(s.Text)
		if err != nil {
			continue
		}
		switch d.kind {
		case spec.RefPrimitive:
			settleWidth(d, n.name)
		case spec.RefList:
			if name, ok := strings.CutPrefix(n.name, "ArrayOf"); ok {
				settleWidth(d.args[0], name)
			}
		}
	}
}

// unknownOf lists the unknown facts of a member's or parameter's rendering.
func unknownOf(d *displayRef, maybeNull bool) []string {
	var out []string
	if hasWidth(d) {
		out = spec.Forget(out, spec.UnknownWidth)
	}
	if maybeNull {
		out = spec.Forget(out, spec.UnknownNull)
	}
	return out
}

// detectFields marks the members that are public fields: the help table
// lists properties then fields, Json.NET writes fields then properties, so
// the JSON order is the table's rotated at the first field. (DataMember
// Order re-sorts JSON; then no rotation matches and nothing is marked.)
func (b *builder) detectFields(m *model, drafts []*memberDraft) {
	m.fieldsKnown = false
	var rows []*memberDraft
	byRow := map[*Row]*memberDraft{}
	for _, d := range drafts {
		if d.row != nil {
			byRow[d.row] = d
		}
	}
	for _, r := range m.rows {
		if d := byRow[r]; d != nil && d.m.JSON != nil {
			rows = append(rows, d)
		}
	}
	if len(rows) < 2 {
		return
	}
	js := append([]*memberDraft(nil), rows...)
	sort.SliceStable(js, func(i, j int) bool { return js[i].m.JSON.Order < js[j].m.JSON.Order })
	for k := 0; k < len(rows); k++ {
		rot := append(append([]*memberDraft(nil), rows[k:]...), rows[:k]...)
		same := true
		for i := range rot {
			if rot[i] != js[i] {
				same = false
				break
			}
		}
		if same {
			m.fieldsKnown = true
			if k == 0 {
				return // JSON in table order: no fields
			}
			var names []string
			for _, d := range rows[k:] {
				d.field = true
				names = append(names, d.m.Name)
			}
			b.info(srcOf(m), 0, "%s: %s come first in JSON and last in the table: public fields, not properties (form binding ignores them)", m.name, strings.Join(names, ", "))
			return
		}
	}
}

// counterStep is one member the sample generator's counter passes.
type counterStep struct {
	d      *memberDraft
	reveal bool // the sample shows the counter value (n)
	n      int
	known  bool // n was read
	value  bool // a value type: may be Nullable<T>
}

// inferNullability reads Nullable<T> from the sample generator's counter.
// Every simple property takes the next number (strings, numbers and URIs
// show it; GUIDs, dates, booleans... take it unseen); a Nullable<T> takes 1
// from a fresh counter and does not advance it; fields count again from 1.
// Each value-type member is Nullable in every reading of the samples
// consistent with these rules (nullable<T>), in none (T), or in some but
// not all (T, nullability unknown: readers take null).
func (b *builder) inferNullability(m *model, drafts []*memberDraft) {
	byRow := map[*Row]*memberDraft{}
	for _, d := range drafts {
		if d.row != nil {
			byRow[d.row] = d
		}
	}
	sampled := len(m.jsons) > 0 || len(m.xmls) > 0
	var props, fields []counterStep
	for _, r := range m.rows {
		d := byRow[r]
		if d == nil || d.ref == nil {
			continue
		}
		value := b.nullableKind(d.ref)
		kind := counterKind(d.ref)
		if !sampled || kind == "" || d.jv == nil && d.xv == nil || len(m.xmls) > 0 && d.m.XML == nil {
			// Not set by the generator (get-only), not sampled, or not a
			// simple value: nothing tells.
			d.maybeNull = value
			continue
		}
		st := counterStep{d: d, reveal: kind == "reveal", value: value}
		if st.reveal {
			st.n, st.known = counterValue(d)
		}
		if d.field {
			fields = append(fields, st)
		} else {
			props = append(props, st)
		}
	}
	for i, run := range [][]counterStep{props, fields} {
		// When the JSON order does not say where the fields start (a
		// DataMember Order re-sorts it), the counter may start again once,
		// where the JSON order allows it.
		var restart func(int) bool
		if i == 0 && !m.fieldsKnown {
			restart = func(at int) bool { return fieldsFrom(run, at) }
		}
		if !b.counterRun(m, run, restart) {
			for _, st := range run {
				st.d.maybeNull = st.value
			}
		}
	}
}

// nullableKind reports whether a rendering is a value type that could be
// Nullable<T>: a simple value type, an enum, or a KeyValuePair.
func (b *builder) nullableKind(d *displayRef) bool {
	return d.kind == spec.RefPair || b.isValueRef(d)
}

// counterRun settles the members of one counter run; false when no reading
// of the samples fits the rules. Members the pages never show (a public
// property that is not a DataMember) advance the counter unseen, so a
// reading may jump ahead before a value it shows; with restart, the
// counter may also start again once (the first public field, when the JSON
// order does not say where the fields are). The readings with the fewest
// jumps and restarts are the ones believed: a member is Nullable when it
// is in all of them, not Nullable when in none, unknown otherwise. (A
// restart is not counted: it is as likely as a Nullable.)
func (b *builder) counterRun(m *model, run []counterStep, restart func(at int) bool) bool {
	if len(run) == 0 {
		return true
	}
	max := len(run) + 1
	for _, st := range run {
		if st.reveal && st.known && st.n+1 > max {
			max = st.n + 1
		}
	}
	// A state is the counter value, plus max+1 once it has restarted.
	states := 2 * (max + 1)
	const inf = 1 << 30
	type move struct {
		to, cost int
		null     bool
	}
	// moves lists what step i can do from state s.
	moves := func(i int, s int) []move {
		st := run[i]
		var out []move
		for _, again := range []bool{false, true} {
			c, off, cost := s, 0, 0
			if s > max {
				c, off = s-max-1, max+1
			}
			if again {
				if restart == nil || off > 0 || !restart(i) {
					continue
				}
				// A restart costs nothing: fields are as likely as a
				// Nullable, so a member either could be stays unknown.
				c, off = 0, max+1
			}
			// Nullable<T>: a fresh counter shows 1, this one does not move.
			if st.value && (!st.reveal || !st.known || st.n == 1) {
				out = append(out, move{c + off, cost, true})
			}
			// A plain value takes the next number, after unseen members.
			switch {
			case st.reveal && st.known:
				if st.n-1 >= c && st.n <= max {
					jump := 0
					if st.n-1 > c {
						jump = 1
					}
					out = append(out, move{st.n + off, cost + jump, false})
				}
			case c+1 <= max:
				out = append(out, move{c + 1 + off, cost, false})
			}
		}
		return out
	}
	fwd := make([][]int, len(run)+1)
	back := make([][]int, len(run)+1)
	for i := range fwd {
		fwd[i] = make([]int, states)
		back[i] = make([]int, states)
		for s := range fwd[i] {
			fwd[i][s], back[i][s] = inf, inf
		}
	}
	fwd[0][0] = 0
	for i := range run {
		for s := 0; s < states; s++ {
			if fwd[i][s] == inf {
				continue
			}
			for _, mv := range moves(i, s) {
				fwd[i+1][mv.to] = min(fwd[i+1][mv.to], fwd[i][s]+mv.cost)
			}
		}
	}
	for s := 0; s < states; s++ {
		back[len(run)][s] = 0
	}
	for i := len(run) - 1; i >= 0; i-- {
		for s := 0; s < states; s++ {
			for _, mv := range moves(i, s) {
				if back[i+1][mv.to] < inf {
					back[i][s] = min(back[i][s], mv.cost+back[i+1][mv.to])
				}
			}
		}
	}
	best := back[0][0]
	if best >= inf {
		b.info(srcOf(m), 0, "%s: the sample values do not follow the sample generator's counter; the nullability of its value-type members is unknown", m.name)
		return false
	}
	for i, st := range run {
		canNull, canValue := false, false
		for s := 0; s < states; s++ {
			if fwd[i][s] == inf {
				continue
			}
			for _, mv := range moves(i, s) {
				if back[i+1][mv.to] < inf && fwd[i][s]+mv.cost+back[i+1][mv.to] == best {
					if mv.null {
						canNull = true
					} else {
						canValue = true
					}
				}
			}
		}
		switch {
		case canNull && !canValue:
			st.d.nullable = true
		case canNull && canValue:
			st.d.maybeNull = true
		}
	}
	return true
}

// fieldsFrom reports whether the members of run from at on may be the public
// fields: Json.NET writes fields first, so some of them must come before
// some earlier member in the JSON sample (a DataMember Order moves members
// to its end, which may hide the rest); without JSON positions, anything goes.
func fieldsFrom(run []counterStep, at int) bool {
	known := false
	for _, t := range run[at:] {
		for _, h := range run[:at] {
			if t.d.m.JSON == nil || h.d.m.JSON == nil {
				continue
			}
			known = true
			if t.d.m.JSON.Order < h.d.m.JSON.Order {
				return true
			}
		}
	}
	return !known
}

// inferUnseen settles, once every model is inferred, what only the other
// models can tell: the XML namespace of contracts no sample shows.
func (b *builder) inferUnseen() {
	models := append([]*model(nil), b.order...)
	sort.SliceStable(models, func(i, j int) bool { return models[i].name < models[j].name })
	// Only sampled contracts (not noXML) inform a guess, and only noXML
	// ones change here: the index stays true for the whole loop.
	var idx *unseenIndex
	for _, m := range models {
		if !m.noXML || m.kind != spec.KindComplex {
			continue
		}
		if idx == nil {
			idx = b.newUnseenIndex()
		}
		old := m.xmlNS
		ns, how := b.unseenNamespace(m, idx)
		m.xmlNS = ns
		if how != "" {
			m.unknown = spec.Forget(m.unknown, spec.UnknownNamespace)
			b.info(m.src, 0, "%s: no XML sample; namespace %q %s", m.name, ns, how)
		} else {
			b.info(m.src, 0, "%s: no XML sample; namespace %q, as the other instances of the generic show", m.name, ns)
		}
		for _, d := range m.drafts {
			if d.m.XML != nil && d.m.XML.Namespace == old {
				d.m.XML.Namespace = ns
			}
		}
	}
}

// unseenIndex is what unseenNamespace asks of every other model, computed
// in one pass over the models: asking it of each model in turn re-parsed
// every row of every model per unseen contract, quadratic in the models.
type unseenIndex struct {
	// genericNS is, by generic definition, the namespace of its first
	// instance (in model order) a sample shows.
	genericNS map[string]string
	// sampledNS holds the namespaces of the contracts a sample shows.
	sampledNS map[string]bool
	// related lists, by model, the models that may settle its namespace:
	// sampled non-generic contracts it names in a row or that name it in
	// one (with repeats, which the caller's set absorbs).
	related map[*model][]*model
	// generic is set for the models whose name is a generic instance's.
	generic map[*model]bool
}

// newUnseenIndex indexes the models for unseenNamespace.
func (b *builder) newUnseenIndex() *unseenIndex {
	idx := &unseenIndex{genericNS: map[string]string{}, sampledNS: map[string]bool{}, related: map[*model][]*model{}, generic: map[*model]bool{}}
	for _, o := range b.order {
		if def, _, ok := splitGenericModelName(o.name, b.known); ok {
			idx.generic[o] = true
			if _, seen := idx.genericNS[def]; !seen && !o.noXML && o.xmlNS != "" {
				idx.genericNS[def] = o.xmlNS
			}
		}
		if !o.noXML {
			idx.sampledNS[o.xmlNS] = true
		}
	}
	for _, o := range b.order {
		for _, r := range o.rows {
			for _, n := range parseDisplay(r.Type.Text).modelNames(nil) {
				u := b.model(n)
				idx.related[o] = append(idx.related[o], u)
				idx.related[u] = append(idx.related[u], o)
			}
		}
	}
	return idx
}

// unseenNamespace is the namespace of a contract no XML sample shows, and
// how it was guessed ("" when it is certain).
func (b *builder) unseenNamespace(m *model, idx *unseenIndex) (ns, how string) {
	// A generic instance is in its definition's namespace, which another
	// instance may show.
	if def, _, ok := splitGenericModelName(m.name, b.known); ok {
		if ns, ok := idx.genericNS[def]; ok {
			return ns, ""
		}
		return m.xmlNS, "assumed: DataContract's default"
	}
	// Another contract of the same CLR namespace in DCS's default
	// namespace: so is this one, most likely.
	if def := m.xmlNS; strings.HasPrefix(def, spec.NSDefaultPrefix) && idx.sampledNS[def] {
		return def, "assumed: DataContract's default, as other contracts of its CLR namespace show"
	}
	// Related contracts: those its members use and those using it (not
	// generic instances: their namespace is their definition's).
	seen := map[string]bool{}
	for _, o := range idx.related[m] {
		if o == m || o.noXML || o.xmlNS == "" || o.kind != spec.KindComplex || idx.generic[o] {
			continue
		}
		seen[o.xmlNS] = true
	}
	if len(seen) != 1 {
		return m.xmlNS, "assumed: DataContract's default (related contracts do not agree on one)"
	}
	for n := range seen {
		ns = n
	}
	if strings.HasPrefix(ns, spec.NSDefaultPrefix) {
		// The default namespace of another CLR namespace says nothing
		// about this one.
		return m.xmlNS, "assumed: DataContract's default"
	}
	return ns, "assumed: the namespace of the contracts it is used with"
}

// genericName is a generic's contract name pattern: prefix, the arguments'
// contract names, and the hash when hash is set ({#}).
type genericName struct {
	prefix string
	hash   bool
}

func (g genericName) name(names, nss []string) string {
	n := g.prefix + strings.Join(names, "")
	if g.hash {
		n += spec.GenericHash(nss)
	}
	return n
}

// genericDef is the definition part of a generic instance's model name.
func (b *builder) genericDef(m *model) string {
	def, _, _ := splitGenericModelName(m.name, b.known)
	return def
}

// genericNameShown reports whether an instance's XML name is certain: a
// sample showed it, or another instance showed its definition's pattern.
func (b *builder) genericNameShown(m *model) bool {
	if m.xmlName != "" {
		return true
	}
	if m.generic == nil {
		return false
	}
	_, ok := b.genericNames[b.genericDef(m)]
	return ok
}

// customGenericName reports whether an instance's XML name, which does not
// start with "<Definition>Of", is a custom contract name of the generic
// ([DataContract(Name = "PageOf{0}{#}")]): a prefix, the arguments'
// contract names and, with {#}, their namespaces' hash (which DCS computes
// the same way). It records the pattern for the other instances.
func (b *builder) customGenericName(m *model, def string, args []*modelArg) bool {
	var names, nss []string
	for _, a := range args {
		ref := b.argRef(a)
		n, ns := b.refContract(spec.MustParseRefOrNamed(ref))
		if ns == "" {
			return false
		}
		names, nss = append(names, n), append(nss, ns)
	}
	for _, hash := range []bool{true, false} {
		suffix := strings.Join(names, "")
		if hash {
			suffix += spec.GenericHash(nss)
		}
		if prefix, ok := strings.CutSuffix(m.xmlName, suffix); ok && prefix != "" {
			if b.genericNames == nil {
				b.genericNames = map[string]genericName{}
			}
			b.genericNames[def] = genericName{prefix: prefix, hash: hash}
			return true
		}
	}
	return false
}
