package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/generator"
)

// seedCopy copies the committed out/seed into a temp dir and returns the
// arguments of check and generate for it (as out/seed/doc.go runs them).
func seedCopy(t *testing.T) (dir string, args []string) {
	t.Helper()
	root := repoRoot(t)
	dir = filepath.Join(t.TempDir(), "seed")
	for p, data := range readTree(t, filepath.Join(root, "out", "seed")) {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), string(data))
	}
	return dir, []string{"-o", dir, "-pkg", "seed", "-spec", filepath.Join(dir, "spec.json"), filepath.Join(root, "pages", "seed")}
}

func TestCheckCommittedSeed(t *testing.T) {
	_, args := seedCopy(t)
	out, errOut := mustRunOr(t, 0, "out/seed is stale: run `cd out/seed && go generate ./...`", append([]string{"check"}, args...)...)
	if out != "" {
		t.Errorf("check printed a diff for an up-to-date dir:\n%s\n%s", out, errOut)
	}
}

// mustRunOr is mustRun with a hint in the failure.
func mustRunOr(t *testing.T, want int, hint string, args ...string) (string, string) {
	t.Helper()
	code, o, e := run(t, args...)
	if code != want {
		t.Fatalf("%s\nhelpgen %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", hint, strings.Join(args, " "), code, want, clip(o), clip(e))
	}
	return o, e
}

func TestCheckReportsEdits(t *testing.T) {
	dir, args := seedCopy(t)
	check := append([]string{"check"}, args...)
	generate := append([]string{"generate"}, args...)
	mustRun(t, 0, generate...) // a no-op when out/seed is current
	mustRun(t, 0, check...)

	// An edited generated file: exit 1, a unified diff that names the file
	// and shows the edit, and a hint on stderr.
	types := filepath.Join(dir, "types_gen.go")
	orig := readFile(t, types)
	edited := strings.Replace(orig, "package seed\n", "package seed\n\n// a hand edit\n", 1)
	if edited == orig {
		t.Fatal("types_gen.go has no package clause to edit after")
	}
	writeFile(t, types, edited)
	out, errOut := mustRun(t, 1, check...)
	for _, want := range []string{"--- a/types_gen.go\n", "+++ b/types_gen.go\n", "\n@@ -", "\n-// a hand edit\n", "\n package seed\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "contracts_gen.go") {
		t.Errorf("the diff names files that did not change:\n%s", out)
	}
	if !strings.Contains(errOut, "out of date") || !strings.Contains(errOut, "helpgen generate") {
		t.Errorf("stderr does not say what to do: %q", errOut)
	}
	// The diff is a real patch: applied to the directory, it makes it current.
	if patch, err := exec.LookPath("patch"); err == nil {
		cmd := exec.Command(patch, "-p1", "-s", "-d", dir)
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("patch -p1 < diff: %v\n%s", err, msg)
		} else {
			mustRun(t, 0, check...)
		}
	}
	writeFile(t, types, edited)
	mustRun(t, 1, check...)
	_, errOut = mustRun(t, 0, generate...)
	if !strings.Contains(errOut, "wrote types_gen.go") {
		t.Errorf("generate did not say it rewrote types_gen.go: %q", errOut)
	}
	if readFile(t, types) != orig {
		t.Error("generate did not restore types_gen.go")
	}
	mustRun(t, 0, check...)
	if _, errOut = mustRun(t, 0, generate...); strings.Contains(errOut, "wrote") {
		t.Errorf("generate on a current dir wrote files: %q", errOut)
	}

	// A missing generated file.
	if err := os.Remove(filepath.Join(dir, "contracts_gen.go")); err != nil {
		t.Fatal(err)
	}
	out, _ = mustRun(t, 1, check...)
	if !strings.Contains(out, "+++ b/contracts_gen.go") {
		t.Errorf("check does not report the missing contracts_gen.go:\n%s", clip(out))
	}
	mustRun(t, 0, generate...)
	mustRun(t, 0, check...)

	// A stale generated file (generated header, no longer produced) is
	// reported and removed; a file of the user's (no header) is neither.
	stale := filepath.Join(dir, "old_gen.go")
	writeFile(t, stale, "// "+generator.Header+"\n\npackage seed\n\nconst Old = 1\n")
	mine := filepath.Join(dir, "mine.go")
	writeFile(t, mine, "package seed\n\nconst Mine = 1\n")
	out, _ = mustRun(t, 1, check...)
	if !strings.Contains(out, "--- a/old_gen.go") || !strings.Contains(out, "-const Old = 1") {
		t.Errorf("check does not report the stale old_gen.go:\n%s", out)
	}
	if strings.Contains(out, "mine.go") {
		t.Errorf("check reports the user's mine.go:\n%s", out)
	}
	_, errOut = mustRun(t, 0, generate...)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("generate left the stale old_gen.go (stderr %q)", errOut)
	}
	if readFile(t, mine) != "package seed\n\nconst Mine = 1\n" {
		t.Error("generate changed the user's mine.go")
	}
	mustRun(t, 0, check...)

	// A stale spec JSON is reported too.
	specPath := filepath.Join(dir, "spec.json")
	specOrig := readFile(t, specPath)
	writeFile(t, specPath, strings.Replace(specOrig, `"endpoints"`, `"endpoints" `, 1))
	out, _ = mustRun(t, 1, check...)
	if !strings.Contains(out, "spec.json") {
		t.Errorf("check does not report the edited spec.json:\n%s", clip(out))
	}
	mustRun(t, 0, generate...)
	if readFile(t, specPath) != specOrig {
		t.Error("generate did not restore spec.json")
	}
	mustRun(t, 0, check...)
}

// The stub is the user's: generate writes it once and never again, check
// only wants it to exist.
func TestCheckWriteOnceStub(t *testing.T) {
	dir, args := seedCopy(t)
	check := append([]string{"check"}, args...)
	generate := append([]string{"generate"}, args...)
	stub := filepath.Join(dir, generator.StubFile)
	orig := readFile(t, stub)
	if generator.IsGenerated([]byte(orig)) {
		t.Fatalf("%s carries the generated header", generator.StubFile)
	}
	mine := orig + "\n// my implementation notes\n"
	writeFile(t, stub, mine)
	mustRun(t, 0, check...)
	mustRun(t, 0, generate...)
	if readFile(t, stub) != mine {
		t.Fatalf("generate overwrote the edited %s", generator.StubFile)
	}
	// Even a stub that no longer matches the endpoints at all is left alone.
	writeFile(t, stub, "package seed\n")
	mustRun(t, 0, check...)
	mustRun(t, 0, generate...)
	if readFile(t, stub) != "package seed\n" {
		t.Fatalf("generate overwrote %s", generator.StubFile)
	}

	// Missing: check reports it, generate writes it again.
	if err := os.Remove(stub); err != nil {
		t.Fatal(err)
	}
	out, _ := mustRun(t, 1, check...)
	if !strings.Contains(out, generator.StubFile) {
		t.Errorf("check does not report the missing stub:\n%s", clip(out))
	}
	_, errOut := mustRun(t, 0, generate...)
	if !strings.Contains(errOut, "wrote "+generator.StubFile) {
		t.Errorf("generate did not write the stub: %q", errOut)
	}
	if readFile(t, stub) != orig {
		t.Error("the rewritten stub differs from the committed one")
	}
	mustRun(t, 0, check...)

	// Without the stub part, the existing stub is not stale (no header):
	// neither reported nor removed.
	cfg := filepath.Join(t.TempDir(), "helpgen.json")
	writeFile(t, cfg, `{"emit": ["client", "server", "sample", "tests"]}`)
	mustRun(t, 0, append([]string{"check", "-config", cfg}, args...)...)
	mustRun(t, 0, append([]string{"generate", "-config", cfg}, args...)...)
	if readFile(t, stub) != orig {
		t.Error("generate without the stub part changed the stub")
	}
}

// Both committed examples are what their go:generate lines produce today
// (run in place: check only reads).
func TestCheckCommittedExamples(t *testing.T) {
	for _, ex := range []string{"seed", "clinic"} {
		dir := filepath.Join("..", "..", "out", ex)
		args := []string{"check", "-o", dir, "-pkg", ex, "-spec", filepath.Join(dir, "spec.json")}
		if _, err := os.Stat(filepath.Join(dir, "helpgen.json")); err == nil {
			args = append(args, "-config", filepath.Join(dir, "helpgen.json"))
		}
		code, out, errOut := run(t, append(args, filepath.Join("..", "..", "pages", ex))...)
		if code != 0 {
			t.Errorf("out/%s is stale: run `cd out/%s && go generate ./...`\n%s%s", ex, ex, out, errOut)
		}
	}
}
