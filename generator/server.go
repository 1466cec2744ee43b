package generator

import (
	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

const pkgHTTP = "net/http"

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// serviceMethodParams are a Service method's parameters: ctx, the path
// parameters, the params struct, the body.
func serviceMethodParams(op *Op) []jen.Code {
	return append([]jen.Code{jen.Id("ctx").Qual(pkgContext, "Context")}, serviceArgs(op)...)
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
		f = next()
		f.Func().Params(jen.Id("UnimplementedService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).Block(notImplemented(op))
		f.Line()
	}
	f = next()
	f.Add(comment("NewHandler serves s with Web API's behaviour: routes matched ignoring case; path and query values\nparsed (400 when they do not parse); bodies read by Content-Type (JSON, XML, form; 415 otherwise)\nwithin a size limit (413); annotations validated (400 naming the field); responses in the format\nAccept asks for (JSON by default, XML; 406 when neither fits); a panic answers 500."))
	f.Func().Id("NewHandler").Params(jen.Id("s").Id("Service"), jen.Id("opts").Op("...").Id("ServerOption")).Qual(pkgHTTP, "Handler").Block(
		jen.Return(jen.Qual(pkgRT, "NewHandler").Call(jen.Id("api"), jen.Id("opts"), jen.Index().Qual(pkgRT, "Handler").ValuesFunc(func(g *jen.Group) {
			for _, op := range m.Ops {
				g.Line().Values(jen.Id("Op").Op(":").Op("&").Id(opVar(op)), jen.Id("Serve").Op(":").Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("in").Op("*").Qual(pkgRT, "In")).Params(jen.Any(), jen.Error()).Block(callWith(op, "s")))
			}
			if len(m.Ops) > 0 {
				g.Line()
			}
		}))),
	)
	return nil
}

func zeroOf(g *GoType) jen.Code {
	if g.Nilable || g.Kind == spec.RefNullable {
		return jen.Nil()
	}
	if g.Kind == spec.RefNamed && g.Named.IsEnum() {
		return jen.Lit(0)
	}
	switch p := prims[g.Prim]; {
	case g.Kind == spec.RefPrimitive && p.bits > 0, g.Prim == "float", g.Prim == "double", g.Prim == "char":
		return jen.Lit(0)
	case g.Prim == "boolean":
		return jen.False()
	}
	return valueTypeCode(g).(*jen.Statement).Clone().Values()
}
