package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

func init() { registerChunked("xml_gen.go", emitXML) }

// emitXML writes the DataContractSerializer codec: for every struct its
// member table (DCS order, each member in its declaring class's namespace),
// a member writer and a strict member reader; for every enum its
// EnumMember texts; for every root type xmlAppend<Name>/xmlDecode<Name>;
// and encoding/xml's Marshaler/Unmarshaler on top. The runtime
// (helpgen_xml.go) owns prefixes, namespace scope and the checks DCS
// skips (unknown, misplaced, duplicate elements).
func emitXML(m *Model, next func() *jen.File) error {
	var f *jen.File
	c := &codeGen{m: m}
	nsConsts := map[string]string{}
	var nsOrder []string
	ns := func(uri string) jen.Code {
		switch uri {
		case spec.NSArrays:
			return jen.Id("rtNSArrays")
		case spec.NSSystem:
			return jen.Id("rtNSSystem")
		case spec.NSSerialization:
			return jen.Id("rtNSSer")
		}
		if _, ok := nsConsts[uri]; !ok {
			nsConsts[uri] = fmt.Sprintf("xmlNS%d", len(nsConsts)+1)
			nsOrder = append(nsOrder, uri)
		}
		return jen.Id(nsConsts[uri])
	}
	c.ns = ns
	for _, t := range m.Types {
		f = next()
		if t.IsEnum() {
			c.emitEnumXML(f, t)
			continue
		}
		c.emitStructXML(f, t)
	}
	for _, r := range m.Roots {
		f = next()
		c.emitRootXML(f, r)
	}
	if len(nsOrder) > 0 {
		f = next()
		f.Add(comment("XML namespaces of the contracts."))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, uri := range nsOrder {
				g.Id(nsConsts[uri]).Op("=").Lit(uri)
			}
		})
	}
	return nil
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

// xmlContract is the DCS contract of any type reference: the element name
// a value of it gets as a collection item or root, and its namespace.
func xmlContract(g *GoType) (name, ns string) {
	switch g.Kind {
	case spec.RefPrimitive:
		if g.Prim == "stringValue" {
			return spec.PrimitiveContract("string")
		}
		return spec.PrimitiveContract(g.Prim)
	case spec.RefNamed:
		return contract(g.Named)
	case spec.RefNullable:
		return xmlContract(g.Elem)
	case spec.RefList:
		in, ins := xmlContract(g.Elem)
		if g.Elem.Kind == spec.RefPrimitive || g.Elem.Kind == spec.RefList && ins == spec.NSArrays || g.Elem.Kind == spec.RefDict {
			return "ArrayOf" + in, spec.NSArrays
		}
		if g.Elem.Kind == spec.RefNullable && g.Elem.Elem.Kind == spec.RefPrimitive {
			return "ArrayOf" + in, spec.NSArrays
		}
		return "ArrayOf" + in, ins
	case spec.RefDict:
		return "ArrayOf" + kvName(g), spec.NSArrays
	case spec.RefPair:
		kn, kns := xmlContract(g.Key)
		vn, vns := xmlContract(g.Elem)
		return spec.GenericContractName("KeyValuePair", []string{kn, vn}, []string{kns, vns}), spec.NSGeneric
	}
	return "anyType", spec.NSSchema
}

// kvName is a dictionary's item name: KeyValueOf{K}{V}, hashed like a generic.
func kvName(g *GoType) string {
	kn, kns := xmlContract(g.Key)
	vn, vns := xmlContract(g.Elem)
	return spec.GenericContractName("KeyValue", []string{kn, vn}, []string{kns, vns})
}

// isContractValue reports whether values of g are written as elements with
// children (so DCS declares their namespace on the member element).
func isContractValue(g *GoType) bool {
	switch g.Kind {
	case spec.RefNamed:
		return !g.Named.IsEnum()
	case spec.RefList, spec.RefDict, spec.RefPair:
		return true
	case spec.RefNullable:
		return isContractValue(g.Elem)
	case spec.RefPrimitive:
		return g.Prim == "dateTimeOffset"
	}
	return false
}

func (c *codeGen) emitEnumXML(f *jen.File, t *Type) {
	f.Add(comment("xmlText is the EnumMember text DCS writes for v" + flagsNote(t) + "."))
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("xmlText").Params().Params(jen.String(), jen.Bool()).BlockFunc(func(g *jen.Group) {
		g.Switch(jen.Id("v")).BlockFunc(func(s *jen.Group) {
			seen := map[int64]bool{}
			for _, v := range t.Values {
				if seen[v.Value.Value] {
					continue
				}
				seen[v.Value.Value] = true
				s.Case(jen.Id(v.GoName)).Block(jen.Return(jen.Lit(wireOf(v.Value)), jen.True()))
			}
		})
		if t.Spec.Flags {
			// DCS writes a combination as the names of its bits, space-separated.
			g.Var().Id("parts").Index().String()
			g.Id("rest").Op(":=").Id("v")
			for _, v := range t.Values {
				if v.Value.Value == 0 || v.Value.Value&(v.Value.Value-1) != 0 {
					continue
				}
				g.If(jen.Id("rest").Op("&").Id(v.GoName).Op("!=").Lit(0)).Block(
					jen.Id("parts").Op("=").Append(jen.Id("parts"), jen.Lit(wireOf(v.Value))),
					jen.Id("rest").Op("&^=").Id(v.GoName),
				)
			}
			g.If(jen.Id("rest").Op("==").Lit(0).Op("&&").Len(jen.Id("parts")).Op(">").Lit(0)).Block(
				jen.Return(jen.Qual("strings", "Join").Call(jen.Id("parts"), jen.Lit(" ")), jen.True()),
			)
		}
		g.Return(jen.Lit(""), jen.False())
	})
	f.Line()
	f.Add(comment("parseXML" + t.GoName + " reads the EnumMember text of a " + t.GoName + "."))
	f.Func().Id("parseXML"+t.GoName).Params(jen.Id("b").Index().Byte()).Params(jen.Id(t.GoName), jen.Error()).BlockFunc(func(g *jen.Group) {
		one := func(g *jen.Group, text jen.Code) {
			g.Switch(jen.String().Parens(text)).BlockFunc(func(s *jen.Group) {
				seen := map[string]bool{}
				for _, v := range t.Values {
					w := wireOf(v.Value)
					if seen[w] {
						continue
					}
					seen[w] = true
					if t.Spec.Flags {
						s.Case(jen.Lit(w)).Block(jen.Id("v").Op("|=").Id(v.GoName))
					} else {
						s.Case(jen.Lit(w)).Block(jen.Return(jen.Id(v.GoName), jen.Nil()))
					}
				}
				s.Default().Block(jen.Return(jen.Lit(0), jen.Id("rtErr").Call(jen.Lit(t.GoName), jen.Id("b"))))
			})
		}
		if t.Spec.Flags {
			g.Var().Id("v").Id(t.GoName)
			g.For(jen.List(jen.Id("_"), jen.Id("part")).Op(":=").Range().Qual("bytes", "Fields").Call(jen.Id("b"))).BlockFunc(func(l *jen.Group) {
				one(l, jen.Id("part"))
			})
			g.Return(jen.Id("v"), jen.Nil())
			return
		}
		one(g, jen.Id("b"))
	})
	f.Line()
}

func flagsNote(t *Type) string {
	if t.Spec.Flags {
		return " (a combination: the names of its bits)"
	}
	return ""
}

func wireOf(v *spec.EnumValue) string {
	if v.Wire != "" {
		return v.Wire
	}
	return v.Name
}

func (c *codeGen) emitStructXML(f *jen.File, t *Type) {
	_, tns := contract(t)
	recv := jen.Id("v").Op("*").Id(t.GoName)
	table := "xmlMembers" + t.GoName
	f.Var().Id(table).Op("=").Index().Id("rtXMLMember").ValuesFunc(func(g *jen.Group) {
		for _, fl := range t.XMLFields {
			d := jen.Dict{jen.Id("Name"): jen.Lit(fl.Member.XML.Name), jen.Id("NS"): c.ns(memberNS(fl, tns))}
			if fl.Member.Required {
				d[jen.Id("Required")] = jen.True()
			}
			g.Values(d)
		}
	})
	f.Line()
	f.Add(comment("writeXML writes v's members as DataContractSerializer does."))
	f.Func().Params(recv).Id("writeXML").Params(jen.Id("w").Op("*").Id("rtXMLWriter")).BlockFunc(func(g *jen.Group) {
		for _, fl := range t.XMLFields {
			mns := memberNS(fl, tns)
			addAll(g, c.writeXMLElem(fl.Type, jen.Id("v").Dot(fl.GoName), fl.Member.XML.Name, mns, omittable(fl)))
		}
	})
	f.Line()
	f.Add(comment("readXML reads v's members, strictly: unknown, misplaced and repeated elements are errors."))
	f.Func().Params(recv).Id("readXML").Params(jen.Id("r").Op("*").Id("rtXMLReader")).Error().BlockFunc(func(g *jen.Group) {
		g.For(jen.Id("last").Op(":=").Lit(-1), jen.Empty(), jen.Empty()).BlockFunc(func(l *jen.Group) {
			l.List(jen.Id("i"), jen.Err()).Op(":=").Id("r").Dot("next").Call(jen.Id(table), jen.Op("&").Id("last"))
			l.If(jen.Err().Op("!=").Nil().Op("||").Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Err()))
			if len(t.XMLFields) == 0 {
				return
			}
			l.Switch(jen.Id("i")).BlockFunc(func(s *jen.Group) {
				for i, fl := range t.XMLFields {
					s.Case(jen.Lit(i)).Block(c.readXMLValue(fl.Type, jen.Id("v").Dot(fl.GoName), true)...)
				}
			})
		})
	})
	f.Line()
	f.Add(comment("MarshalXML implements xml.Marshaler with the bytes DataContractSerializer writes."))
	f.Func().Params(recv).Id("MarshalXML").Params(jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("_").Qual("encoding/xml", "StartElement")).Error().Block(
		jen.List(jen.Id("doc"), jen.Err()).Op(":=").Id("xmlDocAppend"+t.GoName).Call(jen.Nil(), jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("rtXMLMarshal").Call(jen.Id("e"), jen.Id("doc"))),
	)
	f.Line()
	f.Add(comment("UnmarshalXML implements xml.Unmarshaler with the strict DataContractSerializer reader."))
	f.Func().Params(recv).Id("UnmarshalXML").Params(jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement")).Error().Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("rtXMLCapture").Call(jen.Id("d"), jen.Id("start")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Id("xmlDocDecode"+t.GoName).Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Id(t.GoName).Values(), jen.Return(jen.Nil())),
		jen.Op("*").Id("v").Op("=").Op("*").Id("x"),
		jen.Return(jen.Nil()),
	)
	f.Line()
	// Value helpers for the Marshaler: the type as a root.
	root := &Root{Type: &GoType{Kind: spec.RefNamed, Named: t, Nilable: true}, Name: t.GoName}
	c.emitRootXMLNamed(f, root, "xmlDocAppend", "xmlDocDecode")
}

// memberNS is the namespace of a member's element: its declaring class's.
func memberNS(fl *Field, typeNS string) string {
	if fl.Member.XML.Namespace != "" {
		return fl.Member.XML.Namespace
	}
	return typeNS
}

// writeXMLElem writes one element named local in ns holding x of type g
// (a member, an item or a root's content).
func (c *codeGen) writeXMLElem(g *GoType, x jen.Code, local, ns string, omitDefault bool) []jen.Code {
	var out []jen.Code
	open := []jen.Code{jen.Id("w").Dot("open").Call(jen.Lit(local), c.ns(ns))}
	if isContractValue(g) {
		if _, cns := xmlContract(g); cns != ns {
			open = append(open, jen.Id("w").Dot("declare").Call(c.ns(cns)))
		}
	}
	content := c.writeXMLContent(g, x)
	var body []jen.Code
	if g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI") {
		body = append(append(body, open...), jen.Id("w").Dot("strPtr").Call(x))
	} else if g.Nilable || g.Kind == spec.RefNullable {
		body = append(body, open...)
		body = append(body, jen.If(jen.Add(x).Op("==").Nil()).Block(jen.Id("w").Dot("nil").Call()).Else().Block(append(content, jen.Id("w").Dot("end").Call())...))
	} else {
		body = append(body, open...)
		body = append(body, content...)
		body = append(body, jen.Id("w").Dot("end").Call())
	}
	if omitDefault {
		out = append(out, jen.If(jen.Op("!").Add(isDefault(g, jen.Add(x)))).Block(body...))
		return out
	}
	return body
}

// writeXMLContent writes the content of an element holding a non-nil x.
func (c *codeGen) writeXMLContent(g *GoType, x jen.Code) []jen.Code {
	w := jen.Id("w")
	switch g.Kind {
	case spec.RefPrimitive:
		return []jen.Code{primXMLWrite(g.Prim, x)}
	case spec.RefNamed:
		if g.Named.IsEnum() {
			t, ok := c.tmp("t"), c.tmp("ok")
			return []jen.Code{
				jen.List(jen.Id(t), jen.Id(ok)).Op(":=").Add(x).Dot("xmlText").Call(),
				jen.If(jen.Op("!").Id(ok)).Block(jen.Id("w").Dot("fail").Call(jen.Id("rtErr").Call(jen.Lit("value of "+g.Named.GoName), jen.Qual("strconv", "AppendInt").Call(jen.Nil(), jen.Int64().Parens(x), jen.Lit(10))))),
				w.Clone().Dot("str").Call(jen.Id(t)),
			}
		}
		return []jen.Code{jen.Add(x).Dot("writeXML").Call(jen.Id("w"))}
	case spec.RefNullable:
		return c.writeXMLContent(g.Elem, jen.Parens(jen.Op("*").Add(x)))
	case spec.RefList:
		e := c.tmp("e")
		in, _ := xmlContract(g.Elem)
		_, cns := xmlContract(g)
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(e)).Op(":=").Range().Add(x)).Block(
			c.writeXMLElem(g.Elem, jen.Id(e), in, cns, false)...,
		)}
	case spec.RefDict:
		keys, k := c.tmp("keys"), c.tmp("k")
		item := kvName(g)
		return []jen.Code{
			jen.Id(keys).Op(":=").Qual("slices", "SortedFunc").Call(jen.Qual("maps", "Keys").Call(x), compareFunc(g.Key)),
			jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Id(keys)).BlockFunc(func(b *jen.Group) {
				b.Id("w").Dot("open").Call(jen.Lit(item), jen.Id("rtNSArrays"))
				addAll(b, c.writeXMLElem(keyAsValue(g.Key), jen.Id(k), "Key", spec.NSArrays, false))
				addAll(b, c.writeXMLElem(g.Elem, jen.Add(x).Index(jen.Id(k)), "Value", spec.NSArrays, false))
				b.Id("w").Dot("end").Call()
			}),
		}
	case spec.RefPair:
		return append(c.writeXMLElem(g.Key, jen.Add(x).Dot("Key"), "key", spec.NSGeneric, false),
			c.writeXMLElem(g.Elem, jen.Add(x).Dot("Value"), "value", spec.NSGeneric, false)...)
	}
	return nil
}

// primXMLWrite writes a primitive's element content (strings are *string,
// already known non-nil).
func primXMLWrite(prim string, x jen.Code) jen.Code {
	w := jen.Id("w")
	switch prim {
	case "string", "anyURI":
		return w.Dot("str").Call(jen.Op("*").Add(x))
	case "stringValue":
		return w.Dot("str").Call(x)
	case "int", "long", "short", "byte":
		return w.Dot("int").Call(jen.Int64().Parens(x))
	case "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong":
		return w.Dot("uint").Call(jen.Uint64().Parens(x))
	case "float":
		return w.Dot("float").Call(x)
	case "double":
		return w.Dot("double").Call(x)
	case "boolean":
		return w.Dot("bool").Call(x)
	case "decimal":
		return w.Dot("decimal").Call(x)
	case "dateTime":
		return w.Dot("dateTime").Call(x)
	case "dateTimeOffset":
		return w.Dot("dateTimeOffset").Call(x)
	case "duration":
		return w.Dot("duration").Call(x)
	case "guid":
		return w.Dot("guid").Call(x)
	case "char":
		return w.Dot("char").Call(x)
	case "base64Binary":
		return w.Dot("base64").Call(x)
	}
	panic("helpgen: no XML writer for primitive " + prim)
}

// readXMLValue reads the current element (start tag consumed by the
// reader) into x: nil handling, then content.
func (c *codeGen) readXMLValue(g *GoType, x *jen.Statement, member bool) []jen.Code {
	ret := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	isNil := c.tmp("isNil")
	if g.Kind == spec.RefPrimitive && g.Prim == "anyType" {
		v := c.tmp("v")
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.List(jen.Id(v), jen.Err()).Op(":=").Id("r").Dot("object").Call()
			b.Add(ret)
			b.Add(x.Clone()).Op("=").Id(v)
		})}
	}
	// A nullable string, the commonest member, reads with one call. (Not
	// contract references through a generic helper: calling readXML through
	// a type parameter's dictionary makes the reader escape to the heap.)
	if g.Nilable && g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI") {
		return []jen.Code{jen.If(jen.List(x.Clone(), jen.Err()).Op("=").Id("r").Dot("strPtr").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	if g.Nilable || g.Kind == spec.RefNullable {
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.List(jen.Id(isNil), jen.Err()).Op(":=").Id("r").Dot("null").Call()
			b.Add(ret)
			b.If(jen.Id(isNil)).Block(x.Clone().Op("=").Nil()).Else().BlockFunc(func(e *jen.Group) {
				addAll(e, c.readXMLContent(g, x))
			})
		})}
	}
	return []jen.Code{jen.BlockFunc(func(b *jen.Group) { addAll(b, c.readXMLContent(g, x)) })}
}

// readXMLContent reads a non-nil element's content into x.
func (c *codeGen) readXMLContent(g *GoType, x *jen.Statement) []jen.Code {
	ret := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	switch g.Kind {
	case spec.RefPrimitive:
		v := c.tmp("v")
		call, conv := primXMLRead(g.Prim)
		var val jen.Code = jen.Id(v)
		if conv != nil {
			val = jen.Add(conv).Parens(jen.Id(v))
		}
		if g.Prim == "string" || g.Prim == "anyURI" {
			val = jen.Op("&").Id(v)
		} else if conv == nil {
			return []jen.Code{jen.If(jen.List(x.Clone(), jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
		}
		return []jen.Code{
			jen.List(jen.Id(v), jen.Err()).Op(":=").Add(call),
			ret,
			x.Clone().Op("=").Add(val),
		}
	case spec.RefNamed:
		if g.Named.IsEnum() {
			t, v := c.tmp("t"), c.tmp("v")
			return []jen.Code{
				jen.List(jen.Id(t), jen.Err()).Op(":=").Id("r").Dot("text").Call(),
				ret,
				jen.List(jen.Id(v), jen.Err()).Op(":=").Id("parseXML" + g.Named.GoName).Call(jen.Id(t)),
				ret,
				x.Clone().Op("=").Id(v),
			}
		}
		v := c.tmp("v")
		return []jen.Code{
			jen.Id(v).Op(":=").New(jen.Id(g.Named.GoName)),
			jen.If(jen.Err().Op(":=").Id(v).Dot("readXML").Call(jen.Id("r")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			x.Clone().Op("=").Id(v),
		}
	case spec.RefNullable:
		v := c.tmp("v")
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Var().Id(v).Add(valueTypeCode(g.Elem))
			addAll(b, c.readXMLContent(g.Elem, jen.Id(v)))
			b.Add(x.Clone()).Op("=").Op("&").Id(v)
		})}
	case spec.RefList:
		s, e, more := c.tmp("s"), c.tmp("e"), c.tmp("more")
		in, _ := xmlContract(g.Elem)
		_, cns := xmlContract(g)
		return []jen.Code{
			jen.Id(s).Op(":=").Make(GoTypeCode(g), jen.Lit(0), jen.Lit(4)),
			jen.For().BlockFunc(func(l *jen.Group) {
				l.List(jen.Id(more), jen.Err()).Op(":=").Id("r").Dot("item").Call(jen.Lit(in), c.ns(cns))
				l.Add(ret)
				l.If(jen.Op("!").Id(more)).Block(jen.Break())
				l.Var().Id(e).Add(GoTypeCode(g.Elem))
				addAll(l, c.readXMLValue(g.Elem, jen.Id(e), false))
				l.Id(s).Op("=").Append(jen.Id(s), jen.Id(e))
			}),
			x.Clone().Op("=").Id(s),
		}
	case spec.RefDict:
		mv, more, k, v, last, i := c.tmp("m"), c.tmp("more"), c.tmp("k"), c.tmp("val"), c.tmp("last"), c.tmp("i")
		item := kvName(g)
		table := jen.Index().Id("rtXMLMember").Values(
			jen.Values(jen.Dict{jen.Id("Name"): jen.Lit("Key"), jen.Id("NS"): jen.Id("rtNSArrays"), jen.Id("Required"): jen.True()}),
			jen.Values(jen.Dict{jen.Id("Name"): jen.Lit("Value"), jen.Id("NS"): jen.Id("rtNSArrays"), jen.Id("Required"): jen.True()}),
		)
		return []jen.Code{
			jen.Id(mv).Op(":=").Add(GoTypeCode(g)).Values(),
			jen.For().BlockFunc(func(l *jen.Group) {
				l.List(jen.Id(more), jen.Err()).Op(":=").Id("r").Dot("item").Call(jen.Lit(item), jen.Id("rtNSArrays"))
				l.Add(ret)
				l.If(jen.Op("!").Id(more)).Block(jen.Break())
				l.Var().Id(k).Add(valueTypeCode(g.Key))
				l.Var().Id(v).Add(GoTypeCode(g.Elem))
				l.For(jen.Id(last).Op(":=").Lit(-1), jen.Empty(), jen.Empty()).BlockFunc(func(p *jen.Group) {
					p.List(jen.Id(i), jen.Err()).Op(":=").Id("r").Dot("next").Call(table, jen.Op("&").Id(last))
					p.Add(ret)
					p.If(jen.Id(i).Op("<").Lit(0)).Block(jen.Break())
					p.If(jen.Id(i).Op("==").Lit(0)).Block(c.readXMLValue(keyAsField(g.Key), jen.Id(k), false)...).Else().Block(c.readXMLValue(g.Elem, jen.Id(v), false)...)
				})
				l.Id(mv).Index(jen.Id(k)).Op("=").Id(v)
			}),
			x.Clone().Op("=").Id(mv),
		}
	case spec.RefPair:
		last, i := c.tmp("last"), c.tmp("i")
		table := jen.Index().Id("rtXMLMember").Values(
			jen.Values(jen.Dict{jen.Id("Name"): jen.Lit("key"), jen.Id("NS"): c.ns(spec.NSGeneric), jen.Id("Required"): jen.True()}),
			jen.Values(jen.Dict{jen.Id("Name"): jen.Lit("value"), jen.Id("NS"): c.ns(spec.NSGeneric), jen.Id("Required"): jen.True()}),
		)
		return []jen.Code{jen.For(jen.Id(last).Op(":=").Lit(-1), jen.Empty(), jen.Empty()).BlockFunc(func(p *jen.Group) {
			p.List(jen.Id(i), jen.Err()).Op(":=").Id("r").Dot("next").Call(table, jen.Op("&").Id(last))
			p.Add(ret)
			p.If(jen.Id(i).Op("<").Lit(0)).Block(jen.Break())
			p.If(jen.Id(i).Op("==").Lit(0)).Block(c.readXMLValue(g.Key, x.Clone().Dot("Key"), false)...).Else().Block(c.readXMLValue(g.Elem, x.Clone().Dot("Value"), false)...)
		})}
	}
	return nil
}

// keyAsField is a dictionary key's type: keys are values (string, not
// *string), so read them as non-nil content.
func keyAsField(g *GoType) *GoType {
	if g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI") {
		return &GoType{Kind: spec.RefPrimitive, Prim: "stringValue"}
	}
	return g
}

// emitRootXML writes xmlAppend<Name> and xmlDecode<Name>: the whole
// document for a root value of any shape.
func (c *codeGen) emitRootXML(f *jen.File, r *Root) {
	c.emitRootXMLNamed(f, r, "xmlAppend", "xmlDecode")
}

func (c *codeGen) emitRootXMLNamed(f *jen.File, r *Root, appendName, decodeName string) {
	g := r.Type
	name, ns := xmlContract(g)
	// Primitive and enum roots are simple elements: no xmlns:i, and
	// primitives in the Serialization namespace.
	simple := g.Kind == spec.RefPrimitive && g.Prim != "dateTimeOffset" || g.Kind == spec.RefNamed && g.Named.IsEnum()
	if g.Kind == spec.RefPrimitive && g.Prim != "dateTimeOffset" {
		ns = spec.NSSerialization
	}
	rootOpen := "root"
	if simple {
		rootOpen = "open"
	}
	// The error is DataContractSerializer's refusal: an enum value with no
	// name, or JSON-only content (an Object read from JSON).
	f.Func().Id(appendName+r.Name).Params(jen.Id("dst").Index().Byte(), jen.Id("v").Add(GoTypeCode(g))).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.Id("w").Op(":=").Op("&").Id("rtXMLWriter").Values()
		b.Id("w").Dot("reset").Call(jen.Id("dst"))
		open := jen.Id("w").Dot(rootOpen).Call(jen.Lit(name), c.ns(ns))
		content := c.writeXMLContent(g, jen.Id("v"))
		if g.Nilable || g.Kind == spec.RefNullable {
			b.Add(open)
			b.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("w").Dot("nil").Call()).Else().Block(append(content, jen.Id("w").Dot("end").Call())...)
		} else {
			b.Add(open)
			addAll(b, content)
			b.Id("w").Dot("end").Call()
		}
		b.Return(jen.Id("w").Dot("b"), jen.Id("w").Dot("err"))
	})
	f.Line()
	readName := strings.Replace(decodeName, "Decode", "Read", 1)
	f.Add(comment(decodeName + r.Name + " reads a whole XML document."))
	f.Func().Id(decodeName+r.Name).Params(jen.Id("data").Index().Byte()).Params(GoTypeCode(g), jen.Error()).Block(
		jen.Id("r").Op(":=").Op("&").Id("rtXMLReader").Values(),
		jen.Id("r").Dot("reset").Call(jen.Id("data")),
		jen.Return(jen.Id(readName+r.Name).Call(jen.Id("r"))),
	)
	f.Line()
	f.Add(comment(readName + r.Name + " reads a whole XML document from r (the server's has its limits and checks the\nrequest's context)."))
	f.Func().Id(readName+r.Name).Params(jen.Id("r").Op("*").Id("rtXMLReader")).Params(jen.Id("v").Add(GoTypeCode(g)), jen.Err().Error()).BlockFunc(func(b *jen.Group) {
		b.Id("err").Op("=").Func().Params().Error().BlockFunc(func(fb *jen.Group) {
			fb.If(jen.Err().Op(":=").Id("r").Dot("root").Call(jen.Lit(name), c.ns(ns)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			addAll(fb, c.readXMLValue(g, jen.Id("v"), false))
			fb.Return(jen.Id("r").Dot("end").Call())
		}).Call()
		b.Return(jen.Id("v"), jen.Err())
	})
	f.Line()
}
