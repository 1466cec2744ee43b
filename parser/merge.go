package parser

import (
	"fmt"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Merging. A site describes one type on many pages (its ResourceModel page,
// every Api page whose body or response it is), some cut short, some from
// another rendering. Which description is used is decided by what the
// descriptions say, never by file order: the most complete one wins (not
// cut, more members, fewer lost names, more documentation), and a
// description that contradicts it, rather than being a shorter copy of it,
// is reported.

// tableObs is one table documenting a model's members.
type tableObs struct {
	rows []*Row
	src  string // file:line
	cut  bool   // the table ran into the end of a truncated page
}

// tableScore orders tables by completeness.
func tableScore(t *tableObs) [4]int {
	lost, said := 0, 0
	for _, r := range t.rows {
		if r.NameLost || r.Name == "" {
			lost++
		}
		said += len(r.Doc) + len(r.Annotations)
	}
	cut := 1
	if t.cut {
		cut = 0
	}
	return [4]int{cut, len(t.rows) - lost, -lost, said}
}

// tableKey is a table's content, the last tie-break (never the source).
func tableKey(t *tableObs) string {
	var b strings.Builder
	for _, r := range t.rows {
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\x01", r.Name, r.Type.Text, r.Doc, strings.Join(r.Annotations, "\x02"))
	}
	return b.String()
}

func betterTable(a, c *tableObs) bool {
	sa, sc := tableScore(a), tableScore(c)
	if sa != sc {
		for i := range sa {
			if sa[i] != sc[i] {
				return sa[i] > sc[i]
			}
		}
	}
	return tableKey(a) < tableKey(c)
}

// chooseTables picks each model's table and reports contradictions.
func (b *builder) chooseTables() {
	for _, m := range b.order {
		if len(m.tables) == 0 {
			continue
		}
		best := m.tables[0]
		for _, t := range m.tables[1:] {
			if betterTable(t, best) {
				best = t
			}
		}
		m.rows, m.rowsSrc = best.rows, best.src
		for _, t := range m.tables {
			if t == best {
				continue
			}
			if why := contradicts(best, t); why != "" {
				b.diags = append(b.diags, warnAt(t.src, fmt.Sprintf("model %s: this table contradicts the one in %s (%s); that one is more complete and is used", m.name, best.src, why)))
			}
		}
	}
}

// contradicts says how table t contradicts the chosen one, "" when it is
// the same description or a shorter copy of it (cut, lost names).
func contradicts(best, t *tableObs) string {
	byName, byLower := map[string]*Row{}, map[string]*Row{}
	for _, r := range best.rows {
		byName[r.Name] = r
		byLower[strings.ToLower(r.Name)] = r
	}
	for _, r := range t.rows {
		if r.Name == "" {
			continue
		}
		o := byName[r.Name]
		if o == nil {
			o = byLower[strings.ToLower(r.Name)]
		}
		if o == nil {
			return fmt.Sprintf("member %s is not there", r.Name)
		}
		if o.Type.Text != r.Type.Text && !(t.cut && r == t.rows[len(t.rows)-1]) {
			return fmt.Sprintf("member %s is %q there, %q here", r.Name, o.Type.Text, r.Type.Text)
		}
	}
	return ""
}

// pageScore orders model pages (and Api pages) by completeness.
func pageScore(p *Page) [4]int {
	cut, doc := 1, 0
	if p.Truncated {
		cut = 0
	}
	if p.ModelDoc != "" || p.Doc != "" {
		doc = 1
	}
	rows := len(p.Enum)
	if p.Members != nil {
		rows += len(p.Members.Rows)
	}
	for _, s := range []*Section{p.URIParams, p.Body, p.Response} {
		if s != nil && s.Table != nil {
			rows += len(s.Table.Rows)
		}
	}
	return [4]int{cut, rows, doc, len(p.Samples)}
}

// pageKey is a page's content, the last tie-break.
func pageKey(p *Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%s\x00%s\x00%s\x00", p.Method, p.RelativePath, p.Doc, p.ModelDoc)
	for _, s := range p.Samples {
		fmt.Fprintf(&b, "%s\x00%s\x00%s\x01", s.Direction, strings.Join(s.MediaTypes, ","), s.Text)
	}
	for _, t := range []*Table{p.Members, sectionTable(p.URIParams), sectionTable(p.Body), sectionTable(p.Response)} {
		if t != nil {
			b.WriteString(tableKey(&tableObs{rows: t.Rows}))
		}
	}
	return b.String()
}

func sectionTable(s *Section) *Table {
	if s == nil {
		return nil
	}
	return s.Table
}

// mostComplete picks among copies of one page (the same ApiId or model).
func (b *builder) mostComplete(pages []*Page) *Page {
	best := pages[0]
	for _, p := range pages[1:] {
		sp, sb := pageScore(p), pageScore(best)
		if sp != sb {
			if greater(sp, sb) {
				best = p
			}
			continue
		}
		if pageKey(p) < pageKey(best) {
			best = p
		}
	}
	return best
}

// warnAt is a warning at a file:line source.
func warnAt(src, msg string) *spec.Diagnostic {
	return &spec.Diagnostic{Severity: spec.Warning, Source: src, Message: msg}
}

func greater(a, c [4]int) bool {
	for i := range a {
		if a[i] != c[i] {
			return a[i] > c[i]
		}
	}
	return false
}

// chooseModelPages settles each model's page: the most complete of its
// ResourceModel pages; every page's table joins the model's tables.
func (b *builder) chooseModelPages() {
	models := append([]*model(nil), b.order...)
	sort.SliceStable(models, func(i, j int) bool { return models[i].name < models[j].name })
	for _, m := range models {
		if len(m.pages) == 0 {
			continue
		}
		best := b.mostComplete(m.pages)
		m.page, m.doc = best, best.ModelDoc
		for _, p := range m.pages {
			if p.Members != nil {
				b.setRows(m, p.Members.Rows, fmt.Sprintf("%s:%d", p.Source, p.Members.Line), p.Members.AtEnd && p.Truncated)
			}
			if p != best {
				b.info(p.Source, p.Line, "model %s is described again; %s is more complete and is used", m.name, best.Source)
			}
		}
	}
}
