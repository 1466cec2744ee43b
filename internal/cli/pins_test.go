package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

// What the pages cannot show, pinned in the config: the facts change in the
// spec and the generated code, and are no longer assumed.
func TestConfigPinsUnseenFacts(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join("..", "..", "pages", "dispensary")
	out := filepath.Join(dir, "api")
	config := filepath.Join(dir, "helpgen.json")
	writeFile(t, config, `{"wire": {
  "memberTypes": {
    "StockLevel.OnHand": "long",
    "StockLevel.Reserved": "int",
    "StockLevel.LastDispensedOn": "nullable<dateTime>",
    "StockLevel.SessionId": "guid"
  },
  "paramTypes": {"GET-api-v1-stock-batches-batchNumber.batchNumber": "long"},
  "xmlNamespaces": {"FormularyCategory": "http://contracts.kestrel-dispensary.example/formulary"},
  "xmlNames": {"FormularyCategory": "FormularyCategory"},
  "bodyParameters": {"POST-api-v1-dispenses": "command"},
  "dataMembers": {"DispenseCommand.tenant": {"isRequired": true}},
  "clrNames": {"DispenseCommand.tenant": "TenantCode", "DispenseCommand.notes": "CounsellingNotes"}
}}`)
	_, stderr := mustRun(t, 0, "generate", "-config", config, "-o", out, "-pkg", "api", "-spec", filepath.Join(dir, "spec.json"), pages)
	for _, gone := range []string{"StockLevel.OnHand", "StockLevel.LastDispensedOn", "batchNumber", "FormularyCategory (", "POST-api-v1-dispenses", "DispenseCommand.tenant"} {
		if strings.Contains(stderr, gone) {
			t.Errorf("%s is pinned, still assumed:\n%s", gone, stderr)
		}
	}
	if !strings.Contains(stderr, "assumed what the pages cannot show: integer width") {
		t.Errorf("no summary line:\n%s", stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]*spec.Member{}
	for _, typ := range s.Types {
		for _, m := range typ.Members {
			members[typ.Name+"."+m.Name] = m
		}
	}
	for k, want := range map[string]string{"StockLevel.Reserved": "int", "StockLevel.LastDispensedOn": "nullable<dateTime>", "StockLevel.SessionId": "guid"} {
		if m := members[k]; m == nil || m.Type != want || len(m.Unknown) != 0 {
			t.Errorf("%s: %+v, want %s with nothing unknown", k, m, want)
		}
	}
	if m := members["DispenseCommand.tenant"]; m == nil || !m.XML.IsRequired || m.CLRName != "TenantCode" {
		t.Errorf("DispenseCommand.tenant: %+v", m)
	}
	types := readFile(t, filepath.Join(out, "types_gen.go"))
	for _, want := range []string{"Reserved int32", "LastDispensedOn *DateTime"} {
		if !strings.Contains(strings.Join(strings.Fields(types), " "), want) {
			t.Errorf("types_gen.go has no %q", want)
		}
	}
	if ops := readFile(t, filepath.Join(out, "operations_gen.go")); !strings.Contains(ops, `BodyParam: "command"`) {
		t.Error("operations_gen.go: no BodyParam")
	}
}

// A pin that contradicts the pages, or names nothing, is an error naming
// the key and its line.
func TestConfigPinErrors(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join("..", "..", "pages", "dispensary")
	for _, c := range []struct{ wire, want string }{
		{`"memberTypes": {"StockLevel.OnHand": "string"}`, `"string" does not fit what the pages show (long)`},
		{`"memberTypes": {"StockLevel.OnHand": "list<long>"}`, "does not fit"},
		{`"memberTypes": {"StockLevel.Nope": "long"}`, "type StockLevel has no member Nope"},
		{`"paramTypes": {"GET-api-v1-stock-batches-batchNumber.nope": "int"}`, "want <ApiId>.<parameter>"},
		{`"xmlNamespaces": {"Nope": "urn:x"}`, "no such contract"},
		{`"bodyParameters": {"GET-api-v1-formulary-items-code": "code"}`, "no endpoint with a body has this ApiId"},
		{`"bodyParameters": {"POST-api-v1-dispenses": "not an id"}`, "is not a C# identifier"},
		{`"dataMembers": {"StockLevel.OnHand": {"isRequired": "yes"}}`, "isRequired\": want a boolean, not a string"},
	} {
		config := filepath.Join(dir, "helpgen.json")
		writeFile(t, config, "{\n  \"wire\": {\n    "+c.wire+"\n  }\n}\n")
		code, _, stderr := run(t, "generate", "-config", config, "-o", filepath.Join(dir, "out"), pages)
		if code != 2 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "helpgen.json:") {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q with the file and line", c.wire, code, stderr, c.want)
		}
	}
}

// generate reports the renames the generated code makes (beyond
// upper-casing a first letter).
func TestGenerateReportsRenames(t *testing.T) {
	dir := t.TempDir()
	s := &spec.Spec{Schema: spec.Schema, Types: []*spec.Type{
		{Name: "A.Thing", Kind: spec.KindComplex, XML: &spec.XMLName{Name: "Thing", Namespace: "urn:a"}},
		{Name: "B.Thing", Kind: spec.KindComplex, XML: &spec.XMLName{Name: "Thing", Namespace: "urn:b"}, Members: []*spec.Member{
			{Name: "func", Type: "string", JSON: &spec.JSONMember{Name: "func"}, XML: &spec.XMLMember{Name: "func", Namespace: "urn:b"}, DeclaredIn: "B.Thing", Help: true},
			{Name: "name", Type: "string", JSON: &spec.JSONMember{Name: "name", Order: 1}, XML: &spec.XMLMember{Name: "name", Namespace: "urn:b", Order: 1}, DeclaredIn: "B.Thing", Help: true},
		}},
	}}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "spec.json")
	writeFile(t, in, string(data))
	_, stderr := mustRun(t, 0, "generate", "-o", filepath.Join(dir, "api"), in)
	for _, want := range []string{"renamed type A.Thing -> AThing", "renamed type B.Thing -> BThing"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no %q in:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "renamed field B.Thing.name") {
		t.Errorf("upper-casing reported:\n%s", stderr)
	}
}
