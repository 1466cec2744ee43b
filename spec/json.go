package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// Normalize puts a spec in its canonical order: endpoints by ID, types by
// name, diagnostics by source then message. Marshal calls it.
func (s *Spec) Normalize() {
	if s.Schema == "" {
		s.Schema = Schema
	}
	sort.SliceStable(s.Endpoints, func(i, j int) bool { return s.Endpoints[i].ID < s.Endpoints[j].ID })
	sort.SliceStable(s.Types, func(i, j int) bool { return s.Types[i].Name < s.Types[j].Name })
	sort.SliceStable(s.Diagnostics, func(i, j int) bool {
		a, b := s.Diagnostics[i], s.Diagnostics[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Message < b.Message
	})
	if s.Endpoints == nil {
		s.Endpoints = []*Endpoint{}
	}
	if s.Types == nil {
		s.Types = []*Type{}
	}
	if s.Diagnostics == nil {
		s.Diagnostics = []*Diagnostic{}
	}
	for _, e := range s.Endpoints {
		if e.Params == nil {
			e.Params = []*Param{}
		}
		if e.RequestFormats == nil {
			e.RequestFormats = []string{}
		}
		if e.ResponseFormats == nil {
			e.ResponseFormats = []string{}
		}
		if e.Samples == nil {
			e.Samples = []*Sample{}
		}
	}
}

// Marshal writes the canonical JSON form: normalized, two-space indented,
// HTML characters not escaped, with a trailing newline.
func Marshal(s *Spec) ([]byte, error) {
	s.Normalize()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unmarshal reads the JSON form and checks its schema and type references.
func Unmarshal(data []byte) (*Spec, error) {
	var s Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("spec: %w", err)
	}
	if s.Schema != Schema {
		return nil, fmt.Errorf("spec: schema %q, want %q", s.Schema, Schema)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}

// Validate checks that every type reference parses and names a known type.
func (s *Spec) Validate() error {
	types := s.TypeMap()
	var check func(where, ref string, params map[string]bool) error
	check = func(where, ref string, params map[string]bool) error {
		r, err := ParseRef(ref)
		if err != nil {
			return fmt.Errorf("spec: %s: %w", where, err)
		}
		var walk func(r *Ref) error
		walk = func(r *Ref) error {
			if r.Kind == RefNamed && types[r.Name] == nil && !params[r.Name] {
				return fmt.Errorf("spec: %s: unknown type %q", where, r.Name)
			}
			if r.Kind == RefDict && !validKey(r.Key(), types, params) {
				// Json.NET writes a key as its text: a dictionary keyed by
				// anything else is a non-generic one, kept as anyType.
				return fmt.Errorf("spec: %s: dictionary key %s is not a simple value or enum", where, r.Key())
			}
			for _, a := range r.Args {
				if err := walk(a); err != nil {
					return err
				}
			}
			return nil
		}
		return walk(r)
	}
	ids := map[string]bool{}
	for _, e := range s.Endpoints {
		if ids[e.ID] {
			return fmt.Errorf("spec: endpoint %s appears twice", e.ID)
		}
		ids[e.ID] = true
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			if err := check("endpoint "+e.ID+" param "+p.Name, p.Type, nil); err != nil {
				return err
			}
			if r := MustParseRefOrNamed(p.Type); !validParam(r, types) {
				return fmt.Errorf("spec: endpoint %s param %s: type %s is not one a URI carries (a simple value or enum, nullable, or a collection of them)", e.ID, p.Name, p.Type)
			}
		}
		for _, b := range []*Body{e.Body, e.Response} {
			if b != nil {
				if err := check("endpoint "+e.ID, b.Type, nil); err != nil {
					return err
				}
			}
		}
	}
	for _, t := range s.Types {
		params := map[string]bool{}
		for _, p := range t.TypeParams {
			params[p] = true
		}
		for _, m := range t.Members {
			if err := check("type "+t.Name+" member "+m.Name, m.Type, params); err != nil {
				return err
			}
		}
		if t.Base != "" && types[t.Base] == nil {
			return fmt.Errorf("spec: type %s: unknown base %q", t.Name, t.Base)
		}
	}
	return nil
}

// validParam reports whether a URI parameter type is one Web API binds
// from URI text: a simple value or an enum, Nullable of one, or a
// collection of them (repeated query keys).
func validParam(r *Ref, types map[string]*Type) bool {
	simple := func(r *Ref) bool {
		switch r.Kind {
		case RefPrimitive:
			return r.Name != "anyType"
		case RefNamed:
			t := types[r.Name]
			return t != nil && t.Kind == KindEnum
		}
		return false
	}
	switch r.Kind {
	case RefNullable, RefList:
		return simple(r.Elem()) && !(r.Kind == RefList && r.Elem().Name == "base64Binary")
	}
	return simple(r)
}

// validKey reports whether a dictionary key type is a simple value or an
// enum (or a type parameter, checked on the instances).
func validKey(k *Ref, types map[string]*Type, params map[string]bool) bool {
	switch k.Kind {
	case RefPrimitive:
		return k.Name != "anyType" && k.Name != "base64Binary"
	case RefNamed:
		t := types[k.Name]
		return params[k.Name] || t != nil && t.Kind == KindEnum
	}
	return false
}

// TypeMap indexes the types by name.
func (s *Spec) TypeMap() map[string]*Type {
	m := make(map[string]*Type, len(s.Types))
	for _, t := range s.Types {
		m[t.Name] = t
	}
	return m
}

// Type returns the named type, or nil.
func (s *Spec) Type(name string) *Type {
	for _, t := range s.Types {
		if t.Name == name {
			return t
		}
	}
	return nil
}
