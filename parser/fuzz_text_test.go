package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/helpgen/helpgen/spec"
)

// FuzzParseText checks that ParseText never panics and keeps its promises
// on any input: a page always, an error only for PageUnknown, lines inside
// the input, known sample kinds and directions, one-line texts where the
// HTML extractor gives collapsed ones, no "None." annotations, and a
// warning with a line whenever Truncated is set.
func FuzzParseText(f *testing.F) {
	var files []string
	for _, pat := range []string{"*/*/*.txt", "truncated/*.txt"} {
		m, err := filepath.Glob(filepath.Join(textTestdata, pat))
		if err != nil {
			f.Fatal(err)
		}
		files = append(files, m...)
	}
	seed, _ := filepath.Glob("../pages/seed/*.txt")
	files = append(files, seed...)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), b)
	}
	f.Add("ResourceModel?modelName=A%2BB.txt", []byte("Possible enumeration values:\nNameValueDescription\nA\n\n1"))
	f.Add("x.txt", []byte("GET api/x\nRequest Information\nBody Parameters\nXNone.\nRequest Formats\napplication/jsonSample:\n{"))
	f.Add("x.txt", []byte("| Name | Description | Type | Additional information |\n| a | b |\n|\n|\n| c"))
	f.Add("", []byte(""))
	// Found by fuzzing: two pre-5.1 "Parameters" tables.
	f.Add("0", []byte("AAA 0\nPArAmeters\nNameDescriptionTypeAdditional information\nPArAmeters\nNameDescriptionAdditional information\n0\nResponse FormAts"))
	f.Fuzz(func(t *testing.T, source string, data []byte) {
		start := time.Now()
		p, err := ParseText(source, data)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("ParseText took %v on %d bytes", d, len(data))
		}
		if p == nil {
			t.Fatal("nil page")
		}
		if err != nil && p.Kind != PageUnknown {
			t.Fatalf("error %v with kind %v", err, p.Kind)
		}
		if err == nil && p.Kind == PageUnknown {
			t.Fatal("PageUnknown without an error")
		}
		last := strings.Count(string(data), "\n") + 1
		check := func(what string, line int) {
			if line < 0 || line > last {
				t.Fatalf("%s line %d outside 1..%d", what, line, last)
			}
		}
		oneLine := func(what, s string) {
			if strings.ContainsAny(s, "\n\r\t\f") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
				t.Fatalf("%s %q not collapsed", what, s)
			}
		}
		rows := func(what string, tb *Table) {
			if tb == nil {
				return
			}
			check(what+" table", tb.Line)
			for _, r := range tb.Rows {
				check(what+" row", r.Line)
				if (r.Name == "") != r.NameLost {
					t.Fatalf("%s row: name %q, NameLost %v (a row without a name is a lost name)", what, r.Name, r.NameLost)
				}
				oneLine(what+" row name", r.Name)
				oneLine(what+" row doc", r.Doc)
				oneLine(what+" row type", r.Type.Text)
				for _, a := range r.Annotations {
					if a == "" || a == htmlNone {
						t.Fatalf("%s row %q: annotation %q", what, r.Name, a)
					}
					oneLine(what+" annotation", a)
				}
			}
		}
		check("page", p.Line)
		oneLine("doc", p.Doc)
		oneLine("relative path", p.RelativePath)
		for _, s := range []*Section{p.URIParams, p.Body, p.Response} {
			if s == nil {
				continue
			}
			check("section", s.Line)
			oneLine("section doc", s.Doc)
			oneLine("section type", s.Type.Text)
			if s.None && (s.Table != nil || s.Type.Text != "") {
				t.Fatalf("section None with a table or type: %+v", s)
			}
			rows("section", s.Table)
		}
		rows("members", p.Members)
		for _, s := range p.Samples {
			check("sample", s.Line)
			if s.Direction != "request" && s.Direction != "response" {
				t.Fatalf("sample direction %q", s.Direction)
			}
			switch s.Kind {
			case "text", "invalid":
			case "unavailable":
				if s.Text != "" {
					t.Fatalf("unavailable sample with text %q", s.Text)
				}
			default:
				t.Fatalf("sample kind %q", s.Kind)
			}
			if len(s.MediaTypes) == 0 {
				t.Fatal("sample without media types")
			}
			for _, mt := range s.MediaTypes {
				if mt == "" || !strings.Contains(mt, "/") {
					t.Fatalf("media type %q", mt)
				}
			}
		}
		for _, r := range p.Enum {
			check("enum row", r.Line)
			if r.Name == "" {
				t.Fatal("enum row without a name")
			}
			oneLine("enum name", r.Name)
			oneLine("enum value", r.Value)
			oneLine("enum doc", r.Doc)
		}
		for _, e := range p.Index {
			check("index row", e.Line)
			oneLine("index path", e.RelativePath)
		}
		if p.Kind == PageModel {
			oneLine("model name", p.ModelName)
			oneLine("simple", p.Simple)
		}
		warned := false
		for _, d := range p.Diags {
			if d.Severity == spec.Warning && strings.Contains(d.Message, "truncated") && strings.HasSuffix(d.Source, ":"+itoa(htmlLastLine(data))) {
				warned = true
			}
		}
		if p.Truncated != warned {
			t.Fatalf("Truncated=%v but truncation warning at the last line=%v: %s", p.Truncated, warned, htmlDiagText(p.Diags))
		}
		// Build takes any page.
		start = time.Now()
		Build([]*Page{p})
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Build took %v on the page of %d bytes", d, len(data))
		}
	})
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
