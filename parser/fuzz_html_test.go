package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseHTML checks that ParseHTML never panics and keeps its promises
// on any input: a page always, an error only for PageUnknown, lines inside
// the input.
func FuzzParseHTML(f *testing.F) {
	for _, pat := range []string{filepath.Join(htmlTestdata, "*.html"), filepath.Join(htmlTestdata, "*", "*.html"), filepath.Join(htmlHandmade, "*.html")} {
		files, err := filepath.Glob(pat)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("<h1>GET api/x</h1><h3>Body Parameters</h3><p></p>Collection of <a href=\"?modelName=A%2\">A</a><p>None.</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseHTML("fuzz.html", data)
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
		check("page", p.Line)
		for _, s := range []*Section{p.URIParams, p.Body, p.Response} {
			if s == nil {
				continue
			}
			check("section", s.Line)
			if s.Table != nil {
				check("table", s.Table.Line)
				for _, r := range s.Table.Rows {
					check("row", r.Line)
				}
			}
		}
		for _, s := range p.Samples {
			check("sample", s.Line)
			if s.Direction != "request" && s.Direction != "response" {
				t.Fatalf("sample direction %q", s.Direction)
			}
			switch s.Kind {
			case "text", "invalid", "unavailable", "image":
			default:
				t.Fatalf("sample kind %q", s.Kind)
			}
		}
		for _, r := range p.Enum {
			check("enum row", r.Line)
		}
		for _, e := range p.Index {
			check("index row", e.Line)
		}
		if p.Members != nil {
			for _, r := range p.Members.Rows {
				check("member row", r.Line)
			}
		}
	})
}
