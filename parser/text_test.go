package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/helpgen/helpgen/spec"
)

// The text corpus (a copy of the clinic corpus text/ folder): the same
// pages as ../pages/clinic in three scraper layouts, plus truncated copies.
const textTestdata = "testdata/text"

var textLayouts = []string{"pipe", "pipe-noleading", "flat"}

// textCorpusFiles lists the text renderings of one layout, relative to
// the layout folder ("Api/X.txt", "ResourceModel/Y.txt").
func textCorpusFiles(t testing.TB, layout string) []string {
	var out []string
	for _, dir := range []string{"Api", "ResourceModel"} {
		files, err := filepath.Glob(filepath.Join(textTestdata, layout, dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			out = append(out, dir+"/"+filepath.Base(f))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no text corpus in %s/%s", textTestdata, layout)
	}
	sort.Strings(out)
	return out
}

func textParseFile(t testing.TB, path string) *Page {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseText(path, b)
	if err != nil {
		t.Fatalf("ParseText(%s): %v", path, err)
	}
	return p
}

func textParseHTMLFile(t testing.TB, path string) *Page {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseHTML(path, b)
	if err != nil {
		t.Fatalf("ParseHTML(%s): %v", path, err)
	}
	return p
}

// textPipeLayout: the pipe layouts collapse sample indentation (or the
// whole sample to one line) and drop debug warnings.
func textPipeLayout(layout string) bool { return strings.HasPrefix(layout, "pipe") }

// textSpace collapses every run of white space to one space.
func textSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// textCarried reduces an HTML page to what its text rendering in layout
// can carry. What is left out, and why:
//   - Source, Line fields, Diags: they name the file read.
//   - TypeText.Links: text has no links (the link text stays in Text).
//   - ModelDoc and the model page's Line: a ResourceModel text holds only
//     section.main-content (the table), not the h1 and summary above it.
//   - image samples: an img has no text.
//   - pipe layouts: a debug warning (div.warning-message-container) is
//     dropped, so an invalid sample reads as an empty "Sample:", which is
//     an unavailable one; and sample texts lose their indentation or are
//     collapsed to one line, so they are compared with white space
//     collapsed.
func textCarried(p *Page, layout string) *Page {
	c := *p
	c.Source, c.Line, c.Diags = "", 0, nil
	c.ModelDoc = ""
	sec := func(s *Section) *Section {
		if s == nil {
			return nil
		}
		n := *s
		n.Line = 0
		n.Type.Links = nil
		n.Table = textCarriedTable(s.Table)
		return &n
	}
	c.URIParams, c.Body, c.Response = sec(p.URIParams), sec(p.Body), sec(p.Response)
	c.Members = textCarriedTable(p.Members)
	c.Samples = nil
	for _, s := range p.Samples {
		if s.Kind == "image" {
			continue
		}
		n := *s
		n.Line = 0
		if textPipeLayout(layout) {
			if n.Kind == "invalid" {
				n.Kind, n.Text = "unavailable", ""
			}
			n.Text = textSpace(n.Text)
		}
		c.Samples = append(c.Samples, &n)
	}
	c.Enum = nil
	for _, e := range p.Enum {
		n := *e
		n.Line = 0
		c.Enum = append(c.Enum, &n)
	}
	c.Index = nil
	for _, e := range p.Index {
		n := *e
		n.Line = 0
		c.Index = append(c.Index, &n)
	}
	return &c
}

func textCarriedTable(t *Table) *Table {
	if t == nil {
		return nil
	}
	n := &Table{}
	for _, r := range t.Rows {
		m := *r
		m.Line = 0
		m.Type.Links = nil
		n.Rows = append(n.Rows, &m)
	}
	return n
}

// textPageDiff lists the differences between two pages, field by field.
func textPageDiff(got, want *Page) []string {
	var d []string
	add := func(format string, args ...any) { d = append(d, fmt.Sprintf(format, args...)) }
	str := func(what, g, w string) {
		if g != w {
			add("%s: got %q, want %q", what, g, w)
		}
	}
	if got.Kind != want.Kind {
		add("Kind: got %v, want %v", got.Kind, want.Kind)
	}
	str("Method", got.Method, want.Method)
	str("RelativePath", got.RelativePath, want.RelativePath)
	str("Doc", got.Doc, want.Doc)
	if got.Truncated != want.Truncated {
		add("Truncated: got %v, want %v", got.Truncated, want.Truncated)
	}
	table := func(what string, g, w *Table) {
		if (g == nil) != (w == nil) {
			add("%s: got %v, want %v", what, textTableString(g), textTableString(w))
			return
		}
		if g == nil {
			return
		}
		for i := 0; i < len(g.Rows) || i < len(w.Rows); i++ {
			switch {
			case i >= len(g.Rows):
				add("%s row %d (%s): missing", what, i, w.Rows[i].Name)
			case i >= len(w.Rows):
				add("%s row %d (%s): extra", what, i, g.Rows[i].Name)
			default:
				gr, wr := g.Rows[i], w.Rows[i]
				where := fmt.Sprintf("%s row %d (%s)", what, i, wr.Name)
				str(where+" Name", gr.Name, wr.Name)
				str(where+" Doc", gr.Doc, wr.Doc)
				str(where+" Type", gr.Type.Text, wr.Type.Text)
				if !reflect.DeepEqual(gr.Annotations, wr.Annotations) {
					add("%s Annotations: got %q, want %q", where, gr.Annotations, wr.Annotations)
				}
			}
		}
	}
	section := func(what string, g, w *Section) {
		if (g == nil) != (w == nil) {
			add("%s: got %v, want %v", what, g != nil, w != nil)
			return
		}
		if g == nil {
			return
		}
		if g.None != w.None {
			add("%s None: got %v, want %v", what, g.None, w.None)
		}
		str(what+" Doc", g.Doc, w.Doc)
		str(what+" Type", g.Type.Text, w.Type.Text)
		table(what+" table", g.Table, w.Table)
	}
	section("URI Parameters", got.URIParams, want.URIParams)
	section("Body Parameters", got.Body, want.Body)
	section("Resource Description", got.Response, want.Response)
	for i := 0; i < len(got.Samples) || i < len(want.Samples); i++ {
		switch {
		case i >= len(got.Samples):
			add("sample %d (%s %v): missing", i, want.Samples[i].Direction, want.Samples[i].MediaTypes)
		case i >= len(want.Samples):
			add("sample %d (%s %v): extra", i, got.Samples[i].Direction, got.Samples[i].MediaTypes)
		default:
			g, w := got.Samples[i], want.Samples[i]
			where := fmt.Sprintf("sample %d (%s %v)", i, w.Direction, w.MediaTypes)
			str(where+" Direction", g.Direction, w.Direction)
			if !reflect.DeepEqual(g.MediaTypes, w.MediaTypes) {
				add("%s MediaTypes: got %q, want %q", where, g.MediaTypes, w.MediaTypes)
			}
			str(where+" Kind", g.Kind, w.Kind)
			if g.Text != w.Text {
				add("%s Text differs:\n  got  %s\n  want %s", where, textAround(g.Text, w.Text), textAround(w.Text, g.Text))
			}
		}
	}
	str("ModelName", got.ModelName, want.ModelName)
	str("ModelDoc", got.ModelDoc, want.ModelDoc)
	table("Members", got.Members, want.Members)
	if got.IsEnum != want.IsEnum {
		add("IsEnum: got %v, want %v", got.IsEnum, want.IsEnum)
	}
	for i := 0; i < len(got.Enum) || i < len(want.Enum); i++ {
		switch {
		case i >= len(got.Enum):
			add("enum row %d (%s): missing", i, want.Enum[i].Name)
		case i >= len(want.Enum):
			add("enum row %d (%s): extra", i, got.Enum[i].Name)
		default:
			g, w := *got.Enum[i], *want.Enum[i]
			g.Line, w.Line = 0, 0
			if g != w {
				add("enum row %d: got %+v, want %+v", i, g, w)
			}
		}
	}
	str("Simple", got.Simple, want.Simple)
	return d
}

func textTableString(t *Table) string {
	if t == nil {
		return "no table"
	}
	return fmt.Sprintf("a table of %d rows", len(t.Rows))
}

// textAround shows a's text around its first difference with b.
func textAround(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from, to := max(0, i-40), min(len(a), i+40)
	return fmt.Sprintf("…%q… (at byte %d of %d)", a[from:to], i, len(a))
}

func textReportDiff(t *testing.T, what string, d []string) {
	t.Helper()
	if len(d) == 0 {
		return
	}
	if len(d) > 25 {
		d = append(d[:25], fmt.Sprintf("and %d more", len(d)-25))
	}
	t.Errorf("%s: %d differences from the HTML page:\n  %s", what, len(d), strings.Join(d, "\n  "))
}

// TestParseTextMatchesHTML: every text rendering, in every layout, gives
// the Page the HTML extractor gives for the same page, on what text can
// carry.
func TestParseTextMatchesHTML(t *testing.T) {
	for _, layout := range textLayouts {
		t.Run(layout, func(t *testing.T) {
			files := textCorpusFiles(t, layout)
			if len(files) != 43 {
				t.Errorf("%d text files, want 43 (18 Api + 25 ResourceModel)", len(files))
			}
			for _, rel := range files {
				htmlPath := filepath.Join(htmlTestdata, strings.TrimSuffix(rel, ".txt")+".html")
				if _, err := os.Stat(htmlPath); err != nil {
					t.Errorf("%s: no HTML page %s", rel, htmlPath)
					continue
				}
				got := textParseFile(t, filepath.Join(textTestdata, layout, rel))
				if got.Truncated || len(got.Diags) > 0 {
					t.Errorf("%s/%s: complete page read as truncated=%v, diagnostics %s", layout, rel, got.Truncated, htmlDiagText(got.Diags))
				}
				want := textCarried(textParseHTMLFile(t, htmlPath), layout)
				textReportDiff(t, layout+"/"+rel, textPageDiff(textCarried(got, layout), want))
			}
		})
	}
}

// TestParseTextLines: lines point at what they name.
func TestParseTextLines(t *testing.T) {
	for _, layout := range textLayouts {
		rel := "Api/POST-api-v1-clinics-clinicId-appointments.txt"
		path := filepath.Join(textTestdata, layout, rel)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		at := func(n int) string {
			if n < 1 || n > len(lines) {
				return fmt.Sprintf("<line %d outside 1..%d>", n, len(lines))
			}
			return lines[n-1]
		}
		p := textParseFile(t, path)
		checks := []struct {
			what string
			line int
			want string
		}{
			{"title", p.Line, "POST api/v1/clinics/{clinicId}/appointments"},
			{"URI Parameters", p.URIParams.Line, "URI Parameters"},
			{"Body Parameters", p.Body.Line, "Body Parameters"},
			{"Resource Description", p.Response.Line, "Resource Description"},
			{"first body row", p.Body.Table.Rows[0].Line, "PatientId"},
			{"last response row", p.Response.Table.Rows[len(p.Response.Table.Rows)-1].Line, "ValidationErrors"},
			{"first sample", p.Samples[0].Line, "application/json, text/json"},
			{"form sample", p.Samples[2].Line, "application/x-www-form-urlencoded"},
		}
		for _, c := range checks {
			if got := at(c.line); !strings.Contains(got, c.want) {
				t.Errorf("%s %s: line %d is %q, want it to hold %q", layout, c.what, c.line, got, c.want)
			}
		}
	}
}

// textSpecJSON marshals a spec for comparison: file names (endpoint
// source, type sources, diagnostic sources) differ between the HTML and
// text corpora and are left out; diagnostics are compared by message.
func textSpecJSON(t *testing.T, s *spec.Spec) any {
	t.Helper()
	b, err := spec.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(v any)
	strip = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "source")
			delete(v, "sources")
			for _, c := range v {
				strip(c)
			}
		case []any:
			for _, c := range v {
				strip(c)
			}
		}
	}
	m := v.(map[string]any)
	if ds, ok := m["diagnostics"].([]any); ok {
		var msgs []string
		for _, d := range ds {
			dm := d.(map[string]any)
			msgs = append(msgs, fmt.Sprint(dm["severity"], ": ", dm["message"]))
		}
		sort.Strings(msgs)
		m["diagnostics"] = msgs
	}
	strip(v)
	return v
}

// textJSONDiff lists the paths where two JSON values differ.
func textJSONDiff(path string, got, want any, out *[]string) {
	if len(*out) > 40 {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: got %v, want an object", path, got))
			return
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		var ks []string
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			textJSONDiff(path+"."+k, g[k], w[k], out)
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: got %v, want an array", path, got))
			return
		}
		if len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: got %d items, want %d", path, len(g), len(w)))
		}
		for i := 0; i < len(g) && i < len(w); i++ {
			textJSONDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], out)
		}
	default:
		if !reflect.DeepEqual(got, want) {
			gs, ws := fmt.Sprint(got), fmt.Sprint(want)
			if len(gs) > 200 || len(ws) > 200 {
				gs, ws = textAround(gs, ws), textAround(ws, gs)
			}
			*out = append(*out, fmt.Sprintf("%s: got %s, want %s", path, gs, ws))
		}
	}
}

// TestBuildTextMatchesHTML: Build over one layout's texts gives the spec
// Build gives over the HTML pages, once the HTML pages are reduced to what
// text carries (textCarried: no model documentation, no links; in the pipe
// layouts no debug warnings and sample white space collapsed). The text
// corpus has no index rendering, so the HTML index is left out on both
// sides (it gives endpoints their controller).
func TestBuildTextMatchesHTML(t *testing.T) {
	for _, layout := range textLayouts {
		t.Run(layout, func(t *testing.T) {
			var htmlPages, textPages []*Page
			for _, rel := range textCorpusFiles(t, layout) {
				hp := textParseHTMLFile(t, filepath.Join(htmlTestdata, strings.TrimSuffix(rel, ".txt")+".html"))
				hc := textCarried(hp, layout)
				hc.Source, hc.Line = hp.Source, hp.Line
				htmlPages = append(htmlPages, hc)
				tp := textParseFile(t, filepath.Join(textTestdata, layout, rel))
				if textPipeLayout(layout) {
					for _, s := range tp.Samples {
						s.Text = textSpace(s.Text)
					}
				}
				textPages = append(textPages, tp)
			}
			want := textSpecJSON(t, Build(htmlPages))
			got := textSpecJSON(t, Build(textPages))
			var d []string
			textJSONDiff("spec", got, want, &d)
			if len(d) > 0 {
				t.Errorf("Build over the %s texts differs from Build over the HTML pages:\n  %s", layout, strings.Join(d, "\n  "))
			}
		})
	}
}

// TestParseTextTruncated: a text cut at 2000 bytes keeps what comes before
// the cut, equal to the complete text's, and says where it was cut.
func TestParseTextTruncated(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(textTestdata, "truncated", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 9 {
		t.Fatalf("%d truncated texts, want 9", len(files))
	}
	for _, f := range files {
		base := filepath.Base(f)
		layout, rest, _ := strings.Cut(base, "_")
		rel := strings.Replace(rest, "_", "/", 1) // Api_X.txt -> Api/X.txt
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		last := strings.Count(string(b), "\n") + 1
		p := textParseFile(t, f)
		full := textParseFile(t, filepath.Join(textTestdata, layout, rel))
		if p.Kind != PageAPI || p.Method != full.Method || p.RelativePath != full.RelativePath {
			t.Errorf("%s: %v %s %s, want the Api page %s %s", base, p.Kind, p.Method, p.RelativePath, full.Method, full.RelativePath)
		}
		if !p.Truncated {
			t.Errorf("%s: Truncated not set", base)
		}
		var warn *spec.Diagnostic
		for _, d := range p.Diags {
			if d.Severity == spec.Warning && strings.Contains(d.Message, "truncated") {
				warn = d
			}
		}
		if want := fmt.Sprintf("%s:%d", f, last); warn == nil || warn.Source != want {
			t.Errorf("%s: want a truncation warning at %s, got %s", base, want, htmlDiagText(p.Diags))
		} else {
			t.Logf("%s: %s", base, warn)
		}
		// What the cut text holds equals the complete text's.
		var d []string
		if p.Doc != full.Doc {
			d = append(d, fmt.Sprintf("Doc: got %q, want %q", p.Doc, full.Doc))
		}
		for _, s := range []struct {
			what    string
			got, in *Section
		}{{"URI Parameters", p.URIParams, full.URIParams}, {"Body Parameters", p.Body, full.Body}, {"Resource Description", p.Response, full.Response}} {
			if s.got == nil {
				continue
			}
			gp, wp := &Page{URIParams: s.got}, &Page{URIParams: s.in}
			if s.got.Table != nil && s.in.Table != nil && len(s.got.Table.Rows) < len(s.in.Table.Rows) {
				// The cut went through the table: its rows are a prefix.
				wt := *s.in.Table
				wt.Rows = wt.Rows[:len(s.got.Table.Rows)]
				ws := *s.in
				ws.Table = &wt
				wp.URIParams = &ws
			}
			for _, x := range textPageDiff(textCarried(gp, layout), textCarried(wp, layout)) {
				d = append(d, s.what+": "+x)
			}
		}
		if len(p.Samples) > len(full.Samples) {
			d = append(d, fmt.Sprintf("%d samples, the complete text has %d", len(p.Samples), len(full.Samples)))
		} else {
			gp := &Page{Samples: p.Samples}
			wp := &Page{Samples: full.Samples[:len(p.Samples)]}
			d = append(d, textPageDiff(textCarried(gp, layout), textCarried(wp, layout))...)
		}
		textReportDiff(t, base, d)
		if p.URIParams == nil {
			t.Errorf("%s: URI Parameters lost", base)
		}
	}
}

// TestParseTextCutEverywhere cuts complete texts at every line and checks
// that the result is a prefix of the complete page, marked truncated when
// a section is missing.
func TestParseTextCutEverywhere(t *testing.T) {
	for _, layout := range textLayouts {
		for _, rel := range []string{"Api/POST-api-v1-clinics-clinicId-appointments.txt", "Api/GET-api-v1-system-clock.txt"} {
			b, err := os.ReadFile(filepath.Join(textTestdata, layout, rel))
			if err != nil {
				t.Fatal(err)
			}
			full, _ := ParseText("full", b)
			for i := 1; i < len(b); i++ {
				if b[i-1] != '\n' && i%97 != 0 {
					continue
				}
				p, err := ParseText("cut", b[:i])
				if err != nil || p.Kind != PageAPI {
					t.Errorf("%s/%s cut at %d: kind %v, error %v", layout, rel, i, p.Kind, err)
					continue
				}
				if p.Response == nil && !p.Truncated && strings.Contains(string(b[:i]), "Request Information") {
					t.Errorf("%s/%s cut at %d: no Resource Description and not truncated", layout, rel, i)
				}
				if len(p.Samples) > len(full.Samples) {
					t.Errorf("%s/%s cut at %d: %d samples", layout, rel, i, len(p.Samples))
				}
				for k, s := range p.Samples {
					if s.Kind == "text" && k < len(full.Samples)-1 && full.Samples[k].Kind == "text" && s.Text != full.Samples[k].Text {
						t.Errorf("%s/%s cut at %d: sample %d kept cut: %q", layout, rel, i, k, s.Text)
					}
				}
			}
		}
	}
}

func TestParseTextModelName(t *testing.T) {
	for in, want := range map[string]string{
		"testdata/text/pipe/ResourceModel/ApiResultOfGuid.txt": "ApiResultOfGuid",
		"ApiResultOfGuid.txt": "ApiResultOfGuid",
		"https://h.example/Help/ResourceModel?modelName=TimeWindow%2BRecurrence": "TimeWindow+Recurrence",
		"cache/ResourceModel?modelName=Com.X.RestApiResultOfSystem.Guid.txt":     "Com.X.RestApiResultOfSystem.Guid",
		"cache/ResourceModel%3FmodelName%3DOuter%252BInner.txt":                  "Outer+Inner",
		"pipe_ResourceModel_ContactPoint.txt":                                    "ContactPoint",
		"https://h.example/Help/ResourceModel?modelName=PagedListOfX&x=1#frag":   "PagedListOfX",
		`C:\cache\ResourceModel\DeliveryAttempt.txt`:                             "DeliveryAttempt",
		"":     "",
		"dir/": "",
		"testdata/text/flat/ResourceModel/Enum%20With%20Space.txt":                       "",
		"https://h.example/Help/ResourceModel?modelName=ApiResultOfListOfPatientSummary": "ApiResultOfListOfPatientSummary",
	} {
		if got := textModelName(in); got != want {
			t.Errorf("textModelName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextSplitAnnotations(t *testing.T) {
	for in, want := range map[string][]string{
		"None.":    nil,
		"Required": {"Required"},
		"Required String length: inclusive between 3 and 200": {"Required", "String length: inclusive between 3 and 200"},
		"Max length: 10 Min length: 1":                        {"Max length: 10", "Min length: 1"},
		"Required Data type: EmailAddress Matching regular expression pattern: ^[A-Z]{2} Range: inclusive between 1 and 9": {
			"Required", "Data type: EmailAddress", "Matching regular expression pattern: ^[A-Z]{2}", "Range: inclusive between 1 and 9"},
		"Default value is Required Max length: 3":              {"Default value is Required Max length: 3"},
		"Range: inclusive between 5 and 240":                   {"Range: inclusive between 5 and 240"},
		"Required\nString length: inclusive between 3 and 200": {"Required", "String length: inclusive between 3 and 200"},
		"Min length: 1 Max length: 10":                         {"Min length: 1 Max length: 10"}, // out of order: one text
		"Custom note":                                          {"Custom note"},
	} {
		if got := textSplitAnnotations(in); !reflect.DeepEqual(got, want) {
			t.Errorf("textSplitAnnotations(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseTextSeed reads the seed page (a real scraped text) and compares
// Build over it with the hand-written seed spec.
func TestParseTextSeed(t *testing.T) {
	files, err := filepath.Glob("../pages/seed/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed page: %v", err)
	}
	p := textParseFile(t, files[0])
	if p.Kind != PageAPI || p.Method != "POST" || p.RelativePath != "api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send" {
		t.Fatalf("seed: %v %s %s", p.Kind, p.Method, p.RelativePath)
	}
	if p.Truncated || len(p.Diags) > 0 {
		t.Errorf("seed: truncated=%v diagnostics %s", p.Truncated, htmlDiagText(p.Diags))
	}
	if p.Doc != "Schedule sending sms as part of visit followups for encounter" {
		t.Errorf("seed doc %q", p.Doc)
	}
	rowNames := func(tb *Table) []string {
		if tb == nil {
			return nil
		}
		var out []string
		for _, r := range tb.Rows {
			out = append(out, r.Name+": "+r.Type.Text+" "+fmt.Sprint(r.Annotations))
		}
		return out
	}
	if got, want := rowNames(p.URIParams.Table), []string{
		"practiceId: globally unique identifier [Required]",
		"encounterId: globally unique identifier [Required]",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("seed URI parameters:\n got %q\nwant %q", got, want)
	}
	if got, want := p.Body.Type.Text, "Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands.SendEncounterRequireFollowupPatientSms"; got != want {
		t.Errorf("seed body type %q", got)
	}
	if got, want := rowNames(p.Body.Table), []string{
		"FollowupWithPatientRegardingVisitOutcomeId: globally unique identifier []",
		"EncounterId: globally unique identifier []",
		"PatientCommunication: Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects.PatientCommunicationVo []",
		"FollowUpReasons: Collection of string []",
		"CorrelationIds: Collection of string []",
		"OriginatedSystem: string []",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("seed body table:\n got %q\nwant %q", got, want)
	}
	if got, want := p.Response.Type.Text, "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiResultOfSystem.Guid"; got != want {
		t.Errorf("seed response type %q", got)
	}
	if got, want := rowNames(p.Response.Table), []string{
		"Sucess: boolean []",
		"ResponseCode: integer []",
		"ResponseMessage: string []",
		"Data: globally unique identifier []",
		"Links: Collection of Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiLink []",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("seed response table:\n got %q\nwant %q", got, want)
	}
	var kinds []string
	for _, s := range p.Samples {
		kinds = append(kinds, fmt.Sprintf("%s %s %s", s.Direction, strings.Join(s.MediaTypes, ","), s.Kind))
	}
	if want := []string{
		"request application/json,text/json text",
		"request application/xml,text/xml text",
		"request application/x-www-form-urlencoded unavailable",
		"response application/json,text/json text",
		"response application/xml,text/xml text",
	}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("seed samples:\n got %q\nwant %q", kinds, want)
	}
	for _, s := range p.Samples {
		if s.Kind == "text" && (!strings.HasPrefix(s.Text, "{") && !strings.HasPrefix(s.Text, "<") || strings.HasSuffix(s.Text, "\n")) {
			t.Errorf("seed sample %v: text %q", s.MediaTypes, textAround(s.Text, ""))
		}
	}

	// Build over the page against the committed spec of out/seed, which
	// helpgen check keeps equal to what parse gives pages/seed: the text
	// rendering must give the same endpoint, types, wire facts and
	// diagnostics (their sources aside).
	b, err := os.ReadFile("../out/seed/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := spec.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	got := Build([]*Page{p})
	var d []string
	textJSONDiff("spec", textSpecJSON(t, got), textSpecJSON(t, want), &d)
	if len(d) > 0 {
		t.Errorf("seed spec differs from out/seed/spec.json:\n  %s", strings.Join(d, "\n  "))
	}
}

// TestParseTextOtherPages: index, error, simple model and pre-5.1 texts,
// which the corpus does not have, written here by hand.
func TestParseTextOtherPages(t *testing.T) {
	index := "ASP.NET Web API Help Page\nIntroduction\nProvide a general description of your APIs here.\n" +
		"Appointments\nBooking and changing appointments.\n| API | Description |\n|---|---|\n" +
		"| GET api/v1/clinics/{clinicId}/appointments?from={from}&to={to} |\nLists appointments. |\n" +
		"| POST api/v1/clinics/{clinicId}/appointments |\nNo documentation available. |\n" +
		"System\nAPI | Description |\n---|---|\nGET api/v1/system/clock |\nServer time. |\n"
	p, err := ParseText("index.txt", []byte(index))
	if err != nil || p.Kind != PageIndex {
		t.Fatalf("index: %v %v", p.Kind, err)
	}
	var got []string
	for _, e := range p.Index {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d", e.Controller, e.ControllerDoc, e.Method, e.RelativePath, e.ApiID, e.Doc, e.Line))
	}
	want := []string{
		"Appointments|Booking and changing appointments.|GET|api/v1/clinics/{clinicId}/appointments?from={from}&to={to}|GET-api-v1-clinics-clinicId-appointments_from_to|Lists appointments.|8",
		"Appointments|Booking and changing appointments.|POST|api/v1/clinics/{clinicId}/appointments|POST-api-v1-clinics-clinicId-appointments||10",
		"System||GET|api/v1/system/clock|GET-api-v1-system-clock|Server time.|15",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("index:\n got %q\nwant %q", got, want)
	}

	p, err = ParseText("err.txt", []byte("Toggle navigation\nApplication name\nError.\nAn error occurred while processing your request.\n© 2025\n"))
	if err != nil || p.Kind != PageError || p.Line != 3 {
		t.Errorf("error page: %v line %d %v", p.Kind, p.Line, err)
	}

	p, err = ParseText("ResourceModel?modelName=Money.txt", []byte("decimal number"))
	if err != nil || p.Kind != PageModel || p.ModelName != "Money" || p.Simple != "decimal number" || p.Members != nil {
		t.Errorf("simple model: %v %q %q %v", p.Kind, p.ModelName, p.Simple, err)
	}
	p, err = ParseText("x/ResourceModel/Empty.txt", []byte("None."))
	if err != nil || p.Kind != PageModel || p.Members == nil || len(p.Members.Rows) != 0 {
		t.Errorf("model without members: %v %+v %v", p.Kind, p.Members, err)
	}
	// A model text that kept the h1 and summary.
	p, err = ParseText("ContactPoint.txt", []byte("ContactPoint\nHow to reach a patient.\n| Name | Description | Type | Additional information |\n|---|---|---|---|\n| Email | string |\nNone. |\n"))
	if err != nil || p.ModelName != "ContactPoint" || p.ModelDoc != "How to reach a patient." || p.Members == nil || len(p.Members.Rows) != 1 || p.Members.Rows[0].Type.Text != "string" {
		t.Errorf("titled model: %+v %v", p, err)
	}

	// IHttpActionResult: the type glued to "None.".
	api := "GET api/x\nRequest Information\nURI Parameters\nNone.\nBody Parameters\nNone.\nResponse Information\nResource Description\nIHttpActionResultNone.\nResponse Formats\napplication/json, text/json, application/xml, text/xml\nSample:\nSample not available.\n"
	p, err = ParseText("x.txt", []byte(api))
	if err != nil || p.Response == nil || p.Response.Type.Text != "IHttpActionResult" || p.Response.Table == nil || p.Response.None ||
		len(p.Samples) != 1 || p.Samples[0].Kind != "unavailable" || len(p.Samples[0].MediaTypes) != 4 || p.Truncated {
		t.Errorf("IHttpActionResult: %+v %+v %v", p.Response, p.Samples, err)
	}

	// A pre-5.1 page.
	old := "POST api/Values/{id}\nUpdates a value.\nParameters\n| Name | Description | Additional information |\n|---|---|---|\n" +
		"| id |\nThe id. |\nDefine this parameter in the request URI. |\n| value |\nThe value. |\nDefine this parameter in the request body. |\n" +
		"Request body formats\napplication/json, text/json\nSample:\n\"sample string 1\"\n"
	p, err = ParseText("old.txt", []byte(old))
	if err != nil || p.URIParams == nil || p.URIParams.Table == nil || len(p.URIParams.Table.Rows) != 1 || p.URIParams.Table.Rows[0].Name != "id" ||
		len(p.URIParams.Table.Rows[0].Annotations) != 0 || p.Body == nil || p.Body.Doc != "The value." || len(p.Samples) != 1 || p.Truncated {
		t.Errorf("pre-5.1 page: %+v %+v %+v %v", p.URIParams, p.Body, p.Samples, err)
	}

	for _, garbage := range []string{"", "\n\n", "hello world", "<html><body><p>x</p></body></html>", "\x00\x01"} {
		p, err := ParseText("g.txt", []byte(garbage))
		if err == nil || p.Kind != PageUnknown {
			t.Errorf("ParseText(%q): %v, %v; want an error", garbage, p.Kind, err)
		}
	}
}

func textAllFiles(t testing.TB) []string {
	var out []string
	for _, pat := range []string{"*/*/*.txt", "truncated/*.txt"} {
		files, err := filepath.Glob(filepath.Join(textTestdata, pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, files...)
	}
	if len(out) == 0 {
		t.Fatal("no text corpus")
	}
	return out
}

func BenchmarkParseTextCorpus(b *testing.B) {
	files := textAllFiles(b)
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
			if _, err := ParseText(files[j], d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(data))/b.Elapsed().Seconds(), "pages/s")
}

// TestParseTextLarge: big and adversarial inputs are read in linear time.
func TestParseTextLarge(t *testing.T) {
	rep := func(s string, n int) []byte { return []byte(strings.Repeat(s, n)) }
	inputs := map[string][]byte{
		"flat table": append([]byte("NameDescriptionTypeAdditional information\n"), rep("A\n\nsome doc\n\nstring\n\nNone.\n\n", 50000)...),
		"pipe cells": append([]byte("| Name | Description | Type | Additional information |\n"), rep("| A |\ndoc\nmore doc\n", 100000)...),
		"samples":    append([]byte("GET api/x\nResponse Formats\n"), rep("application/json\nSample:\n{\n", 100000)...),
		"headings":   rep("Body Parameters\nX| Name | Description | Type | Additional information |\n", 50000),
		"one line":   rep("| a ", 500000),
	}
	for name, data := range inputs {
		start := time.Now()
		p, _ := ParseText(name+".txt", data)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s (%d bytes): %v", name, len(data), d)
		}
		if p == nil {
			t.Errorf("%s: nil page", name)
		}
	}
}
