package parser

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// ParseText extracts a Help Page from a text rendering of it, as web
// scrapers and page caches store them, into the Page ParseHTML gives for
// the same page. source names the page in diagnostics and in Page.Source;
// every Line field is a 1-based line of data.
//
// Three layouts are read (see the clinic corpus README):
//   - pipe: "| Name | Description | Type | Additional information |" tables
//     whose rows break across lines ("| name |" / "doc |" / "type |" /
//     "annotations |"; a row without documentation is "| name | type |" /
//     "annotations |" and a lone "|"), the type rendering glued to the
//     table header or to "None.", samples possibly collapsed to one line;
//   - pipe-noleading: the same without the leading "| ";
//   - flat: "NameDescriptionTypeAdditional information" headers and every
//     cell a paragraph of its own, separated by blank lines.
//
// What text cannot carry stays empty: ResourceModel links (TypeText.Links),
// image samples, and what the scraper left out (a ResourceModel text holds
// only section.main-content, so its name comes from the file name, see
// textModelName, and its documentation is lost unless the text includes
// the title; the pipe layouts drop debug warnings, leaving an empty
// "Sample:", read as an unavailable sample). Annotations the pipe layouts
// run together on one line ("Required String length: ...") are split at
// the known Help Page annotation texts.
//
// A text cut off mid-way (a size-capped cache) is returned with what it
// holds, Truncated set and a warning at its last line. The cut is seen in
// an unterminated or short table row, an incomplete JSON or XML sample, a
// sample header without its sample, missing Api sections, or a body or
// response type that ends the text where its samples should follow. Parts
// the cut went through are dropped.
//
// The error is non-nil only when data holds no recognisable Help Page
// text; the Page is then of kind PageUnknown. ParseText never panics.
func ParseText(source string, data []byte) (*Page, error) {
	p := &Page{Source: source}
	if bytes.IndexByte(data, 0) >= 0 {
		return p, fmt.Errorf("%s: not text (NUL bytes)", source)
	}
	x := newTextParser(p, data)
	return x.run()
}

// ---------------------------------------------------------------------------
// Lines.

type textParser struct {
	p     *Page
	raw   []string // lines without their end ("\n", "\r\n")
	trim  []string // the same, white space trimmed
	next  []int    // next[i]: the first non-blank line at or after i (n when none)
	n     int
	last  int // 1-based line of the last byte
	nodoc bool

	// cut: the text ends mid-way; why and what was dropped.
	cut     bool
	cutWhy  []string
	dropped []string
	// maybeCut: the last line was kept but may be incomplete.
	lastKept bool
}

func newTextParser(p *Page, data []byte) *textParser {
	x := &textParser{p: p}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	x.last = htmlLastLine(data)
	s := string(data)
	if strings.HasSuffix(s, "\n") {
		s = s[:len(s)-1]
	}
	if len(data) > 0 {
		x.raw = strings.Split(s, "\n")
	}
	x.n = len(x.raw)
	x.trim = make([]string, x.n)
	for i, l := range x.raw {
		l = strings.TrimSuffix(l, "\r")
		x.raw[i] = l
		x.trim[i] = strings.TrimSpace(l)
	}
	x.next = make([]int, x.n+1)
	x.next[x.n] = x.n
	for i := x.n - 1; i >= 0; i-- {
		if x.trim[i] != "" {
			x.next[i] = i
		} else {
			x.next[i] = x.next[i+1]
		}
	}
	return x
}

// nb returns the first non-blank line at or after i.
func (x *textParser) nb(i int) int {
	if i >= x.n {
		return x.n
	}
	return x.next[i]
}

// headings of Api pages.
const (
	thNone = iota
	thRequestInfo
	thResponseInfo
	thURI
	thBody
	thResource
	thRequestFormats
	thResponseFormats
	thOldParams
)

func textHeading(s string) int {
	if len(s) < 10 || len(s) > 26 {
		return thNone
	}
	if t, ok := strings.CutSuffix(s, ":"); ok {
		s = strings.TrimSpace(t) // a customised template's "URI Parameters :"
	}
	switch s {
	case "Request Information":
		return thRequestInfo
	case "Response Information":
		return thResponseInfo
	}
	switch strings.ToLower(s) {
	case "uri parameters":
		return thURI
	case "body parameters":
		return thBody
	case "resource description":
		return thResource
	case "request formats", "request body formats", "sample request formats":
		return thRequestFormats
	case "response formats", "response body formats", "sample response formats":
		return thResponseFormats
	case "parameters":
		return thOldParams
	}
	return thNone
}

func (x *textParser) heading(i int) int { return textHeading(x.trim[i]) }

// joinText joins lines into one collapsed text.
func (x *textParser) joinText(idx []int) string {
	switch len(idx) {
	case 0:
		return ""
	case 1:
		return htmlCollapse(x.trim[idx[0]])
	}
	var b strings.Builder
	for k, i := range idx {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.trim[i])
	}
	return htmlCollapse(b.String())
}

func (x *textParser) warn(line int, format string, args ...any) {
	x.p.Diags = append(x.p.Diags, &spec.Diagnostic{Severity: spec.Warning,
		Source: fmt.Sprintf("%s:%d", x.p.Source, line), Message: fmt.Sprintf(format, args...)})
}

// drop records a part left out because the cut went through it.
func (x *textParser) drop(what string, line int) {
	x.cut = true
	x.dropped = append(x.dropped, fmt.Sprintf("%s (line %d)", what, line))
}

func (x *textParser) cutBecause(why string) {
	x.cut = true
	x.cutWhy = append(x.cutWhy, why)
}

// atEnd reports whether nothing but blank lines follows line i.
func (x *textParser) atEnd(i int) bool { return x.nb(i+1) >= x.n }

// ---------------------------------------------------------------------------
// Page kinds.

const (
	textErrorTitle = htmlErrorTitle
	textSample     = "Sample:"
)

func (x *textParser) run() (*Page, error) {
	p := x.p
	first := x.nb(0)
	if first >= x.n {
		return p, fmt.Errorf("%s: no Help Page content found (empty text)", p.Source)
	}
	// The first heading, and an Api title before it.
	title, head := -1, -1
	errTitle, errSub := -1, -1
	index, model := -1, -1
	for i := first; i < x.n; i = x.nb(i + 1) {
		t := x.trim[i]
		switch {
		case head < 0 && x.heading(i) != thNone:
			head = i
		case title < 0 && head < 0 && model < 0 && index < 0 && textAPITitle(t):
			title = i
		case t == textErrorTitle && errTitle < 0:
			errTitle = i
		case t == htmlErrorSubtitle && errSub < 0:
			errSub = i
		case t == htmlEnumMarker || t == htmlNone:
			if model < 0 {
				model = i
			}
		default:
			if hd, ok := textTableHeader(t); ok {
				if hd.roles[0] == colAPI {
					if index < 0 {
						index = i
					}
				} else if model < 0 {
					model = i
				}
			}
		}
	}
	var err error
	switch {
	case errTitle >= 0 && (title < 0 || errTitle < title), errSub >= 0 && title < 0 && head < 0:
		p.Kind = PageError
		if errTitle >= 0 {
			p.Line = errTitle + 1
		} else {
			p.Line = first + 1
		}
	case title >= 0 || (head >= 0 && x.apiHeadings()):
		p.Kind = PageAPI
		x.api(title, head)
	case index >= 0:
		p.Kind = PageIndex
		x.index(first)
	case model >= 0 || (textModelName(p.Source) != "" && x.nb(first+1) >= x.n && textIsType(htmlCollapse(x.trim[first]))):
		// A table, an enum or "None.", or a simple type's word alone.
		p.Kind = PageModel
		x.model(first)
	default:
		err = fmt.Errorf("%s: no Help Page content found", p.Source)
		if i, cols := x.firstTable(first); i >= 0 {
			// Say what was there: a customised template's table.
			err = fmt.Errorf("%s:%d: no Help Page content found: a table with columns %s, where a Help Page has Name | Description | Type | Additional information (models) or API | Description (the index); a customised template helpgen does not read", p.Source, i+1, cols)
		}
	}
	x.truncation()
	return p, err
}

// firstTable returns the index of the first line that is a pipe table's
// row of at least two cells, and its cells joined by " | "; -1 when none is.
func (x *textParser) firstTable(first int) (int, string) {
	for i := first; i < x.n; i = x.nb(i + 1) {
		t := x.trim[i]
		if !strings.HasPrefix(t, "|") {
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		if len(cells) >= 2 {
			if len(cells) > 8 {
				cells = append(cells[:8], "…")
			}
			cols := strings.Join(cells, " | ")
			if len(cols) > 200 { // page text in a message: bounded
				cols = strings.ToValidUTF8(cols[:200], "") + "…"
			}
			return i, cols
		}
	}
	return -1, ""
}

// textAPITitle reports whether s reads "{METHOD} {RelativePath}" (a
// route has no white space, which tells it from a sentence).
func textAPITitle(s string) bool {
	_, _, ok := textAPITitleParts(s)
	return ok
}

// textAPITitleParts splits an Api page title: "{METHOD} {RelativePath}",
// or a customised template's "{RelativePath} ({METHOD})".
func textAPITitleParts(s string) (method, rel string, ok bool) {
	m, rest, ok := strings.Cut(s, " ")
	rest = strings.TrimSpace(rest)
	if ok && rest != "" && htmlIsMethod(m) && !strings.ContainsAny(rest, " \t|") {
		return m, rest, true
	}
	if r, m, ok := strings.Cut(s, " ("); ok && strings.HasSuffix(m, ")") && htmlIsMethod(strings.TrimSuffix(m, ")")) &&
		r != "" && !strings.ContainsAny(r, " \t|") && strings.ContainsAny(r, "/{") {
		return strings.TrimSuffix(m, ")"), r, true
	}
	return "", "", false
}

// apiHeadings reports whether the text has a heading only Api pages have.
func (x *textParser) apiHeadings() bool {
	for i := x.nb(0); i < x.n; i = x.nb(i + 1) {
		switch x.heading(i) {
		case thRequestInfo, thResponseInfo, thURI, thBody, thResource:
			return true
		}
	}
	return false
}

// textModelName takes a model name from a file name or URL:
// ".../ResourceModel?modelName=N", ".../N.txt" or a flattened
// "layout_ResourceModel_N.txt", URL-decoded.
func textModelName(source string) string {
	s := source
	if i := strings.LastIndexAny(s, "/\\"); i >= 0 && !strings.Contains(strings.ToLower(s[i:]), "modelname=") {
		s = s[i+1:]
	}
	low := strings.ToLower(s)
	if !strings.Contains(low, "modelname=") && strings.Contains(low, "%3d") {
		if u, err := url.PathUnescape(s); err == nil {
			s, low = u, strings.ToLower(u)
		}
	}
	if i := strings.LastIndex(low, "modelname="); i >= 0 {
		s = s[i+len("modelname="):]
		if j := strings.IndexAny(s, "&#"); j >= 0 {
			s = s[:j]
		}
	} else {
		if i := strings.LastIndexAny(s, "/\\"); i >= 0 {
			s = s[i+1:]
		}
		if i := strings.LastIndex(s, "ResourceModel_"); i >= 0 {
			s = s[i+len("ResourceModel_"):]
		}
	}
	for _, ext := range []string{".txt", ".text", ".md"} {
		if strings.HasSuffix(strings.ToLower(s), ext) {
			s = s[:len(s)-len(ext)]
			break
		}
	}
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n") || path.Ext(s) == ".html" {
		return ""
	}
	return s
}

// ---------------------------------------------------------------------------
// Table headers.

// textHdr is a recognised table header line.
type textHdr struct {
	prefix string // text glued before the header: the type rendering
	roles  []int
	flat   bool
}

var textHeaderSets = [][]int{
	{colName, colDoc, colType, colAnn},
	{colName, colValue, colDoc},
	{colName, colDoc, colAnn},
	{colAPI, colDoc},
}

var textHeaderWords = map[int]string{
	colName: "Name", colDoc: "Description", colType: "Type", colAnn: "Additional information",
	colValue: "Value", colAPI: "API",
}

var textFlatHeaders = func() []string {
	var out []string
	for _, set := range textHeaderSets {
		var b strings.Builder
		for _, r := range set {
			b.WriteString(textHeaderWords[r])
		}
		out = append(out, b.String())
	}
	return out
}()

// textTableHeader recognises "| Name | Description | ... |", "Name |
// Description | ... |" and "NameDescription...", with any text glued
// before them.
func textTableHeader(s string) (textHdr, bool) {
	if !strings.Contains(s, "Description") {
		return textHdr{}, false
	}
	if !strings.Contains(s, "|") {
		// Sites spell the header their own way ("Additional Information",
		// words separated by spaces): compare letters only, ignoring case.
		low := strings.ToLower(s)
		for k, h := range textFlatHeaders {
			if i := suffixIgnoringSpace(low, strings.ReplaceAll(strings.ToLower(h), " ", "")); i >= 0 {
				return textHdr{prefix: strings.TrimSpace(s[:i]), roles: textHeaderSets[k], flat: true}, true
			}
		}
		return textHdr{}, false
	}
	if len(s) > 4096 {
		return textHdr{}, false
	}
	body := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "|"))
	parts := strings.Split(body, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for k, set := range textHeaderSets {
		if len(parts) < len(set) {
			continue
		}
		tail := parts[len(parts)-len(set):]
		ok := true
		for j := 1; j < len(set); j++ {
			if !strings.EqualFold(tail[j], textHeaderWords[set[j]]) {
				ok = false
				break
			}
		}
		first := textHeaderWords[set[0]]
		if !ok || !strings.HasSuffix(tail[0], first) {
			continue
		}
		prefix := strings.Join(parts[:len(parts)-len(set)], " | ")
		glued := strings.TrimSpace(tail[0][:len(tail[0])-len(first)])
		if glued != "" {
			if prefix != "" {
				prefix += " "
			}
			prefix += glued
		}
		return textHdr{prefix: strings.TrimSpace(prefix), roles: textHeaderSets[k]}, true
	}
	return textHdr{}, false
}

// suffixIgnoringSpace returns where suffix starts in s when s ends with it,
// white space in s not counted (suffix has none), else -1.
func suffixIgnoringSpace(s, suffix string) int {
	i, j := len(s), len(suffix)
	for j > 0 {
		if i == 0 {
			return -1
		}
		c := s[i-1]
		if c == ' ' || c == '\t' {
			i--
			continue
		}
		if c != suffix[j-1] {
			return -1
		}
		i, j = i-1, j-1
	}
	return i
}

func textSeparator(s string) bool {
	if !strings.Contains(s, "-") {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-', '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Table bodies.

// textRow is one table row, its cells by column role.
type textRow struct {
	line     int
	cells    [8]string
	has      [8]bool
	nameLost bool // the name cell is empty or was dropped: a row to repair
}

// tableRows reads the rows of the table whose header is at line h; it
// stops at an Api heading, the end of the text or, when stop is set, at a
// line stop accepts. It returns the rows and the line after the table.
func (x *textParser) tableRows(h int, hd textHdr, what string) ([]*textRow, int) {
	end := h + 1
	for end < x.n && x.heading(end) == thNone {
		if _, ok := textTableHeader(x.trim[end]); ok {
			// Another table (the index has one per controller): the lines
			// before it that are no cells are its heading.
			if !hd.flat {
				for end > h+1 && (x.trim[end-1] == "" || !strings.HasSuffix(x.trim[end-1], "|")) {
					end--
				}
			}
			break
		}
		end++
	}
	if hd.flat {
		return x.flatRows(h+1, end, hd.roles, what), end
	}
	return x.pipeRows(h+1, end, hd.roles, what), end
}

// cellLine is one line of cells of a pipe table.
type cellLine struct {
	line  int
	cells []string
	start bool // the line begins with "| ": a row start in the leading-pipe layout
	open  bool // the last cell has no closing " |" (cut)
}

// textCells splits a pipe table line: cells are separated by a "|" with
// white space (or the line's end) on both sides, so "a|b" in a regular
// expression stays one cell.
func textCells(s string) (cells []string, start, closed bool) {
	var seps []int
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') && (i == len(s)-1 || s[i+1] == ' ' || s[i+1] == '\t') {
			seps = append(seps, i)
		}
	}
	if len(seps) == 0 {
		return []string{htmlCollapse(s)}, false, false
	}
	closed = seps[len(seps)-1] == len(s)-1
	from := 0
	if seps[0] == 0 {
		start = len(s) > 1
		from = 1
		seps = seps[1:]
		if len(seps) == 0 && !closed {
			return []string{htmlCollapse(s[1:])}, start, false
		}
		if len(seps) == 0 {
			return []string{""}, false, true // a lone "|": an empty cell
		}
	}
	for _, sp := range seps {
		cells = append(cells, htmlCollapse(s[from:sp]))
		from = sp + 1
	}
	if !closed {
		cells = append(cells, htmlCollapse(s[from:]))
	}
	return cells, start, closed
}

func (x *textParser) pipeRows(from, to int, roles []int, what string) []*textRow {
	// Lines of cells; a cell without its closing " |" continues on the
	// next line.
	var cls []cellLine
	var pend []string
	pendLine := 0
	for i := from; i < to; i++ {
		t := x.trim[i]
		if t == "" || textSeparator(t) {
			continue
		}
		if pend == nil {
			pendLine = i
		}
		pend = append(pend, t)
		if !strings.HasSuffix(t, "|") {
			continue
		}
		cells, start, closed := textCells(strings.Join(pend, " "))
		cls = append(cls, cellLine{line: pendLine + 1, cells: cells, start: start, open: !closed})
		pend = nil
	}
	if pend != nil {
		cells, start, _ := textCells(strings.Join(pend, " "))
		cls = append(cls, cellLine{line: pendLine + 1, cells: cells, start: start, open: true})
	}
	// Units: one per non-empty cell. A line of empty cells ("|", "||": the
	// empty documentation cell a row without documentation ends with, or an
	// emptied name cell) marks where the next row starts.
	var us []unit
	hinted := false
	next := false
	for _, cl := range cls {
		nonEmpty := 0
		for _, c := range cl.cells {
			if strings.Trim(c, "| \t") != "" {
				nonEmpty++ // "||" is two empty cells, not a value
			}
		}
		if nonEmpty == 0 {
			next = true
			continue
		}
		first := true
		for j, c := range cl.cells {
			if c == "" {
				continue
			}
			// Each pipe cell is a block of its own (negative: no flat paragraph).
			u := unit{line: cl.line, text: c, block: -(len(us) + 1), start: first && (cl.start || next), boundary: first && next, lineStart: first && cl.start}
			u.open = cl.open && j == len(cl.cells)-1
			hinted = hinted || cl.start
			us = append(us, u)
			first = false
		}
		next = false
	}
	return x.rowsFrom(us, roles, hinted, to >= x.n, what)
}

// flatRows reads a flat table: every cell is a paragraph (and a scraper
// that drops a blank line leaves two cells in one).
func (x *textParser) flatRows(from, to int, roles []int, what string) []*textRow {
	var us []unit
	block := 0
	for i := from; i < to; i++ {
		if x.trim[i] == "" {
			continue
		}
		if i == from || x.trim[i-1] == "" {
			block++
		}
		us = append(us, unit{line: i + 1, text: htmlCollapse(x.trim[i]), block: block})
	}
	return x.rowsFrom(us, roles, false, to >= x.n, what)
}

// rowsFrom segments units into rows and drops a last row the cut went
// through: an Api page does not end with a table, so a table that runs to
// the end of the text ends where the text was cut.
func (x *textParser) rowsFrom(us []unit, roles []int, hinted, atEOF bool, what string) []*textRow {
	segs := segmentRows(us, roles, hinted)
	if n := len(segs); n > 0 && atEOF && x.p.Kind == PageAPI {
		// The cut may leave the next row's name alone at the end, which
		// reads as one more annotation of the last row: it is a row of its own.
		last := segs[n-1]
		if anns := last.cells[colAnn]; len(anns) > 1 {
			k := anns[len(anns)-1]
			if t := us[k].text; !textIsAnnotation(t) && cellCost(colName, t) == 0 {
				last.cells[colAnn] = anns[:len(anns)-1]
				cut := &segRow{first: k}
				cut.cells[colName] = []int{k}
				segs = append(segs, cut)
			}
		}
	}
	var rows []*textRow
	for k, sr := range segs {
		r := &textRow{line: us[sr.first].line}
		for _, role := range roles {
			r.cells[role], r.has[role] = sr.text(us, role)
		}
		last := k == len(segs)-1
		if last && atEOF && !x.rowComplete(sr, us, roles) {
			x.drop(fmt.Sprintf("%s row %q", what, r.cells[roles[0]]), r.line)
			continue
		}
		if last && atEOF && x.p.Kind == PageAPI {
			x.lastKept = true
		}
		if roles[0] == colName && !r.has[colName] {
			r.nameLost = true
		}
		if sr.merged {
			x.warn(r.line, "%s row: the name and description cells run together; %q read as the name", what, r.cells[colName])
		}
		rows = append(rows, r)
	}
	return rows
}

// rowComplete reports whether the last row of a table that ends the text
// has every cell the layout always shows: a name (or a lost one), a type
// and annotations that end with a complete annotation; no cell cut open.
func (x *textParser) rowComplete(sr *segRow, us []unit, roles []int) bool {
	end := sr.first
	for _, role := range roles {
		for _, k := range sr.cells[role] {
			end = max(end, k)
		}
	}
	if us[end].open {
		return false
	}
	for _, role := range roles {
		switch role {
		case colType, colValue, colAPI:
			if len(sr.cells[role]) == 0 {
				return false
			}
		case colAnn:
			anns := sr.cells[colAnn]
			if x.p.Kind == PageAPI && (len(anns) == 0 || !textIsAnnotation(us[anns[len(anns)-1]].text)) {
				return false
			}
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Cell kinds.

var textSimpleTypes = map[string]bool{
	"integer": true, "unsigned integer": true, "byte": true, "signed byte": true, "character": true,
	"decimal number": true, "string": true, "globally unique identifier": true, "time interval": true,
	"date": true, "boolean": true, "URI": true, "Object": true,
}

// textIsType reports whether s reads as a type rendering.
func textIsType(s string) bool {
	for depth := 0; depth < 64; depth++ {
		if textSimpleTypes[s] {
			return true
		}
		if rest, ok := strings.CutPrefix(s, "Collection of "); ok {
			s = rest
			continue
		}
		for _, pre := range []string{"Dictionary of ", "Pair of "} {
			if rest, ok := strings.CutPrefix(s, pre); ok {
				k, v, ok := strings.Cut(rest, " [key] and ")
				v, ok2 := strings.CutSuffix(v, " [value]")
				return ok && ok2 && textIsType(k) && textIsType(v)
			}
		}
		return textIsIdent(s)
	}
	return false
}

// textIsIdent: a model name, simple ("ApiResultOfGuid") or full
// ("Com.X.Y+Nested", "A`1").
func textIsIdent(s string) bool {
	if s == "" || len(s) > 1024 || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9', c == '.', c == '+', c == '`':
			if i == 0 {
				return false
			}
		default:
			if c < 0x80 {
				return false
			}
		}
	}
	return true
}

func textIsInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// textAnnotations lists the Help Page annotation texts in the order they
// are shown: "Required" first, the rest sorted ignoring case; "Default
// value is" (URI parameters) ends the list.
var textAnnotations = []string{
	"Required",
	"Data type: ",
	"Matching regular expression pattern: ",
	"Max length: ",
	"Min length: ",
	"Range: inclusive between ",
	"String length: inclusive between ",
	"Default value is ",
}

func textAnnotationAt(s string, i int) int {
	for k, a := range textAnnotations {
		if strings.HasPrefix(s[i:], a) {
			if k == 0 && i+len(a) < len(s) && s[i+len(a)] != ' ' {
				continue
			}
			return k
		}
	}
	return -1
}

// siteAnnotations begin annotations customised Help Pages add (seen on
// real sites), in no particular order: a pipe layout runs them together.
var siteAnnotations = []string{"Default value: ", "Example value: ", "Unique items", "Max items: ", "Min items: "}

func siteAnnotationAt(s string, i int) bool {
	for _, a := range siteAnnotations {
		if strings.HasPrefix(s[i:], a) {
			return true
		}
	}
	return false
}

func textIsAnnotation(s string) bool {
	return s == htmlNone || textAnnotationAt(s, 0) >= 0 || strings.HasPrefix(s, "Define this parameter in the request")
}

// textSplitAnnotations splits an annotations cell into its annotations
// ("None." dropped): the pipe layouts run them together on one line.
func textSplitAnnotations(cell string) []string {
	var out []string
	for _, para := range strings.Split(cell, "\n") {
		para = htmlCollapse(para)
		if para == "" {
			continue
		}
		last, from := textAnnotationAt(para, 0), 0
		if last != len(textAnnotations)-1 {
			for i := 1; i < len(para); i++ {
				if para[i-1] != ' ' {
					continue
				}
				k := textAnnotationAt(para, i)
				if siteAnnotationAt(para, i) {
					// A site's own annotation starts here (any order).
					if t := strings.TrimSpace(para[from:i]); t != "" && t != htmlNone {
						out = append(out, t)
					}
					from = i
					continue
				}
				if k <= 0 || k <= last {
					continue
				}
				if t := strings.TrimSpace(para[from:i]); t != "" && t != htmlNone {
					out = append(out, t)
				}
				from, last = i, k
				if k == len(textAnnotations)-1 {
					break
				}
			}
		}
		if t := strings.TrimSpace(para[from:]); t != "" && t != htmlNone {
			out = append(out, t)
		}
	}
	return out
}

// paramTable turns rows into a Parameters table as ParseHTML reads it.
func textParamTable(line int, rows []*textRow) *Table {
	t := &Table{Line: line}
	for _, r := range rows {
		if r.cells[colName] == "" && !r.nameLost {
			continue
		}
		row := &Row{Line: r.line, Name: htmlCollapse(r.cells[colName]), NameLost: r.nameLost, Type: TypeText{Text: htmlCollapse(r.cells[colType])}}
		if d := htmlCollapse(r.cells[colDoc]); d != htmlNoDoc {
			row.Doc = d
		}
		row.Annotations = textSplitAnnotations(r.cells[colAnn])
		t.Rows = append(t.Rows, row)
	}
	return t
}

// ---------------------------------------------------------------------------
// Api pages.

func (x *textParser) api(title, head int) {
	p := x.p
	i := 0
	if title >= 0 {
		p.Line = title + 1
		t := htmlCollapse(x.trim[title])
		if m, rest, ok := textAPITitleParts(t); ok {
			p.Method, p.RelativePath = m, rest
		} else {
			p.RelativePath = t
		}
		i = title + 1
	} else {
		p.Line = head + 1
		i = x.nb(0) // the documentation may still come first
	}
	// The documentation: the lines before the first heading.
	var doc []int
	for ; i < x.n && x.heading(i) == thNone; i++ {
		if x.trim[i] != "" && !(title >= 0 && x.trim[i] == x.trim[title]) {
			doc = append(doc, i) // (a scraper may repeat the title)
		}
	}
	if i >= x.n && len(doc) > 0 {
		x.lastKept = true
	}
	if d := x.joinText(doc); d != htmlNoDoc {
		p.Doc = d
	}
	oldParams, infoHeadings := false, false
	for i < x.n {
		switch x.heading(i) {
		case thURI:
			p.URIParams, i = x.uriSection(i)
		case thBody:
			p.Body, i = x.section(i, "Body Parameters")
		case thResource:
			p.Response, i = x.section(i, "Resource Description")
		case thRequestInfo, thResponseInfo:
			infoHeadings = true
			i++
		case thRequestFormats:
			i = x.samples(i+1, "request")
		case thResponseFormats:
			i = x.samples(i+1, "response")
		case thOldParams:
			oldParams = true
			i = x.oldParams(i)
		default:
			i++
		}
	}
	if !oldParams && (p.URIParams != nil || p.Body != nil || p.Response != nil || infoHeadings) {
		var missing []string
		if p.URIParams == nil {
			missing = append(missing, "URI Parameters")
		}
		if p.Body == nil {
			missing = append(missing, "Body Parameters")
		}
		if p.Response == nil {
			missing = append(missing, "Resource Description")
		}
		if len(missing) > 0 {
			x.cutBecause("missing: " + strings.Join(missing, ", "))
		}
	}
	finishOldPage(p, oldParams, x.cut)
	if p.Method == "" {
		x.routeFromSource()
	}
}

// routeFromSource recovers the method and route of an Api page whose text
// lost its "METHOD route" title from the page's file name or URL, which is
// its ApiId ("PUT-users-id", "GET-api-Car(id)", "GET-api-Invoice_invoiceId";
// a customised template's route-first "api-Security-Logout-POST"): the
// method is the first (or last) dash-separated word, the route the others
// joined by "/", and a word that names a URI parameter is that parameter.
// A '-' inside a route segment cannot be told from a '/': said in the
// warning.
func (x *textParser) routeFromSource() {
	p := x.p
	id := p.Source
	if i := strings.LastIndexAny(id, "/\\"); i >= 0 {
		id = id[i+1:]
	}
	for _, ext := range []string{".txt", ".text", ".html", ".htm", ".md"} {
		id = strings.TrimSuffix(id, ext)
	}
	path, query, _ := strings.Cut(id, "_")
	words := strings.Split(path, "-")
	if len(words) < 2 {
		return
	}
	switch {
	case htmlIsMethod(words[0]):
		p.Method, words = words[0], words[1:]
	case htmlIsMethod(words[len(words)-1]):
		p.Method, words = words[len(words)-1], words[:len(words)-1]
	default:
		return
	}
	var params []string
	if p.URIParams != nil && p.URIParams.Table != nil {
		for _, r := range p.URIParams.Table.Rows {
			params = append(params, r.Name)
		}
	}
	for i, w := range words {
		for _, prm := range params {
			switch {
			case strings.EqualFold(w, prm):
				words[i] = "{" + prm + "}"
			case strings.Contains(w, "("+prm+")"):
				words[i] = strings.Replace(w, "("+prm+")", "({"+prm+"})", 1) // Car(id): an OData key
			}
		}
	}
	rel := strings.Join(words, "/")
	if query != "" {
		var kv []string
		for _, k := range strings.Split(query, "_") {
			kv = append(kv, k+"={"+k+"}")
		}
		rel += "?" + strings.Join(kv, "&")
	}
	p.RelativePath = rel
	x.warn(p.Line, "Api page text without a \"METHOD route\" title: %s %s taken from its file name (an ApiId, where a '-' inside a route segment reads as '/')", p.Method, rel)
}

func (x *textParser) uriSection(h int) (*Section, int) {
	s := &Section{Line: h + 1}
	i := h + 1
	for i < x.n && x.heading(i) == thNone {
		t := x.trim[i]
		if t == htmlNone {
			s.None = true
		} else if hd, ok := textTableHeader(t); ok && hd.roles[0] == colName {
			rows, end := x.tableRows(i, hd, "URI parameter")
			if s.Table == nil {
				s.Table = textParamTable(i+1, rows)
			}
			i = end
			continue
		}
		i++
	}
	return s, i
}

// section reads a "Body Parameters" or "Resource Description" section: the
// documentation, the type rendering (on a line of its own, glued to the
// table header or to "None."), then a table or "None.".
func (x *textParser) section(h int, what string) (*Section, int) {
	s := &Section{Line: h + 1}
	var pre []int
	i := h + 1
	typeFromPre := func() {
		k := len(pre) - 1
		s.Type.Text = htmlCollapse(x.trim[pre[k]])
		// The last line of the text may be cut inside the name.
		s.Type.Cut = x.atEnd(pre[k])
		pre = pre[:k]
	}
	for ; i < x.n; i++ {
		t := x.trim[i]
		if t == "" {
			continue
		}
		if x.heading(i) != thNone {
			break
		}
		if hd, ok := textTableHeader(t); ok && hd.roles[0] == colName {
			if hd.prefix != "" {
				s.Type.Text = htmlCollapse(hd.prefix)
			} else if len(pre) > 0 && textIsType(htmlCollapse(x.trim[pre[len(pre)-1]])) {
				typeFromPre()
			}
			s.Doc = x.joinText(pre)
			rows, end := x.tableRows(i, hd, what)
			s.Table = textParamTable(i+1, rows)
			s.Table.AtEnd = end >= x.n
			if s.Type.Text == "" {
				x.warn(i+1, "%s: a table without a type rendering", what)
			}
			x.typedAtEnd(s, what, end)
			return s, end
		}
		if t == htmlNone || (strings.HasSuffix(t, htmlNone) && textIsType(strings.TrimSpace(strings.TrimSuffix(t, htmlNone)))) {
			glued := strings.TrimSpace(strings.TrimSuffix(t, htmlNone))
			switch {
			case glued != "":
				s.Type.Text = htmlCollapse(glued)
			case len(pre) > 0 && textIsType(x.trim[pre[len(pre)-1]]):
				typeFromPre()
			}
			s.Doc = x.joinText(pre)
			if s.Type.Text != "" {
				// A type without members: an empty parameters table.
				s.Table = &Table{Line: i + 1}
			} else {
				s.None = true
			}
			i++
			for i < x.n && x.heading(i) == thNone {
				i++
			}
			x.typedAtEnd(s, what, i)
			return s, i
		}
		pre = append(pre, i)
	}
	// No table and no "None.": the type is the last line.
	if len(pre) > 0 && textIsType(htmlCollapse(x.trim[pre[len(pre)-1]])) {
		typeFromPre()
	}
	s.Doc = x.joinText(pre)
	if i >= x.n && len(pre) > 0 {
		x.lastKept = true
	}
	x.typedAtEnd(s, what, i)
	return s, i
}

// typedAtEnd: a section showing a type that ends the text was cut before
// its samples (Help Pages show samples for every type they can build, and
// "Formats" headings follow the section), unless the type is
// HttpResponseMessage, which gets none.
func (x *textParser) typedAtEnd(s *Section, what string, end int) {
	if end < x.n || s.None || s.Type.Text == "" || strings.Contains(s.Type.Text, "HttpResponseMessage") {
		return
	}
	x.cutBecause(fmt.Sprintf("the text ends after the %s type %q, where its samples should follow", what, s.Type.Text))
}

// oldParams reads a pre-5.1 "Parameters" table (Name | Description |
// Additional information, the last saying where the parameter goes).
func (x *textParser) oldParams(h int) int {
	p := x.p
	i := h + 1
	for i < x.n && x.heading(i) == thNone {
		t := x.trim[i]
		if hd, ok := textTableHeader(t); ok && hd.roles[0] == colName {
			rows, end := x.tableRows(i, hd, "parameter")
			if p.URIParams != nil && (p.URIParams.Table != nil || p.URIParams.None) {
				return end // a second Parameters table: the first wins
			}
			splitOldParams(p, textParamTable(i+1, rows))
			return end
		}
		if t == htmlNone && p.URIParams == nil {
			p.URIParams = &Section{Line: i + 1, None: true}
		}
		i++
	}
	if p.URIParams == nil {
		p.URIParams = &Section{Line: h + 1}
	}
	return i
}

// ---------------------------------------------------------------------------
// Samples.

// textMediaList reports whether s reads "type/subtype, type/subtype".
func textMediaList(s string) bool {
	if s == "" || len(s) > 1024 {
		return false
	}
	for _, mt := range strings.Split(s, ",") {
		mt = strings.TrimSpace(mt)
		a, b, ok := strings.Cut(mt, "/")
		if !ok || a == "" || b == "" || strings.ContainsAny(mt, " \t\"'<>{}[]") {
			return false
		}
	}
	return true
}

// sampleHeader reports whether line i is a sample header: media types
// followed by "Sample:" (on the next non-blank line, or glued to them). It
// returns the media types text and the first content line.
func (x *textParser) sampleHeader(i int) (string, int, bool) {
	t := x.trim[i]
	if strings.IndexByte(t, '/') < 0 {
		return "", 0, false
	}
	if k := x.nb(i + 1); k < x.n && x.trim[k] == textSample && textMediaList(t) {
		return t, k + 1, true
	}
	if pre, ok := strings.CutSuffix(t, textSample); ok && textMediaList(strings.TrimSpace(pre)) {
		return strings.TrimSpace(pre), i + 1, true
	}
	return "", 0, false
}

var (
	textInvalidPrefixes = []string{"Failed to generate the sample", "An exception has occurred while using the formatter"}
)

func (x *textParser) samples(i int, dir string) int {
	p := x.p
	for i < x.n {
		t := x.trim[i]
		if t == "" {
			i++
			continue
		}
		if x.heading(i) != thNone {
			return i
		}
		mts, content, ok := x.sampleHeader(i)
		if !ok {
			if x.atEnd(i) {
				x.drop(fmt.Sprintf("sample header %q", t), i+1)
			} else if t != textSample {
				x.warn(i+1, "line in the %s samples that is not a sample header: left out", dir)
			}
			i++
			continue
		}
		// The content runs to the next sample header or heading.
		end := content
		for end < x.n {
			if x.trim[end] != "" {
				if x.heading(end) != thNone {
					break
				}
				if _, _, ok := x.sampleHeader(end); ok {
					break
				}
			}
			end++
		}
		s := &Sample{Line: i + 1, Direction: dir, MediaTypes: htmlMediaTypes(htmlCollapse(mts))}
		a, b := x.nb(content), end
		for b > a && x.trim[b-1] == "" {
			b--
		}
		gap := a > content // a blank line after "Sample:": a paragraph, not a pre
		var txt string
		if a < b {
			txt = strings.Join(x.raw[a:b], "\n")
		}
		col := htmlCollapse(txt)
		switch {
		case col == "" || col == htmlSampleUnavailable:
			s.Kind = "unavailable"
		case gap || textHasPrefix(col, textInvalidPrefixes):
			s.Kind, s.Text = "invalid", col
		default:
			s.Kind, s.Text = "text", strings.Trim(txt, "\n")
		}
		if end >= x.n && s.Kind == "text" && !textSampleComplete(s) {
			// Cut inside the sample, or just after it, inside the next
			// sample header or heading.
			cutLine := b - 1
			for cutLine > a && x.trim[cutLine] == "" {
				cutLine--
			}
			short := *s
			short.Text = strings.Trim(strings.Join(x.raw[a:cutLine], "\n"), "\n")
			if l := x.trim[cutLine]; cutLine > a && textLetter(l) && textSampleComplete(&short) {
				*s = short
				x.drop(fmt.Sprintf("%q", l), cutLine+1)
				p.Samples = append(p.Samples, s)
			} else {
				x.drop("sample "+strings.Join(s.MediaTypes, ", "), s.Line)
			}
		} else {
			if end >= x.n && s.Kind != "text" && a < b {
				x.lastKept = true
			}
			p.Samples = append(p.Samples, s)
		}
		i = end
	}
	return i
}

func textLetter(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

func textHasPrefix(s string, prefixes []string) bool {
	for _, pre := range prefixes {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

// textSampleComplete reports whether a JSON or XML sample that ends the
// text is complete (other media types cannot be checked).
func textSampleComplete(s *Sample) bool {
	switch {
	case anyMedia(s.MediaTypes, isJSONMedia):
		return json.Valid([]byte(s.Text))
	case anyMedia(s.MediaTypes, isXMLMedia):
		d := xml.NewDecoder(strings.NewReader(s.Text))
		d.Strict = false
		depth, roots := 0, 0
		for {
			tok, err := d.RawToken()
			if errors.Is(err, io.EOF) {
				return depth == 0 && roots > 0
			}
			if err != nil {
				return false
			}
			switch tok := tok.(type) {
			case xml.CharData:
				if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
					return false // text after the root: not one document
				}
			case xml.StartElement:
				if depth == 0 {
					roots++
				}
				depth++
			case xml.EndElement:
				depth--
			}
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// ResourceModel pages.

func (x *textParser) model(first int) {
	p := x.p
	p.Line = first + 1
	p.ModelName = textModelName(p.Source)
	var pre []int
	i := first
	structured := false
	for ; i < x.n; i++ {
		t := x.trim[i]
		if t == "" {
			continue
		}
		if t == htmlEnumMarker {
			p.IsEnum = true
			structured = true
			continue
		}
		if hd, ok := textTableHeader(t); ok && hd.roles[0] == colName {
			structured = true
			if hd.prefix != "" {
				pre = append(pre, -1) // text glued to the header: not a title
			}
			rows, end := x.tableRows(i, hd, "member")
			isEnum := p.IsEnum || hd.roles[1] == colValue
			switch {
			case isEnum && p.Enum == nil:
				p.IsEnum = true
				for _, r := range rows {
					if r.cells[colName] == "" {
						continue
					}
					p.Enum = append(p.Enum, &EnumRow{Line: r.line, Name: htmlCollapse(r.cells[colName]),
						Value: htmlCollapse(r.cells[colValue]), Doc: htmlCollapse(r.cells[colDoc])})
				}
			case !isEnum && p.Members == nil:
				p.Members = textParamTable(i+1, rows)
				p.Members.AtEnd = end >= x.n
			}
			i = end - 1
			continue
		}
		if t == htmlNone {
			structured = true
			if p.Members == nil && !p.IsEnum {
				p.Members = &Table{Line: i + 1}
			}
			continue
		}
		if !structured {
			pre = append(pre, i)
		}
	}
	// Lines before the content: the title (h1) and the documentation when
	// the scraper kept them.
	var clean []int
	for _, k := range pre {
		if k >= 0 {
			clean = append(clean, k)
		}
	}
	titled := false
	if len(clean) > 0 {
		t := htmlCollapse(x.trim[clean[0]])
		switch {
		case p.ModelName != "" && strings.EqualFold(t, p.ModelName):
			titled = true
		case p.ModelName == "" && textIsIdent(t) && (structured || len(clean) > 1):
			p.ModelName, titled = t, true
		}
		if titled {
			p.Line = clean[0] + 1
			clean = clean[1:]
		}
	}
	if structured {
		if len(clean) > 0 {
			if d := x.joinText(clean[:1]); d != htmlNoDoc {
				p.ModelDoc = d
			}
		}
		return
	}
	// A simple type: its documentation word.
	if len(clean) > 1 {
		if d := x.joinText(clean[:1]); d != htmlNoDoc {
			p.ModelDoc = d
		}
		clean = clean[len(clean)-1:]
	}
	p.Simple = x.joinText(clean)
	if p.ModelName == "" {
		x.warn(p.Line, "ResourceModel text without a model name (none in the text nor in the file name)")
	}
}

// ---------------------------------------------------------------------------
// The index.

func (x *textParser) index(first int) {
	p := x.p
	p.Line = first + 1
	var pre []int
	controller, controllerDoc := "", ""
	for i := first; i < x.n; i++ {
		t := x.trim[i]
		if t == "" {
			continue
		}
		hd, ok := textTableHeader(t)
		if !ok || hd.roles[0] != colAPI {
			switch t {
			case "ASP.NET Web API Help Page", "Introduction", "Help Page Home":
			default:
				pre = append(pre, i)
			}
			continue
		}
		if hd.prefix != "" {
			pre = append(pre, -1)
		}
		// The controller heading and its documentation before the table.
		if k := len(pre); k > 0 && pre[k-1] >= 0 {
			last := htmlCollapse(x.trim[pre[k-1]])
			if k > 1 && pre[k-2] >= 0 && (strings.ContainsAny(last, " .") || !textIsIdent(last)) && textIsIdent(htmlCollapse(x.trim[pre[k-2]])) {
				controller = htmlCollapse(x.trim[pre[k-2]])
				controllerDoc = last
				if controllerDoc == htmlNoDoc {
					controllerDoc = ""
				}
			} else {
				controller, controllerDoc = last, ""
			}
		}
		pre = pre[:0]
		rows, end := x.tableRows(i, hd, "index")
		for _, r := range rows {
			title := htmlCollapse(r.cells[colAPI])
			if title == "" {
				continue
			}
			e := &IndexEntry{Line: r.line, Controller: controller, ControllerDoc: controllerDoc}
			if m, rest, ok := strings.Cut(title, " "); ok && htmlIsMethod(m) {
				e.Method, e.RelativePath = m, strings.TrimSpace(rest)
				// Text has no link: the ApiId is computed as the Help Page does.
				e.ApiID = apiID(e.Method, strings.TrimPrefix(e.RelativePath, "/"))
			} else {
				e.RelativePath = title
			}
			if d := htmlCollapse(r.cells[colDoc]); d != htmlNoDoc {
				e.Doc = d
			}
			p.Index = append(p.Index, e)
		}
		i = end - 1
	}
}

// ---------------------------------------------------------------------------
// Truncation.

func (x *textParser) truncation() {
	if !x.cut {
		return
	}
	p := x.p
	p.Truncated = true
	msg := fmt.Sprintf("the text ends mid-way at line %d: the page is truncated", x.last)
	if len(x.cutWhy) > 0 {
		msg += " (" + strings.Join(x.cutWhy, "; ") + ")"
	}
	if n := len(x.dropped); n > 0 {
		if n > 5 {
			x.dropped = append(x.dropped[:5], fmt.Sprintf("and %d more", n-5))
		}
		msg += "; left out (cut): " + strings.Join(x.dropped, ", ")
	}
	if x.lastKept {
		msg += fmt.Sprintf("; line %d was kept but may be incomplete", x.last)
	}
	p.Diags = append(p.Diags, &spec.Diagnostic{Severity: spec.Warning,
		Source: fmt.Sprintf("%s:%d", p.Source, x.last), Message: msg})
}
