package rt

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

// ServerOption configures the handler NewHandler returns.
type ServerOption func(*rtServerConfig)

type rtServerConfig struct {
	maxBody    int64
	limits     DecodeLimits
	noValidate bool
	logger     *slog.Logger
}

// WithMaxBodyBytes limits request bodies (default 10 MiB); larger ones get 413.
func WithMaxBodyBytes(n int64) ServerOption {
	return func(c *rtServerConfig) { c.maxBody = n }
}

// WithDecodeLimits sets the limits on what a body may hold (form keys,
// their depth and length; XML attributes and namespace declarations per
// element); unset fields keep their defaults (see DecodeLimits).
func WithDecodeLimits(l DecodeLimits) ServerOption {
	return func(c *rtServerConfig) { c.limits = l }
}

// WithLogger logs one line per request: method, route pattern, status and
// duration. Bodies, parameter values and query strings are never logged:
// they carry personal data (names, phone numbers, dates of birth).
func WithLogger(l *slog.Logger) ServerOption {
	return func(c *rtServerConfig) { c.logger = l }
}

// WithValidation turns the documented-annotation checks on (the default) or
// off, e.g. for a server that stands in for one that does not validate.
func WithValidation(on bool) ServerOption {
	return func(c *rtServerConfig) { c.noValidate = !on }
}

func rtNewServerConfig(opts []ServerOption) *rtServerConfig {
	c := &rtServerConfig{maxBody: 10 << 20}
	for _, o := range opts {
		o(c)
	}
	c.limits = c.limits.withDefaults()
	return c
}

// HTTPError lets a service method choose the status of its failure; any
// other error answers 500 without details.
type HTTPError struct {
	StatusCode int
	Message    string
}

func (e *HTTPError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.StatusCode, e.Message) }

// ValidationError lists invalid fields, as Web API's ModelState does.
type ValidationError struct {
	// Fields maps a field path (Slot.Start, Symptoms[1]) to its problems.
	Fields map[string][]string
}

func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("invalid request:")
	for _, k := range keys {
		for _, m := range e.Fields[k] {
			b.WriteString(" " + k + ": " + m + ";")
		}
	}
	return b.String()
}

func (e *ValidationError) add(field, msg string) {
	if e.Fields == nil {
		e.Fields = map[string][]string{}
	}
	e.Fields[field] = append(e.Fields[field], msg)
}

// rtFormat is a negotiated wire format.
type rtFormat int

const (
	rtJSON rtFormat = iota
	rtXML
	rtForm
)

// rtRequestFormat maps a request Content-Type to a body format; ok is
// false for anything else (415).
func rtRequestFormat(r *http.Request) (rtFormat, bool) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return 0, false
	}
	switch mt {
	case "application/json", "text/json":
		return rtJSON, true
	case "application/xml", "text/xml":
		return rtXML, true
	case "application/x-www-form-urlencoded":
		return rtForm, true
	}
	return 0, false
}

// rtResponseFormat picks JSON or XML from Accept (q-values honoured, JSON
// first on ties as Web API's formatter order has it). When the client
// accepts neither (Accept: text/html, or JSON and XML with q=0) it is JSON,
// as Web API answers: its content negotiation falls back to the first
// formatter that can write the type (verified on the dispensary oracle). ok
// is always true; it is kept for the generated handlers that check it.
func rtResponseFormat(r *http.Request) (rtFormat, bool) {
	accept := r.Header.Values("Accept")
	if len(accept) == 0 {
		return rtJSON, true
	}
	bestQ := -1.0
	best := rtJSON
	for _, h := range accept {
		for _, part := range strings.Split(h, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			mt, params, err := mime.ParseMediaType(part)
			if err != nil {
				continue
			}
			q := 1.0
			if qs, ok := params["q"]; ok {
				if v, err := strconv.ParseFloat(qs, 64); err == nil {
					q = v
				}
			}
			if q <= 0 {
				continue
			}
			var f rtFormat
			switch mt {
			case "application/json", "text/json", "*/*", "application/*":
				f = rtJSON
			case "application/xml", "text/xml":
				f = rtXML
			case "text/*":
				f = rtJSON
			default:
				continue
			}
			if q > bestQ || (q == bestQ && f == rtJSON && best != rtJSON && mt != "*/*") {
				bestQ, best = q, f
			}
		}
	}
	if bestQ < 0 {
		return rtJSON, true
	}
	return best, true
}

// rtReadBody reads a request body within the limit; the status is 413 when
// it is too large, 400 when it cannot be read.
func rtReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, int) {
	if r.ContentLength > limit {
		return nil, http.StatusRequestEntityTooLarge
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	var data []byte
	var err error
	if r.ContentLength > 0 {
		data, err = rtReadLength(body, r.ContentLength)
	} else {
		data, err = io.ReadAll(body)
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, http.StatusRequestEntityTooLarge
		}
		return nil, http.StatusBadRequest
	}
	return data, 0
}

// rtReadLength reads a body of a declared length. The buffer grows as the
// bytes arrive, doubling up to the length (at most twice what was
// received, so a client that declares 10 MiB and sends nothing holds
// 64 KiB of the server, not 10 MiB), and ends at the length exactly.
func rtReadLength(r io.Reader, length int64) ([]byte, error) {
	const first = 64 << 10
	data := make([]byte, 0, min(length, first))
	for int64(len(data)) < length {
		if len(data) == cap(data) {
			data = append(make([]byte, 0, min(2*int64(cap(data)), length)), data...)
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		switch {
		case int64(len(data)) == length:
			return data, nil // the last bytes may come with io.EOF
		case err == io.EOF:
			return data, io.ErrUnexpectedEOF
		case err != nil:
			return data, err
		}
	}
	return data, nil
}

// rtWriteError answers an error in the negotiated format, shaped like Web
// API's HttpError ({"Message": …, "ModelState": {…}}).
func rtWriteError(w http.ResponseWriter, f rtFormat, status int, msg string, fields map[string][]string) {
	var b []byte
	if f == rtXML {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		b = append(b, "<Error><Message>"...)
		b = rtXMLEscapeText(b, msg)
		b = append(b, "</Message>"...)
		if len(fields) > 0 {
			b = append(b, "<ModelState>"...)
			for _, k := range rtSortedKeys(fields) {
				for _, m := range fields[k] {
					b = append(b, "<Error><Field>"...)
					b = rtXMLEscapeText(b, k)
					b = append(b, "</Field><Message>"...)
					b = rtXMLEscapeText(b, m)
					b = append(b, "</Message></Error>"...)
				}
			}
			b = append(b, "</ModelState>"...)
		}
		b = append(b, "</Error>"...)
	} else {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		b = append(b, `{"Message":`...)
		b = strconv.AppendQuote(b, msg)
		if len(fields) > 0 {
			b = append(b, `,"ModelState":{`...)
			for i, k := range rtSortedKeys(fields) {
				if i > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendQuote(b, k)
				b = append(b, ":["...)
				for j, m := range fields[k] {
					if j > 0 {
						b = append(b, ',')
					}
					b = strconv.AppendQuote(b, m)
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}

func rtSortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func rtXMLEscapeText(b []byte, s string) []byte {
	for _, r := range s {
		switch r {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		default:
			b = append(b, string(r)...)
		}
	}
	return b
}

// rtStatusWriter records the status for the access log.
type rtStatusWriter struct {
	http.ResponseWriter
	status int
}

func (s *rtStatusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *rtStatusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// rtWrap adds panic recovery (500 without internals), the path-value
// checks (rtCheckPath) and the access log.
func rtWrap(cfg *rtServerConfig, pattern string, h http.HandlerFunc) http.HandlerFunc {
	params := rtRouteParams(pattern)
	return func(w http.ResponseWriter, r *http.Request) {
		sw := &rtStatusWriter{ResponseWriter: w}
		start := time.Now()
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				if sw.status == 0 {
					rtWriteError(sw, rtJSON, http.StatusInternalServerError, "An error has occurred.", nil)
				}
				if cfg.logger != nil {
					// The panic value may hold request data: log its type only.
					cfg.logger.Error("panic in handler", "route", pattern, "panic", fmt.Sprintf("%T", p))
				}
			}
			if cfg.logger != nil {
				cfg.logger.Info("request", "route", pattern, "status", sw.status, "duration", time.Since(start))
			}
		}()
		if !rtCheckPath(sw, r, params) {
			return
		}
		h(sw, r)
	}
}

// rtRouteParams maps the segments of a route pattern ("POST
// api/v1/items/{id}") to their parameter names ("" for literals).
func rtRouteParams(pattern string) []string {
	_, route, _ := strings.Cut(pattern, " ")
	segs := strings.Split(strings.Trim(route, "/"), "/")
	for i, s := range segs {
		if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
			segs[i] = ""
			continue
		}
		name := strings.TrimLeft(s[1:len(s)-1], "*")
		name, _, _ = strings.Cut(name, ":") // {id:int}
		name, _, _ = strings.Cut(name, "=") // {id=0}
		segs[i] = name
	}
	return segs
}

// rtCheckPath checks the path's encoded segments as Web API's host would
// see them, answering itself and returning false when one fails:
//
//   - %2F and %5C decode to separators before Web API routes (Uri turns \
//     into /), so a value holding one matches no route: 404 with no body,
//     as rtNoRoute answers. A service never gets a value with '/' or '\'
//     (..%2F..%2Fetc%2Fpasswd does not reach it).
//   - A control character (U+0000-U+001F, U+007F-U+009F: HTTP.sys's
//     "restricted characters", refused with 400 by every Windows Web API
//     host), bytes that are not UTF-8 (no .NET string holds them; mono
//     would make them U+FFFD) and malformed escapes get 400, naming the
//     parameter.
func rtCheckPath(w http.ResponseWriter, r *http.Request, params []string) bool {
	p := r.URL.EscapedPath() // the router routes on it as sent (route.go)
	if strings.IndexByte(p, '%') < 0 && strings.IndexByte(p, '\\') < 0 {
		return true // EscapedPath escapes every other byte that could fail
	}
	for i, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if strings.IndexByte(seg, '%') < 0 && strings.IndexByte(seg, '\\') < 0 {
			continue
		}
		v, err := url.PathUnescape(seg)
		var problem string
		switch {
		case err == nil && strings.ContainsAny(v, "/\\"):
			w.WriteHeader(http.StatusNotFound)
			return false
		case err != nil:
			problem = "The value is not validly escaped."
		case !utf8.ValidString(v):
			problem = "The value is not valid UTF-8."
		case strings.ContainsFunc(v, rtIsRestricted):
			problem = "The value contains a control character."
		default:
			continue
		}
		name := "path"
		if i < len(params) && params[i] != "" {
			name = params[i]
		}
		rf, ok := rtResponseFormat(r)
		if !ok {
			rf = rtJSON
		}
		rtWriteError(w, rf, http.StatusBadRequest, "The request is invalid.", map[string][]string{name: {problem}})
		return false
	}
	return true
}

// rtIsRestricted reports HTTP.sys's restricted characters.
func rtIsRestricted(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f }

// rtServiceError answers an error a service method returned.
func rtServiceError(w http.ResponseWriter, f rtFormat, err error) {
	var he *HTTPError
	var ve *ValidationError
	switch {
	case errors.As(err, &ve):
		rtWriteError(w, f, http.StatusBadRequest, "The request is invalid.", ve.Fields)
	case errors.As(err, &he):
		rtWriteError(w, f, he.StatusCode, he.Message, nil)
	default:
		rtWriteError(w, f, http.StatusInternalServerError, "An error has occurred.", nil)
	}
}

// rtNoRouteAllow answers a request no route takes as Web API does: 404 with
// no body, or 405 when routes match the path with other methods (allow),
// with the message as a serialized string (and, unlike Web API, the Allow
// header HTTP asks for).
func rtNoRouteAllow(w http.ResponseWriter, r *http.Request, allow []string) {
	if len(allow) == 0 {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	sort.Strings(allow)
	w.Header().Set("Allow", strings.Join(allow, ", "))
	msg := "The requested resource does not support http method '" + r.Method + "'."
	var b []byte
	if f, _ := rtResponseFormat(r); f == rtXML {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		b = append(b, `<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">`...)
		b = rtXMLEscapeText(b, msg)
		b = append(b, "</string>"...)
	} else {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		b = rtAppendJSONString(b, msg)
	}
	w.WriteHeader(http.StatusMethodNotAllowed)
	w.Write(b)
}

// rtPathSegment returns the path parameter name, which the route has in
// segment i: the value the router matched (rtRouteValue), else segment i of
// the request path, unescaped.
func rtPathSegment(r *http.Request, i int, name string) (string, bool) {
	if v, ok := rtRouteValue(r, name); ok {
		return v, true
	}
	segs := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	if i >= len(segs) {
		return "", false
	}
	s, err := url.PathUnescape(segs[i])
	return s, err == nil
}

// rtDecodeBodyAt is rtDecodeBody into p, a value of c.
func rtDecodeBodyAt(w http.ResponseWriter, r *http.Request, cfg *rtServerConfig, rf rtFormat, verr *ValidationError, c *rtCodec, p unsafe.Pointer) bool {
	bf, ok := rtRequestFormat(r)
	if !ok {
		rtWriteError(w, rf, http.StatusUnsupportedMediaType, "The request entity's media type is not supported for this resource.", nil)
		return false
	}
	data, st := rtReadBody(w, r, cfg.maxBody)
	if st != 0 {
		rtWriteError(w, rf, st, http.StatusText(st), nil)
		return false
	}
	if len(data) == 0 {
		return true
	}
	d := rtNewDecoding(r.Context(), cfg.limits)
	var err error
	switch bf {
	case rtXML:
		err = rtXMLDecodeDocWith(data, d, c, p)
	case rtForm:
		err = rtFormDecodeDocWith(data, d, c, p)
	default:
		err = rtJSONDecodeDocWith(data, d, c, p)
	}
	if err != nil {
		verr.add("body", rtMessage(err))
	}
	return true
}

// rtMessage is an error's text for a 400 body, cut to 1 KiB: the
// decoders cut the names they quote already; this is the backstop that
// keeps any message from echoing a body back.
func rtMessage(err error) string {
	const max = 1 << 10
	msg := err.Error()
	if len(msg) <= max {
		return msg
	}
	cut := max
	for cut > 0 && msg[cut]&0xC0 == 0x80 {
		cut--
	}
	return msg[:cut] + "…"
}

// rtWriteResponseAt answers 200 with the value at p (of c) in the
// negotiated format.
func rtWriteResponseAt(w http.ResponseWriter, rf rtFormat, c *rtCodec, p unsafe.Pointer, dates *JSONDates) {
	var out []byte
	if rf == rtXML {
		var err error
		if out, err = rtXMLAppendDoc(nil, c, p); err != nil {
			// What Web API answers when DataContractSerializer throws.
			rtWriteError(w, rf, http.StatusInternalServerError, "An error has occurred.", nil)
			return
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		out = rtJSONMarshal(func(dst []byte) []byte { return rtJSONAppend(dst, c, p, dates) })
	}
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}
