package cli

import (
	"bytes"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/internal/udiff"
	"github.com/helpgen/helpgen/spec"
)

const parseUsage = `usage: helpgen parse [-spec FILE] [-strict] [-force] INPUT...

Reads Help Pages (files, directories, Help site URLs) or one spec JSON file
and writes the spec JSON to stdout or FILE. Warnings and errors go to
stderr. Exit status: 0 ok, 1 warnings with -strict, 2 usage errors and
inputs with errors (nothing is written then).

`

func runParse(c *invocation, args []string) int {
	c.usage = parseUsage
	fs := c.newFlags()
	out := fs.String("spec", "", "write the spec JSON to `FILE` instead of stdout")
	fs.StringVar(out, "o", "", "the same as -spec")
	strict := fs.Bool("strict", false, "treat warnings as errors: exit 1 and write nothing")
	force := fs.Bool("force", false, "replace FILE even when it is not a helpgen spec JSON")
	inputs, code, done := c.parse(fs, args)
	if done {
		return code
	}
	s, err := loadInputs(inputs, "", c.stderr)
	printDiagnostics(c.stderr, s, false)
	if code, stop := c.judge(s, err, *strict); stop {
		return code
	}
	if *out != "" && *out != "-" && !*force {
		if err := guardFile(*out, "a helpgen spec JSON", isSpecData); err != nil {
			return c.fail(err)
		}
	}
	data, err := spec.Marshal(s)
	if err == nil {
		err = writeSpec(*out, data, c.stdout)
	}
	if err != nil {
		return c.fail(err)
	}
	c.summarize(s)
	return 0
}

// judge decides, after the inputs are loaded and their diagnostics
// printed, whether the command stops: 2 when they cannot be used, 1 when
// -strict and there are warnings. Nothing has been written then.
func (c *invocation) judge(s *spec.Spec, err error, strict bool) (code int, stop bool) {
	if err != nil {
		c.summarize(s)
		c.errorf("%v; nothing written", err)
		return 2, true
	}
	if n := countSeverity(s, spec.Warning); strict && n > 0 {
		c.errorf("-strict: %s; nothing written", summary(s))
		return 1, true
	}
	return 0, false
}

// summarize ends a report on the inputs with the line of what was assumed
// (assumedLine) and the one-line count of errors and warnings by kind
// (nothing when there are none).
func (c *invocation) summarize(s *spec.Spec) {
	if line := assumedLine(s); line != "" {
		c.errorf("%s", line)
	}
	if line := summary(s); line != "" {
		c.errorf("%s", line)
	}
}

// writeSpec writes data to path ("" or "-": w), leaving an identical file
// untouched.
func writeSpec(path string, data []byte, w io.Writer) error {
	if path == "" || path == "-" {
		_, err := w.Write(data)
		return err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

const generateUsage = `usage: helpgen %[1]s [-config FILE] -o DIR [-pkg NAME] [-spec FILE] [-strict] [-force] INPUT...

%[2]s

INPUT is page files, directories of pages, Help site URLs, or one spec JSON
file. helpgen writes only files that changed, deletes generated files it no
longer produces, and writes service_impl.go only when it is missing. It
never replaces a file that lacks the generated header, nor writes into a
directory holding another package, unless given -force.
Exit status: 0 ok, 1 %[3]s, 2 usage errors and inputs
with errors (nothing is written then).

`

func runGenerate(c *invocation, args []string, check bool) int {
	if check {
		c.usage = fmt.Sprintf(generateUsage, c.name, "Compares DIR with what generate would write: exit 1 and a unified diff\n(stdout) when DIR is stale. Writes nothing.", "DIR is stale, or warnings with -strict")
	} else {
		c.usage = fmt.Sprintf(generateUsage, c.name, "Generates the Go package for the inputs into DIR.", "warnings with -strict")
	}
	fs := c.newFlags()
	configPath := fs.String("config", "", "read settings from the JSON config `FILE` (flags override it)")
	outDir := fs.String("o", "", "output `DIR` for the Go package")
	pkg := fs.String("pkg", "", "Go package `name` (default: the output directory's name)")
	specOut := fs.String("spec", "", "also write the spec JSON to `FILE` (checked by check)")
	strict := fs.Bool("strict", false, "treat warnings as errors: exit 1 and write nothing")
	force := fs.Bool("force", false, "replace files without the generated header, and write into a directory of another package")
	inputs, code, done := c.parse(fs, args)
	if done {
		return code
	}
	var cfg Config
	if *configPath != "" {
		cc, err := ReadConfig(*configPath)
		if err != nil {
			return c.fail(err)
		}
		cfg = *cc
	}
	if *outDir != "" {
		cfg.Output = *outDir
	}
	if *pkg != "" {
		cfg.Package = *pkg
	}
	if *specOut != "" {
		cfg.Spec = *specOut
	}
	if len(inputs) > 0 {
		cfg.Inputs = inputs
	}
	if cfg.Output == "" {
		return c.usageError("no output directory: use -o DIR or \"output\" in the config")
	}
	if st, err := os.Stat(cfg.Output); err == nil && !st.IsDir() {
		return c.usageError("%s is not a directory: -o names the package directory", cfg.Output)
	}
	if cfg.Package == "" {
		cfg.Package = packageName(cfg.Output)
	} else if !validPackage(cfg.Package) {
		return c.usageError("-pkg %q is not a Go package name", cfg.Package)
	}

	s, err := loadInputs(cfg.Inputs, cfg.CrawlDir, c.stderr)
	if err == nil {
		// The config pins facts the pages cannot show before the warnings
		// about them are printed and judged (-strict).
		err = pin(&cfg, s)
	}
	printDiagnostics(c.stderr, s, false)
	if code, stop := c.judge(s, err, *strict); stop {
		return code
	}
	files, err := render(&cfg, s)
	if err == nil && !*force {
		err = guardOutputs(&cfg, files)
	}
	if err != nil {
		c.summarize(s)
		return c.fail(err)
	}
	if renames, err := generator.Renames(s, cfg.options(cfg.Package)); err == nil {
		for _, r := range renames {
			c.errorf("renamed %s", r)
		}
	}
	if check {
		return c.check(&cfg, files, s)
	}
	changed, err := generator.Write(cfg.Output, files)
	removed := 0
	for _, p := range changed {
		if _, ok := files[p]; ok {
			fmt.Fprintln(c.stderr, "wrote", p)
		} else {
			fmt.Fprintln(c.stderr, "removed", p, "(generated by an earlier run, no longer generated)")
			removed++
		}
	}
	if removed > 0 && os.Getenv("GOFILE") != "" {
		// go generate lists a package's files before running any directive
		// and then fails to open the ones removed here; the next run is clean.
		c.errorf("go generate may now report 'no such file' for the %d removed file(s): run it again", removed)
	}
	if err == nil && cfg.Spec != "" {
		var data []byte
		if data, err = spec.Marshal(s); err == nil {
			err = writeSpec(cfg.Spec, data, c.stdout)
		}
	}
	c.summarize(s)
	if err != nil {
		return c.fail(err)
	}
	return 0
}

// guardOutputs refuses, before anything is written, what would replace a
// file of the user's: see guard.go.
func guardOutputs(cfg *Config, files generator.Files) error {
	if err := guardOutput(cfg.Output, cfg.Package, files); err != nil {
		return err
	}
	if cfg.Spec != "" {
		return guardFile(cfg.Spec, "a helpgen spec JSON", isSpecData)
	}
	return nil
}

// check prints the diff between DIR (and the spec JSON) and files.
func (c *invocation) check(cfg *Config, files generator.Files, s *spec.Spec) int {
	diff, err := generator.Check(cfg.Output, files)
	if err != nil {
		c.summarize(s)
		return c.fail(err)
	}
	if cfg.Spec != "" {
		want, err := spec.Marshal(s)
		if err != nil {
			return c.fail(err)
		}
		have, _ := os.ReadFile(cfg.Spec)
		if !bytes.Equal(have, want) {
			name := strings.TrimPrefix(filepath.ToSlash(cfg.Spec), "/")
			diff += udiff.Diff("a/"+name, "b/"+name, have, want)
		}
	}
	c.summarize(s)
	if diff != "" {
		fmt.Fprint(c.stdout, diff)
		c.errorf("%s is out of date; run helpgen generate", cfg.Output)
		return 1
	}
	return 0
}

// pin applies the config's wire settings to the spec and renews the
// warnings about what the pages cannot show (spec.Assumptions): a pinned
// fact is no longer assumed.
func pin(cfg *Config, s *spec.Spec) error {
	if err := cfg.apply(s); err != nil {
		return err
	}
	spec.RefreshAssumptions(s)
	return nil
}

// render is the path generate and check share: spec (pinned) → files.
func render(cfg *Config, s *spec.Spec) (generator.Files, error) {
	opts := cfg.options(cfg.Package)
	// A file written once (the service stub) that exists is never written
	// or compared again: no need to render it.
	opts.Exists = func(name string) bool {
		_, err := os.Stat(filepath.Join(cfg.Output, name))
		return err == nil
	}
	files, err := generator.Generate(s, opts)
	if err != nil {
		return nil, cfg.locate(err)
	}
	return files, nil
}

// packageName derives a package name from the output directory.
func packageName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	base := strings.ToLower(filepath.Base(abs))
	var b strings.Builder
	for _, r := range base {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "api"
	}
	if token.IsKeyword(b.String()) {
		return b.String() + "api"
	}
	return b.String()
}

// validPackage reports whether name can be a Go package clause's name.
func validPackage(name string) bool {
	return token.IsIdentifier(name) && name != "_"
}
