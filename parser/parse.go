package parser

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/helpgen/helpgen/spec"
)

// ParsePage extracts one page, detecting HTML or a text rendering by
// content, never by file extension.
func ParsePage(source string, data []byte) (*Page, error) {
	if looksLikeHTML(data) {
		return ParseHTML(source, data)
	}
	return ParseText(source, data)
}

// looksLikeHTML reports whether data starts (after a BOM, whitespace and
// comments) with markup: a doctype or an element a Help Page can start with.
func looksLikeHTML(data []byte) bool {
	d := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d = bytes.TrimLeft(d, " \t\r\n")
	for bytes.HasPrefix(d, []byte("<!--")) {
		end := bytes.Index(d, []byte("-->"))
		if end < 0 {
			return true
		}
		d = bytes.TrimLeft(d[end+3:], " \t\r\n")
	}
	if len(d) < 2 || d[0] != '<' {
		return false
	}
	lower := bytes.ToLower(d[:min(len(d), 16)])
	for _, p := range []string{"<!doctype", "<html", "<head", "<body", "<div", "<h1", "<h2", "<p", "<table", "<section", "<header", "<meta", "<title", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// Input is one page to parse: where it came from and its bytes.
type Input struct {
	Source string
	Data   []byte
}

// ReadInputs expands files and directory trees into inputs, sorted by
// path so that the result never depends on the order of arguments or of
// the file system. Sources are named from the argument's last element on
// ("seed/page.txt" for a file found under ../../pages/seed), so that specs
// and diagnostics read the same whichever directory helpgen runs in. Hidden files, crawl manifests and files that cannot be
// pages (images, scripts) are skipped.
func ReadInputs(paths []string) ([]Input, error) {
	seen := map[string]bool{}
	var files []string
	srcName := map[string]string{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
				srcName[p] = filepath.Base(p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !pageFile(name) || seen[path] {
				return nil
			}
			seen[path] = true
			files = append(files, path)
			rel, err := filepath.Rel(p, path)
			if err != nil {
				rel = path
			}
			srcName[path] = filepath.Join(filepath.Base(filepath.Clean(p)), rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(files, func(i, j int) bool {
		if srcName[files[i]] != srcName[files[j]] {
			return srcName[files[i]] < srcName[files[j]]
		}
		return files[i] < files[j]
	})
	in := make([]Input, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		in = append(in, Input{Source: filepath.ToSlash(srcName[f]), Data: data})
	}
	return in, nil
}

// pageFile reports whether a file found in a directory may be a page.
func pageFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".tsv", ".md", ".png", ".jpg", ".gif", ".css", ".js", ".ico", ".go", ".sh", ".cs":
		return false
	}
	return true
}

// Parse extracts every input and builds the spec. A page that cannot be
// read at all becomes an error diagnostic naming it; the others still count.
func Parse(inputs []Input) *spec.Spec {
	in := append([]Input(nil), inputs...)
	sort.SliceStable(in, func(i, j int) bool { return in[i].Source < in[j].Source })
	// Pages parse independently, on every core; results keep input order.
	parsed := make([]*Page, len(in))
	failed := make([]error, len(in))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(in)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1)) - 1; k < len(in); k = int(next.Add(1)) - 1 {
				parsed[k], failed[k] = ParsePage(in[k].Source, in[k].Data)
			}
		}()
	}
	wg.Wait()
	var pages []*Page
	var errs []*spec.Diagnostic
	for k, i := range in {
		if failed[k] != nil {
			errs = append(errs, pageError(i.Source, failed[k]))
			continue
		}
		pages = append(pages, parsed[k])
	}
	s := Build(pages)
	if len(s.Endpoints) == 0 && len(s.Types) == 0 {
		errs = append(errs, &spec.Diagnostic{Severity: spec.Error, Message: fmt.Sprintf("no Help Page content in %d input file(s)", len(in))})
	}
	s.Diagnostics = append(errs, s.Diagnostics...)
	return s
}

// ParseFiles reads paths (files and directories) and parses them.
func ParseFiles(paths []string) (*spec.Spec, error) {
	in, err := ReadInputs(paths)
	if err != nil {
		return nil, err
	}
	if len(in) == 0 {
		return nil, fmt.Errorf("no pages found in %s", strings.Join(paths, ", "))
	}
	return Parse(in), nil
}

// pageError is the diagnostic of a page ParsePage refused. Its errors name
// the page ("src: …" or "src:line: …") for callers that print them alone;
// a diagnostic names it once, in Source.
func pageError(src string, err error) *spec.Diagnostic {
	d := &spec.Diagnostic{Severity: spec.Error, Source: src, Message: err.Error()}
	rest, ok := strings.CutPrefix(d.Message, src+":")
	if !ok {
		return d
	}
	if n := len(rest) - len(strings.TrimLeft(rest, "0123456789")); n > 0 && strings.HasPrefix(rest[n:], ": ") {
		d.Source, rest = src+":"+rest[:n], rest[n:]
	}
	d.Message = strings.TrimPrefix(rest, " ")
	if m, ok := strings.CutPrefix(d.Message, ": "); ok {
		d.Message = m
	}
	return d
}
