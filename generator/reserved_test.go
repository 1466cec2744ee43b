package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/helpgen/helpgen/templates"
)

// Every name runtime_gen.go declares in the generated package must be
// reserved, or a contract of the same name would not compile.
func TestRuntimeNamesReserved(t *testing.T) {
	{
		f, err := parser.ParseFile(token.NewFileSet(), "exports.go", templates.Exports(), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			var names []string
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
			for _, n := range names {
				if token.IsExported(n) && !ReservedNames[n] {
					t.Errorf("runtime_gen.go: %s is not in ReservedNames", n)
				}
			}
		}
	}
}
