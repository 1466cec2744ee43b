package spec

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// AssumedPrefix starts the message of every diagnostic Assumptions makes.
const AssumedPrefix = "assumed: "

// Assumption is one kind of fact the pages cannot show, with the default
// taken and where it was taken.
type Assumption struct {
	// Fact names it ("integer width", "nullability", ...).
	Fact string
	// Default says what helpgen does instead of knowing.
	Default string
	// Key is the config key that pins the fact.
	Key string
	// Items are the members (Type.Member), parameters (ApiId.param),
	// contracts or endpoints concerned, sorted.
	Items []string
}

// maxListed is how many items a diagnostic names before "and N more".
const maxListed = 8

// Assumptions lists the facts the pages cannot show for which s took a
// default (docs/generated-code.md, "What the pages cannot show"), in a
// fixed order; a fact with no item is left out. Pinning a fact in the
// config removes its items.
func Assumptions(s *Spec) []Assumption {
	var width, null, ns, renamed, bodies []string
	var widthParams int
	named := ElementNamed(s)
	for _, t := range s.Types {
		if len(t.TypeParams) > 0 || t.Synthetic {
			continue // definitions and synthetic bases repeat their instances' and derived types' members
		}
		tn := shortName(t)
		// The contract name travels only as a root or collection item
		// element: elsewhere the member's name stands for it.
		nameUnknown := !t.Knows(UnknownXMLName) && named[t.Name]
		if !t.Knows(UnknownNamespace) || nameUnknown {
			what := []string{}
			if nameUnknown {
				what = append(what, "name")
			}
			if !t.Knows(UnknownNamespace) {
				what = append(what, "namespace")
			}
			ns = append(ns, tn+" ("+strings.Join(what, ", ")+")")
		}
		for _, m := range t.Members {
			mn := tn + "." + m.Name
			if !m.Knows(UnknownWidth) {
				width = append(width, mn)
			}
			if m.AcceptsNull() {
				null = append(null, mn)
			}
			if m.CLRName == "" && LooksRenamed(m.Name) && m.Help {
				renamed = append(renamed, mn)
			}
		}
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			if !p.Knows(UnknownWidth) {
				width = append(width, e.ID+"."+p.Name)
				widthParams++
			}
		}
		if e.Body != nil && e.BodyParam == "" {
			bodies = append(bodies, e.ID)
		}
	}
	var out []Assumption
	add := func(a Assumption) {
		if len(a.Items) > 0 {
			sort.Strings(a.Items)
			a.Items = dedupe(a.Items)
			out = append(out, a)
		}
	}
	add(Assumption{Fact: "integer width", Key: "wire.memberTypes, wire.paramTypes", Items: width,
		Default: "\"integer\" may be Int16, Int32 or Int64: read as Int64 (Go int64), which holds all three"})
	add(Assumption{Fact: "nullability", Key: "wire.memberTypes", Items: null,
		Default: "a value type that may be Nullable<T>: null reads as the zero value; Go never sends null for it"})
	add(Assumption{Fact: "XML contract name or namespace", Key: "wire.xmlNamespaces", Items: ns,
		Default: "no XML sample shows the contract: DataContractSerializer's rules, another instance of the generic, or the namespace of the contracts it is used with"})
	add(Assumption{Fact: "CLR property names", Key: "wire.clrNames", Items: renamed,
		Default: "the name looks renamed by [DataMember(Name)] or [JsonProperty]; forms use it as the key, which Web API's binder only matches when it is the property's name"})
	add(Assumption{Fact: "body parameter names", Key: "wire.bodyParameters", Items: bodies,
		Default: "ModelState keys of body validation errors carry no parameter prefix (Web API writes \"command.Lines[0].Code\")"})
	return out
}

// ElementNamed lists the types whose contract name is an element name on
// the wire: bodies, responses and collection items.
func ElementNamed(s *Spec) map[string]bool {
	out := map[string]bool{}
	var walk func(r *Ref, root bool)
	walk = func(r *Ref, root bool) {
		switch r.Kind {
		case RefNamed:
			if root {
				out[r.Name] = true
			}
		case RefList:
			walk(r.Elem(), true)
		case RefNullable:
			walk(r.Elem(), root)
		default:
			for _, a := range r.Args {
				walk(a, false)
			}
		}
	}
	ref := func(t string, root bool) {
		if r, err := ParseRef(t); err == nil {
			walk(r, root)
		}
	}
	for _, e := range s.Endpoints {
		for _, b := range []*Body{e.Body, e.Response} {
			if b != nil {
				ref(b.Type, true)
			}
		}
	}
	for _, t := range s.Types {
		for _, m := range t.Members {
			ref(m.Type, false)
		}
	}
	return out
}

// AssumptionDiagnostics is Assumptions as warnings, one per fact, naming
// the first items.
func AssumptionDiagnostics(s *Spec) []*Diagnostic {
	var out []*Diagnostic
	for _, a := range Assumptions(s) {
		list := a.Items
		more := ""
		if len(list) > maxListed {
			more = fmt.Sprintf(" and %d more", len(list)-maxListed)
			list = list[:maxListed]
		}
		out = append(out, &Diagnostic{Severity: Warning, Message: fmt.Sprintf("%s%s unknown for %d (%s): %s%s; pin with %s",
			AssumedPrefix, a.Fact, len(a.Items), a.Default, strings.Join(list, ", "), more, a.Key)})
	}
	return out
}

// RefreshAssumptions replaces s's assumption diagnostics by those of its
// current state (after the config pinned some facts).
func RefreshAssumptions(s *Spec) {
	kept := s.Diagnostics[:0:0]
	for _, d := range s.Diagnostics {
		if !strings.HasPrefix(d.Message, AssumedPrefix) {
			kept = append(kept, d)
		}
	}
	s.Diagnostics = append(kept, AssumptionDiagnostics(s)...)
	s.Normalize()
}

// LooksRenamed reports whether a member name shown on a page is unlikely to
// be a C# property name: not an identifier, or not starting with an upper
// case letter (.NET's naming rule for properties), so that [DataMember(Name)]
// or [JsonProperty] probably renamed it.
func LooksRenamed(name string) bool {
	for i, r := range name {
		if i == 0 && !unicode.IsUpper(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			return true
		}
	}
	return name == ""
}

// shortName names a type for messages: its CLR simple name, generic
// instances as written (Page<Item>).
func shortName(t *Type) string {
	n := t.Name
	if i := strings.IndexByte(n, '<'); i >= 0 {
		head := n[:i]
		if j := strings.LastIndexByte(head, '.'); j >= 0 {
			head = head[j+1:]
		}
		return head + n[i:]
	}
	if j := strings.LastIndexByte(n, '.'); j >= 0 {
		return n[j+1:]
	}
	return n
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
