package generator

import (
	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

func init() { registerChunked("form_gen.go", emitForm) }

// emitForm writes the application/x-www-form-urlencoded codec: keys are
// CLR property names (the model binder ignores DataMember and JSON names),
// nested members as A.B, list items as L[i], dictionaries as D[i].Key and
// D[i].Value. Reading accepts every key form the binder does and rejects
// keys nothing reads.
func emitForm(m *Model, next func() *jen.File) error {
	c := &codeGen{m: m}
	for _, t := range m.Types {
		if t.IsEnum() {
			continue
		}
		c.emitStructForm(next(), t)
	}
	for _, r := range m.Roots {
		c.emitRootForm(next(), r)
	}
	return nil
}

// formName is the key a member binds from: its CLR property name.
func formName(fl *Field) string {
	if fl.Member.CLRName != "" {
		return fl.Member.CLRName
	}
	return fl.Member.Name
}

func (c *codeGen) emitStructForm(f *jen.File, t *Type) {
	recv := jen.Id("v").Op("*").Id(t.GoName)
	f.Add(comment("writeForm writes v's members under the writer's current key."))
	f.Func().Params(recv).Id("writeForm").Params(jen.Id("w").Op("*").Id("rtFormWriter")).BlockFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			addAll(g, c.writeFormValue(fl.Type, jen.Id("v").Dot(fl.GoName), formName(fl)))
		}
	})
	f.Line()
	f.Add(comment("readForm reads v's members from the children of node n."))
	f.Func().Params(recv).Id("readForm").Params(jen.Id("f").Op("*").Id("rtFormData"), jen.Id("n").Int()).Error().BlockFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			if fl.Type.Kind == spec.RefPrimitive && fl.Type.Prim == "anyType" {
				continue // an object cannot be bound from a form
			}
			k := c.tmp("k")
			g.If(jen.Id(k).Op(":=").Id("f").Dot("child").Call(jen.Id("n"), jen.Lit(formName(fl))), jen.Id(k).Op(">=").Lit(0)).Block(
				c.readFormValue(fl.Type, jen.Id("v").Dot(fl.GoName), jen.Id(k))...,
			)
		}
		g.Return(jen.Nil())
	})
	f.Line()
}

// writeFormValue writes x under key segment name ("" for the current key).
func (c *codeGen) writeFormValue(g *GoType, x jen.Code, name string) []jen.Code {
	w := jen.Id("w")
	switch g.Kind {
	case spec.RefPrimitive:
		if g.Prim == "anyType" {
			return nil // not bindable from a form
		}
		if g.Prim == "string" || g.Prim == "anyURI" {
			return []jen.Code{jen.If(jen.Add(x).Op("!=").Nil()).Block(w.Clone().Dot("str").Call(jen.Lit(name), jen.Op("*").Add(x)))}
		}
		if g.Prim == "base64Binary" {
			// Web API binds byte[] from one base64 value (verified on the
			// oracle: indexed numbers leave it null).
			return []jen.Code{jen.If(jen.Add(x).Op("!=").Nil()).Block(w.Clone().Dot("text").Call(jen.Lit(name), jen.Id("rtAppendBase64").Call(jen.Nil(), x)))}
		}
		return []jen.Code{primFormWrite(g.Prim, name, x)}
	case spec.RefNamed:
		if g.Named.IsEnum() {
			return []jen.Code{w.Clone().Dot("str").Call(jen.Lit(name), jen.Add(x).Dot("String").Call())}
		}
		return []jen.Code{jen.If(jen.Add(x).Op("!=").Nil()).Block(
			w.Clone().Dot("push").Call(jen.Lit(name)),
			jen.Add(x).Dot("writeForm").Call(jen.Id("w")),
			w.Clone().Dot("pop").Call(),
		)}
	case spec.RefNullable:
		return []jen.Code{jen.If(jen.Add(x).Op("!=").Nil()).Block(c.writeFormValue(g.Elem, jen.Parens(jen.Op("*").Add(x)), name)...)}
	case spec.RefList:
		i, e := c.tmp("i"), c.tmp("e")
		return []jen.Code{jen.For(jen.List(jen.Id(i), jen.Id(e)).Op(":=").Range().Add(x)).BlockFunc(func(b *jen.Group) {
			b.Id("w").Dot("pushIndex").Call(jen.Lit(name), jen.Id(i))
			addAll(b, c.writeFormValue(g.Elem, jen.Id(e), ""))
			b.Id("w").Dot("pop").Call()
		})}
	case spec.RefDict:
		keys, i, k := c.tmp("keys"), c.tmp("i"), c.tmp("k")
		return []jen.Code{
			jen.Id(keys).Op(":=").Qual("slices", "SortedFunc").Call(jen.Qual("maps", "Keys").Call(x), compareFunc(g.Key)),
			jen.For(jen.List(jen.Id(i), jen.Id(k)).Op(":=").Range().Id(keys)).BlockFunc(func(b *jen.Group) {
				b.Id("w").Dot("pushIndex").Call(jen.Lit(name), jen.Id(i))
				addAll(b, c.writeFormValue(keyAsValue(g.Key), jen.Id(k), "Key"))
				addAll(b, c.writeFormValue(g.Elem, jen.Add(x).Index(jen.Id(k)), "Value"))
				b.Id("w").Dot("pop").Call()
			}),
		}
	case spec.RefPair:
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Id("w").Dot("push").Call(jen.Lit(name))
			addAll(b, c.writeFormValue(g.Key, jen.Add(x).Dot("Key"), "Key"))
			addAll(b, c.writeFormValue(g.Elem, jen.Add(x).Dot("Value"), "Value"))
			b.Id("w").Dot("pop").Call()
		})}
	}
	return nil
}

// keyAsValue is a dictionary key type as a value (string keys are not
// pointers).
func keyAsValue(g *GoType) *GoType {
	if g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI") {
		return &GoType{Kind: spec.RefPrimitive, Prim: "stringValue"}
	}
	return g
}

func primFormWrite(prim, name string, x jen.Code) jen.Code {
	w := jen.Id("w")
	n := jen.Lit(name)
	switch prim {
	case "stringValue":
		return w.Dot("str").Call(n, x)
	case "int", "long", "short", "byte":
		return w.Dot("int").Call(n, jen.Int64().Parens(x))
	case "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong":
		return w.Dot("uint").Call(n, jen.Uint64().Parens(x))
	case "float":
		return w.Dot("float").Call(n, x)
	case "double":
		return w.Dot("double").Call(n, x)
	case "boolean":
		return w.Dot("bool").Call(n, x)
	case "decimal":
		return w.Dot("decimal").Call(n, x)
	case "dateTime":
		return w.Dot("dateTime").Call(n, x)
	case "dateTimeOffset":
		return w.Dot("dateTimeOffset").Call(n, x)
	case "duration":
		return w.Dot("timeSpan").Call(n, x)
	case "guid":
		return w.Dot("guid").Call(n, x)
	case "char":
		return w.Dot("char").Call(n, x)
	}
	panic("helpgen: no form writer for primitive " + prim)
}

// readFormValue reads node k into x.
func (c *codeGen) readFormValue(g *GoType, x *jen.Statement, k jen.Code) []jen.Code {
	ret := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	f := jen.Id("f")
	switch g.Kind {
	case spec.RefPrimitive:
		if g.Prim == "anyType" {
			return nil
		}
		v := c.tmp("v")
		if g.Prim == "string" || g.Prim == "anyURI" || g.Prim == "base64Binary" {
			// The binder turns an empty value into null.
			var assign jen.Code = jen.Op("&").Id(v)
			read := f.Clone().Dot("str").Call(k)
			if g.Prim == "base64Binary" {
				b := c.tmp("b")
				return []jen.Code{jen.If(f.Clone().Dot("null").Call(k)).Block(x.Clone().Op("=").Nil()).Else().Block(
					jen.List(jen.Id(v), jen.Err()).Op(":=").Add(read),
					ret,
					jen.List(jen.Id(b), jen.Err()).Op(":=").Id("rtParseBase64").Call(jen.Index().Byte().Parens(jen.Id(v))),
					ret,
					x.Clone().Op("=").Id(b),
				)}
			}
			return []jen.Code{jen.If(f.Clone().Dot("null").Call(k)).Block(x.Clone().Op("=").Nil()).Else().Block(
				jen.List(jen.Id(v), jen.Err()).Op(":=").Add(read),
				ret,
				x.Clone().Op("=").Add(assign),
			)}
		}
		call, conv := primFormRead(g.Prim, k)
		var val jen.Code = jen.Id(v)
		if conv != nil {
			val = jen.Add(conv).Parens(jen.Id(v))
		}
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.List(jen.Id(v), jen.Err()).Op(":=").Add(call)
			b.Add(ret)
			b.Add(x.Clone()).Op("=").Add(val)
		})}
	case spec.RefNamed:
		v := c.tmp("v")
		if g.Named.IsEnum() {
			return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
				b.List(jen.Id(v), jen.Err()).Op(":=").Add(f.Clone().Dot("enum").Call(k, jen.Id("jsonNames"+g.Named.GoName)))
				b.Add(ret)
				b.Add(x.Clone()).Op("=").Id(g.Named.GoName).Parens(jen.Id(v))
			})}
		}
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Id(v).Op(":=").New(jen.Id(g.Named.GoName))
			b.If(jen.Err().Op(":=").Id(v).Dot("readForm").Call(jen.Id("f"), k), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			b.Add(x.Clone()).Op("=").Id(v)
		})}
	case spec.RefNullable:
		v := c.tmp("v")
		return []jen.Code{jen.If(f.Clone().Dot("null").Call(k)).Block(x.Clone().Op("=").Nil()).Else().BlockFunc(func(b *jen.Group) {
			b.Var().Id(v).Add(valueTypeCode(g.Elem))
			addAll(b, c.readFormValue(g.Elem, jen.Id(v), k))
			b.Add(x.Clone()).Op("=").Op("&").Id(v)
		})}
	case spec.RefList:
		s, it, e := c.tmp("s"), c.tmp("it"), c.tmp("e")
		if isSimpleForm(g.Elem) {
			// L=a&L=b, L[]=a, L[0]=a: all simple list forms.
			txt := c.tmp("txt")
			return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
				b.Id(s).Op(":=").Add(GoTypeCode(g)).Values()
				b.For(jen.List(jen.Id("_"), jen.Id(txt)).Op(":=").Range().Add(f.Clone().Dot("values").Call(k))).BlockFunc(func(l *jen.Group) {
					l.Var().Id(e).Add(GoTypeCode(g.Elem))
					addAll(l, c.parseFormText(g.Elem, jen.Id(e), jen.Id(txt), k))
					l.Id(s).Op("=").Append(jen.Id(s), jen.Id(e))
				})
				b.Add(x.Clone()).Op("=").Id(s)
			})}
		}
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Id(s).Op(":=").Add(GoTypeCode(g)).Values()
			b.For(jen.List(jen.Id("_"), jen.Id(it)).Op(":=").Range().Add(f.Clone().Dot("items").Call(k))).BlockFunc(func(l *jen.Group) {
				l.Var().Id(e).Add(GoTypeCode(g.Elem))
				addAll(l, c.readFormValue(g.Elem, jen.Id(e), jen.Id(it)))
				l.Id(s).Op("=").Append(jen.Id(s), jen.Id(e))
			})
			b.Add(x.Clone()).Op("=").Id(s)
		})}
	case spec.RefDict:
		mv, it, kv, vv := c.tmp("m"), c.tmp("it"), c.tmp("key"), c.tmp("val")
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Id(mv).Op(":=").Add(GoTypeCode(g)).Values()
			b.For(jen.List(jen.Id("_"), jen.Id(it)).Op(":=").Range().Add(f.Clone().Dot("items").Call(k))).BlockFunc(func(l *jen.Group) {
				l.Var().Id(kv).Add(valueTypeCode(g.Key))
				l.Var().Id(vv).Add(GoTypeCode(g.Elem))
				addAll(l, c.readFormValue(keyAsValue(g.Key), jen.Id(kv), f.Clone().Dot("child").Call(jen.Id(it), jen.Lit("Key"))))
				kc := c.tmp("vk")
				l.If(jen.Id(kc).Op(":=").Id("f").Dot("child").Call(jen.Id(it), jen.Lit("Value")), jen.Id(kc).Op(">=").Lit(0)).Block(
					c.readFormValue(g.Elem, jen.Id(vv), jen.Id(kc))...,
				)
				l.Id(mv).Index(jen.Id(kv)).Op("=").Id(vv)
			})
			b.Add(x.Clone()).Op("=").Id(mv)
		})}
	case spec.RefPair:
		kc, vc := c.tmp("kc"), c.tmp("vc")
		return []jen.Code{
			jen.If(jen.Id(kc).Op(":=").Id("f").Dot("child").Call(k, jen.Lit("Key")), jen.Id(kc).Op(">=").Lit(0)).Block(c.readFormValue(g.Key, x.Clone().Dot("Key"), jen.Id(kc))...),
			jen.If(jen.Id(vc).Op(":=").Id("f").Dot("child").Call(k, jen.Lit("Value")), jen.Id(vc).Op(">=").Lit(0)).Block(c.readFormValue(g.Elem, x.Clone().Dot("Value"), jen.Id(vc))...),
		}
	}
	return nil
}

// isSimpleForm reports whether list items of g are single values.
func isSimpleForm(g *GoType) bool {
	switch g.Kind {
	case spec.RefPrimitive:
		return g.Prim != "anyType"
	case spec.RefNamed:
		return g.Named.IsEnum()
	case spec.RefNullable:
		return isSimpleForm(g.Elem)
	}
	return false
}

// parseFormText parses one simple list item's text into x.
func (c *codeGen) parseFormText(g *GoType, x *jen.Statement, txt jen.Code, k jen.Code) []jen.Code {
	fail := func(what string) jen.Code {
		return jen.Return(jen.Op("&").Id("rtFormError").Values(jen.Dict{
			jen.Id("Key"): jen.Id("f").Dot("keyOf").Call(k),
			jen.Id("Msg"): jen.Lit("not a valid "+what+": ").Op("+").Qual("strconv", "Quote").Call(txt),
		}))
	}
	v := c.tmp("v")
	switch {
	case g.Kind == spec.RefNullable:
		return []jen.Code{jen.If(jen.Qual("strings", "TrimSpace").Call(txt).Op("!=").Lit("")).BlockFunc(func(b *jen.Group) {
			b.Var().Id(v).Add(valueTypeCode(g.Elem))
			addAll(b, c.parseFormText(g.Elem, jen.Id(v), txt, k))
			b.Add(x.Clone()).Op("=").Op("&").Id(v)
		})}
	case g.Kind == spec.RefNamed:
		return []jen.Code{
			jen.List(jen.Id(v), jen.Id("ok")).Op(":=").Id("jsonNames" + g.Named.GoName).Dot("parse").Call(jen.Index().Byte().Parens(txt)),
			jen.If(jen.Op("!").Id("ok")).Block(fail(g.Named.GoName)),
			x.Clone().Op("=").Id(g.Named.GoName).Parens(jen.Id(v)),
		}
	case g.Prim == "string" || g.Prim == "anyURI":
		return []jen.Code{jen.If(jen.Qual("strings", "TrimSpace").Call(txt).Op("!=").Lit("")).Block(
			jen.Id(v).Op(":=").Add(txt),
			x.Clone().Op("=").Op("&").Id(v),
		)}
	case g.Prim == "char":
		return []jen.Code{
			jen.List(jen.Id(v), jen.Err()).Op(":=").Id("rtParseParamChar").Call(txt),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail("char")),
			x.Clone().Op("=").Id(v),
		}
	}
	fn, conv := primTextParse(g.Prim)
	var val jen.Code = jen.Id(v)
	if conv != nil {
		val = jen.Add(conv).Parens(jen.Id(v))
	}
	return []jen.Code{
		jen.List(jen.Id(v), jen.Err()).Op(":=").Add(fn(jen.Qual("bytes", "TrimSpace").Call(jen.Index().Byte().Parens(txt)))),
		jen.If(jen.Err().Op("!=").Nil()).Block(fail(g.Prim)),
		x.Clone().Op("=").Add(val),
	}
}

// emitRootForm writes formAppend<Name>, formDecode<Name> and formRead<Name>. A contract is
// posted as its members; a simple value with the empty key (=value), as
// Web API reads a simple [FromBody] parameter; a list as [i] keys.
func (c *codeGen) emitRootForm(f *jen.File, r *Root) {
	g := r.Type
	f.Func().Id("formAppend"+r.Name).Params(jen.Id("dst").Index().Byte(), jen.Id("v").Add(GoTypeCode(g))).Index().Byte().BlockFunc(func(b *jen.Group) {
		b.Id("w").Op(":=").Op("&").Id("rtFormWriter").Values()
		b.Id("w").Dot("reset").Call(jen.Id("dst"))
		if g.Kind == spec.RefNamed && !g.Named.IsEnum() {
			b.If(jen.Id("v").Op("!=").Nil()).Block(jen.Id("v").Dot("writeForm").Call(jen.Id("w")))
		} else {
			addAll(b, c.writeFormValue(g, jen.Id("v"), ""))
		}
		b.Return(jen.Id("w").Dot("b"))
	})
	f.Line()
	f.Add(comment("formDecode" + r.Name + " reads a whole form body."))
	f.Func().Id("formDecode"+r.Name).Params(jen.Id("data").Index().Byte()).Params(jen.Id("v").Add(GoTypeCode(g)), jen.Err().Error()).Block(
		jen.List(jen.Id("f"), jen.Err()).Op(":=").Id("rtParseForm").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("v"), jen.Err())),
		jen.Return(jen.Id("formRead"+r.Name).Call(jen.Id("f"))),
	)
	f.Line()
	f.Add(comment("formRead" + r.Name + " reads a parsed form body (the server parses with its limits, checking the\nrequest's context)."))
	f.Func().Id("formRead"+r.Name).Params(jen.Id("f").Op("*").Id("rtFormData")).Params(jen.Id("v").Add(GoTypeCode(g)), jen.Err().Error()).BlockFunc(func(b *jen.Group) {
		b.Id("err").Op("=").Func().Params().Error().BlockFunc(func(fb *jen.Group) {
			addAll(fb, c.readFormValue(g, jen.Id("v"), jen.Lit(0)))
			fb.Return(jen.Id("f").Dot("unused").Call())
		}).Call()
		b.Return(jen.Id("v"), jen.Err())
	})
	f.Line()
}
