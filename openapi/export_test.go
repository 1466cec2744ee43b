package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/helpgen/helpgen/spec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func seed(t testing.TB) *spec.Spec {
	t.Helper()
	data, err := os.ReadFile("testdata/seed.spec.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func export(t testing.TB, s *spec.Spec, format string) []byte {
	t.Helper()
	data, err := Export(s, format)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// validate loads a document with kin-openapi and validates it with the
// checks that are off by default turned on (formats, patterns, defaults).
func validate(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		t.Fatalf("load: %v\n%s", err, data)
	}
	if err := doc.Validate(context.Background(),
		openapi3.EnableSchemaFormatValidation(),
		openapi3.EnableSchemaPatternValidation(),
		openapi3.EnableSchemaDefaultsValidation(),
		openapi3.EnableExamplesValidation(),
	); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return doc
}

func canonicalJSON(t *testing.T, doc *openapi3.T) string {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestExportValidates(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    func(testing.TB) *spec.Spec
	}{{"seed", seed}, {"rich", richSpec}, {"clinic", clinicSpec}} {
		t.Run(tc.name, func(t *testing.T) {
			j := validate(t, export(t, tc.s(t), "json"))
			y := validate(t, export(t, tc.s(t), "yaml"))
			// The YAML emitter is ours: it must say exactly what the JSON says.
			if canonicalJSON(t, j) != canonicalJSON(t, y) {
				t.Fatalf("JSON and YAML exports differ")
			}
		})
	}
}

func TestExportGolden(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		s            func(testing.TB) *spec.Spec
	}{
		{"seed.openapi.json", "json", seed},
		{"seed.openapi.yaml", "yaml", seed},
		{"rich.openapi.yaml", "yaml", richSpec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := export(t, tc.s(t), tc.format)
			if again := export(t, tc.s(t), tc.format); !bytes.Equal(got, again) {
				t.Fatal("export is not deterministic")
			}
			golden(t, tc.name, got)
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./openapi -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./openapi -update to accept)", p)
	}
}

// TestExportRichFacts checks the mapping rules on the loaded document, so a
// rule change shows up as a named failure rather than only a golden diff.
func TestExportRichFacts(t *testing.T) {
	doc := validate(t, export(t, richSpec(t), "json"))
	sch := doc.Components.Schemas

	for _, n := range []string{"OrdersOrder", "BillingOrder", "OrderLine", "OrderStatus", "Permissions",
		"EntityBase", "ApiResultOfOrder", "ApiResultOfListOfOrder"} {
		if sch[n] == nil {
			t.Errorf("no schema %s (have %v)", n, keys(sch))
		}
	}
	if sch["ApiResult"] != nil || sch["ApiResultOfT"] != nil {
		t.Error("generic definition exported")
	}

	order := sch["OrdersOrder"].Value
	if x := order.XML; x == nil || x.Name != "Order" || x.Namespace != nsOrders {
		t.Errorf("Order xml = %+v", order.XML)
	}
	id := order.Properties["Id"].Value
	if x := id.XML; x == nil || x.Namespace != nsCommon || x.Prefix != "common" {
		t.Errorf("inherited Id xml = %+v", id.XML)
	}
	if order.Extensions["x-dotnet-base"] != "EntityBase" {
		t.Errorf("x-dotnet-base = %v", order.Extensions["x-dotnet-base"])
	}
	num := order.Properties["Number"].Value
	if num.MaxLength == nil || *num.MaxLength != 20 || num.MinLength != 1 || num.Pattern != `^[A-Z]{2}-\d+$` || num.Description == "" {
		t.Errorf("Number = max %v min %v pattern %q", num.MaxLength, num.MinLength, num.Pattern)
	}
	if !contains(order.Required, "Number") {
		t.Errorf("required = %v", order.Required)
	}
	ref := order.Properties["Reference"].Value
	if ref.Pattern != "" || ref.Extensions["x-dotnet-pattern"] != `^(?!X)\w+$` {
		t.Errorf("RE2-incompatible pattern: pattern %q, extensions %v", ref.Pattern, ref.Extensions)
	}
	prev := order.Properties["PreviousStatus"].Value
	if !prev.Nullable || len(prev.AllOf) != 1 || prev.AllOf[0].Ref != "#/components/schemas/OrderStatus" {
		t.Errorf("nullable enum = %+v", prev)
	}
	if st := order.Properties["Status"]; st.Value.Nullable {
		t.Error("enum member is nullable")
	}
	if d := order.Properties["Discount"].Value; !d.Nullable || d.Min == nil || *d.Max != 100 || d.Extensions["x-dotnet-type"] != "decimal" {
		t.Errorf("Discount = %+v", d)
	}
	if l := order.Properties["Lines"].Value; l.XML == nil || !l.XML.Wrapped || l.MaxItems == nil || *l.MaxItems != 50 || !l.Nullable {
		t.Errorf("Lines = %+v", l)
	}
	mx := order.Properties["Matrix"].Value
	if it := mx.Items.Value; it.XML == nil || it.XML.Name != "ArrayOfint" || it.XML.Namespace != spec.NSArrays ||
		it.Items.Value.XML == nil || it.Items.Value.XML.Name != "int" {
		t.Errorf("Matrix items = %+v", mx.Items.Value)
	}
	if c := order.Properties["Counts"].Value; c.AdditionalProperties.Schema == nil || c.Extensions["x-dotnet-key-type"] != "int" {
		t.Errorf("Counts = %+v", c)
	}
	if order.Properties["Internal"].Value.Extensions["x-xml-only"] != true {
		t.Error("XML-only member not marked")
	}
	if order.Properties["Summary"].Value.Extensions["x-json-only"] != true {
		t.Error("JSON-only member not marked")
	}
	for name, want := range map[string][2]string{
		"Attachment": {"string", "byte"}, "Timeout": {"string", ""}, "Homepage": {"string", "uri"},
		"Placed": {"string", "date-time"}, "Small": {"integer", "int32"}, "Total": {"integer", "int64"},
		"Ratio": {"number", "double"}, "Weight": {"number", "float"}, "Id": {"string", "uuid"}, "Created": {"string", "date-time"},
	} {
		p := order.Properties[name].Value
		if p.Type == nil || !p.Type.Is(want[0]) || p.Format != want[1] {
			t.Errorf("%s: type %v format %q, want %v", name, p.Type, p.Format, want)
		}
	}
	if c := order.Properties["Code"].Value; c.MaxLength == nil || *c.MaxLength != 1 {
		t.Errorf("char = %+v", c)
	}
	if ts := order.Properties["Timeout"].Value; ts.Extensions["x-dotnet-type"] != "TimeSpan" {
		t.Errorf("TimeSpan = %+v", ts.Extensions)
	}

	stat := sch["OrderStatus"].Value
	if len(stat.Enum) != 3 {
		t.Errorf("enum = %v (aliases must collapse)", stat.Enum)
	}
	if w, _ := stat.Extensions["x-enum-wire"].([]any); len(w) != 3 || w[1] != "shipped" {
		t.Errorf("x-enum-wire = %v", stat.Extensions["x-enum-wire"])
	}
	if n, _ := stat.Extensions["x-enum-varnames"].([]any); len(n) != 3 || n[2] != "Cancelled" {
		t.Errorf("x-enum-varnames = %v", stat.Extensions["x-enum-varnames"])
	}
	perm := sch["Permissions"].Value
	if perm.Enum != nil || perm.Extensions["x-enum-flags"] != true || perm.Format != "int64" {
		t.Errorf("flags enum = %+v", perm)
	}
	if r := sch["ApiResultOfOrder"].Value.XML; r == nil || !strings.HasPrefix(r.Name, "ApiResultOfOrder") {
		t.Errorf("generic instance xml = %+v", r)
	}

	ops := map[string]*openapi3.Operation{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			ops[op.OperationID] = op
		}
	}
	wantIDs := []string{"getOrdersById", "getOrders", "postOrders", "deleteOrdersByOrderId", "putOrdersLinesByLineNo",
		"getBillingOrdersById", "getOrdersCount", "getOrdersLines", "getOrdersGrants", "getItemsByIdByTenant", "getItemsById",
		"getThingsByThingId", "putThingsById"}
	for _, id := range wantIDs {
		if ops[id] == nil {
			t.Errorf("no operation %s (have %v)", id, keys(ops))
		}
	}
	if len(ops) != len(wantIDs) {
		t.Errorf("operations %v, want %v", keys(ops), wantIDs)
	}
	if p := doc.Paths.Find("/api/v1/orders/{orderId}"); p == nil || p.Delete == nil || p.Delete.Responses.Value("204") == nil {
		t.Error("DELETE with a route constraint: no 204 at /api/v1/orders/{orderId}")
	}
	things := doc.Paths.Find("/api/v1/things/{thingId}")
	if things == nil || things.Put == nil || things.Put.Parameters[0].Value.Name != "thingId" {
		t.Error("PUT things/{id} not merged into things/{thingId}")
	}
	if doc.Extensions["x-helpgen-skipped"] == nil {
		t.Error("MERGE endpoint not reported as skipped")
	}
	list := ops["getOrders"]
	for _, p := range list.Parameters {
		v := p.Value
		switch v.Name {
		case "status":
			if s := v.Schema.Value; s.Default != float64(0) {
				t.Errorf("enum default = %v (%T)", s.Default, s.Default)
			}
		case "page":
			if s := v.Schema.Value; s.Default != float64(1) || *s.Max != 100 {
				t.Errorf("page = %+v", s)
			}
		case "since":
			if !v.Required || !v.Schema.Value.Nullable {
				t.Errorf("since = %+v", v)
			}
		}
	}
	lines := ops["getOrdersLines"].Responses.Value("200").Value.Content["application/xml"].Schema.Value
	if lines.XML == nil || lines.XML.Name != "ArrayOfOrderLine" || lines.XML.Namespace != nsOrders || !lines.XML.Wrapped {
		t.Errorf("list root xml = %+v", lines.XML)
	}
	count := ops["getOrdersCount"].Responses.Value("200").Value.Content["text/xml"].Schema.Value
	if count.XML == nil || count.XML.Name != "int" || count.XML.Namespace != spec.NSSchema {
		t.Errorf("primitive root xml = %+v", count.XML)
	}
	if _, ok := ops["postOrders"].RequestBody.Value.Content["application/x-www-form-urlencoded"]; !ok {
		t.Error("form media type missing")
	}
	if doc.Servers[0].URL != "https://api.acme.example/shop" {
		t.Errorf("servers = %v", doc.Servers[0].URL)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
