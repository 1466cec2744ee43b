package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

func init() { register("fuzz_gen_test.go", emitFuzz) }

// emitFuzz writes FuzzDecodeJSON and FuzzDecodeXML into the generated
// package: any input to the root decoders (the first byte picks the root
// type) must not panic, and whatever decodes must survive encode → decode
// → encode byte for byte (nothing the codec accepted is lost). The
// documented samples seed the corpus.
func emitFuzz(m *Model, f *jen.File) error {
	if len(m.Roots) == 0 {
		return nil
	}
	byRoot := map[*Root][]sampleCase{}
	for _, c := range conformanceCases(m) {
		byRoot[c.root] = append(byRoot[c.root], c)
	}
	for _, format := range []string{"JSON", "XML"} {
		lower := strings.ToLower(format)
		name := "Fuzz" + "Decode" + format
		f.Add(comment(name + " decodes arbitrary " + format + " as every body and response type."))
		f.Func().Id(name).Params(jen.Id("f").Op("*").Qual("testing", "F")).BlockFunc(func(g *jen.Group) {
			for i, r := range m.Roots {
				for _, c := range byRoot[r] {
					if c.xml == (format == "XML") {
						g.Id("f").Dot("Add").Call(jen.Byte().Parens(jen.Lit(i)), jen.Index().Byte().Parens(sampleRef(m, c.text)))
					}
				}
			}
			g.Id("f").Dot("Add").Call(jen.Byte().Parens(jen.Lit(0)), jen.Index().Byte().Parens(jen.Lit("")))
			g.Id("f").Dot("Fuzz").Call(jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("which").Byte(), jen.Id("data").Index().Byte()).BlockFunc(func(b *jen.Group) {
				b.Switch(jen.Int().Parens(jen.Id("which")).Op("%").Lit(len(m.Roots))).BlockFunc(func(s *jen.Group) {
					for i, r := range m.Roots {
						// enc assigns the encoding of v to b; XML encoding can
						// fail, which for a decoded value is a bug.
						enc := func(b string, v jen.Code) []jen.Code {
							if format == "JSON" {
								return []jen.Code{jen.Id(b).Op(":=").Id("jsonAppend"+r.Name).Call(jen.Nil(), v, jen.Id("jsonDates"))}
							}
							return []jen.Code{
								jen.List(jen.Id(b), jen.Err()).Op(":=").Id("xmlAppend"+r.Name).Call(jen.Nil(), v),
								jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("a decoded value does not encode: %v"), jen.Err())),
							}
						}
						dec := lower + "Decode" + r.Name
						s.Case(jen.Lit(i)).BlockFunc(func(c *jen.Group) {
							c.List(jen.Id("v"), jen.Err()).Op(":=").Id(dec).Call(jen.Id("data"))
							c.If(jen.Err().Op("!=").Nil()).Block(jen.Return())
							addAll(c, enc("b1", jen.Id("v")))
							c.List(jen.Id("v2"), jen.Err()).Op(":=").Id(dec).Call(jen.Id("b1"))
							c.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("our own output does not decode: %v\n%s"), jen.Err(), jen.Id("b1")))
							addAll(c, enc("b2", jen.Id("v2")))
							c.If(jen.String().Parens(jen.Id("b1")).Op("!=").String().Parens(jen.Id("b2"))).Block(
								jen.Id("t").Dot("Fatalf").Call(jen.Lit("encode → decode → encode changed the value:\n%s\n%s"), jen.Id("b1"), jen.Id("b2")),
							)
						})
					}
				})
			}))
		})
		f.Line()
	}
	return nil
}
