package parser

import (
	"sort"
	"strings"
)

// Recovery of what a page lost, from what the rest of the site tells.

// recoverNames gives rows that lost their name cell (Row.NameLost) the
// member name the samples show in their place: the JSON sample lists the
// members in the table's (reflection) order, so a lost row sits between
// the sample keys of its named neighbours; when exactly one sample key
// there matches no row, it is the lost name. Rows it cannot name are
// dropped with a warning (their member still comes from the samples, typed
// from its values, when a sample has it). It returns the rows to use.
func (b *builder) recoverNames(m *model, rows []*Row, js *jnode, xo *xobs) []*Row {
	lost := false
	for _, r := range rows {
		lost = lost || r.NameLost || r.Name == ""
	}
	if !lost {
		return rows
	}
	keys := sampleKeys(js, xo)
	// keyOf[i]: the sample key position of row i, -1 when none.
	pos := map[string]int{}
	for i, k := range keys {
		pos[strings.ToLower(k)] = i
	}
	used := map[int]bool{}
	keyOf := make([]int, len(rows))
	for i, r := range rows {
		keyOf[i] = -1
		if r.Name == "" {
			continue
		}
		if p, ok := pos[strings.ToLower(r.Name)]; ok {
			keyOf[i] = p
			used[p] = true
		}
	}
	out := make([]*Row, 0, len(rows))
	for i, r := range rows {
		if r.Name != "" {
			out = append(out, r)
			continue
		}
		lo, hi := -1, len(keys)
		for j := i - 1; j >= 0; j-- {
			if keyOf[j] >= 0 {
				lo = keyOf[j]
				break
			}
		}
		for j := i + 1; j < len(rows); j++ {
			if keyOf[j] >= 0 {
				hi = keyOf[j]
				break
			}
		}
		var cand []int
		for p := lo + 1; p < hi && p < len(keys); p++ {
			if !used[p] {
				cand = append(cand, p)
			}
		}
		what := strings.TrimSpace(r.Type.Text)
		if what == "" {
			what = "unknown type"
		}
		if len(cand) == 1 && js != nil {
			c := *r
			c.Name, c.NameLost = keys[cand[0]], false
			used[cand[0]] = true
			keyOf[i] = cand[0]
			b.warn(srcOf(m), r.Line, "%s: a row lost its name cell (%s); named %s after the JSON sample, where that member sits between the row's neighbours", m.name, what, c.Name)
			out = append(out, &c)
			continue
		}
		b.warn(srcOf(m), r.Line, "%s: a row lost its name cell (%s) and no sample tells its name: its documentation and annotations are dropped", m.name, what)
	}
	return out
}

// sampleKeys are the member names a model's samples show, in the JSON
// sample's order (the reflection order the table has), else the XML's.
func sampleKeys(js *jnode, xo *xobs) []string {
	if js != nil {
		return js.keys
	}
	if xo != nil {
		var out []string
		for _, c := range xo.el.children {
			out = append(out, c.name)
		}
		return out
	}
	return nil
}

// resolveCutNames resolves model names a cut went through ("…RestApiRes",
// "RestApiResultOfSy") against the names other pages document: a name
// that begins exactly one documented model's name is that model. Others
// stay as they are (and, undescribed, are kept raw) with a warning.
func (b *builder) resolveCutNames() {
	for _, m := range b.order {
		if m.cutAt == "" || m.page != nil || m.rows != nil {
			continue
		}
		var cands []*model
		for _, o := range b.order {
			if o != m && (o.page != nil || o.rows != nil) && strings.HasPrefix(o.name, m.name) {
				cands = append(cands, o)
			}
		}
		switch len(cands) {
		case 1:
			m.alias = cands[0]
			b.warn(m.cutAt, 0, "the type name %s ends the cut text; read as %s, the only documented type whose name begins so", m.name, cands[0].name)
		case 0:
			// Nothing to resolve against: the type is read as undocumented.
		default:
			var names []string
			for _, c := range cands {
				names = append(names, c.name)
			}
			sort.Strings(names)
			b.warn(m.cutAt, 0, "the type name %s ends the cut text; %s all begin so, and nothing tells which", m.name, strings.Join(names, ", "))
		}
	}
}
