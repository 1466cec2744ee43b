package parser

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Build turns extracted pages into a spec: it merges what every page says
// about a type, reads the samples for what the tables do not say (XML
// names, namespaces and order, inherited members, nullability, DateTime vs
// DateTimeOffset, EnumMember values, JSON names, the server's date format)
// and records every guess and contradiction as a diagnostic.
func Build(pages []*Page) *spec.Spec {
	b := newBuilder()
	b.merge(pages)
	b.inferModels()
	return b.spec()
}

func newBuilder() *builder {
	return &builder{models: map[string]*model{}, lower: map[string]*model{}, enumWire: map[*model]map[int64]string{}}
}

// merge gathers what the pages say: models and their tables, endpoints
// and their samples' observations.
func (b *builder) merge(pages []*Page) {
	for _, p := range pages {
		b.diags = append(b.diags, p.Diags...)
		switch p.Kind {
		case PageModel:
			m := b.model(p.ModelName)
			m.pages = append(m.pages, p)
		case PageIndex:
			for _, e := range p.Index {
				b.index = append(b.index, e)
				b.indexSrc = append(b.indexSrc, p.Source)
			}
		case PageError:
			b.warn(p.Source, p.Line, "the host's error page (a Help look-up miss): nothing to read")
		case PageUnknown:
			b.warn(p.Source, 1, "not a Help Page (no API, model or index content found): skipped")
		}
	}
	b.chooseModelPages()
	apis := b.chooseAPIPages(pages)
	for _, id := range slices.Sorted(maps.Keys(apis)) {
		b.api(apis[id])
	}
	b.indexOnly(apis)
	b.chooseTables()
	b.resolveCutNames()
}

// chooseAPIPages keeps one page per ApiId: the same page saved twice (HTML
// and text, or two crawls) describes one endpoint; the most complete copy
// is used.
func (b *builder) chooseAPIPages(pages []*Page) map[string]*Page {
	apis := map[string]*Page{}
	copies := map[string][]*Page{}
	for _, p := range pages {
		if p.Kind != PageAPI {
			continue
		}
		id := apiID(p.Method, strings.TrimPrefix(strings.TrimSpace(p.RelativePath), "/"))
		copies[id] = append(copies[id], p)
	}
	for _, id := range slices.Sorted(maps.Keys(copies)) {
		best := b.mostComplete(copies[id])
		apis[id] = best
		for _, c := range copies[id] {
			if c != best {
				b.info(c.Source, c.Line, "endpoint %s is described again; %s is more complete and is used", id, best.Source)
			}
		}
	}
	return apis
}

// inferModels reads the models' samples and the other models for what the
// tables do not say.
func (b *builder) inferModels() {
	b.inferAll()
	b.inferUnseen()
}

// spec writes the inferred models and endpoints as a spec.
func (b *builder) spec() *spec.Spec {
	s := &spec.Spec{Schema: spec.Schema, Wire: b.wire()}
	if b.xmlSerializer {
		s.Wire.XMLFormatter = "XmlSerializer"
	}
	s.Site = &spec.Site{ModelNaming: b.naming()}
	for _, e := range b.endpoints {
		s.Endpoints = append(s.Endpoints, e.finish(b))
	}
	s.Types = b.types()
	s.Diagnostics = append(b.diags, spec.AssumptionDiagnostics(s)...)
	s.Normalize()
	return s
}

type builder struct {
	models    map[string]*model
	lower     map[string]*model
	order     []*model
	endpoints []*endpointDraft
	index     []*IndexEntry
	// xmlSerializer: an XML sample shows XmlSerializer's form.
	xmlSerializer bool
	indexSrc      []string // the page of each index entry
	diags         []*spec.Diagnostic
	// enumWire records XML texts seen for enum values: enum → value → text.
	enumWire map[*model]map[int64]string
	// dates are (JSON text, XML text) pairs of one DateTime value.
	dates [][2]string
	// jsonDates are the JSON texts of DateTime values.
	jsonDates []string
	// clrNS maps a simple CLR type name to the CLR namespace an exception
	// message in an invalid sample showed for it.
	clrNS map[string]string
	// genericNames: the contract name pattern an instance of a generic
	// showed, by definition model name ([DataContract(Name = "PageOf{0}{#}")]).
	genericNames map[string]genericName
	// synthetic base types by namespace + member names.
	bases     map[string]*spec.Type
	baseOrder []*spec.Type
}

func (b *builder) warn(src string, line int, format string, args ...any) {
	b.diag(spec.Warning, src, line, format, args...)
}

func (b *builder) info(src string, line int, format string, args ...any) {
	b.diag(spec.Info, src, line, format, args...)
}

func (b *builder) diag(sev, src string, line int, format string, args ...any) {
	if line > 0 {
		src = fmt.Sprintf("%s:%d", src, line)
	}
	b.diags = append(b.diags, &spec.Diagnostic{Severity: sev, Source: src, Message: fmt.Sprintf(format, args...)})
}

// model is what the pages say about one model name.
type model struct {
	name string
	page *Page
	// rows are the help table rows, from the model page or an Api page.
	rows    []*Row
	rowsSrc string
	doc     string
	// observations from samples.
	jsons []*jnode
	xmls  []xobs
	// results.
	specName  string
	kind      string
	generic   *spec.GenericInstance
	genericOK bool
	xmlName   string
	xmlNS     string
	members   []*spec.Member
	base      string
	values    []*spec.EnumValue
	flags     bool
	inferred  bool
	drafts    []*memberDraft
	levels    [][]*memberDraft
	// noXML: no sample shows the contract in XML; unknown lists the type's
	// facts that were defaulted (spec.Type.Unknown).
	noXML   bool
	unknown []string
	// fieldsKnown: the JSON order says which members are fields (none, or
	// the rotated tail of the table).
	fieldsKnown bool
	used        bool
	src         string
	// refSrc is where the model is first referenced (file:line of a row
	// or section), for diagnostics about a model no page describes.
	refSrc string
	// Scalar observations of a model no page describes: JSON numbers and
	// strings, XML leaf texts (an undocumented enum shows both).
	scalars int
	// nsHint is a contract namespace a sample declared for the model on an
	// element without content (a nil member, an empty collection).
	nsHint string
	// nsSame is the namespace of a nil member element of the model that
	// declares none: the model's, when it is a contract.
	nsSame string
	// opaque: nothing tells the model's shape; values are kept raw.
	opaque bool
	// pages are the ResourceModel pages of the model; tables every table
	// that documents its members (model pages, Api page sections).
	pages  []*Page
	tables []*tableObs
	// cutAt is set when the name ends a cut text (file:line): it may be the
	// beginning of a longer name; alias is the model it was resolved to.
	cutAt string
	alias *model
}

// referencedAt records where a model is first referenced.
func (b *builder) referencedAt(name, src string) {
	if m := b.model(name); m.refSrc == "" {
		m.refSrc = src
	}
}

type xobs struct {
	el   *xnode
	root bool // the element is the contract's root (or a collection item)
	src  string
}

func (b *builder) model(name string) *model {
	if m := b.models[name]; m != nil {
		return m
	}
	// Help look-ups ignore case.
	if m := b.lower[strings.ToLower(name)]; m != nil {
		return m
	}
	m := &model{name: name}
	b.models[name] = m
	b.lower[strings.ToLower(name)] = m
	b.order = append(b.order, m)
	return m
}

func (b *builder) known(name string) bool {
	_, ok := b.models[name]
	if !ok {
		_, ok = b.lower[strings.ToLower(name)]
	}
	return ok
}

// endpointDraft is an endpoint before types are named.
type endpointDraft struct {
	page    *Page
	params  []*paramDraft
	body    *displayRef
	bodyDoc string
	resp    *displayRef
	respDoc string
	id      string
	route   string
	relPath string
	samples []*spec.Sample
	reqFmt  []string
	respFmt []string
}

type paramDraft struct {
	row *Row
	ref *displayRef
}

var methodRE = regexp.MustCompile(`^[A-Z]+$`)

func (b *builder) api(p *Page) {
	e := b.apiDraft(p)
	if e == nil {
		return
	}
	b.apiSections(p, e)
}

// apiDraft starts an endpoint: method, route and URI parameters.
func (b *builder) apiDraft(p *Page) *endpointDraft {
	e := &endpointDraft{page: p}
	e.relPath = strings.TrimPrefix(strings.TrimSpace(p.RelativePath), "/")
	if !methodRE.MatchString(p.Method) || e.relPath == "" {
		b.warn(p.Source, p.Line, "API page without a METHOD and route in its title: skipped")
		return nil
	}
	e.route, _, _ = strings.Cut(e.relPath, "?")
	e.id = apiID(p.Method, e.relPath)
	if p.URIParams != nil && p.URIParams.Table != nil {
		for _, r := range p.URIParams.Table.Rows {
			text := r.Type.Text
			if strings.TrimSpace(text) == "" {
				// Help Pages before 5.1 have no Type column.
				b.warn(p.Source, r.Line, "parameter %s has no type on the page; assumed string", r.Name)
				text = "string"
			}
			pd := &paramDraft{row: r, ref: parseDisplay(text)}
			for _, n := range pd.ref.modelNames(nil) {
				b.referencedAt(n, fmt.Sprintf("%s:%d", p.Source, r.Line))
			}
			e.params = append(e.params, pd)
		}
	}
	return e
}

// apiSections reads an Api page's body and response sections and samples.
func (b *builder) apiSections(p *Page, e *endpointDraft) {
	e.body, e.bodyDoc = b.section(p, p.Body, "Body Parameters")
	e.resp, e.respDoc = b.section(p, p.Response, "Resource Description")
	// A section the page does not have (cut off, or a customised template)
	// says nothing: kept raw rather than read as "none".
	if p.Body == nil && e.body == nil && bodyMethod(p.Method) {
		b.warn(p.Source, p.Line, "%s %s: the page has no Body Parameters section; a body, if any, is kept raw", p.Method, e.relPath)
		e.body = &displayRef{kind: spec.RefPrimitive, name: "anyType"}
	}
	if p.Response == nil && e.resp == nil {
		b.warn(p.Source, p.Line, "%s %s: the page has no Resource Description section; the response, if any, is kept raw", p.Method, e.relPath)
		e.resp = &displayRef{kind: spec.RefPrimitive, name: "anyType"}
	}
	for _, s := range p.Samples {
		e.samples = append(e.samples, &spec.Sample{Direction: s.Direction, MediaTypes: s.MediaTypes, Kind: s.Kind, Text: s.Text})
		for _, mt := range s.MediaTypes {
			if s.Direction == "request" {
				e.reqFmt = appendUnique(e.reqFmt, mt)
			} else {
				e.respFmt = appendUnique(e.respFmt, mt)
			}
		}
	}
	// Observe samples now that the section types are known.
	for _, s := range p.Samples {
		if s.Kind == "invalid" {
			b.observeMessage(s.Text)
		}
		if s.Kind != "text" {
			continue
		}
		ref := e.body
		if s.Direction == "response" {
			ref = e.resp
		}
		if ref == nil {
			continue
		}
		src := fmt.Sprintf("%s:%d", p.Source, s.Line)
		switch {
		case anyMedia(s.MediaTypes, isJSONMedia):
			n, err := parseJSONSample(s.Text)
			if err != nil {
				b.warn(p.Source, s.Line, "%s sample: %v", s.Direction, err)
				continue
			}
			if stripReferences(n) {
				// Json.NET's PreserveReferencesHandling: "$id" on every
				// object, {"$ref": id} for a repeat. Not members.
				b.warn(p.Source, s.Line, "%s sample: the server writes Json.NET object references ($id/$ref/$values); the generated JSON codec reads and resolves them, and writes the objects expanded, without metadata", s.Direction)
			}
			b.observeJSON(ref, n)
		case anyMedia(s.MediaTypes, isXMLMedia):
			n, err := parseXMLSample(s.Text)
			if err != nil {
				b.warn(p.Source, s.Line, "%s sample: %v", s.Direction, err)
				continue
			}
			if n.prefixes["xsd"] == spec.NSSchema && n.prefixes["xsi"] == spec.NSInstance && n.defaultNS == "" && !b.xmlSerializer {
				// XmlSerializer's root (UseXmlSerializer), not DCS's.
				b.xmlSerializer = true
				b.warn(p.Source, s.Line, "%s sample: the server's XML formatter is XmlSerializer, not DataContractSerializer; the generated XML codec writes DataContractSerializer XML, so use JSON with this API", s.Direction)
			}
			b.observeXMLRoot(ref, n, src)
		}
	}
	b.endpoints = append(b.endpoints, e)
}

// bodyMethod reports whether requests of a method carry a body.
func bodyMethod(m string) bool { return m == "POST" || m == "PUT" || m == "PATCH" }

// indexOnly adds the endpoints the Help index lists whose Api page is not
// among the inputs: method, route and documentation from the index; URI
// parameters from the route template, typed string (their text: the page
// that types them is missing); body (for methods that carry one) and
// response kept raw. Each is reported where the index lists it.
func (b *builder) indexOnly(apis map[string]*Page) {
	done := map[string]bool{}
	for k, ie := range b.index {
		if ie.Method == "" || ie.RelativePath == "" {
			continue
		}
		rel := strings.TrimPrefix(strings.TrimSpace(ie.RelativePath), "/")
		id := apiID(ie.Method, rel)
		if apis[id] != nil || done[id] {
			continue
		}
		done[id] = true
		src := b.indexSrc[k]
		p := &Page{Kind: PageAPI, Source: src, Line: ie.Line, Method: ie.Method, RelativePath: rel, Doc: ie.Doc,
			URIParams: &Section{Line: ie.Line, Table: &Table{Line: ie.Line}}}
		for _, name := range routeParams(rel) {
			p.URIParams.Table.Rows = append(p.URIParams.Table.Rows, &Row{Line: ie.Line, Name: name, Type: TypeText{Text: "string"}})
		}
		b.warn(src, ie.Line, "%s %s: its Api page is not among the inputs; URI parameters typed string from the route, body and response kept raw", ie.Method, rel)
		e := b.apiDraft(p)
		if e == nil {
			continue
		}
		if bodyMethod(ie.Method) {
			e.body = &displayRef{kind: spec.RefPrimitive, name: "anyType"}
		}
		e.resp = &displayRef{kind: spec.RefPrimitive, name: "anyType"}
		b.endpoints = append(b.endpoints, e)
	}
}

// routeParams lists the {names} of a RelativePath, path then query.
func routeParams(rel string) []string {
	var out []string
	for s := rel; ; {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		name := strings.TrimPrefix(strings.TrimSuffix(s[i+1:i+j], "?"), "*")
		if c := strings.IndexByte(name, ':'); c >= 0 {
			name = name[:c]
		}
		if name != "" {
			out = append(out, name)
		}
		s = s[i+j+1:]
	}
}

// clrTypeRE finds the CLR full names the serializers' exception messages
// quote: "Self referencing loop detected for type 'Ns.X'." (Json.NET),
// "Object graph for type 'Ns.X' contains cycles ..." (DCS).
var clrTypeRE = regexp.MustCompile(`for type '([A-Za-z_][\w.+]*)'`)

// observeMessage records the CLR namespaces an invalid sample's message
// reveals, by the type's simple name (the stock model name). Generic and
// nested types are left out: their model names are not the CLR name.
func (b *builder) observeMessage(text string) {
	for _, m := range clrTypeRE.FindAllStringSubmatch(text, -1) {
		full := m[1]
		i := strings.LastIndexByte(full, '.')
		if i <= 0 || strings.ContainsAny(full, "+`") {
			continue
		}
		if b.clrNS == nil {
			b.clrNS = map[string]string{}
		}
		b.clrNS[full[i+1:]] = full[:i]
	}
}

func anyMedia(mts []string, f func(string) bool) bool {
	for _, mt := range mts {
		if f(mt) {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// section reads a body or response section: its type and the table that
// documents the type's members.
func (b *builder) section(p *Page, s *Section, what string) (*displayRef, string) {
	dir := "request"
	if what == "Resource Description" {
		dir = "response"
	}
	if s == nil && dir == "response" && hasTextSample(p.Samples, dir) {
		// A pre-5.1 page has no "Resource Description" but shows response
		// samples: their type is the response's.
		s = &Section{Line: p.Line}
	}
	if s != nil && !s.None && strings.TrimSpace(s.Type.Text) == "" && (s.Table != nil || hasTextSample(p.Samples, dir)) {
		// The page lost the type's name (a scraper dropped the link), or a
		// pre-5.1 page never showed it: the XML sample's root element is
		// the contract's name.
		if name := xmlRootName(p.Samples, dir); name != "" {
			b.warn(p.Source, s.Line, "%s: the page lost the type's name; named %s after the XML sample's root element", what, name)
			s.Type.Text = name
		} else {
			b.warn(p.Source, s.Line, "%s: the page lost the type's name and no XML sample names it; kept as a raw value", what)
			return &displayRef{kind: spec.RefPrimitive, name: "anyType"}, s.Doc
		}
	}
	if s == nil || s.None || strings.TrimSpace(s.Type.Text) == "" {
		if s == nil {
			return nil, ""
		}
		return nil, s.Doc
	}
	ref := parseDisplay(s.Type.Text)
	if len(s.Type.Links) == 1 && (ref.kind == "model" || ref.garbled != "") {
		ref = &displayRef{kind: "model", name: s.Type.Links[0]} // the link names the model
	}
	if g := ref.garbledText(); g != "" {
		b.warn(p.Source, s.Line, "%s: type %q is no type name a Help Page writes (a garbled cell); kept as a raw value", what, g)
	}
	if s.Type.Cut {
		// The deepest model name is the end of the text: maybe cut short.
		d := ref
		for len(d.args) > 0 {
			d = d.args[len(d.args)-1]
		}
		if d.kind == "model" {
			m := b.model(d.name)
			m.cutAt = fmt.Sprintf("%s:%d", p.Source, s.Line)
		}
	}
	for _, n := range ref.modelNames(nil) {
		b.model(n).used = true
		b.referencedAt(n, fmt.Sprintf("%s:%d", p.Source, s.Line))
	}
	if s.Table != nil {
		target := ref
		for target.kind == spec.RefList {
			target = target.args[0]
		}
		if target.kind == "model" {
			m := b.model(target.name)
			b.setRows(m, s.Table.Rows, fmt.Sprintf("%s:%d", p.Source, s.Table.Line), s.Table.AtEnd && p.Truncated)
		}
	}
	return ref, s.Doc
}

// stripReferences removes Json.NET's "$id" and "$ref" keys from a sample,
// makes a {"$values": [...]} collection its array, and reports whether it
// had any.
func stripReferences(n *jnode) bool {
	found := false
	if n.kind == 'o' {
		for i, k := range n.keys {
			if k == "$values" {
				*n = *n.vals[i]
				stripReferences(n)
				return true
			}
		}
		keys, vals := n.keys[:0:0], n.vals[:0:0]
		for i, k := range n.keys {
			if k == "$id" || k == "$ref" {
				found = true
				continue
			}
			keys, vals = append(keys, k), append(vals, n.vals[i])
		}
		n.keys, n.vals = keys, vals
	}
	for _, v := range n.vals {
		found = stripReferences(v) || found
	}
	for _, it := range n.items {
		found = stripReferences(it) || found
	}
	return found
}

// hasTextSample reports whether a page shows a sample for a direction.
func hasTextSample(samples []*Sample, dir string) bool {
	for _, s := range samples {
		if s.Direction == dir && s.Kind == "text" {
			return true
		}
	}
	return false
}

// xmlRootName is the root element name of the first XML sample of a
// direction ("ArrayOfX" for a collection: then "Collection of X").
func xmlRootName(samples []*Sample, dir string) string {
	for _, s := range samples {
		if s.Direction != dir || s.Kind != "text" || !anyMedia(s.MediaTypes, isXMLMedia) {
			continue
		}
		n, err := parseXMLSample(s.Text)
		if err != nil || !textIsIdent(n.name) {
			continue
		}
		if item, ok := strings.CutPrefix(n.name, "ArrayOf"); ok && len(n.children) > 0 && n.children[0].name == item {
			return "Collection of " + item
		}
		return n.name
	}
	return ""
}

func (b *builder) setRows(m *model, rows []*Row, src string, cut bool) {
	file := src
	if i := strings.LastIndexByte(src, ':'); i > 0 {
		file = src[:i]
	}
	for _, r := range rows {
		for _, n := range parseDisplay(r.Type.Text).modelNames(nil) {
			b.referencedAt(n, fmt.Sprintf("%s:%d", file, r.Line))
		}
	}
	if rows == nil {
		rows = []*Row{} // a table that says "None.": documented, no members
	}
	m.tables = append(m.tables, &tableObs{rows: rows, src: src, cut: cut})
	if m.rows == nil {
		// Provisional (Build chooses among all tables once every page is
		// read): model names met in rows must resolve meanwhile.
		m.rows, m.rowsSrc = rows, src
	}
}

func rowsDiffer(a, c []*Row) bool {
	if len(a) != len(c) {
		return true
	}
	for i := range a {
		if a[i].Name != c[i].Name || a[i].Type.Text != c[i].Type.Text {
			return true
		}
	}
	return false
}

// apiID computes the Help Page ApiId from the method and RelativePath.
func apiID(method, rel string) string {
	path, query, _ := strings.Cut(rel, "?")
	id := method + "-" + strings.NewReplacer("/", "-", "{", "", "}", "").Replace(path)
	if query != "" {
		var keys []string
		for _, kv := range strings.Split(query, "&") {
			k, _, _ := strings.Cut(kv, "=")
			keys = append(keys, strings.ReplaceAll(k, ".", "-"))
		}
		id += "_" + strings.Join(keys, "_")
	}
	return id
}

func (e *endpointDraft) finish(b *builder) *spec.Endpoint {
	p := e.page
	out := &spec.Endpoint{
		ID: e.id, Method: p.Method, Route: e.route, RelativePath: e.relPath, Doc: p.Doc,
		Samples: e.samples, RequestFormats: e.reqFmt, ResponseFormats: e.respFmt, Source: p.Source,
	}
	for _, ie := range b.index {
		if strings.EqualFold(ie.ApiID, e.id) {
			out.Controller = ie.Controller
			if out.Doc == "" {
				out.Doc = ie.Doc
			}
		}
	}
	for _, pd := range e.params {
		r := pd.row
		prm := &spec.Param{Name: r.Name, In: "query", Doc: r.Doc, Type: b.paramType(pd, p.Source), Unknown: unknownOf(pd.ref, false)}
		if strings.Contains(e.route, "{"+r.Name+"}") {
			prm.In = "path"
		}
		ann := parseAnnotations(r.Annotations)
		prm.Required = ann.Required
		prm.Default = ann.Default
		if !ann.Required && ann.Default == nil && prm.In == "query" && b.isValueRef(pd.ref) {
			// An optional value-type parameter (a simple value type or an
			// enum) with a null default is Nullable<T>.
			prm.Type = spec.Nullable(prm.Type)
		}
		ann.Required, ann.Default = false, nil
		if !annEmpty(ann) {
			prm.Annotations = ann
		}
		out.Params = append(out.Params, prm)
	}
	if e.body != nil {
		refineRootWidth(e.body, e.samples, "request")
		out.Body = &spec.Body{Type: refineRoot(b.refString(e.body), e.samples, "request"), Doc: e.bodyDoc}
	}
	if e.resp != nil {
		refineRootWidth(e.resp, e.samples, "response")
		out.Response = &spec.Body{Type: refineRoot(b.refString(e.resp), e.samples, "response"), Doc: e.respDoc}
	}
	return out
}

// paramType is a URI parameter's type reference. Web API binds a URI
// value from its text: a model that is no enum (an opaque type, a complex
// type a customised page lists as one parameter) is sent as that text.
func (b *builder) paramType(pd *paramDraft, src string) string {
	ref := pd.ref
	list := false
	if ref.kind == spec.RefList {
		ref, list = ref.args[0], true
	}
	if ref.kind != "model" && !(ref.kind == spec.RefPrimitive && ref.name != "anyType" && !(list && ref.name == "base64Binary")) {
		// A shape no URI carries (a collection of collections, a
		// dictionary, Object): the parameter's text.
		b.warn(src, pd.row.Line, "parameter %s: a %s cannot be read from a URI; sent as text", pd.row.Name, strings.TrimSpace(pd.row.Type.Text))
		return "string"
	}
	if ref.kind == "model" {
		m := b.model(ref.name)
		if !m.inferred {
			b.infer(m)
		}
		if m.kind != spec.KindEnum {
			why := "no page describes it"
			if !m.opaque {
				why = "it is a complex type"
			}
			b.warn(src, pd.row.Line, "parameter %s: type %s cannot be read from a URI (%s); sent as text", pd.row.Name, ref.name, why)
			if list {
				return spec.List("string")
			}
			return "string"
		}
	}
	return b.refString(pd.ref)
}

// refineRoot tells DateTime from DateTimeOffset for a body or response:
// the Help Page shows both as "date", but the XML sample's root element
// names the contract.
func refineRoot(ref string, samples []*spec.Sample, dir string) string {
	if !strings.Contains(ref, "dateTime") || strings.Contains(ref, "dateTimeOffset") {
		return ref
	}
	for _, s := range samples {
		if s.Direction != dir || s.Kind != "text" || !strings.Contains(strings.Join(s.MediaTypes, " "), "xml") {
			continue
		}
		t := strings.TrimSpace(s.Text)
		if strings.HasPrefix(t, "<DateTimeOffset ") || strings.HasPrefix(t, "<DateTimeOffset>") ||
			strings.HasPrefix(t, "<ArrayOfDateTimeOffset") {
			return strings.ReplaceAll(ref, "dateTime", "dateTimeOffset")
		}
	}
	return ref
}

// isValueRef reports whether a rendering names a CLR value type: a simple
// value type or an enum (model pages say which models are enums).
func (b *builder) isValueRef(d *displayRef) bool {
	switch d.kind {
	case spec.RefPrimitive:
		return valueType(d.name)
	case "model":
		m := b.model(d.name)
		return m.kind == spec.KindEnum || m.page != nil && m.page.IsEnum
	}
	return false
}

func valueType(prim string) bool {
	switch prim {
	case "string", "anyURI", "base64Binary", "anyType":
		return false
	}
	return true
}

// keyRef reports whether a dictionary key rendering is a simple value or
// an enum (see spec.Validate).
func (b *builder) keyRef(d *displayRef) bool {
	switch d.kind {
	case spec.RefPrimitive:
		return d.name != "anyType" && d.name != "base64Binary"
	case "model":
		m := b.model(d.name)
		if !m.inferred {
			b.infer(m)
		}
		return m.kind == spec.KindEnum
	}
	return false
}

// refString resolves a display reference to a spec type reference.
func (b *builder) refString(d *displayRef) string {
	switch d.kind {
	case spec.RefPrimitive:
		if d.width {
			return widest(d.name)
		}
		return d.name
	case spec.RefList:
		return spec.List(b.refString(d.args[0]))
	case spec.RefDict:
		if !b.keyRef(d.args[0]) {
			return "anyType" // keyed by something Json.NET cannot name a member after: kept raw
		}
		return spec.Dict(b.refString(d.args[0]), b.refString(d.args[1]))
	case spec.RefPair:
		return spec.Pair(b.refString(d.args[0]), b.refString(d.args[1]))
	case spec.RefNullable:
		return spec.Nullable(b.refString(d.args[0]))
	}
	m := b.model(d.name)
	return b.modelRef(m)
}

// modelRef is the reference text of a model: its spec name, or the spec
// reference of a wrapper it stands for (a model name like ListOfX used as a
// type has no page of its own).
func (b *builder) modelRef(m *model) string {
	if m.alias != nil {
		return b.modelRef(m.alias)
	}
	if m.specName == "" {
		b.nameModel(m)
	}
	return m.specName
}

var annRE = []struct {
	re  *regexp.Regexp
	set func(a *spec.Annotations, m []string)
}{
	{regexp.MustCompile(`^Required$`), func(a *spec.Annotations, m []string) { a.Required = true }},
	{regexp.MustCompile(`^Range: inclusive between (.*) and (.*)$`), func(a *spec.Annotations, m []string) { a.Range = &spec.Bounds{Min: m[1], Max: m[2]} }},
	{regexp.MustCompile(`^String length: inclusive between (.*) and (.*)$`), func(a *spec.Annotations, m []string) { a.StringLength = &spec.Bounds{Min: m[1], Max: m[2]} }},
	{regexp.MustCompile(`^Max length: (\d+)$`), func(a *spec.Annotations, m []string) { n, _ := strconv.Atoi(m[1]); a.MaxLength = &n }},
	{regexp.MustCompile(`^Min length: (\d+)$`), func(a *spec.Annotations, m []string) { n, _ := strconv.Atoi(m[1]); a.MinLength = &n }},
	{regexp.MustCompile(`^Data type: (.*)$`), func(a *spec.Annotations, m []string) { a.DataType = m[1] }},
	{regexp.MustCompile(`^Matching regular expression pattern: (.*)$`), func(a *spec.Annotations, m []string) { a.Pattern = m[1] }},
	{regexp.MustCompile(`^Default value is (.*)$`), func(a *spec.Annotations, m []string) { s := m[1]; a.Default = &s }},
}

func parseAnnotations(texts []string) *spec.Annotations {
	a := &spec.Annotations{}
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" || t == "None." {
			continue
		}
		matched := false
		for _, r := range annRE {
			if m := r.re.FindStringSubmatch(t); m != nil {
				r.set(a, m)
				matched = true
				break
			}
		}
		if !matched {
			a.Other = append(a.Other, t)
		}
	}
	return a
}

func annEmpty(a *spec.Annotations) bool {
	return !a.Required && a.MaxLength == nil && a.MinLength == nil && a.StringLength == nil && a.Range == nil &&
		a.Pattern == "" && a.DataType == "" && a.Default == nil && len(a.Other) == 0
}
