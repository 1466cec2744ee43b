package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// repoRoot is this checkout (internal/cli is two levels down).
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run runs the command in-process and returns its exit status and output.
func run(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return code, o.String(), e.String()
}

// mustRun runs the command and fails the test unless it exits with want.
func mustRun(t testing.TB, want int, args ...string) (stdout, stderr string) {
	t.Helper()
	code, o, e := run(t, args...)
	if code != want {
		t.Fatalf("helpgen %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, clip(o), clip(e))
	}
	return o, e
}

func clip(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "\n…"
	}
	return s
}

// clinicFiles lists the clinic corpus as slash paths "html/…" (the HTML
// pages bundled in pages/clinic) and "text/…" (the text renderings in
// parser/testdata/text); clinicPath finds them.
func clinicFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, top := range []string{"html", "text"} {
		base := clinicPath(t, top)
		err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(base, p)
			files = append(files, top+"/"+filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	if len(files) < 40 {
		t.Fatalf("clinic corpus: only %d files", len(files))
	}
	return files
}

// clinicPath maps a clinicFiles path (or its top directory) to the file.
func clinicPath(t testing.TB, rel string) string {
	top, rest, _ := strings.Cut(rel, "/")
	if top == "html" {
		return filepath.Join(repoRoot(t), "pages", "clinic", filepath.FromSlash(rest))
	}
	return filepath.Join(repoRoot(t), "parser", "testdata", "text", filepath.FromSlash(rest))
}

// copyClinic copies the clinic corpus files (in the given order, which
// decides the order they are created in) under dst, renaming the top
// directories "html" and "text" with rename (nil keeps them). It returns
// the two directories.
func copyClinic(t testing.TB, dst string, files []string, rename map[string]string) (htmlDir, textDir string) {
	t.Helper()
	top := func(name string) string {
		if r, ok := rename[name]; ok {
			return r
		}
		return name
	}
	for _, f := range files {
		first, rest, _ := strings.Cut(f, "/")
		target := filepath.Join(dst, top(first), filepath.FromSlash(rest))
		data, err := os.ReadFile(clinicPath(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dst, top("html")), filepath.Join(dst, top("text"))
}

// readTree reads every file under dir: slash path → content.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree fails the test when two trees differ, naming the files.
func sameTree(t testing.TB, what string, a, b map[string][]byte) {
	t.Helper()
	var diffs []string
	for p, da := range a {
		db, ok := b[p]
		switch {
		case !ok:
			diffs = append(diffs, p+" only in the first")
		case !bytes.Equal(da, db):
			diffs = append(diffs, p+" differs")
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			diffs = append(diffs, p+" only in the second")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s: outputs differ:\n  %s", what, strings.Join(diffs, "\n  "))
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
