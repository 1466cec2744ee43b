package wildtest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/internal/buildcheck"
)

// TestCasesBuild builds every case of parser/testdata/cases the whole way
// (generate, go vet, the generated tests: conformance, end to end over
// HTTP in JSON, XML and form) and wants each to stop where its "stage:"
// line says (pass when it has none).
func TestCasesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code; skipped in -short mode")
	}
	root := buildcheck.ModuleRoot(t)
	tcs := buildcheck.LoadCases(t, filepath.Join(root, "parser", "testdata", "cases"))
	var cs []*buildcheck.Case
	for _, tc := range tcs {
		cs = append(cs, &buildcheck.Case{Name: tc.Name, Inputs: tc.Inputs})
	}
	buildcheck.Run(t, cs, buildcheck.Options{ModuleRoot: root})
	for i, c := range cs {
		if c.Stage != tcs[i].Stage {
			t.Errorf("%s: stopped at %q, want %q\n    %s", c.Name, c.Stage, tcs[i].Stage, strings.ReplaceAll(c.Detail, "\n", "\n    "))
		}
	}
}
