package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/parser"
)

// wildCorpus is the shared wild corpus (real Help Page texts, some from
// customised templates), or "" when this checkout has none beside it.
func wildCorpus(t *testing.T) string {
	dir := filepath.Join(repoRoot(t), "..", "shared", "corpus", "wild")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// The "not a Help Page" check rejects nothing the parser can use: every
// page of the wild corpus, and of the bundled corpora, that yields an
// endpoint or a type on its own, and every index page, passes it.
func TestHelpPageCheckKeepsRealPages(t *testing.T) {
	roots := []string{
		filepath.Join(repoRoot(t), "pages"),
		filepath.Join(repoRoot(t), "parser", "testdata"),
	}
	if w := wildCorpus(t); w != "" {
		roots = append(roots, w)
	} else {
		t.Log("no wild corpus beside this checkout (../shared/corpus/wild): bundled pages only")
	}
	pages, kept := 0, 0
	for _, root := range roots {
		in, err := parser.ReadInputs([]string{root})
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range in {
			// An index page yields nothing alone, but gives the endpoints
			// of the other pages their controllers.
			s := parser.Parse([]parser.Input{i})
			p, _ := parser.ParsePage(i.Source, i.Data)
			if len(s.Endpoints) == 0 && len(s.Types) == 0 && p.Kind != parser.PageIndex {
				continue
			}
			pages++
			if why, _ := notHelpPage(i); why != "" {
				t.Errorf("%s yields %d endpoints and %d types (page kind %d) but is rejected: %s", i.Source, len(s.Endpoints), len(s.Types), p.Kind, why)
				continue
			}
			kept++
		}
	}
	t.Logf("%d of %d pages that yield endpoints or types, or are indexes, pass the check", kept, pages)
	if pages < 50 {
		t.Errorf("only %d pages yield anything: the corpora moved?", pages)
	}
}

// Files that are not Help Pages, each alone, and each beside a real page.
func TestNotHelpPages(t *testing.T) {
	dir := t.TempDir()
	seedPage := readFile(t, filepath.Join(repoRoot(t), "pages", "seed", "POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send.txt"))
	junk := map[string]struct{ content, why, at string }{ // at: the line named, if any
		"readme.html": {githubReadme, "none of a Help Page's headings", ""},
		"empty.txt":   {"", "empty", ""},
		"blank.txt":   {"\n \t\n", "empty", ""},
		"binary.bin":  {"GIF89a\x00\x01\x02", "binary data", ""},
		"login.html":  {"<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in</h1><form><input name=user></form></body></html>", "none of a Help Page's headings", ""},
		"notes.txt":   {"TODO\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "a table with columns a | b, where a Help Page has", ":3"},
	}
	for name, j := range junk {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			writeFile(t, p, j.content)
			// Alone: an error naming the file and why, for every command
			// that reads inputs, and nothing written.
			for _, args := range [][]string{
				{"parse", p},
				{"generate", "-o", filepath.Join(dir, "out"), p},
				{"check", "-o", filepath.Join(dir, "out"), p},
				{"openapi", p},
				{"diff", p, p},
			} {
				code, out, errOut := run(t, args...)
				if code != 2 || out != "" || !strings.Contains(errOut, name+j.at+": not a Help Page ("+j.why) {
					t.Errorf("helpgen %s: exit %d, stdout %q, stderr:\n%s", strings.Join(args, " "), code, clip(out), errOut)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Error("output written")
			}
			// Beside a Help Page: skipped, with a warning that names it.
			pair := filepath.Join(dir, "pair-"+strings.TrimSuffix(name, filepath.Ext(name)))
			writeFile(t, filepath.Join(pair, name), j.content)
			writeFile(t, filepath.Join(pair, "page.txt"), seedPage)
			out, errOut := mustRun(t, 0, "parse", pair)
			if !strings.Contains(errOut, name+j.at+": warning: not a Help Page ("+j.why) || !strings.Contains(out, `"POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send"`) {
				t.Errorf("parse of %s beside a page:\n%s", name, errOut)
			}
			if strings.Contains(out, "TheGoProgrammingLanguage") {
				t.Error("the README became a type")
			}
		})
	}
	// Several inputs, none a page: one error listing them.
	code, _, errOut := run(t, "parse", filepath.Join(dir, "readme.html"), filepath.Join(dir, "empty.txt"))
	if code != 2 || !strings.Contains(errOut, "none of the 2 inputs is a Help Page") || !strings.Contains(errOut, "empty.txt: empty") {
		t.Errorf("two non-pages: exit %d\n%s", code, errOut)
	}
}

// githubReadme is the shape of a repository page as GitHub renders it: a
// file list table and the README (the one the issue reports became
// "type TheGoProgrammingLanguage struct { Api *Dir }").
const githubReadme = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GitHub - golang/go: The Go programming language</title></head>
<body>
<header><a href="/">GitHub</a> <a href="/login">Sign in</a></header>
<main>
<table aria-labelledby="folders-and-files">
<thead><tr><th>Name</th><th>Last commit message</th><th>Last commit date</th></tr></thead>
<tbody>
<tr><td><a href="/golang/go/tree/master/api">api</a></td><td>Dir</td><td>2 days ago</td></tr>
<tr><td><a href="/golang/go/tree/master/doc">doc</a></td><td>Dir</td><td>last week</td></tr>
<tr><td><a href="/golang/go/tree/master/src">src</a></td><td>Dir</td><td>yesterday</td></tr>
</tbody>
</table>
<article class="markdown-body">
<h1>The Go Programming Language</h1>
<p>Go is an open source programming language that makes it easy to build simple, reliable, and efficient software.</p>
<h3>Download and Install</h3>
<p>Official binary distributions are available at https://go.dev/dl/.</p>
<h3>Contributing</h3>
<p>Go is the work of thousands of contributors.</p>
</article>
</main>
<footer>© 2025 GitHub, Inc.</footer>
</body></html>
`
