package parser

import (
	"fmt"
	"regexp"
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
	b := &builder{models: map[string]*model{}, lower: map[string]*model{}, enumWire: map[*model]map[int64]string{}}
	for _, p := range pages {
		b.diags = append(b.diags, p.Diags...)
		switch p.Kind {
		case PageModel:
			m := b.model(p.ModelName)
			if m.page != nil {
				// The richer page wins (a text rendering has no documentation
				// or is cut off), else the first: the result must not depend
				// on how the user named directories.
				if richer(p, m.page) {
					b.info(p.Source, p.Line, "model %s is described again; this page says more than %s and is used", p.ModelName, m.page.Source)
					m.page, m.doc, m.rows = p, p.ModelDoc, nil
					if p.Members != nil {
						b.setRows(m, p.Members.Rows, fmt.Sprintf("%s:%d", p.Source, p.Members.Line))
					}
					continue
				}
				b.info(p.Source, p.Line, "model %s is described again (first in %s); the first page is used", p.ModelName, m.page.Source)
				continue
			}
			m.page = p
			m.doc = p.ModelDoc
			if p.Members != nil {
				b.setRows(m, p.Members.Rows, fmt.Sprintf("%s:%d", p.Source, p.Members.Line))
			}
		case PageIndex:
			for _, e := range p.Index {
				b.index = append(b.index, e)
			}
		case PageError:
			b.warn(p.Source, p.Line, "the host's error page (a Help look-up miss): nothing to read")
		case PageUnknown:
			b.warn(p.Source, 1, "not a Help Page (no API, model or index content found): skipped")
		}
	}
	// One endpoint per ApiId: the same page saved twice (HTML and text, or
	// two crawls) describes one endpoint; the richer copy is used.
	apis := map[string]*Page{}
	var apiOrder []string
	for _, p := range pages {
		if p.Kind != PageAPI {
			continue
		}
		id := apiID(p.Method, strings.TrimPrefix(strings.TrimSpace(p.RelativePath), "/"))
		if old, ok := apis[id]; ok {
			if richer(p, old) {
				apis[id] = p
			}
			b.info(p.Source, p.Line, "endpoint %s is described again (also in %s); one copy is used", id, old.Source)
			continue
		}
		apis[id] = p
		apiOrder = append(apiOrder, id)
	}
	for _, id := range apiOrder {
		b.api(apis[id])
	}
	b.inferAll()
	b.inferUnseen()
	s := &spec.Spec{Schema: spec.Schema, Wire: b.wire()}
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
	diags     []*spec.Diagnostic
	// enumWire records XML texts seen for enum values: enum → value → text.
	enumWire map[*model]map[int64]string
	// dates are (JSON text, XML text) pairs of one DateTime value.
	dates [][2]string
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

// richer reports whether page a says more than page b: not cut off where b
// is, documentation where b has none, more samples.
func richer(a, b *Page) bool {
	if a.Truncated != b.Truncated {
		return !a.Truncated
	}
	if (a.ModelDoc != "" || a.Doc != "") != (b.ModelDoc != "" || b.Doc != "") {
		return a.ModelDoc != "" || a.Doc != ""
	}
	return len(a.Samples) > len(b.Samples)
}

func (b *builder) api(p *Page) {
	e := &endpointDraft{page: p}
	e.relPath = strings.TrimPrefix(strings.TrimSpace(p.RelativePath), "/")
	if !methodRE.MatchString(p.Method) || e.relPath == "" {
		b.warn(p.Source, p.Line, "API page without a METHOD and route in its title: skipped")
		return
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
			e.params = append(e.params, &paramDraft{row: r, ref: parseDisplay(text)})
		}
	}
	e.body, e.bodyDoc = b.section(p, p.Body, "Body Parameters")
	e.resp, e.respDoc = b.section(p, p.Response, "Resource Description")
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
			b.observeJSON(ref, n)
		case anyMedia(s.MediaTypes, isXMLMedia):
			n, err := parseXMLSample(s.Text)
			if err != nil {
				b.warn(p.Source, s.Line, "%s sample: %v", s.Direction, err)
				continue
			}
			b.observeXMLRoot(ref, n, src)
		}
	}
	b.endpoints = append(b.endpoints, e)
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
	if s == nil || s.None || strings.TrimSpace(s.Type.Text) == "" {
		if s != nil && !s.None && s.Table != nil {
			b.warn(p.Source, s.Line, "%s: a table without a type name", what)
		}
		if s == nil {
			return nil, ""
		}
		return nil, s.Doc
	}
	ref := parseDisplay(s.Type.Text)
	if len(s.Type.Links) == 1 && ref.kind == "model" {
		ref.name = s.Type.Links[0]
	}
	for _, n := range ref.modelNames(nil) {
		b.model(n).used = true
	}
	if s.Table != nil {
		target := ref
		for target.kind == spec.RefList {
			target = target.args[0]
		}
		if target.kind == "model" {
			m := b.model(target.name)
			b.setRows(m, s.Table.Rows, fmt.Sprintf("%s:%d", p.Source, s.Table.Line))
		}
	}
	return ref, s.Doc
}

func (b *builder) setRows(m *model, rows []*Row, src string) {
	for _, r := range rows {
		for _, n := range parseDisplay(r.Type.Text).modelNames(nil) {
			b.model(n)
		}
	}
	if m.rows == nil {
		m.rows, m.rowsSrc = rows, src
		return
	}
	if rowsDiffer(m.rows, rows) {
		b.diags = append(b.diags, &spec.Diagnostic{Severity: spec.Warning, Source: src,
			Message: fmt.Sprintf("model %s: this table differs from the one in %s; the first is kept", m.name, m.rowsSrc)})
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
		prm := &spec.Param{Name: r.Name, In: "query", Doc: r.Doc, Type: b.refString(pd.ref), Unknown: unknownOf(pd.ref, false)}
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
