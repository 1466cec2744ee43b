package generator

import (
	"strings"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

// buildAndTest writes the generated package into a throwaway module and runs
// go vet and its generated tests (conformance and end-to-end) there.
func buildAndTest(t *testing.T, s *spec.Spec, pkg string) {
	t.Helper()
	if testing.Short() {
		t.Skip("compiles generated code; skipped in -short mode")
	}
	dir := writeModule(t, s, pkg)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		if out, err := goCmd(dir, args...); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// A hostile spec: Go keywords as names, names that differ only in case or
// start with digits, two contracts with the same simple name, enum values
// that collide after sanitizing, a self-referencing type. The code must
// compile, vet clean and round-trip its samples.
func TestHostileSpecCompiles(t *testing.T) {
	s := loadSpec(t, "testdata/hostile.spec.json")
	buildAndTest(t, s, "hostile")
	m, err := NewModel(s, "hostile")
	if err != nil {
		t.Fatal(err)
	}
	var renames []string
	for _, r := range m.Renames {
		renames = append(renames, r.String())
	}
	got := strings.Join(renames, "\n")
	for _, want := range []string{"type A.type -> AType", "type B.type -> BType", "field A.type.func -> Func2", "enum value A.Colour.red -> ColourRed2"} {
		if !strings.Contains(got, want) {
			t.Errorf("renames lack %q:\n%s", want, got)
		}
	}
}
