package generator

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/helpgen/helpgen/spec"
)

// Op is one endpoint with its Go names resolved.
type Op struct {
	Endpoint *spec.Endpoint
	// GoName is the client method and server interface method name.
	GoName string
	// ParamsName is the Go type of its query parameters (the params struct).
	ParamsName string
	// PathParams are in route order; QueryParams in page order.
	PathParams  []*Param
	QueryParams []*Param
	// Body and Response are nil when the endpoint has none.
	Body, Response *Root
	// Segments are the route's segments; params are "{name}".
	Segments []string
}

// Param is a URI parameter.
type Param struct {
	Spec   *spec.Param
	GoName string // a Go identifier (argument name)
	// Field is the params struct field of a query parameter.
	Field string
	Type  *GoType
	// Optional query parameters are pointers (nil = not sent).
	Optional bool
	// Index is the route segment index of a path parameter.
	Index int
}

// Root is a body or response type with the names of its root codec helpers
// (jsonAppend<Name>, jsonDecode<Name>, …), generated for every root type so
// the client and server call one shape whatever the type.
type Root struct {
	Ref  string
	Type *GoType
	Name string
}

// resolveOps names the operations: Method + the route's literal segments
// (without "api" and version segments like v1) + "By"+Param when the route
// ends with a parameter. Collisions get the remaining path parameters, then
// a number. Overrides (by ApiId) win.
func (m *Model) resolveOps(overrides map[string]string) error {
	taken := map[string]bool{}
	eps := append([]*spec.Endpoint(nil), m.Spec.Endpoints...)
	sort.Slice(eps, func(i, j int) bool { return eps[i].ID < eps[j].ID })
	base := map[*spec.Endpoint]string{}
	count := map[string]int{}
	for _, e := range eps {
		n := opName(e)
		if o := overrides[e.ID]; o != "" {
			n = o
		}
		base[e] = n
		count[n]++
	}
	roots := map[string]*Root{}
	for _, e := range eps {
		op := &Op{Endpoint: e, Segments: strings.Split(strings.Trim(e.Route, "/"), "/")}
		name := base[e]
		if count[name] > 1 && overrides[e.ID] == "" {
			name += paramSuffix(e)
		}
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s%d", base[e], n)
		}
		if name != base[e] {
			m.Renames = append(m.Renames, Rename{"operation", e.ID, name, "default name " + base[e] + " is shared"})
		}
		taken[name] = true
		op.GoName = name
		op.ParamsName = name + "Params"
		if m.goNameTaken(op.ParamsName) {
			op.ParamsName = name + "Query"
			m.Renames = append(m.Renames, Rename{"params struct", e.ID, op.ParamsName, name + "Params is a contract's name"})
		}
		// A path parameter is an argument of the client method and of the
		// Service methods: not one of their other names (arguments,
		// receivers, locals, the package-level names and imports they use).
		argTaken := map[string]bool{}
		for _, n := range []string{"ctx", "c", "s", "params", "body", "out", "err", "v", "zero",
			"api", "rt", "context", "uuid", "time", "http", "url"} {
			argTaken[n] = true
		}
		for _, p := range e.Params {
			gt, err := m.GoTypeOf(p.Type)
			if err != nil {
				return fmt.Errorf("endpoint %s param %s: %w", e.ID, p.Name, err)
			}
			arg := ""
			if p.In == "path" {
				arg = argName(p.Name)
				for n := 2; argTaken[arg]; n++ {
					arg = argName(p.Name) + "Param"
					if n > 2 {
						arg += itoa(n - 1)
					}
				}
				argTaken[arg] = true
			}
			prm := &Param{Spec: p, GoName: arg, Type: gt}
			if p.In == "path" {
				prm.Index = -1
				for i, s := range op.Segments {
					// A whole segment, or part of one ("Car({id})").
					if strings.Contains(strings.ToLower(s), "{"+strings.ToLower(p.Name)+"}") {
						prm.Index = i
					}
				}
				if prm.Index < 0 {
					return fmt.Errorf("endpoint %s: path parameter %s is not in the route %s", e.ID, p.Name, e.Route)
				}
				op.PathParams = append(op.PathParams, prm)
			} else {
				// Optional parameters are pointers, nil when not sent; strings
				// too: an empty one is not an absent one (Web API answers 400
				// for a required value sent empty).
				prm.Optional = !p.Required && (!gt.Nilable || isStringish(gt))
				op.QueryParams = append(op.QueryParams, prm)
			}
		}
		sort.SliceStable(op.PathParams, func(i, j int) bool { return op.PathParams[i].Index < op.PathParams[j].Index })
		fieldTaken := map[string]bool{}
		for _, p := range op.QueryParams {
			f := Exported(p.Spec.Name)
			for n := 2; fieldTaken[f]; n++ {
				f = Exported(p.Spec.Name) + itoa(n)
			}
			fieldTaken[f] = true
			p.Field = f
		}
		var err error
		if e.Body != nil {
			if op.Body, err = m.root(roots, e.Body.Type); err != nil {
				return fmt.Errorf("endpoint %s body: %w", e.ID, err)
			}
		}
		if e.Response != nil {
			if op.Response, err = m.root(roots, e.Response.Type); err != nil {
				return fmt.Errorf("endpoint %s response: %w", e.ID, err)
			}
		}
		m.Ops = append(m.Ops, op)
	}
	sort.Slice(m.Ops, func(i, j int) bool { return m.Ops[i].GoName < m.Ops[j].GoName })
	for _, r := range roots {
		m.Roots = append(m.Roots, r)
	}
	sort.Slice(m.Roots, func(i, j int) bool { return m.Roots[i].Name < m.Roots[j].Name })
	return nil
}

func (m *Model) root(roots map[string]*Root, ref string) (*Root, error) {
	if r := roots[ref]; r != nil {
		return r, nil
	}
	gt, err := m.GoTypeOf(ref)
	if err != nil {
		return nil, err
	}
	name := m.RefName(gt)
	r := &Root{Ref: ref, Type: gt, Name: name}
	roots[ref] = r
	return r, nil
}

// RefName is a readable Go name for a type reference: the emitted type's
// name, or ListOfX, DictionaryOfKAndV, NullableOfX, String, DateTimeOffset.
func (m *Model) RefName(g *GoType) string {
	switch g.Kind {
	case spec.RefNamed:
		return g.Named.GoName
	case spec.RefPrimitive:
		if g.Opaque != nil {
			return g.Opaque.GoName // distinct from another opaque type's (and Object's) codecs
		}
		return prims[g.Prim].name
	case spec.RefList:
		return "ListOf" + m.RefName(g.Elem)
	case spec.RefNullable:
		return "NullableOf" + m.RefName(g.Elem)
	case spec.RefDict:
		return "DictionaryOf" + m.RefName(g.Key) + "And" + m.RefName(g.Elem)
	case spec.RefPair:
		return "KeyValuePairOf" + m.RefName(g.Key) + "And" + m.RefName(g.Elem)
	}
	return "X"
}

func opName(e *spec.Endpoint) string {
	var b strings.Builder
	b.WriteString(Exported(strings.ToLower(e.Method)))
	segs := strings.Split(strings.Trim(e.Route, "/"), "/")
	for i, s := range segs {
		if s == "" || strings.HasPrefix(s, "{") || (i == 0 && strings.EqualFold(s, "api")) || isVersionSeg(s) {
			continue
		}
		b.WriteString(Exported(s))
	}
	if last := segs[len(segs)-1]; strings.HasPrefix(last, "{") {
		b.WriteString("By" + Exported(strings.Trim(last, "{}")))
	}
	return b.String()
}

// paramSuffix disambiguates with the path parameters not already in the name.
func paramSuffix(e *spec.Endpoint) string {
	segs := strings.Split(strings.Trim(e.Route, "/"), "/")
	var parts []string
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && i != len(segs)-1 {
			parts = append(parts, Exported(strings.Trim(s, "{}")))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "By" + strings.Join(parts, "And")
}

func isVersionSeg(s string) bool {
	if len(s) < 2 || (s[0] != 'v' && s[0] != 'V') {
		return false
	}
	for _, c := range s[1:] {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// argName makes a parameter name a safe Go identifier (not a keyword, not
// exported).
func argName(s string) string {
	n := lowerInitialism(Exported(s))
	if goKeywords[n] || predeclared[n] {
		n += "Param" // "type" → typeParam
	}
	return n
}

// lowerInitialism lower-cases an exported name's leading capitals the way
// a Go reader writes a local: the whole initialism, not just its first
// letter ("MRN" → mrn, "EMRSystem" → emrSystem, "DOB" → dob, "PatientId" →
// patientId, "ID2" → id2).
func lowerInitialism(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	switch {
	case n == 0:
		return s
	case n == len(r) || !unicode.IsLetter(r[n]):
		// All capitals (up to a digit or the end): an initialism.
	case n > 1:
		n-- // "EMRSystem": the last capital starts the next word
	}
	for i := 0; i < n; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

var goKeywords = map[string]bool{
	"break": true, "case": true, "chan": true, "const": true, "continue": true, "default": true, "defer": true,
	"else": true, "fallthrough": true, "for": true, "func": true, "go": true, "goto": true, "if": true,
	"import": true, "interface": true, "map": true, "package": true, "range": true, "return": true,
	"select": true, "struct": true, "switch": true, "type": true, "var": true,
}

var predeclared = map[string]bool{
	"string": true, "int": true, "bool": true, "error": true, "len": true, "cap": true, "new": true, "make": true,
	"nil": true, "true": true, "false": true, "append": true, "copy": true, "delete": true, "panic": true,
	"url": true, "http": true, "time": true, "uuid": true, "strconv": true, "fmt": true, "io": true,
	"context": true, "bytes": true, "errors": true,
}
