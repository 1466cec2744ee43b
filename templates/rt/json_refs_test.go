package rt

import (
	"strconv"
	"strings"
	"testing"
)

// Json.NET's object references are read as the graph they describe and
// written expanded; out/dispensary/refs_interop_test.go checks the same
// rules against Json.NET itself.

func TestJSONReferencesShared(t *testing.T) {
	const doc = `{"$id":"1","Name":"root","Notes":[{"$id":"2","Text":"a"},{"$ref":"2"}],` +
		`"Tags":{"$id":"3","$values":["x",null]},"Scores":{"$id":"4","a":1},` +
		`"Self":{"$type":"T.Thing, T","$id":"5","Name":"kid","Tags":{"$ref":"3"},"Scores":{"$ref":"4"},"Notes":[{"$ref":"2"},{"$ref":null,"Text":"b"}]}}`
	var v *tcThing
	if err := DecodeJSONRoot(tcAPI, []byte(doc), &tcRootThing, &v); err != nil {
		t.Fatal(err)
	}
	if v.Notes[0] != v.Notes[1] || v.Self.Notes[0] != v.Notes[0] {
		t.Error("a referenced object is not the same value")
	}
	if &v.Tags[0] != &v.Self.Tags[0] || len(v.Self.Tags) != 2 {
		t.Error("a referenced list is not the same list")
	}
	if v.Self.Scores["a"] != 1 {
		t.Errorf("a referenced dictionary: %v", v.Self.Scores)
	}
	v.Scores["b"] = 2
	if v.Self.Scores["b"] != 2 {
		t.Error("a referenced dictionary is not the same map")
	}
	if *v.Self.Notes[1].Text != "b" || *v.Self.Name != "kid" {
		t.Error("members after metadata were not read")
	}
	want, err := ExpandJSONReferences([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	v.Scores = map[string]int32{"a": 1}
	v.Self.Scores = v.Scores
	got := AppendJSONRoot(tcAPI, nil, &tcRootThing, &v, tcAPI.Dates)
	// Written expanded: each shared value once per place it is used.
	for _, part := range []string{`"Text":"a"}`, `"Tags":["x",null]`, `"Scores":{"a":1}`} {
		if n := strings.Count(string(got), part); n < 2 {
			t.Errorf("%s written %d times:\n%s", part, n, got)
		}
	}
	if strings.Contains(string(got), "$") {
		t.Errorf("metadata written: %s", got)
	}
	if string(want) != `{"Name":"root","Notes":[{"Text":"a"},{"Text":"a"}],"Tags":["x",null],"Scores":{"a":1},`+
		`"Self":{"Name":"kid","Tags":["x",null],"Scores":{"a":1},"Notes":[{"Text":"a"},{"Text":"b"}]}}` {
		t.Errorf("expanded: %s", want)
	}
	// The list root: items of a collection, as the wild pages show.
	var list []*tcThing
	if err := DecodeJSONRoot(tcAPI, []byte(`[{"$id":"2","Name":"p"},{"$ref":"2"}]`), &tcRootList, &list); err != nil || list[0] != list[1] {
		t.Fatal(err, list)
	}
	// Ids are per document: a reader from the pool forgets them.
	if err := DecodeJSONRoot(tcAPI, []byte(`[{"$ref":"2"}]`), &tcRootList, &list); err == nil {
		t.Error("an id of an earlier document resolved")
	}
}

func TestJSONReferencesRefused(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"Notes":[{"$ref":"9"}]}`, `"$ref" to "9", which no "$id" before it names at offset 18`},
		{`{"Notes":[{"$id":"2"},{"$ref":"2","Text":"x"}]}`, `a member after "$ref"`},
		{`{"Notes":[{"$id":"2"},{"$id":"2"}]}`, `"$id" "2" used twice`},
		{`{"Notes":[{"Text":"x","$id":"2"}]}`, `"$id" after other members`},
		{`{"Notes":[{"$id":"2"},{"Text":"x","$ref":"2"}]}`, `"$ref" after other members`},
		{`{"Name":"x","$values":[]}`, `"$values" after other members`},
		{`{"$id":"1","Self":{"$ref":"1"}}`, `refers to an object that contains it (a cycle)`},
		{`{"$id":"1","Self":{"Self":{"$ref":"1"}}}`, `(a cycle)`},
		{`{"Scores":{"$id":"4","a":{"$ref":"4"}}}`, `want an integer`},
		{`{"Notes":[{"$id":"2"}],"Self":{"$ref":"2"}}`, `"$ref" "2" is a *rt.tcNote, not a *rt.tcThing`},
		{`{"Tags":{"$id":"3","$values":[]},"Self":{"$ref":"3"}}`, `is a []*string, not a *rt.tcThing`},
		{`{"Self":{"$values":[]}}`, `"$values" (a collection) where an object of T.Thing is wanted`},
		{`{"Tags":{"$id":"3"}}`, `an object without "$values" where a list (Tags) is wanted`},
		{`{"Tags":{"a":1}}`, `unexpected '{', want '[' for Tags`},
		{`{"Tags":{"$values":[],"$id":"3"}}`, `a member after "$values"`},
		{`{"Notes":[{"$id":"2"},{"$ref":2}]}`, `want a string or null for "$ref"`},
		{`{"Notes":[{"$id":{}}]}`, `want a string for "$id"`},
	} {
		var v *tcThing
		err := DecodeJSONRoot(tcAPI, []byte(c.doc), &tcRootThing, &v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.doc, err, c.want)
		}
	}
}

// TestJSONReferencesExpansion: references to references cannot make the
// writers write gigabytes.
func TestJSONReferencesExpansion(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"$id":"0","Name":"` + strings.Repeat("x", 100) + `"}`)
	for i := 1; i < 40; i++ {
		b.WriteString(`,{"$id":"` + strconv.Itoa(i) + `","Self":{"$ref":"` + strconv.Itoa(i-1) + `"},"Notes":[],"Any":null}`)
	}
	// Each object refers to the one before; a list of 40 references to the
	// last is 40 times its (already large) expansion.
	doc := "[" + b.String() + strings.Repeat(`,{"$ref":"39"}`, 20000) + "]"
	var list []*tcThing
	err := DecodeJSONRoot(tcAPI, []byte(doc), &tcRootList, &list)
	if err == nil || !strings.Contains(err.Error(), "references expand to more than") {
		t.Fatalf("%v", err)
	}
	// A modest sharing is read.
	doc = "[" + b.String() + strings.Repeat(`,{"$ref":"39"}`, 10) + "]"
	if err := DecodeJSONRoot(tcAPI, []byte(doc), &tcRootList, &list); err != nil {
		t.Fatal(err)
	}
}

// FuzzJSONReferences: whatever references a document holds, what decodes
// encodes (no cycle reaches the writer), and encode → decode → encode
// keeps every byte; the expander never panics.
func FuzzJSONReferences(f *testing.F) {
	for _, s := range []string{
		`{"$id":"1","Notes":[{"$id":"2","Text":"a"},{"$ref":"2"}],"Tags":{"$id":"3","$values":["x"]},"Self":{"Tags":{"$ref":"3"},"Scores":{"$id":"4","a":1}}}`,
		`{"$id":"1","Self":{"$ref":"1"}}`,
		`{"Scores":{"$id":"4","a":1},"Self":{"$type":"x","$id":"5","Scores":{"$ref":"4"},"Self":{"$ref":null}}}`,
		`[{"$id":"2","Name":"p"},{"$ref":"2"},{"$values":[]}]`,
	} {
		f.Add(false, []byte(s))
		f.Add(true, []byte(s))
	}
	f.Fuzz(func(t *testing.T, list bool, data []byte) {
		_, _ = ExpandJSONReferences(data)
		root, v := &tcRootThing, any(new(*tcThing))
		if list {
			root, v = &tcRootList, new([]*tcThing)
		}
		var b1, b2 []byte
		switch p := v.(type) {
		case **tcThing:
			if DecodeJSONRoot(tcAPI, data, root, p) != nil {
				return
			}
			b1 = AppendJSONRoot(tcAPI, nil, root, p, tcAPI.Dates)
			var q *tcThing
			if err := DecodeJSONRoot(tcAPI, b1, root, &q); err != nil {
				t.Fatalf("%v\n%s", err, b1)
			}
			b2 = AppendJSONRoot(tcAPI, nil, root, &q, tcAPI.Dates)
		case *[]*tcThing:
			if DecodeJSONRoot(tcAPI, data, root, p) != nil {
				return
			}
			b1 = AppendJSONRoot(tcAPI, nil, root, p, tcAPI.Dates)
			var q []*tcThing
			if err := DecodeJSONRoot(tcAPI, b1, root, &q); err != nil {
				t.Fatalf("%v\n%s", err, b1)
			}
			b2 = AppendJSONRoot(tcAPI, nil, root, &q, tcAPI.Dates)
		}
		if string(b1) != string(b2) {
			t.Fatalf("re-encoding differs\n%s\n%s", b1, b2)
		}
	})
}

// TestExpandJSONReferencesBounded: a sample's references to references
// cannot make the conformance test's expansion exponential.
func TestExpandJSONReferencesBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`[{"$id":"0","a":"` + strings.Repeat("x", 64) + `"}`)
	for i := 1; i < 40; i++ {
		b.WriteString(`,{"$id":"` + strconv.Itoa(i) + `","a":[{"$ref":"` + strconv.Itoa(i-1) + `"},{"$ref":"` + strconv.Itoa(i-1) + `"}]}`)
	}
	b.WriteString("]")
	if _, err := ExpandJSONReferences([]byte(b.String())); err == nil || !strings.Contains(err.Error(), "references expand to more than") {
		t.Fatal(err)
	}
}
