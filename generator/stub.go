package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// StubFile is the user's implementation file: written once, never again.
const StubFile = "service_impl.go"

// emitStub writes ServiceImpl with one method per endpoint answering 501.
// It carries no "generated" header: it is the user's file from then on,
// so generate never overwrites or deletes it and check only wants it to exist.
func emitStub(m *Model, next func() *jen.File) error {
	f := next()
	f.HeaderComment(commentLines("This file was written once by helpgen generate and is yours to edit: helpgen never\noverwrites it. Methods of endpoints added later come from the embedded UnimplementedService\nuntil you write them (helpgen check lists none of this file's content)."))
	f.Add(comment("ServiceImpl implements Service. Every method answers 501 Not Implemented until written."))
	f.Type().Id("ServiceImpl").Struct(jen.Id("UnimplementedService"))
	f.Line()
	f.Var().Id("_").Id("Service").Op("=").Id("ServiceImpl").Values()
	f.Line()
	for _, op := range m.Ops {
		f = next()
		e := op.Endpoint
		f.Add(comment(op.GoName + " handles " + e.Method + " " + e.RelativePath + "."))
		f.Func().Params(jen.Id("s").Id("ServiceImpl")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).Block(
			comment("TODO: implement."),
			notImplemented(op),
		)
		f.Line()
	}
	return nil
}

// emitSample writes SampleService: every endpoint answers its documented
// response sample (JSON preferred, else XML), for demos and downstream tests.
func emitSample(m *Model, next func() *jen.File) error {
	f := next()
	f.Add(comment("SampleService answers every endpoint with the response sample documented on its Help Page\n(decoded on every call, so callers may modify the result). Endpoints without a sample answer the zero value."))
	f.Type().Id("SampleService").Struct()
	f.Line()
	f.Var().Id("_").Id("Service").Op("=").Id("SampleService").Values()
	f.Line()
	for _, op := range m.Ops {
		f = next()
		e := op.Endpoint
		if op.Response == nil {
			f.Func().Params(jen.Id("SampleService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).Block(jen.Return(jen.Nil()))
			f.Line()
			continue
		}
		var text string
		xml := false
		for _, s := range e.Samples {
			if s.Direction != "response" || s.Kind != "text" || s.Text == "" {
				continue
			}
			mts := strings.Join(s.MediaTypes, " ")
			if strings.Contains(mts, "json") && (text == "" || xml) {
				text, xml = s.Text, false
			} else if strings.Contains(mts, "xml") && text == "" {
				text, xml = s.Text, true
			}
		}
		if text == "" {
			f.Func().Params(jen.Id("SampleService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).BlockFunc(func(g *jen.Group) {
				g.Var().Id("zero").Add(GoTypeCode(op.Response.Type))
				g.Return(jen.Id("zero"), jen.Nil())
			})
			f.Line()
			continue
		}
		decode := "DecodeJSONRoot"
		if xml {
			decode = "DecodeXMLRoot"
		}
		v := "sample" + op.GoName
		f.Add(comment(v + " is the documented response sample of " + op.GoName + "."))
		f.Const().Id(v).Op("=").Lit(text)
		f.Line()
		f.Func().Params(jen.Id("SampleService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).Block(
			// Decoded per call, so callers may change what they get.
			jen.Var().Id("v").Add(GoTypeCode(op.Response.Type)),
			jen.Err().Op(":=").Qual(pkgRT, decode).Call(jen.Id("api"), jen.Index().Byte().Parens(jen.Id(v)), jen.Op("&").Id(rootVar(op.Response)), jen.Op("&").Id("v")),
			jen.Return(jen.Id("v"), jen.Err()),
		)
		f.Line()
	}
	return nil
}
