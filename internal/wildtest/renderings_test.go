package wildtest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// TestRenderingsAgree: a page's other renderings (<site>/rendering-2/, a
// scraper's other layout of the same URL) give the spec its first
// rendering gives: the same endpoints and types, line numbers and
// diagnostics aside.
func TestRenderingsAgree(t *testing.T) {
	dir := corpusDir(t)
	if _, err := os.Stat(filepath.Join(dir, "index.tsv")); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("wild corpus not found at %s (%s=1)", dir, RequireEnv)
		}
		t.Skipf("wild corpus not found at %s", dir)
	}
	others, err := filepath.Glob(filepath.Join(dir, "*", "rendering-*", "*"))
	if err != nil || len(others) == 0 {
		t.Fatalf("no renderings under %s (%v)", dir, err)
	}
	for _, other := range others {
		first := filepath.Join(filepath.Dir(filepath.Dir(other)), filepath.Base(other))
		rel, _ := filepath.Rel(dir, other)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			want, wantCut := renderingSpec(t, first)
			got, gotCut := renderingSpec(t, other)
			var diffs []string
			agree("spec", want, got, wantCut || gotCut, &diffs)
			if len(diffs) > 0 && (lossy(t, first) || lossy(t, other)) {
				// A rendering that lost a row (and says so) shifts the
				// members after it: compare what both have, orders aside.
				diffs = nil
				agree("spec", dropOrders(want), dropOrders(got), true, &diffs)
			}
			if len(diffs) > 0 {
				t.Errorf("the spec differs from the first rendering's:\n  %s", strings.Join(diffs, "\n  "))
			}
		})
	}
}

// agree compares two renderings' specs. Each text was cut by the store at
// its own length, so where one is cut, what only one has is no difference;
// what both have must be the same. Objects in arrays pair by "id" or
// "name"; sample texts compare with white space collapsed, and a debug
// warning (invalid) equals the unavailable sample a pipe layout leaves.
func agree(path string, a, b any, cut bool, out *[]string) {
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			*out = append(*out, path+": not an object in both")
			return
		}
		if k, _ := av["kind"].(string); k == "invalid" || k == "unavailable" {
			if k2, _ := bv["kind"].(string); k2 == "invalid" || k2 == "unavailable" {
				return
			}
		}
		for k, x := range av {
			y, ok := bv[k]
			if !ok {
				if !cut {
					*out = append(*out, path+"."+k+": only in the first rendering")
				}
				continue
			}
			if k == "text" || k == "doc" {
				xs, _ := x.(string)
				ys, _ := y.(string)
				xs, ys = sampleNoise(xs), sampleNoise(ys)
				if xs != ys && !(cut && (strings.HasPrefix(xs, ys) || strings.HasPrefix(ys, xs))) {
					*out = append(*out, fmt.Sprintf("%s.%s: %.80q vs %.80q", path, k, xs, ys))
				}
				continue
			}
			agree(path+"."+k, x, y, cut, out)
		}
	case []any:
		bv, _ := b.([]any)
		keyed := func(l []any) map[string]any {
			m := map[string]any{}
			for i, x := range l {
				o, ok := x.(map[string]any)
				if !ok {
					return nil
				}
				key := fmt.Sprint(o["id"], o["name"], o["direction"], o["mediaTypes"], o["value"])
				if key == "<nil> <nil> <nil> <nil> <nil>" {
					key = fmt.Sprint(i)
				}
				m[key] = x
			}
			return m
		}
		am, bm := keyed(av), keyed(bv)
		if am == nil || bm == nil {
			if !reflect.DeepEqual(a, b) && !cut {
				*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, a, b))
			}
			return
		}
		for k, x := range am {
			if y, ok := bm[k]; ok {
				agree(path+"["+k+"]", x, y, cut, out)
			} else if !cut {
				*out = append(*out, path+"["+k+"]: only in the first rendering")
			}
		}
		for k := range bm {
			if _, ok := am[k]; !ok && !cut {
				*out = append(*out, path+"["+k+"]: only in the other rendering")
			}
		}
	default:
		if !reflect.DeepEqual(a, b) {
			*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, a, b))
		}
	}
}

// renderingSpec parses one page alone and keeps what a rendering must not
// change: endpoints and types, without sources.
func renderingSpec(t *testing.T, path string) (any, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := parser.ParsePage(filepath.Base(path), data)
	cut := p != nil && p.Truncated
	s := parser.Parse([]parser.Input{{Source: filepath.Base(path), Data: data}})
	s.Diagnostics = nil
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
	strip(v)
	return v, cut
}

var (
	guidRE = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	dateRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?`)
)

// sampleNoise collapses white space and the values the sample generator
// makes anew on every start (GUIDs, the time): renderings scraped at two
// times differ in those alone.
func sampleNoise(s string) string {
	s = guidRE.ReplaceAllString(s, "GUID")
	s = dateRE.ReplaceAllString(s, "DATE")
	return strings.Join(strings.Fields(s), " ")
}

// lossy reports whether a page's own diagnostics say a row was lost.
func lossy(t *testing.T, path string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := parser.Parse([]parser.Input{{Source: filepath.Base(path), Data: data}})
	for _, d := range s.Diagnostics {
		if strings.Contains(d.Message, "lost its name cell") || strings.Contains(d.Message, "left out") {
			return true
		}
	}
	return false
}

// dropOrders removes member positions.
func dropOrders(v any) any {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "order")
		for _, c := range v {
			dropOrders(c)
		}
	case []any:
		for _, c := range v {
			dropOrders(c)
		}
	}
	return v
}
