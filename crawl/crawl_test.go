package crawl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The fake site serves pages/clinic (the clinic corpus HTML)
// the way a Help Page host does, under an application path, with faults
// injected around the 44 real pages.

const (
	appPath     = "/v3/mps-api"
	slowAPI     = "get-api-v1-patients-patientid"            // times out once
	flakyModel  = "contactpoint"                             // 503 twice
	movedAPI    = "get-api-v1-system-clock"                  // redirects within the site
	injectAPI   = "Api/GET-api-v1-locations-locationId.html" // holds off-site and weird links
	injectModel = "ResourceModel/TimeWindow.html"            // links the oversized and missing models
	testMax     = 128 << 10
	realPages   = 44
	testTimeout = 750 * time.Millisecond
)

type fakeSite struct {
	t      *testing.T
	faults bool // the slow and the flaky page
	etags  bool
	other  string // base URL of the off-site server

	pages  map[string][]byte // "index", "api/<id>", "model/<name>", lower case
	served map[string][]byte // by file name under Dir, what a crawl must write

	mu         sync.Mutex
	seq        []string // request URIs in arrival order
	hits       map[string]int
	inm        int // requests carrying If-None-Match that reached a page
	notMod     int
	slowLeft   int
	flakyLeft  int
	failModel  string // answered 500, always
	indexFails bool
	hang       bool // every Api page blocks until the client gives up
}

func newFakeSite(t *testing.T, faults, etags bool, other string) *fakeSite {
	f := &fakeSite{t: t, faults: faults, etags: etags, other: other, hits: map[string]int{},
		pages: map[string][]byte{}, served: map[string][]byte{}}
	if faults {
		f.slowLeft, f.flakyLeft = 1, 2
	}
	root := filepath.Join("..", "pages", "clinic")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		b = bytes.ReplaceAll(b, []byte(`href="/Help`), []byte(`href="`+appPath+`/Help`))
		b = f.inject(rel, b)
		f.served[rel] = b
		name := strings.TrimSuffix(rel, ".html")
		switch {
		case rel == "index.html":
			f.pages["index"] = b
		case strings.HasPrefix(rel, "Api/"):
			f.pages["api/"+strings.ToLower(strings.TrimPrefix(name, "Api/"))] = b
		default:
			f.pages["model/"+strings.ToLower(strings.TrimPrefix(name, "ResourceModel/"))] = b
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.served) != realPages {
		t.Fatalf("testdata holds %d pages, want %d", len(f.served), realPages)
	}
	return f
}

func (f *fakeSite) inject(rel string, b []byte) []byte {
	var links []string
	switch rel {
	case "index.html":
		links = []string{appPath + "/Help/Api/GET-offsite-redirect", appPath + "/Help/Api/GET-gone"}
	case injectAPI:
		otherHost := strings.TrimPrefix(f.other, "http://")
		links = []string{
			f.other + appPath + "/Help/Api/GET-api-v1-system-clock",
			f.other + appPath + "/Help/ResourceModel?modelName=ContactPoint",
			"//" + otherHost + appPath + "/Help/Api/GET-x#frag",
			"/Help/Api/GET-api-v1-system-clock", // same host, outside the application
			appPath + "/Help/Api/..%2F..%2Fescape",
			appPath + "/Help/%2e%2e/%2e%2e/Api/x",
			"javascript:alert(1)", "mailto:a@example.org", "ftp://127.0.0.1/Help/Api/x",
			"http://[::1", "%zz", "", "   ", "#top", "?modelName=x",
			appPath + "/Help/Api/", appPath + "/Help/Api/a/b", appPath + "/Help/ResourceModel?modelName=",
			appPath + "/Help/ResourceModel?other=1",
			appPath + "/HelpDesk/Api/x",
		}
	case injectModel:
		links = []string{
			"ResourceModel?modelName=Huge", // relative to the page
			appPath + "/help/resourcemodel?MODELNAME=HugeCL",
			appPath + "/Help/ResourceModel?modelName=NoSuchModel",
			appPath + "/Help/ResourceModel?modelName=contactpoint#x", // another spelling of a known page
		}
	default:
		return b
	}
	var s strings.Builder
	for _, l := range links {
		fmt.Fprintf(&s, "<a href=\"%s\">x</a>\r\n", l)
	}
	// Broken markup, and a link only a regexp would find.
	s.WriteString("<table><tr><td><p><b>unclosed <a href=>x</a> <a href>y</a>\r\n")
	s.WriteString(`<script>document.write('<a href="` + appPath + `/Help/Api/GET-in-script">x</a>')</script>`)
	s.WriteString("\r\n</body>")
	return bytes.Replace(b, []byte("</body>"), []byte(s.String()), 1)
}

const errorView = "<!DOCTYPE html>\r\n<html><head><title>Error</title></head><body>\r\n" +
	"<div class=\"container body-content\"><hgroup class=\"title\"><h1 class=\"error\">Error.</h1>\r\n" +
	"<h2 class=\"error\">An error occurred while processing your request.</h2></hgroup></div></body></html>\r\n"

func (f *fakeSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.seq = append(f.seq, r.URL.RequestURI())
	f.hits[r.URL.RequestURI()]++
	f.mu.Unlock()

	help := strings.ToLower(appPath + "/Help")
	lp := strings.ToLower(r.URL.EscapedPath())
	if !strings.HasPrefix(lp, help) {
		http.NotFound(w, r)
		return
	}
	rest := lp[len(help):]
	switch {
	case rest == "" || rest == "/":
		f.mu.Lock()
		fails := f.indexFails
		f.mu.Unlock()
		if fails {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		f.serve(w, r, "index")
	case rest == "/api/get-offsite-redirect":
		http.Redirect(w, r, f.other+appPath+"/Help/Api/GET-api-v1-system-clock", http.StatusFound)
	case rest == "/api/"+movedAPI:
		http.Redirect(w, r, appPath+"/Help/Moved/GET-api-v1-system-clock", http.StatusFound)
	case strings.HasPrefix(rest, "/moved/"):
		f.serve(w, r, "api/"+rest[len("/moved/"):])
	case rest == "/api/get-gone":
		http.NotFound(w, r)
	case strings.HasPrefix(rest, "/api/"):
		id, _ := url.PathUnescape(rest[len("/api/"):])
		f.mu.Lock()
		slow := id == slowAPI && f.slowLeft > 0
		if slow {
			f.slowLeft--
		}
		hang := f.hang
		f.mu.Unlock()
		if slow || hang {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(10 * time.Second):
			}
		}
		f.serve(w, r, "api/"+id)
	case rest == "/resourcemodel":
		name := ""
		for k, v := range r.URL.Query() {
			if strings.EqualFold(k, "modelName") {
				name = strings.ToLower(v[0])
			}
		}
		f.mu.Lock()
		flaky := name == flakyModel && f.flakyLeft > 0
		if flaky {
			f.flakyLeft--
		}
		fail := name == f.failModel
		f.mu.Unlock()
		switch {
		case flaky:
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case fail:
			http.Error(w, "broken", http.StatusInternalServerError)
		case name == "huge" || name == "hugecl":
			page := `<div id="body" class="help-page"><h1>Huge</h1><p>` + strings.Repeat("x", testMax+1000) + `</p></div>`
			if name == "hugecl" {
				w.Header().Set("Content-Length", strconv.Itoa(len(page)))
			}
			w.Write([]byte(page))
		default:
			f.serve(w, r, "model/"+name)
		}
	default:
		w.Write([]byte(errorView))
	}
}

// serve answers like IIS with ETags on: 304 when If-None-Match matches.
func (f *fakeSite) serve(w http.ResponseWriter, r *http.Request, key string) {
	f.mu.Lock()
	b, ok := f.pages[key]
	f.mu.Unlock()
	if !ok {
		w.Write([]byte(errorView)) // look-up misses are the Error view, 200
		return
	}
	inm := r.Header.Get("If-None-Match")
	f.mu.Lock()
	if inm != "" {
		f.inm++
	}
	f.mu.Unlock()
	if f.etags {
		s := sha256.Sum256(b)
		tag := `"` + hex.EncodeToString(s[:8]) + `"`
		w.Header().Set("ETag", tag)
		if inm == tag {
			f.mu.Lock()
			f.notMod++
			f.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

// set changes the site between crawls; the lock orders it against the
// server's goroutines for the race detector.
func (f *fakeSite) set(change func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	change()
}

func (f *fakeSite) counts() (inm, notMod int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.inm, f.notMod
}

func (f *fakeSite) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq, f.hits, f.inm, f.notMod = nil, map[string]int{}, 0, 0
}

func (f *fakeSite) hitsOf(uri string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[uri]
}

// offsite counts every request; the crawler must never make one.
type offsite struct {
	mu sync.Mutex
	n  int
}

func (o *offsite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	o.n++
	o.mu.Unlock()
	w.Write([]byte(errorView))
}

func (o *offsite) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.n
}

type env struct {
	site  *fakeSite
	srv   *httptest.Server
	other *offsite
	index string
}

func newEnv(t *testing.T, faults, etags bool) *env {
	t.Helper()
	o := &offsite{}
	osrv := httptest.NewServer(o)
	t.Cleanup(osrv.Close)
	f := newFakeSite(t, faults, etags, osrv.URL)
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return &env{site: f, srv: srv, other: o, index: srv.URL + appPath + "/Help"}
}

// syncBuffer collects the crawl log; Crawl serialises its writes, the
// mutex only orders them against the test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (e *env) options(t *testing.T, dir string) (Options, *syncBuffer) {
	log := &syncBuffer{}
	return Options{
		URL:          e.index,
		Dir:          dir,
		Concurrency:  4,
		Timeout:      testTimeout,
		Retries:      3,
		RetryBase:    time.Millisecond,
		RetryMax:     10 * time.Millisecond,
		MaxPageBytes: testMax,
		Log:          log,
	}, log
}

func crawlOK(t *testing.T, o Options, log *syncBuffer) *Manifest {
	t.Helper()
	m, err := Crawl(context.Background(), o)
	if err != nil {
		t.Fatalf("Crawl: %v\nlog:\n%s", err, log)
	}
	return m
}

func TestCrawlClinic(t *testing.T) {
	e := newEnv(t, true, true)
	dir := t.TempDir()
	o, log := e.options(t, dir)
	m := crawlOK(t, o, log)
	defer func() {
		if t.Failed() {
			t.Logf("log:\n%s\nsummary: %s", log, m.Summary())
		}
	}()

	site := e.srv.URL + appPath + "/Help"
	want := Counts{Pages: realPages + 5, Fetched: realPages, Failed: 5, Skipped: 5, Retries: 3}
	if m.Counts != want {
		t.Errorf("counts = %+v, want %+v", m.Counts, want)
	}
	if m.Site != site {
		t.Errorf("site = %q, want %q", m.Site, site)
	}

	// Every real page is written exactly as served, and nothing else is.
	for rel, b := range e.site.served {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
		} else if !bytes.Equal(got, b) {
			t.Errorf("%s: content differs from the served page", rel)
		}
	}
	files := listFiles(t, dir)
	if len(files) != realPages+1 { // + manifest.json
		t.Errorf("dir holds %d files, want %d: %v", len(files), realPages+1, files)
	}

	// Retries: one timeout, two 503s; never a 4xx.
	if n := e.site.hitsOf(appPath + "/Help/Api/GET-api-v1-patients-patientId"); n != 2 {
		t.Errorf("slow page requested %d times, want 2", n)
	}
	if n := e.site.hitsOf(appPath + "/Help/ResourceModel?modelName=ContactPoint"); n != 3 {
		t.Errorf("flaky page requested %d times, want 3", n)
	}
	for _, u := range []string{"/Help/Api/GET-gone", "/Help/ResourceModel?modelName=NoSuchModel", "/Help/ResourceModel?modelName=Huge"} {
		if n := e.site.hitsOf(appPath + u); n != 1 {
			t.Errorf("%s requested %d times, want 1", u, n)
		}
	}
	if n := e.site.hitsOf(appPath + "/Help/ResourceModel?modelName=contactpoint"); n != 0 {
		t.Errorf("a second spelling of ContactPoint was fetched %d times", n)
	}

	// Nothing off-site, nothing outside the application's Help area, and
	// every Api page before any model page.
	if n := e.other.count(); n != 0 {
		t.Errorf("off-site server got %d requests", n)
	}
	lastAPI, firstModel := -1, -1
	for i, u := range e.site.seq {
		if !strings.HasPrefix(u, appPath+"/Help") && !strings.HasPrefix(u, appPath+"/help") {
			t.Errorf("request outside the Help area: %s", u)
		}
		switch l := strings.ToLower(u); {
		case strings.Contains(l, "/help/api/") || strings.Contains(l, "/help/moved/"):
			lastAPI = i
		case strings.Contains(l, "/help/resourcemodel") && firstModel < 0:
			firstModel = i
		}
	}
	if firstModel < lastAPI {
		t.Errorf("model page requested (#%d) before the last Api page (#%d)", firstModel, lastAPI)
	}

	// The manifest: sorted, on disk as returned, with the failures.
	disk, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	mm := *m
	mm.Duration = 0
	if !reflect.DeepEqual(disk, &mm) {
		t.Errorf("manifest on disk differs from the one returned")
	}
	if !sort.SliceIsSorted(m.Pages, func(i, j int) bool { return m.Pages[i].URL < m.Pages[j].URL }) {
		t.Errorf("manifest pages not sorted by URL")
	}
	kinds := map[Kind]int{}
	for _, p := range m.Pages {
		if p.Result != ResultFailed {
			kinds[p.Kind]++
			if p.Status != 200 || p.File == "" || p.ETag == "" || p.Bytes != int64(len(e.site.served[p.File])) ||
				p.SHA256 != sha(e.site.served[p.File]) {
				t.Errorf("bad entry %+v", p)
			}
		}
	}
	if want := map[Kind]int{KindIndex: 1, KindAPI: 18, KindModel: 25}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("pages by kind = %v, want %v", kinds, want)
	}
	failed := map[string]string{}
	for _, p := range m.Failed() {
		failed[strings.TrimPrefix(p.URL, e.srv.URL+appPath)] = fmt.Sprintf("%v %s file=%q", int(p.Status), p.Error, p.File)
	}
	wantFailed := map[string]string{
		"/Help/Api/GET-gone":                        "404 HTTP 404 Not Found",
		"/Help/Api/GET-offsite-redirect":            "302 redirect leaves the site",
		"/Help/ResourceModel?modelName=Huge":        "200 page larger than MaxPageBytes",
		"/help/resourcemodel?modelName=HugeCL":      "200 page larger than MaxPageBytes",
		"/Help/ResourceModel?modelName=NoSuchModel": "200 the site answered with its Error view",
	}
	for u, w := range wantFailed {
		if g := failed[u]; !strings.HasPrefix(g, w) || !strings.HasSuffix(g, `file=""`) {
			t.Errorf("failure of %s = %q, want %q...", u, g, w)
		}
	}
	if len(failed) != len(wantFailed) {
		t.Errorf("failed = %v", failed)
	}
	if p := m.Entry(site + "/Api/GET-api-v1-system-clock"); p == nil || p.RedirectedTo != site+"/Moved/GET-api-v1-system-clock" {
		t.Errorf("redirected entry = %+v", p)
	}
	if p := m.Entry(site + "/ResourceModel?modelName=ContactPoint"); p == nil || p.Retries != 2 {
		t.Errorf("flaky entry = %+v", p)
	}
	otherHost := e.site.other
	wantSkipped := []string{
		e.srv.URL + "/Help/Api/GET-api-v1-system-clock",
		site + "/Api/..%2F..%2Fescape",
		otherHost + appPath + "/Help/Api/GET-api-v1-system-clock",
		otherHost + appPath + "/Help/Api/GET-x",
		otherHost + appPath + "/Help/ResourceModel?modelName=ContactPoint",
	}
	sort.Strings(wantSkipped)
	if !reflect.DeepEqual(m.Skipped, wantSkipped) {
		t.Errorf("skipped =\n%s\nwant\n%s", strings.Join(m.Skipped, "\n"), strings.Join(wantSkipped, "\n"))
	}
	if s := m.Summary(); !strings.Contains(s, "49 pages: 44 fetched, 0 unchanged, 5 failed; 5 off-site skipped; 3 retries") {
		t.Errorf("summary = %q", s)
	}

	// Re-crawl: conditional requests everywhere, 304s, no file rewritten.
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		if err := os.Chtimes(filepath.Join(dir, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	e.site.reset()
	m2 := crawlOK(t, o, log)
	want2 := Counts{Pages: realPages + 5, Unchanged: realPages, Failed: 5, Skipped: 5}
	if m2.Counts != want2 {
		t.Errorf("re-crawl counts = %+v, want %+v", m2.Counts, want2)
	}
	if inm, notMod := e.site.counts(); inm != realPages || notMod != realPages {
		t.Errorf("re-crawl: %d If-None-Match, %d answered 304; want %d each", inm, notMod, realPages)
	}
	for _, f := range files {
		if f == ManifestFile {
			continue
		}
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || !st.ModTime().Equal(old) {
			t.Errorf("re-crawl touched %s", f)
		}
	}
	for i, p := range m2.Pages {
		q := m.Pages[i]
		if p.URL != q.URL || p.File != q.File || p.SHA256 != q.SHA256 || p.ETag != q.ETag {
			t.Errorf("re-crawl entry %+v, first crawl %+v", p, q)
		}
		if p.Result == ResultUnchanged && p.Status != http.StatusNotModified {
			t.Errorf("re-crawl entry status %d, want 304", p.Status)
		}
	}
	if e.other.count() != 0 {
		t.Errorf("off-site server got requests on the re-crawl")
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// The manifest depends on the site, not on timing or concurrency.
func TestManifestDeterministic(t *testing.T) {
	e := newEnv(t, false, true)
	var got [][]byte
	for _, c := range []int{1, 8, 3} {
		dir := t.TempDir()
		o, log := e.options(t, dir)
		o.Concurrency = c
		crawlOK(t, o, log)
		b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, b)
	}
	for i := 1; i < len(got); i++ {
		if !bytes.Equal(got[0], got[i]) {
			t.Errorf("manifest of crawl %d differs from the first", i)
		}
	}
}

// Without validators the server answers 200 again: equal content is
// recognised by its hash and not rewritten.
func TestRecrawlWithoutValidators(t *testing.T) {
	e := newEnv(t, false, false)
	dir := t.TempDir()
	o, log := e.options(t, dir)
	crawlOK(t, o, log)
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	files := listFiles(t, dir)
	for _, f := range files {
		os.Chtimes(filepath.Join(dir, f), old, old)
	}
	e.site.reset()
	m := crawlOK(t, o, log)
	if m.Counts.Fetched != 0 || m.Counts.Unchanged != realPages {
		t.Errorf("counts = %+v", m.Counts)
	}
	if inm, _ := e.site.counts(); inm != 0 {
		t.Errorf("%d conditional requests without validators", inm)
	}
	for _, f := range files {
		if st, _ := os.Stat(filepath.Join(dir, f)); f != ManifestFile && !st.ModTime().Equal(old) {
			t.Errorf("%s rewritten", f)
		}
	}
}

// A re-crawl writes what changed, keeps the last good copy of a page
// that now fails, and removes pages the site no longer links.
func TestRecrawlChanges(t *testing.T) {
	e := newEnv(t, false, true)
	dir := t.TempDir()
	o, log := e.options(t, dir)
	crawlOK(t, o, log)

	f := e.site
	const dropped = "POST-api-v1-patients-patientId-photo"
	f.set(func() {
		f.pages["model/recurrence"] = bytes.Replace(f.pages["model/recurrence"], []byte("</h1>"), []byte("</h1><p>changed</p>"), 1)
		f.failModel = "timewindow"
		f.pages["index"] = bytes.ReplaceAll(f.pages["index"], []byte(appPath+"/Help/Api/"+dropped+`"`), []byte(`#"`))
	})
	m := crawlOK(t, o, log)
	f.set(func() {})

	site := e.srv.URL + appPath + "/Help"
	if p := m.Entry(site + "/ResourceModel?modelName=Recurrence"); p == nil || p.Result != ResultFetched {
		t.Errorf("changed page: %+v", p)
	} else if b, _ := os.ReadFile(filepath.Join(dir, p.File)); !bytes.Equal(b, f.pages["model/recurrence"]) || sha(b) != p.SHA256 {
		t.Errorf("changed page not rewritten")
	}
	p := m.Entry(site + "/ResourceModel?modelName=TimeWindow")
	if p == nil || p.Result != ResultFailed || !p.Stale || p.File == "" || p.Status != 500 || p.Retries != 3 {
		t.Errorf("failing page: %+v", p)
	} else if b, _ := os.ReadFile(filepath.Join(dir, p.File)); sha(b) != p.SHA256 {
		t.Errorf("stale copy lost")
	}
	// The stale page still leads to the pages it links.
	if m.Entry(site+"/ResourceModel?modelName=Huge") == nil {
		t.Errorf("links of the stale copy not followed")
	}
	if m.Entry(site+"/Api/"+dropped) != nil {
		t.Errorf("dropped page still in the manifest")
	}
	if _, err := os.Stat(filepath.Join(dir, "Api", dropped+".html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dropped page's file not removed: %v", err)
	}
	if m.Counts.Removed < 1 {
		t.Errorf("removed = %d", m.Counts.Removed)
	}
	for _, rel := range listFiles(t, dir) {
		if rel != ManifestFile && m.Entry(entryURLForFile(m, rel)) == nil {
			t.Errorf("%s left behind without a manifest entry", rel)
		}
	}
	if !strings.Contains(m.Summary(), "(1 kept from the previous crawl)") {
		t.Errorf("summary = %q", m.Summary())
	}
}

func entryURLForFile(m *Manifest, file string) string {
	for _, p := range m.Pages {
		if p.File == file {
			return p.URL
		}
	}
	return ""
}

func TestIndexFailure(t *testing.T) {
	e := newEnv(t, false, true)
	e.site.set(func() { e.site.indexFails = true })
	dir := t.TempDir()
	o, _ := e.options(t, dir)
	m, err := Crawl(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), "HTTP 500") {
		t.Fatalf("err = %v", err)
	}
	if m == nil || m.Counts.Failed != 1 || m.Counts.Retries != 3 || len(m.Pages) != 1 {
		t.Errorf("manifest = %+v", m)
	}
	if files := listFiles(t, dir); len(files) != 0 {
		t.Errorf("a failed index wrote %v", files)
	}

	var stderr bytes.Buffer
	if code := Main([]string{e.index, "-o", dir, "-retries", "0"}, &bytes.Buffer{}, &stderr); code != 1 {
		t.Errorf("Main exit = %d, want 1; stderr:\n%s", code, &stderr)
	}

	// An index that is not a Help Page (the Error view, a login page) fails too.
	o.URL = e.srv.URL + appPath + "/Help/Nothing"
	if _, err := Crawl(context.Background(), o); err == nil || !strings.Contains(err.Error(), "Error view") {
		t.Errorf("err = %v", err)
	}
}

func TestMainCommand(t *testing.T) {
	e := newEnv(t, false, true)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"crawl", e.index, "-o", dir, "-concurrency", "2", "-timeout", "5s", "-retries", "1", "-max-bytes", strconv.Itoa(testMax)}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, &stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "crawl "+e.index+": 49 pages: 44 fetched, 0 unchanged, 5 failed;") {
		t.Errorf("summary line = %q", last)
	}
	if n := strings.Count(stderr.String(), "  failed "); n != 5 {
		t.Errorf("%d failure lines:\n%s", n, &stderr)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q", &stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "Api", "GET-api-v1-system-clock.html")); err != nil {
		t.Error(err)
	}

	for _, args := range [][]string{
		{},
		{e.index},
		{"-o", dir},
		{e.index, e.index, "-o", dir},
		{"ftp://x/Help", "-o", dir},
		{e.index, "-o", dir, "-concurrency", "0"},
		{e.index, "-o", dir, "-bogus"},
	} {
		stderr.Reset()
		if code := Main(args, &stdout, &stderr); code != 2 {
			t.Errorf("Main(%q) = %d, want 2", args, code)
		}
		if !strings.Contains(stderr.String(), "usage: helpgen crawl URL -o DIR") {
			t.Errorf("Main(%q): no usage:\n%s", args, &stderr)
		}
	}
}

func TestCached(t *testing.T) {
	e := newEnv(t, false, true)
	cache := t.TempDir()
	o, _ := e.options(t, "ignored")
	d1, err := Cached(context.Background(), e.index, cache, o)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(d1) != cache {
		t.Errorf("dir %s not in %s", d1, cache)
	}
	e.site.reset()
	// Same site, other spelling: same cache entry, revalidated.
	d2, err := Cached(context.Background(), strings.Replace(e.index, "/Help", "/help/", 1), cache, o)
	if err != nil || d2 != d1 {
		t.Fatalf("second crawl: %s, %v (first %s)", d2, err, d1)
	}
	if _, notMod := e.site.counts(); notMod != realPages {
		t.Errorf("second crawl: %d 304s", notMod)
	}
	if m, err := ReadManifest(d1); err != nil || m.Counts.Unchanged != realPages {
		t.Errorf("manifest: %v %+v", err, m)
	}
	if _, err := Cached(context.Background(), "not a url", cache, o); err == nil {
		t.Errorf("bad URL accepted")
	}
}

type fakeTerminal struct{ syncBuffer }

func (*fakeTerminal) IsTerminal() bool { return true }

func TestProgress(t *testing.T) {
	e := newEnv(t, false, true)
	o, _ := e.options(t, t.TempDir())
	term := &fakeTerminal{}
	o.Progress = term
	if _, err := Crawl(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	out := term.String()
	if !strings.HasPrefix(out, "\r[") || !strings.HasSuffix(out, "\r["+strings.Repeat("#", barWidth)+"] 49/49 pages\n") {
		t.Errorf("progress output %q", out)
	}

	// Not a terminal: quiet.
	var buf bytes.Buffer
	o.Progress, o.Dir = &buf, t.TempDir()
	if _, err := Crawl(context.Background(), o); err != nil || buf.Len() != 0 {
		t.Errorf("progress on a non-terminal: %q, %v", buf.String(), err)
	}
}

func TestCancel(t *testing.T) {
	e := newEnv(t, false, true)
	e.site.set(func() { e.site.hang = true })
	dir := t.TempDir()
	o, _ := e.options(t, dir)
	o.Timeout = 10 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Crawl(ctx, o)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("cancel took %s", d)
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestFile)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("manifest written by a cancelled crawl")
	}
}
