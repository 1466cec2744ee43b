package openapi

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/helpgen/helpgen/spec"
)

func TestOperationIDs(t *testing.T) {
	e := func(method, route string) *spec.Endpoint {
		return &spec.Endpoint{ID: method + "-" + route, Method: method, Route: route}
	}
	eps := []*spec.Endpoint{
		e("POST", "api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send"),
		e("GET", "api/v2/{practiceId}/patients/{patientId}"),
		e("GET", "api/v2/{practiceId}/patients"),
		e("GET", "api/V1.1/patient-notes/{id:int}"),
		e("GET", "api/v1/{tenant}/items/{id}"),
		e("GET", "api/v1/items/{id}"),
		e("GET", "api/v1/a/{x}"),
		e("GET", "api/v2/a/{x}"),
		e("DELETE", "/orders/{*rest}"),
	}
	got := operationIDs(sortedEndpoints(&spec.Spec{Endpoints: eps}))
	want := []string{
		"postClinicalEncountersFollowupSend",
		"getPatientsByPatientId",
		"getPatients",
		"getPatientNotesById",
		"getItemsByIdByTenant",
		"getItemsById",
		"getAByX",
		"getAByX2",
		"deleteOrdersByRest",
	}
	for i, ep := range eps {
		if got[ep] != want[i] {
			t.Errorf("%s %s: %q, want %q", ep.Method, ep.Route, got[ep], want[i])
		}
	}
}

func TestCleanRoute(t *testing.T) {
	for in, want := range map[string]string{
		"api/v1/orders/{id:int}":         "/api/v1/orders/{id}",
		"api/v1/orders/{id?}":            "/api/v1/orders/{id}",
		"/api/files/{*path}":             "/api/files/{path}",
		"api/v1/x/{id:range(1,9)}/{y=3}": "/api/v1/x/{id}/{y}",
		"":                               "/",
	} {
		if got := cleanRoute(in); got != want {
			t.Errorf("cleanRoute(%q) = %q, want %q", in, got, want)
		}
	}
}

var componentName = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

func TestSchemaNames(t *testing.T) {
	s := &spec.Spec{Types: []*spec.Type{
		{Name: "A.B.Widget", Kind: spec.KindComplex},
		{Name: "A.C.Widget", Kind: spec.KindComplex},
		{Name: "D.C.Widget", Kind: spec.KindComplex},
		{Name: "Widget", Kind: spec.KindComplex, XML: &spec.XMLName{Name: "Widget", Namespace: "http://x.example/parts/v1"}},
		{Name: "Ns.Result<list<Ns.Widget2>>", Kind: spec.KindComplex,
			Generic: &spec.GenericInstance{Definition: "Ns.Result<T>", Args: []string{"list<Ns.Widget2>"}}},
		{Name: "Ns.Result<T>", Kind: spec.KindComplex, TypeParams: []string{"T"}},
		{Name: "Ns.Widget2", Kind: spec.KindComplex},
		{Name: "Ns.Outer+Inner", Kind: spec.KindComplex},
		{Name: "Ns.Ünïcode_Name", Kind: spec.KindComplex},
	}}
	x := &exporter{s: s, types: s.TypeMap(), names: map[string]string{}}
	x.nameSchemas()
	want := map[string]string{
		"A.B.Widget":                  "BWidget",
		"A.C.Widget":                  "CWidget",
		"D.C.Widget":                  "DCWidget",
		"Widget":                      "PartsWidget",
		"Ns.Result<list<Ns.Widget2>>": "ResultOfListOfWidget2",
		"Ns.Widget2":                  "Widget2",
		"Ns.Outer+Inner":              "Inner",
		"Ns.Ünïcode_Name":             "NCodeName",
	}
	for n, w := range want {
		if got := x.names[n]; got != w {
			t.Errorf("%s: %q, want %q", n, got, w)
		}
		if !componentName.MatchString(x.names[n]) {
			t.Errorf("%s: %q is not a valid component name", n, x.names[n])
		}
	}
	if _, ok := x.names["Ns.Result<T>"]; ok {
		t.Error("generic definition named")
	}
}

func TestContractNames(t *testing.T) {
	x := &exporter{types: map[string]*spec.Type{}}
	for ref, want := range map[string]string{
		// Verified against DCS (see the reference, section 3).
		"dict<string,list<string>>": "ArrayOfKeyValueOfstringArrayOfstringty7Ep6D1",
		"list<string>":              "ArrayOfstring",
		"list<nullable<int>>":       "ArrayOfint",
		"guid":                      "guid",
	} {
		if got, _ := x.contract(spec.MustParseRef(ref)); got != want {
			t.Errorf("%s: %q, want %q", ref, got, want)
		}
	}
}

func TestYAMLScalars(t *testing.T) {
	for in, want := range map[string]string{
		"plain":              "plain",
		"Two words":          "Two words",
		"/api/v1/{id}":       "/api/v1/{id}",
		"$ref":               "$ref",
		"":                   `""`,
		"yes":                `"yes"`,
		"Off":                `"Off"`,
		"null":               `"null"`,
		"200":                `"200"`,
		"1.0":                `"1.0"`,
		"a: b":               `"a: b"`,
		"a #b":               `"a #b"`,
		"-x":                 `"-x"`,
		"trailing ":          `"trailing "`,
		"line\nbreak":        `"line\nbreak"`,
		"http://x/y":         `"http://x/y"`,
		`say "hi"`:           `"say \"hi\""`,
		"#/components/x":     `"#/components/x"`,
		"*star":              `"*star"`,
		"tab\tin":            `"tab\tin"`,
		"ünïcode":            `"ünïcode"`,
		"<T>":                `"<T>"`,
		"application/json":   "application/json",
		"x-enum-varnames":    "x-enum-varnames",
		"ends with colon:":   `"ends with colon:"`,
		"{braced}":           `"{braced}"`,
		"a, b":               "a, b",
		"RoundtripKind":      "RoundtripKind",
		"yyyy-MM-ddTHH:mm:s": `"yyyy-MM-ddTHH:mm:s"`,
	} {
		if got := yamlString(in); got != want {
			t.Errorf("yamlString(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestYAMLShapes round-trips awkward shapes through kin-openapi's YAML
// reader: empty maps and lists, lists of lists, lists of maps whose first
// value is a list.
func TestYAMLShapes(t *testing.T) {
	doc := newObj().set("openapi", "3.0.3").
		set("info", newObj().set("title", "t").set("version", "1").set("x-empty", newObj()).set("x-none", []any{})).
		set("paths", newObj()).
		set("x-nested", []any{[]any{1, "a"}, []any{}, newObj().set("k", []any{true, number("1.5")}).set("j", newObj()), newObj()})
	y, _ := render(doc, "yaml")
	j, _ := render(doc, "json")
	dy, err := openapi3.NewLoader().LoadFromData(y)
	if err != nil {
		t.Fatalf("%v\n%s", err, y)
	}
	dj, err := openapi3.NewLoader().LoadFromData(j)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := canonicalJSON(t, dy), canonicalJSON(t, dj); a != b {
		t.Fatalf("YAML and JSON differ:\n%s\n%s\n%s", a, b, y)
	}
}

// TestValidatorIsStrict makes sure validate would catch a broken export.
func TestValidatorIsStrict(t *testing.T) {
	data := export(t, seed(t), "json")
	for _, breakIt := range []func(string) string{
		func(s string) string { return strings.Replace(s, `"description": "OK"`, `"x-gone": "OK"`, 1) },
		func(s string) string {
			return strings.Replace(s, `"name": "encounterId"`, `"name": "encounter"`, 1)
		},
		func(s string) string {
			return strings.Replace(s, `#/components/schemas/RestApiLink`, `#/components/schemas/Nope`, 1)
		},
	} {
		broken := breakIt(string(data))
		if broken == string(data) {
			t.Fatal("mutation did not apply")
		}
		doc, err := openapi3.NewLoader().LoadFromData([]byte(broken))
		if err == nil {
			err = doc.Validate(context.Background())
		}
		if err == nil {
			t.Errorf("a broken document validated")
		}
	}
}

func TestCodegenProfile(t *testing.T) {
	data, err := ExportWith(richSpec(t), Options{Format: "json", Codegen: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := validate(t, data)
	post := doc.Paths.Find("/api/v1/orders").Post
	if got := keys(post.RequestBody.Value.Content); len(got) != 2 || post.RequestBody.Value.Content["text/json"] != nil {
		t.Errorf("nested body media types = %v, want application/json and application/xml", got)
	}
	// The seed body nests an object: no form in the profile, deepObject
	// encoding without it.
	s := seed(t)
	full := validate(t, export(t, s, "json"))
	op := full.Paths.Find("/api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send").Post
	form := op.RequestBody.Value.Content["application/x-www-form-urlencoded"]
	if form == nil || form.Encoding["PatientCommunication"] == nil || form.Encoding["PatientCommunication"].Style != "deepObject" {
		t.Errorf("form encoding = %+v", form)
	}
	// A flat body keeps its form media type in the profile.
	flat := seed(t)
	flat.Endpoints[0].Body.Type = typ(flat, "RestApiLink")
	data, err = ExportWith(flat, Options{Format: "json", Codegen: true})
	if err != nil {
		t.Fatal(err)
	}
	op = validate(t, data).Paths.Find("/api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send").Post
	if op.RequestBody.Value.Content["application/x-www-form-urlencoded"] == nil {
		t.Error("flat form body dropped")
	}
	// A body that is not an object (a string, which Web API reads from
	// "=value") has no form in the profile: ogen refuses such a schema.
	for _, body := range []string{"string", "list<string>"} {
		str := seed(t)
		str.Endpoints[0].Body.Type = body
		data, err = ExportWith(str, Options{Format: "json", Codegen: true})
		if err != nil {
			t.Fatal(err)
		}
		content := validate(t, data).Paths.Find("/api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send").Post.RequestBody.Value.Content
		if content["application/x-www-form-urlencoded"] != nil || content["application/json"] == nil {
			t.Errorf("%s body: media types %v, want JSON and XML but no form", body, keys(content))
		}
	}
}

func typ(s *spec.Spec, simple string) string {
	for _, t := range s.Types {
		if lastSegment(t.Name) == simple {
			return t.Name
		}
	}
	panic(simple)
}

func TestExportErrors(t *testing.T) {
	if _, err := Export(seed(t), "xml"); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Export(nil, "json"); err == nil {
		t.Error("nil spec accepted")
	}
	s := seed(t)
	s.Endpoints[0].Params[0].Name = "tenant"
	if _, err := Export(s, "json"); err == nil || !strings.Contains(err.Error(), "not in the route") {
		t.Errorf("path parameter missing from the route: %v", err)
	}
}
