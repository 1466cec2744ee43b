package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

func init() { registerChunked("json_gen.go", emitJSON) }

// emitJSON writes, for every struct, AppendJSON (members in the documented
// JSON order, formatted as the server's Json.NET writes them), a reader
// (Json.NET's rules: exact name, then ignoring case; any order; unknown
// members skipped) and the encoding/json interfaces on top of both; for
// every enum the name table Json.NET's string-to-enum conversion uses; and
// for every body and response type the root helpers the client and server
// call. No reflection anywhere.
func emitJSON(m *Model, next func() *jen.File) error {
	f := next()
	w := m.Spec.Wire
	f.Add(comment("jsonDates is how the server writes dates: the format and zone handling observed on its Help Page samples."))
	f.Var().Id("jsonDates").Op("=").Id("rtNewJSONDates").Call(
		jen.Lit(w.JSONDateFormat), jen.Lit(w.JSONDateTimeZoneHandling), jen.Lit(w.ServerUTCOffset))
	f.Add(comment("jsonClientDates is how the client writes dates: Json.NET's lossless round-trip form, which every\nJson.NET reader parses whatever its DateFormatString (a server's own format may drop the zone or\nthe fraction, so sending it would change the value)."))
	f.Var().Id("jsonClientDates").Op("=").Id("rtNewJSONDates").Call(
		jen.Lit("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"), jen.Lit("RoundtripKind"), jen.Lit(w.ServerUTCOffset))
	f.Line()
	j := &codeGen{m: m}
	for _, t := range m.Types {
		f = next()
		if t.IsEnum() {
			emitEnumJSONNames(f, t)
			continue
		}
		j.emitStructJSON(f, t)
	}
	for _, r := range m.Roots { // sorted by name in resolveOps
		j.emitRootJSON(next(), r)
	}
	return nil
}

// codeGen writes value codecs; n numbers its temporaries so nested
// collections never shadow each other.
type codeGen struct {
	m  *Model
	n  int
	ns func(uri string) jen.Code // XML namespace constant
}

func (c *codeGen) tmp(prefix string) string {
	c.n++
	return fmt.Sprintf("%s%d", prefix, c.n)
}

func emitEnumJSONNames(f *jen.File, t *Type) {
	var names, values []jen.Code
	for _, v := range t.Values {
		names = append(names, jen.Lit(v.Value.Name))
		values = append(values, jen.Lit(v.Value.Value))
		if v.Value.Wire != "" && v.Value.Wire != v.Value.Name {
			names = append(names, jen.Lit(v.Value.Wire))
			values = append(values, jen.Lit(v.Value.Value))
		}
	}
	f.Var().Id("jsonNames" + t.GoName).Op("=").Op("&").Id("rtEnumNames").Values(jen.Dict{
		jen.Id("names"):  jen.Index().String().Values(names...),
		jen.Id("values"): jen.Index().Int64().Values(values...),
	})
	f.Line()
}

func omittable(fl *Field) bool {
	return fl.Member.EmitDefault != nil && !*fl.Member.EmitDefault
}

func (c *codeGen) emitStructJSON(f *jen.File, t *Type) {
	recv := jen.Id("v").Op("*").Id(t.GoName)
	anyOmit := false
	for _, fl := range t.JSONFields {
		anyOmit = anyOmit || omittable(fl)
	}
	f.Add(comment("AppendJSON appends v as the server's Json.NET writes it (null for a nil v)."))
	f.Func().Params(recv).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Index().Byte().Block(
		jen.Return(jen.Id("v").Dot("appendJSON").Call(jen.Id("dst"), jen.Id("jsonDates"))),
	)
	f.Line()
	f.Func().Params(recv).Id("appendJSON").Params(jen.Id("dst").Index().Byte(), jen.Id("d").Op("*").Id("rtJSONDates")).Index().Byte().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Append(jen.Id("dst"), jen.Lit("null").Op("..."))))
		if len(t.JSONFields) == 0 {
			g.Return(jen.Append(jen.Id("dst"), jen.Lit("{}").Op("...")))
			return
		}
		if anyOmit {
			// Members may be left out (EmitDefaultValue=false), so each one
			// decides on its comma; '{' is ours when it is dst's last byte.
			g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('{'))
		}
		for i, fl := range t.JSONFields {
			key := fmt.Sprintf("%q:", fl.Member.JSON.Name)
			var stmts []jen.Code
			if anyOmit {
				stmts = append(stmts, jen.Id("dst").Op("=").Id("rtJSONComma").Call(jen.Id("dst")))
				stmts = append(stmts, jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(key).Op("...")))
			} else {
				open := ","
				if i == 0 {
					open = "{"
				}
				stmts = append(stmts, jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(open+key).Op("...")))
			}
			stmts = append(stmts, c.appendJSON(fl.Type, jen.Id("v").Dot(fl.GoName))...)
			if omittable(fl) {
				g.If(jen.Op("!").Add(isDefault(fl.Type, jen.Id("v").Dot(fl.GoName)))).Block(stmts...)
			} else {
				addAll(g, stmts)
			}
		}
		g.Return(jen.Append(jen.Id("dst"), jen.LitRune('}')))
	})
	f.Line()

	f.Add(comment("MarshalJSON implements json.Marshaler with the same bytes as AppendJSON."))
	f.Func().Params(recv).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("rtJSONMarshal").Call(jen.Id("v").Dot("AppendJSON")), jen.Nil()),
	)
	f.Line()
	f.Add(comment("UnmarshalJSON implements json.Unmarshaler with Json.NET's reading rules."))
	f.Func().Params(recv).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Var().Id("r").Id("rtJSONReader"),
		jen.Id("r").Dot("reset").Call(jen.Id("data")),
		jen.If(jen.Id("r").Dot("null").Call()).Block(jen.Return(jen.Id("r").Dot("end").Call())),
		jen.Op("*").Id("v").Op("=").Id(t.GoName).Values(),
		jen.If(jen.Err().Op(":=").Id("v").Dot("decodeJSON").Call(jen.Op("&").Id("r")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("r").Dot("end").Call()),
	)
	f.Line()

	var names []jen.Code
	for _, fl := range t.JSONFields {
		names = append(names, jen.Lit(fl.Member.JSON.Name))
	}
	f.Var().Id("jsonFields" + t.GoName).Op("=").Index().String().Values(names...)
	f.Line()
	f.Func().Params(recv).Id("decodeJSON").Params(jen.Id("r").Op("*").Id("rtJSONReader")).Error().BlockFunc(func(g *jen.Group) {
		g.If(jen.Err().Op(":=").Id("r").Dot("enterObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.For(jen.Id("i").Op(":=").Lit(0), jen.Empty(), jen.Id("i").Op("++")).BlockFunc(func(g *jen.Group) {
			g.List(jen.Id("k"), jen.Err()).Op(":=").Id("r").Dot("key").Call(jen.Id("i"))
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			g.If(jen.Id("k").Op("==").Nil()).Block(jen.Return(jen.Nil()))
			if len(t.JSONFields) == 0 {
				g.If(jen.Err().Op(":=").Id("r").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
				return
			}
			g.Id("f").Op(":=").Lit(-1)
			g.Switch(jen.String().Parens(jen.Id("k"))).BlockFunc(func(s *jen.Group) {
				for i, fl := range t.JSONFields {
					s.Case(jen.Lit(fl.Member.JSON.Name)).Block(jen.Id("f").Op("=").Lit(i))
				}
				s.Default().Block(jen.Id("f").Op("=").Id("rtFoldIndex").Call(jen.Id("k"), jen.Id("jsonFields"+t.GoName)))
			})
			g.Switch(jen.Id("f")).BlockFunc(func(s *jen.Group) {
				for i, fl := range t.JSONFields {
					s.Case(jen.Lit(i)).Block(c.decodeJSON(fl.Type, jen.Id("v").Dot(fl.GoName), fl.Member.JSON.Name)...)
				}
				s.Default().Block(
					jen.If(jen.Err().Op(":=").Id("r").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				)
			})
		})
	})
	f.Line()
}

// isDefault is the test for a member's default value (EmitDefaultValue=false).
func isDefault(g *GoType, x *jen.Statement) jen.Code {
	if g.Nilable {
		return x.Clone().Op("==").Nil()
	}
	switch g.Prim {
	case "decimal", "dateTime", "anyType":
		return x.Clone().Dot("IsZero").Call()
	case "dateTimeOffset":
		return x.Clone().Dot("IsZero").Call()
	case "guid":
		return x.Clone().Op("==").Qual(pkgUUID, "Nil")
	case "boolean":
		return jen.Op("!").Add(x.Clone())
	}
	if g.Kind == spec.RefPair {
		return jen.False()
	}
	return x.Clone().Op("==").Lit(0)
}

// appendJSON returns statements appending x (of type g) to dst.
func (c *codeGen) appendJSON(g *GoType, x jen.Code) []jen.Code {
	set := func(e jen.Code) []jen.Code { return []jen.Code{jen.Id("dst").Op("=").Add(e)} }
	switch g.Kind {
	case spec.RefPrimitive:
		return set(primJSONAppend(g.Prim, x))
	case spec.RefNamed:
		if g.Named.IsEnum() {
			_, _, unsigned := enumUnderlying(g.Named)
			if unsigned {
				return set(jen.Qual("strconv", "AppendUint").Call(jen.Id("dst"), jen.Uint64().Parens(x), jen.Lit(10)))
			}
			return set(jen.Qual("strconv", "AppendInt").Call(jen.Id("dst"), jen.Int64().Parens(x), jen.Lit(10)))
		}
		return set(jen.Add(x).Dot("appendJSON").Call(jen.Id("dst"), jen.Id("d")))
	case spec.RefNullable:
		return []jen.Code{jen.If(jen.Add(x).Op("==").Nil()).Block(
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit("null").Op("...")),
		).Else().Block(c.appendJSON(g.Elem, jen.Parens(jen.Op("*").Add(x)))...)}
	case spec.RefList:
		e := c.tmp("e")
		i := c.tmp("i")
		return []jen.Code{jen.If(jen.Add(x).Op("==").Nil()).Block(
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit("null").Op("...")),
		).Else().BlockFunc(func(b *jen.Group) {
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('['))
			b.For(jen.List(jen.Id(i), jen.Id(e)).Op(":=").Range().Add(x)).BlockFunc(func(l *jen.Group) {
				l.If(jen.Id(i).Op(">").Lit(0)).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
				addAll(l, c.appendJSON(g.Elem, jen.Id(e)))
			})
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(']'))
		})}
	case spec.RefPair:
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(`{"Key":`).Op("..."))
			addAll(b, c.appendJSON(g.Key, jen.Add(x).Dot("Key")))
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(`,"Value":`).Op("..."))
			addAll(b, c.appendJSON(g.Elem, jen.Add(x).Dot("Value")))
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('}'))
		})}
	case spec.RefDict:
		keys := c.tmp("keys")
		k := c.tmp("k")
		i := c.tmp("i")
		return []jen.Code{jen.If(jen.Add(x).Op("==").Nil()).Block(
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit("null").Op("...")),
		).Else().BlockFunc(func(b *jen.Group) {
			// Map order is random; sorted keys keep the output stable.
			b.Id(keys).Op(":=").Qual("slices", "SortedFunc").Call(
				jen.Qual("maps", "Keys").Call(x), compareFunc(g.Key))
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('{'))
			b.For(jen.List(jen.Id(i), jen.Id(k)).Op(":=").Range().Id(keys)).BlockFunc(func(l *jen.Group) {
				l.If(jen.Id(i).Op(">").Lit(0)).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
				l.Id("dst").Op("=").Id("rtAppendJSONString").Call(jen.Id("dst"), keyText(g.Key, jen.Id(k)))
				l.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(':'))
				addAll(l, c.appendJSON(g.Elem, jen.Add(x).Index(jen.Id(k))))
			})
			b.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('}'))
		})}
	}
	return nil
}

// compareFunc orders dictionary keys for stable output.
func compareFunc(k *GoType) jen.Code {
	switch k.Prim {
	case "boolean":
		return jen.Id("rtCompareBool")
	case "guid":
		return jen.Id("rtCompareGUID")
	case "dateTime":
		return jen.Id("rtCompareDateTime")
	case "dateTimeOffset":
		return jen.Id("rtCompareTime")
	case "decimal":
		return jen.Id("rtCompareDecimal")
	}
	return jen.Qual("cmp", "Compare").Types(valueTypeCode(k))
}

// keyText is a dictionary key as Json.NET writes it: the value's text.
func keyText(k *GoType, x jen.Code) jen.Code {
	if k.Kind == spec.RefNamed { // enums: Json.NET writes the name
		return jen.Add(x).Dot("String").Call()
	}
	switch k.Prim {
	case "string", "anyURI":
		return x
	case "char":
		return jen.String().Parens(x)
	case "dateTime":
		return jen.Id("d").Dot("appendDateTimeText").Call(jen.Nil(), x)
	}
	return jen.Id(primTextAppend(k.Prim)).Call(jen.Nil(), x)
}

// primTextAppend is the runtime function writing a primitive's invariant
// text (DCS and dictionary keys).
func primTextAppend(prim string) string {
	switch prim {
	case "int", "long", "short", "byte":
		return "rtAppendIntText"
	case "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong":
		return "rtAppendUintText"
	case "boolean":
		return "rtAppendBool"
	case "guid":
		return "rtAppendGUID"
	case "decimal":
		return "rtAppendDecimal"
	case "double":
		return "rtAppendDouble"
	case "float":
		return "rtAppendFloat"
	case "dateTime":
		return "rtAppendDateTime"
	case "dateTimeOffset":
		return "rtAppendDateTimeOffset"
	case "duration":
		return "rtAppendTimeSpan"
	case "char":
		return "rtAppendCharCode"
	case "base64Binary":
		return "rtAppendBase64"
	}
	return "rtAppendIntText"
}

// primJSONAppend appends a primitive field value (strings are *string).
func primJSONAppend(prim string, x jen.Code) jen.Code {
	dst := jen.Id("dst")
	switch prim {
	case "string", "anyURI":
		return jen.Id("rtAppendJSONStringPtr").Call(dst, x)
	case "int", "long", "short", "byte":
		return jen.Qual("strconv", "AppendInt").Call(dst, jen.Int64().Parens(x), jen.Lit(10))
	case "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong":
		return jen.Qual("strconv", "AppendUint").Call(dst, jen.Uint64().Parens(x), jen.Lit(10))
	case "float":
		return jen.Id("rtAppendFloatJSON").Call(dst, x)
	case "double":
		return jen.Id("rtAppendDoubleJSON").Call(dst, x)
	case "boolean":
		return jen.Id("rtAppendBool").Call(dst, x)
	case "decimal":
		return jen.Id("rtAppendDecimalJSON").Call(dst, x)
	case "dateTime":
		return jen.Id("d").Dot("appendDateTime").Call(dst, x)
	case "dateTimeOffset":
		return jen.Id("d").Dot("appendOffset").Call(dst, x)
	case "duration":
		return jen.Id("rtAppendJSONTimeSpan").Call(dst, x)
	case "guid":
		return jen.Id("rtAppendJSONGUID").Call(dst, x)
	case "char":
		return jen.Id("rtAppendJSONChar").Call(dst, x)
	case "base64Binary":
		return jen.Id("rtAppendJSONBase64").Call(dst, x)
	case "anyType":
		return jen.Id("rtAppendJSONObject").Call(dst, x)
	}
	panic("helpgen: no JSON writer for primitive " + prim)
}

// decodeJSON returns statements reading a value of type g from r into the
// assignable x; what names the member in errors.
func (c *codeGen) decodeJSON(g *GoType, x *jen.Statement, what string) []jen.Code {
	ret := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	switch g.Kind {
	case spec.RefPrimitive:
		v := c.tmp("v")
		call, conv := primJSONRead(g.Prim)
		var val jen.Code = jen.Id(v)
		if conv != nil {
			val = jen.Add(conv).Parens(jen.Id(v))
		}
		var out []jen.Code
		if !g.Nilable && g.Prim != "anyType" {
			// null for a .NET value type is an error naming the member.
			out = append(out, jen.If(jen.Id("r").Dot("null").Call()).Block(jen.Return(jen.Id("r").Dot("errNull").Call(jen.Lit(what)))))
		}
		if conv == nil {
			// Straight into the field: one line per member.
			return append(out, jen.If(jen.List(x.Clone(), jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		}
		if len(out) > 0 {
			return append(out, jen.BlockFunc(func(b *jen.Group) {
				b.List(jen.Id(v), jen.Err()).Op(":=").Add(call)
				b.Add(ret)
				b.Add(x.Clone()).Op("=").Add(val)
			}))
		}
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.List(jen.Id(v), jen.Err()).Op(":=").Add(call)
			b.Add(ret)
			b.Add(x.Clone()).Op("=").Add(val)
		})}
	case spec.RefNamed:
		if g.Named.IsEnum() {
			v := c.tmp("v")
			_, bits, unsigned := enumUnderlying(g.Named)
			return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
				b.If(jen.Id("r").Dot("null").Call()).Block(jen.Return(jen.Id("r").Dot("errNull").Call(jen.Lit(what))))
				b.List(jen.Id(v), jen.Err()).Op(":=").Id("r").Dot("enum").Call(jen.Id("jsonNames"+g.Named.GoName), jen.Lit(bits), jen.Lit(unsigned))
				b.Add(ret)
				b.Add(x.Clone()).Op("=").Id(g.Named.GoName).Parens(jen.Id(v))
			})}
		}
		// (Not a generic helper: calling decodeJSON through a type
		// parameter's dictionary makes the reader escape to the heap.)
		v := c.tmp("v")
		return []jen.Code{jen.If(jen.Id("r").Dot("null").Call()).Block(
			x.Clone().Op("=").Nil(),
		).Else().Block(
			jen.Id(v).Op(":=").New(jen.Id(g.Named.GoName)),
			jen.If(jen.Err().Op(":=").Id(v).Dot("decodeJSON").Call(jen.Id("r")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			x.Clone().Op("=").Id(v),
		)}
	case spec.RefNullable:
		v := c.tmp("v")
		return []jen.Code{jen.If(jen.Id("r").Dot("null").Call()).Block(
			x.Clone().Op("=").Nil(),
		).Else().BlockFunc(func(b *jen.Group) {
			b.Var().Id(v).Add(valueTypeCode(g.Elem))
			addAll(b, c.decodeJSON(g.Elem, jen.Id(v), what))
			b.Add(x.Clone()).Op("=").Op("&").Id(v)
		})}
	case spec.RefList:
		s, i, e := c.tmp("s"), c.tmp("i"), c.tmp("e")
		return []jen.Code{jen.If(jen.Id("r").Dot("null").Call()).Block(
			x.Clone().Op("=").Nil(),
		).Else().BlockFunc(func(b *jen.Group) {
			b.If(jen.Err().Op(":=").Id("r").Dot("enterArray").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			b.Id(s).Op(":=").Make(GoTypeCode(g), jen.Lit(0), jen.Lit(4)) // one allocation for short lists
			b.For(jen.Id(i).Op(":=").Lit(0), jen.Empty(), jen.Id(i).Op("++")).BlockFunc(func(l *jen.Group) {
				l.List(jen.Id("more"), jen.Err()).Op(":=").Id("r").Dot("item").Call(jen.Id(i))
				l.Add(ret)
				l.If(jen.Op("!").Id("more")).Block(jen.Break())
				l.Var().Id(e).Add(GoTypeCode(g.Elem))
				addAll(l, c.decodeJSON(g.Elem, jen.Id(e), what))
				l.Id(s).Op("=").Append(jen.Id(s), jen.Id(e))
			})
			b.Add(x.Clone()).Op("=").Id(s)
		})}
	case spec.RefPair:
		// Json.NET's KeyValuePairConverter: {"Key":…,"Value":…}, names ignoring case.
		i := c.tmp("i")
		return []jen.Code{jen.BlockFunc(func(b *jen.Group) {
			b.If(jen.Err().Op(":=").Id("r").Dot("enterObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			b.For(jen.Id(i).Op(":=").Lit(0), jen.Empty(), jen.Id(i).Op("++")).BlockFunc(func(l *jen.Group) {
				l.List(jen.Id("k"), jen.Err()).Op(":=").Id("r").Dot("key").Call(jen.Id(i))
				l.Add(ret)
				l.If(jen.Id("k").Op("==").Nil()).Block(jen.Break())
				l.Switch(jen.Id("rtFoldIndex").Call(jen.Id("k"), jen.Id("rtPairNames"))).Block(
					jen.Case(jen.Lit(0)).Block(c.decodeJSON(g.Key, x.Clone().Dot("Key"), what+".Key")...),
					jen.Case(jen.Lit(1)).Block(c.decodeJSON(g.Elem, x.Clone().Dot("Value"), what+".Value")...),
					jen.Default().Block(jen.If(jen.Err().Op(":=").Id("r").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))),
				)
			})
		})}
	case spec.RefDict:
		mv, i, kv, vv := c.tmp("m"), c.tmp("i"), c.tmp("key"), c.tmp("val")
		return []jen.Code{jen.If(jen.Id("r").Dot("null").Call()).Block(
			x.Clone().Op("=").Nil(),
		).Else().BlockFunc(func(b *jen.Group) {
			b.If(jen.Err().Op(":=").Id("r").Dot("enterObject").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			b.Id(mv).Op(":=").Add(GoTypeCode(g)).Values()
			b.For(jen.Id(i).Op(":=").Lit(0), jen.Empty(), jen.Id(i).Op("++")).BlockFunc(func(l *jen.Group) {
				l.List(jen.Id("k"), jen.Err()).Op(":=").Id("r").Dot("key").Call(jen.Id(i))
				l.Add(ret)
				l.If(jen.Id("k").Op("==").Nil()).Block(jen.Break())
				l.Add(parseKey(g.Key, kv, jen.Id("k")))
				l.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("r").Dot("errorf").Call(jen.Lit("bad dictionary key: ").Op("+").Err().Dot("Error").Call())))
				l.Var().Id(vv).Add(GoTypeCode(g.Elem))
				addAll(l, c.decodeJSON(g.Elem, jen.Id(vv), what))
				l.Id(mv).Index(jen.Id(kv)).Op("=").Id(vv)
			})
			b.Add(x.Clone()).Op("=").Id(mv)
		})}
	}
	return nil
}

// parseKey declares key (of type k) parsed from the text expression and err.
func parseKey(k *GoType, key string, text jen.Code) jen.Code {
	if k.Kind == spec.RefNamed { // enum by name or number
		v := key + "n"
		return jen.List(jen.Id(key), jen.Err()).Op(":=").Func().Params().Params(jen.Id(k.Named.GoName), jen.Error()).Block(
			jen.List(jen.Id(v), jen.Id("ok")).Op(":=").Id("jsonNames"+k.Named.GoName).Dot("parse").Call(text),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(0), jen.Id("rtErr").Call(jen.Lit(k.Named.GoName), text))),
			jen.Return(jen.Id(k.Named.GoName).Parens(jen.Id(v)), jen.Nil()),
		).Call()
	}
	switch k.Prim {
	case "string", "anyURI":
		return jen.List(jen.Id(key), jen.Err()).Op(":=").String().Parens(text).Op(",").Error().Parens(jen.Nil())
	}
	fn, conv := primTextParse(k.Prim)
	if conv == nil {
		return jen.List(jen.Id(key), jen.Err()).Op(":=").Add(fn(text))
	}
	v := key + "v"
	return jen.List(jen.Id(key), jen.Err()).Op(":=").Func().Params().Params(valueTypeCode(k), jen.Error()).Block(
		jen.List(jen.Id(v), jen.Err()).Op(":=").Add(fn(text)),
		jen.Return(jen.Add(conv).Parens(jen.Id(v)), jen.Err()),
	).Call()
}

// emitRootJSON writes jsonAppend<Name>, jsonDecode<Name> and jsonRead<Name>
// for a body or response type, whatever its shape (a contract, a list, a
// primitive).
func (c *codeGen) emitRootJSON(f *jen.File, r *Root) {
	f.Add(comment("jsonAppend" + r.Name + " writes a root value with the date settings d (jsonDates as the server\nwrites, jsonClientDates for requests)."))
	f.Func().Id("jsonAppend"+r.Name).Params(jen.Id("dst").Index().Byte(), jen.Id("v").Add(GoTypeCode(r.Type)), jen.Id("d").Op("*").Id("rtJSONDates")).Index().Byte().BlockFunc(func(g *jen.Group) {
		addAll(g, c.appendJSON(r.Type, jen.Id("v")))
		g.Return(jen.Id("dst"))
	})
	f.Line()
	f.Add(comment("jsonDecode" + r.Name + " reads a whole JSON document."))
	f.Func().Id("jsonDecode"+r.Name).Params(jen.Id("data").Index().Byte()).Params(GoTypeCode(r.Type), jen.Error()).Block(
		jen.Id("r").Op(":=").Op("&").Id("rtJSONReader").Values(),
		jen.Id("r").Dot("reset").Call(jen.Id("data")),
		jen.Return(jen.Id("jsonRead"+r.Name).Call(jen.Id("r"))),
	)
	f.Line()
	f.Add(comment("jsonRead" + r.Name + " reads a whole JSON document from r (the server's checks the request's context)."))
	f.Func().Id("jsonRead"+r.Name).Params(jen.Id("r").Op("*").Id("rtJSONReader")).Params(jen.Id("v").Add(GoTypeCode(r.Type)), jen.Err().Error()).BlockFunc(func(g *jen.Group) {
		g.Id("err").Op("=").Func().Params().Error().BlockFunc(func(b *jen.Group) {
			addAll(b, c.decodeJSON(r.Type, jen.Id("v"), r.Name))
			b.Return(jen.Id("r").Dot("end").Call())
		}).Call()
		g.Return(jen.Id("v"), jen.Err())
	})
	f.Line()
}

// addAll adds each statement on its own line (Group.Add would join them
// into one statement).
func addAll(g *jen.Group, stmts []jen.Code) {
	for _, s := range stmts {
		g.Add(s)
	}
}
