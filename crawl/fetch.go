package crawl

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

var (
	errOffsite      = errors.New("redirect leaves the site; not followed")
	errRedirectLoop = errors.New("stopped after 10 redirects")
	errNotModified  = errors.New("unexpected 304 Not Modified to an unconditional request")
	errOversized    = errors.New("page larger than MaxPageBytes; not written")
	errSpent        = errors.New("the crawl's MaxTotalBytes is spent; not fetched")
	errErrorView    = errors.New("the site answered with its Error view (no such page)")
	errNotHelpPage  = errors.New("not a Help Page (no help-page content)")
)

// validators are the previous crawl's cache validators for a page.
type validators struct{ etag, lastModified string }

func (v validators) any() bool { return v.etag != "" || v.lastModified != "" }

// fetched is the outcome of one page's request, after retries.
type fetched struct {
	status       int // 0: no response
	body         []byte
	etag         string
	lastModified string
	finalURL     string
	notModified  bool
	retries      int
	err          error
}

// fetch GETs u, retrying what may be transient: 5xx, 429, timeouts and
// connection errors. Other 4xx are answers about the page and retrying
// cannot change them.
func (c *crawler) fetch(ctx context.Context, client *http.Client, u string, v validators) fetched {
	for attempt := 0; ; attempt++ {
		f, retry, after := c.try(ctx, client, u, v)
		f.retries = attempt
		if f.err == nil || !retry || attempt >= c.o.Retries || ctx.Err() != nil {
			return f
		}
		d := c.backoff(attempt, after)
		c.logf("retry %d/%d in %s: %s: %v", attempt+1, c.o.Retries, d.Round(time.Millisecond), u, f.err)
		c.retries.Add(1)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			f.err = ctx.Err()
			f.retries = attempt + 1
			return f
		case <-t.C:
		}
	}
}

// try makes one attempt. The per-request timeout covers the whole
// exchange, body included: a server that trickles bytes is as stuck as one
// that never answers.
func (c *crawler) try(ctx context.Context, client *http.Client, u string, v validators) (f fetched, retry bool, after time.Duration) {
	if c.spent() {
		f.err = errSpent
		return f, false, 0
	}
	actx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		f.err = err
		return f, false, 0
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
	if v.etag != "" {
		req.Header.Set("If-None-Match", v.etag)
	}
	if v.lastModified != "" {
		req.Header.Set("If-Modified-Since", v.lastModified)
	}
	resp, err := client.Do(req)
	if resp != nil {
		// A refused redirect still hands back the redirect response.
		f.status = resp.StatusCode
		defer resp.Body.Close()
	}
	if err != nil {
		f.err, retry = c.transportError(ctx, actx, err)
		return f, retry, 0
	}
	f.finalURL = resp.Request.URL.String()
	f.etag = resp.Header.Get("ETag")
	f.lastModified = resp.Header.Get("Last-Modified")
	code := resp.StatusCode
	switch {
	case code == http.StatusNotModified:
		if !v.any() {
			f.err = errNotModified
			return f, false, 0
		}
		f.notModified = true
		return f, false, 0
	case code == http.StatusTooManyRequests || code >= 500:
		drain(resp.Body)
		f.err = statusError(resp)
		return f, true, retryAfter(resp.Header.Get("Retry-After"), time.Now())
	case code < 200 || code >= 300 || code == http.StatusNoContent || code == http.StatusResetContent || code == http.StatusPartialContent:
		drain(resp.Body)
		f.err = statusError(resp)
		return f, false, 0
	}
	if resp.ContentLength > c.o.MaxPageBytes {
		f.err = errOversized
		return f, false, 0
	}
	// What is left of the crawl's budget caps the page too; one byte past
	// the cap tells a page that is too big from one that fits.
	limit := min(c.o.MaxPageBytes, c.o.MaxTotalBytes-c.downloaded.Load())
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	c.downloaded.Add(int64(len(body)))
	if err != nil {
		f.err, retry = c.transportError(ctx, actx, err)
		f.err = fmt.Errorf("reading body: %w", f.err)
		return f, retry, 0
	}
	if int64(len(body)) > limit {
		f.err = errOversized
		if limit < c.o.MaxPageBytes {
			f.err = errSpent
		}
		return f, false, 0
	}
	f.body = body
	return f, false, 0
}

// transportError names a failed exchange and says whether to retry it.
func (c *crawler) transportError(ctx, actx context.Context, err error) (error, bool) {
	if ctx.Err() != nil {
		return ctx.Err(), false
	}
	if errors.Is(err, errOffsite) || errors.Is(err, errRedirectLoop) {
		var ue *url.Error
		if errors.As(err, &ue) {
			return ue.Err, false
		}
		return err, false
	}
	// A certificate problem will be the same on the next attempt.
	var cve *tls.CertificateVerificationError
	var uae x509.UnknownAuthorityError
	var hne x509.HostnameError
	var cie x509.CertificateInvalidError
	if errors.As(err, &cve) || errors.As(err, &uae) || errors.As(err, &hne) || errors.As(err, &cie) {
		return err, false
	}
	// So will a host name that does not resolve (a typo in the URL).
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return err, false
	}
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timeout after %s", c.o.Timeout), true
	}
	return err, true
}

func statusError(resp *http.Response) error {
	return fmt.Errorf("HTTP %s", resp.Status)
}

// drain lets the connection be reused for the next page.
func drain(r io.Reader) { io.Copy(io.Discard, io.LimitReader(r, 64<<10)) }

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(min(n, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// backoff is RetryBase·2^attempt with "equal jitter" (half fixed, half
// random), so that pages failing together do not retry in lockstep, capped
// at RetryMax; a server's Retry-After wins when longer, up to the same cap.
func (c *crawler) backoff(attempt int, after time.Duration) time.Duration {
	d := c.o.RetryMax
	if attempt < 30 {
		if x := c.o.RetryBase << attempt; x > 0 && x < d {
			d = x
		}
	}
	d = d/2 + rand.N(d/2+1)
	if after > d {
		d = min(after, c.o.RetryMax)
	}
	return d
}

// redirectPolicy builds a CheckRedirect that follows only redirects
// allowed by ok, then defers to the caller's own policy if any.
func redirectPolicy(ok func(*url.URL) bool, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errRedirectLoop
		}
		if !ok(req.URL) {
			return fmt.Errorf("%w: %s", errOffsite, req.URL.Redacted())
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}
