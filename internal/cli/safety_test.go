package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/generator"
	"github.com/helpgen/helpgen/spec"
)

const seedPageName = "POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send.txt"

func seedPage(t *testing.T) string {
	return filepath.Join(repoRoot(t), "pages", "seed", seedPageName)
}

// generate and check never replace a file helpgen did not write, nor add
// their package to a directory of another one, unless given -force; the
// error names the file and the flag, and nothing is written.
func TestGenerateKeepsUsersFiles(t *testing.T) {
	page := seedPage(t)

	t.Run("hand-written file", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "api")
		mine := filepath.Join(dir, "types_gen.go")
		const hand = "package api\n\n// My own types, written by hand.\ntype Mine struct{}\n"
		writeFile(t, mine, hand)
		for _, cmd := range []string{"generate", "check"} {
			code, out, errOut := run(t, cmd, "-o", dir, page)
			if code != 2 || !strings.Contains(errOut, mine) || !strings.Contains(errOut, "-force") || strings.Contains(errOut, "wrote") {
				t.Errorf("%s over a hand-written types_gen.go: exit %d\nstdout: %s\nstderr: %s", cmd, code, clip(out), errOut)
			}
		}
		if got := readFile(t, mine); got != hand {
			t.Fatalf("the hand-written file changed:\n%s", clip(got))
		}
		if files := readTree(t, dir); len(files) != 1 {
			t.Errorf("files written beside the refused one: %d files", len(files))
		}
		// -force replaces it, and says so.
		_, errOut := mustRun(t, 0, "generate", "-force", "-o", dir, page)
		if !strings.Contains(errOut, "wrote types_gen.go") || !generator.IsGenerated([]byte(readFile(t, mine))) {
			t.Errorf("generate -force did not replace types_gen.go: %s", errOut)
		}
		mustRun(t, 0, "generate", "-o", dir, page) // now helpgen's: no -force needed
	})

	t.Run("another package", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "tool")
		mainGo := filepath.Join(dir, "main.go")
		writeFile(t, mainGo, "package main\n\nfunc main() {}\n")
		// A file its build constraints exclude is not part of the package.
		writeFile(t, filepath.Join(dir, "gen.go"), "//go:build ignore\n\npackage other\n")
		for _, cmd := range []string{"generate", "check"} {
			code, _, errOut := run(t, cmd, "-o", dir, "-pkg", "handwritten", page)
			if code != 2 || !strings.Contains(errOut, mainGo+" is package main") || !strings.Contains(errOut, "-pkg main") || !strings.Contains(errOut, "-force") {
				t.Errorf("%s -pkg handwritten beside package main: exit %d\n%s", cmd, code, errOut)
			}
		}
		if files := readTree(t, dir); len(files) != 2 {
			t.Errorf("%d files in the directory, want the user's 2", len(files))
		}
		// Without -pkg the default (the directory's name) is refused too.
		if code, _, errOut := run(t, "generate", "-o", dir, page); code != 2 || !strings.Contains(errOut, "will not write package tool") {
			t.Errorf("generate with the default package beside package main: exit %d\n%s", code, errOut)
		}
		// The package the directory holds is fine, and its test package.
		writeFile(t, filepath.Join(dir, "main_test.go"), "package main_test\n")
		mustRun(t, 0, "generate", "-o", dir, "-pkg", "main", page)
		if readFile(t, mainGo) != "package main\n\nfunc main() {}\n" {
			t.Error("main.go changed")
		}
	})

	t.Run("spec file", func(t *testing.T) {
		dir := t.TempDir()
		notes := filepath.Join(dir, "notes.json")
		writeFile(t, notes, `{"mine": true}`)
		for _, args := range [][]string{
			{"generate", "-o", filepath.Join(dir, "api"), "-spec", notes, page},
			{"parse", "-spec", notes, page},
		} {
			code, _, errOut := run(t, args...)
			if code != 2 || !strings.Contains(errOut, notes+" exists and is not a helpgen spec JSON") || !strings.Contains(errOut, "-force") {
				t.Errorf("helpgen %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
			}
		}
		if readFile(t, notes) != `{"mine": true}` {
			t.Error("notes.json changed")
		}
		doc := filepath.Join(dir, "README.md")
		writeFile(t, doc, "# my notes\n")
		if code, _, errOut := run(t, "openapi", "-o", doc, page); code != 2 || !strings.Contains(errOut, "not an OpenAPI document") {
			t.Errorf("openapi -o over a README: exit %d\n%s", code, errOut)
		}
		mustRun(t, 0, "parse", "-force", "-spec", notes, page)
		mustRun(t, 0, "parse", "-spec", notes, page) // a spec now
	})
}

// Every command that reads inputs rejects a broken or empty spec JSON
// file, a non-page, and pages with errors the same way: exit 2, a message
// that names the file, nothing on stdout. A corrupt baseline can no longer
// pass diff -fail-on-breaking.
func TestBrokenInputsFailEveryCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(repoRoot(t), "out", "clinic", "spec.json")
	for _, c := range []struct{ name, content, want string }{
		{"broken.json", "{not json", "broken.json:1:2: not a helpgen spec: invalid character 'n'"},
		{"cut.json", "{\n  \"schema\": \"helpgen.spec/v1\",\n  \"endpoints\": [", "cut.json: not a helpgen spec: unexpected end of JSON"},
		{"other.json", `{"name": "my-package", "version": "1.0.0"}`, `other.json: not a helpgen spec: json: unknown field "name"`},
		{"old.json", `{"schema": "helpgen.spec/v0"}`, `old.json: not a helpgen spec: schema "helpgen.spec/v0"`},
		{"nothing.json", `{"schema": "helpgen.spec/v1", "endpoints": [], "types": []}`, "describe no endpoint and no type"},
		{"empty.json", "", "empty.json: not a Help Page (empty)"},
		{"errors.txt", "Release notes\n\nThe Additional information column is new.\n", "errors.txt: error: no Help Page content found"},
	} {
		in := filepath.Join(dir, c.name)
		writeFile(t, in, c.content)
		for _, args := range [][]string{
			{"diff", "-fail-on-breaking", in, good},
			{"diff", good, in},
			{"openapi", in},
			{"parse", in},
			{"generate", "-o", filepath.Join(dir, "out"), in},
			{"check", "-o", filepath.Join(dir, "out"), in},
		} {
			code, out, errOut := run(t, args...)
			if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
				t.Errorf("helpgen %s: exit %d, want 2 and %q\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, c.want, clip(out), errOut)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("output written")
	}
	// The page with errors: the error is the parser's, printed once.
	_, _, errOut := run(t, "parse", filepath.Join(dir, "errors.txt"))
	if strings.Count(errOut, "errors.txt") != 1 {
		t.Errorf("the page is named more than once per line:\n%s", errOut)
	}
}

// -strict makes warnings errors for parse, generate and check: a page cut
// mid-way (which loses the endpoint's response type) exits 1 and writes
// nothing. Without it, the run ends with the one-line summary by kind.
func TestStrictTruncatedPage(t *testing.T) {
	dir := t.TempDir()
	full := readFile(t, seedPage(t))
	i := strings.Index(full, "Resource Description")
	if i < 0 {
		t.Fatal("the seed page has no Resource Description")
	}
	cut := filepath.Join(dir, "pages", seedPageName)
	writeFile(t, cut, full[:i+len("Resource Description")+40])
	out := filepath.Join(dir, "api")
	for _, args := range [][]string{
		{"generate", "-strict", "-o", out, cut},
		{"check", "-strict", "-o", out, cut},
		{"parse", "-strict", cut},
	} {
		code, stdout, errOut := run(t, args...)
		if code != 1 || stdout != "" || !regexp.MustCompile(`-strict: \d+ warnings? \(.*\btruncated\b.*\); nothing written\n$`).MatchString(errOut) {
			t.Errorf("helpgen %s: exit %d, want 1\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, clip(stdout), errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("generate -strict wrote output")
	}
	_, errOut := mustRun(t, 0, "generate", "-o", out, cut)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^helpgen generate: \d+ warnings? \((\d+ [a-z-]+, )*\d+ truncated(, \d+ [a-z-]+)*\)$`).MatchString(last) {
		t.Errorf("the last line is not the summary: %q", last)
	}
	// The committed seed page has no warnings about the page, only about
	// what no page can show: -strict refuses them until the config pins
	// them, then passes, with no summary.
	code, _, errOut := run(t, "generate", "-strict", "-o", filepath.Join(dir, "seed"), seedPage(t))
	if code != 1 || !strings.Contains(errOut, "-strict: 3 warnings (3 assumed); nothing written") {
		t.Errorf("generate -strict with what the page cannot show: exit %d\n%s", code, errOut)
	}
	config := filepath.Join(dir, "seed.json")
	writeFile(t, config, `{"wire": {
  "memberTypes": {
    "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiResult<guid>.ResponseCode": "int",
    "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiResult<guid>.Data": "guid"
  },
  "bodyParameters": {"POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send": "command"}
}}`)
	_, errOut = mustRun(t, 0, "generate", "-strict", "-config", config, "-o", filepath.Join(dir, "seed"), seedPage(t))
	if strings.Contains(errOut, "warning") || strings.Contains(errOut, "assumed") {
		t.Errorf("summary without warnings: %s", errOut)
	}
}

func TestWarningKinds(t *testing.T) {
	for msg, want := range map[string]string{
		"the text ends mid-way at line 99: the page is truncated (missing: Resource Description)":                  "truncated",
		"A.b is in the help table but in no sample; wire names assumed from the table":                             "member-not-in-samples",
		"model X is referenced but no page, table or sample describes it; emitted without members":                 "model-not-described",
		"Body Parameters row \"x\" has 2 of its 4 cells":                                                           "short-row",
		"enum E: XML samples show EnumMember values in kebab case; assumed the same for A (not shown on any page)": "enum-guess",
		"not a Help Page (empty): skipped":                                                                         "not-help-page",
		"something new":                                                                                            "other",
		spec.AssumedPrefix + "integer width unknown for 3 (...): A.B; pin with wire.memberTypes":                   "assumed",
	} {
		if got := warningKind(msg); got != want {
			t.Errorf("warningKind(%q) = %q, want %q", msg, got, want)
		}
	}
}

// Flags may follow the inputs, for every command; "--" ends the flags.
func TestFlagsAfterInputs(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(repoRoot(t), "pages", "seed")
	out := filepath.Join(dir, "x")
	mustRun(t, 0, "generate", seed, "-o", out, "-pkg", "x", "-spec", filepath.Join(out, "spec.json"))
	mustRun(t, 0, "check", seed, "-o", out, "-pkg", "x", "-spec", filepath.Join(out, "spec.json"))
	specFile := filepath.Join(dir, "seed.json")
	mustRun(t, 0, "parse", seed, "-spec", specFile)
	if o, _ := mustRun(t, 0, "diff", specFile, specFile, "-format", "json"); !strings.HasPrefix(o, "{") {
		t.Errorf("diff … -format json: %s", clip(o))
	}
	if o, _ := mustRun(t, 0, "openapi", specFile, "-format", "yaml"); !strings.HasPrefix(o, "openapi: ") {
		t.Errorf("openapi … -format yaml: %s", clip(o))
	}
	// After "--", an input may start with "-".
	dash := filepath.Join(dir, "-pages")
	writeFile(t, filepath.Join(dash, seedPageName), readFile(t, seedPage(t)))
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	mustRun(t, 0, "parse", "-spec", "s.json", "--", "-pages")
	if code, _, errOut := run(t, "parse", "-pages"); code != 2 || !strings.Contains(errOut, "flag provided but not defined: -pages") {
		t.Errorf("parse -pages: exit %d\n%s", code, errOut)
	}
}

// -h is help for every command: usage on stdout, exit 0; "help CMD" is
// the same. Usage errors go to stderr with exit 2.
func TestHelpEverywhere(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}} {
			code, out, errOut := run(t, args...)
			if code != 0 || !strings.HasPrefix(out, "usage: helpgen "+c.name) || errOut != "" {
				t.Errorf("helpgen %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, clip(out), errOut)
			}
		}
		if c.name == "version" {
			continue
		}
		code, out, errOut := run(t, c.name, "-no-such-flag")
		if code != 2 || out != "" || !strings.Contains(errOut, "-no-such-flag") || !strings.Contains(errOut, "helpgen "+c.name) {
			t.Errorf("helpgen %s -no-such-flag: exit %d\nstdout: %s\nstderr: %s", c.name, code, clip(out), errOut)
		}
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		if code, out, _ := run(t, args...); code != 0 || !strings.Contains(out, "version") {
			t.Errorf("helpgen %s: exit %d\n%s", strings.Join(args, " "), code, out)
		}
	}
	if code, _, errOut := run(t, "help", "nope"); code != 2 || !strings.Contains(errOut, `unknown command "nope"`) {
		t.Errorf("helpgen help nope: exit %d\n%s", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		out, _ := mustRun(t, 0, args...)
		if !regexp.MustCompile(`^helpgen \S+ .*go1\.\d+`).MatchString(out) {
			t.Errorf("helpgen %s: %q", strings.Join(args, " "), out)
		}
	}
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: modulePath, Version: "v1.2.3"}}
	if got := versionLine(bi); got != "helpgen v1.2.3 go1.26.0" {
		t.Errorf("release: %q", got)
	}
	bi.Main.Version = "(devel)"
	bi.Settings = []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2025-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"}}
	if got := versionLine(bi); got != "helpgen (devel) rev 0123456789ab 2025-01-02T03:04:05Z (modified) go1.26.0" {
		t.Errorf("checkout: %q", got)
	}
	// Run from another module: helpgen is a dependency.
	dep := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "example.com/app"},
		Deps: []*debug.Module{{Path: "github.com/google/uuid", Version: "v1.6.0"}, {Path: modulePath, Version: "v0.4.0"}}}
	if got := versionLine(dep); got != "helpgen v0.4.0 go1.26.0" {
		t.Errorf("dependency: %q", got)
	}
	dep.Deps[1].Replace = &debug.Module{Path: "../helpgen"}
	if got := versionLine(dep); got != "helpgen v0.4.0 => ../helpgen go1.26.0" {
		t.Errorf("replaced dependency: %q", got)
	}
}

// Messages name their command once, and a file once per line.
func TestMessagesNoDoubledPrefix(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "pages", "binary.bin")
	writeFile(t, bin, "\x00\x01")
	writeFile(t, filepath.Join(dir, "pages", seedPageName), readFile(t, seedPage(t)))
	_, errOut := mustRun(t, 0, "parse", filepath.Join(dir, "pages"))
	if !strings.Contains(errOut, "pages/binary.bin: warning: not a Help Page (binary data): skipped") || strings.Count(errOut, "binary.bin") != 1 {
		t.Errorf("binary page:\n%s", errOut)
	}
	// A Help site whose index fails: crawl's error is not "crawl: crawl: …".
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	code, _, errOut := run(t, "crawl", srv.URL+"/Help", "-o", filepath.Join(dir, "crawl"), "-retries", "0")
	if code != 1 || !strings.Contains(errOut, "helpgen crawl: ") || strings.Contains(errOut, "crawl: crawl:") {
		t.Errorf("crawl of a missing index: exit %d\n%s", code, errOut)
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	code, _, errOut = run(t, "generate", "-o", filepath.Join(dir, "api"), srv.URL+"/Help")
	if code != 2 || !strings.Contains(errOut, "helpgen generate: crawling "+srv.URL+"/Help: ") || strings.Contains(errOut, "crawl: ") {
		t.Errorf("generate from a missing site: exit %d\n%s", code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if strings.Count(line, "helpgen") > 1 {
			t.Errorf("doubled prefix: %q", line)
		}
	}
}

// diff and openapi, as their packages' tests had them before their
// command layers moved here: exit codes, formats and files.
func TestDiffAndOpenAPICommands(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	mustRun(t, 0, "parse", "-spec", base, seedPage(t))
	s, err := loadInputs([]string{base}, "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var cut bool
	for _, typ := range s.Types {
		if len(typ.Members) > 1 && !cut {
			typ.Members = typ.Members[:len(typ.Members)-1]
			cut = true
		}
	}
	data, err := spec.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	breaking := filepath.Join(dir, "breaking.json")
	writeFile(t, breaking, string(data))

	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"diff", base, base}, 0, "no changes"},
		{[]string{"diff", base, breaking}, 0, "member-removed"},
		{[]string{"diff", "-fail-on-breaking", base, breaking}, 1, "member-removed"},
		{[]string{"diff", "-fail-on-breaking", breaking, base}, 0, "member-added"},
		{[]string{"diff", "-format", "markdown", base, breaking}, 0, "member-removed"},
		{[]string{"openapi", "-codegen", base}, 0, `"openapi": "3.0.3"`},
		{[]string{"openapi", "-format", "yaml", base}, 0, `openapi: "3.0.3"`},
		{[]string{"openapi", "-o", filepath.Join(dir, "no", "such", "dir.json"), base}, 1, ""},
	} {
		code, out, errOut := run(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) {
			t.Errorf("helpgen %s: exit %d, want %d and %q on stdout\nstdout: %s\nstderr: %s", strings.Join(c.args, " "), code, c.code, c.out, clip(out), errOut)
		}
	}
	yml := filepath.Join(dir, "api.yaml")
	if out, _ := mustRun(t, 0, "openapi", "-o", yml, base); out != "" || !strings.HasPrefix(readFile(t, yml), "openapi: ") {
		t.Errorf("openapi -o api.yaml: stdout %q, file starts %q", out, readFile(t, yml)[:min(20, len(readFile(t, yml)))])
	}
	mustRun(t, 0, "openapi", "-o", yml, base) // its own document: replaced without -force
}
