package generator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

func init() {
	registerChunked("validate_gen.go", emitValidate)
	register("params_gen.go", emitParams)
}

// emitValidate writes validate(verr, path) for every struct: the checks
// the Help Page's "Additional information" column documents (Required,
// lengths, Range, RegularExpression), with Web API's messages, recursing
// into nested contracts. The server runs it on every decoded body.
func emitValidate(m *Model, next func() *jen.File) error {
	c := &codeGen{m: m}
	patterns := map[string]string{}
	var patternOrder []string
	f := next()
	for _, t := range m.Types {
		if t.IsEnum() {
			continue
		}
		f = next()
		f.Add(comment("validate records the documented constraints v breaks, under path."))
		f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("validate").Params(
			jen.Id("verr").Op("*").Id("ValidationError"), jen.Id("path").String(),
		).BlockFunc(func(g *jen.Group) {
			g.If(jen.Id("v").Op("==").Nil()).Block(jen.Return())
			for _, fl := range t.Fields {
				a := fl.Member.Annotations
				x := jen.Id("v").Dot(fl.GoName)
				name := fl.Member.Name
				if fl.Member.CLRName != "" {
					name = fl.Member.CLRName
				}
				field := jen.Id("path").Op("+").Lit(name)
				if a != nil {
					if a.Required || fl.Member.Required {
						if fl.Type.Nilable || fl.Type.Kind == spec.RefNullable {
							g.If(x.Clone().Op("==").Nil()).Block(
								jen.Id("verr").Dot("add").Call(field, jen.Lit(fmt.Sprintf("The %s field is required.", name))),
							)
						}
					}
					c.lengthChecks(g, fl, a, x, field, name)
					if a.Range != nil {
						rangeCheck(g, fl, a.Range, x, field, name)
					}
					if a.Pattern != "" && isStringish(fl.Type) {
						if _, err := regexp.Compile(a.Pattern); err == nil {
							id, ok := patterns[a.Pattern]
							if !ok {
								id = fmt.Sprintf("pattern%d", len(patterns)+1)
								patterns[a.Pattern] = id
								patternOrder = append(patternOrder, a.Pattern)
							}
							// RegularExpressionAttribute matches the whole value.
							g.If(x.Clone().Op("!=").Nil().Op("&&").Op("!").Id(id).Dot("MatchString").Call(jen.Op("*").Add(x.Clone()))).Block(
								jen.Id("verr").Dot("add").Call(field, jen.Lit(fmt.Sprintf("The field %s must match the regular expression '%s'.", name, a.Pattern))),
							)
						}
					}
				}
				c.nestedValidate(g, fl.Type, x, field)
			}
		})
		f.Line()
	}
	for _, p := range patternOrder {
		f.Var().Id(patterns[p]).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit("^(?:" + p + ")$"))
	}
	return nil
}

func isStringish(g *GoType) bool {
	return g.Kind == spec.RefPrimitive && (g.Prim == "string" || g.Prim == "anyURI")
}

func (c *codeGen) lengthChecks(g *jen.Group, fl *Field, a *spec.Annotations, x *jen.Statement, field jen.Code, name string) {
	var length jen.Code
	switch {
	case isStringish(fl.Type):
		// .NET counts UTF-16 code units.
		length = jen.Id("rtUTF16Len").Call(jen.Op("*").Add(x.Clone()))
	case fl.Type.Kind == spec.RefList || fl.Type.Prim == "base64Binary":
		length = jen.Len(x.Clone())
	default:
		return
	}
	check := func(cond func(n jen.Code) jen.Code, msg string) {
		n := c.tmp("n")
		g.If(x.Clone().Op("!=").Nil()).Block(
			jen.If(jen.Id(n).Op(":=").Add(length), cond(jen.Id(n))).Block(
				jen.Id("verr").Dot("add").Call(field, jen.Lit(msg)),
			),
		)
	}
	if a.StringLength != nil {
		max, _ := strconv.Atoi(a.StringLength.Max)
		min, _ := strconv.Atoi(a.StringLength.Min)
		msg := fmt.Sprintf("The field %s must be a string with a maximum length of %d.", name, max)
		if min > 0 {
			msg = fmt.Sprintf("The field %s must be a string with a minimum length of %d and a maximum length of %d.", name, min, max)
		}
		check(func(n jen.Code) jen.Code {
			return jen.Add(n).Op(">").Lit(max).Op("||").Add(n).Op("<").Lit(min)
		}, msg)
	}
	if a.MaxLength != nil {
		check(func(n jen.Code) jen.Code { return jen.Add(n).Op(">").Lit(*a.MaxLength) },
			fmt.Sprintf("The field %s must be a string or array type with a maximum length of '%d'.", name, *a.MaxLength))
	}
	if a.MinLength != nil {
		check(func(n jen.Code) jen.Code { return jen.Add(n).Op("<").Lit(*a.MinLength) },
			fmt.Sprintf("The field %s must be a string or array type with a minimum length of '%d'.", name, *a.MinLength))
	}
}

// rangeCheck writes a RangeAttribute check for numeric members.
func rangeCheck(g *jen.Group, fl *Field, b *spec.Bounds, x *jen.Statement, field jen.Code, name string) {
	t := fl.Type
	val := x.Clone()
	guard := jen.True()
	if t.Kind == spec.RefNullable {
		guard = x.Clone().Op("!=").Nil()
		val = jen.Parens(jen.Op("*").Add(x.Clone()))
		t = t.Elem
	}
	if t.Kind != spec.RefPrimitive {
		return
	}
	var num jen.Code
	switch t.Prim {
	case "int", "long", "short", "byte", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong", "float", "double":
		num = jen.Float64().Parens(val)
	case "decimal":
		num = val.Clone().Dot("Float64").Call()
	default:
		return
	}
	lo, err1 := strconv.ParseFloat(strings.TrimSpace(b.Min), 64)
	hi, err2 := strconv.ParseFloat(strings.TrimSpace(b.Max), 64)
	if err1 != nil || err2 != nil {
		return
	}
	g.If(guard.Op("&&").Parens(jen.Add(num).Op("<").Lit(lo).Op("||").Add(num).Op(">").Lit(hi))).Block(
		jen.Id("verr").Dot("add").Call(field, jen.Lit(fmt.Sprintf("The field %s must be between %s and %s.", name, b.Min, b.Max))),
	)
}

// nestedValidate recurses into contracts held by a member.
func (c *codeGen) nestedValidate(g *jen.Group, t *GoType, x *jen.Statement, field *jen.Statement) {
	switch t.Kind {
	case spec.RefNamed:
		if !t.Named.IsEnum() {
			g.Add(x.Clone().Dot("validate").Call(jen.Id("verr"), field.Clone().Op("+").Lit(".")))
		}
	case spec.RefList:
		if hasContract(t.Elem) {
			i, e := c.tmp("i"), c.tmp("e")
			g.For(jen.List(jen.Id(i), jen.Id(e)).Op(":=").Range().Add(x.Clone())).BlockFunc(func(b *jen.Group) {
				c.nestedValidate(b, t.Elem, jen.Id(e), field.Clone().Op("+").Lit("[").Op("+").Qual("strconv", "Itoa").Call(jen.Id(i)).Op("+").Lit("]"))
			})
		}
	case spec.RefDict:
		if hasContract(t.Elem) {
			k, e := c.tmp("k"), c.tmp("e")
			g.For(jen.List(jen.Id(k), jen.Id(e)).Op(":=").Range().Add(x.Clone())).BlockFunc(func(b *jen.Group) {
				c.nestedValidate(b, t.Elem, jen.Id(e), field.Clone().Op("+").Lit("[").Op("+").Qual("fmt", "Sprint").Call(jen.Id(k)).Op("+").Lit("]"))
			})
		}
	}
}

func hasContract(t *GoType) bool {
	switch t.Kind {
	case spec.RefNamed:
		return !t.Named.IsEnum()
	case spec.RefList, spec.RefDict:
		return hasContract(t.Elem)
	}
	return false
}

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
					b.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("jsonNames" + g.Named.GoName).Dot("parse").Call(jen.Index().Byte().Parens(jen.Id("s")))
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
