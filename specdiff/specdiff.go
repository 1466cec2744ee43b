package specdiff

import (
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Change kinds. Their order here is the order changes of one subject are
// listed in.
const (
	EndpointAdded         = "endpoint-added"
	EndpointRemoved       = "endpoint-removed"
	EndpointMethodChanged = "endpoint-method-changed"
	EndpointRouteChanged  = "endpoint-route-changed"
	ParamAdded            = "param-added"
	ParamRemoved          = "param-removed"
	ParamRenamed          = "param-renamed"
	ParamMoved            = "param-location-changed"
	ParamRetyped          = "param-retyped"
	ParamRequiredAdded    = "param-required-added"
	ParamRequiredRemoved  = "param-required-removed"
	BodyChanged           = "body-changed"
	ResponseChanged       = "response-changed"
	FormatAdded           = "format-added"
	FormatRemoved         = "format-removed"

	WireChanged = "wire-changed"

	TypeAdded           = "type-added"
	TypeRemoved         = "type-removed"
	TypeRenamed         = "type-renamed"
	TypeKindChanged     = "type-kind-changed"
	TypeContractChanged = "type-contract-changed"
	MemberAdded         = "member-added"
	MemberRemoved       = "member-removed"
	MemberRenamed       = "member-renamed"
	MemberJSONRenamed   = "member-json-renamed"
	MemberXMLRenamed    = "member-xml-renamed"
	MemberJSONAdded     = "member-json-added"
	MemberJSONRemoved   = "member-json-removed"
	MemberXMLAdded      = "member-xml-added"
	MemberXMLRemoved    = "member-xml-removed"
	MemberNamespace     = "member-namespace-changed"
	MemberReordered     = "member-reordered"
	MemberRetyped       = "member-retyped"
	RequiredAdded       = "required-added"
	RequiredRemoved     = "required-removed"
	EnumValueAdded      = "enum-value-added"
	EnumValueRemoved    = "enum-value-removed"
	EnumValueRenamed    = "enum-value-renamed"
	EnumValueChanged    = "enum-value-changed"
	EnumWireChanged     = "enum-wire-changed"
	EnumFlagsChanged    = "enum-flags-changed"
)

var kindRank = map[string]int{}

func init() {
	for i, k := range []string{
		EndpointAdded, EndpointRemoved, EndpointMethodChanged, EndpointRouteChanged,
		ParamAdded, ParamRemoved, ParamRenamed, ParamMoved, ParamRetyped, ParamRequiredAdded, ParamRequiredRemoved,
		BodyChanged, ResponseChanged, FormatAdded, FormatRemoved, WireChanged,
		TypeAdded, TypeRemoved, TypeRenamed, TypeKindChanged, TypeContractChanged,
		MemberAdded, MemberRemoved, MemberRenamed, MemberJSONRenamed, MemberXMLRenamed,
		MemberJSONAdded, MemberJSONRemoved, MemberXMLAdded, MemberXMLRemoved, MemberNamespace,
		MemberReordered, MemberRetyped, RequiredAdded, RequiredRemoved,
		EnumValueAdded, EnumValueRemoved, EnumValueRenamed, EnumValueChanged, EnumWireChanged, EnumFlagsChanged,
	} {
		kindRank[k] = i
	}
}

// Change is one difference between the specs with its verdict per format.
type Change struct {
	Kind string `json:"kind"`
	// Endpoint is the endpoint ID (the old one when the endpoint still exists).
	Endpoint string `json:"endpoint,omitempty"`
	// Type is the type name (the new one when the type still exists).
	Type string `json:"type,omitempty"`
	// Member names the member, parameter, enum value or media type.
	Member string `json:"member,omitempty"`
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
	// Summary is one readable line.
	Summary    string `json:"summary"`
	BreaksJSON bool   `json:"breaksJSON"`
	JSONReason string `json:"jsonReason"`
	BreaksXML  bool   `json:"breaksXML"`
	XMLReason  string `json:"xmlReason"`
}

// Breaking reports whether the change breaks either format.
func (c *Change) Breaking() bool { return c.BreaksJSON || c.BreaksXML }

// Report is the outcome of Compare, in a deterministic order: by endpoint ID
// or type name, then kind, then member.
type Report struct {
	Endpoints []*Change `json:"endpoints"`
	// Wire lists changes of the server-wide wire facts (spec.Wire).
	Wire  []*Change `json:"wire"`
	Types []*Change `json:"types"`
	// BreaksJSON and BreaksXML count the changes that break each format.
	BreaksJSON int `json:"breaksJSON"`
	BreaksXML  int `json:"breaksXML"`
}

// Changes lists endpoint changes, then wire changes, then type changes.
func (r *Report) Changes() []*Change {
	return append(append(append([]*Change(nil), r.Endpoints...), r.Wire...), r.Types...)
}

// Breaking reports whether any change breaks either format.
func (r *Report) Breaking() bool { return r.BreaksJSON > 0 || r.BreaksXML > 0 }

type verdict struct {
	breaks bool
	reason string
}

func ok(reason string) verdict  { return verdict{false, reason} }
func brk(reason string) verdict { return verdict{true, reason} }

func (c *Change) set(j, x verdict) *Change {
	c.BreaksJSON, c.JSONReason = j.breaks, j.reason
	c.BreaksXML, c.XMLReason = x.breaks, x.reason
	return c
}

// Compare reports how new differs from old. Either may be nil (empty).
func Compare(old, new *spec.Spec) *Report {
	if old == nil {
		old = &spec.Spec{}
	}
	if new == nil {
		new = &spec.Spec{}
	}
	d := &differ{
		old: old, new: new,
		oldTypes: old.TypeMap(), newTypes: new.TypeMap(),
		renamed: map[string]string{},
	}
	d.oldUse = usage(old)
	d.newUse = usage(new)
	d.compareTypes()
	d.compareEndpoints()
	d.compareWire()
	r := &Report{Endpoints: d.endpoints, Wire: d.wire, Types: d.types}
	if r.Endpoints == nil {
		r.Endpoints = []*Change{}
	}
	if r.Wire == nil {
		r.Wire = []*Change{}
	}
	if r.Types == nil {
		r.Types = []*Change{}
	}
	sortChanges(r.Endpoints, func(c *Change) string { return c.Endpoint })
	sortChanges(r.Types, func(c *Change) string { return c.Type })
	sortChanges(r.Wire, func(c *Change) string { return c.Member })
	for _, c := range r.Changes() {
		if c.BreaksJSON {
			r.BreaksJSON++
		}
		if c.BreaksXML {
			r.BreaksXML++
		}
	}
	return r
}

func sortChanges(cs []*Change, subject func(*Change) string) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if sa, sb := subject(a), subject(b); sa != sb {
			return sa < sb
		}
		if a.Kind != b.Kind {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		if a.Member != b.Member {
			return a.Member < b.Member
		}
		if a.Old != b.Old {
			return a.Old < b.Old
		}
		return a.New < b.New
	})
}

type differ struct {
	old, new           *spec.Spec
	oldTypes, newTypes map[string]*spec.Type
	// renamed maps old type names to new ones for types paired across a
	// rename, so references to them compare equal in shape.
	renamed        map[string]string
	oldUse, newUse map[string]use
	endpoints      []*Change
	wire           []*Change
	types          []*Change
}

// compareWire judges the server's date facts. Json.NET readers accept any
// ISO form, but clients generated for one exact form, and clients that
// interpret an offset-less value by the server's offset, read dates wrong
// (or not at all) once the form or the offset changes. DCS always writes
// the round-trip form with an explicit offset.
func (d *differ) compareWire() {
	o, n := d.old.Wire, d.new.Wire
	add := func(field, ov, nv string, j verdict) {
		if ov == nv {
			return
		}
		d.wire = append(d.wire, (&Change{Kind: WireChanged, Member: field, Old: ov, New: nv,
			Summary: field + " changes from " + quote(ov) + " to " + quote(nv)}).set(j,
			ok("DCS writes dates in the round-trip form with an explicit offset")))
	}
	add("jsonDateFormat", o.JSONDateFormat, n.JSONDateFormat,
		brk("dates are written in another form; readers tuned to the old one misread them"))
	add("jsonDateTimeZoneHandling", o.JSONDateTimeZoneHandling, n.JSONDateTimeZoneHandling,
		brk("dates change kind (UTC, local, unspecified), which shifts their meaning"))
	offset := ok("the JSON date form carries the offset")
	if !strings.Contains(n.JSONDateFormat, "K") && !strings.Contains(n.JSONDateFormat, "zzz") {
		offset = brk("the JSON date form carries no offset: clients must apply the server's, which changed")
	}
	add("serverUtcOffset", o.ServerUTCOffset, n.ServerUTCOffset, offset)
}

func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// use says whether a type reaches requests, responses, or both.
type use uint8

const (
	useRequest use = 1 << iota
	useResponse
)

// useOf is the usage of a type across both specs; a type reaching neither
// side is treated as reaching both, so the verdict errs towards breaking.
func (d *differ) useOf(oldName, newName string) use {
	u := d.oldUse[oldName] | d.newUse[newName]
	if u == 0 {
		return useRequest | useResponse
	}
	return u
}

func usage(s *spec.Spec) map[string]use {
	types := s.TypeMap()
	out := map[string]use{}
	var visit func(r *spec.Ref, u use)
	visit = func(r *spec.Ref, u use) {
		for _, a := range r.Args {
			visit(a, u)
		}
		if r.Kind != spec.RefNamed {
			return
		}
		t := types[r.Name]
		if t == nil || out[r.Name]&u == u {
			return
		}
		out[r.Name] |= u
		for _, m := range t.Members {
			visit(spec.MustParseRefOrNamed(m.Type), u)
		}
		// Inherited members are repeated in the derived type, but a change
		// to a base is reported on the base too, so it inherits the usage.
		if t.Base != "" {
			visit(&spec.Ref{Kind: spec.RefNamed, Name: t.Base}, u)
		}
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			visit(spec.MustParseRefOrNamed(p.Type), useRequest)
		}
		if e.Body != nil {
			visit(spec.MustParseRefOrNamed(e.Body.Type), useRequest)
		}
		if e.Response != nil {
			visit(spec.MustParseRefOrNamed(e.Response.Type), useResponse)
		}
	}
	return out
}

// contract is the DataContract name and namespace of a type reference in s,
// as DCS names roots and collection items.
func contract(s map[string]*spec.Type, r *spec.Ref) (name, ns string) {
	switch r.Kind {
	case spec.RefPrimitive:
		return spec.PrimitiveContract(r.Name)
	case spec.RefNullable:
		return contract(s, r.Elem())
	case spec.RefList:
		n, ns := contract(s, r.Elem())
		if ns == spec.NSSchema || ns == spec.NSSerialization {
			ns = spec.NSArrays
		}
		return "ArrayOf" + n, ns
	case spec.RefDict, spec.RefPair:
		kn, kns := contract(s, r.Key())
		vn, vns := contract(s, r.Elem())
		if r.Kind == spec.RefDict {
			return spec.GenericContractName("ArrayOfKeyValue", []string{kn, vn}, []string{kns, vns}), spec.NSArrays
		}
		return spec.GenericContractName("KeyValuePair", []string{kn, vn}, []string{kns, vns}), spec.NSGeneric
	}
	if t := s[r.Name]; t != nil && t.XML != nil {
		return t.XML.Name, t.XML.Namespace
	}
	return lastSegment(r.Name), ""
}

func lastSegment(n string) string {
	if i := strings.IndexByte(n, '<'); i >= 0 {
		n = n[:i]
	}
	if i := strings.LastIndexAny(n, ".+"); i >= 0 {
		return n[i+1:]
	}
	return n
}

// sameShape reports whether two references are the same once renamed types
// are mapped to their new names.
func (d *differ) sameShape(o, n *spec.Ref) bool {
	if o.Kind != n.Kind || len(o.Args) != len(n.Args) {
		return false
	}
	if o.Kind == spec.RefNamed {
		if m, ok := d.renamed[o.Name]; ok {
			return m == n.Name
		}
		return o.Name == n.Name
	}
	if o.Name != n.Name {
		return false
	}
	for i := range o.Args {
		if !d.sameShape(o.Args[i], n.Args[i]) {
			return false
		}
	}
	return true
}

// namesXML reports whether XML spells a reference's contract name, i.e. the
// reference is a root or holds collection items.
func namesXML(r *spec.Ref) bool {
	switch r.Kind {
	case spec.RefList, spec.RefDict, spec.RefPair:
		return true
	case spec.RefNullable:
		return namesXML(r.Elem())
	}
	return false
}

// compareRef judges a type reference change. root is true for bodies and
// responses, whose root element is named after the contract.
func (d *differ) compareRef(oldRef, newRef string, u use, root bool) (j, x verdict) {
	o, n := spec.MustParseRefOrNamed(oldRef), spec.MustParseRefOrNamed(newRef)
	if d.sameShape(o, n) {
		j = ok("same JSON shape: only the type's name changed")
		x = ok("same XML shape: only the type's CLR name changed")
		if root || namesXML(o) {
			on, ons := contract(d.oldTypes, o)
			nn, nns := contract(d.newTypes, n)
			if on != nn || ons != nns {
				x = brk("XML names the contract: " + qname(ons, on) + " becomes " + qname(nns, nn))
			}
		}
		return j, x
	}
	if n.Kind == spec.RefNullable && d.sameShape(o, n.Elem()) {
		if u&useResponse != 0 {
			v := brk("the new server may write null, which old readers cannot store in " + oldRef)
			return v, v
		}
		v := ok("request-only: old clients always send a value")
		return v, v
	}
	if o.Kind == spec.RefNullable && d.sameShape(o.Elem(), n) {
		if u&useRequest != 0 {
			v := brk("old clients may send null, which " + newRef + " cannot hold")
			return v, v
		}
		v := ok("response-only: the new server always writes a value")
		return v, v
	}
	v := brk("type changes from " + oldRef + " to " + newRef)
	return v, v
}

func qname(ns, name string) string {
	if ns == "" {
		return name
	}
	return "{" + ns + "}" + name
}
