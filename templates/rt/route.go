package rt

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Routing as Web API does it. net/http's ServeMux refuses route sets that
// Web API serves ("POST /api/v1/xref/{p0}/patient/create" and
// "POST /api/v1/{p0}/healthid/patient/{p1}" conflict for ServeMux: neither
// is more specific), and cannot express segments that mix text and a
// parameter ("Car({id})"). rtRouter matches a request against every route
// template and picks what Web API's attribute routing would: by precedence,
// segment by segment from the left, a literal before a segment mixing text
// and parameters, before a parameter, before a catch-all; then the first
// registered. Literals match ignoring case; a trailing slash is ignored.
// It never panics on a route set: a template it cannot read never matches.

// rtSegKind orders segment kinds by precedence (lower wins).
type rtSegKind uint8

const (
	rtSegLiteral rtSegKind = iota + 1
	rtSegComplex           // text and parameters in one segment: "Car({id})"
	rtSegParam
	rtSegCatchAll // {*rest}: the rest of the path
)

// rtSegPart is a literal (lower-cased) or a parameter of a segment.
type rtSegPart struct {
	lit   string
	param string // lower-cased name; "" for a literal part
}

type rtSeg struct {
	kind  rtSegKind
	parts []rtSegPart
}

type rtRoute struct {
	method  string
	segs    []rtSeg
	order   int
	handler http.Handler
}

// rtRouter is an http.Handler over route templates.
type rtRouter struct {
	routes []*rtRoute
}

type rtRouteKey struct{}

// rtRouteValues are a matched route's parameter values (unescaped), by
// lower-cased name.
type rtRouteValues map[string]string

// handle adds a route: method and template ("api/v1/{id}/x", Web API's
// RelativePath without its query part).
func (rt *rtRouter) handle(method, template string, h http.Handler) {
	segs, ok := rtParseTemplate(template)
	if !ok {
		return // unreadable: never matches (never a panic)
	}
	rt.routes = append(rt.routes, &rtRoute{method: method, segs: segs, order: len(rt.routes), handler: h})
}

// rtParseTemplate splits a route template into segments.
func rtParseTemplate(t string) ([]rtSeg, bool) {
	t = strings.Trim(t, "/")
	if t == "" {
		return nil, true
	}
	var segs []rtSeg
	raw := strings.Split(t, "/")
	for i, s := range raw {
		if s == "" {
			return nil, false
		}
		seg := rtSeg{kind: rtSegLiteral}
		for s != "" {
			open := strings.IndexByte(s, '{')
			if open < 0 {
				if strings.IndexByte(s, '}') >= 0 {
					return nil, false
				}
				seg.parts = append(seg.parts, rtSegPart{lit: strings.ToLower(s)})
				break
			}
			if open > 0 {
				seg.parts = append(seg.parts, rtSegPart{lit: strings.ToLower(s[:open])})
			}
			end := strings.IndexByte(s[open:], '}')
			if end < 0 {
				return nil, false
			}
			name := s[open+1 : open+end]
			if c := strings.IndexByte(name, ':'); c >= 0 {
				name = name[:c] // an inline constraint
			}
			name = strings.TrimSuffix(name, "?")
			catchAll := strings.HasPrefix(name, "*")
			name = strings.TrimPrefix(name, "*")
			if name == "" || strings.ContainsAny(name, "{}") {
				return nil, false
			}
			if n := len(seg.parts); n > 0 && seg.parts[n-1].param != "" {
				return nil, false // two parameters side by side: no text tells where one ends
			}
			seg.parts = append(seg.parts, rtSegPart{param: strings.ToLower(name)})
			if catchAll {
				if i != len(raw)-1 || len(seg.parts) != 1 || open+end+1 != len(s) {
					return nil, false
				}
				seg.kind = rtSegCatchAll
			}
			s = s[open+end+1:]
		}
		if seg.kind != rtSegCatchAll {
			switch {
			case len(seg.parts) == 1 && seg.parts[0].param != "":
				seg.kind = rtSegParam
			case len(seg.parts) > 1:
				seg.kind = rtSegComplex
			}
		}
		segs = append(segs, seg)
	}
	return segs, true
}

// match reports whether the request segments (escaped, as sent) fit the
// route, and its parameter values.
func (r *rtRoute) match(path []string) (rtRouteValues, bool) {
	var vals rtRouteValues
	set := func(name, raw string) bool {
		v, err := url.PathUnescape(raw)
		if err != nil || v == "" {
			return false
		}
		if vals == nil {
			vals = rtRouteValues{}
		}
		vals[name] = v
		return true
	}
	for i, seg := range r.segs {
		if seg.kind == rtSegCatchAll {
			if i >= len(path) {
				return vals, true // a catch-all may be empty
			}
			if vals == nil {
				vals = rtRouteValues{}
			}
			rest, err := url.PathUnescape(strings.Join(path[i:], "/"))
			if err != nil {
				return nil, false
			}
			vals[seg.parts[0].param] = rest
			return vals, true
		}
		if i >= len(path) {
			return nil, false
		}
		p := path[i]
		switch seg.kind {
		case rtSegLiteral:
			if !rtEqualEscaped(p, seg.parts[0].lit) {
				return nil, false
			}
		case rtSegParam:
			if !set(seg.parts[0].param, p) {
				return nil, false
			}
		case rtSegComplex:
			if !rtMatchComplex(seg.parts, p, set) {
				return nil, false
			}
		}
	}
	return vals, len(path) == len(r.segs)
}

// rtEqualEscaped compares an escaped path segment with a lower-cased
// literal, ignoring case.
func rtEqualEscaped(seg, lit string) bool {
	if strings.EqualFold(seg, lit) {
		return true
	}
	if strings.IndexByte(seg, '%') < 0 {
		return false
	}
	u, err := url.PathUnescape(seg)
	return err == nil && strings.EqualFold(u, lit)
}

// rtMatchComplex matches a segment of text and parameters ("car({id})"):
// literals in order (ignoring case), each parameter taking the text up to
// the next literal (the last one, up to the end).
func rtMatchComplex(parts []rtSegPart, seg string, set func(name, raw string) bool) bool {
	s, err := url.PathUnescape(seg)
	if err != nil {
		return false
	}
	pos := 0
	for k, part := range parts {
		if part.param == "" {
			n, ok := rtPrefixFold(s[pos:], part.lit)
			if !ok {
				return false
			}
			pos += n
			continue
		}
		end := len(s)
		if k+1 < len(parts) {
			i := rtIndexFold(s[pos:], parts[k+1].lit)
			if i < 0 {
				return false
			}
			end = pos + i
		}
		if !set(part.param, url.PathEscape(s[pos:end])) {
			return false
		}
		pos = end
	}
	return pos == len(s)
}

// rtPrefixFold reports whether s starts with lit ignoring case, and how
// many bytes of s that prefix is (case folding may change byte lengths).
func rtPrefixFold(s, lit string) (int, bool) {
	i := 0
	for _, lr := range lit {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != lr && !strings.EqualFold(string(r), string(lr)) {
			return 0, false
		}
		i += size
	}
	return i, true
}

// rtIndexFold is the byte index in s of the first lit, ignoring case, or -1.
func rtIndexFold(s, lit string) int {
	for i := 0; i <= len(s); {
		if _, ok := rtPrefixFold(s[i:], lit); ok {
			return i
		}
		if i == len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return -1
}

// rtBefore reports whether route a takes precedence over b, as Web API's
// route precedence orders them: segment kinds compared from the left
// (literal < complex < parameter < catch-all), the shorter template when
// one extends the other (an empty catch-all), then registration order.
func rtBefore(a, b *rtRoute) bool {
	for i := 0; i < len(a.segs) && i < len(b.segs); i++ {
		if a.segs[i].kind != b.segs[i].kind {
			return a.segs[i].kind < b.segs[i].kind
		}
	}
	if len(a.segs) != len(b.segs) {
		return len(a.segs) < len(b.segs)
	}
	return a.order < b.order
}

// rtSplitPath splits the escaped request path into segments, a trailing
// slash ignored ("/" is no segment at all).
func rtSplitPath(escaped string) []string {
	p := strings.TrimPrefix(escaped, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

func (rt *rtRouter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := rtSplitPath(r.URL.EscapedPath())
	var best *rtRoute
	var bestVals rtRouteValues
	var allow []string
	for _, route := range rt.routes {
		vals, ok := route.match(path)
		if !ok {
			continue
		}
		allow = rtAppendMethod(allow, route.method)
		if route.method != r.Method && !(r.Method == http.MethodHead && route.method == http.MethodGet) {
			continue
		}
		if best == nil || rtBefore(route, best) {
			best, bestVals = route, vals
		}
	}
	if best == nil {
		rtNoRouteAllow(w, r, allow)
		return
	}
	ctx := context.WithValue(r.Context(), rtRouteKey{}, bestVals)
	best.handler.ServeHTTP(w, r.WithContext(ctx))
}

func rtAppendMethod(list []string, m string) []string {
	for _, x := range list {
		if x == m {
			return list
		}
	}
	list = append(list, m)
	if m == http.MethodGet {
		list = rtAppendMethod(list, http.MethodHead)
	}
	return list
}

// rtRouteValue returns a matched route parameter by name (any case).
func rtRouteValue(r *http.Request, name string) (string, bool) {
	vals, _ := r.Context().Value(rtRouteKey{}).(rtRouteValues)
	v, ok := vals[strings.ToLower(name)]
	return v, ok
}
