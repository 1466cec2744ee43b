package generator

import "github.com/helpgen/helpgen/spec"

// Facts the pages cannot show (spec.Unknown*), as the codecs apply them.
// docs/generated-code.md ("What the pages cannot show") is the policy.

// acceptsNull reports whether a member is a Go value whose .NET type may be
// Nullable<T> (spec.UnknownNull): readers take null as the zero value
// instead of failing the whole document. Writers never write null for it.
func acceptsNull(fl *Field) bool {
	return fl.Member.AcceptsNull() && !fl.Type.Nilable && fl.Type.Kind != spec.RefNullable
}

// formFields names a public field reachable from g (t.F), or "": form
// binding does not set fields, so the form writer refuses a set one.
func formFields(g *GoType, seen map[*Type]bool) string {
	switch g.Kind {
	case spec.RefList, spec.RefNullable, spec.RefDict:
		return formFields(g.Elem, seen)
	case spec.RefNamed:
		t := g.Named
		if t.IsEnum() || seen[t] {
			return ""
		}
		seen[t] = true
		for _, fl := range t.Fields {
			if fl.Member.Field {
				return t.GoName + "." + fl.GoName
			}
			if f := formFields(fl.Type, seen); f != "" {
				return f
			}
		}
	}
	return ""
}

// bodyPrefix prefixes ModelState keys of the body's validation errors with
// the body parameter's name, as Web API does ("command.Lines[0].Code"),
// when the config gives it (no page shows it): wire.bodyParameters.
func bodyPrefix(op *Op) string {
	if p := op.Endpoint.BodyParam; p != "" {
		return p + "."
	}
	return ""
}
