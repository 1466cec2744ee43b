// Package wildtest runs the wild corpus — real Help Page texts of public
// .NET APIs, in ../shared/corpus/wild beside the repository (other
// people's pages: never copied into it) — through the whole of helpgen:
// every page alone and every site with more than one file as one package,
// parse → spec JSON → generate → go vet → the generated tests.
//
// Where the corpus is missing the test skips with a message;
// HELPGEN_REQUIRE_WILD=1 (set by .ci/run) makes that a failure.
// HELPGEN_WILD_CORPUS names another corpus directory. For work on single
// cases: HELPGEN_WILD_RUN=regexp selects cases by name, HELPGEN_WILD_NOBUILD=1
// stops after generate, HELPGEN_WILD_KEEP=dir keeps the throwaway module.
package wildtest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/helpgen/helpgen/internal/buildcheck"
	"github.com/helpgen/helpgen/parser"
)

// RequireEnv turns the missing-corpus skip into a failure when set to 1.
const RequireEnv = "HELPGEN_REQUIRE_WILD"

// minPagePass is the share of pages that must pass (issue 15: ≥ 95%).
const minPagePass = 0.95

func corpusDir(t *testing.T) string {
	if d := os.Getenv("HELPGEN_WILD_CORPUS"); d != "" {
		return d
	}
	return filepath.Join(filepath.Dir(buildcheck.ModuleRoot(t)), "shared", "corpus", "wild")
}

// wildCase is a buildcheck case with what it is.
type wildCase struct {
	*buildcheck.Case
	site bool
}

// wildCases lists every page alone (renderings included) and every site
// folder with more than one file as one package.
func wildCases(t *testing.T, dir string) []*wildCase {
	sites, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*wildCase
	for _, s := range sites {
		if !s.IsDir() {
			continue
		}
		site := filepath.Join(dir, s.Name())
		in, err := parser.ReadInputs([]string{site})
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range in {
			name := "page " + i.Source // "<site>/<file>", "<site>/rendering-2/<file>"
			page := i
			page.Source = filepath.Base(i.Source) // as "helpgen parse <file>" names it
			out = append(out, &wildCase{Case: &buildcheck.Case{Name: name, Inputs: []parser.Input{page}}})
		}
		if len(in) > 1 {
			out = append(out, &wildCase{Case: &buildcheck.Case{Name: "site " + s.Name(), Inputs: in}, site: true})
		}
	}
	return out
}

// knownFailures reads testdata/known-failures.txt: "page <name>" lines
// (with a "# why" comment) of pages that do not pass, each with its
// located diagnostic. A page not listed that fails, or one listed that
// passes, fails the test: the list is the record of what is left.
func knownFailures(t *testing.T) map[string]string {
	f, err := os.Open("testdata/known-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		name, why, _ := strings.Cut(l, " # ")
		out[strings.TrimSpace(name)] = why
	}
	return out
}

func TestWildCorpus(t *testing.T) {
	dir := corpusDir(t)
	if _, err := os.Stat(filepath.Join(dir, "index.tsv")); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("wild corpus not found at %s (%s=1)", dir, RequireEnv)
		}
		t.Skipf("wild corpus not found at %s (it lives beside the repository as ../shared/corpus/wild; HELPGEN_WILD_CORPUS names another)", dir)
	}
	all := wildCases(t, dir)
	cs := all
	if re := os.Getenv("HELPGEN_WILD_RUN"); re != "" {
		rx := regexp.MustCompile(re)
		cs = nil
		for _, c := range all {
			if rx.MatchString(c.Name) {
				cs = append(cs, c)
			}
		}
	}
	bc := make([]*buildcheck.Case, len(cs))
	for i, c := range cs {
		bc[i] = c.Case
		c.Pkg = fmt.Sprintf("w%03d", i)
	}
	start := time.Now()
	noBuild := os.Getenv("HELPGEN_WILD_NOBUILD") != ""
	buildcheck.Run(t, bc, buildcheck.Options{
		ModuleRoot: buildcheck.ModuleRoot(t),
		Dir:        os.Getenv("HELPGEN_WILD_KEEP"),
		NoBuild:    noBuild,
	})
	// The expectations hold for the whole corpus, built.
	whole := len(cs) == len(all) && !noBuild
	t.Logf("parse, generate, vet and test of %d cases: %v", len(cs), time.Since(start).Round(time.Second))

	known := knownFailures(t)
	var pages, pagePass, sites, sitePass, panics int
	var report []string
	for _, c := range cs {
		if c.site {
			sites++
		} else {
			pages++
		}
		if c.Stage == "" {
			if c.site {
				sitePass++
			} else {
				pagePass++
			}
			if why, ok := known[c.Name]; ok && whole {
				t.Errorf("%s passes now: remove it from testdata/known-failures.txt (%s)", c.Name, why)
			}
			continue
		}
		if c.Stage == buildcheck.StagePanic {
			panics++
		}
		report = append(report, fmt.Sprintf("%s [%s] %s\n    %s", c.Name, c.Pkg, c.Stage, strings.ReplaceAll(c.Detail, "\n", "\n    ")))
		switch {
		case c.site:
			t.Errorf("site %s does not pass (%s): %s", c.Name, c.Stage, firstLine(c.Detail))
		case c.Stage == buildcheck.StagePanic:
			t.Errorf("%s panics: %s", c.Name, firstLine(c.Detail))
		case known[c.Name] == "":
			t.Errorf("%s does not pass (%s): %s", c.Name, c.Stage, firstLine(c.Detail))
		}
	}
	sort.Strings(report)
	if len(report) > 0 {
		t.Logf("failures, with their located diagnostics:\n%s", strings.Join(report, "\n"))
	}
	rate := float64(pagePass) / float64(max(pages, 1))
	t.Logf("wild corpus: pages %d/%d pass (%.1f%%), sites %d/%d pass, panics %d", pagePass, pages, 100*rate, sitePass, sites, panics)
	if whole && rate < minPagePass {
		t.Errorf("page pass rate %.1f%% < %.0f%%", 100*rate, 100*minPagePass)
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
