package specdiff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

func (d *differ) addType(c *Change, j, x verdict) {
	d.types = append(d.types, c.set(j, x))
}

// compareTypes pairs types (by name, then across renames) and compares each
// pair. It runs before the endpoints so renamed types are known when
// references are compared.
func (d *differ) compareTypes() {
	oldNames := sortedTypeNames(d.old)
	newNames := sortedTypeNames(d.new)
	pairs := map[string]string{} // old → new
	taken := map[string]bool{}
	for _, n := range oldNames {
		if d.newTypes[n] != nil {
			pairs[n] = n
			taken[n] = true
		}
	}
	// Renames: the same DataContract first (it is what XML sees), then the
	// same CLR simple name and kind (a namespace move).
	for _, same := range []func(o, n *spec.Type) bool{
		func(o, n *spec.Type) bool {
			return o.XML != nil && n.XML != nil && *o.XML == *n.XML
		},
		func(o, n *spec.Type) bool {
			return o.Kind == n.Kind && lastSegment(o.Name) == lastSegment(n.Name) &&
				len(o.TypeParams) == len(n.TypeParams) && genericArity(o) == genericArity(n)
		},
	} {
		for _, on := range oldNames {
			if _, done := pairs[on]; done {
				continue
			}
			for _, nn := range newNames {
				if !taken[nn] && same(d.oldTypes[on], d.newTypes[nn]) {
					pairs[on] = nn
					taken[nn] = true
					d.renamed[on] = nn
					break
				}
			}
		}
	}
	for _, on := range oldNames {
		nn, found := pairs[on]
		if !found {
			t := d.oldTypes[on]
			v := ok("references to it are judged where they change")
			d.addType(&Change{Kind: TypeRemoved, Type: on, Summary: t.Kind + " type " + on + " removed"}, v, v)
			continue
		}
		d.compareType(d.oldTypes[on], d.newTypes[nn])
	}
	for _, nn := range newNames {
		if !taken[nn] {
			t := d.newTypes[nn]
			v := ok("a new type; references to it are judged where they appear")
			d.addType(&Change{Kind: TypeAdded, Type: nn, Summary: t.Kind + " type " + nn + " added"}, v, v)
		}
	}
}

func genericArity(t *spec.Type) int {
	if t.Generic == nil {
		return 0
	}
	return len(t.Generic.Args)
}

func sortedTypeNames(s *spec.Spec) []string {
	names := make([]string, 0, len(s.Types))
	seen := map[string]bool{}
	for _, t := range s.Types {
		if !seen[t.Name] {
			seen[t.Name] = true
			names = append(names, t.Name)
		}
	}
	sort.Strings(names)
	return names
}

func xmlOf(t *spec.Type) string {
	if t.XML == nil {
		return ""
	}
	return qname(t.XML.Namespace, t.XML.Name)
}

func (d *differ) compareType(o, n *spec.Type) {
	if o.Name != n.Name {
		j := ok("JSON carries no type names")
		x := ok("same DataContract name and namespace")
		if xmlOf(o) != xmlOf(n) {
			x = brk("roots and collection items are named after the contract: " + xmlOf(o) + " becomes " + xmlOf(n))
		}
		d.addType(&Change{Kind: TypeRenamed, Type: n.Name, Old: o.Name, New: n.Name,
			Summary: "type " + o.Name + " renamed to " + n.Name}, j, x)
	} else if xmlOf(o) != xmlOf(n) {
		d.addType(&Change{Kind: TypeContractChanged, Type: n.Name, Old: xmlOf(o), New: xmlOf(n),
			Summary: "DataContract of " + n.Name + " changes from " + xmlOf(o) + " to " + xmlOf(n)},
			ok("JSON carries no contract names"),
			brk("roots and collection items are named after the contract"))
	}
	if o.Kind != n.Kind {
		v := brk("a " + o.Kind + " becomes a " + n.Kind)
		d.addType(&Change{Kind: TypeKindChanged, Type: n.Name, Old: o.Kind, New: n.Kind,
			Summary: n.Name + " changes from " + o.Kind + " to " + n.Kind}, v, v)
		return
	}
	u := d.useOf(o.Name, n.Name)
	if n.Kind == spec.KindEnum {
		d.compareEnum(o, n, u)
		return
	}
	d.compareMembers(o, n, u)
}

func memberDesc(m *spec.Member) string { return m.Name + " (" + m.Type + ")" }

func (d *differ) compareMembers(ot, nt *spec.Type, u use) {
	tn := nt.Name
	// Pair by docs name; duplicates pair in order.
	byName := map[string][]*spec.Member{}
	for _, m := range nt.Members {
		byName[m.Name] = append(byName[m.Name], m)
	}
	var pairs [][2]*spec.Member
	used := map[*spec.Member]bool{}
	var unOld []*spec.Member
	for _, m := range ot.Members {
		if c := byName[m.Name]; len(c) > 0 {
			pairs = append(pairs, [2]*spec.Member{m, c[0]})
			used[c[0]] = true
			byName[m.Name] = c[1:]
			continue
		}
		unOld = append(unOld, m)
	}
	var unNew []*spec.Member
	for _, m := range nt.Members {
		if !used[m] {
			unNew = append(unNew, m)
		}
	}
	// Renames, most certain first: the same XML element, a JSON name equal
	// ignoring case, then the same type at the same XML or JSON position.
	sameType := func(o, n *spec.Member) bool {
		return d.sameShape(spec.MustParseRefOrNamed(o.Type), spec.MustParseRefOrNamed(n.Type))
	}
	for _, same := range []func(o, n *spec.Member) bool{
		func(o, n *spec.Member) bool {
			return o.XML != nil && n.XML != nil && o.XML.Name == n.XML.Name && o.XML.Namespace == n.XML.Namespace
		},
		func(o, n *spec.Member) bool {
			return o.JSON != nil && n.JSON != nil && strings.EqualFold(o.JSON.Name, n.JSON.Name)
		},
		func(o, n *spec.Member) bool {
			return o.XML != nil && n.XML != nil && o.XML.Order == n.XML.Order && sameType(o, n)
		},
		func(o, n *spec.Member) bool {
			return o.JSON != nil && n.JSON != nil && o.JSON.Order == n.JSON.Order && sameType(o, n)
		},
	} {
		for _, o := range unOld {
			if used[o] {
				continue
			}
			for _, n := range unNew {
				if !used[n] && same(o, n) {
					pairs = append(pairs, [2]*spec.Member{o, n})
					used[o], used[n] = true, true
					break
				}
			}
		}
	}
	for _, p := range pairs {
		d.compareMember(tn, p[0], p[1], u)
	}
	for _, m := range unOld {
		if used[m] {
			continue
		}
		j := brk("the new server neither reads nor writes it: old clients lose its data")
		x := j
		if m.JSON == nil {
			j = ok("it was not in JSON")
		}
		if m.XML == nil {
			x = ok("DCS did not write it")
		}
		d.addType(&Change{Kind: MemberRemoved, Type: tn, Member: m.Name, Old: m.Type,
			Summary: "member " + memberDesc(m) + " removed"}, j, x)
	}
	for _, m := range unNew {
		if used[m] {
			continue
		}
		j := ok("old readers ignore the unknown property; old clients omit it and the server keeps the default")
		x := ok("old DCS readers skip the unknown element without losing their place; old documents just lack it")
		if m.JSON == nil {
			j = ok("not in JSON")
		}
		if m.XML == nil {
			x = ok("DCS does not write it")
		}
		if m.Required {
			if u&useRequest != 0 {
				j = brk("required: Web API rejects old clients' JSON without it")
				x = brk("required: DCS throws when old clients' XML lacks it")
			} else {
				j = ok("required, but only in responses, which the server writes in full")
				x = j
			}
		}
		d.addType(&Change{Kind: MemberAdded, Type: tn, Member: m.Name, New: m.Type,
			Summary: "member " + memberDesc(m) + " added"}, j, x)
	}
	d.compareOrder(tn, pairs)
}

func (d *differ) compareMember(tn string, o, n *spec.Member, u use) {
	base := Change{Type: tn, Member: n.Name}
	add := func(c Change, j, x verdict) {
		cc := c
		d.addType(&cc, j, x)
	}
	if o.Name != n.Name {
		c := base
		c.Kind, c.Old, c.New = MemberRenamed, o.Name, n.Name
		c.Summary = "member " + o.Name + " renamed to " + n.Name
		j, x := ok("not in JSON"), ok("not in XML")
		if o.JSON != nil && n.JSON != nil {
			j = jsonRename(o.JSON.Name, n.JSON.Name)
		}
		if o.XML != nil && n.XML != nil {
			x = xmlRename(o.XML.Name, n.XML.Name)
		}
		add(c, j, x)
	} else {
		if o.JSON != nil && n.JSON != nil && o.JSON.Name != n.JSON.Name {
			c := base
			c.Kind, c.Old, c.New = MemberJSONRenamed, o.JSON.Name, n.JSON.Name
			c.Summary = "JSON name of " + n.Name + " changes from " + o.JSON.Name + " to " + n.JSON.Name
			add(c, jsonRename(o.JSON.Name, n.JSON.Name), ok("XML is unchanged"))
		}
		if o.XML != nil && n.XML != nil && o.XML.Name != n.XML.Name {
			c := base
			c.Kind, c.Old, c.New = MemberXMLRenamed, o.XML.Name, n.XML.Name
			c.Summary = "XML element of " + n.Name + " changes from " + o.XML.Name + " to " + n.XML.Name
			add(c, ok("JSON is unchanged"), xmlRename(o.XML.Name, n.XML.Name))
		}
	}
	switch {
	case o.JSON != nil && n.JSON == nil:
		c := base
		c.Kind, c.Summary = MemberJSONRemoved, "member "+n.Name+" is no longer in JSON"
		add(c, brk("the new server neither reads nor writes it in JSON"), ok("XML is unchanged"))
	case o.JSON == nil && n.JSON != nil:
		c := base
		c.Kind, c.Summary = MemberJSONAdded, "member "+n.Name+" is now in JSON"
		add(c, ok("old readers ignore the unknown property"), ok("XML is unchanged"))
	}
	switch {
	case o.XML != nil && n.XML == nil:
		c := base
		c.Kind, c.Summary = MemberXMLRemoved, "member "+n.Name+" is no longer written by DCS"
		add(c, ok("JSON is unchanged"), brk("the new server neither reads nor writes the element"))
	case o.XML == nil && n.XML != nil:
		c := base
		c.Kind, c.Summary = MemberXMLAdded, "member "+n.Name+" is now written by DCS"
		add(c, ok("JSON is unchanged"), ok("old DCS readers skip the unknown element without losing their place"))
	}
	if o.XML != nil && n.XML != nil && o.XML.Namespace != n.XML.Namespace {
		c := base
		c.Kind, c.Old, c.New = MemberNamespace, o.XML.Namespace, n.XML.Namespace
		c.Summary = "XML namespace of " + n.Name + " changes from " + o.XML.Namespace + " to " + n.XML.Namespace
		add(c, ok("JSON has no namespaces"), brk("DCS matches elements by exact namespace and skips the others"))
	}
	if o.Type != n.Type {
		c := base
		c.Kind, c.Old, c.New = MemberRetyped, o.Type, n.Type
		c.Summary = "type of " + n.Name + " changes from " + o.Type + " to " + n.Type
		j, x := d.compareRef(o.Type, n.Type, u, false)
		add(c, j, x)
	}
	switch {
	case !o.Required && n.Required:
		c := base
		c.Kind, c.Summary = RequiredAdded, "member "+n.Name+" becomes required"
		if u&useRequest != 0 {
			add(c, brk("Web API rejects JSON without it; old clients may omit it"),
				brk("DCS throws when the IsRequired element is missing; old clients may omit it"))
		} else {
			v := ok("only in responses, which the server writes in full")
			add(c, v, v)
		}
	case o.Required && !n.Required:
		c := base
		c.Kind, c.Summary = RequiredRemoved, "member "+n.Name+" is no longer required"
		v := ok("the server only stops insisting on it")
		add(c, v, v)
	}
}

func jsonRename(o, n string) verdict {
	if strings.EqualFold(o, n) {
		return ok("Json.NET matches property names ignoring case")
	}
	return brk("JSON name changes from " + o + " to " + n)
}

func xmlRename(o, n string) verdict {
	if o == n {
		return ok("same element name")
	}
	return brk("DCS matches element names exactly: " + o + " becomes " + n)
}

// compareOrder finds the members whose DCS position moved relative to the
// others: the complement of a longest run that kept its relative order.
func (d *differ) compareOrder(tn string, pairs [][2]*spec.Member) {
	var ps [][2]*spec.Member
	for _, p := range pairs {
		if p[0].XML != nil && p[1].XML != nil {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i][0].XML.Order < ps[j][0].XML.Order })
	seq := make([]int, len(ps))
	for i, p := range ps {
		seq[i] = p[1].XML.Order
	}
	keep := lis(seq)
	for i, p := range ps {
		if keep[i] {
			continue
		}
		var before, after []string
		for k, q := range ps {
			if k < i && q[1].XML.Order > p[1].XML.Order {
				before = append(before, q[1].Name)
			}
			if k > i && q[1].XML.Order < p[1].XML.Order {
				after = append(after, q[1].Name)
			}
		}
		var parts []string
		if len(before) > 0 {
			parts = append(parts, "before "+strings.Join(before, ", "))
		}
		if len(after) > 0 {
			parts = append(parts, "after "+strings.Join(after, ", "))
		}
		n := p[1]
		c := &Change{Kind: MemberReordered, Type: tn, Member: n.Name,
			Old: strconv.Itoa(p[0].XML.Order), New: strconv.Itoa(n.XML.Order),
			Summary: fmt.Sprintf("XML element %s moves %s (DCS position %d → %d)", n.XML.Name, strings.Join(parts, " and "), p[0].XML.Order, n.XML.Order)}
		d.addType(c, ok("Json.NET accepts any property order"),
			brk("DCS reads forward only: whichever side expects the other order skips the element that arrives out of order"))
	}
}

// lis marks a longest strictly increasing subsequence of seq; ties keep the
// earliest elements, so the result is deterministic.
func lis(seq []int) []bool {
	n := len(seq)
	length := make([]int, n)
	prev := make([]int, n)
	best, bestEnd := 0, -1
	for i := range seq {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if seq[j] < seq[i] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if length[i] > best {
			best, bestEnd = length[i], i
		}
	}
	keep := make([]bool, n)
	for i := bestEnd; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

func wire(v *spec.EnumValue) string {
	if v.Wire != "" {
		return v.Wire
	}
	return v.Name
}

func (d *differ) compareEnum(ot, nt *spec.Type, u use) {
	tn := nt.Name
	if ot.Flags != nt.Flags {
		d.addType(&Change{Kind: EnumFlagsChanged, Type: tn, Old: strconv.FormatBool(ot.Flags), New: strconv.FormatBool(nt.Flags),
			Summary: fmt.Sprintf("[Flags] of %s changes from %t to %t", tn, ot.Flags, nt.Flags)},
			ok("JSON carries the number"),
			brk("DCS writes and reads [Flags] values as space-separated names; the other side throws on them"))
	}
	byName := map[string]*spec.EnumValue{}
	for _, v := range nt.Values {
		if byName[v.Name] == nil {
			byName[v.Name] = v
		}
	}
	used := map[*spec.EnumValue]bool{}
	var unOld []*spec.EnumValue
	type pair struct{ o, n *spec.EnumValue }
	var pairs []pair
	for _, v := range ot.Values {
		if n := byName[v.Name]; n != nil && !used[n] {
			used[n] = true
			pairs = append(pairs, pair{v, n})
			continue
		}
		unOld = append(unOld, v)
	}
	var unNew []*spec.EnumValue
	for _, v := range nt.Values {
		if !used[v] {
			unNew = append(unNew, v)
		}
	}
	// A field renamed keeps its number.
	for _, o := range unOld {
		for _, n := range unNew {
			if !used[n] && o.Value == n.Value {
				used[o], used[n] = true, true
				pairs = append(pairs, pair{o, n})
				break
			}
		}
	}
	for _, p := range pairs {
		o, n := p.o, p.n
		if o.Name != n.Name {
			x := ok("same XML text " + wire(n))
			if wire(o) != wire(n) {
				x = brk("XML text changes from " + wire(o) + " to " + wire(n))
			}
			d.addType(&Change{Kind: EnumValueRenamed, Type: tn, Member: n.Name, Old: o.Name, New: n.Name,
				Summary: "enum value " + o.Name + " renamed to " + n.Name}, ok("JSON carries the number, unchanged"), x)
		} else if wire(o) != wire(n) {
			d.addType(&Change{Kind: EnumWireChanged, Type: tn, Member: n.Name, Old: wire(o), New: wire(n),
				Summary: "XML text of " + n.Name + " changes from " + wire(o) + " to " + wire(n)},
				ok("JSON carries the number, unchanged"), brk("DCS reads enum names exactly: "+wire(o)+" becomes "+wire(n)))
		}
		if o.Value != n.Value {
			ov, nv := strconv.FormatInt(o.Value, 10), strconv.FormatInt(n.Value, 10)
			d.addType(&Change{Kind: EnumValueChanged, Type: tn, Member: n.Name, Old: ov, New: nv,
				Summary: "value of " + n.Name + " changes from " + ov + " to " + nv},
				brk("JSON carries the number: "+ov+" becomes "+nv), ok("XML carries the name"))
		}
	}
	for _, v := range unOld {
		if used[v] {
			continue
		}
		c := &Change{Kind: EnumValueRemoved, Type: tn, Member: v.Name, Old: strconv.FormatInt(v.Value, 10),
			Summary: fmt.Sprintf("enum value %s (%d) removed", v.Name, v.Value)}
		if u&useRequest != 0 {
			d.addType(c, brk(fmt.Sprintf("old clients may send %d, which the server no longer defines (Json.NET stores it unchecked)", v.Value)),
				brk("old clients may send "+wire(v)+"; DCS throws on an unknown name"))
		} else {
			r := ok("response-only: the new server just stops writing it")
			d.addType(c, r, r)
		}
	}
	for _, v := range unNew {
		if used[v] {
			continue
		}
		c := &Change{Kind: EnumValueAdded, Type: tn, Member: v.Name, New: strconv.FormatInt(v.Value, 10),
			Summary: fmt.Sprintf("enum value %s (%d) added", v.Name, v.Value)}
		j := ok("Json.NET reads any integer into an enum")
		x := ok("request-only: old clients never send it")
		if u&useResponse != 0 {
			x = brk("the new server may write " + wire(v) + "; old DCS readers throw on an unknown name")
		}
		d.addType(c, j, x)
	}
}
