package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// Operations are tables too: operations_gen.go describes every endpoint
// (method, route, path and query parameters, body and response types) and
// the runtime's client and server run the descriptors
// (templates/rt/ops.go). The query parameters of an operation travel
// in its params struct, so adding an optional one adds a field: callers and
// Service implementations keep compiling.

func opVar(op *Op) string { return "op" + op.GoName }

// emitOperations writes each operation's params struct and descriptor.
func emitOperations(m *Model, next func() *jen.File) error {
	next() // a file with no operations is still a file
	for _, op := range m.Ops {
		f := next()
		emitParamsStruct(f, op)
		emitOpDescriptor(f, op)
	}
	return nil
}

func emitParamsStruct(f *jen.File, op *Op) {
	doc := op.ParamsName + " are the query parameters of " + op.GoName + "."
	if len(op.QueryParams) == 0 {
		doc += "\nIt has none today: it is there so that parameters added later do not change the method's\nsignature."
	} else {
		doc += "\nA nil *" + op.ParamsName + " sends none; a nil field is left out."
	}
	f.Add(comment(doc))
	f.Type().Id(op.ParamsName).StructFunc(func(g *jen.Group) {
		for _, p := range op.QueryParams {
			var lines []string
			if p.Spec.Doc != "" {
				lines = append(lines, p.Spec.Doc)
			}
			if p.Spec.Required {
				lines = append(lines, "Required.")
			} else if d := p.Spec.Default; d != nil {
				lines = append(lines, "The server's default: "+*d+".")
			}
			if p.Field != p.Spec.Name && !strings.EqualFold(p.Field, p.Spec.Name) {
				lines = append(lines, "Query key "+p.Spec.Name+".")
			}
			if len(lines) > 0 {
				g.Add(comment(strings.Join(lines, "\n")))
			}
			g.Id(p.Field).Add(paramTypeCode(p))
		}
	})
	f.Line()
}

// paramRef is a parameter's type reference as its Go value holds it:
// nullable<T> when the value is a pointer.
func paramRef(p *Param) string {
	if p.Optional {
		return "nullable<" + refString(p.Type) + ">"
	}
	return refString(p.Type)
}

func emitOpDescriptor(f *jen.File, op *Op) {
	e := op.Endpoint
	fields := []kv{
		{"Name", jen.Lit(op.GoName)},
		{"Method", jen.Lit(e.Method)},
		{"Route", jen.Lit(e.Route)},
	}
	if len(op.PathParams) > 0 {
		var ps []jen.Code
		for _, p := range op.PathParams {
			ps = append(ps, oneLine([]kv{
				{"Name", jen.Lit(p.Spec.Name)},
				{"Go", jen.Parens(jen.Op("*").Add(paramTypeCode(p))).Parens(jen.Nil())},
				{"Type", jen.Lit(paramRef(p))},
			}))
		}
		fields = append(fields, kv{"Path", jen.Index().Qual(pkgRT, "Param").ValuesFunc(lines(ps))})
	}
	if len(op.QueryParams) > 0 {
		var ps []jen.Code
		for _, p := range op.QueryParams {
			d := []kv{{"Name", jen.Lit(p.Spec.Name)}}
			if p.Field != p.Spec.Name {
				d = append(d, kv{"Field", jen.Lit(p.Field)})
			}
			d = append(d, kv{"Type", jen.Lit(paramRef(p))})
			if p.Spec.Required {
				d = append(d, kv{"Required", jen.True()})
			}
			ps = append(ps, oneLine(d))
		}
		fields = append(fields, kv{"Query", jen.Index().Qual(pkgRT, "Param").ValuesFunc(lines(ps))})
	}
	fields = append(fields, kv{"Params", jen.Parens(jen.Op("*").Id(op.ParamsName)).Parens(jen.Nil())})
	if op.Body != nil {
		fields = append(fields, kv{"Body", jen.Op("&").Id(rootVar(op.Body))})
		if p := op.Endpoint.BodyParam; p != "" {
			fields = append(fields, kv{"BodyParam", jen.Lit(p)})
		}
	}
	if op.Response != nil {
		fields = append(fields, kv{"Response", jen.Op("&").Id(rootVar(op.Response))})
	}
	f.Add(comment(opVar(op) + " is " + e.Method + " " + e.RelativePath + "."))
	f.Var().Id(opVar(op)).Op("=").Qual(pkgRT, "Op").Add(byLine(fields))
	f.Line()
}

// serviceArgs are the arguments of a client or Service method after ctx:
// the path parameters, the params struct, the body.
func serviceArgs(op *Op) []jen.Code {
	var args []jen.Code
	for _, p := range op.PathParams {
		args = append(args, jen.Id(p.GoName).Add(paramTypeCode(p)))
	}
	args = append(args, jen.Id("params").Op("*").Id(op.ParamsName))
	if op.Body != nil {
		args = append(args, jen.Id("body").Add(GoTypeCode(op.Body.Type)))
	}
	return args
}
