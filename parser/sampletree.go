package parser

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// jnode is a JSON value with object member order kept (samples encode the
// server's member order, which encoding/json maps would lose).
type jnode struct {
	kind  byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	text  string
	keys  []string
	vals  []*jnode
	items []*jnode
}

func (n *jnode) get(key string) *jnode {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// parseJSONSample parses a sample; text renderings may have collapsed it to
// one line, which JSON does not care about.
func parseJSONSample(text string) (*jnode, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	n, err := jvalue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("JSON sample: data after the value")
	}
	return n, nil
}

func jvalue(dec *json.Decoder, depth int) (*jnode, error) {
	if depth > 200 {
		return nil, fmt.Errorf("JSON sample: nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("JSON sample: %w", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jnode{kind: 'o'}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("JSON sample: %w", err)
				}
				k, _ := kt.(string)
				v, err := jvalue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("JSON sample: %w", err)
			}
			return n, nil
		case '[':
			n := &jnode{kind: 'a'}
			for dec.More() {
				v, err := jvalue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("JSON sample: %w", err)
			}
			return n, nil
		}
		return nil, fmt.Errorf("JSON sample: unexpected %v", t)
	case string:
		return &jnode{kind: 's', text: t}, nil
	case json.Number:
		return &jnode{kind: 'n', text: t.String()}, nil
	case bool:
		return &jnode{kind: 'b', text: fmt.Sprint(t)}, nil
	case nil:
		return &jnode{kind: 'z'}, nil
	}
	return nil, fmt.Errorf("JSON sample: unexpected token %v", tok)
}

// xnode is an XML element of a sample with namespaces resolved.
type xnode struct {
	name, ns string
	nil      bool
	text     string
	children []*xnode
	// prefixes declared on this element: prefix → namespace.
	prefixes map[string]string
	// defaultNS is the xmlns="" attribute when the element declares one.
	defaultNS string
}

func parseXMLSample(text string) (*xnode, error) {
	dec := xml.NewDecoder(strings.NewReader(text))
	var stack []*xnode
	var root *xnode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XML sample: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name.Local, ns: t.Name.Space}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					if n.prefixes == nil {
						n.prefixes = map[string]string{}
					}
					n.prefixes[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					n.defaultNS = a.Value
				case a.Name.Local == "nil" && a.Value == "true":
					n.nil = true
				}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			} else {
				return nil, fmt.Errorf("XML sample: more than one root element")
			}
			if len(stack) > 200 {
				return nil, fmt.Errorf("XML sample: nested too deeply")
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("XML sample: no element")
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("XML sample: unclosed <%s>", stack[len(stack)-1].name)
	}
	return root, nil
}

// leaf reports whether the element holds text rather than elements.
func (n *xnode) leaf() bool { return len(n.children) == 0 }

// value is the element's text, trimmed when it has children.
func (n *xnode) value() string {
	if len(n.children) > 0 {
		return ""
	}
	return n.text
}

func isJSONMedia(mt string) bool { return strings.Contains(mt, "json") }
func isXMLMedia(mt string) bool  { return strings.Contains(mt, "xml") }
