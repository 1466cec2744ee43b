package cli

import (
	"bytes"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/generator"
)

// helpgen never replaces or deletes a file it did not write. generate
// replaces only files that start with the generated header (and deletes
// only those, see generator.Write), and it does not add its package to a
// directory that holds another one. These checks run before anything is
// written; -force skips them.

// guardOutput returns an error naming the first file in dir that generate
// would replace though it lacks the generated header, or a Go file of
// another package than pkg.
func guardOutput(dir, pkg string, files generator.Files) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if generator.WriteOnce[p] {
			continue // the user's, and never replaced
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		data, err := os.ReadFile(full)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		if !generator.IsGenerated(data) {
			return fmt.Errorf("%s exists and helpgen did not write it (its first line is not %q): "+
				"move it away, or pass -force to replace it", full, "// "+generator.Header)
		}
	}
	return otherPackage(dir, pkg)
}

// otherPackage returns an error when a Go file in dir that helpgen did not
// write, and that the build would compile, is of a package other than pkg
// (or its external test package pkg_test).
func otherPackage(dir, pkg string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue // excluded by its build constraints (//go:build ignore), or unreadable as Go
		}
		full := filepath.Join(dir, name)
		data, err := os.ReadFile(full)
		if err != nil {
			return err
		}
		if generator.IsGenerated(data) {
			continue // replaced or removed by this run
		}
		f, err := parser.ParseFile(token.NewFileSet(), full, data, parser.PackageClauseOnly)
		if err != nil {
			continue // not Go the compiler would take either: not a package to protect
		}
		if have := f.Name.Name; have != pkg && have != pkg+"_test" {
			return fmt.Errorf("%s is package %s: helpgen will not write package %s into %s; "+
				"pass -pkg %s, another -o, or -force", full, have, pkg, dir, strings.TrimSuffix(have, "_test"))
		}
	}
	return nil
}

// guardFile returns an error when path exists and is not a file helpgen
// writes (what says whether data is one: spec JSON, an OpenAPI document).
func guardFile(path, what string, ours func(data []byte) bool) error {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !ours(data) {
		return fmt.Errorf("%s exists and is not %s: move it away, or pass -force to replace it", path, what)
	}
	return nil
}

// isSpecData reports whether data is (or starts like) a helpgen spec JSON.
func isSpecData(data []byte) bool {
	head := bytes.TrimSpace(data[:min(len(data), 512)])
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"helpgen.spec/`))
}

// isOpenAPIData reports whether data starts like an OpenAPI document, JSON
// or YAML.
func isOpenAPIData(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte(`"openapi":`)) || bytes.HasPrefix(head, []byte("openapi:")) || bytes.Contains(head, []byte("\nopenapi:"))
}
