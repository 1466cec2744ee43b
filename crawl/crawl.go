// Package crawl mirrors an ASP.NET Web API Help Page site into a directory
// the helpgen parser reads: index.html, Api/{ApiId}.html and
// ResourceModel/{ModelName}.html, plus manifest.json describing the crawl.
//
// The crawl is polite and bounded: a fixed number of concurrent requests,
// a timeout per request, retries with backoff only where a retry can help,
// a size cap per page and one for the whole crawl, a page count cap, no
// request outside the Help area of the site, and
// conditional requests on re-crawls so an unchanged site costs 304s and
// rewrites no file.
package crawl

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a crawl. Zero values take the documented defaults.
type Options struct {
	// URL is the Help index, e.g. https://host/v3/mps-api/Help. Its path
	// is the prefix no request leaves; a bare host means /Help.
	URL string
	// Dir receives the pages and manifest.json; a previous crawl there is
	// updated in place.
	Dir string
	// Concurrency is the number of requests in flight (default 4).
	Concurrency int
	// Timeout bounds each request, body included (default 30s).
	Timeout time.Duration
	// Retries is the number of extra attempts after a 5xx, 429, timeout or
	// connection error (default 3; negative for none).
	Retries int
	// RetryBase is the first backoff (default 250ms); it doubles per
	// attempt, with jitter, up to RetryMax (default 10s).
	RetryBase time.Duration
	RetryMax  time.Duration
	// MaxPageBytes caps a page (default 5 MiB); a longer page fails and is
	// not written.
	MaxPageBytes int64
	// MaxPages stops the crawl from following a site that invents links
	// forever (default 50000); links past it are counted as dropped.
	MaxPages int
	// MaxTotalBytes caps the bytes downloaded by the whole crawl (default
	// 1 GiB; MaxPages × MaxPageBytes would allow 244 GiB). Once it is
	// spent, pages not yet fetched fail without a request and links found
	// later are dropped; pages in flight may finish, so the total can pass
	// it by at most Concurrency × MaxPageBytes.
	MaxTotalBytes int64
	// Client makes the requests (default: a client with its own
	// transport). Its CheckRedirect is wrapped, never bypassed, to keep
	// redirects on the site.
	Client *http.Client
	// UserAgent is sent with every request (default "helpgen-crawl/1").
	UserAgent string
	// Progress gets a one-line progress bar when it is a terminal (an
	// *os.File on a character device, or a writer with an IsTerminal()
	// bool method that returns true); otherwise nothing. Nil is quiet.
	Progress io.Writer
	// Log gets one line per retry and per failed page. Nil is quiet.
	Log io.Writer
}

// DefaultUserAgent is sent when Options.UserAgent is empty.
const DefaultUserAgent = "helpgen-crawl/1 (+https://github.com/helpgen/helpgen)"

func (o *Options) normalize() error {
	if o.URL == "" {
		return errors.New("crawl: no URL")
	}
	if o.Dir == "" {
		return errors.New("crawl: no output directory")
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	switch {
	case o.Retries == 0:
		o.Retries = 3
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.RetryBase <= 0 {
		o.RetryBase = 250 * time.Millisecond
	}
	if o.RetryMax <= 0 {
		o.RetryMax = 10 * time.Second
	}
	if o.RetryMax < o.RetryBase {
		o.RetryMax = o.RetryBase
	}
	if o.MaxPageBytes <= 0 {
		o.MaxPageBytes = 5 << 20
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 50000
	}
	if o.MaxTotalBytes <= 0 {
		o.MaxTotalBytes = 1 << 30
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return nil
}

// IndexURL parses a Help index URL as Crawl does: http or https with a
// host; no path means /Help.
func IndexURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("crawl: %q is not an http(s) URL", raw)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path, u.RawPath = "/Help", ""
	}
	u.Fragment, u.RawFragment, u.RawQuery = "", "", ""
	return u, nil
}

type crawler struct {
	o           Options
	site        site
	indexClient *http.Client
	pageClient  *http.Client
	old         map[string]*Entry // previous manifest, by URL
	oldIndex    *Entry            // its index, whatever URL spelled it
	retries     atomic.Int64
	downloaded  atomic.Int64 // body bytes read, against MaxTotalBytes
	logMu       sync.Mutex
	prog        *progress
	transport   *http.Transport // ours to close, when Options.Client is nil
}

// result is a visited page: its entry and the links it holds.
type result struct {
	entry Entry
	hrefs []string
	base  *url.URL // what relative links resolve against
}

// Crawl fetches the Help index at o.URL, every Api page it links, then
// every ResourceModel page linked from Api and model pages, into o.Dir.
//
// Api pages all come before any model page because the Help Page registers
// most model names only when an Api page using them renders; until then a
// model page is the Error view.
//
// A page that fails is recorded in the manifest and never stops the
// crawl. The error is non-nil only when the options are invalid, the index
// itself fails (Dir is then left untouched), ctx ends (pages written so far
// stay, the manifest is not updated) or the manifest cannot be written. The
// manifest is returned in every case but invalid options.
func Crawl(ctx context.Context, o Options) (*Manifest, error) {
	start := time.Now()
	if err := o.normalize(); err != nil {
		return nil, err
	}
	iu, err := IndexURL(o.URL)
	if err != nil {
		return nil, err
	}
	c := &crawler{o: o, prog: newProgress(o.Progress)}
	c.setClients(iu.Hostname())
	if c.transport != nil {
		defer c.transport.CloseIdleConnections()
	}
	c.loadOld()

	m := &Manifest{URL: o.URL}
	defer func() { m.Duration = time.Since(start) }()
	c.prog.grow(1)
	idx := c.visit(ctx, c.indexClient, link{kind: KindIndex, url: iu.String()})
	c.prog.step()
	m.Pages = append(m.Pages, idx.entry)
	if idx.entry.Result == ResultFailed {
		c.prog.finish()
		m.Counts.Retries = int(c.retries.Load())
		m.finish()
		if err := ctx.Err(); err != nil {
			return m, err
		}
		return m, fmt.Errorf("crawl: index %s: %s", iu.Redacted(), idx.entry.Error)
	}
	// The index may have been redirected (http to https, /help to /Help/):
	// the site is where it ended up.
	c.site = newSite(idx.base)
	m.Site = c.site.String()

	st := &state{
		known:   map[string]bool{},
		pending: map[Kind]map[string]link{KindAPI: {}, KindModel: {}},
		skipped: map[string]bool{},
	}
	st.collect(c, idx)
	for ctx.Err() == nil {
		// Every pending Api page before any model page, also when a model
		// page links an Api page: models register lazily.
		k := KindAPI
		if len(st.pending[KindAPI]) == 0 {
			k = KindModel
		}
		batch := st.pending[k]
		if len(batch) == 0 {
			break
		}
		st.pending[k] = map[string]link{}
		links := make([]link, 0, len(batch))
		for _, l := range batch {
			links = append(links, l)
		}
		sort.Slice(links, func(i, j int) bool { return links[i].url < links[j].url })
		// Links found during a wave wait for the next one, so the choice
		// between two spellings of one page never depends on timing.
		c.wave(ctx, links, func(r result) {
			m.Pages = append(m.Pages, r.entry)
			if r.entry.Result == ResultFailed {
				c.logf("failed: %s: %s", r.entry.URL, r.entry.Error)
			}
			st.collect(c, r)
			c.prog.step()
		})
	}
	c.prog.finish()
	for u := range st.skipped {
		m.Skipped = append(m.Skipped, u)
	}
	m.Counts.Retries = int(c.retries.Load())
	m.Counts.Dropped = st.dropped
	if err := ctx.Err(); err != nil {
		m.finish()
		return m, err
	}
	m.Counts.Removed = c.removeUnlinked(m)
	m.finish()
	b, err := m.encode()
	if err == nil {
		_, err = writeIfChanged(o.Dir, ManifestFile, b)
	}
	if err != nil {
		return m, fmt.Errorf("crawl: writing manifest: %w", err)
	}
	return m, nil
}

// state is the crawl frontier; only the coordinating goroutine touches it.
type state struct {
	known   map[string]bool // link keys ever scheduled
	pending map[Kind]map[string]link
	skipped map[string]bool
	dropped int
}

func (st *state) collect(c *crawler, r result) {
	if r.base == nil {
		return
	}
	for _, h := range r.hrefs {
		h = strings.TrimSpace(h)
		if h == "" || strings.HasPrefix(h, "#") {
			continue
		}
		u, err := r.base.Parse(h)
		if err != nil {
			continue
		}
		l, ok, helpLike := c.site.classify(u)
		if helpLike {
			v := *u
			v.Fragment, v.RawFragment, v.User = "", "", nil
			st.skipped[v.String()] = true
		}
		if !ok {
			continue
		}
		k := l.key()
		if p, ok := st.pending[l.kind][k]; ok {
			if l.url < p.url {
				st.pending[l.kind][k] = l
			}
			continue
		}
		if st.known[k] {
			continue
		}
		if len(st.known) >= c.o.MaxPages || c.spent() {
			if st.dropped == 0 {
				c.logf("page limit %d or byte limit %d reached; further links dropped", c.o.MaxPages, c.o.MaxTotalBytes)
			}
			st.dropped++
			continue
		}
		st.known[k] = true
		st.pending[l.kind][k] = l
		c.prog.grow(1)
	}
}

// wave visits links with bounded concurrency, handing each result to
// handle on the calling goroutine.
func (c *crawler) wave(ctx context.Context, links []link, handle func(result)) {
	jobs := make(chan link)
	results := make(chan result)
	var wg sync.WaitGroup
	for range min(c.o.Concurrency, len(links)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range jobs {
				results <- c.visit(ctx, c.pageClient, l)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, l := range links {
			select {
			case jobs <- l:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		handle(r)
	}
}

// visit fetches one page and stores it.
func (c *crawler) visit(ctx context.Context, client *http.Client, l link) result {
	file := fileFor(l.kind, l.name)
	e := Entry{URL: l.url, Kind: l.kind}
	r := result{}
	r.base, _ = url.Parse(l.url)

	// Revalidate only a copy that is still what the last crawl wrote: a
	// 304 for a file someone edited or deleted would keep the wrong page.
	var v validators
	var cached []byte
	old := c.old[l.url]
	if old == nil && l.kind == KindIndex && c.oldIndex != nil {
		// Another spelling of the same index ("/help/") may revalidate it;
		// another site's index must not.
		if ou, err := url.Parse(c.oldIndex.URL); err == nil && r.base != nil && CacheKey(ou) == CacheKey(r.base) {
			old = c.oldIndex
		}
	}
	if old != nil && old.File == file && old.SHA256 != "" {
		if b, err := os.ReadFile(filepath.Join(c.o.Dir, filepath.FromSlash(file))); err == nil && hash(b) == old.SHA256 {
			cached = b
			v = validators{old.ETag, old.LastModified}
		}
	}

	f := c.fetch(ctx, client, l.url, v)
	e.Status, e.Retries = Status(f.status), f.retries
	if f.finalURL != "" && f.finalURL != l.url {
		e.RedirectedTo = f.finalURL
		if u, err := url.Parse(f.finalURL); err == nil {
			r.base = u
		}
	}
	err := f.err
	switch {
	case err != nil:
	case f.notModified:
		e.Result, e.File, e.SHA256, e.Bytes = ResultUnchanged, file, old.SHA256, int64(len(cached))
		e.ETag, e.LastModified = cmp.Or(f.etag, old.ETag), cmp.Or(f.lastModified, old.LastModified)
		r.hrefs = scanHTML(cached).hrefs
		return r.with(e)
	default:
		s := scanHTML(f.body)
		switch {
		case s.errorView:
			err = errErrorView
		case !s.help:
			err = errNotHelpPage
		default:
			wrote, werr := writeIfChanged(c.o.Dir, file, f.body)
			if werr != nil {
				err = fmt.Errorf("writing %s: %w", file, werr)
				break
			}
			e.Result = ResultUnchanged
			if wrote {
				e.Result = ResultFetched
			}
			e.File, e.SHA256, e.Bytes = file, hash(f.body), int64(len(f.body))
			e.ETag, e.LastModified = f.etag, f.lastModified
			r.hrefs = s.hrefs
			return r.with(e)
		}
	}
	e.Result, e.Error = ResultFailed, err.Error()
	if cached != nil {
		// Keep the last good copy, and crawl on from its links, so that a
		// transient failure loses neither the page nor the pages below it.
		e.File, e.SHA256, e.Bytes, e.Stale = file, old.SHA256, int64(len(cached)), true
		e.ETag, e.LastModified = old.ETag, old.LastModified
		r.hrefs = scanHTML(cached).hrefs
	}
	return r.with(e)
}

func (r result) with(e Entry) result {
	r.entry = e
	return r
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func (c *crawler) setClients(indexHost string) {
	base := c.o.Client
	if base == nil {
		t := &http.Transport{Proxy: http.ProxyFromEnvironment}
		if d, ok := http.DefaultTransport.(*http.Transport); ok {
			t = d.Clone()
		}
		// Enough idle connections that every worker keeps its own.
		t.MaxIdleConnsPerHost = c.o.Concurrency
		c.transport = t
		base = &http.Client{Transport: t}
	}
	ic, pc := *base, *base
	// The index may move within its host (http to https, a trailing
	// slash); the site boundary is fixed from where it lands.
	ic.CheckRedirect = redirectPolicy(func(u *url.URL) bool {
		return (u.Scheme == "http" || u.Scheme == "https") && u.User == nil && strings.EqualFold(u.Hostname(), indexHost)
	}, base.CheckRedirect)
	pc.CheckRedirect = redirectPolicy(func(u *url.URL) bool { return c.site.contains(u) }, base.CheckRedirect)
	c.indexClient, c.pageClient = &ic, &pc
}

// loadOld reads the previous manifest. A missing or unreadable one only
// means no conditional requests.
func (c *crawler) loadOld() {
	m, err := ReadManifest(c.o.Dir)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			c.logf("ignoring previous manifest: %v", err)
		}
		return
	}
	c.old = make(map[string]*Entry, len(m.Pages))
	for i := range m.Pages {
		e := &m.Pages[i]
		c.old[e.URL] = e
		if e.Kind == KindIndex {
			c.oldIndex = e
		}
	}
}

// removeUnlinked deletes the files of pages the site no longer links, so
// a re-crawled directory describes the site as it is now. Only files the
// previous crawl wrote, still unmodified, are touched.
func (c *crawler) removeUnlinked(m *Manifest) int {
	keep := map[string]bool{}
	for _, e := range m.Pages {
		keep[e.File] = true
	}
	urls := make([]string, 0, len(c.old))
	for u, e := range c.old {
		if e.File != "" && !keep[e.File] && e.SHA256 != "" && filepath.IsLocal(filepath.FromSlash(e.File)) &&
			(strings.HasPrefix(e.File, "Api/") || strings.HasPrefix(e.File, "ResourceModel/")) {
			urls = append(urls, u)
		}
	}
	sort.Strings(urls)
	n := 0
	for _, u := range urls {
		e := c.old[u]
		p := filepath.Join(c.o.Dir, filepath.FromSlash(e.File))
		if b, err := os.ReadFile(p); err != nil || hash(b) != e.SHA256 {
			continue
		}
		if err := os.Remove(p); err == nil {
			c.logf("removed %s: no longer linked", e.File)
			n++
		}
	}
	return n
}

// spent reports whether the crawl has downloaded MaxTotalBytes.
func (c *crawler) spent() bool { return c.downloaded.Load() >= c.o.MaxTotalBytes }

func (c *crawler) logf(format string, args ...any) {
	if c.o.Log == nil {
		return
	}
	c.logMu.Lock()
	defer c.logMu.Unlock()
	c.prog.clear()
	fmt.Fprintf(c.o.Log, format+"\n", args...)
	c.prog.redraw()
}
