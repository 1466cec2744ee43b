package spec

import "slices"

// Facts the Help Pages cannot show, recorded where a default was taken
// (Member.Unknown, Param.Unknown, Type.Unknown). docs/generated-code.md
// ("What the pages cannot show") gives each default, the warning and the
// config key that pins the fact.
const (
	// UnknownWidth: the page says "integer" (Int16, Int32 or Int64) or
	// "unsigned integer"; the type is long (unsignedLong), which holds all.
	UnknownWidth = "width"
	// UnknownNull: a value type the samples do not show to be Nullable<T>
	// or not; readers take null as the zero value.
	UnknownNull = "null"
	// UnknownNamespace: no sample shows the contract in XML; its namespace
	// was inferred (from related contracts, or DCS's default).
	UnknownNamespace = "xmlNamespace"
	// UnknownXMLName: no sample shows the contract's XML name; it was
	// inferred (DCS's rule, or another instance of the same generic).
	UnknownXMLName = "xmlName"
)

// Knows reports whether fact is known about the member (not in Unknown).
func (m *Member) Knows(fact string) bool { return !slices.Contains(m.Unknown, fact) }

// AcceptsNull reports whether readers must take null for the member's
// value type (as the zero value): its nullability is unknown.
func (m *Member) AcceptsNull() bool { return !m.Knows(UnknownNull) }

// Knows reports whether fact is known about the parameter.
func (p *Param) Knows(fact string) bool { return !slices.Contains(p.Unknown, fact) }

// Knows reports whether fact is known about the type.
func (t *Type) Knows(fact string) bool { return !slices.Contains(t.Unknown, fact) }

// Forget records that fact is unknown (once, in a stable order).
func Forget(list []string, fact string) []string {
	if slices.Contains(list, fact) {
		return list
	}
	list = append(list, fact)
	slices.Sort(list)
	return list
}

// Learn records that fact is known (a config pin).
func Learn(list []string, fact string) []string {
	i := slices.Index(list, fact)
	if i < 0 {
		return list
	}
	out := slices.Delete(slices.Clone(list), i, i+1)
	if len(out) == 0 {
		return nil
	}
	return out
}
