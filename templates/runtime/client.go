package wire

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
type Client struct {
	base      *url.URL
	doer      Doer
	editors   []RequestEditor
	format    Format
	userAgent string
	maxBody   int64
}

// NewClient returns a client for the API at baseURL (the application root:
// the routes are relative to it, e.g. https://host/v3/mps-api/).
func NewClient(baseURL string, opts ...ClientOption) (*Client, error) {
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
	c := &Client{base: u, doer: http.DefaultClient, maxBody: 64 << 20}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
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

// WithMaxResponseBytes bounds how much of a response body is read (default 64 MiB).
func WithMaxResponseBytes(n int64) ClientOption {
	return func(c *Client) error { c.maxBody = n; return nil }
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
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return resp.StatusCode, "", nil, err
	}
	if int64(len(data)) > c.maxBody {
		return resp.StatusCode, "", nil, fmt.Errorf("api: response body over %d bytes", c.maxBody)
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return resp.StatusCode, mt, data, nil
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
