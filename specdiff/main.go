package specdiff

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/helpgen/helpgen/spec"
)

// Load turns a command-line input into a spec. It reads spec JSON; the
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

const usageText = `usage: helpgen diff [-format text|markdown|json] [-fail-on-breaking] OLD NEW

Compares two specs and says which changes break JSON and XML clients built
against OLD. Exit status: 0, or 1 with -fail-on-breaking when a change
breaks either format; 2 on usage or load errors.
`

// Main runs "helpgen diff" with args (the arguments after "diff") and
// returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output format: text, markdown or json")
	fail := fs.Bool("fail-on-breaking", false, "exit 1 when a change breaks JSON or XML")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return 2
	}
	var render func(*Report, io.Writer) error
	switch *format {
	case "text":
		render = (*Report).Text
	case "markdown", "md":
		render = (*Report).Markdown
	case "json":
		render = (*Report).JSON
	default:
		fmt.Fprintf(stderr, "helpgen diff: unknown -format %q (want text, markdown or json)\n", *format)
		return 2
	}
	var specs [2]*spec.Spec
	for i, in := range fs.Args() {
		s, err := Load(in)
		if err != nil {
			fmt.Fprintf(stderr, "helpgen diff: %v\n", err)
			return 2
		}
		specs[i] = s
	}
	r := Compare(specs[0], specs[1])
	if err := render(r, stdout); err != nil {
		fmt.Fprintf(stderr, "helpgen diff: %v\n", err)
		return 2
	}
	if *fail && r.Breaking() {
		return 1
	}
	return 0
}
