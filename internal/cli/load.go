package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/helpgen/helpgen/crawl"
	"github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

// This file is the one path from command-line inputs to a spec. parse,
// generate, check, diff and openapi all read their inputs through
// loadInputs, so a broken spec JSON file, an empty file, a page that is not
// a Help Page and pages with errors fail every command the same way (exit
// 2, the same message).

// loadInputs reads the inputs of one command: a single spec JSON file, or
// any mix of page files, directories and Help site URLs (crawled into
// crawlDir, or the user cache when it is ""). Crawl progress goes to
// progress.
//
// The spec is returned whenever there is one to report on, also with an
// error: the caller prints its diagnostics (printDiagnostics) before the
// error, which then only says that there were errors.
func loadInputs(inputs []string, crawlDir string, progress io.Writer) (*spec.Spec, error) {
	if len(inputs) == 0 {
		return nil, errors.New("no inputs: name page files, directories, a spec JSON file or a Help site URL")
	}
	if s, ok, err := loadSpecJSON(inputs); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return s, checkLoaded(s)
	}
	paths, err := resolveURLs(inputs, crawlDir, progress)
	if err != nil {
		return nil, err
	}
	in, err := parser.ReadInputs(paths)
	if err != nil {
		return nil, pathError(err)
	}
	if len(in) == 0 {
		return nil, fmt.Errorf("no pages found in %s", strings.Join(paths, ", "))
	}
	pages, skipped := helpPages(in)
	if len(pages) == 0 {
		return nil, notHelpPages(skipped)
	}
	s := parser.Parse(pages)
	for _, d := range skipped {
		s.Diagnostics = append(s.Diagnostics, &spec.Diagnostic{Severity: spec.Warning, Source: d.Source,
			Message: "not a Help Page (" + d.Message + "): skipped"})
	}
	s.Normalize()
	return s, checkLoaded(s)
}

// checkLoaded is what every loaded spec must satisfy: no errors, and
// something to generate.
func checkLoaded(s *spec.Spec) error {
	if n := countSeverity(s, spec.Error); n > 0 {
		return fmt.Errorf("the inputs have %s (above)", plural(n, "error"))
	}
	if len(s.Endpoints) == 0 && len(s.Types) == 0 {
		return errors.New("the inputs describe no endpoint and no type")
	}
	return nil
}

// loadSpecJSON reads the inputs as one spec JSON file when the first input
// named as a file holds JSON. ok reports whether it did; err is set when
// that JSON is broken or not the only input.
func loadSpecJSON(inputs []string) (s *spec.Spec, ok bool, err error) {
	for _, in := range inputs {
		if isURL(in) {
			continue
		}
		data, isJSON, err := readIfJSON(in)
		if err != nil {
			return nil, false, pathError(err)
		}
		if !isJSON {
			continue
		}
		if len(inputs) > 1 {
			return nil, false, fmt.Errorf("%s is a spec JSON file: it must be the only input", in)
		}
		s, err := unmarshalSpec(in, data)
		return s, err == nil, err
	}
	return nil, false, nil
}

// readIfJSON returns a file's content when it is a file (not a directory)
// whose first character is { or [: JSON, which no page starts with. Only
// the start of other files is read here.
func readIfJSON(path string) ([]byte, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		return nil, false, err
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, false, err
	}
	if !looksLikeJSON(head[:n]) {
		return nil, false, nil
	}
	rest, err := io.ReadAll(f)
	return append(head[:n], rest...), err == nil, err
}

func looksLikeJSON(data []byte) bool {
	d := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(d) > 0 && (d[0] == '{' || d[0] == '[')
}

// unmarshalSpec reads a spec JSON file, saying where a syntax error is.
func unmarshalSpec(path string, data []byte) (*spec.Spec, error) {
	s, err := spec.Unmarshal(data)
	if err == nil {
		return s, nil
	}
	where := path
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		where = fmt.Sprintf("%s:%s", path, lineCol(data, se.Offset))
	case errors.As(err, &te):
		where = fmt.Sprintf("%s:%s", path, lineCol(data, te.Offset))
	}
	msg := strings.TrimPrefix(err.Error(), "spec: ")
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of JSON"
	}
	return nil, fmt.Errorf("%s: not a helpgen spec: %s", where, msg)
}

// pathError says "PATH: what" rather than "stat PATH: what": the
// operation is noise to the user, the path is what they typed.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// lineCol is "line:column" (1-based, columns in bytes) of the byte a JSON
// decoder error's Offset points just past.
func lineCol(data []byte, off int64) string {
	at := int(max(0, min(off-1, int64(len(data)))))
	line := bytes.Count(data[:at], []byte("\n")) + 1
	col := at - bytes.LastIndexByte(data[:at], '\n')
	return fmt.Sprintf("%d:%d", line, col)
}

// resolveURLs crawls the Help site URLs among inputs and returns the
// inputs with each URL replaced by its crawl directory.
func resolveURLs(inputs []string, crawlDir string, progress io.Writer) ([]string, error) {
	var paths []string
	for _, in := range inputs {
		if !isURL(in) {
			paths = append(paths, in)
			continue
		}
		dir := crawlDir
		if dir == "" {
			dir = cacheDir(in)
		}
		m, err := crawl.Crawl(context.Background(), crawl.Options{URL: in, Dir: dir, Log: progress, Progress: progress})
		if err != nil {
			return nil, fmt.Errorf("crawling %s: %s", in, strings.TrimPrefix(err.Error(), "crawl: "))
		}
		if f := m.Failed(); len(f) > 0 {
			fmt.Fprintf(progress, "helpgen: %s of %s failed; see %s\n", plural(len(f), "page"), in, filepath.Join(dir, crawl.ManifestFile))
		}
		paths = append(paths, dir)
	}
	return paths, nil
}

// isURL reports whether an input names a Help site.
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// cacheDir is where URL inputs are crawled to.
func cacheDir(u string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "helpgen", "crawl", crawlKey(u))
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

// helpPages splits inputs into those that may be Help Pages and those that
// cannot be (a diagnostic each, saying why).
func helpPages(in []parser.Input) (pages []parser.Input, skipped []*spec.Diagnostic) {
	for _, i := range in {
		if why, line := notHelpPage(i); why != "" {
			src := i.Source
			if line > 0 {
				src += ":" + strconv.Itoa(line)
			}
			skipped = append(skipped, &spec.Diagnostic{Source: src, Message: why})
			continue
		}
		pages = append(pages, i)
	}
	return pages, skipped
}

// notHelpPages is the error when no input is a Help Page.
func notHelpPages(skipped []*spec.Diagnostic) error {
	const show = 5
	var b strings.Builder
	if len(skipped) == 1 {
		return fmt.Errorf("%s: not a Help Page (%s)", skipped[0].Source, skipped[0].Message)
	}
	fmt.Fprintf(&b, "none of the %d inputs is a Help Page:", len(skipped))
	for i, d := range skipped {
		if i == show {
			fmt.Fprintf(&b, "\n\t… and %d more", len(skipped)-show)
			break
		}
		fmt.Fprintf(&b, "\n\t%s: %s", d.Source, d.Message)
	}
	return errors.New(b.String())
}

// helpMarkers are texts every Help Page carries at least one of, whatever
// its template and rendering (lower case; matched case-insensitively):
// the section headings and table headers of the Api, ResourceModel and
// index views, the CSS classes of the HTML ones, and their links. A page
// with none of them is not a Help Page (a README, a login form, a site's
// 404 page); with one, it is left to the parser, which says what it lacks.
// Checked against every page of the wild corpus that yields an endpoint or
// a type (TestWildCorpusIsHelpPages).
var helpMarkers = [][]byte{
	[]byte("additional information"), // the parameter and member tables' last column
	[]byte("uri parameters"),
	[]byte("body parameters"),
	[]byte("resource description"),
	[]byte("request information"),
	[]byte("response information"),
	[]byte("response formats"),
	[]byte("request formats"),
	[]byte("request body formats"), // MVC 4-era template
	[]byte("possible enumeration values"),
	[]byte("sample not available"),
	[]byte("help-page"), // div#body.help-page, table.help-page-table
	[]byte("resourcemodel?modelname="),
	[]byte("help/api/"),
	[]byte("web api help page"),
}

// notHelpPage says why an input cannot be a Help Page, or "" when it may
// be: it has one of the markers, or the parser reads it as an Api page, an
// index or the host's error view (those need a "METHOD route" title or an
// API table), or as a model page and it is text (a text model page needs a
// member table). An HTML page with none of the markers is not one even if
// the parser would read it as a model: for HTML, any h1 makes a model.
func notHelpPage(in parser.Input) (why string, line int) {
	d := bytes.TrimSpace(bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf")))
	switch {
	case len(d) == 0:
		return "empty", 0
	case bytes.IndexByte(d, 0) >= 0:
		return "binary data", 0
	case looksLikeJSON(d):
		return "JSON", 0
	}
	lower := bytes.ToLower(d)
	for _, m := range helpMarkers {
		if bytes.Contains(lower, m) {
			return "", 0
		}
	}
	p, err := parser.ParsePage(in.Source, in.Data)
	if err == nil {
		switch p.Kind {
		case parser.PageAPI, parser.PageIndex, parser.PageError:
			return "", 0
		case parser.PageModel:
			if d[0] != '<' {
				return "", 0
			}
		}
	}
	if err != nil {
		// The parser says what it found instead (a customised template's table).
		if m := locatedNoContent.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return m[2], n
		}
	}
	return "none of a Help Page's headings, tables or links", 0
}

// locatedNoContent is the parser's "no content" error that names a line.
var locatedNoContent = regexp.MustCompile(`:(\d+): no Help Page content found: (.*)$`)
