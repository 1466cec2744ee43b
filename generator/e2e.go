package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// emitE2E writes an end-to-end test into the generated package: the
// generated client calls the generated server (over real HTTP on loopback)
// for every endpoint in JSON, XML and form, and every argument and the
// response must arrive intact. It is a table: per endpoint, the call of
// the client method, the documented samples it sends and expects, and the
// Service method that records what the server decoded; the loop and the
// sample values are the same code for every API (e2eSource).
func emitE2E(m *Model, next func() *jen.File) error {
	f := next()
	if !m.hasPart(PartClient) || !m.hasPart(PartServer) || len(m.Ops) == 0 {
		return nil
	}
	f.Add(comment("e2eService records what the server decoded and answers the documented response samples."))
	f.Type().Id("e2eService").StructFunc(func(g *jen.Group) {
		g.Id("got").Index().Any()
	})
	f.Line()
	for _, op := range m.Ops {
		f = next()
		names := []jen.Code{}
		for _, p := range op.PathParams {
			names = append(names, jen.Id(p.GoName))
		}
		names = append(names, jen.Id("params"))
		if op.Body != nil {
			names = append(names, jen.Id("body"))
		}
		f.Func().Params(jen.Id("s").Op("*").Id("e2eService")).Id(op.GoName).Params(serviceMethodParams(op)...).Params(serviceMethodResults(op)...).BlockFunc(func(g *jen.Group) {
			g.Id("s").Dot("got").Op("=").Index().Any().Values(names...)
			if op.Response == nil {
				g.Return(jen.Nil())
				return
			}
			g.Return(jen.Id("e2eAnswer").Types(GoTypeCode(op.Response.Type)).Call(jen.Op("&").Id(opVar(op))))
		})
		f.Line()
	}
	f = next()
	f.Add(comment("e2eCases are the endpoints of TestEndToEnd: the client call, and the documented samples sent and\nexpected (\"\" for none)."))
	f.Var().Id("e2eCases").Op("=").Index().Id("e2eCase").ValuesFunc(func(g *jen.Group) {
		for _, op := range m.Ops {
			fields := []kv{{"op", jen.Op("&").Id(opVar(op))}}
			if c := sampleOf(m, op, "request"); c != nil && op.Body != nil {
				fields = append(fields, kv{"request", jen.Lit(c.name)})
			}
			if c := sampleOf(m, op, "response"); c != nil && op.Response != nil {
				fields = append(fields, kv{"response", jen.Lit(c.name)})
			}
			if why := xmlSkip(m, op); why != "" {
				fields = append(fields, kv{"xmlSkip", jen.Lit(why)})
			}
			if op.Body != nil {
				if clash := formClash(op.Body.Type); clash != "" {
					fields = append(fields, kv{"formClash", jen.Lit(clash)})
				} else if hasObject(op.Body.Type, map[*Type]bool{}) {
					fields = append(fields, kv{"formSkip", jen.Lit("the body holds Objects, which a form cannot carry (Web API's binder drops them)")})
				} else if field := formFields(op.Body.Type); field != "" {
					fields = append(fields, kv{"formField", jen.Lit(field)})
				}
			}
			fields = append(fields, kv{"call", jen.Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("in").Op("*").Qual(pkgRT, "In")).Params(jen.Any(), jen.Error()).Block(callWith(op, "c"))})
			g.Line().Add(byLine(fields))
		}
		g.Line()
	})
	f.Line()
	f.Add(jen.Op(e2eSource))
	f.Line()
	f.Add(comment("The imports of the code above, whatever the rest of the file uses."))
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, q := range [][2]string{
			{"context", "Background"}, {"encoding/json", "MarshalIndent"}, {"fmt", "Sprintf"},
			{"net/http/httptest", "NewServer"}, {"reflect", "ValueOf"}, {"strings", "HasSuffix"},
			{"testing", "Short"}, {pkgRT, "Same"},
		} {
			g.Id("_").Op("=").Qual(q[0], q[1])
		}
	})
	return nil
}

// callWith is an operation's method called on recv with the values of in
// (*rtIn): the Service call of a handler, the client call of a test case.
func callWith(op *Op, recv string) jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range op.PathParams {
		args = append(args, jen.Id("in").Dot("Path").Call(jen.Lit(p.Spec.Name)).Assert(paramTypeCode(p)))
	}
	args = append(args, jen.Id("in").Dot("Params").Assert(jen.Op("*").Id(op.ParamsName)))
	if op.Body != nil {
		args = append(args, jen.Id("in").Dot("Body").Assert(GoTypeCode(op.Body.Type)))
	}
	call := jen.Id(recv).Dot(op.GoName).Call(args...)
	if op.Response == nil {
		return jen.Return(jen.Nil(), call)
	}
	return jen.Return(call)
}

// e2eSource is the part of the end-to-end test that is the same for every
// API: the loop over e2eCases, the values sent, and the comparison.
const e2eSource = `
// e2eCase is one endpoint of TestEndToEnd.
type e2eCase struct {
	op                *rt.Op
	request, response string // the documented samples sent and answered
	formClash         string // why no form can carry the body, if so
	formField         string // a member form binding does not set, which the form writer refuses
	xmlSkip           string // why XML cannot carry the documented samples, if so
	formSkip          string // why a form cannot carry the body, if so
	call              func(ctx context.Context, c *Client, in *rt.In) (any, error)
}

// TestEndToEnd runs every endpoint through the generated client and server in each format.
func TestEndToEnd(t *testing.T) {
	for _, format := range []Format{FormatJSON, FormatXML, FormatForm} {
		t.Run([]string{"JSON", "XML", "Form"}[format], func(t *testing.T) {
			svc := &e2eService{}
			// The documented samples ignore the documented constraints; validation has its own test.
			srv := httptest.NewServer(NewHandler(svc, WithValidation(false)))
			defer srv.Close()
			c, err := NewClient(srv.URL, WithFormat(format))
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range e2eCases {
				t.Run(tc.op.Name, func(t *testing.T) {
					if format == FormatForm && tc.formClash != "" {
						t.Skip("form keys collide ignoring case, as the model binder matches them: " + tc.formClash)
					}
					if format == FormatXML && tc.xmlSkip != "" {
						t.Skip(tc.xmlSkip)
					}
					if format == FormatForm && tc.formSkip != "" {
						t.Skip(tc.formSkip)
					}
					if format == FormatForm && tc.formField != "" {
						t.Skip("the sample sets a member form binding does not set (a public field or non-public member): " + tc.formField)
					}
					sample, isXML := e2eSampleText(tc.request)
					in, sent, err := api.TestRequest(tc.op, format, sample, isXML)
					if err != nil {
						t.Fatal(err)
					}
					svc.got = nil
					resp, err := tc.call(context.Background(), c, in)
					if err != nil {
						t.Fatal(err)
					}
					if !rt.Same(reflect.ValueOf(svc.got), reflect.ValueOf(sent)) {
						t.Errorf("the server decoded\n%s\nwant\n%s", e2eDump(svc.got), e2eDump(sent))
					}
					if tc.op.Response != nil {
						sample, isXML := e2eSampleText(tc.response)
						doc, err := api.TestValue(tc.op.Response, sample, isXML)
						if err != nil {
							t.Fatal(err)
						}
						want, err := api.TestTrip(tc.op.Response, format, doc, false)
						if err != nil {
							t.Fatal(err)
						}
						if !rt.Same(reflect.ValueOf(resp), want.Elem()) {
							t.Errorf("the client decoded\n%s\nwant\n%s", e2eDump(resp), e2eDump(want.Elem().Interface()))
						}
					}
				})
			}
		})
	}
}

// e2eAnswer is an operation's documented response sample, decoded anew
// on every call.
func e2eAnswer[T any](op *rt.Op) (T, error) {
	var v T
	for _, tc := range e2eCases {
		if tc.op == op {
			sample, isXML := e2eSampleText(tc.response)
			doc, err := api.TestValue(op.Response, sample, isXML)
			if err != nil {
				return v, err
			}
			reflect.ValueOf(&v).Elem().Set(doc.Elem())
		}
	}
	return v, nil
}

// e2eSampleText is a documented sample's text and whether it is XML; nil
// for no sample.
func e2eSampleText(name string) ([]byte, bool) {
	if name == "" {
		return nil, false
	}
	return documentedSample(name), strings.HasSuffix(name, "/XML")
}

// e2eDump shows a value in its JSON form for failure messages.
func e2eDump(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}
`

// xmlSkip says why the XML leg of an operation's end-to-end case cannot
// run, or "": the server's formatter is XmlSerializer (the generated codec
// speaks DataContractSerializer), or a body or response holds Objects and
// its documented sample is JSON (DataContractSerializer refuses the values
// read from JSON, as the XML codec does).
func xmlSkip(m *Model, op *Op) string {
	if m.Spec.Wire.XMLFormatter == "XmlSerializer" {
		return "the server's formatter is XmlSerializer, which the generated DataContractSerializer codec does not speak"
	}
	for _, side := range []struct {
		r   *Root
		dir string
	}{{op.Body, "request"}, {op.Response, "response"}} {
		if c := sampleOf(m, op, side.dir); side.r != nil && c != nil && c.format == "json" && hasObject(side.r.Type, map[*Type]bool{}) {
			return "the " + side.dir + " sample is JSON, and XML cannot carry the Objects read from JSON"
		}
	}
	return ""
}

// hasObject reports whether values of g can hold an Object.
func hasObject(g *GoType, seen map[*Type]bool) bool {
	switch g.Kind {
	case spec.RefPrimitive:
		return g.Prim == "anyType"
	case spec.RefNamed:
		t := g.Named
		if t.IsEnum() || seen[t] {
			return false
		}
		seen[t] = true
		for _, f := range t.Fields {
			if hasObject(f.Type, seen) {
				return true
			}
		}
		return false
	case spec.RefList, spec.RefNullable, spec.RefDict, spec.RefPair:
		return hasObject(g.Elem, seen)
	}
	return false
}

// formClash names two members of a type reachable from g whose form keys
// (CLR names) are equal ignoring case: no form can carry both.
func formClash(g *GoType) string {
	return formTypes(g, map[*Type]bool{}, func(t *Type) string {
		keys := map[string]string{}
		for _, fl := range t.Fields {
			k := strings.ToLower(formName(fl))
			if other, ok := keys[k]; ok {
				return t.GoName + "." + other + " and " + t.GoName + "." + formName(fl)
			}
			keys[k] = formName(fl)
		}
		return ""
	})
}
