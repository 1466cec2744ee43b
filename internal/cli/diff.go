package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/helpgen/helpgen/openapi"
	"github.com/helpgen/helpgen/spec"
	"github.com/helpgen/helpgen/specdiff"
)

const diffUsage = `usage: helpgen diff [-format text|markdown|json] [-fail-on-breaking] OLD NEW

Compares two specs and says which changes break JSON and XML clients built
against OLD. OLD and NEW are each a spec JSON file, or pages (files,
directories, a Help site URL); they are read as parse reads them, and an
input parse would reject (broken JSON, an empty file, no Help Page, pages
with errors) fails diff too. Exit status: 0, or 1 with -fail-on-breaking
when a change breaks either format; 2 on usage errors and unusable inputs.

`

func runDiff(c *invocation, args []string) int {
	c.usage = diffUsage
	fs := c.newFlags()
	format := fs.String("format", "text", "output format: text, markdown or json")
	fail := fs.Bool("fail-on-breaking", false, "exit 1 when a change breaks JSON or XML")
	inputs, code, done := c.parse(fs, args)
	if done {
		return code
	}
	if len(inputs) != 2 {
		return c.usageError("want two inputs, OLD and NEW; got %d", len(inputs))
	}
	var render func(*specdiff.Report, io.Writer) error
	switch *format {
	case "text":
		render = (*specdiff.Report).Text
	case "markdown", "md":
		render = (*specdiff.Report).Markdown
	case "json":
		render = (*specdiff.Report).JSON
	default:
		return c.usageError("unknown -format %q (want text, markdown or json)", *format)
	}
	var specs [2]*spec.Spec
	for i, in := range inputs {
		s, err := c.loadOne(in)
		if err != nil {
			return 2
		}
		specs[i] = s
	}
	r := specdiff.Compare(specs[0], specs[1])
	if err := render(r, c.stdout); err != nil {
		return c.fail(err)
	}
	if *fail && r.Breaking() {
		return 1
	}
	return 0
}

// loadOne loads one input of a command that reads a spec rather than
// reviewing it (diff, openapi): errors in full, warnings as the summary
// line. The error has been reported when it returns one.
func (c *invocation) loadOne(in string) (*spec.Spec, error) {
	s, err := loadInputs([]string{in}, "", c.stderr)
	printDiagnostics(c.stderr, s, true)
	if line := summary(s); line != "" {
		c.errorf("%s: %s", in, line)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), in+":") && !strings.HasPrefix(err.Error(), in+" ") {
			err = fmt.Errorf("%s: %w", in, err)
		}
		c.errorf("%v", err)
	}
	return s, err
}

const openapiUsage = `usage: helpgen openapi [-format json|yaml] [-codegen] [-o FILE] [-force] INPUT

Writes the spec of INPUT (a spec JSON file, or pages, read as parse reads
them) as an OpenAPI 3.0.3 document, to stdout or FILE. Without -format, a
FILE ending in .yaml or .yml gets YAML, anything else JSON. -codegen leaves
out what Go code generators (oapi-codegen, ogen) fail on: alternative media
types, and form bodies that are not flat objects. Exit status: 0, 1 when
the export or the write fails, 2 on usage errors and unusable inputs.

`

func runOpenAPI(c *invocation, args []string) int {
	c.usage = openapiUsage
	fs := c.newFlags()
	format := fs.String("format", "", "json or yaml (default: from -o's extension, else json)")
	out := fs.String("o", "", "output `FILE` (default stdout)")
	codegen := fs.Bool("codegen", false, "leave out what code generators fail on (alternative media types, form bodies that are not flat objects)")
	force := fs.Bool("force", false, "replace FILE even when it is not an OpenAPI document")
	inputs, code, done := c.parse(fs, args)
	if done {
		return code
	}
	if len(inputs) != 1 {
		return c.usageError("want one input; got %d", len(inputs))
	}
	f := strings.ToLower(*format)
	if f == "" {
		f = "json"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".yaml" || ext == ".yml" {
			f = "yaml"
		}
	}
	if f != "json" && f != "yaml" && f != "yml" {
		return c.usageError("unknown -format %q (want json or yaml)", *format)
	}
	if *out != "" && !*force {
		if err := guardFile(*out, "an OpenAPI document", isOpenAPIData); err != nil {
			return c.fail(err)
		}
	}
	s, err := c.loadOne(inputs[0])
	if err != nil {
		return 2
	}
	data, err := openapi.ExportWith(s, openapi.Options{Format: f, Codegen: *codegen})
	if err != nil {
		c.errorf("%v", strings.TrimPrefix(err.Error(), "openapi: "))
		return 1
	}
	if *out == "" {
		_, err = c.stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		c.errorf("%v", err)
		return 1
	}
	return 0
}
