package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

const pkgHTTP = "net/http"

// muxPattern is the ServeMux pattern of an operation: lower-case literals
// (routing is case-insensitive, as in Web API: the handler lower-cases the
// path it routes on) and positional wildcards (values are read from the
// original path by segment index, so their case is kept).
func muxPattern(op *Op) string {
	var b strings.Builder
	b.WriteString(op.Endpoint.Method + " /")
	n := 0
	for i, s := range op.Segments {
		if i > 0 {
			b.WriteString("/")
		}
		if strings.HasPrefix(s, "{") {
			b.WriteString("{p" + itoa(n) + "}")
			n++
			continue
		}
		b.WriteString(strings.ToLower(s))
	}
	return b.String()
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func serviceMethodParams(op *Op) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual(pkgContext, "Context")}
	for _, p := range op.PathParams {
		params = append(params, jen.Id(p.GoName).Add(paramTypeCode(p)))
	}
	for _, p := range op.QueryParams {
		params = append(params, jen.Id(p.GoName).Add(paramTypeCode(p)))
	}
	if op.Body != nil {
		params = append(params, jen.Id("body").Add(GoTypeCode(op.Body.Type)))
	}
	return params
}

// notImplemented returns the zero response and a 501 HTTPError.
func notImplemented(op *Op) jen.Code {
	var ret []jen.Code
	if op.Response != nil {
		ret = append(ret, zeroOf(op.Response.Type))
	}
	ret = append(ret, jen.Op("&").Id("HTTPError").Values(jen.Dict{
		jen.Id("StatusCode"): jen.Qual(pkgHTTP, "StatusNotImplemented"),
		jen.Id("Message"):    jen.Lit("Not Implemented"),
	}))
	return jen.Return(ret...)
}

func serviceMethodResults(op *Op) []jen.Code {
	if op.Response == nil {
		return []jen.Code{jen.Error()}
	}
	return []jen.Code{GoTypeCode(op.Response.Type), jen.Error()}
}

func emitServer(m *Model, next func() *jen.File) error {
	f := next()
	f.Add(comment("Service is the server side of the API: one method per endpoint. Return an *HTTPError to choose\nthe status of a failure, a *ValidationError for 400 with field errors; any other error answers 500\nwithout details. Embed UnimplementedService to answer 501 for endpoints not implemented yet."))
	f.Type().Id("Service").InterfaceFunc(func(g *jen.Group) {
		for _, op := range m.Ops {
			e := op.Endpoint
			doc := op.GoName + " handles " + e.Method + " " + e.RelativePath + "."
			if e.Doc != "" {
				doc += "\n" + e.Doc
			}
			g.Add(comment(doc))
			g.Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...)
		}
	})
	f.Line()
	f.Add(comment("UnimplementedService answers 501 Not Implemented for every endpoint."))
	f.Type().Id("UnimplementedService").Struct()
	for _, op := range m.Ops {
		f.Func().Params(jen.Id("UnimplementedService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).Block(notImplemented(op))
	}
	f.Line()
	f.Add(comment("NewHandler serves s with Web API's behaviour: routes matched ignoring case; path and query values\nparsed (400 when they do not parse); bodies read by Content-Type (JSON, XML, form; 415 otherwise)\nwithin a size limit (413); annotations validated (400 naming the field); responses in the format\nAccept asks for (JSON by default, XML; 406 when neither fits); a panic answers 500."))
	f.Func().Id("NewHandler").Params(jen.Id("s").Id("Service"), jen.Id("opts").Op("...").Id("ServerOption")).Qual(pkgHTTP, "Handler").BlockFunc(func(g *jen.Group) {
		g.Id("cfg").Op(":=").Id("rtNewServerConfig").Call(jen.Id("opts"))
		g.Id("mux").Op(":=").Qual(pkgHTTP, "NewServeMux").Call()
		for _, op := range m.Ops {
			pat := muxPattern(op)
			g.Id("mux").Dot("HandleFunc").Call(jen.Lit(pat), jen.Id("rtWrap").Call(jen.Id("cfg"), jen.Lit(op.Endpoint.Method+" "+op.Endpoint.Route),
				jen.Func().Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request")).Block(
					jen.Id("serve"+op.GoName).Call(jen.Id("cfg"), jen.Id("s"), jen.Id("w"), jen.Id("r")),
				)))
		}
		g.Return(jen.Id("rtCaseInsensitive").Call(jen.Id("mux")))
	})
	for _, op := range m.Ops {
		f = next()
		f.Line()
		emitServeOp(m, f, op)
	}
	return nil
}

func zeroOf(g *GoType) jen.Code {
	if g.Nilable || g.Kind == spec.RefNullable {
		return jen.Nil()
	}
	if g.Kind == spec.RefNamed && g.Named.IsEnum() {
		return jen.Lit(0)
	}
	return valueTypeCode(g).(*jen.Statement).Clone().Values()
}

func emitServeOp(m *Model, f *jen.File, op *Op) {
	f.Func().Id("serve"+op.GoName).Params(
		jen.Id("cfg").Op("*").Id("rtServerConfig"), jen.Id("s").Id("Service"),
		jen.Id("w").Qual(pkgHTTP, "ResponseWriter"), jen.Id("r").Op("*").Qual(pkgHTTP, "Request"),
	).BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("rf"), jen.Id("ok")).Op(":=").Id("rtResponseFormat").Call(jen.Id("r"))
		g.If(jen.Op("!").Id("ok")).Block(
			jen.Id("rtWriteError").Call(jen.Id("w"), jen.Id("rtJSON"), jen.Qual(pkgHTTP, "StatusNotAcceptable"), jen.Lit("The requested media type is not supported."), jen.Nil()),
			jen.Return(),
		)
		g.Var().Id("verr").Id("ValidationError")
		var args []jen.Code
		args = append(args, jen.Id("r").Dot("Context").Call())
		for _, p := range op.PathParams {
			if !paramIsPointer(p) {
				g.Id(p.GoName).Op(":=").Id("rtPathParam").Call(jen.Id("r"), jen.Lit(p.Index), jen.Lit(p.Spec.Name), jen.Op("&").Id("verr"), jen.Id("parseParam"+m.RefName(p.Type)))
			} else {
				g.Var().Id(p.GoName).Add(paramTypeCode(p))
				g.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Id("rtPathSegment").Call(jen.Id("r"), jen.Lit(p.Index)), jen.Id("ok")).Block(
					parseInto(m, p, jen.Id("raw")),
				).Else().Block(jen.Id("verr").Dot("add").Call(jen.Lit(p.Spec.Name), jen.Lit("missing")))
			}
			args = append(args, jen.Id(p.GoName))
		}
		if len(op.QueryParams) > 0 {
			g.Id("query").Op(":=").Id("rtQuery").Call(jen.Id("r"))
		}
		for _, p := range op.QueryParams {
			g.Var().Id(p.GoName).Add(paramTypeCode(p))
			missing := jen.Null()
			if p.Spec.Required {
				// Web API's action selection needs every required value: a missing one is 404 there;
				// a clear 400 helps callers more.
				missing = jen.Else().Block(jen.Id("verr").Dot("add").Call(jen.Lit(p.Spec.Name), jen.Lit("is required")))
			}
			g.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Id("query").Index(jen.Lit(strings.ToLower(p.Spec.Name))), jen.Id("ok")).Block(
				parseInto(m, p, jen.Id("raw")),
			).Add(missing)
			args = append(args, jen.Id(p.GoName))
		}
		if op.Body != nil {
			// The body is decoded by its root descriptor, with the server's
			// limits and the request's context.
			g.Var().Id("body").Add(GoTypeCode(op.Body.Type))
			g.If(jen.Op("!").Id("rtDecodeBody").Call(jen.Id("w"), jen.Id("r"), jen.Id("cfg"), jen.Id("rf"), jen.Op("&").Id("verr"),
				jen.Id("api"), jen.Op("&").Id(rootVar(op.Body)), jen.Op("&").Id("body"))).Block(jen.Return())
			if op.Body.Type.Kind == spec.RefNamed && !op.Body.Type.Named.IsEnum() {
				g.If(jen.Op("!").Id("cfg").Dot("noValidate")).Block(jen.Id("rtValidateRoot").Call(jen.Id("api"), jen.Op("&").Id("verr"), jen.Op("&").Id(rootVar(op.Body)), jen.Op("&").Id("body")))
			}
			args = append(args, jen.Id("body"))
		}
		g.If(jen.Len(jen.Id("verr").Dot("Fields")).Op(">").Lit(0)).Block(
			jen.Id("rtWriteError").Call(jen.Id("w"), jen.Id("rf"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Lit("The request is invalid."), jen.Id("verr").Dot("Fields")),
			jen.Return(),
		)
		if op.Response == nil {
			g.If(jen.Err().Op(":=").Id("s").Dot(op.GoName).Call(args...), jen.Err().Op("!=").Nil()).Block(
				jen.Id("rtServiceError").Call(jen.Id("w"), jen.Id("rf"), jen.Err()),
				jen.Return(),
			)
			g.Id("w").Dot("WriteHeader").Call(jen.Qual(pkgHTTP, "StatusNoContent"))
			return
		}
		n := op.Response.Name
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Id("s").Dot(op.GoName).Call(args...)
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("rtServiceError").Call(jen.Id("w"), jen.Id("rf"), jen.Err()),
			jen.Return(),
		)
		g.Id("rtWriteResponse").Call(jen.Id("w"), jen.Id("rf"), jen.Id("resp"), jen.Id("xmlAppend"+n), jen.Id("jsonAppend"+n), jen.Id("jsonDates"))
	})
	f.Line()
}

// parseInto parses raw into the parameter variable, recording failures.
func parseInto(m *Model, p *Param, raw jen.Code) jen.Code {
	g := p.Type
	if g.Kind == spec.RefNullable {
		g = g.Elem
	}
	fn := "parseParam" + m.RefName(g)
	target := jen.Id(p.GoName).Op("=")
	val := jen.Id("v")
	if paramIsPointer(p) {
		val = jen.Op("&").Id("v")
	}
	return jen.If(jen.List(jen.Id("v"), jen.Err()).Op(":=").Id(fn).Call(raw), jen.Err().Op("!=").Nil()).Block(
		jen.Id("verr").Dot("add").Call(jen.Lit(p.Spec.Name), jen.Err().Dot("Error").Call()),
	).Else().Block(target.Add(val))
}
