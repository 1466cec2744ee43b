package oracletest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { Main(m) }

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// elem is an XML element with its namespace, its text and its children, for
// checking names, namespaces and order.
type elem struct {
	Space, Local string
	Attrs        []xml.Attr
	Text         string
	Children     []*elem
}

func (e *elem) child(local string) *elem {
	for _, c := range e.Children {
		if c.Local == local {
			return c
		}
	}
	return nil
}

func (e *elem) childNames() []string {
	var names []string
	for _, c := range e.Children {
		names = append(names, c.Local)
	}
	return names
}

func parseXML(t testing.TB, data []byte) *elem {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*elem
	var root *elem
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid XML: %v\n%s", err, data)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &elem{Space: tok.Name.Space, Local: tok.Name.Local, Attrs: tok.Attr}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		}
	}
	if root == nil {
		t.Fatalf("no XML root element:\n%s", data)
	}
	return root
}

var interTag = regexp.MustCompile(`>\s+<`)

// compactXML undoes the Help Page's XDocument indentation (whitespace between
// tags), which is all that separates a documented sample from the wire form.
func compactXML(b []byte) string {
	return interTag.ReplaceAllString(strings.TrimSpace(string(b)), "><")
}

func compactJSON(t testing.TB, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b)
	}
	return buf.String()
}

// jsonShape renders a JSON value's structure with member names in document
// order and scalar values replaced by their JSON kind, so answers made with
// other sample GUIDs and clocks can be compared with the documented samples.
func jsonShape(t testing.TB, b []byte) string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var sb strings.Builder
	inObject := []bool{}
	expectKey := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, b)
		}
		switch v := tok.(type) {
		case json.Delim:
			sb.WriteString(v.String())
			switch v {
			case '{':
				inObject = append(inObject, true)
				expectKey = true
				continue
			case '[':
				inObject = append(inObject, false)
			case '}', ']':
				inObject = inObject[:len(inObject)-1]
			}
		case string:
			if expectKey {
				sb.WriteString(v + ":")
				expectKey = false
				continue
			}
			sb.WriteString("s")
		case json.Number:
			sb.WriteString("n")
		case bool:
			sb.WriteString("b")
		case nil:
			sb.WriteString("null")
		}
		if len(inObject) > 0 && inObject[len(inObject)-1] {
			expectKey = true
		}
		sb.WriteString(" ")
	}
	return sb.String()
}

// jsonKeys returns the member names of a JSON object in document order.
func jsonKeys(t testing.TB, b []byte) []string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not a JSON object: %s", b)
	}
	var keys []string
	for d.More() {
		k, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
