package rt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// Doer sends HTTP requests; *http.Client is one.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// RequestEditor changes a request before it is sent (auth headers,
// correlation ids). An error aborts the call.
type RequestEditor func(ctx context.Context, req *http.Request) error

// ClientOption configures a Client.
type ClientOption func(*Client) error

// Format is a wire format for request bodies.
type Format int

// Wire formats. JSON is the default, as for Web API's own formatters.
const (
	FormatJSON Format = iota
	FormatXML
	FormatForm
)

// Client calls the API. Its methods are generated, one per endpoint; it is
// safe for concurrent use. It never retries: the endpoints are not known to
// be idempotent, so retrying is left to the Doer or the caller.
//
// Redirects: the client follows a redirect only where nothing the caller
// did not mean to send goes anywhere it did not mean to send it. A
// redirect to another origin (scheme, host or port) drops every header but
// the client's own Accept and User-Agent (request editors' headers —
// API keys, Authorization, cookies — stay behind); 307 and 308, which
// re-send the method and the body, are followed within the origin only; a
// 301, 302 or 303 answer to a method other than GET or HEAD, which would
// turn the call into a GET elsewhere, is an error unless WithRedirectAsGet
// allows it; https never goes to http. A refused redirect is a
// *RedirectError (inside the *url.Error that net/http returns), and
// nothing is sent to its Location. The policy is the CheckRedirect of the
// client's own copy of the *http.Client (the one given, or
// http.DefaultClient; its Transport, and so its connections, are shared),
// run before the copied client's own CheckRedirect. A Doer that is not an
// *http.Client follows its own policy; an answer it got from another
// origin, or with another method, is then an error rather than the call's
// answer.
type Client struct {
	api           *API // the generated package's contracts and operations
	base          *url.URL
	doer          Doer
	editors       []RequestEditor
	format        Format
	userAgent     string
	maxBody       int64
	redirectAsGet bool
}

// rtMaxErrorBody bounds what is read of a non-2xx answer: enough for any
// error document an API writes (HttpError, a result wrapper), not the
// whole of an answer that may be an attack.
const rtMaxErrorBody = 64 << 10

// rtNewClientConfig builds a client for the API at baseURL (the
// application root: the routes are relative to it, e.g.
// https://host/v3/mps-api/); the generated NewClient calls it.
func rtNewClientConfig(baseURL string, opts []ClientOption) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("client: base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("client: base URL %q: want http or https", baseURL)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c := &Client{base: u, doer: http.DefaultClient, maxBody: 16 << 20}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if hc, ok := c.doer.(*http.Client); ok {
		own := *hc
		own.CheckRedirect = c.checkRedirect(hc.CheckRedirect)
		c.doer = &own
	}
	return c, nil
}

// WithHTTPClient sends requests through d (an *http.Client or any Doer).
func WithHTTPClient(d Doer) ClientOption {
	return func(c *Client) error {
		if d == nil {
			return errors.New("client: nil Doer")
		}
		c.doer = d
		return nil
	}
}

// WithRequestEditor adds an editor run on every request, in order.
func WithRequestEditor(fn RequestEditor) ClientOption {
	return func(c *Client) error { c.editors = append(c.editors, fn); return nil }
}

// WithFormat selects the request body format (and the preferred response format).
func WithFormat(f Format) ClientOption {
	return func(c *Client) error {
		if f < FormatJSON || f > FormatForm {
			return fmt.Errorf("client: unknown format %d", f)
		}
		c.format = f
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) ClientOption {
	return func(c *Client) error { c.userAgent = ua; return nil }
}

// WithMaxResponseBytes bounds how much of a response body is read (default
// 16 MiB); a longer answer is an error. It must be positive.
func WithMaxResponseBytes(n int64) ClientOption {
	return func(c *Client) error {
		if n <= 0 {
			return fmt.Errorf("client: WithMaxResponseBytes(%d): the limit must be positive", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithRedirectAsGet lets the client follow a 301, 302 or 303 answer to a
// POST, PUT, PATCH or DELETE as browsers do: with a GET and no body (to
// another origin without the editors' headers, as any redirect there). By
// default such a redirect is an error, since the call's answer would be
// whatever the new location answers to a GET.
func WithRedirectAsGet() ClientOption {
	return func(c *Client) error { c.redirectAsGet = true; return nil }
}

// RedirectError is a redirect the client refused to follow; nothing was
// sent to Location.
type RedirectError struct {
	StatusCode int    // 301, 302, 303, 307 or 308
	Method     string // of the request that was redirected
	Location   string // the new location, without user info or password
	Reason     string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("client: %d redirect of a %s to %s not followed: %s", e.StatusCode, e.Method, e.Location, e.Reason)
}

// rtOrigin is a URL's scheme, host and port (the default port made explicit).
func rtOrigin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// checkRedirect is the client's redirect policy (see Client), run before
// next (the given *http.Client's own CheckRedirect, if any).
func (c *Client) checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first, prev := via[0], via[len(via)-1]
		refuse := func(reason string) error {
			status := 0
			if req.Response != nil {
				status = req.Response.StatusCode
			}
			return &RedirectError{StatusCode: status, Method: prev.Method, Location: req.URL.Redacted(), Reason: reason}
		}
		same := rtOrigin(req.URL) == rtOrigin(first.URL)
		switch {
		case len(via) >= 10:
			return refuse("stopped after 10 redirects")
		case prev.URL.Scheme == "https" && req.URL.Scheme != "https":
			return refuse("it leaves https")
		case req.Method != prev.Method && !c.redirectAsGet:
			return refuse("it would turn the " + prev.Method + " into a " + req.Method + " (WithRedirectAsGet allows it)")
		case !same && req.Method == prev.Method && req.Method != "GET" && req.Method != "HEAD":
			return refuse("it would send the " + prev.Method + " and its body to another origin")
		case !same && req.Response != nil && (req.Response.StatusCode == 307 || req.Response.StatusCode == 308):
			return refuse("307 and 308 are followed within the origin only")
		}
		if !same {
			// Only the client's own headers go to another origin.
			req.Header = http.Header{"Accept": {c.rtAccept()}}
			if c.userAgent != "" {
				req.Header.Set("User-Agent", c.userAgent)
			}
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// APIError is a non-2xx answer.
type APIError struct {
	StatusCode  int
	ContentType string
	// Body is the start of the response body (at most 4 KiB).
	Body []byte
	// Decoded is the body decoded as the endpoint's documented response type
	// (e.g. a result wrapper with Success=false), or nil when it did not parse.
	Decoded any
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("api: HTTP %d", e.StatusCode)
	if len(e.Body) > 0 {
		excerpt := e.Body
		if len(excerpt) > 200 {
			excerpt = excerpt[:200]
		}
		s += ": " + strings.TrimSpace(string(excerpt))
	}
	return s
}

// rtCall is one prepared request.
type rtCall struct {
	method, path string
	query        url.Values
	body         []byte
	contentType  string
}

func (c *Client) rtAccept() string {
	if c.format == FormatXML {
		return "application/xml, text/xml;q=0.9, application/json;q=0.8"
	}
	return "application/json, text/json;q=0.9, application/xml;q=0.8"
}

func rtContentType(f Format) string {
	switch f {
	case FormatXML:
		return "application/xml; charset=utf-8"
	case FormatForm:
		return "application/x-www-form-urlencoded; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// rtDo sends a call and returns the status, the media type and the body.
func (c *Client) rtDo(ctx context.Context, call *rtCall) (int, string, []byte, error) {
	if err := rtCheckCallPath(call.path); err != nil {
		return 0, "", nil, err
	}
	// call.path is already escaped (rtPathEscape per parameter value).
	target := c.base.Scheme + "://" + c.base.Host + c.base.EscapedPath() + call.path
	if len(call.query) > 0 {
		target += "?" + call.query.Encode()
	}
	// A body is sent whenever the call has a content type, also when it is
	// empty (a nil form body): without Content-Type Web API answers 415, and
	// without Content-Length a server may wait for a body that never comes.
	var body io.Reader
	if call.body != nil || call.contentType != "" {
		body = bytes.NewReader(call.body)
	}
	req, err := http.NewRequestWithContext(ctx, call.method, target, body)
	if err != nil {
		return 0, "", nil, err
	}
	if call.contentType != "" {
		req.Header.Set("Content-Type", call.contentType)
	}
	req.Header.Set("Accept", c.rtAccept())
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	for _, ed := range c.editors {
		if err := ed(ctx, req); err != nil {
			return 0, "", nil, err
		}
	}
	resp, err := c.doer.Do(req)
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	if _, ok := c.doer.(*http.Client); !ok && resp.Request != nil {
		if err := rtFollowedElsewhere(req, resp.Request); err != nil {
			return 0, "", nil, err
		}
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		data, complete, err := rtReadAtMost(resp, rtMaxErrorBody)
		if err != nil {
			return resp.StatusCode, "", nil, err
		}
		if !complete {
			// Too long to be an error document: keep its start, decode
			// nothing, leave the rest unread.
			if len(data) == 0 {
				data, _ = io.ReadAll(io.LimitReader(resp.Body, 4096))
			}
			return resp.StatusCode, mt, nil, &APIError{StatusCode: resp.StatusCode, ContentType: mt, Body: bytes.Clone(data[:min(len(data), 4096)])}
		}
		return resp.StatusCode, mt, data, nil
	}
	data, complete, err := rtReadAtMost(resp, c.maxBody)
	if err != nil {
		return resp.StatusCode, "", nil, err
	}
	if !complete {
		return resp.StatusCode, "", nil, fmt.Errorf("api: response body over %d bytes (WithMaxResponseBytes)", c.maxBody)
	}
	return resp.StatusCode, mt, data, nil
}

// rtReadAtMost reads a response body of at most limit bytes; complete is
// false when it is longer (data then holds what was read). A body with a
// length ends in a buffer of that size (rtReadLength), or is refused
// unread when the length is over the limit; one without grows as
// io.ReadAll grows.
func rtReadAtMost(resp *http.Response, limit int64) (data []byte, complete bool, err error) {
	if resp.Request != nil && resp.Request.Method == http.MethodHead {
		return nil, true, nil
	}
	if n := resp.ContentLength; n > limit {
		return nil, false, nil
	} else if n >= 0 {
		data, err = rtReadLength(resp.Body, n)
		return data, true, err
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], false, err
	}
	return data, true, err
}

// rtFollowedElsewhere is the check for a Doer that is not an *http.Client,
// whose redirects the client cannot police: an answer from another origin,
// or to another method, is not the call's answer.
func rtFollowedElsewhere(sent, final *http.Request) error {
	if rtOrigin(final.URL) == rtOrigin(sent.URL) && final.Method == sent.Method {
		return nil
	}
	return &RedirectError{Method: sent.Method, Location: final.URL.Redacted(),
		Reason: "the Doer followed it to another origin or method; only an *http.Client follows the client's redirect policy"}
}

// rtCheckCallPath refuses a path whose values Web API would not route as
// sent: it decodes %2F and %5C into separators and drops "." and ".."
// segments before routing, so such a value would reach another route or
// none. Route literals are never "." or ".." and hold no '%', so a segment
// that fails came from a value (rtPathEscape turns '/' into %2F).
func rtCheckCallPath(path string) error {
	for seg := range strings.SplitSeq(path, "/") {
		if seg == "." || seg == ".." || rtHasEscaped(seg, "2F") || rtHasEscaped(seg, "5C") {
			v, _ := url.PathUnescape(seg)
			return fmt.Errorf("client: path value %s cannot be sent: Web API would decode its '/' or '\\' (or drop the . or .. segment) before routing, and the call would reach another route or none", rtQuoteExcerpt(v, 64))
		}
	}
	return nil
}

// rtHasEscaped reports whether seg holds %XX for the hex digits hex (upper
// case) in either case.
func rtHasEscaped(seg, hex string) bool {
	for i := strings.IndexByte(seg, '%'); i >= 0 && i+2 < len(seg); {
		if strings.EqualFold(seg[i+1:i+3], hex) {
			return true
		}
		j := strings.IndexByte(seg[i+1:], '%')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// rtPathEscape escapes one path segment value.
func rtPathEscape(s string) string { return url.PathEscape(s) }

// rtIsXML reports whether a response media type is XML.
func rtIsXML(mt string) bool { return strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml") }

// rtAPIError builds the error for a non-2xx answer; decode tries the
// documented response type.
func rtAPIError(status int, mt string, data []byte, decode func() (any, error)) error {
	e := &APIError{StatusCode: status, ContentType: mt}
	if len(data) > 4096 {
		e.Body = append([]byte(nil), data[:4096]...)
	} else {
		e.Body = data
	}
	if decode != nil && len(data) > 0 {
		if v, err := decode(); err == nil {
			e.Decoded = v
		}
	}
	return e
}
