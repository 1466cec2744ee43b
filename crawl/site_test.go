package crawl

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"GET-api-v1-clinics-clinicId-appointments_from_to": "GET-api-v1-clinics-clinicId-appointments_from_to",
		"Outer+Inner":                            "Outer+Inner",
		"Com.Example.RestApiResultOfSystem.Guid": "Com.Example.RestApiResultOfSystem.Guid",
		"../../etc/passwd":                       "%2E.%2F..%2Fetc%2Fpasswd",
		".hidden":                                "%2Ehidden",
		`a\b:c*d?e"f<g>h|i%j k`:                  "a%5Cb%3Ac%2Ad%3Fe%22f%3Cg%3Eh%7Ci%25j%20k",
		"List`1[[System.String]]":                "List%601%5B%5BSystem.String%5D%5D",
		"CON":                                    "%43ON",
		"lpt1.x":                                 "%6Cpt1.x",
		"Modèle":                                 "Modèle",
		"bad\xffutf8":                            "bad%FFutf8",
		"nul\x00":                                "nul%00",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
		if got := safeName(in); !filepath.IsLocal(got) || strings.ContainsAny(got, `/\`) {
			t.Errorf("safeName(%q) = %q is not a plain local name", in, got)
		}
	}
	long := strings.Repeat("VeryLongGenericModelNameOf", 20)
	a, b := safeName(long), safeName(long+"X")
	if len(a) > maxNameBytes || len(b) > maxNameBytes || a == b || a != safeName(long) {
		t.Errorf("long names: %q, %q", a, b)
	}
	if got := safeName(strings.Repeat("é", 150)); len(got) > maxNameBytes || !strings.Contains(got, "~") {
		t.Errorf("long UTF-8 name: %q", got)
	}
}

func TestClassify(t *testing.T) {
	idx, _ := url.Parse("https://Host.example:443/v3/mps-api/Help/")
	s := newSite(idx)
	if s.String() != "https://host.example/v3/mps-api/Help" {
		t.Fatalf("site = %s", s)
	}
	for _, c := range []struct {
		href, kind, name, url string
		skipped               bool
	}{
		{"/v3/mps-api/Help/Api/GET-x_a_b", "api", "GET-x_a_b", "https://host.example/v3/mps-api/Help/Api/GET-x_a_b", false},
		{"/V3/MPS-API/help/api/GET-x?q=1#f", "api", "GET-x", "https://host.example/V3/MPS-API/help/api/GET-x", false},
		{"https://HOST.example/v3/mps-api/Help/ResourceModel?x=1&modelName=Outer%2BInner", "model", "Outer+Inner",
			"https://host.example/v3/mps-api/Help/ResourceModel?modelName=Outer%2BInner", false},
		{"https://user:pw@host.example/v3/mps-api/Help/Api/X", "api", "X", "https://host.example/v3/mps-api/Help/Api/X", false},
		{"ResourceModel?modelName=Rel", "model", "Rel", "https://host.example/v3/mps-api/Help/ResourceModel?modelName=Rel", false},
		{"http://host.example/v3/mps-api/Help/Api/X", "", "", "", true},       // other scheme
		{"https://host.example:8443/v3/mps-api/Help/Api/X", "", "", "", true}, // other port
		{"https://evil.example/v3/mps-api/Help/Api/X", "", "", "", true},      // other host
		{"/Help/Api/X", "", "", "", true},                      // other application
		{"/v3/mps-api/Help/Api/..%2F..%2Fx", "", "", "", true}, // leaves the area once decoded
		{"/v3/mps-api/Help/Api/..%2Fx", "", "", "", false},     // no ApiId has a "/"
		{"/v3/mps-api/HelpDesk/Api/X", "", "", "", false},
		{"/v3/mps-api/Help/Api/", "", "", "", false},
		{"/v3/mps-api/Help/Api/a/b", "", "", "", false},
		{"/v3/mps-api/Help/ResourceModel?modelName=", "", "", "", false},
		{"/v3/mps-api/Help", "", "", "", false},
		{"/v3/mps-api/Help/", "", "", "", false},
		{"/Content/site.css", "", "", "", false},
		{"javascript:void(0)", "", "", "", false},
		{"mailto:x@example.org", "", "", "", false},
	} {
		u, err := idx.Parse(c.href)
		if err != nil {
			t.Fatalf("%s: %v", c.href, err)
		}
		l, ok, skipped := s.classify(u)
		if string(l.kind) != c.kind || l.name != c.name || l.url != c.url || ok != (c.kind != "") || skipped != c.skipped {
			t.Errorf("classify(%q) = %+v ok=%v skipped=%v; want %s %q %q skipped=%v", c.href, l, ok, skipped, c.kind, c.name, c.url, c.skipped)
		}
	}
	if a, _, _ := s.classify(mustURL("https://host.example/v3/mps-api/Help/ResourceModel?modelName=Foo")); a.key() !=
		func() string {
			b, _, _ := s.classify(mustURL("https://host.example/v3/mps-api/help/resourcemodel?MODELNAME=foo"))
			return b.key()
		}() {
		t.Errorf("case variants of one model have different keys")
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestIndexURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://h.example":               "https://h.example/Help",
		"HTTPS://h.example/":              "https://h.example/Help",
		"https://h.example/v3/x/Help?a#b": "https://h.example/v3/x/Help",
		" http://127.0.0.1:8080/Help/ ":   "http://127.0.0.1:8080/Help/",
		"ftp://h.example/Help":            "",
		"h.example/Help":                  "",
		"http://":                         "",
		"http://[::1":                     "",
	} {
		u, err := IndexURL(in)
		got := ""
		if err == nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("IndexURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"http://h/Help/Index": "/Help",
		"http://h/Help/":      "/Help",
		"http://h/a%20b/Help": "/a%20b/Help",
	} {
		if got := newSite(mustURL(in)).prefix; got != want {
			t.Errorf("prefix of %s = %q, want %q", in, got, want)
		}
	}
}

func TestScanHTML(t *testing.T) {
	s := scanHTML([]byte(errorView))
	if s.ok() || !s.errorView {
		t.Errorf("Error view taken for a page: %+v", s)
	}
	s = scanHTML([]byte(`<html><body><div id="body" class="x help-page"><h1>GET api/x</h1>` +
		`<a href="/Help/ResourceModel?modelName=A&amp;x=1">A</a><script>"<a href='/no'>"</script>` +
		`<A HREF='/Help/Api/B'>b</A><a name=x><a href=/c`))
	if !s.ok() || strings.Join(s.hrefs, " ") != "/Help/ResourceModel?modelName=A&x=1 /Help/Api/B" {
		t.Errorf("scan = %+v", s)
	}
	if s := scanHTML([]byte("<html><body><h1>Login</h1></body>")); s.ok() {
		t.Errorf("a page without help content passed: %+v", s)
	}
}

// FuzzLinks: no markup and no link, however broken, may panic the scan
// or the classification, or produce a file name outside the directory.
func FuzzLinks(f *testing.F) {
	f.Add([]byte(`<a href="/Help/Api/GET-x">`), "/Help/Api/%zz")
	f.Add([]byte(`<div class="help-page"><a href='ResourceModel?modelName=a%2Bb'>`), "//[::1]:0/Help/ResourceModel?modelName=%00")
	f.Add([]byte("<h1>Error.</h1><a href=\"\x00\">"), "../../Api/..%2f..")
	base := mustURL("http://127.0.0.1/app/Help/Api/GET-x")
	s := newSite(mustURL("http://127.0.0.1/app/Help"))
	f.Fuzz(func(t *testing.T, page []byte, href string) {
		sc := scanHTML(page)
		for _, h := range append(sc.hrefs, href) {
			u, err := base.Parse(h)
			if err != nil {
				continue
			}
			l, ok, _ := s.classify(u)
			if !ok {
				continue
			}
			if f := fileFor(l.kind, l.name); !filepath.IsLocal(filepath.FromSlash(f)) || strings.Count(f, "/") != 1 {
				t.Fatalf("link %q gives file %q", h, f)
			}
			if v, err := url.Parse(l.url); err != nil || !s.contains(v) {
				t.Fatalf("link %q gives off-site URL %q", h, l.url)
			}
		}
	})
}

func TestStatusJSON(t *testing.T) {
	b, _ := json.Marshal([]Status{0, 200, 304})
	if string(b) != `["error",200,304]` {
		t.Fatalf("%s", b)
	}
	var back []Status
	if err := json.Unmarshal(b, &back); err != nil || len(back) != 3 || back[0] != 0 || back[2] != 304 {
		t.Fatalf("%v %v", back, err)
	}
	if err := json.Unmarshal([]byte(`["x"]`), &back); err == nil {
		t.Errorf("bad status accepted")
	}
}

func TestBackoff(t *testing.T) {
	c := &crawler{o: Options{RetryBase: 100 * time.Millisecond, RetryMax: time.Second}}
	for attempt, want := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		want *= time.Millisecond
		if attempt >= 4 {
			want = time.Second
		}
		for range 20 {
			if d := c.backoff(attempt, 0); d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %s, want in [%s, %s]", attempt, d, want/2, want)
			}
		}
	}
	if d := c.backoff(0, 700*time.Millisecond); d != 700*time.Millisecond {
		t.Errorf("Retry-After ignored: %s", d)
	}
	if d := c.backoff(0, time.Hour); d != time.Second {
		t.Errorf("Retry-After not capped: %s", d)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"3": 3 * time.Second, "": 0, "-1": 0, "soon": 0,
		"Wed, 01 Jan 2025 00:00:05 GMT": 5 * time.Second,
	} {
		if got := retryAfter(h, now); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", h, got, want)
		}
	}
}

// Edge cases of the exchange itself, each on its own tiny server.
func TestFetchEdges(t *testing.T) {
	page := `<div id="body" class="help-page"><h1>GET x</h1></div>`
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/Help/Api/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/Help/Api/loop?"+r.URL.RawQuery+"x", http.StatusFound)
	})
	mux.HandleFunc("/Help/Api/trickle", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Write([]byte(page[:10]))
			w.(http.Flusher).Flush()
			<-r.Context().Done()
			return
		}
		w.Write([]byte(page))
	})
	mux.HandleFunc("/Help/Api/throttled", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 3 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(page))
	})
	mux.HandleFunc("/Help/Api/forbidden", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "no", http.StatusForbidden)
	})
	mux.HandleFunc("/Help/Api/stray304", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotModified)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := &crawler{o: Options{URL: srv.URL + "/Help", Dir: t.TempDir(), Timeout: 300 * time.Millisecond,
		RetryBase: time.Millisecond, RetryMax: 5 * time.Millisecond}}
	c.o.normalize()
	c.setClients("127.0.0.1")
	c.site = newSite(mustURL(srv.URL + "/Help"))
	for _, tc := range []struct {
		path    string
		retries int
		hits    int32
		err     string
	}{
		{"loop", 0, 0, "stopped after 10 redirects"},
		{"trickle", 1, 2, ""},
		{"throttled", 3, 4, ""},
		{"forbidden", 0, 1, "HTTP 403 Forbidden"},
		{"stray304", 0, 0, "unexpected 304"},
	} {
		n.Store(0)
		f := c.fetch(context.Background(), c.pageClient, srv.URL+"/Help/Api/"+tc.path, validators{})
		errs := ""
		if f.err != nil {
			errs = f.err.Error()
		}
		if f.retries != tc.retries || (tc.hits > 0 && n.Load() != tc.hits) || !strings.Contains(errs, tc.err) || (tc.err == "") != (f.err == nil) {
			t.Errorf("%s: retries %d, hits %d, err %v; want %d, %d, %q", tc.path, f.retries, n.Load(), f.err, tc.retries, tc.hits, tc.err)
		}
	}
}

// An http index that moves to https on the same host is followed, and the
// site becomes the https one.
func TestIndexRedirectWithinHost(t *testing.T) {
	e := newEnv(t, false, true)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, e.index+"/", http.StatusMovedPermanently)
	}))
	defer front.Close()
	o, log := e.options(t, t.TempDir())
	// Same host name (127.0.0.1), other port: allowed for the index only.
	o.URL = front.URL + "/help"
	m := crawlOK(t, o, log)
	if m.Site != e.index || m.Counts.Fetched != realPages {
		t.Errorf("site %s, counts %+v", m.Site, m.Counts)
	}
}
