package parser

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkParsePhases times the parser's phases on a site's pages
// (HELPGEN_BENCH_PAGES=DIR, else pages/clinic): the extraction of the HTML
// and of the text pages (one page after another: CPU time, where Parse
// spreads pages over every core), the merge of the pages into models and
// endpoints, the inference and the writing of the spec; parse-ms is
// Parse's own wall time. For the 1,008-endpoint scaled site:
//
//	HELPGEN_SCALED_PAGES=/tmp/scaled go test ./internal/cli -run TestScaledCorpus -count=1
//	HELPGEN_BENCH_PAGES=/tmp/scaled go test ./parser -run '^$' -bench ParsePhases -benchtime 5x
func BenchmarkParsePhases(b *testing.B) {
	dir := os.Getenv("HELPGEN_BENCH_PAGES")
	if dir == "" {
		dir = filepath.Join("..", "pages", "clinic")
	}
	in, err := ReadInputs([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	var total [6]time.Duration // html, text, merge, infer, spec, Parse
	lap := func(i int, start time.Time) time.Time {
		now := time.Now()
		total[i] += now.Sub(start)
		return now
	}
	b.ResetTimer()
	for range b.N {
		pages := make([]*Page, 0, len(in))
		for _, i := range in {
			start, phase := time.Now(), 1
			if looksLikeHTML(i.Data) {
				phase = 0
			}
			if p, err := ParsePage(i.Source, i.Data); err == nil {
				pages = append(pages, p)
			}
			lap(phase, start)
		}
		start := time.Now()
		bl := newBuilder()
		bl.merge(pages)
		start = lap(2, start)
		bl.inferModels()
		start = lap(3, start)
		bl.spec()
		start = lap(4, start)
		Parse(in)
		lap(5, start)
	}
	for i, name := range []string{"html", "text", "merge", "infer", "spec", "parse"} {
		b.ReportMetric(total[i].Seconds()*1e3/float64(b.N), name+"-ms")
	}
}
