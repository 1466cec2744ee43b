package generator

import (
	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// emitParams writes parseParam<Name>(string) for every URI parameter type:
// Web API's simple-type model binding (invariant culture; enums by name or
// number, ignoring case; GUIDs in any .NET form).
func emitParams(m *Model, f *jen.File) error {
	seen := map[string]bool{}
	for _, op := range m.Ops {
		for _, p := range append(append([]*Param(nil), op.PathParams...), op.QueryParams...) {
			g := p.Type
			if g.Kind == spec.RefNullable {
				g = g.Elem
			}
			name := m.RefName(g)
			if seen[name] {
				continue
			}
			seen[name] = true
			f.Func().Id("parseParam"+name).Params(jen.Id("s").String()).Params(valueTypeCode(g), jen.Error()).BlockFunc(func(b *jen.Group) {
				switch {
				case g.Kind == spec.RefNamed && g.Named.IsEnum():
					b.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("api").Dot("parseEnum").Call(jen.Op("&").Id(enumVar(g.Named)), jen.Id("s"))
					b.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(0), jen.Id("rtErr").Call(jen.Lit(g.Named.GoName), jen.Index().Byte().Parens(jen.Id("s")))))
					b.Return(jen.Id(g.Named.GoName).Parens(jen.Id("n")), jen.Nil())
				case g.Kind != spec.RefPrimitive:
					b.Var().Id("zero").Add(valueTypeCode(g))
					b.Return(jen.Id("zero"), jen.Qual("errors", "New").Call(jen.Lit("complex values cannot be URI parameters")))
				case g.Prim == "string" || g.Prim == "anyURI":
					b.Return(jen.Id("s"), jen.Nil())
				case g.Prim == "char":
					b.Return(jen.Id("rtParseParamChar").Call(jen.Id("s")))
				default:
					fn, conv := primTextParse(g.Prim)
					text := jen.Index().Byte().Parens(jen.Id("s"))
					if conv == nil {
						b.Return(fn(text))
						return
					}
					b.List(jen.Id("v"), jen.Err()).Op(":=").Add(fn(text))
					b.Return(jen.Add(conv).Parens(jen.Id("v")), jen.Err())
				}
			})
			f.Line()
		}
	}
	return nil
}
