package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

func init() { register("conformance_gen_test.go", emitConformance) }

// sampleCase is one documented sample a root codec must reproduce.
type sampleCase struct {
	name string
	root *Root
	xml  bool
	text string
}

func conformanceCases(m *Model) []sampleCase {
	var cases []sampleCase
	seen := map[string]bool{}
	for _, op := range m.Ops {
		for _, s := range op.Endpoint.Samples {
			if s.Kind != "text" || s.Text == "" {
				continue
			}
			root := op.Body
			if s.Direction == "response" {
				root = op.Response
			}
			if root == nil {
				continue
			}
			isXML, isJSON := false, false
			for _, mt := range s.MediaTypes {
				isXML = isXML || strings.Contains(mt, "xml")
				isJSON = isJSON || strings.Contains(mt, "json")
			}
			if isXML == isJSON {
				continue
			}
			key := root.Name + "\x00" + s.Text // map keys hash the text; no copy is made
			if seen[key] {
				continue
			}
			seen[key] = true
			format := "JSON"
			if isXML {
				format = "XML"
			}
			cases = append(cases, sampleCase{
				name: fmt.Sprintf("%s/%s/%s", op.GoName, s.Direction, format),
				root: root, xml: isXML, text: s.Text,
			})
		}
	}
	return cases
}

// emitConformance writes a test into the generated package: every
// documented sample decodes, and encoding the result gives the sample back
// (XML byte for byte once the Help Page's indentation is removed; JSON
// equal up to whitespace).
func emitConformance(m *Model, f *jen.File) error {
	cases := conformanceCases(m)
	f.Add(comment("TestDocumentedSamples decodes every sample on the Help Pages and encodes it again."))
	f.Func().Id("TestDocumentedSamples").Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(g *jen.Group) {
		if len(cases) == 0 {
			g.Id("t").Dot("Skip").Call(jen.Lit("the Help Pages document no samples"))
			return
		}
		for _, c := range cases {
			g.Id("t").Dot("Run").Call(jen.Lit(c.name), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(b *jen.Group) {
				b.Id("sample").Op(":=").Add(sampleRef(m, c.text))
				if c.xml {
					b.List(jen.Id("v"), jen.Err()).Op(":=").Id("xmlDecode" + c.root.Name).Call(jen.Index().Byte().Parens(jen.Id("sample")))
					b.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("decode: %v"), jen.Err()))
					b.List(jen.Id("got"), jen.Err()).Op(":=").Id("xmlAppend"+c.root.Name).Call(jen.Nil(), jen.Id("v"))
					b.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("encode: %v"), jen.Err()))
					b.If(jen.List(jen.Id("want")).Op(":=").Id("conformanceUnindentXML").Call(jen.Id("sample")), jen.String().Parens(jen.Id("got")).Op("!=").Id("want")).Block(
						jen.Id("t").Dot("Errorf").Call(jen.Lit("re-encoded XML differs\n got: %s\nwant: %s"), jen.Id("got"), jen.Id("want")),
					)
					return
				}
				b.List(jen.Id("v"), jen.Err()).Op(":=").Id("jsonDecode" + c.root.Name).Call(jen.Index().Byte().Parens(jen.Id("sample")))
				b.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("decode: %v"), jen.Err()))
				b.Id("got").Op(":=").Id("jsonAppend"+c.root.Name).Call(jen.Nil(), jen.Id("v"), jen.Id("jsonDates"))
				b.Var().Id("want").Qual("bytes", "Buffer")
				b.If(jen.Err().Op(":=").Qual("encoding/json", "Compact").Call(jen.Op("&").Id("want"), jen.Index().Byte().Parens(jen.Id("sample"))), jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("sample is not JSON: %v"), jen.Err()),
				)
				b.If(jen.String().Parens(jen.Id("got")).Op("!=").Id("want").Dot("String").Call()).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("re-encoded JSON differs\n got: %s\nwant: %s"), jen.Id("got"), jen.Id("want").Dot("String").Call()),
				)
			}))
		}
	})
	f.Line()
	f.Add(comment("conformanceUnindentXML removes the whitespace the Help Page puts between elements."))
	f.Func().Id("conformanceUnindentXML").Params(jen.Id("s").String()).String().Block(
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")),
			jen.If(jen.Id("c").Op("==").LitRune('\n').Op("||").Id("c").Op("==").LitRune('\r')).Block(
				comment("Drop the line break and the next line's indentation."),
				jen.For(jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("s")).Op("&&").Parens(jen.Id("s").Index(jen.Id("i").Op("+").Lit(1)).Op("==").LitRune(' ').Op("||").Id("s").Index(jen.Id("i").Op("+").Lit(1)).Op("==").LitRune('\t'))).Block(jen.Id("i").Op("++")),
				jen.Continue(),
			),
			jen.Id("b").Dot("WriteByte").Call(jen.Id("c")),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)
	return nil
}
