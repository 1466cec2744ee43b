package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// The codecs are tables: contracts_gen.go describes every type as data (a
// struct's DCS name and namespace and its members with their wire names,
// types and annotations; an enum's values) and the runtime's codecs
// interpret it (templates/rt/contract.go). A member is one line of a
// table, so an API of a thousand types compiles as fast as its structs, and
// a changed member changes one line of the generated code.

// refString is a type reference in the runtime's notation: the spec's,
// with Go names for the emitted types.
func refString(g *GoType) string {
	switch g.Kind {
	case spec.RefPrimitive:
		if g.Opaque != nil {
			return g.Opaque.GoName // an Object of a named contract (api.Opaque)
		}
		return g.Prim
	case spec.RefNamed:
		return g.Named.GoName
	case spec.RefList:
		return "list<" + refString(g.Elem) + ">"
	case spec.RefNullable:
		return "nullable<" + refString(g.Elem) + ">"
	case spec.RefDict:
		return "dict<" + refString(g.Key) + "," + refString(g.Elem) + ">"
	case spec.RefPair:
		return "pair<" + refString(g.Key) + "," + refString(g.Elem) + ">"
	}
	return "anyType"
}

// emitContracts writes the descriptor of every type, the roots (body and
// response types) and the api value that holds them all.
func emitContracts(m *Model, next func() *jen.File) error {
	f := next()
	w := m.Spec.Wire
	f.Add(comment("jsonDates is how the server writes dates: the format and zone handling observed on its Help Page samples."))
	f.Var().Id("jsonDates").Op("=").Qual(pkgRT, "NewJSONDates").Call(
		jen.Lit(w.JSONDateFormat), jen.Lit(w.JSONDateTimeZoneHandling), jen.Lit(w.ServerUTCOffset))
	f.Line()
	f.Add(comment("jsonClientDates is how the client writes dates: Json.NET's lossless round-trip form, which every\nJson.NET reader parses whatever its DateFormatString (a server's own format may drop the zone or\nthe fraction, so sending it would change the value)."))
	f.Var().Id("jsonClientDates").Op("=").Qual(pkgRT, "NewJSONDates").Call(
		jen.Lit("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"), jen.Lit("RoundtripKind"), jen.Lit(w.ServerUTCOffset))
	f.Line()
	f.Add(comment("api holds the API's contracts for the runtime's codecs, which read them on first use."))
	var contracts, enums, roots []jen.Code
	for _, t := range m.Types {
		if t.IsEnum() {
			enums = append(enums, jen.Op("&").Id(enumVar(t)))
		} else {
			contracts = append(contracts, jen.Op("&").Id(contractVar(t)))
		}
	}
	for _, r := range m.Roots {
		roots = append(roots, jen.Op("&").Id(rootVar(r)))
	}
	var ops []jen.Code
	for _, op := range m.Ops {
		ops = append(ops, jen.Op("&").Id(opVar(op)))
	}
	var fields []kv
	if len(contracts) > 0 {
		fields = append(fields, kv{"Contracts", jen.Index().Op("*").Qual(pkgRT, "Contract").ValuesFunc(lines(contracts))})
	}
	if len(enums) > 0 {
		fields = append(fields, kv{"Enums", jen.Index().Op("*").Qual(pkgRT, "Enum").ValuesFunc(lines(enums))})
	}
	var opaque []jen.Code
	for _, t := range m.Opaque {
		name, ns := contract(t)
		opaque = append(opaque, oneLine([]kv{{"Name", jen.Lit(t.GoName)}, {"XML", jen.Lit(name)}, {"NS", jen.Lit(ns)}}))
	}
	if len(opaque) > 0 {
		fields = append(fields, kv{"Opaque", jen.Index().Op("*").Qual(pkgRT, "Opaque").ValuesFunc(lines(opaque))})
	}
	if len(roots) > 0 {
		fields = append(fields, kv{"Roots", jen.Index().Op("*").Qual(pkgRT, "Root").ValuesFunc(lines(roots))})
	}
	if len(ops) > 0 {
		fields = append(fields, kv{"Ops", jen.Index().Op("*").Qual(pkgRT, "Op").ValuesFunc(lines(ops))})
	}
	fields = append(fields, kv{"Dates", jen.Id("jsonDates")}, kv{"ClientDates", jen.Id("jsonClientDates")})
	f.Var().Id("api").Op("=").Op("&").Qual(pkgRT, "API").Add(byLine(fields))
	f.Line()
	for _, t := range m.Types {
		f = next()
		if t.IsEnum() {
			emitEnumDescriptor(f, t)
		} else {
			emitContractDescriptor(f, t)
		}
	}
	if len(m.Roots) > 0 {
		f = next()
		f.Add(comment("The request body and response types, as roots of documents."))
		f.Var().DefsFunc(func(g *jen.Group) {
			for _, r := range m.Roots {
				g.Id(rootVar(r)).Op("=").Qual(pkgRT, "Root").Add(oneLine([]kv{
					{"Go", jen.Parens(jen.Op("*").Add(GoTypeCode(r.Type))).Parens(jen.Nil())},
					{"Type", jen.Lit(refString(r.Type))},
				}))
			}
		})
	}
	return nil
}

// kv is one field of a keyed composite literal.
type kv struct {
	key string
	val jen.Code
}

// oneLine is a keyed composite literal on one line, fields in order.
func oneLine(fields []kv) *jen.Statement {
	items := make([]jen.Code, len(fields))
	for i, f := range fields {
		items[i] = jen.Id(f.key).Op(":").Add(f.val)
	}
	return jen.Values(items...)
}

// byLine is a keyed composite literal with a field per line, in order.
func byLine(fields []kv) *jen.Statement {
	return jen.ValuesFunc(func(g *jen.Group) {
		for _, f := range fields {
			g.Line().Id(f.key).Op(":").Add(f.val)
		}
		g.Line()
	})
}

// lines lays out a composite literal's elements one per line.
func lines(items []jen.Code) func(*jen.Group) {
	return func(g *jen.Group) {
		for _, it := range items {
			g.Line().Add(it)
		}
		g.Line()
	}
}

// contract is the DCS name and namespace of a named type.
func contract(t *Type) (name, ns string) {
	s := t.Spec
	if s.XML != nil {
		name, ns = s.XML.Name, s.XML.Namespace
	}
	clr := s.Name
	if i := strings.IndexByte(clr, '<'); i >= 0 {
		clr = clr[:i]
	}
	if name == "" {
		name = t.GoName
		if i := strings.LastIndexByte(clr, '.'); i >= 0 {
			name = clr[i+1:]
		}
	}
	if ns == "" {
		clrNS := ""
		if i := strings.LastIndexByte(clr, '.'); i >= 0 {
			clrNS = clr[:i]
		}
		ns = spec.NSDefaultPrefix + clrNS
	}
	return name, ns
}

// memberNS is the namespace of a member's element: its declaring class's.
func memberNS(fl *Field, typeNS string) string {
	if fl.Member.XML.Namespace != "" {
		return fl.Member.XML.Namespace
	}
	return typeNS
}

// omittable reports DataMember(EmitDefaultValue=false).
func omittable(fl *Field) bool {
	return fl.Member.EmitDefault != nil && !*fl.Member.EmitDefault
}

// formName is the key a member binds from: its CLR property name.
func formName(fl *Field) string {
	if fl.Member.CLRName != "" {
		return fl.Member.CLRName
	}
	return fl.Member.Name
}

func contractVar(t *Type) string { return "contract" + t.GoName }
func enumVar(t *Type) string     { return "enum" + t.GoName }
func rootVar(r *Root) string     { return "root" + r.Name }

func emitContractDescriptor(f *jen.File, t *Type) {
	name, ns := contract(t)
	members := append([]*Field(nil), t.XMLFields...)
	for _, fl := range t.Fields {
		if fl.Member.XML == nil {
			members = append(members, fl)
		}
	}
	d := []kv{
		{"Go", jen.Parens(jen.Op("*").Id(t.GoName)).Parens(jen.Nil())},
		{"Name", jen.Lit(t.Spec.Name)},
		{"XML", jen.Lit(name)},
		{"NS", jen.Lit(ns)},
	}
	if len(members) > 0 {
		var ms []jen.Code
		for _, fl := range members {
			ms = append(ms, memberDescriptor(fl, ns))
		}
		d = append(d, kv{"Members", jen.Index().Qual(pkgRT, "Member").ValuesFunc(lines(ms))})
	}
	// JSON order when it is not the members' order.
	var inOrder, jsonOrder []string
	for _, fl := range members {
		if fl.Member.JSON != nil {
			inOrder = append(inOrder, fl.Member.JSON.Name)
		}
	}
	for _, fl := range t.JSONFields {
		jsonOrder = append(jsonOrder, fl.Member.JSON.Name)
	}
	if strings.Join(inOrder, "\x00") != strings.Join(jsonOrder, "\x00") {
		var names []jen.Code
		for _, n := range jsonOrder {
			names = append(names, jen.Lit(n))
		}
		d = append(d, kv{"JSONOrder", jen.Index().String().Values(names...)})
	}
	f.Add(comment(contractVar(t) + " describes " + t.GoName + " to the codecs: members in DCS order."))
	f.Var().Id(contractVar(t)).Op("=").Qual(pkgRT, "Contract").Add(byLine(d))
	f.Line()
}

// memberDescriptor is one rtMember: only what differs from the defaults
// (every name is the member's name, the namespace the contract's).
func memberDescriptor(fl *Field, contractNS string) jen.Code {
	mem := fl.Member
	d := []kv{{"Name", jen.Lit(mem.Name)}}
	if fl.GoName != mem.Name {
		d = append(d, kv{"Field", jen.Lit(fl.GoName)})
	}
	d = append(d, kv{"Type", jen.Lit(refString(fl.Type))})
	if mem.JSON == nil {
		d = append(d, kv{"NoJSON", jen.True()})
	} else if mem.JSON.Name != mem.Name {
		d = append(d, kv{"JSON", jen.Lit(mem.JSON.Name)})
	}
	if mem.XML == nil {
		d = append(d, kv{"NoXML", jen.True()})
	} else {
		if mem.XML.Name != mem.Name {
			d = append(d, kv{"XML", jen.Lit(mem.XML.Name)})
		}
		if ns := memberNS(fl, contractNS); ns != contractNS {
			d = append(d, kv{"NS", jen.Lit(ns)})
		}
	}
	if mem.CLRName != "" && mem.CLRName != mem.Name {
		d = append(d, kv{"Form", jen.Lit(mem.CLRName)})
	}
	if mem.XML != nil && mem.XML.IsRequired {
		// DataMember(IsRequired), which only the config gives: not [Required],
		// which is validation (DCS reads a document without the element).
		d = append(d, kv{"Required", jen.True()})
	}
	if omittable(fl) {
		d = append(d, kv{"OmitDefault", jen.True()})
	}
	if acceptsNull(fl) {
		d = append(d, kv{"MaybeNull", jen.True()})
	}
	if noForm(fl) {
		d = append(d, kv{"NoForm", jen.True()})
	}
	if c := checkDescriptor(mem); c != nil {
		d = append(d, kv{"Check", c})
	}
	return oneLine(d)
}

// checkDescriptor is a member's documented validation, nil when none.
func checkDescriptor(mem *spec.Member) jen.Code {
	a := mem.Annotations
	if a == nil {
		return nil
	}
	var d []kv
	if a.Required || mem.Required {
		d = append(d, kv{"Required", jen.True()})
	}
	if a.MaxLength != nil {
		d = append(d, kv{"MaxLength", jen.Lit(fmt.Sprint(*a.MaxLength))})
	}
	if a.MinLength != nil {
		d = append(d, kv{"MinLength", jen.Lit(fmt.Sprint(*a.MinLength))})
	}
	if b := a.StringLength; b != nil {
		d = append(d, kv{"StringLength", jen.Index(jen.Lit(2)).String().Values(jen.Lit(b.Min), jen.Lit(b.Max))})
	}
	if b := a.Range; b != nil {
		d = append(d, kv{"Range", jen.Index(jen.Lit(2)).String().Values(jen.Lit(b.Min), jen.Lit(b.Max))})
	}
	if a.Pattern != "" {
		d = append(d, kv{"Pattern", jen.Lit(a.Pattern)})
	}
	if len(d) == 0 {
		return nil
	}
	return jen.Op("&").Qual(pkgRT, "Check").Add(oneLine(d))
}

func emitEnumDescriptor(f *jen.File, t *Type) {
	name, ns := contract(t)
	var values []jen.Code
	for _, v := range t.Values {
		d := []kv{{"Name", jen.Lit(v.Value.Name)}, {"Value", jen.Lit(v.Value.Value)}}
		if v.Value.Wire != "" && v.Value.Wire != v.Value.Name {
			d = append(d, kv{"Wire", jen.Lit(v.Value.Wire)})
		}
		values = append(values, oneLine(d))
	}
	d := []kv{
		{"Go", jen.Parens(jen.Op("*").Id(t.GoName)).Parens(jen.Nil())},
		{"Name", jen.Lit(t.Spec.Name)},
		{"XML", jen.Lit(name)},
		{"NS", jen.Lit(ns)},
	}
	if t.Spec.Flags {
		d = append(d, kv{"Flags", jen.True()})
	}
	if len(values) > 0 {
		d = append(d, kv{"Values", jen.Index().Qual(pkgRT, "EnumValue").ValuesFunc(lines(values))})
	}
	f.Add(comment(enumVar(t) + " describes " + t.GoName + "'s values to the codecs."))
	f.Var().Id(enumVar(t)).Op("=").Qual(pkgRT, "Enum").Add(byLine(d))
	f.Line()
}

// emitCodecs writes the encoding/json and encoding/xml interfaces of every
// struct: each is one call into the runtime.
func emitCodecs(m *Model, next func() *jen.File) error {
	next() // a file with no types is still a file
	for _, t := range m.Types {
		if t.IsEnum() {
			continue
		}
		emitStructCodecs(next(), t)
	}
	return nil
}

func emitStructCodecs(f *jen.File, t *Type) {
	recv := jen.Id("v").Op("*").Id(t.GoName)
	c := jen.Op("&").Id(contractVar(t))
	f.Add(comment("AppendJSON appends v as the server's Json.NET writes it (null for a nil v)."))
	f.Func().Params(recv).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
		jen.Return(jen.Id("api").Dot("AppendContractJSON").Call(jen.Id("dst"), c, jen.Id("v"))),
	)
	f.Line()
	f.Add(comment("MarshalJSON implements json.Marshaler with the same bytes as AppendJSON."))
	f.Func().Params(recv).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("api").Dot("MarshalContractJSON").Call(c, jen.Id("v"))),
	)
	f.Line()
	f.Add(comment("UnmarshalJSON implements json.Unmarshaler with Json.NET's reading rules."))
	f.Func().Params(recv).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("api").Dot("UnmarshalContractJSON").Call(jen.Id("data"), c, jen.Id("v"))),
	)
	f.Line()
	f.Add(comment("MarshalXML implements xml.Marshaler with the bytes DataContractSerializer writes."))
	f.Func().Params(recv).Id("MarshalXML").Params(jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("_").Qual("encoding/xml", "StartElement")).Error().Block(
		jen.Return(jen.Id("api").Dot("MarshalContractXML").Call(jen.Id("e"), c, jen.Id("v"))),
	)
	f.Line()
	f.Add(comment("UnmarshalXML implements xml.Unmarshaler with the strict DataContractSerializer reader."))
	f.Func().Params(recv).Id("UnmarshalXML").Params(jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement")).Error().Block(
		jen.Return(jen.Id("api").Dot("UnmarshalContractXML").Call(jen.Id("d"), jen.Id("start"), c, jen.Id("v"))),
	)
	f.Line()
}
