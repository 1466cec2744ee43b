package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

// The clinic corpus: its Help Page HTML (bundled in pages/clinic, the
// source of out/clinic) and the ground truth computed from the C# sources;
// handmade pages cover what the corpus does not.
const (
	htmlTestdata       = "../pages/clinic"
	htmlHandmade       = "testdata/html/handmade"
	htmlClinicExpected = "testdata/clinic-expected.json"
)

type htmlExpRef struct {
	Kind      string      `json:"kind"`
	Display   string      `json:"display"`
	ModelName string      `json:"modelName"`
	Element   *htmlExpRef `json:"element"`
	Key       *htmlExpRef `json:"key"`
	Value     *htmlExpRef `json:"value"`
}

// links lists the model names a type rendering links to, in order.
func (r *htmlExpRef) links(out []string) []string {
	if r == nil {
		return out
	}
	switch r.Kind {
	case "complex", "enum":
		if r.Display != "Object" && r.ModelName != "" {
			out = append(out, r.ModelName)
		}
	}
	out = r.Element.links(out)
	out = r.Key.links(out)
	return r.Value.links(out)
}

// elementModel is the model whose members a section's table shows.
func (r *htmlExpRef) elementModel() string {
	for r != nil && r.Kind == "collection" {
		r = r.Element
	}
	if r == nil {
		return ""
	}
	return r.ModelName
}

type htmlExpSample struct {
	MediaTypes []string `json:"mediaTypes"`
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Message    string   `json:"message"`
}

type htmlExpEndpoint struct {
	ApiID                 string  `json:"apiId"`
	Method                string  `json:"method"`
	RelativePath          string  `json:"relativePath"`
	Controller            string  `json:"controller"`
	Documentation         *string `json:"documentation"`
	ResponseDocumentation *string `json:"responseDocumentation"`
	HelpPage              string  `json:"helpPage"`
	Params                []struct {
		Name          string     `json:"name"`
		Type          htmlExpRef `json:"type"`
		SimpleType    string     `json:"simpleType"`
		Annotations   []string   `json:"annotations"`
		Documentation *string    `json:"documentation"`
	} `json:"params"`
	Body *struct {
		Type           htmlExpRef `json:"type"`
		Documentation  *string    `json:"documentation"`
		HelpShowsTable bool       `json:"helpShowsTable"`
	} `json:"body"`
	Response *struct {
		Type           htmlExpRef `json:"type"`
		HelpShowsTable bool       `json:"helpShowsTable"`
	} `json:"response"`
	RequestSamples  []htmlExpSample `json:"requestSamples"`
	ResponseSamples []htmlExpSample `json:"responseSamples"`
}

type htmlExpMember struct {
	Type htmlExpRef `json:"type"`
	Help *struct {
		Name          string   `json:"name"`
		Index         int      `json:"index"`
		Type          string   `json:"type"`
		Documentation *string  `json:"documentation"`
		Annotations   []string `json:"annotations"`
	} `json:"help"`
}

type htmlExpType struct {
	Kind          string          `json:"kind"`
	ModelName     string          `json:"modelName"`
	HelpPage      *string         `json:"helpPage"`
	Documentation *string         `json:"documentation"`
	Members       []htmlExpMember `json:"members"`
	HelpOrder     []string        `json:"helpOrder"`
	Values        []struct {
		Name          string  `json:"name"`
		Value         int64   `json:"value"`
		HelpVisible   bool    `json:"helpVisible"`
		Documentation *string `json:"documentation"`
	} `json:"values"`
}

type htmlExpCorpus struct {
	Endpoints []*htmlExpEndpoint `json:"endpoints"`
	Types     []*htmlExpType     `json:"types"`
	HelpPages struct {
		Index         string   `json:"index"`
		API           []string `json:"api"`
		ResourceModel []string `json:"resourceModel"`
	} `json:"helpPages"`
}

func htmlLoadExpected(t testing.TB) *htmlExpCorpus {
	t.Helper()
	b, err := os.ReadFile(htmlClinicExpected)
	if err != nil {
		t.Fatal(err)
	}
	var c htmlExpCorpus
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func (c *htmlExpCorpus) model(name string) *htmlExpType {
	for _, t := range c.Types {
		if t.ModelName == name && (t.Kind == "complex" || t.Kind == "enum") {
			return t
		}
	}
	return nil
}

// helpRows are the rows a type's Parameters table shows, in help order.
func (t *htmlExpType) helpRows() []*Row {
	var ms []htmlExpMember
	for _, m := range t.Members {
		if m.Help != nil {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Help.Index < ms[j].Help.Index })
	var rows []*Row
	for _, m := range ms {
		r := &Row{Name: m.Help.Name, Doc: htmlDoc(m.Help.Documentation), Type: TypeText{Text: m.Help.Type, Links: m.Type.links(nil)}}
		if len(m.Help.Annotations) > 0 {
			r.Annotations = m.Help.Annotations
		}
		rows = append(rows, r)
	}
	return rows
}

// htmlDoc is a documentation string as the page shows it: HTML collapses
// white space (the corpus keeps XML doc comments' line breaks).
func htmlDoc(s *string) string {
	if s == nil {
		return ""
	}
	return htmlCollapse(*s)
}

// htmlCorpusPage reads and parses a corpus page named as expected.json
// names it ("html/Api/X.html").
func htmlCorpusPage(t testing.TB, rel string) (*Page, []byte) {
	t.Helper()
	path := filepath.Join(htmlTestdata, strings.TrimPrefix(rel, "html/"))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(path, b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if p.Truncated || len(p.Diags) > 0 {
		t.Errorf("%s: truncated=%v diags=%s", path, p.Truncated, htmlDiagText(p.Diags))
	}
	return p, b
}

func htmlDiagText(ds []*spec.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %s: %s: %s", d.Source, d.Severity, d.Message)
	}
	return b.String()
}

func htmlStripLines(rows []*Row) []*Row {
	out := make([]*Row, len(rows))
	for i, r := range rows {
		c := *r
		c.Line = 0
		if len(c.Type.Links) == 0 {
			c.Type.Links = nil
		}
		if len(c.Annotations) == 0 {
			c.Annotations = nil
		}
		out[i] = &c
	}
	return out
}

func htmlDiffRows(t *testing.T, what string, got *Table, want []*Row) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: no table, want %d rows", what, len(want))
		return
	}
	g := htmlStripLines(got.Rows)
	if len(g) != len(want) {
		t.Errorf("%s: %d rows, want %d", what, len(g), len(want))
	}
	for i := 0; i < len(g) && i < len(want); i++ {
		if !reflect.DeepEqual(g[i], want[i]) {
			t.Errorf("%s row %d:\n got %+v\nwant %+v", what, i, *g[i], *want[i])
		}
	}
}

func TestParseHTMLClinicAPI(t *testing.T) {
	exp := htmlLoadExpected(t)
	if len(exp.Endpoints) != 18 {
		t.Fatalf("%d endpoints in expected.json", len(exp.Endpoints))
	}
	for _, e := range exp.Endpoints {
		t.Run(e.ApiID, func(t *testing.T) {
			p, _ := htmlCorpusPage(t, e.HelpPage)
			if p.Kind != PageAPI || p.Method != e.Method || p.RelativePath != e.RelativePath || p.Doc != htmlDoc(e.Documentation) {
				t.Fatalf("got %v %q %q doc %q, want api %q %q doc %q", p.Kind, p.Method, p.RelativePath, p.Doc,
					e.Method, e.RelativePath, htmlDoc(e.Documentation))
			}
			// URI parameters.
			if p.URIParams == nil {
				t.Fatal("no URI Parameters section")
			}
			if len(e.Params) == 0 {
				if !p.URIParams.None || p.URIParams.Table != nil {
					t.Errorf("URI parameters: want None, got %+v", p.URIParams)
				}
			} else {
				var want []*Row
				for _, prm := range e.Params {
					r := &Row{Name: prm.Name, Doc: htmlDoc(prm.Documentation), Type: TypeText{Text: prm.SimpleType, Links: prm.Type.links(nil)}}
					if prm.Type.Display != prm.SimpleType {
						t.Errorf("param %s: display %q simpleType %q", prm.Name, prm.Type.Display, prm.SimpleType)
					}
					if len(prm.Annotations) > 0 {
						r.Annotations = prm.Annotations
					}
					want = append(want, r)
				}
				if p.URIParams.None {
					t.Errorf("URI parameters: None set")
				}
				htmlDiffRows(t, "URI parameters", p.URIParams.Table, want)
			}
			// Body.
			if p.Body == nil {
				t.Fatal("no Body Parameters section")
			}
			if e.Body == nil {
				if !p.Body.None || p.Body.Table != nil || p.Body.Type.Text != "" {
					t.Errorf("body: want None, got %+v", p.Body)
				}
			} else {
				htmlCheckSection(t, exp, "body", p.Body, &e.Body.Type, htmlDoc(e.Body.Documentation), e.Body.HelpShowsTable)
			}
			// Response.
			if p.Response == nil {
				t.Fatal("no Resource Description section")
			}
			if e.Response == nil {
				if !p.Response.None || p.Response.Table != nil || p.Response.Type.Text != "" {
					t.Errorf("response: want None, got %+v", p.Response)
				}
				if p.Response.Doc != htmlDoc(e.ResponseDocumentation) {
					t.Errorf("response doc %q, want %q", p.Response.Doc, htmlDoc(e.ResponseDocumentation))
				}
			} else {
				htmlCheckSection(t, exp, "response", p.Response, &e.Response.Type, htmlDoc(e.ResponseDocumentation), e.Response.HelpShowsTable)
			}
			// Samples.
			var want []*Sample
			for _, s := range e.RequestSamples {
				want = append(want, htmlExpectedSample("request", s))
			}
			for _, s := range e.ResponseSamples {
				want = append(want, htmlExpectedSample("response", s))
			}
			if len(p.Samples) != len(want) {
				t.Errorf("%d samples, want %d", len(p.Samples), len(want))
			}
			for i := 0; i < len(p.Samples) && i < len(want); i++ {
				g := *p.Samples[i]
				g.Line = 0
				if !reflect.DeepEqual(&g, want[i]) {
					t.Errorf("sample %d:\n got %+v\nwant %+v", i, g, *want[i])
				}
			}
		})
	}
}

func htmlExpectedSample(dir string, s htmlExpSample) *Sample {
	out := &Sample{Direction: dir, MediaTypes: s.MediaTypes, Kind: s.Kind, Text: s.Text}
	if s.Kind == "invalid" {
		out.Text = s.Message
	}
	return out
}

func htmlCheckSection(t *testing.T, exp *htmlExpCorpus, what string, s *Section, typ *htmlExpRef, doc string, table bool) {
	t.Helper()
	if s.None {
		t.Errorf("%s: None set", what)
	}
	if s.Doc != doc {
		t.Errorf("%s doc %q, want %q", what, s.Doc, doc)
	}
	want := TypeText{Text: typ.Display, Links: typ.links(nil)}
	if !reflect.DeepEqual(s.Type, want) {
		t.Errorf("%s type %+v, want %+v", what, s.Type, want)
	}
	if !table {
		if s.Table != nil {
			t.Errorf("%s: unexpected table", what)
		}
		return
	}
	m := exp.model(typ.elementModel())
	if m == nil {
		t.Fatalf("%s: no expected type %q", what, typ.elementModel())
	}
	htmlDiffRows(t, what+" table", s.Table, m.helpRows())
}

func TestParseHTMLClinicModels(t *testing.T) {
	exp := htmlLoadExpected(t)
	n := 0
	for _, ty := range exp.Types {
		if ty.HelpPage == nil {
			continue
		}
		n++
		t.Run(ty.ModelName, func(t *testing.T) {
			p, _ := htmlCorpusPage(t, *ty.HelpPage)
			if p.Kind != PageModel || p.ModelName != ty.ModelName || p.ModelDoc != htmlDoc(ty.Documentation) {
				t.Fatalf("got %v %q doc %q, want model %q doc %q", p.Kind, p.ModelName, p.ModelDoc, ty.ModelName, htmlDoc(ty.Documentation))
			}
			if p.Simple != "" {
				t.Errorf("Simple = %q", p.Simple)
			}
			switch ty.Kind {
			case "complex":
				if p.IsEnum || p.Enum != nil {
					t.Errorf("complex type read as enum")
				}
				rows := ty.helpRows()
				htmlDiffRows(t, "members", p.Members, rows)
				var names []string
				for _, r := range rows {
					names = append(names, r.Name)
				}
				if !reflect.DeepEqual(names, ty.HelpOrder) {
					t.Errorf("expected.json: help rows %v, helpOrder %v", names, ty.HelpOrder)
				}
			case "enum":
				if !p.IsEnum || p.Members != nil {
					t.Fatalf("IsEnum=%v Members=%v", p.IsEnum, p.Members)
				}
				var want []EnumRow
				for _, v := range ty.Values {
					if v.HelpVisible {
						want = append(want, EnumRow{Name: v.Name, Value: strconv.FormatInt(v.Value, 10), Doc: htmlDoc(v.Documentation)})
					}
				}
				var got []EnumRow
				for _, r := range p.Enum {
					g := *r
					g.Line = 0
					got = append(got, g)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("enum rows\n got %+v\nwant %+v", got, want)
				}
			}
		})
	}
	if n != 25 {
		t.Errorf("%d ResourceModel pages, want 25", n)
	}
}

func TestParseHTMLClinicIndex(t *testing.T) {
	exp := htmlLoadExpected(t)
	p, src := htmlCorpusPage(t, exp.HelpPages.Index)
	if p.Kind != PageIndex {
		t.Fatalf("kind %v", p.Kind)
	}
	if len(p.Index) != len(exp.Endpoints) {
		t.Fatalf("%d index entries, want %d", len(p.Index), len(exp.Endpoints))
	}
	ctrlDocs := map[string]string{}
	for i, e := range exp.Endpoints {
		ie := p.Index[i]
		want := IndexEntry{Line: ie.Line, Controller: e.Controller, ControllerDoc: ie.ControllerDoc, Method: e.Method,
			RelativePath: e.RelativePath, ApiID: e.ApiID, Doc: htmlDoc(e.Documentation)}
		if *ie != want {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, *ie, want)
		}
		if d, ok := ctrlDocs[ie.Controller]; ok && d != ie.ControllerDoc {
			t.Errorf("controller %s: docs %q and %q", ie.Controller, d, ie.ControllerDoc)
		}
		ctrlDocs[ie.Controller] = ie.ControllerDoc
	}
	// Controller docs, as the page shows them (expected.json has none).
	lines := strings.Split(string(src), "\n")
	for c, d := range ctrlDocs {
		found := false
		for i, l := range lines {
			if strings.Contains(l, `<h2 id="`+c+`">`) {
				found = d == "" || strings.Contains(lines[i+1], "<p>"+strings.ReplaceAll(d, "'", "&#39;")+"</p>")
			}
		}
		if !found {
			t.Errorf("controller %s doc %q not found after its h2", c, d)
		}
	}
	if ctrlDocs["Appointments"] != "Booking, rescheduling and cancelling clinic appointments." {
		t.Errorf("Appointments doc %q", ctrlDocs["Appointments"])
	}
}

// TestParseHTMLLines checks that every Line points at the element's start
// tag in the source.
func TestParseHTMLLines(t *testing.T) {
	for _, path := range htmlCorpusFiles(t) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseHTML(path, b)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		at := func(what string, line int, want ...string) {
			t.Helper()
			if line < 1 || line > len(lines) {
				t.Errorf("%s:%d: %s: line out of range", path, line, what)
				return
			}
			l := lines[line-1]
			for _, w := range want {
				if !strings.Contains(l, w) {
					t.Errorf("%s:%d: %s: line %q lacks %q", path, line, what, l, w)
				}
			}
		}
		next := func(line int) int { return line + 1 }
		table := func(what string, tb *Table) {
			if tb == nil {
				return
			}
			at(what+" table", tb.Line, "<table")
			for _, r := range tb.Rows {
				at(what+" row", r.Line, "<tr>")
				at(what+" row name", next(r.Line), `class="parameter-name">`+r.Name+"<")
			}
		}
		switch p.Kind {
		case PageAPI:
			at("h1", p.Line, "<h1>"+p.Method+" ")
			for name, s := range map[string]*Section{"URI Parameters": p.URIParams, "Body Parameters": p.Body, "Resource Description": p.Response} {
				at(name, s.Line, "<h3>"+name+"</h3>")
				table(name, s.Table)
			}
			for _, s := range p.Samples {
				at("sample", s.Line, `<h4 class="sample-header">`+strings.Join(s.MediaTypes, ", ")+"</h4>")
			}
		case PageModel:
			at("h1", p.Line, "<h1>"+p.ModelName+"</h1>")
			table("members", p.Members)
			for _, r := range p.Enum {
				at("enum row", r.Line, "<tr>")
				at("enum row name", next(r.Line), `<td class="enum-name"><b>`+r.Name+"</b>")
			}
		case PageIndex:
			at("index", p.Line, "main-content")
			for _, e := range p.Index {
				at("index row", e.Line, "<tr>")
				at("index row link", next(e.Line), `href="/Help/Api/`+e.ApiID+`"`)
			}
		default:
			t.Errorf("%s: kind %v", path, p.Kind)
		}
	}
}

func htmlCorpusFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"index.html", "Api/*.html", "ResourceModel/*.html"} {
		m, err := filepath.Glob(filepath.Join(htmlTestdata, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) != 44 {
		t.Fatalf("%d corpus pages, want 44", len(files))
	}
	return files
}

func TestParseHTMLErrorPage(t *testing.T) {
	path := filepath.Join(htmlHandmade, "error.html")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != PageError || p.Truncated || len(p.Diags) != 0 {
		t.Fatalf("kind %v truncated %v diags %s", p.Kind, p.Truncated, htmlDiagText(p.Diags))
	}
	if l := strings.Split(string(b), "\n")[p.Line-1]; !strings.Contains(l, "<h1") || !strings.Contains(l, "Error.") {
		t.Errorf("line %d is %q", p.Line, l)
	}
	// The older template: hgroup.title with h1.error, no host layout.
	p, err = ParseHTML("old-error.html", []byte("<hgroup class=\"title\">\n<h1 class=\"error\">Error.</h1>\n<h2 class=\"error\">An error occurred while processing your request.</h2>\n</hgroup>\n"))
	if err != nil || p.Kind != PageError || p.Line != 2 {
		t.Errorf("old error view: kind %v line %d err %v", p.Kind, p.Line, err)
	}
}

// TestParseHTMLPre51 reads a page of the pre-5.1 templates (no
// ResourceModel, "Parameters", "Request body formats"), with a sample not
// available and an image sample.
func TestParseHTMLPre51(t *testing.T) {
	path := filepath.Join(htmlHandmade, "pre51-api.html")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != PageAPI || p.Method != "POST" || p.RelativePath != "api/Orders/{id}?notify={notify}" || p.Doc != "Updates an order." {
		t.Fatalf("got %v %q %q %q", p.Kind, p.Method, p.RelativePath, p.Doc)
	}
	if p.URIParams == nil || p.URIParams.Table == nil {
		t.Fatalf("URI params %+v", p.URIParams)
	}
	got := htmlStripLines(p.URIParams.Table.Rows)
	want := []*Row{{Name: "id", Doc: "The order id."}, {Name: "notify"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("URI rows %+v", got)
	}
	if p.Body == nil || p.Body.None || p.Body.Doc != "The new order <draft> & its lines." {
		t.Errorf("body %+v", p.Body)
	}
	if p.Response != nil {
		t.Errorf("response %+v", p.Response)
	}
	wantS := []*Sample{
		{Direction: "request", MediaTypes: []string{"application/json", "text/json"}, Kind: "text", Text: "{\n  \"Id\": 1,\n  \"Note\": \"a  b\"\n}"},
		{Direction: "request", MediaTypes: []string{"application/x-www-form-urlencoded"}, Kind: "unavailable"},
		{Direction: "response", MediaTypes: []string{"image/png"}, Kind: "image", Text: "/Areas/HelpPage/sample.png"},
		{Direction: "response", MediaTypes: []string{"text/plain"}, Kind: "invalid", Text: "Cannot write: it's \"bad\"."},
	}
	if len(p.Samples) != len(wantS) {
		t.Fatalf("%d samples: %+v", len(p.Samples), p.Samples)
	}
	for i, s := range p.Samples {
		g := *s
		g.Line = 0
		if !reflect.DeepEqual(&g, wantS[i]) {
			t.Errorf("sample %d:\n got %+v\nwant %+v", i, g, *wantS[i])
		}
	}
}

// TestParseHTMLChrome moves a corpus page's help content into other site
// chrome: a WebForms form, an h1 in the site header, scripts and comments
// holding help-like markup.
func TestParseHTMLChrome(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(htmlTestdata, "Api", "POST-api-v1-clinics-clinicId-appointments.html"))
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := ParseHTML("ref", src)
	s := string(src)
	i := strings.Index(s, `<div id="body" class="help-page">`)
	j := strings.LastIndex(s, "<hr />")
	content := s[i:j]
	pre := "<html><head><title>x</title><script>var s = '<h1>GET nothing</h1><table class=\"help-page-table\">';</script></head>\n" +
		"<body><form id=\"form1\" runat=\"server\"><header><h1>Harbourview Portal</h1></header>\n" +
		"<!-- <h1>DELETE api/comment</h1> -->\n<nav><ul><li><a href=\"/Help\">Help</li></ul></nav>\n<div class=\"wrapper\">"
	page := pre + content + "</div></form></body></html>"
	p, err := ParseHTML("chrome", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if p.Truncated || len(p.Diags) > 0 {
		t.Errorf("truncated %v %s", p.Truncated, htmlDiagText(p.Diags))
	}
	shift := strings.Count(pre, "\n") - strings.Count(s[:i], "\n")
	if p.Line != ref.Line+shift || p.Response.Table.Rows[0].Line != ref.Response.Table.Rows[0].Line+shift {
		t.Errorf("lines: %d vs %d (shift %d)", p.Line, ref.Line, shift)
	}
	htmlShiftLines(ref, shift)
	ref.Source = "chrome"
	if !reflect.DeepEqual(p, ref) {
		a, _ := json.MarshalIndent(p, "", " ")
		b, _ := json.MarshalIndent(ref, "", " ")
		t.Errorf("page in other chrome differs:\n%s\nwant\n%s", a, b)
	}
	// Without div#body (a scraper kept section.main-content only).
	i = strings.Index(s, `<section class="content-wrapper main-content clear-fix">`)
	j = strings.LastIndex(s, "</section>") + len("</section>")
	p, err = ParseHTML("main-only", []byte(s[i:j]))
	if err != nil || p.Kind != PageAPI || len(p.Samples) != len(ref.Samples) || p.Truncated {
		t.Errorf("main-content only: kind %v samples %d truncated %v err %v", p.Kind, len(p.Samples), p.Truncated, err)
	}
}

func TestParseHTMLModelWithoutHelpBody(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(htmlTestdata, "ResourceModel", "AppointmentStatus.html"))
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := ParseHTML("ref", src)
	s := strings.Replace(string(src), `<div id="body" class="help-page">`, `<div class="page">`, 1)
	p, err := ParseHTML("ref", []byte(s))
	if err != nil || !reflect.DeepEqual(p, ref) {
		t.Errorf("err %v\n got %+v\nwant %+v", err, p, ref)
	}
}

func htmlShiftLines(p *Page, d int) {
	p.Line += d
	for _, s := range []*Section{p.URIParams, p.Body, p.Response} {
		if s == nil {
			continue
		}
		s.Line += d
		if s.Table != nil {
			s.Table.Line += d
			for _, r := range s.Table.Rows {
				r.Line += d
			}
		}
	}
	for _, s := range p.Samples {
		s.Line += d
	}
}

func TestParseHTMLTruncated(t *testing.T) {
	path := filepath.Join(htmlTestdata, "Api", "POST-api-v1-clinics-clinicId-appointments.html")
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := ParseHTML(path, full)

	// Cut inside the response table's third row.
	rowLine := ref.Response.Table.Rows[2].Line
	off := htmlLineOffset(full, rowLine+3)
	cut := full[:off]
	p, err := ParseHTML("cut.html", cut)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Truncated || len(p.Diags) != 1 || p.Diags[0].Severity != spec.Warning {
		t.Fatalf("truncated %v diags %s", p.Truncated, htmlDiagText(p.Diags))
	}
	wantSrc := fmt.Sprintf("cut.html:%d", htmlLastLine(cut))
	if p.Diags[0].Source != wantSrc || !strings.Contains(p.Diags[0].Message, "truncated") ||
		!strings.Contains(p.Diags[0].Message, fmt.Sprintf("row (line %d)", rowLine)) {
		t.Errorf("diag %s, want source %s", htmlDiagText(p.Diags), wantSrc)
	}
	if !reflect.DeepEqual(p.URIParams, ref.URIParams) || !reflect.DeepEqual(p.Body, ref.Body) {
		t.Errorf("complete sections differ")
	}
	if p.Response == nil || p.Response.Table == nil || len(p.Response.Table.Rows) != 2 ||
		!reflect.DeepEqual(p.Response.Table.Rows, ref.Response.Table.Rows[:2]) || p.Response.Type.Text != "ApiResultOfGuid" {
		t.Errorf("response %+v", p.Response)
	}
	if len(p.Samples) != 3 {
		t.Errorf("%d samples, want the 3 request samples", len(p.Samples))
	}

	// Cut inside the first response sample's pre: the sample is left out.
	i := bytes.LastIndex(full, []byte(`&quot;Links&quot;: [`))
	p, err = ParseHTML("cut2.html", full[:i])
	if err != nil || !p.Truncated {
		t.Fatalf("err %v truncated %v", err, p.Truncated)
	}
	if len(p.Samples) != 3 || !reflect.DeepEqual(p.Samples, ref.Samples[:3]) {
		t.Errorf("samples %+v", p.Samples)
	}
	if !reflect.DeepEqual(p.Response, ref.Response) {
		t.Errorf("response differs")
	}

	// Cut right after the h1: the sections are nil.
	i = bytes.Index(full, []byte("<h2>Request Information"))
	p, err = ParseHTML("cut3.html", full[:i])
	if err != nil || !p.Truncated || p.Method != "POST" || p.URIParams != nil || p.Body != nil || p.Response != nil {
		t.Errorf("cut after h1: err %v %+v", err, p)
	}
	if !strings.Contains(p.Diags[0].Message, "missing: URI Parameters, Body Parameters, Resource Description") {
		t.Errorf("diag %s", htmlDiagText(p.Diags))
	}

	// A page cut after its help content (in the footer) is complete.
	i = bytes.Index(full, []byte("<footer>"))
	p, err = ParseHTML("cut4.html", full[:i])
	if err != nil || p.Truncated || len(p.Diags) != 0 || !reflect.DeepEqual(p.Samples, ref.Samples) {
		t.Errorf("cut in footer: err %v truncated %v %s", err, p.Truncated, htmlDiagText(p.Diags))
	}

	// The stored truncated page.
	tp := filepath.Join(htmlHandmade, "truncated-model.html")
	b, err := os.ReadFile(tp)
	if err != nil {
		t.Fatal(err)
	}
	p, err = ParseHTML(tp, b)
	if err != nil || !p.Truncated || p.Kind != PageModel || p.ModelName != "BookAppointmentCommand" || p.Members == nil || len(p.Members.Rows) != 6 {
		t.Errorf("truncated model: err %v %+v", err, p)
	}

	// Every cut point of every page: no panic; rows and samples kept are
	// those of the full page.
	for _, f := range htmlCorpusFiles(t) {
		full, _ := os.ReadFile(f)
		ref, _ := ParseHTML(f, full)
		for n := 0; n < len(full); n += 97 {
			p, err := ParseHTML(f, full[:n])
			if err != nil {
				continue
			}
			if p.Kind != ref.Kind {
				if p.Truncated {
					continue // e.g. an Api page cut before its h2s reads as a model page
				}
				t.Errorf("%s cut at %d: kind %v", f, n, p.Kind)
				continue
			}
			for i, s := range p.Samples {
				if i >= len(ref.Samples) || !reflect.DeepEqual(s, ref.Samples[i]) {
					t.Errorf("%s cut at %d: sample %d differs", f, n, i)
				}
			}
			for _, pair := range [][2]*Section{{p.URIParams, ref.URIParams}, {p.Body, ref.Body}, {p.Response, ref.Response}} {
				if pair[0] != nil && pair[0].Table != nil {
					for i, r := range pair[0].Table.Rows {
						if !reflect.DeepEqual(r, pair[1].Table.Rows[i]) {
							t.Errorf("%s cut at %d: row %d differs", f, n, i)
						}
					}
				}
			}
			for i, r := range p.Enum {
				if !reflect.DeepEqual(r, ref.Enum[i]) {
					t.Errorf("%s cut at %d: enum row %d differs", f, n, i)
				}
			}
			for i, r := range p.Index {
				if !reflect.DeepEqual(r, ref.Index[i]) {
					t.Errorf("%s cut at %d: index row %d differs", f, n, i)
				}
			}
		}
	}
}

func htmlLineOffset(b []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			return len(b)
		}
		off += i + 1
	}
	return off
}

func TestParseHTMLGarbage(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	noise := make([]byte, 4096)
	rnd.Read(noise)
	for name, in := range map[string]string{
		"empty":     "",
		"noise":     string(noise),
		"text":      "GET api/values\n\nRequest Information\nURI Parameters\nNone.\n",
		"json":      `{"endpoints": [{"method": "GET"}]}`,
		"plainhtml": "<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Hello</p><table><tr><td>x</td></tr></table></body></html>",
		"lt":        "<<<<>>>></</</<!--",
		"tags":      "<h1></h1><h2><h3><table class=\"help-page-table\"><tr><td class=\"parameter-name\">",
	} {
		p, err := ParseHTML(name, []byte(in))
		if err == nil || p == nil || p.Kind != PageUnknown {
			t.Errorf("%s: kind %v err %v", name, p.Kind, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), name+":") {
			t.Errorf("%s: error %q lacks the source", name, err)
		}
	}
	// Deep nesting and mis-nesting do not break anything.
	deep := strings.Repeat("<div><b><i>", 20000) + "<h1>GET api/x</h1>" + strings.Repeat("</b></div>", 100)
	if p, _ := ParseHTML("deep", []byte(deep)); p == nil {
		t.Error("deep: nil page")
	}
}

func TestCollapseSpace(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"a":                    "a",
		"a b":                  "a b",
		" a":                   "a",
		"a ":                   "a",
		"a  b":                 "a b",
		"\r\n  a\tb \n":        "a b",
		"x\u00a0 y":            "x\u00a0 y",
		"Dictionary of a\nand": "Dictionary of a and",
	} {
		if got := htmlCollapse(in); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/Help/ResourceModel?modelName=A%2BB":       "A+B",
		"/app/Help/ResourceModel?x=1&modelname=C#t": "C",
		"/Help/ResourceModel?modelName=D+E":         "D+E",
	} {
		if got, ok := htmlModelLink(in); !ok || got != want {
			t.Errorf("modelLink(%q) = %q", in, got)
		}
	}
	if got := htmlAPIID("/app/Help/Api/GET-api-Values_id_f-Name"); got != "GET-api-Values_id_f-Name" {
		t.Errorf("apiIDFromHref: %q", got)
	}
}

func BenchmarkParseHTMLCorpus(b *testing.B) {
	files := htmlCorpusFiles(b)
	data := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data[i]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range data {
			if _, err := ParseHTML(files[j], d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "pages/s")
}
