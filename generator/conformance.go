package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// sampleCase is one documented sample a root codec must reproduce.
type sampleCase struct {
	name   string // operation/direction/format: the table's stable key
	op     *Op
	dir    string
	root   *Root
	format string // "json" or "xml"
	text   string
}

// conformanceCases are the documented samples with a body or response type
// to decode them as, once each, in operation order (computed once).
func conformanceCases(m *Model) []sampleCase {
	m.samplesOnce.Do(func() { m.sampleCases = findSampleCases(m) })
	return m.sampleCases
}

func findSampleCases(m *Model) []sampleCase {
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
			if isXML == isJSON || isXML && m.Spec.Wire.XMLFormatter == "XmlSerializer" {
				continue // (XmlSerializer XML is not what the DCS codec writes)
			}
			format := "json"
			if isXML {
				format = "xml"
			}
			name := fmt.Sprintf("%s/%s/%s", op.GoName, s.Direction, strings.ToUpper(format))
			key := root.Name + "\x00" + s.Text // map keys hash the text; no copy is made
			if seen[key] || seen[name] {
				continue
			}
			seen[key], seen[name] = true, true
			cases = append(cases, sampleCase{name: name, op: op, dir: s.Direction, root: root, format: format, text: s.Text})
		}
	}
	return cases
}

// emitSamples writes the documented samples as one table, keyed by
// operation, direction and format: the generated tests read them from it.
func emitSamples(m *Model, f *jen.File) error {
	cases := conformanceCases(m)
	f.Add(comment("documentedSamples are the samples of the Help Pages, as written there, with the body or\nresponse type they show."))
	f.Var().Id("documentedSamples").Op("=").Index().Struct(
		jen.Id("name").String(),
		jen.Id("root").Op("*").Qual(pkgRT, "Root"),
		jen.Id("format").String(),
		jen.Id("text").String(),
	).ValuesFunc(func(g *jen.Group) {
		for _, c := range cases {
			g.Line().Values(jen.Lit(c.name), jen.Op("&").Id(rootVar(c.root)), jen.Lit(c.format), jen.Lit(c.text))
		}
		if len(cases) > 0 {
			g.Line()
		}
	})
	return nil
}

// sampleOf is the documented sample of an operation's request or response
// in the table, preferring JSON; nil when there is none.
func sampleOf(m *Model, op *Op, dir string) *sampleCase {
	var found *sampleCase
	cases := conformanceCases(m)
	for i := range cases {
		c := &cases[i]
		if c.op == op && c.dir == dir && (found == nil || c.format == "json" && found.format != "json") {
			found = c
		}
	}
	return found
}

// emitConformance writes a test into the generated package: every
// documented sample, without the Help Page's indentation (as a server sends
// it), decodes, and encoding the result gives it back byte for byte (JSON
// compacted).
func emitConformance(m *Model, f *jen.File) error {
	f.Add(comment("TestDocumentedSamples decodes every sample on the Help Pages and encodes it again."))
	f.Func().Id("TestDocumentedSamples").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.If(jen.Len(jen.Id("documentedSamples")).Op("==").Lit(0)).Block(jen.Id("t").Dot("Skip").Call(jen.Lit("the Help Pages document no samples"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("documentedSamples")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Id("want").Op(":=").Id("conformanceWant").Call(jen.Id("t"), jen.Id("c").Dot("format"), jen.Id("c").Dot("text")),
				comment("JSON is read as documented (its references resolved on reading); XML as a server\nsends it, without the Help Page's indentation, which a raw value (Object) would\notherwise keep as its content."),
				jen.Id("in").Op(":=").Id("want"),
				jen.If(jen.Id("c").Dot("format").Op("==").Lit("json")).Block(jen.Id("in").Op("=").Id("c").Dot("text")),
				jen.List(jen.Id("got"), jen.Id("decErr"), jen.Id("encErr")).Op(":=").Id("api").Dot("Reencode").Call(jen.Id("c").Dot("root"), jen.Id("c").Dot("format"), jen.Index().Byte().Parens(jen.Id("in"))),
				jen.If(jen.Id("decErr").Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("decode: %v"), jen.Id("decErr"))),
				jen.If(jen.Id("encErr").Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("encode: %v"), jen.Id("encErr"))),
				jen.If(jen.String().Parens(jen.Id("got")).Op("!=").Id("want")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("re-encoded sample differs\n got: %s\nwant: %s"), jen.Id("got"), jen.Id("want")),
				),
			)),
		),
	)
	f.Line()
	f.Add(comment("documentedSample is the text of the sample called name."))
	f.Func().Id("documentedSample").Params(jen.Id("name").String()).Index().Byte().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("documentedSamples")).Block(
			jen.If(jen.Id("c").Dot("name").Op("==").Id("name")).Block(jen.Return(jen.Index().Byte().Parens(jen.Id("c").Dot("text")))),
		),
		jen.Panic(jen.Lit("no documented sample ").Op("+").Id("name")),
	)
	f.Line()
	f.Add(comment("conformanceWant is a sample as the codecs write it: JSON compacted, Json.NET's object references\n($id, $ref, $values) expanded; XML without the whitespace the Help Page puts between elements."))
	f.Func().Id("conformanceWant").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.List(jen.Id("format"), jen.Id("s")).String()).String().Block(
		jen.If(jen.Id("format").Op("==").Lit("json")).Block(
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(pkgRT, "ExpandJSONReferences").Call(jen.Index().Byte().Parens(jen.Id("s"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Fatalf").Call(jen.Lit("sample is not JSON: %v"), jen.Err()),
			),
			jen.Return(jen.String().Parens(jen.Id("b"))),
		),
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
			jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")),
			jen.If(jen.Id("c").Op("==").LitRune('>')).Block(
				comment("Whitespace alone between two tags is layout (a text rendering leaves \"> <\"), not content."),
				jen.Id("j").Op(":=").Id("i").Op("+").Lit(1),
				jen.For(jen.Id("j").Op("<").Len(jen.Id("s")).Op("&&").Qual("strings", "IndexByte").Call(jen.Lit(" \t\r\n"), jen.Id("s").Index(jen.Id("j"))).Op(">=").Lit(0)).Block(jen.Id("j").Op("++")),
				jen.If(jen.Id("j").Op("<").Len(jen.Id("s")).Op("&&").Id("s").Index(jen.Id("j")).Op("==").LitRune('<')).Block(
					jen.Id("b").Dot("WriteByte").Call(jen.Id("c")),
					jen.Id("i").Op("=").Id("j").Op("-").Lit(1),
					jen.Continue(),
				),
			),
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
