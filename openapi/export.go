package openapi

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/helpgen/helpgen/spec"
)

// Version is the OpenAPI version written.
const Version = "3.0.3"

// Export renders s as an OpenAPI 3.0.3 document; format is "json" or
// "yaml". The output is deterministic.
func Export(s *spec.Spec, format string) ([]byte, error) {
	return ExportWith(s, Options{Format: format})
}

// Options tune an export.
type Options struct {
	// Format is "json" (the default) or "yaml".
	Format string
	// Codegen leaves out what Go code generators are known to fail on,
	// keeping the document true but less complete: one media type per wire
	// format (application/json, application/xml; oapi-codegen v2.5–2.8 names
	// both application/xml and text/xml responses XML200 and does not
	// compile), and form bodies that are not flat objects: nested objects
	// or lists of objects (ogen v1.24 emits calls to URI codecs it does not
	// generate), and bodies that are not objects at all (ogen v1.24: "complex
	// form schema" is not implemented).
	Codegen bool
}

// ExportWith is Export with options.
func ExportWith(s *spec.Spec, o Options) ([]byte, error) {
	switch o.Format {
	case "", "json", "yaml", "yml":
	default:
		return nil, fmt.Errorf("openapi: unknown format %q (want json or yaml)", o.Format)
	}
	doc, err := build(s, o)
	if err != nil {
		return nil, err
	}
	return render(doc, o.Format)
}

type exporter struct {
	opts  Options
	s     *spec.Spec
	types map[string]*spec.Type
	// names maps spec type names to component schema names.
	names map[string]string
	// prefixes maps XML namespaces to the prefixes properties use.
	prefixes map[string]string
	skipped  []any
}

var defaultFormats = []string{"application/json", "text/json", "application/xml", "text/xml"}

var methodOrder = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func build(s *spec.Spec, o Options) (*obj, error) {
	if s == nil {
		return nil, fmt.Errorf("openapi: nil spec")
	}
	x := &exporter{opts: o, s: s, types: s.TypeMap(), names: map[string]string{}, prefixes: map[string]string{}}
	x.nameSchemas()
	x.namePrefixes()

	doc := newObj().set("openapi", Version)
	doc.set("info", x.info())
	if srv := x.servers(); srv != nil {
		doc.set("servers", srv)
	}
	if tags := x.tags(); len(tags) > 0 {
		doc.set("tags", tags)
	}
	paths, err := x.paths()
	if err != nil {
		return nil, err
	}
	doc.set("paths", paths)
	doc.set("components", newObj().set("schemas", x.schemas()))
	if len(x.skipped) > 0 {
		doc.set("x-helpgen-skipped", x.skipped)
	}
	return doc, nil
}

func (x *exporter) info() *obj {
	title := "Web API"
	if u := x.baseURL(); u != nil && u.Host != "" {
		title = u.Host + " API"
	}
	info := newObj().set("title", title)
	info.set("description", "Exported by helpgen from ASP.NET Web API Help Pages.")
	info.set("version", x.version())
	w := x.s.Wire
	wire := newObj()
	for _, f := range []struct{ k, v string }{
		{"jsonDateFormat", w.JSONDateFormat}, {"jsonDateTimeZoneHandling", w.JSONDateTimeZoneHandling},
		{"jsonDateSample", w.JSONDateSample}, {"xmlDateSample", w.XMLDateSample}, {"serverUtcOffset", w.ServerUTCOffset},
	} {
		if f.v != "" {
			wire.set(f.k, f.v)
		}
	}
	if wire.len() > 0 {
		info.set("x-helpgen-wire", wire)
	}
	return info
}

// version is the version segment every route shares (api/v2/… → v2), as
// the pages state no API version.
func (x *exporter) version() string {
	v := ""
	for _, e := range x.s.Endpoints {
		found := ""
		for _, seg := range splitRoute(e.Route) {
			if isVersionSeg(seg) {
				found = seg
				break
			}
		}
		if found == "" || (v != "" && v != found) {
			return "unversioned"
		}
		v = found
	}
	if v == "" {
		return "unversioned"
	}
	return v
}

func (x *exporter) baseURL() *url.URL {
	if x.s.Site == nil || x.s.Site.BaseURL == "" {
		return nil
	}
	u, err := url.Parse(x.s.Site.BaseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil
	}
	return u
}

// servers is the site root: the Help index URL without its /Help part.
func (x *exporter) servers() []any {
	u := x.baseURL()
	if u == nil {
		return nil
	}
	p := u.Path
	if i := strings.Index(strings.ToLower(p), "/help"); i >= 0 {
		p = p[:i]
	}
	root := url.URL{Scheme: u.Scheme, Host: u.Host, Path: strings.TrimSuffix(p, "/")}
	return []any{newObj().set("url", root.String())}
}

func (x *exporter) tags() []any {
	seen := map[string]bool{}
	var names []string
	for _, e := range x.s.Endpoints {
		if e.Controller != "" && !seen[e.Controller] {
			seen[e.Controller] = true
			names = append(names, e.Controller)
		}
	}
	sort.Strings(names)
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = newObj().set("name", n)
	}
	return out
}

func splitRoute(route string) []string {
	route = strings.Trim(route, "/")
	if route == "" {
		return nil
	}
	return strings.Split(route, "/")
}

// paramName is the bare name of a route parameter segment ({id:int} → id),
// or "" for literal segments. Segments mixing text and parameters
// (file.{ext}) are kept literal apart from their parameters' constraints.
func paramName(seg string) string {
	if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") || strings.Count(seg, "{") != 1 {
		return ""
	}
	return cleanParam(seg[1 : len(seg)-1])
}

func cleanParam(p string) string {
	p = strings.TrimLeft(p, "*")
	if i := strings.IndexAny(p, ":="); i >= 0 {
		p = p[:i]
	}
	return strings.TrimSuffix(p, "?")
}

// cleanRoute reduces every {…} of a route to its bare name.
func cleanRoute(route string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(route, '{')
		if i < 0 {
			b.WriteString(route)
			break
		}
		j := strings.IndexByte(route[i:], '}')
		if j < 0 {
			b.WriteString(route)
			break
		}
		b.WriteString(route[:i] + "{" + cleanParam(route[i+1:i+j]) + "}")
		route = route[i+j+1:]
	}
	return "/" + strings.Trim(b.String(), "/")
}

// pathShape erases parameter names: OpenAPI treats paths that differ only
// in them as the same path.
func pathShape(p string) string {
	var b strings.Builder
	depth := 0
	for _, r := range p {
		switch {
		case r == '{':
			depth++
			b.WriteString("{}")
		case r == '}':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// routeParams lists the parameter names of a cleaned path in order.
func routeParams(p string) []string {
	var out []string
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, p[i+1:i+j])
		p = p[i+j+1:]
	}
}

func sortedEndpoints(s *spec.Spec) []*spec.Endpoint {
	eps := append([]*spec.Endpoint(nil), s.Endpoints...)
	sort.SliceStable(eps, func(i, j int) bool { return eps[i].ID < eps[j].ID })
	return eps
}

func (x *exporter) paths() (*obj, error) {
	eps := sortedEndpoints(x.s)
	opIDs := operationIDs(eps)
	type item struct {
		path string
		ops  map[string]*obj
	}
	byShape := map[string]*item{}
	for _, e := range eps {
		method := strings.ToLower(e.Method)
		if !contains(methodOrder, method) {
			x.skip(e, "OpenAPI 3.0 has no "+e.Method+" operations")
			continue
		}
		p := cleanRoute(e.Route)
		it := byShape[pathShape(p)]
		if it == nil {
			it = &item{path: p, ops: map[string]*obj{}}
			byShape[pathShape(p)] = it
		}
		if it.ops[method] != nil {
			x.skip(e, "another "+e.Method+" operation has the same path "+it.path)
			continue
		}
		op, err := x.operation(e, opIDs[e], p, it.path)
		if err != nil {
			return nil, err
		}
		it.ops[method] = op
	}
	keys := make([]string, 0, len(byShape))
	for k := range byShape {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return byShape[keys[i]].path < byShape[keys[j]].path })
	paths := newObj()
	for _, k := range keys {
		it := byShape[k]
		pi := newObj()
		for _, m := range methodOrder {
			if op := it.ops[m]; op != nil {
				pi.set(m, op)
			}
		}
		paths.set(it.path, pi)
	}
	return paths, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (x *exporter) skip(e *spec.Endpoint, why string) {
	x.skipped = append(x.skipped, newObj().set("id", e.ID).set("reason", why))
}

// operation builds one operation. own is the endpoint's cleaned route and
// path the path it is filed under; they differ only in parameter names.
func (x *exporter) operation(e *spec.Endpoint, opID, own, path string) (*obj, error) {
	op := newObj().set("operationId", opID)
	if e.Controller != "" {
		op.set("tags", []any{e.Controller})
	}
	if doc := strings.TrimSpace(e.Doc); doc != "" {
		op.set("summary", firstLine(doc))
		if doc != firstLine(doc) {
			op.set("description", doc)
		}
	}
	// Path parameters take the path's spelling, matched by position.
	ownNames, pathNames := routeParams(own), routeParams(path)
	rename := map[string]string{}
	for i, n := range ownNames {
		rename[strings.ToLower(n)] = pathNames[i]
	}
	var params []any
	done := map[string]bool{}
	for _, n := range ownNames {
		var p *spec.Param
		for _, q := range e.Params {
			if q.In == "path" && strings.EqualFold(q.Name, n) {
				p = q
				break
			}
		}
		name := rename[strings.ToLower(n)]
		if done[name] {
			continue
		}
		done[name] = true
		if p == nil {
			// The page did not document it; the route still needs it.
			params = append(params, newObj().set("name", name).set("in", "path").set("required", true).
				set("schema", newObj().set("type", "string")))
			continue
		}
		po, err := x.param(p, name, "path", true)
		if err != nil {
			return nil, fmt.Errorf("endpoint %s: %w", e.ID, err)
		}
		params = append(params, po)
	}
	for _, p := range e.Params {
		if p.In == "path" {
			if _, ok := rename[strings.ToLower(p.Name)]; !ok {
				return nil, fmt.Errorf("openapi: endpoint %s: path parameter %s is not in the route %s", e.ID, p.Name, e.Route)
			}
			continue
		}
		po, err := x.param(p, p.Name, "query", p.Required)
		if err != nil {
			return nil, fmt.Errorf("endpoint %s: %w", e.ID, err)
		}
		params = append(params, po)
	}
	if len(params) > 0 {
		op.set("parameters", params)
	}
	if e.Body != nil {
		rb := newObj()
		if d := strings.TrimSpace(e.Body.Doc); d != "" {
			rb.set("description", d)
		}
		rb.set("content", x.content(e.Body.Type, e.RequestFormats, true))
		rb.set("required", true)
		op.set("requestBody", rb)
	}
	responses := newObj()
	if e.Response != nil {
		desc := strings.TrimSpace(e.Response.Doc)
		if desc == "" {
			desc = "OK"
		}
		responses.set("200", newObj().set("description", desc).set("content", x.content(e.Response.Type, e.ResponseFormats, false)))
	} else {
		responses.set("204", newObj().set("description", "No Content"))
	}
	op.set("responses", responses)
	op.set("x-helpgen-id", e.ID)
	return op, nil
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

func (x *exporter) param(p *spec.Param, name, in string, required bool) (*obj, error) {
	r, err := spec.ParseRef(p.Type)
	if err != nil {
		return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
	}
	o := newObj().set("name", name).set("in", in)
	if d := strings.TrimSpace(p.Doc); d != "" {
		o.set("description", d)
	}
	if required {
		o.set("required", true)
	}
	sch := x.refSchema(r)
	def := p.Default
	if def == nil && p.Annotations != nil {
		def = p.Annotations.Default
	}
	sch = x.constrain(sch, r, p.Annotations, def)
	o.set("schema", sch)
	return o, nil
}

const formMediaType = "application/x-www-form-urlencoded"

func (x *exporter) content(ref string, formats []string, request bool) *obj {
	if len(formats) == 0 {
		formats = defaultFormats
	}
	r := spec.MustParseRefOrNamed(ref)
	if x.opts.Codegen {
		formats = x.codegenFormats(r, formats)
	}
	c := newObj()
	for _, mt := range formats {
		m := newObj().set("schema", x.rootSchema(r))
		if request && strings.EqualFold(mt, formMediaType) {
			if enc := x.formEncoding(r); enc != nil {
				m.set("encoding", enc)
			}
		}
		c.set(mt, m)
	}
	return c
}

// codegenFormats keeps application/json (else the first JSON type),
// application/xml (else the first XML type) and flat form bodies.
func (x *exporter) codegenFormats(r *spec.Ref, formats []string) []string {
	pick := func(preferred, family string) string {
		first := ""
		for _, mt := range formats {
			l := strings.ToLower(mt)
			if l == preferred {
				return mt
			}
			if first == "" && strings.Contains(l, family) {
				first = mt
			}
		}
		return first
	}
	var out []string
	for _, mt := range []string{pick("application/json", "json"), pick("application/xml", "xml")} {
		if mt != "" {
			out = append(out, mt)
		}
	}
	for _, mt := range formats {
		if strings.EqualFold(mt, formMediaType) && x.flatForm(r) {
			out = append(out, mt)
		}
	}
	return out
}

// flatForm reports whether a form body is an object whose keys are all
// plain names: no member is an object or a list of objects. A body that is
// not an object at all (a string, an enum, a list: Web API reads "=value")
// is not flat either: ogen v1.24 refuses any form schema but an object
// ("complex form schema" is not implemented).
func (x *exporter) flatForm(r *spec.Ref) bool {
	t := x.types[r.Name]
	if r.Kind != spec.RefNamed || t == nil || t.Kind == spec.KindEnum {
		return false
	}
	for _, m := range t.Members {
		mr := spec.MustParseRefOrNamed(m.Type)
		if mr.Kind == spec.RefNullable {
			mr = mr.Elem()
		}
		if mr.Kind == spec.RefList {
			mr = mr.Elem()
		}
		if x.schemaType(mr) == "object" {
			return false
		}
	}
	return true
}

// formEncoding says how Web API's form formatter wants nested objects:
// A[B]=x (deepObject), which it reads as A.B. OpenAPI's default (form,
// exploded) would flatten them to B=x, which binds nothing. Simple lists
// keep the default T=a&T=b, which Web API reads; lists of objects
// (L[0].P=x) and dictionaries have no OpenAPI style.
func (x *exporter) formEncoding(r *spec.Ref) *obj {
	t := x.types[r.Name]
	if r.Kind != spec.RefNamed || t == nil || t.Kind == spec.KindEnum {
		return nil
	}
	enc := newObj()
	for i, m := range t.Members {
		mr := spec.MustParseRefOrNamed(m.Type)
		if mr.Kind == spec.RefNullable {
			mr = mr.Elem()
		}
		// Dictionaries bind from D[0].Key=k&D[0].Value=v, which no
		// OpenAPI style produces.
		if mr.Kind != spec.RefList && mr.Kind != spec.RefDict && x.schemaType(mr) == "object" {
			enc.set(x.memberKeys(t)[i], newObj().set("style", "deepObject").set("explode", true))
		}
	}
	if enc.len() == 0 {
		return nil
	}
	return enc
}

// operationIDs names every endpoint (see the package documentation).
func operationIDs(eps []*spec.Endpoint) map[*spec.Endpoint]string {
	base := map[*spec.Endpoint]string{}
	count := map[string]int{}
	for _, e := range eps {
		n := opName(e)
		base[e] = n
		count[n]++
	}
	out := map[*spec.Endpoint]string{}
	taken := map[string]bool{}
	for _, e := range eps {
		name := base[e]
		if count[name] > 1 {
			name += paramSuffix(e)
		}
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s%d", base[e], n)
		}
		taken[name] = true
		out[e] = name
	}
	return out
}

func opName(e *spec.Endpoint) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(e.Method))
	segs := splitRoute(e.Route)
	for i, s := range segs {
		if s == "" || strings.HasPrefix(s, "{") || (i == 0 && strings.EqualFold(s, "api")) || isVersionSeg(s) {
			continue
		}
		b.WriteString(exported(s))
	}
	if len(segs) > 0 {
		if n := paramName(segs[len(segs)-1]); n != "" {
			b.WriteString("By" + exported(n))
		}
	}
	return b.String()
}

func paramSuffix(e *spec.Endpoint) string {
	segs := splitRoute(e.Route)
	var parts []string
	for i, s := range segs {
		if n := paramName(s); n != "" && i != len(segs)-1 {
			parts = append(parts, exported(n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "By" + strings.Join(parts, "And")
}

func isVersionSeg(s string) bool {
	if len(s) < 2 || (s[0] != 'v' && s[0] != 'V') {
		return false
	}
	for _, c := range s[1:] {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// exported is s with letters and digits kept, each run after a dropped rune
// (and the start) upper-cased: "followup-send" → "FollowupSend".
func exported(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if r > unicode.MaxASCII {
			// Schema names and operation IDs stay ASCII for every tool.
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
