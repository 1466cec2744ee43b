package generator

import (
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// Facts the pages cannot show (spec.Unknown*), as the codecs apply them.
// docs/generated-code.md ("What the pages cannot show") is the policy.

// acceptsNull reports whether a member is a Go value whose .NET type may be
// Nullable<T> (spec.UnknownNull): readers take null as the zero value
// instead of failing the whole document. Writers never write null for it.
func acceptsNull(fl *Field) bool {
	return fl.Member.AcceptsNull() && !fl.Type.Nilable && fl.Type.Kind != spec.RefNullable
}

// noForm reports whether Web API's form binding cannot set a member: a
// public field (spec.Member.Field), or a DataMember both serializers write
// but the type's help table does not show (a non-public one; a [JsonIgnore]
// property is public and only in XML).
func noForm(fl *Field) bool {
	m := fl.Member
	return m.Field || !m.Help && m.XML != nil && m.JSON != nil && fl.owner != nil && fl.owner.hasTable()
}

// formFields names a member reachable from g that form binding cannot set
// (t.F), or "": the form writer refuses a set one.
func formFields(g *GoType) string {
	return formTypes(g, map[*Type]bool{}, func(t *Type) string {
		for _, fl := range t.Fields {
			if noForm(fl) {
				return t.GoName + "." + fl.GoName
			}
		}
		return ""
	})
}

// formTypes calls check on each contract a form of g carries (through
// collections, nullables and dictionaries), each once, and returns the
// first thing it names, or "".
func formTypes(g *GoType, seen map[*Type]bool, check func(*Type) string) string {
	switch g.Kind {
	case spec.RefList, spec.RefNullable, spec.RefDict:
		return formTypes(g.Elem, seen, check)
	case spec.RefNamed:
		t := g.Named
		if t.IsEnum() || seen[t] {
			return ""
		}
		seen[t] = true
		if s := check(t); s != "" {
			return s
		}
		for _, fl := range t.Fields {
			if s := formTypes(fl.Type, seen, check); s != "" {
				return s
			}
		}
	}
	return ""
}

// hasTable reports whether a help table described the type (some member
// is shown on a page).
func (t *Type) hasTable() bool {
	for _, fl := range t.Fields {
		if fl.Member.Help {
			return true
		}
	}
	return false
}

// Renames lists the Go names that are not the CLR simple name or the member
// name (collisions, reserved names, sanitizing), which generate reports;
// upper-casing a first letter is not listed.
func Renames(s *spec.Spec, opts Options) ([]Rename, error) {
	m, err := NewModelWith(s, opts)
	if err != nil {
		return nil, err
	}
	var out []Rename
	for _, r := range m.Renames {
		name := r.From
		if i := strings.LastIndexByte(name, '.'); i >= 0 && r.What == "field" {
			name = name[i+1:]
		}
		if len(name) > 0 && strings.ToUpper(name[:1])+name[1:] == r.To {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}
