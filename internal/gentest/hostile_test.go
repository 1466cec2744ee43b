package gentest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/internal/buildcheck"
	"github.com/helpgen/helpgen/spec"
)

// TestGenerateHostileSpecs: hand-made spec edits a fuzzer is slow to find.
// Each spec either does not load, or generate refuses it with an error, or
// the Go it writes type-checks; never a panic.
func TestGenerateHostileSpecs(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(buildcheck.ModuleRoot(t), "out", "clinic", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	base := string(b)
	for _, c := range []struct{ name, from, to string }{
		{"member without a name", `"name": "Text"`, `"name": ""`},
		{"member name with spaces", `"name": "Text"`, `"name": "a b c"`},
		{"member name a keyword", `"name": "Text"`, `"name": "func"`},
		{"two members one name", `"name": "Text"`, `"name": "Author"`},
		{"parameters side by side in a segment", `"route": "api/v1/system/clock"`, `"route": "api/v1/{x}{y}/clock"`},
		{"empty route", `"route": "api/v1/system/clock"`, `"route": ""`},
		{"catch-all route", `"route": "api/v1/system/clock"`, `"route": "api/{*rest}"`},
		{"collection of collections as a parameter", `"type": "guid"`, `"type": "list<list<guid>>"`},
		{"Object as a parameter", `"type": "guid"`, `"type": "anyType"`},
		{"dictionary keyed by Object", `"type": "guid"`, `"type": "dict<anyType,string>"`},
		{"nullable string", `"type": "string"`, `"type": "nullable<string>"`},
		{"a body of dictionaries of Objects", `"type": "PatientPhotoUpload"`, `"type": "list<dict<string,anyType>>"`},
		{"a pair body", `"type": "PatientPhotoUpload"`, `"type": "pair<guid,list<string>>"`},
		{"an enum with no values", `"kind": "enum",`, `"kind": "enum", "values": [],`},
		{"a type that is opaque", `"kind": "complex",`, `"kind": "complex", "opaque": true,`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.from) {
				t.Fatalf("the clinic spec has no %s", c.from)
			}
			s, err := spec.Unmarshal([]byte(strings.Replace(base, c.from, c.to, 1)))
			if err != nil {
				t.Logf("does not load: %v", err)
				return
			}
			files, err := generator.Generate(s, generator.Options{Package: "api"})
			if err != nil {
				t.Logf("refused: %v", err)
				return
			}
			if err := typeCheck(t, files); err != nil {
				t.Error(err)
			}
		})
	}
}
