package parser_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/helpgen/helpgen/internal/buildcheck"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

var update = flag.Bool("update", false, "rewrite the want.spec.json sections of testdata/cases/*.txtar")

// TestCases: every case parses to its want.spec.json (go test -update
// rewrites them; review the diff).
func TestCases(t *testing.T) {
	for _, c := range buildcheck.LoadCases(t, "testdata/cases") {
		t.Run(c.Name, func(t *testing.T) {
			s := parser.Parse(c.Inputs)
			got, err := spec.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			var want *txtar.File
			for i := range c.Archive.Files {
				if c.Archive.Files[i].Name == "want.spec.json" {
					want = &c.Archive.Files[i]
				}
			}
			if *update {
				if want == nil {
					c.Archive.Files = append(c.Archive.Files, txtar.File{Name: "want.spec.json"})
					want = &c.Archive.Files[len(c.Archive.Files)-1]
				}
				want.Data = got
				if err := os.WriteFile(c.Path, txtar.Format(c.Archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("no want.spec.json section (go test -update writes it)")
			}
			if !bytes.Equal(got, want.Data) {
				t.Errorf("spec differs from want.spec.json (go test ./parser -run TestCases -update, then review):\n%s", lineDiff(string(want.Data), string(got)))
			}
			// The same pages under names that sort the other way round give
			// the same spec: which copy of a description wins is decided by
			// what the pages say, never by file order.
			n := len(c.Inputs)
			renamed := make([]parser.Input, n)
			var back []string
			for i, in := range c.Inputs {
				name := fmt.Sprintf("%02d-%s", n-1-i, in.Source)
				renamed[i] = parser.Input{Source: name, Data: in.Data}
				back = append(back, name, in.Source)
			}
			again, _ := spec.Marshal(parser.Parse(renamed))
			again = []byte(strings.NewReplacer(back...).Replace(string(again)))
			var a, b spec.Spec
			if json.Unmarshal(again, &a) != nil || json.Unmarshal(got, &b) != nil {
				t.Fatal("spec JSON does not read back")
			}
			a.Normalize()
			b.Normalize()
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Errorf("the spec depends on the order of the files:\n%s", lineDiff(string(got), string(again)))
			}
		})
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n   got: " + gl + "\n")
			if n++; n >= 8 {
				break
			}
		}
	}
	return b.String()
}
