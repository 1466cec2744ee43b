package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Exit codes and messages of every subcommand for usage errors, missing
// inputs and unreadable files: 0 ok (and -h), 1 check found differences,
// 2 usage or input errors.
func TestUsageAndInputErrors(t *testing.T) {
	dir := t.TempDir()
	clinicHTML(t, dir)
	pages := filepath.Join(dir, "pages")
	seed := filepath.Join(repoRoot(t), "pages", "seed")
	missing := filepath.Join(dir, "no-such-page.html")

	// An unreadable page inside a directory: a dangling symlink (a mode 000
	// file does not stop root), plus a 000 file when not root.
	badDir := filepath.Join(dir, "bad")
	writeFile(t, filepath.Join(badDir, "ok.txt"), readFile(t, filepath.Join(seed, "POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send.txt")))
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(badDir, "dangling.html")); err != nil {
		t.Fatal(err)
	}
	unreadable := filepath.Join(dir, "unreadable.html")
	writeFile(t, unreadable, "<html></html>")
	os.Chmod(unreadable, 0)
	canRead := true
	if f, err := os.Open(unreadable); err == nil {
		f.Close()
	} else {
		canRead = false
	}

	specFile := filepath.Join(dir, "seed.json")
	mustRun(t, 0, "parse", "-o", specFile, seed)
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	notSpec := filepath.Join(dir, "not-a-spec.json")
	writeFile(t, notSpec, `{"schema": "helpgen.spec/v0"}`)

	cases := []struct {
		args   []string
		code   int
		stdout string // substrings
		stderr string
	}{
		{nil, 2, "", "usage: helpgen <command>"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"help"}, 0, "usage: helpgen <command>", ""},
		{[]string{"-h"}, 0, "usage: helpgen <command>", ""},

		{[]string{"parse"}, 2, "", "no inputs"},
		{[]string{"parse", "-h"}, 0, "usage: helpgen parse", ""},
		{[]string{"parse", "-nope", seed}, 2, "", "flag provided but not defined: -nope"},
		{[]string{"parse", missing}, 2, "", missing},
		{[]string{"parse", empty}, 2, "", "no pages found in " + empty},
		{[]string{"parse", badDir}, 2, "", "dangling.html"},
		{[]string{"parse", notSpec}, 2, "", "not-a-spec.json"},
		{[]string{"parse", seed}, 0, `"schema": "helpgen.spec/v1"`, ""},
		{[]string{"parse", specFile, seed}, 2, "", "must be the only input"},

		{[]string{"generate"}, 2, "", "no output directory"},
		{[]string{"generate", "-o", filepath.Join(dir, "out")}, 2, "", "no inputs"},
		{[]string{"generate", "-h"}, 0, "usage: helpgen generate", ""},
		{[]string{"generate", "-o"}, 2, "", "flag needs an argument: -o"},
		{[]string{"generate", "-o", filepath.Join(dir, "out"), missing}, 2, "", missing},
		{[]string{"generate", "-o", filepath.Join(dir, "out"), badDir}, 2, "", "dangling.html"},
		{[]string{"generate", "-o", filepath.Join(dir, "out"), "-pkg", "my-api", seed}, 2, "", `-pkg "my-api" is not a Go package name`},
		{[]string{"generate", "-config", filepath.Join(dir, "nope.json"), seed}, 2, "", "nope.json"},
		{[]string{"generate", "-o", filepath.Join(dir, "out"), specFile, pages}, 2, "", "must be the only input"},
		{[]string{"generate", "-o", specFile, seed}, 2, "", specFile + " is not a directory"},

		{[]string{"check"}, 2, "", "no output directory"},
		{[]string{"check", "-h"}, 0, "usage: helpgen check", ""},
		{[]string{"check", "-o", filepath.Join(dir, "out"), missing}, 2, "", missing},
		{[]string{"check", "-o", filepath.Join(dir, "never-written"), seed}, 1, "+++ b/types_gen.go", "out of date"},

		{[]string{"crawl"}, 2, "", "want exactly one URL"},
		{[]string{"crawl", "-h"}, 0, "usage: helpgen crawl", ""},
		{[]string{"crawl", "http://example.invalid/Help"}, 2, "", "-o DIR is required"},
		{[]string{"crawl", "-o", dir, "not a url"}, 2, "", "helpgen crawl:"},

		{[]string{"diff"}, 2, "", "usage: helpgen diff"},
		{[]string{"diff", specFile}, 2, "", "usage: helpgen diff"},
		{[]string{"diff", specFile, missing}, 2, "", missing},
		{[]string{"diff", "-format", "xml", specFile, specFile}, 2, "", `unknown -format "xml"`},
		{[]string{"diff", specFile, specFile}, 0, "", ""},
		{[]string{"diff", specFile, seed}, 0, "", ""}, // pages load as well as spec JSON

		{[]string{"openapi"}, 2, "", "usage: helpgen openapi"},
		{[]string{"openapi", missing}, 2, "", missing},
		{[]string{"openapi", "-format", "toml", specFile}, 2, "", `unknown -format "toml"`},
		{[]string{"openapi", specFile}, 0, `"openapi": "3.0.3"`, ""},
		{[]string{"openapi", pages}, 0, `"openapi": "3.0.3"`, ""},
	}
	if !canRead {
		cases = append(cases,
			struct {
				args           []string
				code           int
				stdout, stderr string
			}{[]string{"parse", unreadable}, 2, "", "permission denied"},
			struct {
				args           []string
				code           int
				stdout, stderr string
			}{[]string{"generate", "-o", filepath.Join(dir, "out"), unreadable}, 2, "", "permission denied"})
	}
	for _, c := range cases {
		code, out, errOut := run(t, c.args...)
		name := "helpgen " + strings.Join(c.args, " ")
		if code != c.code {
			t.Errorf("%s: exit %d, want %d\nstderr: %s", name, code, c.code, clip(errOut))
			continue
		}
		if c.stdout != "" && !strings.Contains(out, c.stdout) {
			t.Errorf("%s: stdout lacks %q:\n%s", name, c.stdout, clip(out))
		}
		if c.stderr != "" && !strings.Contains(errOut, c.stderr) {
			t.Errorf("%s: stderr lacks %q:\n%s", name, c.stderr, clip(errOut))
		}
		if c.code == 2 && strings.Contains(errOut, "panic") {
			t.Errorf("%s: %s", name, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a failed generate wrote the output directory")
	}
}

// The package name comes from the output directory, made valid.
func TestPackageName(t *testing.T) {
	for dir, want := range map[string]string{
		"out/seed": "seed", "my-api": "myapi", "v2": "v2", "2fa": "fa", "---": "api", "func": "funcapi", "Clinic_API": "clinicapi",
	} {
		if got := packageName(dir); got != want || !validPackage(got) {
			t.Errorf("packageName(%q) = %q, want %q", dir, got, want)
		}
	}
}

// parse exits 2 when the inputs have errors, and 1 with -strict on
// warnings; it writes nothing then.
func TestParseExitOnDiagnostics(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(junk, []byte("<p>nothing here</p>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := run(t, "parse", junk); code != 2 || out != "" || !strings.Contains(stderr, "notes.txt: not a Help Page") {
		t.Errorf("parse of a non-page: exit %d, stdout %q, stderr %q; want 2, nothing, and the reason", code, clip(out), stderr)
	}
	clinic := filepath.Join("..", "..", "pages", "clinic")
	if code, _, _ := run(t, "parse", clinic); code != 0 {
		t.Errorf("parse with warnings only: exit %d, want 0", code)
	}
	// 3 warnings about the pages, 5 about what they cannot show (assumed).
	if code, out, stderr := run(t, "parse", "-strict", clinic); code != 1 || out != "" || !strings.Contains(stderr, "-strict: 8 warnings (5 assumed,") {
		t.Errorf("parse -strict with warnings: exit %d, stdout %d bytes, stderr %q; want 1, nothing, and the count", code, len(out), stderr)
	}
}
