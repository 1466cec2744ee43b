package parser

import (
	"strings"
)

// Table rows from text. A text rendering loses a table's structure: cells
// run together, rows break across lines, and scrapers drop empty cells
// (an empty Description, an obfuscated e-mail in a Name cell) or merge
// a cell with the next. Reading cells by position then shifts every column
// after the lost one ("Id" typed "Required"). So rows are found by what
// their cells look like: the body is a sequence of cell candidates
// (units), and segmentRows splits it into rows, each unit given the role it
// reads as, at the least cost (a dynamic programme over the sequence). Both
// text layouts use it: pipe tables (a unit is a cell) and flat tables (a
// unit is a line; the lines of one paragraph may form one cell).

// unit is one cell candidate of a table body, in reading order.
type unit struct {
	line int    // 1-based
	text string // white space collapsed
	// start: the unit begins a line that starts with "| " (the leading-pipe
	// layout starts every row so).
	start bool
	// block numbers the blank-line-separated paragraphs of the flat
	// layout: consecutive lines of one block may be one cell. Pipe cells
	// each have a block of their own.
	block int
	// open: the unit is a pipe cell without its closing " |" (cut).
	open bool
	// boundary: the unit follows a line of empty cells, which ends a row.
	boundary bool
	// lineStart: the unit is the first cell of a "| x" line (not a start
	// inferred from an empty line before it): a name there may hold spaces
	// (a JsonProperty name), since a pipe separates it from the next cell.
	lineStart bool
}

// segRow is one row: the units each role took, as indexes into the units.
type segRow struct {
	cells [8][]int
	first int // the row's first unit
	// merged: the name cell's unit holds the name and the documentation
	// run together ("id The id of the user"): the first word is the name.
	merged bool
}

func (r *segRow) text(us []unit, role int) (string, bool) {
	if r.merged && (role == colName || role == colDoc) {
		name, doc, _ := strings.Cut(us[r.cells[colName][0]].text, " ")
		if role == colName {
			return name, true
		}
		return doc, true
	}
	idx := r.cells[role]
	if len(idx) == 0 {
		return "", false
	}
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = us[k].text
	}
	sep := " "
	if role == colAnn {
		sep = "\n" // one annotation per unit
	}
	return strings.Join(parts, sep), true
}

// roleSpan is how many cells a role takes in a row, and what an absent
// cell costs.
type roleSpan struct {
	max    int
	absent int // cost when the role takes no cell (min == 0)
	lines  int // flat layout: how many lines of one block a cell may join
}

// Costs. A cell that does not read as its role costs; the cheapest reading
// of the whole table wins. The numbers order the readings: a lost name
// cell (15) is preferred to a name that is a type word (8) plus a type
// that is an annotation (10), but not to a documentation cell (1).
const (
	costNameLost   = 15
	costStartHint  = 10 // a row starting where no line starts it, or a line start inside a row
	costSplitBlock = 1  // two cells in one flat paragraph (the scraper dropped a blank line)
	costBoundary   = 3  // a row running on past a line of empty cells
	costCellLost   = 30 // no type (value, API title) in a row
	costMerged     = 3  // a name cell run together with the documentation
)

// mergedUnit is the choice marker of a name cell read as name + documentation.
const mergedUnit = 1 << 20

// mergedNameDoc reports whether s reads as a name and its documentation
// run together: an identifier, a space, then text.
func mergedNameDoc(s string) bool {
	name, doc, ok := strings.Cut(s, " ")
	return ok && doc != "" && cellCost(colName, name) == 0 && !textIsAnnotation(s)
}

func spanOf(role int) roleSpan {
	switch role {
	case colName:
		return roleSpan{max: 1, absent: costNameLost, lines: 1}
	case colDoc:
		// A documentation paragraph may run over many lines (a list of
		// codes); a cell never spans a blank line, which bounds the work.
		return roleSpan{max: 1, absent: 0, lines: 64}
	case colAnn, colSource:
		return roleSpan{max: 12, absent: 6, lines: 1}
	}
	// A type, value or API title always shows; it may only be missing
	// where the text was cut, which the caller checks.
	return roleSpan{max: 1, absent: costCellLost, lines: 1}
}

// cellCost is what reading s as role costs.
func cellCost(role int, s string) int {
	switch role {
	case colName:
		switch {
		case s == "" || s == htmlNone || textIsAnnotation(s) || strings.ContainsAny(s, " \t|"):
			return 20
		case textSimpleTypes[s] || textTypeWord(s) != "":
			return 8 // a type word where a name should be: a shifted row
		case !textIsIdent(s):
			return 12
		}
		return 0
	case colDoc:
		switch {
		case s == "" || s == htmlNoDoc:
			return 0
		case textIsAnnotation(s):
			return 6
		case textSimpleTypes[s] || textTypeWord(s) != "" || strings.HasPrefix(s, "Collection of ") || strings.HasPrefix(s, "Dictionary of "):
			return 6
		}
		return 1
	case colType:
		switch {
		case textSimpleTypes[s] || textTypeWord(s) != "" || strings.HasPrefix(s, "Collection of ") ||
			strings.HasPrefix(s, "Dictionary of ") || strings.HasPrefix(s, "Pair of "):
			return 0
		case textIsType(s):
			if s[0] >= 'a' && s[0] <= 'z' && !strings.Contains(s, ".") {
				return 2 // a lower-case identifier: more likely a member name
			}
			return 1
		}
		// Text that is no type rendering is never a type: losing the cell
		// (a cut row, dropped later) reads better.
		return 2 * costCellLost
	case colAnn, colSource:
		switch {
		case textIsAnnotation(s):
			return 0
		case textSimpleTypes[s] || textTypeWord(s) != "":
			return 15
		case textIsIdent(s):
			return 6 // reads as the next row's name
		}
		return 4 // a site's own annotation ("Unique items", "Max of 2 decimal places")
	case colValue:
		if !textIsInt(s) {
			return 20
		}
	case colAPI:
		if !htmlAPITitle(s) {
			return 20
		}
	}
	return 0
}

// segmentRows splits units into rows of the given roles at the least cost.
// hinted says whether line starts mark rows (the leading-pipe layout).
func segmentRows(us []unit, roles []int, hinted bool) []*segRow {
	n := len(us)
	if n == 0 {
		return nil
	}
	const inf = 1 << 30
	best := make([]int, n+1)
	choice := make([][]int, n+1) // per role: the number of units (flat: lines) taken, and -1 separators
	spans := make([]roleSpan, len(roles))
	for k, r := range roles {
		spans[k] = spanOf(r)
	}
	// Single-unit costs, computed once per role and unit.
	memo := make([][8]int32, n)
	for i := range memo {
		for r := range memo[i] {
			memo[i][r] = -1
		}
	}
	// cell cost of units [a, b) read as one cell of role r (flat: lines of
	// one block), inf when they cannot be one cell.
	cell := func(r, a, b int) int {
		if b-a == 1 {
			if memo[a][r] < 0 {
				c := cellCost(r, us[a].text)
				if r == colName && us[a].lineStart && hinted && c == 20 && us[a].text != "" && !textIsAnnotation(us[a].text) {
					c = 5 // "| first name |": a pipe ends the cell, so the space is the name's
				}
				memo[a][r] = int32(c)
			}
			return int(memo[a][r])
		}
		if b-a > 1 {
			for q := a + 1; q < b; q++ {
				if us[q].block != us[a].block {
					return inf
				}
			}
			parts := make([]string, 0, b-a)
			for q := a; q < b; q++ {
				parts = append(parts, us[q].text)
			}
			return cellCost(r, strings.Join(parts, " "))
		}
		return inf
	}
	// take[c] = the units (flat layout: lines) of each cell of role c in the
	// row being tried; bestFlat is the best row's, roles separated by -1.
	take := make([][]int, len(roles))
	var bestFlat []int
	var rec func(i, c, pos, acc int)
	var cells func(i, c, k, p, a int)
	rec = func(i, c, pos, acc int) {
		if acc >= best[i] {
			return
		}
		if c == len(roles) {
			if pos == i || best[pos] >= inf {
				return
			}
			if total := acc + best[pos]; total < best[i] {
				best[i] = total
				bestFlat = bestFlat[:0]
				for _, t := range take {
					bestFlat = append(append(bestFlat, t...), -1)
				}
			}
			return
		}
		// Zero cells.
		take[c] = take[c][:0]
		rec(i, c+1, pos, acc+spans[c].absent)
		// One or more cells, each of one or more lines.
		cells(i, c, 0, pos, acc)
		// The name and the documentation in one unit (flat layouts only: in
		// a pipe table a pipe separates them).
		if !hinted && roles[c] == colName && c+1 < len(roles) && roles[c+1] == colDoc && pos < n && us[pos].block > 0 && mergedNameDoc(us[pos].text) {
			take[c] = append(take[c][:0], mergedUnit)
			take[c+1] = take[c+1][:0]
			rec(i, c+2, pos+1, acc+costMerged)
			take[c] = take[c][:0]
		}
	}
	// cells tries the k-th and further cells of role c from unit p.
	cells = func(i, c, k, p, a int) {
		sp := spans[c]
		if k >= sp.max {
			return
		}
		for l := 1; l <= sp.lines && p+l <= n; l++ {
			cc := cell(roles[c], p, p+l)
			if cc >= inf {
				break
			}
			add := cc
			if p > i && us[p].start && hinted {
				add += costStartHint // a line start inside the row
			}
			if p > i && us[p].block == us[p-1].block {
				add += costSplitBlock
			}
			if p > i && us[p].boundary {
				add += costBoundary
			}
			if a+add >= best[i] {
				continue // more lines only cost more
			}
			take[c] = append(take[c], l)
			rec(i, c+1, p+l, a+add)
			cells(i, c, k+1, p+l, a+add)
			take[c] = take[c][:len(take[c])-1]
		}
	}
	for i := n - 1; i >= 0; i-- {
		best[i] = inf
		for c := range take {
			take[c] = take[c][:0]
		}
		start := 0
		if hinted && !us[i].start {
			start = costStartHint
		}
		rec(i, 0, i, start)
		if best[i] < inf {
			choice[i] = append([]int(nil), bestFlat...)
		}
	}
	var rows []*segRow
	for i := 0; i < n && best[i] < inf; {
		r := &segRow{first: i}
		pos, c := i, 0
		for _, l := range choice[i] {
			if l < 0 {
				c++
				continue
			}
			if l == mergedUnit {
				r.merged = true
				l = 1
			}
			for q := pos; q < pos+l; q++ {
				r.cells[roles[c]] = append(r.cells[roles[c]], q)
			}
			pos += l
		}
		i = pos
		rows = append(rows, r)
	}
	return rows
}
