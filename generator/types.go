package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/helpgen/helpgen/spec"
)

// emitTypes writes one struct per complex type (fields in DCS/spec order)
// and one named integer type per enum, with its constants and String.
func emitTypes(m *Model, next func() *jen.File) error {
	next() // a file with no types is still a file
	for _, t := range m.Types {
		f := next()
		if t.IsEnum() {
			if err := emitEnum(f, t); err != nil {
				return err
			}
			continue
		}
		emitStruct(f, t)
	}
	return nil
}

// typeDoc is the doc comment of an emitted type: the CLR name, the
// documentation, and the XML contract (which a reader of the Go code cannot
// guess from the Go name).
func typeDoc(t *Type) string {
	s := t.Spec
	var b strings.Builder
	kind := "data contract"
	if t.IsEnum() {
		kind = "enum"
	}
	fmt.Fprintf(&b, "%s is the %s %s.", t.GoName, kind, s.Name)
	if s.Doc != "" {
		b.WriteString("\n\n" + s.Doc)
	}
	if s.Generic != nil {
		fmt.Fprintf(&b, "\n\nIt is the generic instance %s with %s.", s.Generic.Definition, strings.Join(s.Generic.Args, ", "))
	}
	if s.XML != nil {
		fmt.Fprintf(&b, "\n\nXML contract: %s in namespace %s.", s.XML.Name, s.XML.Namespace)
	}
	// What a member's own comment would repeat for many: where members
	// are declared, and which ones only the samples show. (How each travels
	// is in contracts_gen.go, beside the type's descriptor.)
	byDecl := map[string][]string{}
	var decls, hidden []string
	for _, fl := range t.Fields {
		if d := fl.Member.DeclaredIn; d != "" && d != s.Name {
			if byDecl[d] == nil {
				decls = append(decls, d)
			}
			byDecl[d] = append(byDecl[d], fl.GoName)
		}
		if !fl.Member.Help {
			hidden = append(hidden, fl.GoName)
		}
	}
	for _, d := range decls {
		fmt.Fprintf(&b, "\nDeclared in %s: %s.", d, strings.Join(byDecl[d], ", "))
	}
	if len(hidden) > 0 {
		fmt.Fprintf(&b, "\nNot shown on the Help Page (only the samples have them): %s.", strings.Join(hidden, ", "))
	}
	if s.Flags {
		b.WriteString("\nA [Flags] enum: values combine with |.")
	}
	return b.String()
}

func emitStruct(f *jen.File, t *Type) {
	f.Add(comment(typeDoc(t)))
	f.Type().Id(t.GoName).StructFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			if doc := fieldDoc(t, fl); doc != "" {
				g.Add(comment(doc))
			}
			g.Id(fl.GoName).Add(GoTypeCode(fl.Type))
		}
	})
	f.Line()
}

// fieldDoc describes a member: its documentation, its wire names where
// they differ from the Go name, where it is absent, and the Help Page's
// annotations.
func fieldDoc(t *Type, fl *Field) string {
	mem := fl.Member
	var lines []string
	if mem.Doc != "" {
		lines = append(lines, mem.Doc)
	}
	var notes []string
	if mem.Required {
		notes = append(notes, "Required.")
	}
	if a := annotationText(mem.Annotations); a != "" {
		notes = append(notes, a)
	}
	if len(notes) > 0 {
		lines = append(lines, strings.Join(notes, " "))
	}
	return strings.Join(lines, "\n")
}

// annotationText renders the Help Page's "Additional information".
func annotationText(a *spec.Annotations) string {
	if a == nil {
		return ""
	}
	var parts []string
	if a.Required {
		parts = append(parts, "Annotated Required.")
	}
	if a.Range != nil {
		parts = append(parts, fmt.Sprintf("Range %s to %s.", a.Range.Min, a.Range.Max))
	}
	if a.StringLength != nil {
		parts = append(parts, fmt.Sprintf("String length %s to %s.", a.StringLength.Min, a.StringLength.Max))
	}
	if a.MinLength != nil {
		parts = append(parts, fmt.Sprintf("Min length %d.", *a.MinLength))
	}
	if a.MaxLength != nil {
		parts = append(parts, fmt.Sprintf("Max length %d.", *a.MaxLength))
	}
	if a.Pattern != "" {
		parts = append(parts, fmt.Sprintf("Pattern %q.", a.Pattern))
	}
	if a.DataType != "" {
		parts = append(parts, "Data type "+a.DataType+".")
	}
	if a.Default != nil {
		parts = append(parts, fmt.Sprintf("Default %q.", *a.Default))
	}
	for _, o := range a.Other {
		parts = append(parts, o)
	}
	return strings.Join(parts, " ")
}

// enumUnderlying is the Go integer type of an enum and whether it is
// unsigned, from the spec's underlying primitive (int by default).
func enumUnderlying(t *Type) (goType string, bits int, unsigned bool) {
	switch t.Spec.Underlying {
	case "long":
		return "int64", 64, false
	case "short":
		return "int16", 16, false
	case "byte":
		return "int8", 8, false
	case "unsignedByte":
		return "uint8", 8, true
	case "unsignedShort":
		return "uint16", 16, true
	case "unsignedInt":
		return "uint32", 32, true
	case "unsignedLong":
		return "uint64", 64, true
	}
	return "int32", 32, false
}

func emitEnum(f *jen.File, t *Type) error {
	under, bits, unsigned := enumUnderlying(t)
	f.Add(comment(typeDoc(t)))
	f.Type().Id(t.GoName).Id(under)
	f.Line()
	if len(t.Values) > 0 {
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, v := range t.Values {
				doc := v.Value.Doc
				if v.Value.Wire != "" && v.Value.Wire != v.Value.Name {
					if doc != "" {
						doc += "\n"
					}
					doc += fmt.Sprintf("XML %q.", v.Value.Wire)
				}
				if doc != "" {
					g.Add(comment(doc))
				}
				g.Id(v.GoName).Id(t.GoName).Op("=").Add(enumLit(v.Value.Value, bits, unsigned))
			}
		})
		f.Line()
	}
	f.Add(comment("String returns the CLR name of v, or its number when v has no name."))
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("String").Params().String().Block(
		jen.Return(jen.Id("api").Dot("EnumString").Call(jen.Op("&").Id(enumVar(t)), jen.Int64().Parens(jen.Id("v")))),
	)
	f.Line()
	return nil
}

// enumLit is an enum value as a Go literal of the underlying width (the
// spec stores unsigned 64-bit values as their int64 bit pattern).
func enumLit(v int64, bits int, unsigned bool) jen.Code {
	if unsigned {
		u := uint64(v)
		if bits < 64 {
			u &= 1<<bits - 1
		}
		return jen.Id(fmt.Sprint(u))
	}
	return jen.Id(fmt.Sprint(v))
}
