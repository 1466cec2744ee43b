package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// emitE2E writes an end-to-end test into the generated package: the
// generated client calls the generated server (over real HTTP on loopback)
// for every endpoint in JSON, XML and form, and every argument and the
// response must arrive intact. Bodies are the documented request samples.
func emitE2E(m *Model, next func() *jen.File) error {
	f := next()
	if !m.hasPart(PartClient) || !m.hasPart(PartServer) {
		return nil
	}
	f.Add(comment("e2eService records what the server decoded and answers the documented response samples."))
	f.Type().Id("e2eService").StructFunc(func(g *jen.Group) {
		g.Id("got").Index().Any()
	})
	f.Line()
	for _, op := range m.Ops {
		f = next()
		var names []jen.Code
		for _, p := range op.PathParams {
			names = append(names, jen.Id(p.GoName))
		}
		names = append(names, jen.Id("params"))
		if op.Body != nil {
			names = append(names, jen.Id("body"))
		}
		f.Func().Params(jen.Id("s").Op("*").Id("e2eService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).BlockFunc(func(g *jen.Group) {
			g.Id("s").Dot("got").Op("=").Index().Any().Values(names...)
			if op.Response == nil {
				g.Return(jen.Nil())
				return
			}
			g.Return(jen.Id("e2eResponse" + op.GoName).Call())
		})
		f.Line()
		if op.Response != nil {
			f.Func().Id("e2eResponse"+op.GoName).Params().Params(GoTypeCode(op.Response.Type), jen.Error()).BlockFunc(func(g *jen.Group) {
				emitSampleValue(g, op.Response, sampleOf(m, op, "response"))
			})
			f.Line()
		}
		if op.Body != nil {
			f.Func().Id("e2eBody"+op.GoName).Params().Params(GoTypeCode(op.Body.Type), jen.Error()).BlockFunc(func(g *jen.Group) {
				emitSampleValue(g, op.Body, sampleOf(m, op, "request"))
			})
			f.Line()
		}
	}
	f = next()
	f.Add(comment("e2eRoundTrip encodes and decodes v, a value of root, in the format a request (or response) uses."))
	f.Func().Id("e2eRoundTrip").Types(jen.Id("T").Any()).Params(jen.Id("format").Id("Format"), jen.Id("root").Op("*").Id("rtRoot"), jen.Id("v").Id("T"), jen.Id("request").Bool()).Id("T").Block(
		jen.Var().Id("out").Id("T"),
		jen.Var().Err().Error(),
		jen.Switch().Block(
			jen.Case(jen.Id("format").Op("==").Id("FormatXML")).Block(
				jen.Var().Id("doc").Index().Byte(),
				jen.If(jen.List(jen.Id("doc"), jen.Err()).Op("=").Id("rtAppendXMLRoot").Call(jen.Id("api"), jen.Nil(), jen.Id("root"), jen.Op("&").Id("v")), jen.Err().Op("==").Nil()).Block(
					jen.Err().Op("=").Id("rtDecodeXMLRoot").Call(jen.Id("api"), jen.Id("doc"), jen.Id("root"), jen.Op("&").Id("out")),
				),
			),
			jen.Case(jen.Id("format").Op("==").Id("FormatForm").Op("&&").Id("request")).Block(
				jen.Var().Id("form").Index().Byte(),
				jen.If(jen.List(jen.Id("form"), jen.Err()).Op("=").Id("rtAppendFormRoot").Call(jen.Id("api"), jen.Nil(), jen.Id("root"), jen.Op("&").Id("v")), jen.Err().Op("==").Nil()).Block(
					jen.Err().Op("=").Id("rtDecodeFormRoot").Call(jen.Id("api"), jen.Id("form"), jen.Id("root"), jen.Op("&").Id("out")),
				),
			),
			jen.Default().Block(
				jen.Err().Op("=").Id("rtDecodeJSONRoot").Call(jen.Id("api"), jen.Id("rtAppendJSONRoot").Call(jen.Id("api"), jen.Nil(), jen.Id("root"), jen.Op("&").Id("v"), jen.Id("e2eDates").Call(jen.Id("request"))), jen.Id("root"), jen.Op("&").Id("out")),
			),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Panic(jen.Err())),
		jen.Return(jen.Id("out")),
	)
	f.Line()
	f.Add(comment("e2eSample decodes the documented sample name as a value of root."))
	f.Func().Id("e2eSample").Types(jen.Id("T").Any()).Params(jen.Id("root").Op("*").Id("rtRoot"), jen.Id("name").String()).Params(jen.Id("v").Id("T"), jen.Err().Error()).Block(
		jen.If(jen.Qual("strings", "HasSuffix").Call(jen.Id("name"), jen.Lit("/XML"))).Block(
			jen.Err().Op("=").Id("rtDecodeXMLRoot").Call(jen.Id("api"), jen.Id("documentedSample").Call(jen.Id("name")), jen.Id("root"), jen.Op("&").Id("v")),
		).Else().Block(
			jen.Err().Op("=").Id("rtDecodeJSONRoot").Call(jen.Id("api"), jen.Id("documentedSample").Call(jen.Id("name")), jen.Id("root"), jen.Op("&").Id("v")),
		),
		jen.Return(),
	)
	f.Line()
	f.Add(comment("TestEndToEnd runs every endpoint through the generated client and server in each format."))
	f.Func().Id("TestEndToEnd").Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		g.For(jen.List(jen.Id("_"), jen.Id("format")).Op(":=").Range().Index().Id("Format").Values(jen.Id("FormatJSON"), jen.Id("FormatXML"), jen.Id("FormatForm"))).BlockFunc(func(l *jen.Group) {
			l.Id("format").Op(":=").Id("format")
			l.Id("t").Dot("Run").Call(jen.Index().String().Values(jen.Lit("JSON"), jen.Lit("XML"), jen.Lit("Form")).Index(jen.Id("format")), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(b *jen.Group) {
				b.Id("svc").Op(":=").Op("&").Id("e2eService").Values()
				// The documented samples ignore the documented constraints; validation has its own test.
				b.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("NewHandler").Call(jen.Id("svc"), jen.Id("WithValidation").Call(jen.False())))
				b.Defer().Id("srv").Dot("Close").Call()
				b.List(jen.Id("c"), jen.Err()).Op(":=").Id("NewClient").Call(jen.Id("srv").Dot("URL"), jen.Id("WithFormat").Call(jen.Id("format")))
				b.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err()))
				b.Id("ctx").Op(":=").Qual("context", "Background").Call()
				b.Id("_").Op("=").Id("ctx")
				for _, op := range m.Ops {
					emitE2ECase(b, op)
				}
			}))
		})
	})
	f.Line()
	f.Add(comment("e2eSame compares decoded values: DateTime and DateTimeOffset by instant (the form binder\nturns zoned DateTimes into server-local ones, as Web API does), nil and empty collections alike\n(a form cannot tell them apart), everything else exactly."))
	f.Func().Id("e2eSame").Params(jen.List(jen.Id("a"), jen.Id("b")).Qual("reflect", "Value")).Bool().Block(jen.Return(jen.Id("e2eSameValue").Call(jen.Id("a"), jen.Id("b"))))
	f.Add(jen.Op(e2eSameSource))
	f.Line()
	f.Add(comment("e2eDump shows a value in its JSON form for failure messages."))
	f.Func().Id("e2eDump").Params(jen.Id("v").Any()).String().Block(
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("encoding/json", "MarshalIndent").Call(jen.Id("v"), jen.Lit(""), jen.Lit("  ")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%+v"), jen.Id("v")))),
		jen.Return(jen.String().Parens(jen.Id("b"))),
	)
	f.Line()
	f.Add(comment("e2eDates are the date settings of a request (client) or response (server)."))
	f.Func().Id("e2eDates").Params(jen.Id("request").Bool()).Op("*").Id("rtJSONDates").Block(
		jen.If(jen.Id("request")).Block(jen.Return(jen.Id("jsonClientDates"))),
		jen.Return(jen.Id("jsonDates")),
	)
	f.Line()
	f.Add(comment("e2eSameValue uses time; keep the import when no other code of this file does."))
	f.Var().Id("_").Qual("time", "Time")
	return nil
}

const e2eSameSource = `
func e2eSameValue(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Kind() == reflect.Interface {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return e2eSameValue(a.Elem(), b.Elem())
	}
	if a.Type() != b.Type() {
		return false
	}
	switch v := a.Interface().(type) {
	case DateTime:
		return v.Time.Equal(b.Interface().(DateTime).Time)
	case time.Time:
		return v.Equal(b.Interface().(time.Time))
	case Decimal:
		return v.Equal(b.Interface().(Decimal))
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return e2eSameValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !e2eSameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !e2eSameValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if !e2eSameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}
`

// emitSampleValue returns the decoded sample, or a non-nil empty value.
func emitSampleValue(g *jen.Group, r *Root, c *sampleCase) {
	if c != nil {
		g.Return(jen.Id("e2eSample").Types(GoTypeCode(r.Type)).Call(jen.Op("&").Id(rootVar(r)), jen.Lit(c.name)))
		return
	}
	switch {
	case r.Type.Kind == spec.RefNamed && !r.Type.Named.IsEnum():
		g.Return(jen.New(jen.Id(r.Type.Named.GoName)), jen.Nil())
	default:
		g.Var().Id("zero").Add(GoTypeCode(r.Type))
		g.Return(jen.Id("zero"), jen.Nil())
	}
}

// emitE2ECase calls one endpoint and checks what both sides saw.
func emitE2ECase(b *jen.Group, op *Op) {
	b.Id("t").Dot("Run").Call(jen.Lit(op.GoName), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		if op.Body != nil {
			if clash := formClash(op.Body.Type, map[*Type]bool{}); clash != "" {
				g.If(jen.Id("format").Op("==").Id("FormatForm")).Block(
					jen.Id("t").Dot("Skip").Call(jen.Lit("form keys collide ignoring case, as the model binder matches them: " + clash)),
				)
			} else if field := formFields(op.Body.Type, map[*Type]bool{}); field != "" {
				g.If(jen.Id("format").Op("==").Id("FormatForm")).Block(
					jen.Id("t").Dot("Skip").Call(jen.Lit("the sample sets a member form binding does not set (a public field or non-public member): " + field)),
				)
			}
		}
		var args, sent []jen.Code
		args = append(args, jen.Id("ctx"))
		for _, p := range op.PathParams {
			g.Id(p.GoName).Op(":=").Add(paramSample(p))
			args = append(args, jen.Id(p.GoName))
			sent = append(sent, jen.Id(p.GoName))
		}
		g.Id("params").Op(":=").Op("&").Id(op.ParamsName).ValuesFunc(func(d *jen.Group) {
			for _, p := range op.QueryParams {
				d.Id(p.Field).Op(":").Add(paramSample(p))
			}
		})
		args = append(args, jen.Id("params"))
		sent = append(sent, jen.Id("params"))
		if op.Body != nil {
			g.List(jen.Id("body"), jen.Id("berr")).Op(":=").Id("e2eBody" + op.GoName).Call()
			g.If(jen.Id("berr").Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("documented request sample: %v"), jen.Id("berr")))
			args = append(args, jen.Id("body"))
			// What crossing the wire keeps: a member JSON-only or XML-only is lost in the other format.
			sent = append(sent, jen.Id("e2eRoundTrip").Call(jen.Id("format"), jen.Op("&").Id(rootVar(op.Body)), jen.Id("body"), jen.True()))
		}
		if op.Response != nil {
			g.List(jen.Id("resp"), jen.Id("err")).Op(":=").Id("c").Dot(op.GoName).Call(args...)
		} else {
			g.Id("err").Op(":=").Id("c").Dot(op.GoName).Call(args...)
		}
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err()))
		g.If(jen.Op("!").Id("e2eSame").Call(
			jen.Qual("reflect", "ValueOf").Call(jen.Id("svc").Dot("got")),
			jen.Qual("reflect", "ValueOf").Call(jen.Index().Any().Values(sent...)),
		)).Block(jen.Id("t").Dot("Errorf").Call(jen.Lit("the server decoded\n%s\nwant\n%s"), jen.Id("e2eDump").Call(jen.Id("svc").Dot("got")), jen.Id("e2eDump").Call(jen.Index().Any().Values(sent...))))
		if op.Response != nil {
			g.List(jen.Id("doc"), jen.Id("_")).Op(":=").Id("e2eResponse" + op.GoName).Call()
			g.Id("want").Op(":=").Id("e2eRoundTrip").Call(jen.Id("format"), jen.Op("&").Id(rootVar(op.Response)), jen.Id("doc"), jen.False())
			g.If(jen.Op("!").Id("e2eSame").Call(jen.Qual("reflect", "ValueOf").Call(jen.Id("resp")), jen.Qual("reflect", "ValueOf").Call(jen.Id("want")))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("the client decoded\n%s\nwant\n%s"), jen.Id("e2eDump").Call(jen.Id("resp")), jen.Id("e2eDump").Call(jen.Id("want"))),
			)
		}
	}))
}

// paramSample is a value for a URI parameter that exercises escaping.
func paramSample(p *Param) jen.Code {
	g := p.Type
	ptr := paramIsPointer(p)
	if g.Kind == spec.RefNullable {
		g = g.Elem
	}
	var v jen.Code
	switch {
	case g.Kind == spec.RefNamed && g.Named.IsEnum():
		if len(g.Named.Values) > 0 {
			v = jen.Id(g.Named.Values[len(g.Named.Values)-1].GoName)
		} else {
			v = jen.Id(g.Named.GoName).Parens(jen.Lit(0))
		}
	case g.Kind != spec.RefPrimitive:
		v = jen.Nil()
	default:
		v = prims[g.Prim].sample()
	}
	if ptr {
		return jen.Id("Ptr").Call(jen.Add(valueTypeCode(g)).Parens(v))
	}
	return jen.Add(valueTypeCode(g)).Parens(v)
}

// formClash names two members of a type reachable from g whose form keys
// (CLR names) are equal ignoring case: no form can carry both.
func formClash(g *GoType, seen map[*Type]bool) string {
	switch g.Kind {
	case spec.RefList, spec.RefNullable, spec.RefDict:
		return formClash(g.Elem, seen)
	case spec.RefNamed:
		t := g.Named
		if t.IsEnum() || seen[t] {
			return ""
		}
		seen[t] = true
		keys := map[string]string{}
		for _, fl := range t.Fields {
			k := strings.ToLower(formName(fl))
			if other, ok := keys[k]; ok {
				return t.GoName + "." + other + " and " + t.GoName + "." + formName(fl)
			}
			keys[k] = formName(fl)
		}
		for _, fl := range t.Fields {
			if c := formClash(fl.Type, seen); c != "" {
				return c
			}
		}
	}
	return ""
}
