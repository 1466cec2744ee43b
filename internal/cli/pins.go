package cli

import (
	"sort"
	"strings"

	"github.com/helpgen/helpgen/spec"
)

// DataMemberConfig pins the DataContractSerializer attributes of a member,
// which no page shows: DataMember(IsRequired) and EmitDefaultValue.
type DataMemberConfig struct {
	IsRequired       *bool `json:"isRequired,omitempty"`
	EmitDefaultValue *bool `json:"emitDefaultValue,omitempty"`
}

// applyPins puts the facts the config pins into the spec (each key names
// its line when it does not fit): wire.memberTypes, wire.paramTypes,
// wire.xmlNamespaces, wire.xmlNames, wire.bodyParameters, wire.dataMembers.
// A pinned fact is no longer an assumption (spec.Assumptions).
func (c *Config) applyPins(s *spec.Spec) error {
	w := c.Wire
	for _, k := range sortedKeys(w.MemberTypes) {
		key := "wire.memberTypes." + k
		decl, err := c.member(s, key, k)
		if err != nil {
			return err
		}
		ref := w.MemberTypes[k]
		if err := c.fits(key, decl.Type, ref, s); err != nil {
			return err
		}
		for _, m := range inheritors(s, decl) {
			m.Type = ref
			m.Unknown = spec.Learn(spec.Learn(m.Unknown, spec.UnknownWidth), spec.UnknownNull)
		}
	}
	for _, k := range sortedKeys(w.ParamTypes) {
		key := "wire.paramTypes." + k
		i := strings.LastIndexByte(k, '.')
		var p *spec.Param
		for _, e := range s.Endpoints {
			if i > 0 && e.ID == k[:i] {
				for _, x := range e.Params {
					if x.Name == k[i+1:] {
						p = x
					}
				}
			}
		}
		if p == nil {
			return c.errorf(key, "config key \"%s\": want <ApiId>.<parameter> of an endpoint in the spec", key)
		}
		if err := c.fits(key, p.Type, w.ParamTypes[k], s); err != nil {
			return err
		}
		p.Type = w.ParamTypes[k]
		p.Unknown = spec.Learn(p.Unknown, spec.UnknownWidth)
	}
	types := s.TypeMap()
	for _, k := range sortedKeys(w.XMLNamespaces) {
		t := types[k]
		if t == nil || t.XML == nil {
			return c.errorf("wire.xmlNamespaces."+k, "config key \"wire.xmlNamespaces.%s\": no such contract in the spec", k)
		}
		old := t.XML.Namespace
		t.XML.Namespace = w.XMLNamespaces[k]
		for _, m := range t.Members {
			if m.XML != nil && m.DeclaredIn == t.Name && m.XML.Namespace == old {
				m.XML.Namespace = t.XML.Namespace
			}
		}
		t.Unknown = spec.Learn(t.Unknown, spec.UnknownNamespace)
	}
	for _, k := range sortedKeys(w.XMLNames) {
		t := types[k]
		if t == nil || t.XML == nil {
			return c.errorf("wire.xmlNames."+k, "config key \"wire.xmlNames.%s\": no such contract in the spec", k)
		}
		t.XML.Name = w.XMLNames[k]
		t.Unknown = spec.Learn(t.Unknown, spec.UnknownXMLName)
	}
	for _, k := range sortedKeys(w.BodyParameters) {
		var e *spec.Endpoint
		for _, x := range s.Endpoints {
			if x.ID == k && x.Body != nil {
				e = x
			}
		}
		if e == nil {
			return c.errorf("wire.bodyParameters."+k, "config key \"wire.bodyParameters.%s\": no endpoint with a body has this ApiId", k)
		}
		e.BodyParam = w.BodyParameters[k]
	}
	keys := make([]string, 0, len(w.DataMembers))
	for k := range w.DataMembers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		key := "wire.dataMembers." + k
		decl, err := c.member(s, key, k)
		if err != nil {
			return err
		}
		if decl.XML == nil {
			return c.errorf(key, "config key \"%s\": DataContractSerializer does not write this member", key)
		}
		dm := w.DataMembers[k]
		for _, m := range inheritors(s, decl) {
			if dm.IsRequired != nil && m.XML != nil {
				m.XML.IsRequired = *dm.IsRequired
			}
			if dm.EmitDefaultValue != nil {
				v := *dm.EmitDefaultValue
				m.EmitDefault = &v
			}
		}
	}
	return nil
}

// member finds the member "<type>.<member>" a config key names.
func (c *Config) member(s *spec.Spec, key, k string) (*spec.Member, error) {
	i := strings.LastIndexByte(k, '.')
	types := s.TypeMap()
	if i < 0 || types[k[:i]] == nil {
		return nil, c.errorf(key, "config key \"%s\": want <type full name>.<member> of a type in the spec", key)
	}
	for _, m := range types[k[:i]].Members {
		if m.Name == k[i+1:] {
			return m, nil
		}
	}
	return nil, c.errorf(key, "config key \"%s\": type %s has no member %s", key, k[:i], k[i+1:])
}

// inheritors are decl and the members of other types that inherit it.
func inheritors(s *spec.Spec, decl *spec.Member) []*spec.Member {
	out := []*spec.Member{decl}
	for _, t := range s.Types {
		for _, m := range t.Members {
			if m != decl && m.Name == decl.Name && m.DeclaredIn != "" && m.DeclaredIn == decl.DeclaredIn {
				out = append(out, m)
			}
		}
	}
	return out
}

// fits checks that a pinned type reference says what the page says, more
// precisely: the same shape, an integer for an integer (of any width), a
// date for a date, a number for a number, Nullable<T> or T.
func (c *Config) fits(key, page, pinned string, s *spec.Spec) error {
	r, err := spec.ParseRef(pinned)
	if err != nil {
		return c.errorf(key, "config key \"%s\": %v", key, err)
	}
	if r.Kind == spec.RefNamed && s.Type(r.Name) == nil {
		return c.errorf(key, "config key \"%s\": no type %s in the spec", key, r.Name)
	}
	if typeClass(spec.MustParseRefOrNamed(page)) != typeClass(r) {
		return c.errorf(key, "config key \"%s\": %q does not fit what the pages show (%s)", key, pinned, page)
	}
	return nil
}

// typeClass is a reference with what the pages cannot tell apart erased.
func typeClass(r *spec.Ref) string {
	switch r.Kind {
	case spec.RefNullable:
		return typeClass(r.Elem())
	case spec.RefPrimitive:
		switch r.Name {
		case "int", "long", "short":
			return "integer"
		case "unsignedInt", "unsignedLong", "unsignedShort":
			return "unsigned"
		case "dateTime", "dateTimeOffset":
			return "date"
		case "decimal", "double", "float":
			return "number"
		}
		return r.Name
	case spec.RefNamed:
		return r.Name
	}
	parts := make([]string, len(r.Args))
	for i, a := range r.Args {
		parts[i] = typeClass(a)
	}
	return r.Kind + "<" + strings.Join(parts, ",") + ">"
}
