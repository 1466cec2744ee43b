package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/helpgen/helpgen/internal/udiff"
)

// Files is generated output: path (relative, slash-separated) → content.
type Files map[string][]byte

// IsGenerated reports whether a file carries helpgen's header, i.e. may be
// replaced or deleted by the next generate.
func IsGenerated(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return bytes.Equal(bytes.TrimSpace(line), []byte("// "+Header))
}

// Write writes files under dir: only what changed, never a WriteOnce file
// that exists, and it removes generated files that are no longer produced.
// It returns the paths it wrote or removed.
func Write(dir string, files Files) ([]string, error) {
	var changed []string
	for _, p := range sortedPaths(files) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		old, err := os.ReadFile(full)
		if err == nil && (bytes.Equal(old, files[p]) || WriteOnce[p]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return changed, err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return changed, err
		}
		changed = append(changed, p)
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return changed, err
	}
	for _, p := range stale {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return changed, err
		}
		changed = append(changed, p)
	}
	return changed, nil
}

// Check compares files with dir and returns a unified diff of every
// difference ("" when dir is up to date). WriteOnce files only need to exist.
func Check(dir string, files Files) (string, error) {
	var out strings.Builder
	for _, p := range sortedPaths(files) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		old, err := os.ReadFile(full)
		if err != nil && !os.IsNotExist(err) {
			return "", err
		}
		if err == nil && WriteOnce[p] {
			continue
		}
		if os.IsNotExist(err) {
			old = nil
		}
		out.WriteString(udiff.Diff("a/"+p, "b/"+p, old, files[p]))
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return "", err
	}
	for _, p := range stale {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return "", err
		}
		out.WriteString(udiff.Diff("a/"+p, "/dev/null", old, nil))
	}
	return out.String(), nil
}

// staleFiles are generated files in dir (not below it) that files no longer has.
func staleFiles(dir string, files Files) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var stale []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if _, ok := files[e.Name()]; ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if IsGenerated(data) {
			stale = append(stale, e.Name())
		}
	}
	sort.Strings(stale)
	return stale, nil
}

func sortedPaths(files Files) []string {
	ps := make([]string, 0, len(files))
	for p := range files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
