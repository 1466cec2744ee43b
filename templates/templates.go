// Package templates holds the sources helpgen writes out as text: the wire
// runtime copied into every generated package.
package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed runtime/*.go
var runtimeFS embed.FS

// RuntimeFile is one runtime source file.
type RuntimeFile struct {
	Name string // base name, e.g. "json.go"
	Src  []byte
}

// Runtime returns the runtime sources (tests excluded, doc.go excluded),
// sorted by name, with their package clause still "package wire".
func Runtime() []RuntimeFile {
	entries, err := fs.ReadDir(runtimeFS, "runtime")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	var out []RuntimeFile
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, "_test.go") || n == "doc.go" {
			continue
		}
		b, err := runtimeFS.ReadFile("runtime/" + n)
		if err != nil {
			panic(err)
		}
		out = append(out, RuntimeFile{Name: n, Src: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
