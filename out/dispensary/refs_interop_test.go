package dispensary

// Json.NET's object references ($id, $ref, $values), tried against the
// real Json.NET of the dispensary oracle: Web API's formatter resolves them
// on input (MetadataPropertyHandling.Default) though it never writes them,
// so the echo endpoint answers the graph a body describes, expanded. Each
// body is read by the generated codec too, and written back: the two must
// agree byte for byte, or both must refuse — except where Json.NET is
// silently lossy, which the codec refuses and the test pins both sides of.

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/internal/oracletest"
)

func TestJSONReferencesInterop(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	const typ = "FormularyCategory"
	post := func(body string) (int, string) {
		st, _, b, err := s.Do("POST", "/_oracle/echo?type="+typ, "application/json", "application/json", []byte(body))
		if err != nil {
			t.Fatalf("echo: %v", err)
		}
		return st, string(b)
	}
	ours := func(body string) (*FormularyCategory, string, error) {
		var v FormularyCategory
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			return nil, "", err
		}
		b, err := json.Marshal(&v)
		if err != nil {
			t.Fatal(err)
		}
		return &v, string(b), nil
	}

	// Read alike: .NET's echo is what the codec writes of what it read.
	for _, c := range []struct {
		name, body string
		shared     func(v *FormularyCategory) bool // the references are one Go value
	}{
		{"items refer to an object of another member", `{"$id":"1","Code":"A","Parent":{"$id":"2","Code":"P","Items":[{"$id":"3","Code":"x","PackSize":3}]},"Items":[{"$ref":"3"},{"$ref":"3"}]}`,
			func(v *FormularyCategory) bool { return v.Items[0] == v.Items[1] && v.Items[0] == v.Parent.Items[0] }},
		{"$values collection and a reference to it", `{"Code":"A","Items":{"$id":"4","$values":[{"Code":"x"}]},"Parent":{"Items":{"$ref":"4"}}}`,
			func(v *FormularyCategory) bool { return &v.Items[0] == &v.Parent.Items[0] }},
		{"$values without $id", `{"Code":"A","Items":{"$values":[{"$id":"3","Code":"x"},{"$ref":"3"}]}}`,
			func(v *FormularyCategory) bool { return v.Items[0] == v.Items[1] }},
		{"$id before $ref is ignored", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$id":"5","$ref":"3"}]}`, nil},
		{"$type before $ref is ignored", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$type":"Foo","$ref":"3"}]}`, nil},
		{"a number as $id", `{"Code":"A","Items":[{"$id":3,"Code":"x"},{"$ref":"3"}]}`, nil},
		{"an empty id", `{"Code":"A","Items":[{"$id":"","Code":"x"},{"$ref":""}]}`, nil},
		{"$ref null is no reference", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$ref":null,"Code":"z"}]}`, nil},
		{"names are exact: $REF is an unknown member", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$REF":"3"}]}`, nil},
		{"whitespace and a reference at depth", "{ \"Code\" : \"A\" , \"Items\" : [ { \"$id\" : \"3\" , \"Code\" : \"x\" } , { \"$ref\" : \"3\" } ] ,\n \"Parent\" : { \"Items\" : [ { \"$ref\" : \"3\" } ] } }", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, want := post(c.body)
			if st != 200 {
				t.Fatalf(".NET: %d %s", st, want)
			}
			v, got, err := ours(c.body)
			if err != nil {
				t.Fatalf("codec: %v (.NET read it: %s)", err, want)
			}
			if got != want {
				t.Errorf("differs from .NET\n got: %s\nwant: %s", got, want)
			}
			if c.shared != nil && !c.shared(v) {
				t.Error("references read as copies, not as one value")
			}
		})
	}

	// Refused alike (Json.NET: 400 or 500 with its message).
	for _, c := range []struct{ name, body, dotnet, ours string }{
		{"a member after $ref", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$ref":"3","Code":"y"}]}`, "Additional content found in JSON reference object", `a member after "$ref"`},
		{"an id used twice", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$id":"3","Code":"y"}]}`, "Duplicate", `"$id" "3" used twice`},
		{"$ref not a string", `{"Code":"A","Items":[{"$id":"3","Code":"x"},{"$ref":3}]}`, "must have a string or null value", `want a string or null for "$ref"`},
		{"$values for an object", `{"$values":[],"Code":"A"}`, "Cannot deserialize JSON array", `"$values" (a collection) where an object`},
		{"a member after $values", `{"Code":"A","Items":{"$id":"4","$values":[{"Code":"x"}],"Extra":1}}`, "Unexpected token", `a member after "$values"`},
		{"$id after $values", `{"Code":"A","Items":{"$values":[{"Code":"x"}],"$id":"4"}}`, "Unexpected token", `a member after "$values"`},
		{"an object without $values for a list", `{"Code":"A","Items":{"Code":"y","$values":[{"Code":"x"}]}}`, "Cannot deserialize JSON object", `want '['`},
		{"a reference to an object of another type", `{"Code":"A","Items":[{"$id":"3","Code":"x"}],"Parent":{"$ref":"3"}}`, "Error setting value to 'Parent'", `is a *dispensary.FormularyItem, not a *dispensary.FormularyCategory`},
		{"a reference to a list for an object", `{"Code":"A","Items":{"$id":"4","$values":[]},"Parent":{"$ref":"4"}}`, "Error setting value to 'Parent'", `is a []*dispensary.FormularyItem, not a *dispensary.FormularyCategory`},
		{"a reference to an object for a list", `{"Code":"A","Parent":{"$id":"2","Code":"P"},"Items":{"$ref":"2"}}`, "Error setting value to 'Items'", `is a *dispensary.FormularyCategory, not a []*dispensary.FormularyItem`},
		// Json.NET reads a cycle but cannot write it back.
		{"an object referring to itself", `{"$id":"1","Code":"A","Parent":{"$ref":"1"}}`, "Self referencing loop detected", `(a cycle)`},
		{"a cycle through a child", `{"$id":"1","Code":"A","Parent":{"Code":"B","Parent":{"$ref":"1"}}}`, "Self referencing loop detected", `(a cycle)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, b := post(c.body)
			if st == 200 || !strings.Contains(b, c.dotnet) {
				t.Errorf(".NET: %d %s, want a refusal with %q", st, b, c.dotnet)
			}
			if _, got, err := ours(c.body); err == nil || !strings.Contains(err.Error(), c.ours) {
				t.Errorf("codec: %v %s, want an error with %q", err, got, c.ours)
			}
		})
	}

	// Where Json.NET is silently lossy, the codec refuses: the echo shows
	// what Json.NET made of the body.
	for _, c := range []struct{ name, body, dotnet, ours string }{
		{"an unknown id (Json.NET: null)", `{"Code":"A","Items":[{"$ref":"9"}]}`, `"Items":[null]`, `which no "$id" before it names`},
		{"$ref after a member (Json.NET: ignored, the item keeps only Code)", `{"Code":"A","Items":[{"$id":"3","Code":"x","PackSize":3},{"Code":"y","$ref":"3"}]}`, `{"Code":"y","Name":null,"PackSize":0`, `"$ref" after other members`},
		{"$id after a member (Json.NET: ignored, its references null)", `{"Code":"A","Items":[{"Code":"x","$id":"3"},{"$ref":"3"}]}`, `"Schedule":0},null]`, `"$id" after other members`},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, b := post(c.body)
			if st != 200 || !strings.Contains(b, c.dotnet) {
				t.Errorf(".NET: %d %s, want %s in it", st, b, c.dotnet)
			}
			if _, got, err := ours(c.body); err == nil || !strings.Contains(err.Error(), c.ours) {
				t.Errorf("codec: %v %s, want an error with %q", err, got, c.ours)
			}
		})
	}
}
