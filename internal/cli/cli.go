// Package cli is the helpgen command: argument and config handling, and the
// one path from inputs to files that generate and check share.
package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/helpgen/helpgen/crawl"
	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/internal/udiff"
	"github.com/helpgen/helpgen/openapi"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
	"github.com/helpgen/helpgen/specdiff"
)

const usage = `usage: helpgen <command> [flags] [inputs]

commands:
  parse     pages → spec JSON (stdout, or -spec FILE)
  generate  pages or spec JSON → Go package (-o DIR)
  check     like generate, but only compare: exit 1 with a diff when DIR is stale
  crawl     fetch a Help site: helpgen crawl URL -o DIR
  diff      wire-aware change report: helpgen diff OLD NEW
  openapi   OpenAPI 3 export of a spec

Inputs are page files, directories of pages (HTML or text renderings,
detected by content), a spec JSON file, or a Help site URL.
Run "helpgen <command> -h" for the flags of a command.
`

// Main runs the command line and returns the exit status: 0 ok, 1 check
// found differences (or diff found breaking changes), 2 usage or input errors.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	specdiff.Load = Load
	openapi.Load = Load
	switch args[0] {
	case "parse":
		return runParse(args[1:], stdout, stderr)
	case "generate":
		return runGenerate(args[1:], stdout, stderr, false)
	case "check":
		return runGenerate(args[1:], stdout, stderr, true)
	case "crawl":
		return crawl.Main(args[1:], stdout, stderr)
	case "diff":
		return specdiff.Main(args[1:], stdout, stderr)
	case "openapi":
		return openapi.Main(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "helpgen: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// Load turns one input (spec JSON, page file or directory, or URL) into a spec.
func Load(input string) (*spec.Spec, error) {
	s, _, err := loadInputs([]string{input}, "")
	return s, err
}

// isURL reports whether an input names a Help site.
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// isSpecJSON reports whether a file holds a helpgen spec.
func isSpecJSON(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimSpace(head[:n])
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"helpgen.spec/`))
}

// cacheDir is where URL inputs are crawled to.
func cacheDir(u string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "helpgen", "crawl", crawlKey(u)), nil
}

func crawlKey(u string) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://") {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// loadInputs reads the inputs: one spec JSON file, or any mix of page
// files, directories and URLs. warn gets crawl progress for URLs.
func loadInputs(inputs []string, crawlTo string) (*spec.Spec, []string, error) {
	if len(inputs) == 0 {
		return nil, nil, errors.New("no inputs: name page files, directories, a spec JSON file or a Help site URL")
	}
	for _, in := range inputs {
		if len(inputs) > 1 && !isURL(in) && isSpecJSON(in) {
			return nil, nil, fmt.Errorf("%s is a spec JSON file: it must be the only input", in)
		}
	}
	if len(inputs) == 1 && !isURL(inputs[0]) && isSpecJSON(inputs[0]) {
		data, err := os.ReadFile(inputs[0])
		if err != nil {
			return nil, nil, err
		}
		s, err := spec.Unmarshal(data)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", inputs[0], err)
		}
		return s, nil, nil
	}
	var paths []string
	for _, in := range inputs {
		if !isURL(in) {
			paths = append(paths, in)
			continue
		}
		dir := crawlTo
		if dir == "" {
			var err error
			if dir, err = cacheDir(in); err != nil {
				return nil, nil, err
			}
		}
		m, err := crawl.Crawl(context.Background(), crawl.Options{URL: in, Dir: dir, Log: os.Stderr, Progress: os.Stderr})
		if err != nil {
			return nil, nil, fmt.Errorf("crawl %s: %w", in, err)
		}
		if f := m.Failed(); len(f) > 0 {
			fmt.Fprintf(os.Stderr, "helpgen: %d pages of %s failed; see %s\n", len(f), in, filepath.Join(dir, "manifest.json"))
		}
		paths = append(paths, dir)
	}
	s, err := parser.ParseFiles(paths)
	return s, paths, err
}

func runParse(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("spec", "", "write the spec JSON to `FILE` instead of stdout")
	fs.StringVar(out, "o", "", "the same as -spec")
	strict := fs.Bool("strict", false, "exit 1 when any warning is reported")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: helpgen parse [-spec FILE] [-strict] INPUT...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	s, _, err := loadInputs(fs.Args(), "")
	if err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return 2
	}
	data, err := spec.Marshal(s)
	if err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return 2
	}
	// Exit 1 when the pages have errors (or, with -strict, warnings): the
	// spec is still written, for a look at what was read.
	if bad := reportDiagnostics(s, stderr); bad > 0 && (*strict || hasErrors(s)) {
		writeSpec(*out, data, stdout, stderr)
		return 1
	}
	if writeSpec(*out, data, stdout, stderr) != nil {
		return 2
	}
	return 0
}

func writeSpec(path string, data []byte, stdout, stderr io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return err
	}
	return nil
}

// reportDiagnostics prints warnings and errors; it returns how many.
func reportDiagnostics(s *spec.Spec, w io.Writer) int {
	n := 0
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Info {
			continue
		}
		fmt.Fprintln(w, d.String())
		n++
	}
	return n
}

func hasErrors(s *spec.Spec) bool {
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Error {
			return true
		}
	}
	return false
}

func runGenerate(args []string, stdout, stderr io.Writer, check bool) int {
	name := "generate"
	if check {
		name = "check"
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg Config
	configPath := fs.String("config", "", "read settings from the JSON config `FILE` (flags override it)")
	outDir := fs.String("o", "", "output `DIR` for the Go package")
	pkg := fs.String("pkg", "", "Go package `name` (default: the output directory's name)")
	specOut := fs.String("spec", "", "also write the spec JSON to `FILE` (checked by check)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: helpgen %s [-config FILE] [-o DIR] [-pkg NAME] [-spec FILE] INPUT...\n", name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if *configPath != "" {
		c, err := ReadConfig(*configPath)
		if err != nil {
			fmt.Fprintln(stderr, "helpgen:", err)
			return 2
		}
		cfg = *c
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
	if len(fs.Args()) > 0 {
		cfg.Inputs = fs.Args()
	}
	if cfg.Output == "" {
		fmt.Fprintln(stderr, "helpgen: no output directory: use -o DIR or \"output\" in the config")
		return 2
	}
	if cfg.Package != "" && !validPackage(cfg.Package) {
		fmt.Fprintf(stderr, "helpgen: -pkg %q is not a Go package name\n", cfg.Package)
		return 2
	}
	files, s, err := Render(&cfg)
	if s != nil {
		reportDiagnostics(s, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return 2
	}
	if hasErrors(s) {
		fmt.Fprintln(stderr, "helpgen: the inputs have errors; nothing written")
		return 2
	}
	if check {
		diff, err := generator.Check(cfg.Output, files)
		if err != nil {
			fmt.Fprintln(stderr, "helpgen:", err)
			return 2
		}
		if specDiff := checkSpec(cfg.Spec, s); specDiff != "" {
			diff += specDiff
		}
		if diff != "" {
			fmt.Fprint(stdout, diff)
			fmt.Fprintf(stderr, "helpgen: %s is out of date; run helpgen generate\n", cfg.Output)
			return 1
		}
		return 0
	}
	changed, err := generator.Write(cfg.Output, files)
	if err != nil {
		fmt.Fprintln(stderr, "helpgen:", err)
		return 2
	}
	if cfg.Spec != "" {
		data, err := spec.Marshal(s)
		if err == nil {
			err = writeSpec(cfg.Spec, data, stdout, stderr)
		}
		if err != nil {
			return 2
		}
	}
	for _, c := range changed {
		fmt.Fprintln(stderr, "wrote", c)
	}
	return 0
}

// checkSpec compares the committed spec JSON with the one the inputs give.
func checkSpec(path string, s *spec.Spec) string {
	if path == "" {
		return ""
	}
	want, err := spec.Marshal(s)
	if err != nil {
		return err.Error() + "\n"
	}
	have, _ := os.ReadFile(path)
	if bytes.Equal(have, want) {
		return ""
	}
	name := strings.TrimPrefix(filepath.ToSlash(path), "/")
	return udiff.Diff("a/"+name, "b/"+name, have, want)
}

// Render is the path generate and check share: inputs → spec → files.
func Render(cfg *Config) (generator.Files, *spec.Spec, error) {
	s, _, err := loadInputs(cfg.Inputs, cfg.CrawlDir)
	if err != nil {
		return nil, nil, err
	}
	if err := cfg.apply(s); err != nil {
		return nil, s, err
	}
	// What the pages cannot show and the config did not pin.
	spec.RefreshAssumptions(s)
	if hasErrors(s) {
		return nil, s, nil
	}
	pkg := cfg.Package
	if pkg == "" {
		pkg = packageName(cfg.Output)
	}
	opts := cfg.options(pkg)
	files, err := generator.Generate(s, opts)
	if err != nil {
		return nil, s, cfg.locate(err)
	}
	return files, s, nil
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

// flagExit is the exit status for a flag parsing error: 0 for -h.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
