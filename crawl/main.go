package crawl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

const usage = `usage: helpgen crawl URL -o DIR [-concurrency N] [-timeout D] [-retries N] [-max-bytes N] [-max-total-bytes N] [-user-agent S] [-v]

Mirrors an ASP.NET Web API Help Page site (URL is its /Help index) into DIR:
index.html, Api/{ApiId}.html, ResourceModel/{ModelName}.html and manifest.json.
Re-crawling DIR sends conditional requests and rewrites no unchanged file.
Exit status: 0 when the index was fetched (failed pages are listed), 1 when
the index itself failed, 2 for usage errors.

`

// Main runs "helpgen crawl"; args are the arguments after "crawl" (a
// leading "crawl" is also accepted). Flags may come before or after URL.
// Progress and the summary go to stderr; stdout is unused, leaving it
// free for whatever the caller pipes.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "crawl" {
		args = args[1:]
	}
	fs := flag.NewFlagSet("helpgen crawl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// printUsage prints the usage to w: stdout when asked for (-h), stderr
	// after a usage error, as every helpgen command does.
	printUsage := func(w io.Writer) {
		io.WriteString(w, usage)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // parseInterleaved's errors are handled below
	out := fs.String("o", "", "output `DIR` (required)")
	conc := fs.Int("concurrency", 4, "requests in flight")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout per request, body included")
	retries := fs.Int("retries", 3, "retries after a 5xx, 429, timeout or connection error")
	maxBytes := fs.Int64("max-bytes", 5<<20, "largest page accepted, in bytes")
	maxTotal := fs.Int64("max-total-bytes", 1<<30, "most bytes the whole crawl downloads")
	ua := fs.String("user-agent", DefaultUserAgent, "User-Agent header")
	verbose := fs.Bool("v", false, "log retries and failures as they happen")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout)
		return 0
	}
	if err != nil {
		printUsage(stderr)
		return 2
	}
	fs.Usage = func() { printUsage(stderr) }
	bad := func(msg string) int {
		fmt.Fprintf(stderr, "helpgen crawl: %s\n", msg)
		fs.Usage()
		return 2
	}
	switch {
	case len(pos) != 1:
		return bad("want exactly one URL")
	case *out == "":
		return bad("-o DIR is required")
	case *conc < 1:
		return bad("-concurrency must be at least 1")
	case *timeout <= 0:
		return bad("-timeout must be positive")
	case *retries < 0:
		return bad("-retries must not be negative")
	case *maxBytes < 1:
		return bad("-max-bytes must be positive")
	case *maxTotal < 1:
		return bad("-max-total-bytes must be positive")
	}
	if _, err := IndexURL(pos[0]); err != nil {
		return bad(err.Error())
	}
	o := Options{
		URL:           pos[0],
		Dir:           *out,
		Concurrency:   *conc,
		Timeout:       *timeout,
		Retries:       *retries,
		MaxPageBytes:  *maxBytes,
		MaxTotalBytes: *maxTotal,
		UserAgent:     *ua,
		Progress:      stderr,
	}
	if o.Retries == 0 {
		o.Retries = -1 // Options reads 0 as "default"
	}
	if *verbose {
		o.Log = stderr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m, err := Crawl(ctx, o)
	if m != nil {
		if !*verbose {
			printFailures(stderr, m)
		}
		fmt.Fprintln(stderr, m.Summary())
	}
	if err != nil {
		// Crawl's errors start "crawl: ", which the prefix already says.
		fmt.Fprintf(stderr, "helpgen crawl: %s\n", strings.TrimPrefix(err.Error(), "crawl: "))
		return 1
	}
	return 0
}

// printFailures lists failed pages, bounded: the manifest has them all.
func printFailures(w io.Writer, m *Manifest) {
	const limit = 20
	f := m.Failed()
	for i, e := range f {
		if i == limit {
			fmt.Fprintf(w, "  ... and %d more failed pages (see %s)\n", len(f)-limit, ManifestFile)
			break
		}
		note := ""
		if e.Stale {
			note = " (kept previous copy)"
		}
		fmt.Fprintf(w, "  failed %s: %s%s\n", e.URL, e.Error, note)
	}
}

// parseInterleaved lets flags follow the URL ("crawl URL -o DIR"), which
// the flag package alone stops parsing at.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// Cached crawls rawURL into a directory of cacheDir named after the URL,
// and returns that directory, so "helpgen generate https://..." can crawl
// then parse. An empty cacheDir means os.UserCacheDir()/helpgen/crawl.
// Re-runs revalidate the cached pages with conditional requests.
//
// dir is returned with a non-nil error too (except for a bad URL): when the
// index could not be fetched it still holds the previous crawl, if any
// (check for its manifest.json), which a caller may choose to use offline.
func Cached(ctx context.Context, rawURL, cacheDir string, o Options) (dir string, err error) {
	u, err := IndexURL(rawURL)
	if err != nil {
		return "", err
	}
	if cacheDir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("crawl: no cache directory: %w", err)
		}
		cacheDir = filepath.Join(d, "helpgen", "crawl")
	}
	dir = filepath.Join(cacheDir, CacheKey(u))
	o.URL, o.Dir = rawURL, dir
	_, err = Crawl(ctx, o)
	return dir, err
}

// CacheKey names the cache directory of an index URL: the host, for
// people browsing the cache, and a hash of the normalised URL. The path is
// folded to lower case because the site's routes ignore case.
func CacheKey(u *url.URL) string {
	host := normHost(u)
	norm := strings.ToLower(u.Scheme) + "://" + host + strings.ToLower(newSite(u).prefix)
	var b strings.Builder
	for _, r := range host {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	sum := sha256.Sum256([]byte(norm))
	return b.String() + "-" + hex.EncodeToString(sum[:8])
}
