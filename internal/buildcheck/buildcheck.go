// Package buildcheck runs Help Page inputs the whole way a user does —
// parse, spec JSON, load, generate, go vet, the generated tests — for many
// inputs at once, and says where each one stopped. Tests use it on the wild
// corpus (internal/wildtest) and on the one-feature cases of
// parser/testdata/cases.
//
// Compiling is what costs: every generated package carries the runtime, so
// the packages share one throwaway module and go runs once for all of them
// ("go vet ./..." then "go test" over the packages that vetted clean),
// which lets the go command build them in parallel and share the standard
// library and uuid.
package buildcheck

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/internal/tmpmod"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// Stages at which a case can stop; "" is a pass.
const (
	StagePanic    = "panic"    // parse or generate panicked
	StageParse    = "parse"    // the inputs have error diagnostics
	StageGarbage  = "garbage"  // the spec holds what the pages cannot have meant
	StageGenerate = "generate" // generate rejected the spec parse wrote
	StageVet      = "vet"
	StageTest     = "test" // the generated tests failed
)

// Case is one package to build: a page alone, a site, a test case.
type Case struct {
	Name   string
	Inputs []parser.Input
	Pkg    string // Go package name (set by Run when empty)

	Stage  string // where it stopped; "" when it passed
	Detail string
	Spec   *spec.Spec
	Files  generator.Files
}

func (c *Case) fail(stage, detail string) {
	if c.Stage == "" {
		c.Stage, c.Detail = stage, detail
	}
}

// Generate parses and generates in process, turning panics into
// StagePanic. Build says whether to compile afterwards.
func (c *Case) Generate() {
	defer func() {
		if r := recover(); r != nil {
			c.Stage, c.Detail = StagePanic, fmt.Sprintf("%v\n%s", r, helpgenFrames(debug.Stack()))
		}
	}()
	s := parser.Parse(c.Inputs)
	c.Spec = s
	var errs []string
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Error {
			errs = append(errs, d.String())
		}
	}
	if len(errs) > 0 {
		c.fail(StageParse, strings.Join(errs, "\n"))
		return
	}
	if g := Garbage(s); len(g) > 0 {
		c.fail(StageGarbage, strings.Join(g, "\n"))
		return
	}
	// The user's path: the spec as parse writes it, loaded back.
	data, err := spec.Marshal(s)
	if err != nil {
		c.fail(StageParse, "spec does not marshal: "+err.Error())
		return
	}
	s2, err := spec.Unmarshal(data)
	if err != nil {
		c.fail(StageGenerate, "the spec parse wrote does not load: "+err.Error())
		return
	}
	// One package name for all (each has its own directory), so that cases
	// with the same output are the same files.
	files, err := generator.Generate(s2, generator.Options{Package: "api"})
	var pe *generator.PanicError
	if errors.As(err, &pe) {
		c.fail(StagePanic, err.Error()+"\n"+helpgenFrames(pe.Stack))
		return
	}
	if err != nil {
		c.fail(StageGenerate, err.Error())
		return
	}
	c.Files = files
}

func helpgenFrames(stack []byte) string {
	var keep []string
	for _, l := range strings.Split(string(stack), "\n") {
		if strings.Contains(l, "helpgen/") && !strings.Contains(l, "buildcheck") {
			keep = append(keep, strings.TrimSpace(l))
		}
		if len(keep) >= 6 {
			break
		}
	}
	return strings.Join(keep, "\n")
}

// Options of a Run.
type Options struct {
	// ModuleRoot is helpgen's module directory (for go.sum).
	ModuleRoot string
	// Dir keeps the throwaway module there (for debugging); "" is a temp dir.
	Dir string
	// NoBuild stops after generate (no vet, no tests).
	NoBuild bool
}

// Run generates every case and builds and tests them in one module.
func Run(t testing.TB, cases []*Case, o Options) {
	t.Helper()
	for i, c := range cases {
		if c.Pkg == "" {
			c.Pkg = fmt.Sprintf("p%03d", i)
		}
		c.Generate()
	}

	if o.NoBuild {
		return
	}
	mod := o.Dir
	if mod == "" {
		mod = t.TempDir()
	} else if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	// Cases that generate the same files (a page and its other rendering)
	// are built once.
	first := map[string]*Case{}
	var build []*Case
	dups := map[*Case]*Case{}
	for _, c := range cases {
		if c.Files == nil {
			continue
		}
		k := filesKey(c.Files)
		if f := first[k]; f != nil {
			dups[c] = f
			continue
		}
		first[k] = c
		build = append(build, c)
	}
	writeModule(t, o.ModuleRoot, mod, build)
	vet(mod, build)
	goTest(mod, build)
	for c, f := range dups {
		c.Stage, c.Detail = f.Stage, f.Detail
	}
}

// filesKey identifies generated output by content.
func filesKey(f generator.Files) string {
	paths := make([]string, 0, len(f))
	for p := range f {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(f[p]))
		h.Write(f[p])
	}
	return string(h.Sum(nil))
}

func writeModule(t testing.TB, root, mod string, cs []*Case) {
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tmpmod.Write(mod, root, "example.com/buildcheck"))
	for _, c := range cs {
		if c.Files == nil {
			continue
		}
		d := filepath.Join(mod, c.Pkg)
		must(os.RemoveAll(d))
		must(os.MkdirAll(d, 0o755))
		for p, b := range c.Files {
			must(os.WriteFile(filepath.Join(d, p), b, 0o644))
		}
	}
}

func goCmd(mod string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	return cmd
}

func byPkg(cs []*Case) map[string]*Case {
	m := map[string]*Case{}
	for _, c := range cs {
		m["example.com/buildcheck/"+c.Pkg] = c
	}
	return m
}

// pending lists the packages of the cases still passing.
func pending(cs []*Case) []string {
	var pkgs []string
	for _, c := range cs {
		if c.Stage == "" && c.Files != nil {
			pkgs = append(pkgs, "./"+c.Pkg)
		}
	}
	return pkgs
}

// vet runs one go vet over every package and gives each its findings.
func vet(mod string, cs []*Case) {
	pkgs := pending(cs)
	if len(pkgs) == 0 {
		return
	}
	out, _ := goCmd(mod, append([]string{"vet"}, pkgs...)...).CombinedOutput()
	pk := byPkg(cs)
	var cur *Case
	msgs := map[*Case][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if h, ok := strings.CutPrefix(l, "# "); ok {
			if c := pk[strings.Fields(strings.Trim(h, "[]") + " x")[0]]; c != nil {
				cur = c
			}
			continue
		}
		if cur != nil && len(msgs[cur]) < 5 {
			msgs[cur] = append(msgs[cur], l)
		}
	}
	for c, m := range msgs {
		c.fail(StageVet, strings.Join(m, "\n"))
	}
}

type testEvent struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Output     string
}

// goTest runs one go test over the packages that vetted clean.
func goTest(mod string, cs []*Case) {
	pkgs := pending(cs)
	if len(pkgs) == 0 {
		return
	}
	args := append([]string{"test", "-json", "-vet=off", "-count=1", "-timeout=5m"}, pkgs...)
	out, _ := goCmd(mod, args...).Output()
	pk := byPkg(cs)
	outs := map[*Case][]string{}
	failed := map[*Case]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		p := e.Package
		if p == "" {
			p = e.ImportPath
		}
		c := pk[strings.TrimSuffix(p, ".test")]
		if c == nil {
			continue
		}
		switch e.Action {
		case "output", "build-output":
			o := strings.TrimRight(e.Output, "\n")
			if s := strings.TrimSpace(o); s != "" && !strings.HasPrefix(s, "=== ") && len(outs[c]) < 400 {
				outs[c] = append(outs[c], o)
			}
		case "fail", "build-fail":
			if e.Test == "" {
				failed[c] = true
			}
		}
	}
	for c := range failed {
		var keep []string
		for _, l := range outs[c] {
			if strings.Contains(l, "--- FAIL") || strings.Contains(l, ".go:") || strings.Contains(l, "panic") {
				keep = append(keep, l)
			}
			if len(keep) >= 6 {
				break
			}
		}
		c.fail(StageTest, strings.Join(keep, "\n"))
	}
}

var (
	clrNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*([.+][A-Za-z_][A-Za-z0-9_]*)*$`)
	// A member name may hold a space (a JsonProperty name), not a sentence.
	memberRE = regexp.MustCompile(`^[\pL_$@][\pL\pN_$@.\-]*( [\pL\pN_$@.\-]+)?$`)
	// shiftedWords are annotation and type-rendering words: a type or member
	// named so comes from a row whose cells shifted.
	shiftedWords = regexp.MustCompile(`^(Required|None\.?|MaxLength\d+|MinLength\d+|Collection|Dictionary|string|integer|boolean|decimal number|globally unique identifier)$`)
)

// Garbage lists what in a spec the pages cannot have meant: type names that
// are no CLR names or are annotation and type-rendering text, members and
// parameters without a usable name, complex types with no members that no
// page describes (an empty struct would drop what the server sends).
func Garbage(s *spec.Spec) []string {
	var out []string
	for _, t := range s.Types {
		base := t.Name
		if i := strings.IndexByte(base, '<'); i >= 0 {
			base = base[:i]
		}
		simple := base[strings.LastIndexAny(base, ".+")+1:]
		if !clrNameRE.MatchString(base) || shiftedWords.MatchString(simple) {
			out = append(out, fmt.Sprintf("type %q: not a CLR type name", t.Name))
		}
		for _, m := range t.Members {
			if !memberRE.MatchString(m.Name) || shiftedWords.MatchString(m.Name) {
				out = append(out, fmt.Sprintf("type %s member %q: not a member name", t.Name, m.Name))
			}
		}
		if t.Kind == spec.KindComplex && len(t.Members) == 0 && len(t.Sources) == 0 && len(t.TypeParams) == 0 && !t.Synthetic && !t.Opaque {
			out = append(out, fmt.Sprintf("type %s: no members and no page describes it", t.Name))
		}
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			if !memberRE.MatchString(p.Name) {
				out = append(out, fmt.Sprintf("endpoint %s param %q: not a parameter name", e.ID, p.Name))
			}
		}
	}
	return out
}

// TxtarCase is one archive of a case suite (parser/testdata/cases): its
// comment says what the case shows and, on a line "stage: X", where a
// build of it stops ("" when it passes); its "pages/" files are the inputs;
// "want.spec.json" is the spec parse gives them.
type TxtarCase struct {
	Name    string
	Path    string
	Archive *txtar.Archive
	Inputs  []parser.Input
	Stage   string
}

// LoadCases reads every *.txtar archive of dir.
func LoadCases(t testing.TB, dir string) []*TxtarCase {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", dir, err)
	}
	var out []*TxtarCase
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := &TxtarCase{Name: strings.TrimSuffix(filepath.Base(f), ".txtar"), Path: f, Archive: a}
		for _, l := range strings.Split(string(a.Comment), "\n") {
			if st, ok := strings.CutPrefix(l, "stage: "); ok {
				c.Stage = strings.TrimSpace(st)
			}
		}
		for _, af := range a.Files {
			if name, ok := strings.CutPrefix(af.Name, "pages/"); ok {
				c.Inputs = append(c.Inputs, parser.Input{Source: name, Data: af.Data})
			}
		}
		if len(c.Inputs) == 0 {
			t.Fatalf("%s: no pages/ files", f)
		}
		out = append(out, c)
	}
	return out
}

// ModuleRoot finds helpgen's module directory from the working directory.
func ModuleRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
