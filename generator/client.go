package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// Registered in roots.go together with the root codecs it calls.

const (
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
		return jen.Id(strings.TrimPrefix(expr, "rt."))
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

// rootZero is the zero value expression of a root type.
func rootZero(r *Root) jen.Code {
	if r.Type.Nilable || r.Type.Kind == spec.RefNullable {
		return jen.Nil()
	}
	switch r.Type.Kind {
	case spec.RefNamed:
		if r.Type.Named.IsEnum() {
			return jen.Lit(0)
		}
	}
	return jen.Id("zero")
}

func emitClient(m *Model, next func() *jen.File) error {
	f := next()
	for _, op := range m.Ops {
		f = next()
		e := op.Endpoint
		// The client's signature is the service's: ctx, path, query, body.
		params, results := serviceMethodParams(op), serviceMethodResults(op)

		doc := op.GoName + " calls " + e.Method + " " + e.RelativePath + "."
		if e.Doc != "" {
			doc += "\n\n" + e.Doc
		}
		f.Add(comment(doc))
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).Params(params...).Params(results...).BlockFunc(func(g *jen.Group) {
			var zero jen.Code = jen.Nil()
			ret := func(err jen.Code) jen.Code {
				if op.Response == nil {
					return jen.Return(err)
				}
				return jen.Return(zero, err)
			}
			if op.Response != nil && !op.Response.Type.Nilable {
				g.Var().Id("zero").Add(GoTypeCode(op.Response.Type))
				zero = jen.Id("zero")
			}
			// Path.
			var path []jen.Code
			lit := ""
			for i, s := range op.Segments {
				if i > 0 {
					lit += "/"
				}
				if strings.HasPrefix(s, "{") {
					for _, p := range op.PathParams {
						if p.Index == i {
							if lit != "" {
								path = append(path, jen.Lit(lit))
							}
							lit = ""
							path = append(path, jen.Id("rtPathEscape").Call(jen.Id("rtParam").Call(jen.Id(p.GoName))))
						}
					}
					continue
				}
				lit += s
			}
			if lit != "" {
				path = append(path, jen.Lit(lit))
			}
			var pathExpr *jen.Statement
			for i, p := range path {
				if i == 0 {
					pathExpr = jen.Add(p)
				} else {
					pathExpr = pathExpr.Op("+").Add(p)
				}
			}
			g.Id("call").Op(":=").Op("&").Id("rtCall").Values(jen.Dict{
				jen.Id("method"): jen.Lit(e.Method),
				jen.Id("path"):   pathExpr,
			})
			if len(op.QueryParams) > 0 {
				g.Id("q").Op(":=").Qual(pkgURL, "Values").Values()
				for _, p := range op.QueryParams {
					if paramIsPointer(p) {
						g.If(jen.Id(p.GoName).Op("!=").Nil()).Block(
							jen.Id("q").Dot("Set").Call(jen.Lit(p.Spec.Name), jen.Id("rtParam").Call(jen.Op("*").Id(p.GoName))),
						)
					} else {
						g.Id("q").Dot("Set").Call(jen.Lit(p.Spec.Name), jen.Id("rtParam").Call(jen.Id(p.GoName)))
					}
				}
				g.Id("call").Dot("query").Op("=").Id("q")
			}
			if op.Body != nil {
				n := op.Body.Name
				g.Switch(jen.Id("c").Dot("format")).Block(
					jen.Case(jen.Id("FormatXML")).Block(
						jen.Var().Err().Error(),
						jen.If(jen.List(jen.Id("call").Dot("body"), jen.Err()).Op("=").Id("xmlAppend"+n).Call(jen.Nil(), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(ret(jen.Err())),
					),
					jen.Case(jen.Id("FormatForm")).Block(jen.Id("call").Dot("body").Op("=").Id("formAppend"+n).Call(jen.Nil(), jen.Id("body"))),
					jen.Default().Block(jen.Id("call").Dot("body").Op("=").Id("jsonAppend"+n).Call(jen.Nil(), jen.Id("body"), jen.Id("jsonClientDates"))),
				)
				g.Id("call").Dot("contentType").Op("=").Id("rtContentType").Call(jen.Id("c").Dot("format"))
			} else if e.Method == "POST" || e.Method == "PUT" || e.Method == "PATCH" {
				// Web API (and IIS) want a length on bodyless writes.
				g.Id("call").Dot("body").Op("=").Index().Byte().Values()
				g.Id("call").Dot("contentType").Op("=").Lit("application/json; charset=utf-8")
			}
			g.List(jen.Id("status"), jen.Id("mt"), jen.Id("data"), jen.Err()).Op(":=").Id("c").Dot("rtDo").Call(jen.Id("ctx"), jen.Id("call"))
			g.If(jen.Err().Op("!=").Nil()).Block(ret(jen.Err()))
			var decodeFn jen.Code = jen.Nil()
			if op.Response != nil {
				decodeFn = jen.Func().Params().Params(jen.Any(), jen.Error()).Block(
					jen.Return(jen.Id("decodeResponse"+op.Response.Name).Call(jen.Id("mt"), jen.Id("data"))),
				)
			}
			g.If(jen.Id("status").Op("<").Lit(200).Op("||").Id("status").Op(">").Lit(299)).Block(
				ret(jen.Id("rtAPIError").Call(jen.Id("status"), jen.Id("mt"), jen.Id("data"), decodeFn)),
			)
			if op.Response == nil {
				g.Return(jen.Nil())
				return
			}
			g.If(jen.Len(jen.Id("data")).Op("==").Lit(0)).Block(jen.Return(zero, jen.Nil()))
			g.Return(jen.Id("decodeResponse"+op.Response.Name).Call(jen.Id("mt"), jen.Id("data")))
		})
		f.Line()
	}
	// One response decoder per response type.
	f = next()
	seen := map[string]bool{}
	for _, op := range m.Ops {
		r := op.Response
		if r == nil || seen[r.Name] {
			continue
		}
		seen[r.Name] = true
		f.Func().Id("decodeResponse"+r.Name).Params(jen.Id("mt").String(), jen.Id("data").Index().Byte()).Params(GoTypeCode(r.Type), jen.Error()).Block(
			jen.If(jen.Id("rtIsXML").Call(jen.Id("mt"))).Block(jen.Return(jen.Id("xmlDecode"+r.Name).Call(jen.Id("data")))),
			jen.Return(jen.Id("jsonDecode"+r.Name).Call(jen.Id("data"))),
		)
	}
	return nil
}
