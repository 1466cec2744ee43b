package openapi

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Load turns the command-line input into a spec. It reads spec JSON; the
// helpgen command replaces it with a loader that also takes page
// directories and URLs, which this package must not depend on.
var Load func(input string) (*spec.Spec, error) = LoadFile

// LoadFile reads a spec JSON file.
func LoadFile(path string) (*spec.Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

const usageText = `usage: helpgen openapi [-format json|yaml] [-codegen] [-o FILE] SPEC

Writes the spec as an OpenAPI 3.0.3 document, to stdout or FILE. Without
-format, a FILE ending in .yaml or .yml gets YAML, anything else JSON.
-codegen leaves out the alternative media types and nested form bodies
that Go code generators (oapi-codegen, ogen) fail on.
`

// Main runs "helpgen openapi" with args (the arguments after "openapi") and
// returns the exit status: 0, 1 when the export or the write fails, 2 on
// usage or load errors.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("openapi", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	format := fs.String("format", "", "json or yaml (default: from -o's extension, else json)")
	out := fs.String("o", "", "output file (default stdout)")
	codegen := fs.Bool("codegen", false, "leave out what code generators fail on (alternative media types, nested form bodies)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = "json"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".yaml" || ext == ".yml" {
			f = "yaml"
		}
	}
	if f != "json" && f != "yaml" && f != "yml" {
		fmt.Fprintf(stderr, "helpgen openapi: unknown -format %q (want json or yaml)\n", *format)
		return 2
	}
	s, err := Load(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "helpgen openapi: %v\n", err)
		return 2
	}
	data, err := ExportWith(s, Options{Format: f, Codegen: *codegen})
	if err != nil {
		fmt.Fprintf(stderr, "helpgen openapi: %v\n", err)
		return 1
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "helpgen openapi: %v\n", err)
			return 1
		}
		return 0
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "helpgen openapi: %v\n", err)
		return 1
	}
	return 0
}
