package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/internal/tmpmod"
	helppage "github.com/helpgen/helpgen/parser"
	"github.com/helpgen/helpgen/spec"
)

func TestCommentLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "//"},
		{"One line.", "// One line."},
		{"a\nb", "// a\n// b"},
		{"a\n\n\n b  \n\n", "// a\n//\n//  b"},
		{"a\r\nb\rc\u2028d\u2029e\vf\fg\u0085h", "// a\n// b\n// c\n// d\n// e\n// f\n// g\n// h"},
		{"How to reach */ func init() { panic(\"PWNED\") } /* x", "// How to reach */ func init() { panic(\"PWNED\") } /* x"},
		{"//go:generate touch pwned", "// //go:generate touch pwned"},
		{"/* open", "// /* open"},
		{"x\n//go:generate touch pwned\n//line a.go:1", "// x\n// //go:generate touch pwned\n// //line a.go:1"},
		{"nul\x00 bom\ufeff esc\x1b del\x7f c1\u0080", "// nul\ufffd bom\ufffd esc\ufffd del\ufffd c1\ufffd"},
		{"bad \xff utf8", "// bad \ufffd utf8"},
		{"rtl \u202e evil \u2066x\u2069", "// rtl \ufffd evil \ufffdx\ufffd"},
		{"tab\there", "// tab here"},
	} {
		if got := commentLines(c.in); got != c.want {
			t.Errorf("commentLines(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestCommentsGoThroughComment keeps comments escaped by construction: the
// generator writes a comment only through comment (or commentLines), so no
// emitter can pass page text to jennifer's Comment, which would write it as
// a /* */ block or, when it starts with "//", verbatim.
func TestCommentsGoThroughComment(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range pkgs {
		if strings.HasSuffix(name, "_test.go") || name == "comment.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch sel.Sel.Name {
			case "Comment", "Commentf":
				t.Errorf("%s: %s called directly; write comments with comment()", fset.Position(call.Pos()), sel.Sel.Name)
			case "HeaderComment":
				if arg, ok := call.Args[0].(*ast.CallExpr); !ok || !isIdent(arg.Fun, "commentLines") {
					t.Errorf("%s: HeaderComment takes commentLines(...)", fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// injectText puts text wherever page text reaches a generated comment: type,
// member, enum value, endpoint and parameter docs, annotations the generator
// does not interpret, and the relative path
// (the stub's method comments quote it).
func injectText(s *spec.Spec, text string) {
	for _, t := range s.Types {
		t.Doc = text
		for _, m := range t.Members {
			m.Doc = text
			m.Annotations = &spec.Annotations{Other: []string{text}}
		}
		for _, v := range t.Values {
			v.Doc = text
		}
	}
	for _, e := range s.Endpoints {
		e.Doc = text
		e.RelativePath += "#" + text
		for _, p := range e.Params {
			p.Doc = text
			p.Annotations = &spec.Annotations{Other: []string{text}}
		}
		if e.Body != nil {
			e.Body.Doc = text
		}
		if e.Response != nil {
			e.Response.Doc = text
		}
	}
}

// declSet lists a package's top-level declarations (kind, receiver, name)
// and the directives and build constraints in its comments.
func declSet(t testing.TB, files Files) []string {
	t.Helper()
	fset := token.NewFileSet()
	var out []string
	for path, src := range files {
		if !strings.HasSuffix(path, ".go") || path == ExportsFile {
			continue // templates/exports verbatim
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s does not parse: %v", path, err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				recv := ""
				if d.Recv != nil && len(d.Recv.List) > 0 {
					recv = types(d.Recv.List[0].Type)
				}
				out = append(out, path+": func "+recv+"."+d.Name.Name)
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						out = append(out, path+": type "+sp.Name.Name)
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							out = append(out, path+": "+d.Tok.String()+" "+n.Name)
						}
					case *ast.ImportSpec:
						out = append(out, path+": import "+sp.Path.Value)
					}
				}
			}
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				for _, p := range []string{"//go:", "//line", "//export", "//extern", "/*"} {
					if strings.HasPrefix(c.Text, p) {
						out = append(out, path+": directive or block comment "+c.Text)
					}
				}
				if c.Pos() < f.Package && strings.Contains(c.Text, "+build") {
					out = append(out, path+": build constraint "+c.Text)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + types(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// The payloads of the injection report: a block-comment breakout through a
// description, and a directive through a newline (possible in spec JSON).
var injections = []string{
	`How to reach */ func init() { panic("PWNED") } /* x`,
	"Fine.\n//go:generate touch PWNED_GENERATE\nfunc init() { panic(\"PWNED\") }",
	"//go:generate touch PWNED_GENERATE",
	"/*",
	"*/ //line evil.go:1\n// +build ignore\n\npackage evil",
	"^[0-9]*/[0-9]*$",
	"+build",                   // found by FuzzCommentText: gofmt made it a constraint above the package clause
	"\u00a0 +build ignore\nok", // constraint.IsPlusBuild trims Unicode spaces
	"+build linux,!linux",
}

// Page text in any comment position changes no declaration of the
// generated package and adds no directive.
func TestInjectedTextChangesNoDeclaration(t *testing.T) {
	for _, path := range []string{"../out/seed/spec.json", "../out/clinic/spec.json", "testdata/hostile.spec.json"} {
		neutral := loadSpec(t, path)
		injectText(neutral, "Neutral text.")
		want := generateDecls(t, neutral)
		for _, text := range injections {
			s := loadSpec(t, path)
			injectText(s, text)
			got := generateDecls(t, s)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s with %q: declarations differ from neutral text:\n%s", path, text, setDiff(got, want))
			}
		}
	}
}

func generateDecls(t testing.TB, s *spec.Spec) []string {
	t.Helper()
	files, err := Generate(s, Options{Package: "api"})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	return declSet(t, files)
}

func setDiff(got, want []string) string {
	in := map[string]int{}
	for _, w := range want {
		in[w]--
	}
	for _, g := range got {
		in[g]++
	}
	var b strings.Builder
	for k, n := range in {
		if n > 0 {
			b.WriteString("+ " + k + "\n")
		} else if n < 0 {
			b.WriteString("- " + k + "\n")
		}
	}
	return b.String()
}

// The reproducers of the injection report, end to end: a ResourceModel page
// whose description closes a block comment and a spec whose docs hold
// //go:generate lines. The generated package must build, a program
// importing it must run, and go generate must run nothing.
func TestInjectionReproducers(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code; skipped in -short mode")
	}
	// The clinic site with one description replaced by the payload.
	inputs, err := helppage.ReadInputs([]string{"../pages/clinic"})
	if err != nil {
		t.Fatal(err)
	}
	const payload = `How to reach */ func init() { panic("PWNED") } /* x`
	hit := false
	for i, in := range inputs {
		if strings.HasSuffix(in.Source, "AppointmentNote.html") {
			page := string(in.Data)
			inputs[i].Data = []byte(strings.Replace(page, "<h1>AppointmentNote</h1>", "<h1>AppointmentNote</h1>\n    <p>"+payload+"</p>", 1))
			hit = string(inputs[i].Data) != page
		}
	}
	fromPage := helppage.Parse(inputs)
	for _, ty := range fromPage.Types {
		hit = hit && (ty.Name != "Harbourview.Clinic.Scheduling.Contracts.AppointmentNote" || ty.Doc == payload)
	}
	if !hit {
		t.Fatal("the payload did not reach AppointmentNote's doc; the test tests nothing")
	}
	fromSpec := loadSpec(t, "../out/seed/spec.json")
	injectText(fromSpec, "Send it.\n//go:generate touch PWNED_GENERATE\n//go:build ignore")

	for name, s := range map[string]*spec.Spec{"page": fromPage, "spec": fromSpec} {
		t.Run(name, func(t *testing.T) {
			dir := writeModule(t, s, "victim")
			main := "package main\n\nimport _ \"example.com/victim\"\n\nfunc main() { println(\"ok\") }\n"
			if err := os.MkdirAll(filepath.Join(dir, "cmd", "run"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "cmd", "run", "main.go"), []byte(main), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"vet", "."}, {"generate", "./..."}, {"run", "./cmd/run"}} {
				out, err := goCmd(dir, args...)
				if err != nil || strings.Contains(string(out), "PWNED") {
					t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "PWNED_GENERATE")); err == nil {
				t.Fatal("go generate ran a directive from page text")
			}
		})
	}
}

// writeModule writes the generated package for s into a throwaway module
// (package pkg at its root) and returns its directory.
func writeModule(t *testing.T, s *spec.Spec, pkg string) string {
	t.Helper()
	files, err := Generate(s, Options{Package: pkg})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := tmpmod.Write(dir, "..", "example.com/"+pkg); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for p, b := range files {
		write(p, string(b))
	}
	return dir
}

// goCmd runs the go command in dir, offline.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	return cmd.CombinedOutput()
}

// FuzzCommentText puts arbitrary text in every comment position of a small
// spec: the generated files must parse to the same declarations as with
// neutral text, with no directive and no build constraint.
func FuzzCommentText(f *testing.F) {
	for _, text := range injections {
		f.Add(text)
	}
	f.Add("\u202e\x00\xff\r\n")
	base, err := os.ReadFile("../out/seed/spec.json")
	if err != nil {
		f.Fatal(err)
	}
	load := func() *spec.Spec {
		s, err := spec.Unmarshal(base)
		if err != nil {
			f.Fatal(err)
		}
		return s
	}
	neutral := load()
	injectText(neutral, "Neutral text.")
	want := strings.Join(generateDecls(f, neutral), "\n")
	f.Fuzz(func(t *testing.T, text string) {
		s := load()
		injectText(s, text)
		if got := generateDecls(t, s); strings.Join(got, "\n") != want {
			t.Fatalf("text %q changes the declarations:\n%s", text, setDiff(got, strings.Split(want, "\n")))
		}
	})
}
