package wildtest

import (
	"bufio"
	"bytes"
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
	"time"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// wcase is one harness case: a page alone, or a whole site as one package.
type wcase struct {
	name string // "page site/file.txt" or "site site"
	path string // file or directory
	site bool
	pkg  string // Go package name in the throwaway module
	// outcome
	stage  string // "" (pass), "panic", "parse", "generate", "vet", "test"
	detail string
	files  generator.Files
}

func (c *wcase) fail(stage, detail string) {
	if c.stage == "" {
		c.stage, c.detail = stage, detail
	}
}

// cases lists every page of the corpus alone and every site with more than
// one file (renderings included) as one package.
func cases(t *testing.T, dir string) []*wcase {
	sites, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*wcase
	for _, s := range sites {
		if !s.IsDir() {
			continue
		}
		var files []string
		err := filepath.WalkDir(filepath.Join(dir, s.Name()), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			rel, _ := filepath.Rel(dir, f)
			out = append(out, &wcase{name: "page " + filepath.ToSlash(rel), path: f})
		}
		if len(files) > 1 {
			out = append(out, &wcase{name: "site " + s.Name(), path: filepath.Join(dir, s.Name()), site: true})
		}
	}
	for i, c := range out {
		c.pkg = fmt.Sprintf("w%03d", i)
	}
	return out
}

// generate runs parse → spec JSON → load → generate in process, recovering
// panics (a panic is a failure of its own class).
func (c *wcase) generate() {
	defer func() {
		if r := recover(); r != nil {
			c.stage, c.detail = "panic", fmt.Sprintf("%v\n%s", r, firstFrames(debug.Stack()))
		}
	}()
	s, err := parser.ParseFiles([]string{c.path})
	if err != nil {
		c.fail("parse", err.Error())
		return
	}
	var errs []string
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Error {
			errs = append(errs, d.String())
		}
	}
	if len(errs) > 0 {
		c.fail("parse", strings.Join(errs, "\n"))
		return
	}
	if g := garbage(s); len(g) > 0 {
		c.fail("garbage", strings.Join(g, "\n"))
		return
	}
	data, err := spec.Marshal(s)
	if err != nil {
		c.fail("parse", "spec does not marshal: "+err.Error())
		return
	}
	s2, err := spec.Unmarshal(data)
	if err != nil {
		c.fail("generate", "spec written by parse does not load: "+err.Error())
		return
	}
	files, err := generator.Generate(s2, generator.Options{Package: c.pkg})
	var pe *generator.PanicError
	if errors.As(err, &pe) {
		c.fail("panic", err.Error()+"\n"+firstFrames(pe.Stack))
		return
	}
	if err != nil {
		c.fail("generate", err.Error())
		return
	}
	c.files = files
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	var keep []string
	for _, l := range lines {
		if strings.Contains(l, "helpgen/") && !strings.Contains(l, "wildtest") {
			keep = append(keep, strings.TrimSpace(l))
		}
		if len(keep) >= 6 {
			break
		}
	}
	return strings.Join(keep, "\n")
}

func corpusDir(t *testing.T) string {
	if d := os.Getenv("HELPGEN_WILD_CORPUS"); d != "" {
		return d
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(filepath.Dir(root), "shared", "corpus", "wild")
}

func TestWildCorpus(t *testing.T) {
	dir := corpusDir(t)
	if _, err := os.Stat(filepath.Join(dir, "index.tsv")); err != nil {
		t.Skipf("wild corpus not found at %s (set HELPGEN_WILD_CORPUS)", dir)
	}
	start := time.Now()
	cs := cases(t, dir)
	if re := os.Getenv("HELPGEN_WILD_RUN"); re != "" {
		// Iterating on a few cases: HELPGEN_WILD_RUN=regexp of case names.
		rx := regexp.MustCompile(re)
		var keep []*wcase
		for _, c := range cs {
			if rx.MatchString(c.name) {
				keep = append(keep, c)
			}
		}
		cs = keep
	}
	for _, c := range cs {
		c.generate()
	}
	genTime := time.Since(start)
	if os.Getenv("HELPGEN_WILD_NOBUILD") != "" {
		// Iterating on the parser: parse, lint and generate only.
		report(t, cs)
		return
	}
	mod := t.TempDir()
	if keep := os.Getenv("HELPGEN_WILD_KEEP"); keep != "" {
		// Debugging: keep the throwaway module in this directory.
		mod = keep
		if err := os.MkdirAll(mod, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeModule(t, mod, cs)
	vetStart := time.Now()
	vet(t, mod, cs)
	vetTime := time.Since(vetStart)
	testStart := time.Now()
	gotest(t, mod, cs)
	testTime := time.Since(testStart)
	report(t, cs)
	t.Logf("times: parse+generate %v, vet %v, test %v", genTime.Round(time.Millisecond), vetTime.Round(time.Second), testTime.Round(time.Second))
}

func writeModule(t *testing.T, mod string, cs []*wcase) {
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	var uuidSum []string
	for _, l := range strings.Split(string(sum), "\n") {
		if strings.HasPrefix(l, "github.com/google/uuid ") {
			uuidSum = append(uuidSum, l)
		}
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/wild\n\ngo 1.24\n\nrequire github.com/google/uuid v1.6.0\n"), 0o644))
	must(os.WriteFile(filepath.Join(mod, "go.sum"), []byte(strings.Join(uuidSum, "\n")+"\n"), 0o644))
	for _, c := range cs {
		if c.files == nil {
			continue
		}
		d := filepath.Join(mod, c.pkg)
		must(os.MkdirAll(d, 0o755))
		for p, b := range c.files {
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

func byPkg(cs []*wcase) map[string]*wcase {
	m := map[string]*wcase{}
	for _, c := range cs {
		m["example.com/wild/"+c.pkg] = c
	}
	return m
}

// vet runs one go vet over every package and attributes its findings.
func vet(t *testing.T, mod string, cs []*wcase) {
	out, _ := goCmd(mod, "vet", "./...").CombinedOutput()
	pk := byPkg(cs)
	var cur *wcase
	msgs := map[*wcase][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if h, ok := strings.CutPrefix(l, "# "); ok {
			h = strings.Trim(h, "[]")
			if c := pk[strings.Fields(h + " x")[0]]; c != nil {
				cur = c
			}
			continue
		}
		if cur != nil && len(msgs[cur]) < 5 {
			msgs[cur] = append(msgs[cur], l)
		}
	}
	for c, m := range msgs {
		c.fail("vet", strings.Join(m, "\n"))
	}
}

type testEvent struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Output     string
}

// gotest runs one go test over the packages that vetted clean.
func gotest(t *testing.T, mod string, cs []*wcase) {
	var pkgs []string
	for _, c := range cs {
		if c.stage == "" && c.files != nil {
			pkgs = append(pkgs, "./"+c.pkg)
		}
	}
	if len(pkgs) == 0 {
		return
	}
	args := append([]string{"test", "-json", "-vet=off", "-count=1", "-timeout=5m"}, pkgs...)
	out, _ := goCmd(mod, args...).Output()
	pk := byPkg(cs)
	outs := map[*wcase][]string{}
	failed := map[*wcase]bool{}
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
			if strings.TrimSpace(o) != "" && !strings.HasPrefix(strings.TrimSpace(o), "=== ") && len(outs[c]) < 400 {
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
			if strings.Contains(l, "--- FAIL") || strings.Contains(l, "_test.go:") || strings.Contains(l, ".go:") || strings.Contains(l, "panic") {
				keep = append(keep, l)
			}
			if len(keep) >= 6 {
				break
			}
		}
		c.fail("test", strings.Join(keep, "\n"))
	}
}

func report(t *testing.T, cs []*wcase) {
	var pages, pagePass, sites, sitePass, panics int
	stages := map[string]int{}
	var b strings.Builder
	for _, c := range cs {
		if c.site {
			sites++
			if c.stage == "" {
				sitePass++
			}
		} else {
			pages++
			if c.stage == "" {
				pagePass++
			}
		}
		if c.stage == "panic" {
			panics++
		}
		stages[c.stage]++
		if c.stage != "" {
			fmt.Fprintf(&b, "FAIL %s [%s] %s\n    %s\n", c.name, c.pkg, c.stage, strings.ReplaceAll(c.detail, "\n", "\n    "))
		}
	}
	t.Logf("wild corpus:\n%s", b.String())
	t.Logf("pages %d/%d pass (%.1f%%), sites %d/%d pass, panics %d; by stage %v",
		pagePass, pages, 100*float64(pagePass)/float64(pages), sitePass, sites, panics, stages)
}

var (
	clrNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*([.+][A-Za-z_][A-Za-z0-9_]*)*$`)
	memberRE  = regexp.MustCompile(`^[\pL_$@][\pL\pN_$@.\-]*$`)
	// annotWords are annotation and type-rendering words: a type or member
	// named so comes from a shifted row.
	annotWords = regexp.MustCompile(`^(Required|None\.?|MaxLength\d+|MinLength\d+|Collection|Dictionary|string|integer|boolean|decimal number|globally unique identifier)$`)
)

// garbage lists what in a spec cannot be what the pages meant: names that
// are annotation or type-rendering text, members without a name, types
// with no members that no page described as empty.
func garbage(s *spec.Spec) []string {
	var out []string
	for _, t := range s.Types {
		base := t.Name
		if i := strings.IndexByte(base, '<'); i >= 0 {
			base = base[:i]
		}
		simple := base[strings.LastIndexAny(base, ".+")+1:]
		if !clrNameRE.MatchString(base) || annotWords.MatchString(simple) {
			out = append(out, fmt.Sprintf("type %q: not a CLR type name", t.Name))
		}
		for _, m := range t.Members {
			if !memberRE.MatchString(m.Name) || annotWords.MatchString(m.Name) {
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
