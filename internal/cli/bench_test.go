package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// scaledCorpus makes a large Help site in memory from the clinic HTML
// pages: copies with distinct routes and ApiIds (api/v1/… → api/v1/cK/…),
// model names (PatientSummary → PatientSummaryK), including inside
// composed names (ArrayOfPatientSummaryK, ApiResultOfListOfPatientSummaryK),
// and CLR namespaces (Harbourview.Clinic → HarbourviewK.Clinic).
// apiCopies copies carry the Api pages, modelCopies the model pages.
func scaledCorpus(tb testing.TB, apiCopies, modelCopies int) []parser.Input {
	tb.Helper()
	base := filepath.Join(repoRoot(tb), "pages", "clinic")
	read := func(sub string) map[string][]byte {
		m := map[string][]byte{}
		entries, err := os.ReadDir(filepath.Join(base, sub))
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(base, sub, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			m[e.Name()] = data
		}
		return m
	}
	apis, models := read("Api"), read("ResourceModel")
	var names []string
	for f := range models {
		names = append(names, strings.TrimSuffix(f, ".html"))
	}
	// Longest first, so that a composed model name is renamed once, whole.
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	// renameModels appends suffix to every identifier ending in a model name.
	renameModels := func(s, suffix string) string {
		var b strings.Builder
		isID := func(c byte) bool {
			return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		}
		for i := 0; i < len(s); {
			if !isID(s[i]) {
				b.WriteByte(s[i])
				i++
				continue
			}
			j := i
			for j < len(s) && isID(s[j]) {
				j++
			}
			id := s[i:j]
			b.WriteString(id)
			for _, n := range names {
				if strings.HasSuffix(id, n) {
					b.WriteString(suffix)
					break
				}
			}
			i = j
		}
		return b.String()
	}
	rewrite := func(k int, data []byte) []byte {
		s := string(data)
		s = strings.ReplaceAll(s, "api/v1/", fmt.Sprintf("api/v1/c%d/", k))
		s = strings.ReplaceAll(s, "api-v1-", fmt.Sprintf("api-v1-c%d-", k))
		s = strings.ReplaceAll(s, "Harbourview.Clinic", fmt.Sprintf("Harbourview%d.Clinic", k))
		s = renameModels(s, fmt.Sprintf("K%d", k))
		return []byte(s)
	}
	var in []parser.Input
	for k := 0; k < max(apiCopies, modelCopies); k++ {
		if k < apiCopies {
			for f, data := range apis {
				in = append(in, parser.Input{Source: fmt.Sprintf("c%d/Api/%s", k, rewrite(k, []byte(f))), Data: rewrite(k, data)})
			}
		}
		if k < modelCopies {
			for f, data := range models {
				in = append(in, parser.Input{Source: fmt.Sprintf("c%d/ResourceModel/%s", k, rewrite(k, []byte(f))), Data: rewrite(k, data)})
			}
		}
	}
	return in
}

// Scale: ~1,000 endpoints and ~2,000 types.
const (
	scaledAPICopies   = 56 // × 18 endpoints
	scaledModelCopies = 78 // × 29 types with the Api pages, fewer without
)

func parseGenerate(tb testing.TB, in []parser.Input) (endpoints, types, bytes int) {
	s := parser.Parse(in)
	files, err := generator.Generate(s, generator.Options{Package: "api"})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		bytes += len(f)
	}
	return len(s.Endpoints), len(s.Types), bytes
}

// peakHeap samples the live heap while f runs and returns its peak.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				read()
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	read()
	return peak.Load()
}

// BenchmarkParseGenerateScaled measures parse + generate of the scaled
// clinic corpus. It reports the size of the spec and the peak live heap;
// the process's peak RSS is what /usr/bin/time -v shows for
//
//	go test -c -o /tmp/cli.test ./internal/cli && /usr/bin/time -v /tmp/cli.test -test.run '^$' -test.bench ParseGenerateScaled -test.benchtime 1x
func BenchmarkParseGenerateScaled(b *testing.B) {
	in := scaledCorpus(b, scaledAPICopies, scaledModelCopies)
	var endpoints, types, size int
	var peak uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := peakHeap(func() { endpoints, types, size = parseGenerate(b, in) })
		peak = max(peak, p)
	}
	b.ReportMetric(float64(endpoints), "endpoints")
	b.ReportMetric(float64(types), "types")
	b.ReportMetric(float64(size)/1e6, "MB-out")
	b.ReportMetric(float64(peak)/1e6, "MB-peak-heap")
}

// The scaled corpus is what the benchmark claims: distinct endpoints and
// types in the thousands, and no errors.
func TestScaledCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("parses and generates ~1,000 endpoints; skipped in -short mode")
	}
	in := scaledCorpus(t, scaledAPICopies, scaledModelCopies)
	s := parser.Parse(in)
	// HELPGEN_SCALED_SPEC=FILE keeps the scaled spec, to time other
	// generators on its OpenAPI export (see the README's scale section).
	if out := os.Getenv("HELPGEN_SCALED_SPEC"); out != "" {
		data, err := spec.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// HELPGEN_SCALED_PAGES=DIR writes the scaled site's pages, to time the
	// command itself: helpgen generate -o OUT DIR (see the README).
	if dir := os.Getenv("HELPGEN_SCALED_PAGES"); dir != "" {
		for _, i := range in {
			path := filepath.Join(dir, filepath.FromSlash(i.Source))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, i.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids := map[string]bool{}
	for _, e := range s.Endpoints {
		ids[e.ID] = true
	}
	if len(ids) != len(s.Endpoints) || len(ids) < 1000 {
		t.Errorf("%d endpoints, %d distinct ApiIds; want ≥ 1,000 distinct", len(s.Endpoints), len(ids))
	}
	if len(s.Types) < 1900 {
		t.Errorf("%d types, want ~2,000", len(s.Types))
	}
	if countSeverity(s, spec.Error) > 0 {
		t.Error("the scaled corpus has errors")
	}
	start := time.Now()
	var n int
	peak := peakHeap(func() { _, _, n = parseGenerate(t, in) })
	var sizes []string
	files, _ := generator.Generate(s, generator.Options{Package: "api"})
	for p, f := range files {
		sizes = append(sizes, fmt.Sprintf("%9d %s", len(f), p))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(sizes)))
	t.Logf("largest files:\n%s", strings.Join(sizes[:min(6, len(sizes))], "\n"))
	t.Logf("%d endpoints, %d types: parse+generate %v, %.1f MB of code, peak live heap %.0f MB", len(s.Endpoints), len(s.Types), time.Since(start).Round(time.Millisecond), float64(n)/1e6, float64(peak)/1e6)
}
