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
				if clash := formClash(op.Body.Type, map[*Type]bool{}); clash != "" {
					fields = append(fields, kv{"formClash", jen.Lit(clash)})
				} else if hasObject(op.Body.Type, map[*Type]bool{}) {
					fields = append(fields, kv{"formSkip", jen.Lit("the body holds Objects, which a form cannot carry (Web API's binder drops them)")})
				} else if field := formFields(op.Body.Type, map[*Type]bool{}); field != "" {
					fields = append(fields, kv{"formField", jen.Lit(field)})
				}
			}
			fields = append(fields, kv{"call", jen.Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("c").Op("*").Id("Client"), jen.Id("in").Op("*").Id("rtIn")).Params(jen.Any(), jen.Error()).Block(callWith(op, "c"))})
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
			{"testing", "Short"}, {"time", "Date"}, {pkgUUID, "MustParse"},
		} {
			g.Id("_").Op("=").Qual(q[0], q[1])
		}
		g.Id("_").Qual("unsafe", "Pointer")
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
	op                *rtOp
	request, response string // the documented samples sent and answered
	formClash         string // why no form can carry the body, if so
	formField         string // a member form binding does not set, which the form writer refuses
	xmlSkip           string // why XML cannot carry the documented samples, if so
	formSkip          string // why a form cannot carry the body, if so
	call              func(ctx context.Context, c *Client, in *rtIn) (any, error)
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
					in, sent := e2eRequest(t, format, tc)
					svc.got = nil
					resp, err := tc.call(context.Background(), c, in)
					if err != nil {
						t.Fatal(err)
					}
					if !e2eSame(reflect.ValueOf(svc.got), reflect.ValueOf(sent)) {
						t.Errorf("the server decoded\n%s\nwant\n%s", e2eDump(svc.got), e2eDump(sent))
					}
					if tc.op.Response != nil {
						want := e2eRoundTrip(t, format, tc.op.Response, e2eValue(t, tc.op.Response, tc.response), false)
						if !e2eSame(reflect.ValueOf(resp), want.Elem()) {
							t.Errorf("the client decoded\n%s\nwant\n%s", e2eDump(resp), e2eDump(want.Elem().Interface()))
						}
					}
				})
			}
		})
	}
}

// e2eRequest is what a test case sends (path values, params, body) and
// what the server should decode: the same, with the body as a trip
// through the format leaves it (a JSON-only member is lost in XML).
func e2eRequest(t *testing.T, format Format, tc e2eCase) (*rtIn, []any) {
	api.ready()
	op := tc.op
	in := &rtIn{op: op, path: make([]any, len(op.path))}
	var sent []any
	for i, p := range op.path {
		in.path[i] = e2eSample(p.codec).Interface()
		sent = append(sent, in.path[i])
	}
	params := reflect.New(op.paramsType)
	for _, p := range op.query {
		reflect.NewAt(p.typ, unsafe.Add(params.UnsafePointer(), p.off)).Elem().Set(e2eSample(p.codec))
	}
	in.Params = params.Interface()
	sent = append(sent, in.Params)
	if op.Body != nil {
		body := e2eValue(t, op.Body, tc.request)
		in.Body = body.Elem().Interface()
		sent = append(sent, e2eRoundTrip(t, format, op.Body, body, true).Elem().Interface())
	}
	return in, sent
}

// e2eAnswer is an operation's documented response sample, decoded anew
// on every call.
func e2eAnswer[T any](op *rtOp) (T, error) {
	var v T
	for _, tc := range e2eCases {
		if tc.op == op {
			reflect.ValueOf(&v).Elem().Set(e2eValue(nil, op.Response, tc.response).Elem())
		}
	}
	return v, nil
}

// e2eValue decodes the documented sample name as a value of root (a
// pointer to it); with no sample, a struct is empty and anything else zero.
func e2eValue(t *testing.T, root *rtRoot, name string) reflect.Value {
	api.ready()
	v := reflect.New(root.goType.Elem())
	if name == "" {
		if root.codec.kind == rtKContract {
			v.Elem().Set(reflect.New(root.codec.contract.typ))
		}
		return v
	}
	var err error
	if strings.HasSuffix(name, "/XML") {
		err = rtXMLDecodeDoc(documentedSample(name), root.codec, v.UnsafePointer())
	} else {
		err = rtJSONDecodeDoc(documentedSample(name), root.codec, v.UnsafePointer())
	}
	if err != nil {
		if t == nil {
			panic(err)
		}
		t.Fatalf("documented sample %s: %v", name, err)
	}
	return v
}

// e2eRoundTrip encodes and decodes the value v points to in the format a
// request (or response) uses; it returns a pointer to the result.
func e2eRoundTrip(t *testing.T, format Format, root *rtRoot, v reflect.Value, request bool) reflect.Value {
	out := reflect.New(root.goType.Elem())
	p, q := v.UnsafePointer(), out.UnsafePointer()
	var err error
	switch {
	case format == FormatXML:
		var doc []byte
		if doc, err = rtXMLAppendDoc(nil, root.codec, p); err == nil {
			err = rtXMLDecodeDoc(doc, root.codec, q)
		}
	case format == FormatForm && request:
		var form []byte
		// An empty form is no value: Web API binds null, as the server does.
		if form, err = rtFormAppendDoc(nil, root.codec, p); err == nil && len(form) > 0 {
			err = rtFormDecodeDoc(form, root.codec, q)
		}
	default:
		dates := api.Dates
		if request {
			dates = api.ClientDates
		}
		err = rtJSONDecodeDoc(rtJSONAppend(nil, root.codec, p, dates), root.codec, q)
	}
	if err != nil {
		t.Fatalf("round trip: %v", err)
	}
	return out
}

// e2eSample is a value of c's type for a URI parameter, chosen to exercise
// escaping and parsing.
func e2eSample(c *rtCodec) reflect.Value {
	v := reflect.New(c.typ).Elem()
	p := v.Addr().UnsafePointer()
	switch c.kind {
	case rtKNullable:
		v.Set(reflect.New(c.elem.typ))
		v.Elem().Set(e2eSample(c.elem))
	case rtKList:
		v.Set(reflect.Append(v, e2eSample(c.elem)))
	case rtKString:
		s := "a b;c?d&e=f%é"
		if c.value {
			v.SetString(s)
		} else {
			v.Set(reflect.ValueOf(&s))
		}
	case rtKInt, rtKUint:
		rtStoreInt(p, c.size, 42)
	case rtKFloat32, rtKFloat64:
		v.SetFloat(1.5)
	case rtKBool:
		v.SetBool(true)
	case rtKDecimal:
		*(*Decimal)(p) = DecimalFromInt(1250)
	case rtKDateTime:
		*(*DateTime)(p) = DateTime{Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Kind: DateTimeUtc}
	case rtKDateTimeOffset:
		*(*time.Time)(p) = time.Date(2025, 1, 2, 3, 4, 5, 0, time.FixedZone("", 7200))
	case rtKTimeSpan:
		*(*TimeSpan)(p) = TimeSpanOf(90 * time.Minute)
	case rtKGUID:
		*(*uuid.UUID)(p) = uuid.MustParse("6a9e0997-1a57-42fa-939e-563024574417")
	case rtKChar:
		*(*rune)(p) = 'x'
	case rtKBytes:
		*(*[]byte)(p) = []byte{1, 2}
	case rtKEnum:
		if n := len(c.enum.Values); n > 0 {
			rtStoreInt(p, c.size, c.enum.Values[n-1].Value)
		}
	}
	return v
}

// e2eSame compares decoded values: DateTime and DateTimeOffset by instant (the form binder
// turns zoned DateTimes into server-local ones, as Web API does), nil and empty collections alike
// (a form cannot tell them apart), everything else exactly.
func e2eSame(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Kind() == reflect.Interface {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return e2eSame(a.Elem(), b.Elem())
	}
	if b.Kind() == reflect.Interface && !b.IsNil() {
		b = b.Elem()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch v := a.Interface().(type) {
	case DateTime:
		return v.Time.Equal(b.Interface().(DateTime).Time)
	case time.Time:
		return v.Equal(b.Interface().(time.Time))
	case Decimal:
		return v.Equal(b.Interface().(Decimal))
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return e2eSame(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !e2eSame(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !e2eSame(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if !e2eSame(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
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
func formClash(g *GoType, seen map[*Type]bool) string {
	switch g.Kind {
	case spec.RefList, spec.RefNullable, spec.RefDict:
		return formClash(g.Elem, seen)
	case spec.RefNamed:
		t := g.Named
		if t.IsEnum() || seen[t] {
			return ""
		}
		seen[t] = true
		keys := map[string]string{}
		for _, fl := range t.Fields {
			k := strings.ToLower(formName(fl))
			if other, ok := keys[k]; ok {
				return t.GoName + "." + other + " and " + t.GoName + "." + formName(fl)
			}
			keys[k] = formName(fl)
		}
		for _, fl := range t.Fields {
			if c := formClash(fl.Type, seen); c != "" {
				return c
			}
		}
	}
	return ""
}
