package crawl

// The total-bytes cap (issue 10, item 6): a site whose every page is near
// MaxPageBytes cannot make a crawl download MaxPages × MaxPageBytes.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/helpgen/helpgen/internal/hostiletest"
)

// bigSite serves a Help index linking pages Api pages of size bytes each
// and counts the bytes it sends.
type bigSite struct {
	pages, size int
	sent        atomic.Int64
}

func (s *bigSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString(`<html><body><div id="body" class="help-page">`)
	if r.URL.Path == "/Help" {
		for i := range s.pages {
			fmt.Fprintf(&b, `<a href="/Help/Api/GET-api-p%d">p%d</a>`, i, i)
		}
	} else {
		b.WriteString("<p>" + strings.Repeat("x", s.size) + "</p>")
	}
	b.WriteString("</div></body></html>")
	w.Header().Set("Content-Type", "text/html")
	n, _ := w.Write([]byte(b.String()))
	s.sent.Add(int64(n))
}

func TestCrawlTotalBytes(t *testing.T) {
	site := &bigSite{pages: 200, size: 1 << 20} // 200 MiB in all
	srv := httptest.NewServer(site)
	defer srv.Close()
	const budget = 20 << 20
	var m *Manifest
	var err error
	d, heap := hostiletest.Measure(func() {
		m, err = Crawl(context.Background(), Options{
			URL: srv.URL + "/Help", Dir: t.TempDir(), Timeout: 10 * time.Second,
			MaxPageBytes: 2 << 20, MaxTotalBytes: budget,
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sent := site.sent.Load()
	hostiletest.Log(t, "crawl: 200 pages of 1 MiB, MaxTotalBytes 20 MiB",
		fmt.Sprintf("%s downloaded; %s", hostiletest.Bytes(uint64(sent)), m.Summary()), d, heap)
	// Pages in flight when the budget runs out may finish: at most
	// Concurrency (4) of them past it.
	if sent > budget+4*(2<<20) {
		t.Errorf("the site sent %s, over the %s budget", hostiletest.Bytes(uint64(sent)), hostiletest.Bytes(budget))
	}
	spent := 0
	for _, e := range m.Failed() {
		if e.Error == errSpent.Error() {
			spent++
		}
	}
	if m.Counts.Fetched >= site.pages || spent == 0 || m.Counts.Fetched+spent != site.pages+1 { // + the index
		t.Errorf("counts %+v, %d pages failed for the budget: want every page fetched or failed for it", m.Counts, spent)
	}
}
