package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The document is built as a tree of *obj (ordered maps), []any, string,
// bool, int, int64 and number (a literal checked to be a JSON number), so
// the JSON and YAML forms come out in the same, chosen key order without a
// YAML library.

type kv struct {
	k string
	v any
}

type obj struct{ kvs []kv }

func newObj() *obj { return &obj{} }

// set appends a key; callers add keys in the order they should appear.
func (o *obj) set(k string, v any) *obj {
	for i := range o.kvs {
		if o.kvs[i].k == k {
			o.kvs[i].v = v
			return o
		}
	}
	o.kvs = append(o.kvs, kv{k, v})
	return o
}

func (o *obj) get(k string) any {
	for _, e := range o.kvs {
		if e.k == k {
			return e.v
		}
	}
	return nil
}

func (o *obj) has(k string) bool {
	for _, e := range o.kvs {
		if e.k == k {
			return true
		}
	}
	return false
}

func (o *obj) len() int { return len(o.kvs) }

// number is a numeric literal taken from the pages (a range bound, a
// default), kept as written so no precision is lost.
type number string

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// asNumber returns the literal as a number when it is a JSON number.
func asNumber(s string) (number, bool) {
	s = strings.TrimSpace(s)
	if jsonNumber.MatchString(s) {
		return number(s), true
	}
	// "1.5" written as ".5" or "+3" on a page is still a number.
	if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "xXnN_") {
		return number(strconv.FormatFloat(f, 'f', -1, 64)), true
	}
	return "", false
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func scalarJSON(v any) string {
	switch v := v.(type) {
	case string:
		return jsonString(v)
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case number:
		return string(v)
	case nil:
		return "null"
	}
	panic(fmt.Sprintf("openapi: unexpected %T in document", v))
}

// writeJSON writes v with two-space indentation and a trailing newline.
func writeJSON(b *bytes.Buffer, v any, indent string) {
	switch v := v.(type) {
	case *obj:
		if v.len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, e := range v.kvs {
			b.WriteString(indent + "  " + jsonString(e.k) + ": ")
			writeJSON(b, e.v, indent+"  ")
			if i < len(v.kvs)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v {
			b.WriteString(indent + "  ")
			writeJSON(b, e, indent+"  ")
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	default:
		b.WriteString(scalarJSON(v))
	}
}

// plainYAML matches strings that YAML 1.1 and 1.2 both read back as the
// same string when written unquoted: no indicator first, no ": " or " #",
// nothing a resolver would turn into a bool, null or number.
var plainYAML = regexp.MustCompile(`^[A-Za-z_/$]([A-Za-z0-9_./${}()+, -]*[A-Za-z0-9_./${}()+-])?$`)

var yamlReserved = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true,
}

func yamlString(s string) string {
	if plainYAML.MatchString(s) && !yamlReserved[strings.ToLower(s)] {
		return s
	}
	// A JSON string is a valid YAML double-quoted scalar.
	return jsonString(s)
}

func scalarYAML(v any) string {
	if s, ok := v.(string); ok {
		return yamlString(s)
	}
	return scalarJSON(v)
}

func isEmptyCollection(v any) bool {
	switch v := v.(type) {
	case *obj:
		return v.len() == 0
	case []any:
		return len(v) == 0
	}
	return false
}

func isCollection(v any) bool {
	switch v.(type) {
	case *obj, []any:
		return !isEmptyCollection(v)
	}
	return false
}

// writeYAML writes a block-style YAML document: maps indent by two spaces,
// sequences sit at their key's indentation ("- " then the item).
func writeYAML(b *bytes.Buffer, v any, indent string) {
	switch v := v.(type) {
	case *obj:
		for _, e := range v.kvs {
			b.WriteString(indent + yamlString(e.k) + ":")
			writeYAMLValue(b, e.v, indent)
		}
	case []any:
		for _, e := range v {
			b.WriteString(indent + "-")
			switch ev := e.(type) {
			case *obj:
				if ev.len() == 0 {
					b.WriteString(" {}\n")
					continue
				}
				// The first key shares the "- " line; the rest align with it.
				var inner bytes.Buffer
				writeYAML(&inner, ev, indent+"  ")
				b.WriteString(" " + strings.TrimPrefix(inner.String(), indent+"  "))
			case []any:
				if len(ev) == 0 {
					b.WriteString(" []\n")
					continue
				}
				b.WriteByte('\n')
				writeYAML(b, ev, indent+"  ")
			default:
				b.WriteString(" " + scalarYAML(ev) + "\n")
			}
		}
	}
}

func writeYAMLValue(b *bytes.Buffer, v any, indent string) {
	switch {
	case isEmptyCollection(v):
		if _, ok := v.(*obj); ok {
			b.WriteString(" {}\n")
		} else {
			b.WriteString(" []\n")
		}
	case isCollection(v):
		b.WriteByte('\n')
		if _, ok := v.([]any); ok {
			writeYAML(b, v, indent)
		} else {
			writeYAML(b, v, indent+"  ")
		}
	default:
		b.WriteString(" " + scalarYAML(v) + "\n")
	}
}

func render(doc *obj, format string) ([]byte, error) {
	var b bytes.Buffer
	switch format {
	case "json", "":
		writeJSON(&b, doc, "")
		b.WriteByte('\n')
	case "yaml", "yml":
		writeYAML(&b, doc, "")
	default:
		return nil, fmt.Errorf("openapi: unknown format %q (want json or yaml)", format)
	}
	return b.Bytes(), nil
}
