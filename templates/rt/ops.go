package rt

// Operation descriptors: the generated package describes every endpoint as
// data (operations_gen.go) — method, route, path and query parameters, body
// and response types — and the client and server here run them. Generated
// client methods and server handlers are then a line each: the typed
// signature, and a call into this file.

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// Op describes one endpoint.
type Op struct {
	Name   string // the Go method name
	Method string
	// Route is the route template: Web API's RelativePath without its query.
	Route string
	// Path are the route's parameters, in route order: the positional
	// arguments of the client method and of the Service method.
	Path []Param
	// Query are the query parameters: the fields of the params struct.
	Query []Param
	// Params is a nil pointer to the operation's params struct.
	Params any
	// Body and Response are nil when the endpoint has none.
	Body, Response *Root
	// BodyParam is the action's body parameter name when known (no page
	// shows it; wire.bodyParameters): it prefixes ModelState keys, as Web
	// API's are ("command.Lines[0].Code").
	BodyParam string

	path       []rtParamInfo
	query      []rtParamInfo
	paramsType reflect.Type // the params struct
}

// Param is a URI parameter.
type Param struct {
	Name     string // as the route and the query string spell it
	Field    string // query parameters: the field of the params struct ("" for Name)
	Go       any    // path parameters: a nil pointer to the argument's Go type
	Type     string // type reference, nullable<…> when the Go value is a pointer
	Required bool   // query parameters: "Required" on the page
}

// rtParamInfo is a resolved Param.
type rtParamInfo struct {
	*Param
	codec *rtCodec
	typ   reflect.Type // Go type of the value
	off   uintptr      // query parameters: offset in the params struct
	seg   int          // path parameters: route segment index
	lower string       // lower-cased name (Web API binds ignoring case)
}

func (a *API) resolveOp(op *Op) {
	segs := strings.Split(strings.Trim(op.Route, "/"), "/")
	for i := range op.Path {
		p := &op.Path[i]
		t := reflect.TypeOf(p.Go).Elem()
		info := rtParamInfo{Param: p, codec: a.codec(p.Type, t, op.Name+" path "+p.Name), typ: t, seg: -1, lower: strings.ToLower(p.Name)}
		for j, s := range segs {
			// A whole segment, or part of one ("Car({id})").
			if strings.Contains(strings.ToLower(s), "{"+strings.ToLower(p.Name)+"}") {
				info.seg = j
			}
		}
		op.path = append(op.path, info)
	}
	if op.Params == nil {
		return
	}
	op.paramsType = reflect.TypeOf(op.Params).Elem()
	for i := range op.Query {
		p := &op.Query[i]
		field := rtOr(p.Field, p.Name)
		sf, ok := op.paramsType.FieldByName(field)
		if !ok {
			panic("helpgen runtime: " + op.paramsType.Name() + " has no field " + field)
		}
		op.query = append(op.query, rtParamInfo{Param: p, codec: a.codec(p.Type, sf.Type, op.Name+" query "+p.Name), typ: sf.Type, off: sf.Offset, lower: strings.ToLower(p.Name)})
	}
}

// ---- parameter text ----

// rtParamText appends the text a URI parameter value is sent as, the way
// Web API's model binding reads it back: invariant culture, GUIDs in "D"
// form, dates in the round-trip form (so the Kind survives), enums by
// name. ok is false for a nil value (the parameter is not sent).
func rtParamText(dst []byte, c *rtCodec, p unsafe.Pointer) (out []byte, ok bool) {
	switch c.kind {
	case rtKNullable:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return dst, false
		}
		return rtParamText(dst, c.elem, q)
	case rtKString:
		if !c.value {
			s := *(**string)(p)
			if s == nil {
				return dst, false
			}
			return append(dst, *s...), true
		}
	case rtKBytes:
		if *(*[]byte)(p) == nil {
			return dst, false
		}
	case rtKFloat32:
		return append(dst, rtFormatFloatParam(float64(*(*float32)(p)), 32)...), true
	case rtKFloat64:
		return append(dst, rtFormatFloatParam(*(*float64)(p), 64)...), true
	case rtKDateTimeOffset:
		return (*time.Time)(p).AppendFormat(dst, "2006-01-02T15:04:05.9999999Z07:00"), true
	case rtKChar:
		return append(dst, string(*(*rune)(p))...), true
	case rtKGUID:
		return append(dst, (*uuid.UUID)(p).String()...), true
	}
	return rtAppendText(dst, c, p), true
}

// rtParseParam parses a URI parameter's text into p, as Web API's
// simple-type model binding does (invariant culture; enums by name or
// number, ignoring case; GUIDs in any .NET form; a char is one UTF-16 unit).
func rtParseParam(c *rtCodec, s string, p unsafe.Pointer) error {
	switch c.kind {
	case rtKNullable:
		q := rtNew(c.elem.typ)
		if err := rtParseParam(c.elem, s, q); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKString:
		if c.value {
			*(*string)(p) = s
		} else {
			*(**string)(p) = &s
		}
		return nil
	case rtKChar:
		v, err := rtParseParamChar(s)
		*(*rune)(p) = v
		return err
	}
	return rtParseText(c, []byte(s), p)
}

// ---- client ----

// NewClient is the generated package's NewClient.
func NewClient(a *API, baseURL string, opts []ClientOption) (*Client, error) {
	c, err := rtNewClientConfig(baseURL, opts)
	if err != nil {
		return nil, err
	}
	c.api = a
	return c, nil
}

// call sends op. path holds pointers to the path arguments in route order,
// params the params struct (a nil pointer sends no query), body a pointer
// to the body (nil when op has none), out a pointer to the result (nil when
// op answers nothing).
func (c *Client) Call(ctx context.Context, op *Op, path []any, params, body, out any) error {
	a := c.api
	a.ready()
	call := &rtCall{method: op.Method}
	var b strings.Builder
	for i, seg := range strings.Split(strings.Trim(op.Route, "/"), "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		// A segment is text and parameters ("{id}", "Car({id})").
		for seg != "" {
			open, end := strings.IndexByte(seg, '{'), strings.IndexByte(seg, '}')
			if open < 0 || end < open {
				b.WriteString(seg)
				break
			}
			b.WriteString(seg[:open])
			name := seg[open+1 : end]
			seg = seg[end+1:]
			for j := range op.path {
				if op.path[j].seg == i && strings.EqualFold(op.path[j].Name, name) {
					text, _ := rtParamText(nil, op.path[j].codec, rtArgPointer(path[j], op.path[j].typ))
					b.WriteString(rtPathEscape(string(text)))
				}
			}
		}
	}
	call.path = b.String()
	if q := rtArgPointer(params, op.paramsType); q != nil && len(op.query) > 0 {
		call.query = url.Values{}
		for _, prm := range op.query {
			rtAddQuery(call.query, prm.Name, prm.codec, unsafe.Add(q, prm.off))
		}
	}
	if op.Body != nil {
		p := rtArgPointer(body, op.Body.goType.Elem())
		switch c.format {
		case FormatXML:
			var err error
			if call.body, err = rtXMLAppendDoc(nil, op.Body.codec, p); err != nil {
				return err
			}
		case FormatForm:
			var err error
			if call.body, err = rtFormAppendDoc(nil, op.Body.codec, p); err != nil {
				return err
			}
		default:
			call.body = rtJSONMarshal(func(dst []byte) []byte { return rtJSONAppend(dst, op.Body.codec, p, a.ClientDates) })
		}
		call.contentType = rtContentType(c.format)
	} else if op.Method == "POST" || op.Method == "PUT" || op.Method == "PATCH" {
		// Web API (and IIS) want a length on bodyless writes.
		call.body = []byte{}
		call.contentType = "application/json; charset=utf-8"
	}
	status, mt, data, err := c.rtDo(ctx, call)
	if err != nil {
		return err
	}
	if status < 200 || status > 299 {
		var decode func() (any, error)
		if op.Response != nil {
			decode = func() (any, error) {
				v := reflect.New(op.Response.goType.Elem())
				err := rtDecodeResponse(mt, data, op.Response.codec, v.UnsafePointer())
				return v.Elem().Interface(), err
			}
		}
		return rtAPIError(status, mt, data, decode)
	}
	if op.Response == nil || len(data) == 0 {
		return nil
	}
	return rtDecodeResponse(mt, data, op.Response.codec, rtArgPointer(out, op.Response.goType.Elem()))
}

// rtDecodeResponse decodes a response body in the format its media type names.
func rtDecodeResponse(mt string, data []byte, c *rtCodec, p unsafe.Pointer) error {
	if rtIsXML(mt) {
		return rtXMLDecodeDoc(data, c, p)
	}
	return rtJSONDecodeDoc(data, c, p)
}

// rtAddQuery adds a query parameter's values: one, none when nil, one per
// item for a collection (repeated keys, as Web API binds them).
func rtAddQuery(q url.Values, name string, c *rtCodec, p unsafe.Pointer) {
	if c.kind == rtKList {
		s := (*rtSlice)(p)
		for i := range s.len {
			rtAddQuery(q, name, c.elem, unsafe.Add(s.data, uintptr(i)*c.elem.size))
		}
		return
	}
	if text, ok := rtParamText(nil, c, p); ok {
		q.Add(name, string(text))
	}
}

// rtArgPointer returns the address a generated call passes (a pointer of
// type *t, or a nil one), checking its type.
func rtArgPointer(v any, t reflect.Type) unsafe.Pointer {
	if v == nil {
		return nil
	}
	if got := reflect.TypeOf(v); got.Kind() != reflect.Pointer || got.Elem() != t {
		panic("helpgen runtime: " + got.String() + " where a *" + t.String() + " is expected")
	}
	return (*rtEface)(unsafe.Pointer(&v)).data
}

// ---- server ----

// Handler is one endpoint of NewHandler: its descriptor and the call of
// the Service method, which reads its arguments from in.
type Handler struct {
	Op    *Op
	Serve func(ctx context.Context, in *In) (any, error)
}

// In is a decoded request: the path arguments, the params struct and the
// body, each as the Service method's argument type.
type In struct {
	op     *Op
	path   []any
	Params any
	Body   any
}

// Path is the value of the path parameter name.
func (in *In) Path(name string) any {
	for i := range in.op.Path {
		if in.op.Path[i].Name == name {
			return in.path[i]
		}
	}
	panic("helpgen runtime: " + in.op.Name + " has no path parameter " + name)
}

// NewHandler is the generated package's NewHandler: every endpoint
// routed as Web API routes (ignoring case, trailing slash allowed), its
// request decoded and checked, the Service answer encoded.
func NewHandler(a *API, opts []ServerOption, hs []Handler) http.Handler {
	a.ready()
	cfg := rtNewServerConfig(opts)
	// Web API's routing, not ServeMux's (route.go).
	rt := &rtRouter{}
	for _, h := range hs {
		h := h
		route := h.Op.Method + " " + h.Op.Route
		rt.handle(h.Op.Method, h.Op.Route, rtWrap(cfg, route, func(w http.ResponseWriter, r *http.Request) {
			rtServeOp(a, cfg, h, w, r)
		}))
	}
	return rt
}

// rtServeOp answers one request for h.
func rtServeOp(a *API, cfg *rtServerConfig, h Handler, w http.ResponseWriter, r *http.Request) {
	op := h.Op
	rf, ok := rtResponseFormat(r)
	if !ok {
		rtWriteError(w, rtJSON, http.StatusNotAcceptable, "The requested media type is not supported.", nil)
		return
	}
	var verr ValidationError
	in := &In{op: op, path: make([]any, len(op.path))}
	for i, prm := range op.path {
		raw, ok := rtPathSegment(r, prm.seg, prm.Name)
		if !ok {
			verr.add(prm.Name, "missing")
			continue
		}
		v := reflect.New(prm.typ)
		if err := rtParseParam(prm.codec, raw, v.UnsafePointer()); err != nil {
			verr.add(prm.Name, err.Error())
			continue
		}
		in.path[i] = v.Elem().Interface()
	}
	if op.paramsType != nil {
		params := reflect.New(op.paramsType)
		q := rtQueryValues(r)
		for _, prm := range op.query {
			vs := q[prm.lower]
			p := unsafe.Add(params.UnsafePointer(), prm.off)
			switch {
			case len(vs) == 0:
				if prm.Required {
					// Web API's action selection needs every required value: a
					// missing one is 404 there; a clear 400 helps callers more.
					verr.add(prm.Name, "is required")
				}
			case prm.codec.kind == rtKList:
				if err := rtParseQueryList(prm.codec, vs, p); err != nil {
					verr.add(prm.Name, err.Error())
				}
			default:
				if err := rtParseParam(prm.codec, vs[0], p); err != nil {
					verr.add(prm.Name, err.Error())
				}
			}
		}
		in.Params = params.Interface()
	}
	if op.Body != nil {
		body := reflect.New(op.Body.goType.Elem())
		if !rtDecodeBodyAt(w, r, cfg, rf, &verr, op.Body.codec, body.UnsafePointer()) {
			return
		}
		if !cfg.noValidate && op.Body.codec.kind == rtKContract {
			if q := *(*unsafe.Pointer)(body.UnsafePointer()); q != nil {
				prefix := ""
				if op.BodyParam != "" {
					prefix = op.BodyParam + "."
				}
				rtValidateContract(&verr, op.Body.codec.contract, q, prefix)
			}
		}
		in.Body = body.Elem().Interface()
	}
	if len(verr.Fields) > 0 {
		rtWriteError(w, rf, http.StatusBadRequest, "The request is invalid.", verr.Fields)
		return
	}
	resp, err := h.Serve(r.Context(), in)
	if err != nil {
		rtServiceError(w, rf, err)
		return
	}
	if op.Response == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	v := reflect.New(op.Response.goType.Elem())
	if resp != nil {
		v.Elem().Set(reflect.ValueOf(resp))
	}
	rtWriteResponseAt(w, rf, op.Response.codec, v.UnsafePointer(), a.Dates)
}

// rtQueryValues returns the query's values by lower-cased key: Web API binds
// query values ignoring the key's case.
func rtQueryValues(r *http.Request) map[string][]string {
	out := map[string][]string{}
	for k, vs := range r.URL.Query() {
		k = strings.ToLower(k)
		out[k] = append(out[k], vs...)
	}
	return out
}

// rtParseQueryList parses a collection query parameter's values.
func rtParseQueryList(c *rtCodec, vs []string, p unsafe.Pointer) error {
	s := rtGrow(c, rtSlice{})
	for _, v := range vs {
		s = rtGrow(c, s)
		e := unsafe.Add(s.data, uintptr(s.len)*c.elem.size)
		s.len++
		if err := rtParseParam(c.elem, v, e); err != nil {
			return err
		}
	}
	*(*rtSlice)(p) = s
	return nil
}
