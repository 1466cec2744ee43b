package spec

import (
	"fmt"
	"strings"
)

// Primitive type references, by their DataContract names.
var Primitives = map[string]bool{
	"string": true, "int": true, "long": true, "short": true,
	"unsignedByte": true, "byte": true, "unsignedShort": true, "unsignedInt": true, "unsignedLong": true,
	"float": true, "double": true, "decimal": true, "boolean": true,
	"dateTime": true, "dateTimeOffset": true, "duration": true, "guid": true, "char": true,
	"anyURI": true, "base64Binary": true, "anyType": true,
}

// Ref kinds.
const (
	RefPrimitive = "primitive"
	RefList      = "list"
	RefDict      = "dict"
	RefNullable  = "nullable"
	RefPair      = "pair"
	RefNamed     = "named" // a Type of the spec, or a type parameter
)

// Ref is a parsed type reference.
//
//	primitive        string, int, guid, dateTime, ...
//	list<T>          a collection
//	dict<K,V>        a dictionary
//	nullable<T>      Nullable<T> of a value type
//	pair<K,V>        KeyValuePair<K,V>
//	Ns.Name          a contract (Type.Name)
//	Ns.Name<A,B>     a generic instance (also a Type.Name)
type Ref struct {
	Kind string
	// Name is the primitive name or the named type's full reference text.
	Name string
	// Args are the element (list, nullable), key and value (dict, pair).
	Args []*Ref
}

func (r *Ref) String() string {
	switch r.Kind {
	case RefPrimitive, RefNamed:
		return r.Name
	}
	parts := make([]string, len(r.Args))
	for i, a := range r.Args {
		parts[i] = a.String()
	}
	return r.Kind + "<" + strings.Join(parts, ",") + ">"
}

// Elem is the element of a list or nullable, or the value of a dict or pair.
func (r *Ref) Elem() *Ref { return r.Args[len(r.Args)-1] }

// Key is the key of a dict or pair.
func (r *Ref) Key() *Ref { return r.Args[0] }

// List, Dict, Nullable and Pair build references.
func List(elem string) string       { return "list<" + elem + ">" }
func Dict(key, value string) string { return "dict<" + key + "," + value + ">" }
func Nullable(elem string) string   { return "nullable<" + elem + ">" }
func Pair(key, value string) string { return "pair<" + key + "," + value + ">" }

// ParseRef parses a type reference.
func ParseRef(s string) (*Ref, error) {
	p := refParser{s: s}
	r, err := p.ref()
	if err != nil {
		return nil, err
	}
	if p.i != len(s) {
		return nil, fmt.Errorf("type reference %q: unexpected %q at %d", s, s[p.i:], p.i)
	}
	return r, nil
}

// MustParseRef is ParseRef for references known to be valid.
func MustParseRef(s string) *Ref {
	r, err := ParseRef(s)
	if err != nil {
		panic(err)
	}
	return r
}

type refParser struct {
	s string
	i int
}

func (p *refParser) ref() (*Ref, error) {
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune("<>,", rune(p.s[p.i])) {
		p.i++
	}
	name := strings.TrimSpace(p.s[start:p.i])
	if name == "" {
		return nil, fmt.Errorf("type reference %q: empty name at %d", p.s, start)
	}
	var args []*Ref
	if p.i < len(p.s) && p.s[p.i] == '<' {
		p.i++
		for {
			a, err := p.ref()
			if err != nil {
				return nil, err
			}
			args = append(args, a)
			if p.i >= len(p.s) {
				return nil, fmt.Errorf("type reference %q: missing '>'", p.s)
			}
			if p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.s[p.i] == '>' {
				p.i++
				break
			}
			return nil, fmt.Errorf("type reference %q: unexpected %q at %d", p.s, p.s[p.i], p.i)
		}
	}
	want := map[string]int{RefList: 1, RefNullable: 1, RefDict: 2, RefPair: 2}
	if n, ok := want[name]; ok {
		if len(args) != n {
			return nil, fmt.Errorf("type reference %q: %s takes %d arguments, has %d", p.s, name, n, len(args))
		}
		return &Ref{Kind: name, Args: args}, nil
	}
	if Primitives[name] {
		if args != nil {
			return nil, fmt.Errorf("type reference %q: primitive %s takes no arguments", p.s, name)
		}
		return &Ref{Kind: RefPrimitive, Name: name}, nil
	}
	return &Ref{Kind: RefNamed, Name: p.s[start:p.i]}, nil
}

// MustParseRefOrNamed parses a reference, treating unparsable text as a name.
func MustParseRefOrNamed(s string) *Ref {
	r, err := ParseRef(s)
	if err != nil {
		return &Ref{Kind: RefNamed, Name: s}
	}
	return r
}
