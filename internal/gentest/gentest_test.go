// Package gentest holds the generate property tests: whatever pages parse
// reads, generate turns the spec parse writes into gofmt'd Go that
// type-checks (never a panic, never a rejection); whatever spec JSON loads,
// generate either refuses it with an error or writes Go that type-checks.
// The Go is checked in process with go/types, against export data the go
// command lists once per process.
package gentest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/internal/buildcheck"
	hparser "github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// exports maps import paths to export data files (go list -export).
var (
	exportMu sync.Mutex
	exports  = map[string]string{}
)

// exportsFor makes sure the export data of paths and their dependencies is
// listed (one go list for what is new).
func exportsFor(t testing.TB, paths []string) {
	exportMu.Lock()
	defer exportMu.Unlock()
	var missing []string
	for _, p := range paths {
		if _, ok := exports[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return
	}
	cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-json=ImportPath,Export"}, missing...)...)
	cmd.Dir = buildcheck.ModuleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -export %v: %v", missing, err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct{ ImportPath, Export string }
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
	}
}

// typeCheck checks that files are gofmt'd and type-check as one package.
func typeCheck(t testing.TB, files generator.Files) error {
	fset := token.NewFileSet()
	var asts []*ast.File
	imports := map[string]bool{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		src := files[n]
		if !strings.HasSuffix(n, ".go") {
			continue
		}
		if f, err := format.Source(src); err != nil || !bytes.Equal(f, src) {
			return fmt.Errorf("%s is not gofmt'd (%v)", n, err)
		}
		f, err := parser.ParseFile(fset, n, src, 0)
		if err != nil {
			return err
		}
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			imports[p] = true
		}
		asts = append(asts, f)
	}
	var paths []string
	for p := range imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	exportsFor(t, paths)
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		exportMu.Lock()
		file := exports[path]
		exportMu.Unlock()
		if file == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(file)
	})
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) {
		if len(errs) < 5 {
			errs = append(errs, err)
		}
	}}
	conf.Check("api", fset, asts, nil)
	return errors.Join(errs...)
}

// pageSeeds are pages to start fuzzing from: the case suite and the
// bundled seed and clinic pages.
func pageSeeds(t testing.TB) [][]byte {
	root := buildcheck.ModuleRoot(t)
	var out [][]byte
	for _, c := range buildcheck.LoadCases(t, filepath.Join(root, "parser", "testdata", "cases")) {
		for _, in := range c.Inputs {
			out = append(out, in.Data)
		}
	}
	// Few seeds: CI fuzzes each target for 15 s, and gathering the seeds'
	// coverage (a generate and a type-check each) comes first.
	for _, dir := range []string{"pages/seed"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				out = append(out, b)
			}
		}
	}
	return out
}

// FuzzGeneratePages: a page, as fuzzing mutates it, parses to a spec that
// generate takes (no panic, no error) and turns into Go that type-checks.
// Pages with error diagnostics are not generated (generate refuses them by
// design); everything else must go through.
func FuzzGeneratePages(f *testing.F) {
	for _, s := range pageSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		if len(page) > 16<<10 {
			return // bigger pages test speed, not the property (TestParseTextLarge does)
		}
		start := time.Now()
		s := hparser.Parse([]hparser.Input{{Source: "page.txt", Data: page}})
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("parse took %v on %d bytes", d, len(page))
		}
		for _, d := range s.Diagnostics {
			if d.Severity == spec.Error {
				return
			}
		}
		data, err := spec.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := spec.Unmarshal(data)
		if err != nil {
			t.Fatalf("the spec parse wrote does not load: %v", err)
		}
		start = time.Now()
		files, err := generator.Generate(s2, generator.Options{Package: "api"})
		if err != nil {
			t.Fatalf("generate rejects the spec parse wrote: %v", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("generate took %v (%d endpoints, %d types)", d, len(s2.Endpoints), len(s2.Types))
		}
		if err := typeCheck(t, files); err != nil {
			t.Fatalf("generated code: %v", err)
		}
	})
}

// FuzzGenerateSpec: spec JSON, as fuzzing mutates it, either does not load,
// or generate refuses it with an error, or the Go it writes type-checks.
// Never a panic.
func FuzzGenerateSpec(f *testing.F) {
	root := buildcheck.ModuleRoot(f)
	for _, p := range []string{"out/seed/spec.json", "out/clinic/spec.json", "generator/testdata/hostile.spec.json"} {
		if b, err := os.ReadFile(filepath.Join(root, p)); err == nil {
			f.Add(b)
		}
	}
	for _, c := range buildcheck.LoadCases(f, filepath.Join(root, "parser", "testdata", "cases")) {
		s := hparser.Parse(c.Inputs)
		if b, err := spec.Marshal(s); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Unmarshal(data)
		if err != nil {
			return
		}
		files, err := generator.Generate(s, generator.Options{Package: "api"})
		var pe *generator.PanicError
		if errors.As(err, &pe) {
			t.Fatalf("generate panics: %v\n%s", err, pe.Stack)
		}
		if err != nil {
			return
		}
		if err := typeCheck(t, files); err != nil {
			t.Fatalf("generated code: %v", err)
		}
	})
}
