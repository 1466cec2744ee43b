package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

const (
	// pkgRT is the runtime every generated package imports.
	pkgRT      = "github.com/helpgen/helpgen/templates/rt"
	pkgContext = "context"
	pkgURL     = "net/url"
	pkgUUID    = "github.com/google/uuid"
	pkgTime    = "time"
)

// GoTypeCode is the Go type expression of a field or value of g.
func GoTypeCode(g *GoType) jen.Code {
	switch g.Kind {
	case spec.RefPrimitive:
		expr, ptr := PrimGoExpr(g.Prim)
		c := exprCode(expr)
		if ptr {
			return jen.Op("*").Add(c)
		}
		return c
	case spec.RefNamed:
		if g.Named.IsEnum() {
			return jen.Id(g.Named.GoName)
		}
		return jen.Op("*").Id(g.Named.GoName)
	case spec.RefList:
		return jen.Index().Add(GoTypeCode(g.Elem))
	case spec.RefNullable:
		return jen.Op("*").Add(valueTypeCode(g.Elem))
	case spec.RefDict:
		return jen.Map(valueTypeCode(g.Key)).Add(GoTypeCode(g.Elem))
	case spec.RefPair:
		return jen.Id("KeyValuePair").Types(GoTypeCode(g.Key), GoTypeCode(g.Elem))
	}
	return jen.Any()
}

// valueTypeCode is the non-pointer type of g (a string, not *string).
func valueTypeCode(g *GoType) jen.Code {
	switch g.Kind {
	case spec.RefPrimitive:
		expr, _ := PrimGoExpr(g.Prim)
		return exprCode(expr)
	case spec.RefNamed:
		return jen.Id(g.Named.GoName)
	}
	return GoTypeCode(g)
}

func exprCode(expr string) jen.Code {
	switch {
	case strings.HasPrefix(expr, "rt."):
		return jen.Id(strings.TrimPrefix(expr, "rt.")) // the package's alias of the runtime type
	case expr == "uuid.UUID":
		return jen.Qual(pkgUUID, "UUID")
	case expr == "time.Time":
		return jen.Qual(pkgTime, "Time")
	case expr == "[]byte":
		return jen.Index().Byte()
	}
	return jen.Id(expr)
}

// paramTypeCode is a parameter's Go type: values, pointers when optional.
func paramTypeCode(p *Param) jen.Code {
	g := p.Type
	if g.Kind == spec.RefNullable {
		return jen.Op("*").Add(valueTypeCode(g.Elem))
	}
	if p.Optional {
		return jen.Op("*").Add(valueTypeCode(g))
	}
	return valueTypeCode(g)
}

// paramIsPointer reports whether a parameter argument may be nil.
func paramIsPointer(p *Param) bool {
	return p.Optional || p.Type.Kind == spec.RefNullable
}

func emitClient(m *Model, next func() *jen.File) error {
	f := next()
	f.Add(comment("Client calls the API: one method per endpoint. It is safe for concurrent use and never retries (the\nendpoints are not known to be idempotent)."))
	f.Type().Id("Client").Struct(jen.Id("c").Op("*").Qual(pkgRT, "Client"))
	f.Line()
	f.Add(comment("NewClient returns a client for the API at baseURL (the application root: the routes are relative\nto it, e.g. https://host/v3/mps-api/)."))
	f.Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("opts").Op("...").Id("ClientOption")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.List(jen.Id("c"), jen.Err()).Op(":=").Qual(pkgRT, "NewClient").Call(jen.Id("api"), jen.Id("baseURL"), jen.Id("opts")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Id("c")), jen.Nil()),
	)
	f.Line()
	for _, op := range m.Ops {
		f = next()
		e := op.Endpoint
		doc := op.GoName + " calls " + e.Method + " " + e.RelativePath + "."
		if e.Doc != "" {
			doc += "\n\n" + e.Doc
		}
		f.Add(comment(doc))
		params := append([]jen.Code{jen.Id("ctx").Qual(pkgContext, "Context")}, serviceArgs(op)...)
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).Params(params...).Params(serviceMethodResults(op)...).BlockFunc(func(g *jen.Group) {
			var path []jen.Code
			for _, p := range op.PathParams {
				path = append(path, jen.Op("&").Id(p.GoName))
			}
			pathArg := jen.Nil()
			if len(path) > 0 {
				pathArg = jen.Index().Any().Values(path...)
			}
			body := jen.Nil()
			if op.Body != nil {
				body = jen.Op("&").Id("body")
			}
			if op.Response == nil {
				g.Return(jen.Id("c").Dot("c").Dot("Call").Call(jen.Id("ctx"), jen.Op("&").Id(opVar(op)), pathArg, jen.Id("params"), body, jen.Nil()))
				return
			}
			g.Var().Id("out").Add(GoTypeCode(op.Response.Type))
			g.Err().Op(":=").Id("c").Dot("c").Dot("Call").Call(jen.Id("ctx"), jen.Op("&").Id(opVar(op)), pathArg, jen.Id("params"), body, jen.Op("&").Id("out"))
			g.Return(jen.Id("out"), jen.Err())
		})
		f.Line()
	}
	return nil
}
