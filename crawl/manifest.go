package crawl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ManifestFile is the name of the manifest inside a crawl directory.
const ManifestFile = "manifest.json"

// Manifest records one crawl: every page the crawl tried, sorted by URL,
// and what became of it. Written to Dir/manifest.json, it is also the
// state the next crawl of Dir starts from (validators and hashes).
type Manifest struct {
	// URL is the index URL as given; Site is scheme://host/prefix after
	// any redirect of the index, the boundary no request crosses.
	URL    string  `json:"url"`
	Site   string  `json:"site"`
	Counts Counts  `json:"summary"`
	Pages  []Entry `json:"pages"`
	// Skipped lists the Help-Page-shaped links that point off the site
	// (another host or scheme, or outside the prefix); none is fetched.
	Skipped []string `json:"skipped,omitempty"`

	// Duration is the crawl's wall time; not stored, so that equal crawls
	// give equal manifests.
	Duration time.Duration `json:"-"`
}

// Counts summarises a crawl. Pages = Fetched + Unchanged + Failed.
type Counts struct {
	Pages     int `json:"pages"`
	Fetched   int `json:"fetched"`   // new or changed content, written
	Unchanged int `json:"unchanged"` // 304, or 200 with the content already on disk
	Failed    int `json:"failed"`
	Skipped   int `json:"skipped"`           // off-site links not followed
	Retries   int `json:"retries"`           // extra attempts over all pages
	Removed   int `json:"removed"`           // files of pages no longer linked, deleted
	Dropped   int `json:"dropped,omitempty"` // links past Options.MaxPages
}

// Results of an Entry.
const (
	ResultFetched   = "fetched"
	ResultUnchanged = "unchanged"
	ResultFailed    = "failed"
)

// Entry is one page.
type Entry struct {
	URL  string `json:"url"`
	Kind Kind   `json:"kind"`
	// File is the page's path relative to Dir, with "/" separators; empty
	// when no copy exists (a failure on the first crawl, an oversized page).
	File   string `json:"file,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	Bytes  int64  `json:"bytes"`
	// Status is the last HTTP status received; 0 (written "error") when
	// no response came at all.
	Status Status `json:"status"`
	Result string `json:"result"`
	Error  string `json:"error,omitempty"`
	// Stale marks a failed page whose File is the copy from an earlier
	// crawl, kept because a transient failure should not lose a page.
	Stale        bool   `json:"stale,omitempty"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"lastModified,omitempty"`
	// RedirectedTo is the final URL when the site redirected (within itself).
	RedirectedTo string `json:"redirectedTo,omitempty"`
	Retries      int    `json:"retries,omitempty"`
}

// Status is an HTTP status code, or 0 for "no response" (written "error").
type Status int

// MarshalJSON writes the code, or "error" for no response.
func (s Status) MarshalJSON() ([]byte, error) {
	if s == 0 {
		return []byte(`"error"`), nil
	}
	return strconv.AppendInt(nil, int64(s), 10), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Status) UnmarshalJSON(b []byte) error {
	if string(b) == `"error"` || string(b) == "null" {
		*s = 0
		return nil
	}
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return fmt.Errorf("crawl: bad status %s", b)
	}
	*s = Status(n)
	return nil
}

// Failed returns the entries that failed.
func (m *Manifest) Failed() []Entry {
	var out []Entry
	for _, e := range m.Pages {
		if e.Result == ResultFailed {
			out = append(out, e)
		}
	}
	return out
}

// Entry returns the entry for url, or nil.
func (m *Manifest) Entry(url string) *Entry {
	i := sort.Search(len(m.Pages), func(i int) bool { return m.Pages[i].URL >= url })
	if i < len(m.Pages) && m.Pages[i].URL == url {
		return &m.Pages[i]
	}
	return nil
}

// Summary is the one line a command prints when a crawl ends.
func (m *Manifest) Summary() string {
	c := m.Counts
	var b strings.Builder
	fmt.Fprintf(&b, "crawl %s: %d pages: %d fetched, %d unchanged, %d failed", m.URL, c.Pages, c.Fetched, c.Unchanged, c.Failed)
	if stale := m.staleCount(); stale > 0 {
		fmt.Fprintf(&b, " (%d kept from the previous crawl)", stale)
	}
	fmt.Fprintf(&b, "; %d off-site skipped; %d retries", c.Skipped, c.Retries)
	if c.Removed > 0 {
		fmt.Fprintf(&b, "; %d removed", c.Removed)
	}
	if c.Dropped > 0 {
		fmt.Fprintf(&b, "; %d links dropped past the page limit", c.Dropped)
	}
	if m.Duration > 0 {
		fmt.Fprintf(&b, "; %s", m.Duration.Round(time.Millisecond))
	}
	return b.String()
}

func (m *Manifest) staleCount() int {
	n := 0
	for _, e := range m.Pages {
		if e.Stale {
			n++
		}
	}
	return n
}

func (m *Manifest) finish() {
	sort.Slice(m.Pages, func(i, j int) bool { return m.Pages[i].URL < m.Pages[j].URL })
	sort.Strings(m.Skipped)
	c := m.Counts
	c.Pages, c.Skipped, c.Fetched, c.Unchanged, c.Failed = len(m.Pages), len(m.Skipped), 0, 0, 0
	for _, e := range m.Pages {
		switch e.Result {
		case ResultFetched:
			c.Fetched++
		case ResultUnchanged:
			c.Unchanged++
		default:
			c.Failed++
		}
	}
	m.Counts = c
}

func (m *Manifest) encode() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ReadManifest reads Dir/manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("crawl: %s: %w", filepath.Join(dir, ManifestFile), err)
	}
	return &m, nil
}

// writeIfChanged replaces dir/rel atomically (temp file + rename, so a
// reader or a killed crawl never sees half a page) unless it already holds
// data. It reports whether it wrote.
func writeIfChanged(dir, rel string, data []byte) (bool, error) {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".crawl-*.tmp")
	if err != nil {
		return false, err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes 0600 files; pages are not secret.
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return false, err
	}
	return true, nil
}
