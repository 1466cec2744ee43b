package generator

import (
	"github.com/dave/jennifer/jen"
)

// emitFuzz writes FuzzDecodeJSON and FuzzDecodeXML into the generated
// package: any input to the root decoders (the first byte picks the body or
// response type) must not panic, and whatever decodes must survive encode
// → decode → encode byte for byte (nothing the codec accepted is lost).
// The documented samples seed the corpus.
func emitFuzz(m *Model, f *jen.File) error {
	if len(m.Roots) == 0 {
		return nil
	}
	for _, format := range []string{"JSON", "XML"} {
		name := "FuzzDecode" + format
		lower := map[string]string{"JSON": "json", "XML": "xml"}[format]
		f.Add(comment(name + " decodes arbitrary " + format + " as every body and response type."))
		f.Func().Id(name).Params(jen.Id("f").Op("*").Qual("testing", "F")).Block(
			jen.Id("fuzzSeeds").Call(jen.Id("f"), jen.Lit(lower)),
			jen.Id("f").Dot("Fuzz").Call(jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("which").Byte(), jen.Id("data").Index().Byte()).Block(
				jen.Id("fuzzRoundTrip").Call(jen.Id("t"), jen.Id("api").Dot("Roots").Index(jen.Int().Parens(jen.Id("which")).Op("%").Len(jen.Id("api").Dot("Roots"))), jen.Lit(lower), jen.Id("data")),
			)),
		)
		f.Line()
	}
	f.Add(comment("fuzzSeeds adds the documented samples of a format, each with its root's index."))
	f.Func().Id("fuzzSeeds").Params(jen.Id("f").Op("*").Qual("testing", "F"), jen.Id("format").String()).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("documentedSamples")).Block(
			jen.For(jen.List(jen.Id("i"), jen.Id("r")).Op(":=").Range().Id("api").Dot("Roots")).Block(
				jen.If(jen.Id("r").Op("==").Id("c").Dot("root").Op("&&").Id("c").Dot("format").Op("==").Id("format")).Block(
					jen.Id("f").Dot("Add").Call(jen.Byte().Parens(jen.Id("i")), jen.Index().Byte().Parens(jen.Id("c").Dot("text"))),
				),
			),
		),
		jen.Id("f").Dot("Add").Call(jen.Byte().Parens(jen.Lit(0)), jen.Index().Byte().Parens(jen.Lit(""))),
	)
	f.Line()
	f.Add(comment("fuzzRoundTrip checks that what decodes encodes, and that encode → decode → encode keeps every byte."))
	f.Func().Id("fuzzRoundTrip").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("root").Op("*").Qual(pkgRT, "Root"), jen.Id("format").String(), jen.Id("data").Index().Byte()).Block(
		jen.List(jen.Id("b1"), jen.Id("decErr"), jen.Id("encErr")).Op(":=").Id("api").Dot("Reencode").Call(jen.Id("root"), jen.Id("format"), jen.Id("data")),
		jen.If(jen.Id("decErr").Op("!=").Nil()).Block(jen.Return()),
		jen.If(jen.Id("encErr").Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("a decoded value does not encode: %v"), jen.Id("encErr"))),
		jen.List(jen.Id("b2"), jen.Id("decErr"), jen.Id("encErr")).Op(":=").Id("api").Dot("Reencode").Call(jen.Id("root"), jen.Id("format"), jen.Id("b1")),
		jen.If(jen.Id("decErr").Op("!=").Nil().Op("||").Id("encErr").Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("our own output does not decode: %v %v\n%s"), jen.Id("decErr"), jen.Id("encErr"), jen.Id("b1"))),
		jen.If(jen.String().Parens(jen.Id("b1")).Op("!=").String().Parens(jen.Id("b2"))).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("encode → decode → encode changed the value:\n%s\n%s"), jen.Id("b1"), jen.Id("b2")),
		),
	)
	return nil
}
