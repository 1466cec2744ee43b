package cli

import (
	"bytes"
	"io"
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// generateClinic runs generate on inputs into a fresh dir and returns the
// files written (Go files and spec.json).
func generateClinic(t *testing.T, inputs ...string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "api")
	mustRun(t, 0, append([]string{"generate", "-o", out, "-pkg", "api", "-spec", filepath.Join(out, "spec.json")}, inputs...)...)
	files := readTree(t, out)
	if len(files) < 10 || files["spec.json"] == nil || files["types_gen.go"] == nil {
		t.Fatalf("generate wrote only %d files", len(files))
	}
	return files
}

func shuffled(files []string, seed int64) []string {
	s := append([]string(nil), files...)
	rand.New(rand.NewSource(seed)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

func reversed(files []string) []string {
	s := append([]string(nil), files...)
	sort.Sort(sort.Reverse(sort.StringSlice(s)))
	return s
}

// The clinic corpus (HTML and text renderings) gives byte-identical Go
// files and spec JSON whatever the argument order, the order the files
// were created in, where the copies live, and how often it runs.
func TestDeterministicOutput(t *testing.T) {
	files := clinicFiles(t)
	h1, t1 := copyClinic(t, filepath.Join(t.TempDir(), "a"), files, nil)
	h2, t2 := copyClinic(t, filepath.Join(t.TempDir(), "elsewhere", "b"), reversed(files), nil)
	h3, t3 := copyClinic(t, filepath.Join(t.TempDir(), "c"), shuffled(files, 1), nil)

	ref := generateClinic(t, h1, t1)
	sameTree(t, "second run", ref, generateClinic(t, h1, t1))
	sameTree(t, "arguments swapped", ref, generateClinic(t, t1, h1))
	sameTree(t, "copy created in reverse order", ref, generateClinic(t, t2, h2))
	sameTree(t, "copy created in shuffled order", ref, generateClinic(t, h3, t3))
	sameTree(t, "an input named twice", ref, generateClinic(t, h1, t1, h1))

	// Renamed top directories that sort the same way: the Go files are the
	// same; the spec JSON differs only in the page sources it records.
	h4, t4 := copyClinic(t, filepath.Join(t.TempDir(), "d"), shuffled(files, 2), map[string]string{"html": "help-html", "text": "help-text"})
	renamed := generateClinic(t, t4, h4)
	renamedSpec := renamed["spec.json"]
	delete(renamed, "spec.json")
	refGo := map[string][]byte{}
	for p, d := range ref {
		if p != "spec.json" {
			refGo[p] = d
		}
	}
	sameTree(t, "renamed directories", refGo, renamed)
	back := bytes.ReplaceAll(renamedSpec, []byte(`help-html/`), []byte(`html/`))
	back = bytes.ReplaceAll(back, []byte(`help-text/`), []byte(`text/`))
	if !bytes.Equal(back, ref["spec.json"]) {
		t.Error("renamed directories: the spec JSON differs in more than the sources")
	}
}

// Page files named one by one, in any order, give the same output.
func TestDeterministicFileArguments(t *testing.T) {
	files := clinicFiles(t)
	dir := filepath.Join(t.TempDir(), "pages")
	copyClinic(t, dir, files, nil)
	var paths []string
	for _, f := range files {
		if strings.HasPrefix(f, "html/") || strings.HasPrefix(f, "text/pipe/") {
			paths = append(paths, filepath.Join(dir, filepath.FromSlash(f)))
		}
	}
	ref := generateClinic(t, paths...)
	for seed := int64(1); seed <= 3; seed++ {
		sameTree(t, "shuffled file arguments", ref, generateClinic(t, shuffled(paths, seed)...))
	}
	sameTree(t, "reversed file arguments", ref, generateClinic(t, reversed(paths)...))
}

// parser.Parse sorts its inputs: any order of the same inputs gives the
// same spec.
func TestDeterministicParseInputs(t *testing.T) {
	files := clinicFiles(t)
	dir := filepath.Join(t.TempDir(), "pages")
	h, x := copyClinic(t, dir, files, nil)
	in, err := parser.ReadInputs([]string{h, x})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := spec.Marshal(parser.Parse(in))
	if err != nil {
		t.Fatal(err)
	}
	for seed := int64(1); seed <= 5; seed++ {
		s := append([]parser.Input(nil), in...)
		rand.New(rand.NewSource(seed)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		got, err := spec.Marshal(parser.Parse(s))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, ref) {
			t.Fatalf("seed %d: parser.Parse of shuffled inputs gives another spec", seed)
		}
	}
}

// The HTML and the text renderings describe the same 18 endpoints; merged,
// the spec should have each once.
func TestClinicEndpointsOnce(t *testing.T) {
	files := clinicFiles(t)
	h, x := copyClinic(t, filepath.Join(t.TempDir(), "p"), files, nil)
	s, err := loadInputs([]string{h, x}, "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, e := range s.Endpoints {
		ids[e.ID]++
	}
	if len(ids) != 18 {
		t.Errorf("%d distinct ApiIds, want 18", len(ids))
	}
	if len(s.Endpoints) != len(ids) {
		t.Errorf("%d endpoints for %d ApiIds: an endpoint seen on two pages must be one endpoint", len(s.Endpoints), len(ids))
	}
}
