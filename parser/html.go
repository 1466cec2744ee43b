package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/helpgen/helpgen/spec"
)

// ParseHTML extracts a Help Page (index, Api page, ResourceModel page or the
// host's Error view) from its HTML. source names the page in diagnostics
// and in Page.Source; every Line field is a 1-based line of data.
//
// The page kind comes from the markup, not the file name: the help content
// (div#body.help-page, else section.main-content, else the body) is found
// inside whatever site chrome surrounds it. Pre-5.1 pages ("Parameters",
// "Request body formats") are read as far as they go.
//
// A page cut off mid-way is returned with what it holds (elements left open
// by the cut are dropped: the last row, sample or paragraph), Truncated set
// and a warning at the line where it ends. The error is non-nil only when
// data is not HTML or holds no recognisable help content; the Page is then
// of kind PageUnknown. ParseHTML never panics.
//
// The markup is read by x/net/html's parser (through goquery, whose
// selectors find the help content, sample blocks and table cells), so the
// tree is the one a browser builds; see buildHTMLTree for line numbers and
// for what a cut page left open.
func ParseHTML(source string, data []byte) (*Page, error) {
	p := &Page{Source: source}
	t := buildHTMLTree(data)
	x := &htmlExtractor{p: p, t: t}
	return x.run()
}

// ---------------------------------------------------------------------------
// The tree: x/net/html's parser (through goquery), with line numbers and
// what the cut left open.
//
// html.Parse builds the tree the HTML spec says a browser builds (implied
// end tags, reconstructed formatting elements, table fostering) but keeps
// no source positions. Two things are added around it:
//   - lines: a tokenizer pass copies the input, giving every start tag a
//     data-helpgen-line attribute with its line; the parser keeps it on the
//     element (and copies it to elements it reconstructs); an element it
//     implies (tbody) takes the line of its first child;
//   - the cut: a marker comment is appended to the input, and the tree
//     construction puts it inside the innermost element still open at the
//     end: the marker's ancestors are what a cut page left open, and the
//     text just before it is where the cut went through.

// hnode is an element or a text node of the parsed tree, with its line.
type hnode struct {
	a    atom.Atom // element name; 0 for text and unknown elements
	name string    // the element name
	text bool
	// cut is set on the elements still open at the end of the input (the
	// page was cut inside them) and on the last text node of the input.
	cut  bool
	line int32
	// data is the text of a text node; for elements, the attributes below.
	data                 string
	id, class, href, src string
	// n is the parsed node, for goquery selections.
	n *html.Node

	parent, first, last, next *hnode
}

type htmlTree struct {
	root     *hnode // the document
	doc      *goquery.Document
	elements int      // start tags in the input
	lastLine int      // line of the last byte
	open     []*hnode // elements left open at the end of the input, outermost first
	lastText *hnode   // the last node, when it is a text node
	err      error    // a tokenizer error other than EOF
}

var (
	htmlNL    = []byte{'\n'}
	htmlSpace = " "
)

const (
	// htmlEOFMarker is appended to the input to find what was open at its end.
	htmlEOFMarker = "helpgen:end-of-input"
	// htmlLineAttr carries a start tag's line through the parser.
	htmlLineAttr = "data-helpgen-line"
)

// htmlAnnotate copies the input token by token, adding the line attribute
// to every start tag, and appends the end marker. It returns the copy, the
// number of start tags and a tokenizer error other than EOF.
func htmlAnnotate(data []byte) ([]byte, int, error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	out := make([]byte, 0, len(data)+len(data)/8+64)
	line, tags := 1, 0
	var err error
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if e := z.Err(); e != nil && !errors.Is(e, io.EOF) {
				err = e
			}
			break
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			// "<name" then the attribute, then the rest as written.
			end := 1
			for end < len(raw) && !htmlSpaceByte(raw[end]) && raw[end] != '/' && raw[end] != '>' {
				end++
			}
			out = append(out, raw[:end]...)
			out = append(out, ' ')
			out = append(out, htmlLineAttr...)
			out = append(out, '=', '"')
			out = strconv.AppendInt(out, int64(line), 10)
			out = append(out, '"')
			out = append(out, raw[end:]...)
			tags++
		} else {
			out = append(out, raw...)
		}
		line += bytes.Count(raw, htmlNL)
	}
	out = append(out, "<!--"+htmlEOFMarker+"-->"...)
	return out, tags, err
}

func buildHTMLTree(data []byte) *htmlTree {
	t := &htmlTree{lastLine: htmlLastLine(data)}
	in, tags, err := htmlAnnotate(data)
	t.err, t.elements = err, tags
	doc, perr := goquery.NewDocumentFromReader(bytes.NewReader(in))
	if perr != nil { // html.Parse fails only on reader errors
		doc = goquery.NewDocumentFromNode(&html.Node{Type: html.DocumentNode})
	}
	t.doc = doc
	root := doc.Get(0)
	// The marker is a comment, or part of one when the input ends in a
	// half tag ("</" makes "</<!--…-->" a bogus comment), or text when it
	// ends inside a script, a style or a textarea.
	var eof *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && eof == nil; c = c.NextSibling {
			switch {
			case c.Type == html.CommentNode && strings.Contains(c.Data, htmlEOFMarker):
				eof = c
				return
			case c.Type == html.TextNode && strings.HasSuffix(c.Data, "<!--"+htmlEOFMarker+"-->"):
				c.Data = strings.TrimSuffix(c.Data, "<!--"+htmlEOFMarker+"-->")
				eof = c
				return
			}
			find(c)
		}
	}
	find(root)
	openSet := map[*html.Node]bool{}
	var lastText *html.Node
	if eof != nil {
		for p := eof.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
			openSet[p] = true
		}
		if eof.Type == html.TextNode {
			lastText = eof
		} else {
			if prev := eof.PrevSibling; prev != nil && prev.Type == html.TextNode {
				lastText = prev
			}
			eof.Parent.RemoveChild(eof)
		}
	}
	t.root = &hnode{line: 1, n: root}
	htmlMirror(t, root, t.root, 0, openSet, lastText)
	return t
}

// htmlFirstLine is the line of the first element below n that has one, 0
// when none has.
func htmlFirstLine(n *html.Node) int32 {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, a := range c.Attr {
			if a.Key == htmlLineAttr {
				if l, err := strconv.Atoi(a.Val); err == nil {
					return int32(l)
				}
			}
		}
		if l := htmlFirstLine(c); l > 0 {
			return l
		}
	}
	return 0
}

// htmlMirror builds the hnode tree under dst from src's children.
func htmlMirror(t *htmlTree, src *html.Node, dst *hnode, pre int, open map[*html.Node]bool, lastText *html.Node) {
	for c := src.FirstChild; c != nil; c = c.NextSibling {
		var n *hnode
		switch c.Type {
		case html.TextNode:
			n = &hnode{text: true, line: dst.line, n: c, data: c.Data}
			if pre == 0 && htmlAllSpace([]byte(c.Data)) {
				n.data = htmlSpace
			}
			if c == lastText {
				n.cut = true
				t.lastText = n
			}
		case html.ElementNode:
			n = &hnode{a: c.DataAtom, name: c.Data, n: c, line: -1}
			for _, a := range c.Attr {
				switch a.Key {
				case htmlLineAttr:
					if l, err := strconv.Atoi(a.Val); err == nil {
						n.line = int32(l)
					}
				case "id":
					n.id = a.Val
				case "class":
					n.class = a.Val
				case "href":
					n.href = a.Val
				case "src":
					n.src = a.Val
				}
			}
			if n.line < 0 {
				// Implied by the parser (html, body, tbody): where its
				// content starts, else where its parent is.
				n.line = dst.line
				if l := htmlFirstLine(c); l > 0 {
					n.line = l
				}
			}
			if open[c] {
				n.cut = true
				t.open = append(t.open, n)
			}
		default:
			continue
		}
		n.parent = dst
		if dst.last == nil {
			dst.first = n
		} else {
			dst.last.next = n
		}
		dst.last = n
		if c.Type == html.ElementNode {
			p := pre
			switch c.DataAtom {
			case atom.Pre, atom.Textarea, atom.Listing:
				p++
			}
			htmlMirror(t, c, n, p, open, lastText)
		}
	}
}

func htmlLastLine(data []byte) int {
	if len(data) == 0 {
		return 1
	}
	return 1 + bytes.Count(data[:len(data)-1], htmlNL)
}

func htmlAllSpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// hasClass reports whether the class attribute lists c.
func (n *hnode) hasClass(c string) bool {
	s := n.class
	for len(s) > 0 {
		i := 0
		for i < len(s) && htmlSpaceByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !htmlSpaceByte(s[j]) {
			j++
		}
		if s[i:j] == c {
			return true
		}
		s = s[j:]
	}
	return false
}

func htmlSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// walk calls f for every node below n in document order; f returns false
// to skip a node's children.
func (n *hnode) walk(f func(*hnode) bool) {
	for c := n.first; c != nil; c = c.next {
		if f(c) && c.first != nil {
			c.walk(f)
		}
	}
}

// find returns the first element below n for which f is true.
func (n *hnode) find(f func(*hnode) bool) *hnode {
	var out *hnode
	n.walk(func(c *hnode) bool {
		if out != nil {
			return false
		}
		if !c.text && f(c) {
			out = c
			return false
		}
		return true
	})
	return out
}

// rawText is the concatenated text below n (scripts and styles excluded).
func (n *hnode) rawText() string {
	if n.text {
		return n.data
	}
	if c := n.first; c != nil && c.next == nil && c.text {
		return c.data
	}
	var b strings.Builder
	n.walk(func(c *hnode) bool {
		if c.text {
			b.WriteString(c.data)
		}
		return c.a != atom.Script && c.a != atom.Style
	})
	return b.String()
}

// textOf is n's text with white space collapsed and trimmed.
func (n *hnode) textOf() string {
	if n == nil {
		return ""
	}
	return htmlCollapse(n.rawText())
}

// htmlCollapse replaces runs of HTML white space by one space and trims
// both ends. Other characters (U+00A0 included) are kept.
func htmlCollapse(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' || htmlSpaceByte(s[i+1]) {
				clean = false
				break
			}
		} else if htmlSpaceByte(c) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if htmlSpaceByte(c) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// Extraction.

type htmlExtractor struct {
	p    *Page
	t    *htmlTree
	root *hnode // the help content
	main *hnode // section.main-content, or nil
	// items are the block-level nodes of root in document order.
	items []*hnode
	// truncated: the input ends inside the help content.
	truncated bool
	// dropped lists elements left out because the cut went through them.
	dropped []string
}

const (
	htmlNoDoc             = "No documentation available."
	htmlNone              = "None."
	htmlSampleUnavailable = "Sample not available."
	htmlEnumMarker        = "Possible enumeration values:"
	htmlErrorTitle        = "Error."
	htmlErrorSubtitle     = "An error occurred while processing your request."
)

func (x *htmlExtractor) run() (*Page, error) {
	p, t := x.p, x.t
	if t.elements == 0 {
		return p, fmt.Errorf("%s: not HTML (no elements)", p.Source)
	}
	x.findRoot()
	x.truncated = x.wasCut()
	if !x.truncated {
		// Elements whose end tag may be left out, open at the end of a
		// complete page, are complete.
		for _, n := range t.open {
			n.cut = false
		}
		if t.lastText != nil {
			t.lastText.cut = false
		}
	}
	x.items = x.flatten(x.root, x.items[:0])

	var h1 *hnode
	apiHeadings := false
	for _, it := range x.items {
		switch it.a {
		case atom.H1:
			if h1 == nil && !it.cut && it.textOf() != "" {
				h1 = it
			}
		case atom.H2:
			switch it.textOf() {
			case "Request Information", "Response Information":
				apiHeadings = true
			case htmlErrorSubtitle:
				if h1 == nil || h1.textOf() == htmlErrorTitle {
					p.Kind = PageError
				}
			}
		}
	}
	var err error
	switch {
	case h1 != nil && h1.textOf() == htmlErrorTitle:
		p.Kind = PageError
	case p.Kind == PageError:
	case h1 != nil && (htmlAPITitle(h1.textOf()) || apiHeadings):
		p.Kind = PageAPI
	case x.hasIndexRows():
		p.Kind = PageIndex
	case h1 != nil:
		p.Kind = PageModel
	}
	switch p.Kind {
	case PageError:
		if h1 != nil {
			p.Line = int(h1.line)
		} else {
			p.Line = int(x.root.line)
		}
	case PageAPI:
		x.api(h1)
	case PageIndex:
		x.index()
	case PageModel:
		x.model(h1)
	default:
		err = fmt.Errorf("%s: no Help Page content found", p.Source)
	}
	x.truncation()
	if t.err != nil && err == nil {
		p.Diags = append(p.Diags, &spec.Diagnostic{Severity: spec.Warning, Source: p.Source,
			Message: fmt.Sprintf("HTML read stopped early: %v", t.err)})
	}
	return p, err
}

// findRoot picks the help content: div#body.help-page, else the parent of
// section.main-content, else the body, else the document.
func (x *htmlExtractor) findRoot() {
	doc := x.t.doc
	switch help, main := doc.Find("#body.help-page").First(), doc.Find(".main-content").First(); {
	case help.Length() > 0:
		x.root = x.node(help)
		x.main = x.node(help.Find(".main-content").First())
	case main.Length() > 0:
		x.root = x.node(main)
		x.main = x.root
		// ResourceModel pages keep the h1 and summary next to the section.
		if main.Find("h1").Length() == 0 && x.root.parent != nil {
			x.root = x.root.parent
		}
	case doc.Find("body").Length() > 0:
		x.root = x.node(doc.Find("body").First())
	default:
		x.root = x.t.root
	}
}

// node is the tree node of a selection's first node (nil when empty).
func (x *htmlExtractor) node(sel *goquery.Selection) *hnode {
	return nodeIn(x.t.root, sel)
}

// nodeIn is the tree node of a selection's first node, searched for below
// under, where the selection was made (nil when empty). A search, not a
// map from every node: a page asks for a few nodes and has thousands.
func nodeIn(under *hnode, sel *goquery.Selection) *hnode {
	if sel.Length() == 0 {
		return nil
	}
	want := sel.Get(0)
	var find func(n *hnode) *hnode
	find = func(n *hnode) *hnode {
		if n.n == want {
			return n
		}
		for c := n.first; c != nil; c = c.next {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	return find(under)
}

// sel is a node's selection.
func (x *htmlExtractor) sel(n *hnode) *goquery.Selection {
	return x.t.doc.FindNodes(n.n)
}

// flatten lists the block-level nodes below n in document order: headings,
// paragraphs, tables, pre, img, links, sample blocks and loose text.
func (x *htmlExtractor) flatten(n *hnode, out []*hnode) []*hnode {
	for c := n.first; c != nil; c = c.next {
		if c.text {
			if c.data != htmlSpace {
				out = append(out, c)
			} else if k := len(out); k > 0 && out[k-1].a == atom.A {
				out = append(out, c)
			}
			continue
		}
		switch c.a {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
			atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Select, atom.Textarea,
			atom.Nav, atom.Footer, atom.Button:
			continue
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Table, atom.Pre,
			atom.Img, atom.A, atom.Ul, atom.Ol, atom.Dl:
			out = append(out, c)
			continue
		case atom.Header:
			if c.hasClass("help-page") {
				continue
			}
		case atom.Section:
			if c.hasClass("featured") {
				continue
			}
		case atom.Div:
			if c.hasClass("sample-content") || c.hasClass("warning-message-container") {
				out = append(out, c)
				continue
			}
			if c.hasClass("navbar") {
				continue
			}
		}
		out = x.flatten(c, out)
	}
	return out
}

func (x *htmlExtractor) hasIndexRows() bool {
	return x.sel(x.root).Find("td.api-name").Length() > 0
}

// htmlAPITitle reports whether s reads "{METHOD} {RelativePath}".
func htmlAPITitle(s string) bool {
	m, rest, ok := strings.Cut(s, " ")
	return ok && rest != "" && htmlIsMethod(m)
}

func htmlIsMethod(m string) bool {
	if len(m) < 3 || len(m) > 16 {
		return false
	}
	for i := 0; i < len(m); i++ {
		if m[i] < 'A' || m[i] > 'Z' {
			return false
		}
	}
	return true
}

// insideMain reports whether n is inside section.main-content.
func (x *htmlExtractor) insideMain(n *hnode) bool {
	if x.main == nil {
		return false
	}
	for c := n; c != nil; c = c.parent {
		if c == x.main {
			return true
		}
	}
	return false
}

// drop records an element left out because the cut went through it.
func (x *htmlExtractor) drop(what string, n *hnode) {
	x.dropped = append(x.dropped, fmt.Sprintf("%s (line %d)", what, n.line))
}

// wasCut reports whether the input ends inside the help content: inside
// section.main-content or div#body when the page has them, else inside an
// element whose end tag is required.
func (x *htmlExtractor) wasCut() bool {
	switch {
	case x.main != nil:
		return x.main.cut
	case x.root.a == atom.Div && x.root.id == "body":
		return x.root.cut
	}
	for _, n := range x.t.open {
		if !htmlOptionalEnd(n.a) {
			return true
		}
	}
	return false
}

// truncation sets Page.Truncated and says where the page was cut.
func (x *htmlExtractor) truncation() {
	t, p := x.t, x.p
	if !x.truncated || len(t.open) == 0 {
		return
	}
	p.Truncated = true
	inner := t.open[len(t.open)-1]
	msg := fmt.Sprintf("the HTML ends mid-way, inside %s opened at line %d: the page is truncated", htmlDescribe(inner), inner.line)
	if p.Kind == PageAPI {
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
			msg += "; missing: " + strings.Join(missing, ", ")
		}
	}
	if n := len(x.dropped); n > 0 {
		if n > 5 {
			x.dropped = append(x.dropped[:5], fmt.Sprintf("and %d more", n-5))
		}
		msg += "; left out (cut): " + strings.Join(x.dropped, ", ")
	}
	p.Diags = append(p.Diags, &spec.Diagnostic{Severity: spec.Warning,
		Source: fmt.Sprintf("%s:%d", p.Source, t.lastLine), Message: msg})
}

func htmlOptionalEnd(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Head, atom.Body, atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Optgroup,
		atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead, atom.Tfoot, atom.Colgroup, atom.Caption:
		return true
	}
	return false
}

func htmlDescribe(n *hnode) string {
	name := n.a.String()
	if n.a == 0 {
		name = n.name
	}
	if n.class != "" {
		return fmt.Sprintf("<%s class=%q>", name, n.class)
	}
	return "<" + name + ">"
}

// ---------------------------------------------------------------------------
// Api pages.

// htmlState tracks where the walk over an Api page is.
type htmlState int

const (
	hsNothing htmlState = iota
	hsURI
	hsBody
	hsResponse
	hsSamples
	hsOldParams // pre-5.1 "Parameters"
	hsOther
)

// htmlSectionDraft collects a body or response section.
type htmlSectionDraft struct {
	s       *Section
	docSeen bool
	typ     strings.Builder
	links   []string
	typed   bool // the type rendering is complete
}

func (d *htmlSectionDraft) flushType() {
	if d == nil || d.typed {
		return
	}
	if txt := htmlCollapse(d.typ.String()); txt != "" {
		d.s.Type = TypeText{Text: txt, Links: d.links}
		d.typed = true
	}
}

func (x *htmlExtractor) api(h1 *hnode) {
	p := x.p
	p.Line = int(h1.line)
	title := h1.textOf()
	if m, rest, ok := strings.Cut(title, " "); ok && htmlIsMethod(m) {
		p.Method, p.RelativePath = m, strings.TrimSpace(rest)
	} else {
		p.RelativePath = title
	}

	state := hsNothing
	dir := ""
	docDone := false
	var cur *htmlSectionDraft
	var drafts []*htmlSectionDraft
	var pending *Sample // a sample header waiting for its content
	oldParams := false

	startSection := func(h *hnode) *htmlSectionDraft {
		d := &htmlSectionDraft{s: &Section{Line: int(h.line)}}
		drafts = append(drafts, d)
		return d
	}
	endSection := func() {
		cur.flushType()
		cur = nil
	}
	flushPending := func() {
		if pending != nil {
			p.Diags = append(p.Diags, &spec.Diagnostic{Severity: spec.Warning,
				Source:  fmt.Sprintf("%s:%d", p.Source, pending.Line),
				Message: fmt.Sprintf("sample header %q without a sample: left out", strings.Join(pending.MediaTypes, ", "))})
			pending = nil
		}
	}

	seenH1 := false
	for _, it := range x.items {
		if it == h1 {
			seenH1 = true
			continue
		}
		if !seenH1 {
			continue
		}
		if it.cut && it.a != atom.Table && !it.text {
			if pending != nil && (it.a == atom.Div || it.a == atom.Pre || it.a == atom.Img) {
				x.drop("sample "+strings.Join(pending.MediaTypes, ", "), it)
				pending = nil
			} else {
				x.drop(htmlDescribe(it), it)
			}
			continue
		}
		switch it.a {
		case atom.H1:
			// A second h1 (site chrome): ignore.
		case atom.H2:
			endSection()
			flushPending()
			docDone = true
			switch it.textOf() {
			case "Request Information":
				dir, state = "request", hsNothing
			case "Response Information":
				dir, state = "response", hsNothing
			default:
				state = hsOther
			}
		case atom.H3:
			endSection()
			flushPending()
			docDone = true
			switch strings.ToLower(it.textOf()) {
			case "uri parameters":
				state = hsURI
				p.URIParams = &Section{Line: int(it.line)}
			case "body parameters":
				state = hsBody
				cur = startSection(it)
				p.Body = cur.s
			case "resource description":
				state = hsResponse
				cur = startSection(it)
				p.Response = cur.s
			case "request formats", "request body formats", "sample request formats":
				state, dir = hsSamples, "request"
			case "response formats", "response body formats", "sample response formats":
				state, dir = hsSamples, "response"
			case "parameters":
				state, oldParams = hsOldParams, true
				if p.URIParams == nil {
					p.URIParams = &Section{Line: int(it.line)}
				}
			default:
				state = hsOther
			}
		case atom.H4:
			flushPending()
			if state == hsSamples || it.hasClass("sample-header") {
				d := dir
				if d == "" {
					d = "response"
				}
				pending = &Sample{Line: int(it.line), Direction: d, MediaTypes: htmlMediaTypes(it.textOf())}
			}
		case atom.P:
			txt := it.textOf()
			switch {
			case !docDone && state == hsNothing:
				if txt != htmlNoDoc {
					p.Doc = txt
				}
				docDone = true
			case state == hsURI:
				if txt == htmlNone {
					p.URIParams.None = true
				}
			case cur != nil:
				switch {
				case !cur.docSeen && cur.typ.Len() == 0:
					cur.docSeen = true
					cur.s.Doc = txt
				case txt == htmlNone:
					cur.flushType()
					if cur.typed {
						// A type without members: an empty parameters table.
						if cur.s.Table == nil {
							cur.s.Table = &Table{Line: int(it.line)}
						}
					} else {
						cur.s.None = true
					}
					cur.typed = true
				default:
					cur.flushType()
				}
			case pending != nil:
				x.sampleFrom(pending, it)
				p.Samples = append(p.Samples, pending)
				pending = nil
			}
		case atom.Table:
			switch {
			case state == hsURI:
				if p.URIParams.Table == nil {
					p.URIParams.Table = x.paramTable(it)
				}
			case cur != nil:
				cur.docSeen = true
				cur.flushType()
				cur.typed = true
				if cur.s.Table == nil && !cur.s.None {
					cur.s.Table = x.paramTable(it)
				}
			case state == hsOldParams:
				x.oldParamTable(it)
			}
		case atom.Div, atom.Pre, atom.Img: // sample-content, warning container, bare pre/img
			if pending == nil {
				continue
			}
			x.sampleFrom(pending, it)
			switch {
			case pending.Kind != "":
				p.Samples = append(p.Samples, pending)
				pending = nil
			case it.cut || x.cutInside(it):
				x.drop("sample "+strings.Join(pending.MediaTypes, ", "), it)
				pending = nil
			default:
				flushPending()
			}
		default:
			// Loose text and links: a body or response type rendering.
			if cur == nil || cur.typed || cur.s.None {
				continue
			}
			if it.text {
				if it.cut {
					continue
				}
				cur.docSeen = true
				cur.typ.WriteString(it.data)
			} else if it.a == atom.A {
				cur.docSeen = true
				cur.typ.WriteString(it.rawText())
				if mn, ok := htmlModelLink(it.href); ok {
					cur.links = append(cur.links, mn)
				}
			}
		}
	}
	endSection()
	if pending != nil && !x.truncated {
		flushPending()
	}
	for _, d := range drafts {
		d.flushType()
		s := d.s
		// A section with a lone "None." paragraph and no documentation one.
		if !s.None && s.Table == nil && s.Type.Text == "" && s.Doc == htmlNone {
			s.None, s.Doc = true, ""
		}
	}
	finishOldPage(p, oldParams, x.truncated)
}

// cutInside reports whether the cut went through an element below n.
func (x *htmlExtractor) cutInside(n *hnode) bool {
	return n.find(func(c *hnode) bool { return c.cut }) != nil
}

// oldParamTable reads a pre-5.1 "Parameters" table (see splitOldParams).
func (x *htmlExtractor) oldParamTable(tbl *hnode) {
	splitOldParams(x.p, x.paramTable(tbl))
}

func htmlMediaTypes(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ", ")
	out := parts[:0]
	for _, mt := range parts {
		if mt = strings.TrimSpace(mt); mt != "" {
			out = append(out, mt)
		}
	}
	return out
}

// sampleFrom fills s from a sample block: div.sample-content, or a bare
// pre, p, img or warning container.
func (x *htmlExtractor) sampleFrom(s *Sample, n *hnode) {
	var content *hnode
	if n.a == atom.Div && n.hasClass("sample-content") {
		// The first of these in document order holds the sample.
		content = nodeIn(n, x.sel(n).Find("pre, img, p, textarea, div.warning-message-container").First())
		if content == nil {
			return
		}
	} else {
		content = n
	}
	if content.cut {
		return
	}
	switch {
	case content.a == atom.Pre || content.a == atom.Textarea:
		s.Kind, s.Text = "text", strings.Trim(content.rawText(), "\n")
	case content.a == atom.Img:
		s.Kind, s.Text = "image", content.src
	case content.a == atom.Div:
		s.Kind, s.Text = "invalid", content.textOf()
	case content.a == atom.P:
		if txt := content.textOf(); txt == htmlSampleUnavailable || txt == "" {
			s.Kind = "unavailable"
		} else {
			s.Kind, s.Text = "invalid", txt
		}
	}
}

// htmlModelLink returns the modelName of a ResourceModel link.
func htmlModelLink(href string) (string, bool) {
	_, q, ok := strings.Cut(href, "?")
	if !ok {
		return "", false
	}
	if i := strings.IndexByte(q, '#'); i >= 0 {
		q = q[:i]
	}
	for q != "" {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		k, v, _ := strings.Cut(kv, "=")
		if strings.EqualFold(k, "modelName") {
			if u, err := url.PathUnescape(v); err == nil {
				return u, true
			}
			return v, true
		}
	}
	return "", false
}

// htmlTypeText reads a type rendering: its text and ResourceModel links.
func htmlTypeText(n *hnode) TypeText {
	if n == nil {
		return TypeText{}
	}
	if c := n.first; c != nil && c.next == nil && c.text {
		return TypeText{Text: htmlCollapse(c.data)}
	}
	var b strings.Builder
	var links []string
	n.walk(func(c *hnode) bool {
		if c.text {
			b.WriteString(c.data)
		} else if c.a == atom.A {
			if mn, ok := htmlModelLink(c.href); ok {
				links = append(links, mn)
			}
		}
		return c.a != atom.Script && c.a != atom.Style
	})
	return TypeText{Text: htmlCollapse(b.String()), Links: links}
}

// ---------------------------------------------------------------------------
// Tables.

// column roles of a parameters, enum or index table.
const (
	colNone = iota
	colName
	colDoc
	colType
	colAnn
	colSource // pre-5.1 "Additional information" saying URI or body
	colValue
	colAPI
)

func htmlCellRole(td *hnode) int {
	switch {
	case td.hasClass("parameter-name"), td.hasClass("enum-name"):
		return colName
	case td.hasClass("parameter-documentation"), td.hasClass("enum-description"), td.hasClass("api-documentation"):
		return colDoc
	case td.hasClass("parameter-type"):
		return colType
	case td.hasClass("parameter-annotations"):
		return colAnn
	case td.hasClass("parameter-source"):
		return colSource
	case td.hasClass("enum-value"):
		return colValue
	case td.hasClass("api-name"):
		return colAPI
	}
	return colNone
}

func htmlHeaderRole(th string) int {
	switch strings.ToLower(th) {
	case "name":
		return colName
	case "description":
		return colDoc
	case "type":
		return colType
	case "additional information":
		return colAnn
	case "value":
		return colValue
	case "api":
		return colAPI
	}
	return colNone
}

// tableRows calls f for every complete data row of tbl with its cells by
// role. Cells without a class take their role from the header.
func (x *htmlExtractor) tableRows(tbl *hnode, what string, f func(tr *hnode, cells *[8]*hnode)) {
	var header []int
	tbl.walk(func(tr *hnode) bool {
		if tr.text {
			return false
		}
		if tr.a == atom.Table {
			return false // nested table
		}
		if tr.a != atom.Tr {
			return true
		}
		var cells [8]*hnode
		col, any, ths := 0, false, []int(nil)
		for c := tr.first; c != nil; c = c.next {
			switch c.a {
			case atom.Th:
				ths = append(ths, htmlHeaderRole(c.textOf()))
			case atom.Td:
				r := htmlCellRole(c)
				if r == colNone && col < len(header) {
					r = header[col]
				}
				if r != colNone && cells[r] == nil {
					cells[r] = c
					any = true
				}
				col++
			}
		}
		if ths != nil && !any {
			header = ths
			return false
		}
		if !any {
			return false
		}
		if tr.cut {
			x.drop(what+" row", tr)
			return false
		}
		f(tr, &cells)
		return false
	})
}

func (x *htmlExtractor) paramTable(tbl *hnode) *Table {
	t := &Table{Line: int(tbl.line), AtEnd: tbl.cut}
	x.tableRows(tbl, "table", func(tr *hnode, c *[8]*hnode) {
		if c[colName] == nil {
			return
		}
		r := &Row{Line: int(tr.line), Name: c[colName].textOf(), Type: htmlTypeText(c[colType])}
		r.NameLost = r.Name == "" // an emptied name cell (e-mail obfuscation): Build recovers or drops it
		if d := c[colDoc].textOf(); d != htmlNoDoc {
			r.Doc = d
		}
		r.Annotations = htmlAnnotations(c[colAnn])
		if c[colSource] != nil {
			r.Annotations = append(r.Annotations, htmlAnnotations(c[colSource])...)
		}
		t.Rows = append(t.Rows, r)
	})
	return t
}

// htmlAnnotations lists the paragraphs of an annotations cell, "None." dropped.
func htmlAnnotations(td *hnode) []string {
	if td == nil {
		return nil
	}
	var out []string
	hasP := false
	td.walk(func(c *hnode) bool {
		if c.a == atom.P {
			hasP = true
			if t := c.textOf(); t != "" && t != htmlNone {
				out = append(out, t)
			}
			return false
		}
		return !c.text
	})
	if !hasP {
		if t := td.textOf(); t != "" && t != htmlNone {
			out = append(out, t)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// ResourceModel pages.

func (x *htmlExtractor) model(h1 *hnode) {
	p := x.p
	p.Line = int(h1.line)
	p.ModelName = h1.textOf()
	h1Main := x.insideMain(h1)
	docSeen := false
	var simple strings.Builder
	seenH1 := false
	for _, it := range x.items {
		if it == h1 {
			seenH1 = true
			continue
		}
		if !seenH1 {
			continue
		}
		if it.cut && it.a != atom.Table && !it.text {
			x.drop(htmlDescribe(it), it)
			continue
		}
		switch it.a {
		case atom.P:
			txt := it.textOf()
			inMain := x.insideMain(it)
			switch {
			case !docSeen && (h1Main || !inMain) && txt != htmlEnumMarker:
				docSeen = true
				if txt != htmlNoDoc {
					p.ModelDoc = txt
				}
			case txt == htmlEnumMarker:
				p.IsEnum = true
			case txt == htmlNone:
				if p.Members == nil && !p.IsEnum {
					p.Members = &Table{Line: int(it.line)}
				}
			}
		case atom.Table:
			docSeen = true
			if x.sel(it).Find("td.enum-name").Length() > 0 || p.IsEnum {
				p.IsEnum = true
				x.enumTable(it)
			} else if p.Members == nil {
				p.Members = x.paramTable(it)
			}
		case atom.H1, atom.H2, atom.H3:
			// nothing on stock pages
		default:
			if it.cut || (x.main != nil && !x.insideMain(it)) {
				continue
			}
			if it.text {
				simple.WriteString(it.data)
			} else if it.a == atom.A {
				simple.WriteString(it.rawText())
			}
		}
	}
	if p.Members == nil && !p.IsEnum {
		p.Simple = htmlCollapse(simple.String())
	}
}

func (x *htmlExtractor) enumTable(tbl *hnode) {
	x.tableRows(tbl, "enum", func(tr *hnode, c *[8]*hnode) {
		if c[colName] == nil {
			return
		}
		x.p.Enum = append(x.p.Enum, &EnumRow{Line: int(tr.line), Name: c[colName].textOf(),
			Value: c[colValue].textOf(), Doc: c[colDoc].textOf()})
	})
}

// ---------------------------------------------------------------------------
// The index.

func (x *htmlExtractor) index() {
	p := x.p
	if x.main != nil {
		p.Line = int(x.main.line)
	} else {
		p.Line = int(x.root.line)
	}
	controller, controllerDoc := "", ""
	for _, it := range x.items {
		switch it.a {
		case atom.H2:
			if it.cut {
				continue
			}
			controller, controllerDoc = it.textOf(), ""
		case atom.P:
			if !it.cut && controller != "" {
				if txt := it.textOf(); txt != htmlNoDoc {
					controllerDoc = txt
				}
			}
		case atom.Table:
			x.tableRows(it, "index", func(tr *hnode, c *[8]*hnode) {
				td := c[colAPI]
				if td == nil {
					return
				}
				e := &IndexEntry{Line: int(tr.line), Controller: controller, ControllerDoc: controllerDoc}
				a := nodeIn(td, x.sel(td).Find("a").First())
				title := td.textOf()
				if a != nil {
					e.ApiID = htmlAPIID(a.href)
				}
				if m, rest, ok := strings.Cut(title, " "); ok && htmlIsMethod(m) {
					e.Method, e.RelativePath = m, strings.TrimSpace(rest)
				} else {
					e.RelativePath = title
				}
				if d := c[colDoc].textOf(); d != htmlNoDoc {
					e.Doc = d
				}
				p.Index = append(p.Index, e)
			})
		}
	}
}

// htmlAPIID takes the ApiId from ".../Help/Api/{ApiId}".
func htmlAPIID(href string) string {
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	id := href
	if i := strings.LastIndex(strings.ToLower(href), "/api/"); i >= 0 {
		id = href[i+len("/api/"):]
	} else if i := strings.LastIndexByte(href, '/'); i >= 0 {
		id = href[i+1:]
	}
	id = strings.TrimSuffix(id, "/")
	if u, err := url.PathUnescape(id); err == nil {
		return u
	}
	return id
}
