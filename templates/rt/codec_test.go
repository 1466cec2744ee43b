package rt

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// Hand-written descriptors for a small API, as the generator writes them.

type tcColour int32

const (
	tcRed tcColour = iota
	tcGreen
)

type tcNote struct {
	Text *string
	At   DateTime
}

type tcThing struct {
	Id     uuid.UUID
	Name   *string
	Count  int32
	Big    *int64
	Colour tcColour
	Notes  []*tcNote
	Tags   []*string
	Scores map[string]int32
	Self   *tcThing
	Pair   KeyValuePair[int32, *string]
	Any    Object
}

var (
	tcContractNote = Contract{
		Go: (*tcNote)(nil), Name: "T.Note", XML: "Note", NS: "urn:t",
		Members: []Member{{Name: "At", Type: "dateTime"}, {Name: "Text", Type: "string"}},
	}
	tcContractThing = Contract{
		Go: (*tcThing)(nil), Name: "T.Thing", XML: "Thing", NS: "urn:t",
		Members: []Member{
			{Name: "Any", Type: "anyType"},
			{Name: "Big", Type: "nullable<long>"},
			{Name: "Colour", Type: "tcColour"},
			{Name: "Count", Type: "int", Check: &Check{Range: [2]string{"1", "10"}}},
			{Name: "Id", Type: "guid"},
			{Name: "Name", Type: "string", Check: &Check{Required: true, MaxLength: "5"}},
			{Name: "Notes", Type: "list<tcNote>"},
			{Name: "Pair", Type: "pair<int,string>"},
			{Name: "Scores", Type: "dict<string,int>"},
			{Name: "Self", Type: "tcThing"},
			{Name: "Tags", Type: "list<string>"},
		},
		JSONOrder: []string{"Id", "Name", "Count", "Big", "Colour", "Notes", "Tags", "Scores", "Self", "Pair", "Any"},
	}
	tcEnumColour = Enum{Go: (*tcColour)(nil), Name: "T.Colour", XML: "Colour", NS: "urn:t",
		Values: []EnumValue{{Name: "Red", Value: 0}, {Name: "Green", Value: 1, Wire: "green"}}}
	tcRootThing = Root{Go: (**tcThing)(nil), Type: "tcThing"}
	tcRootList  = Root{Go: (*[]*tcThing)(nil), Type: "list<tcThing>"}
	tcAPI       = &API{
		Contracts: []*Contract{&tcContractNote, &tcContractThing},
		Enums:     []*Enum{&tcEnumColour},
		Roots:     []*Root{&tcRootThing, &tcRootList},
		Dates:     NewJSONDates("yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "RoundtripKind", "+02:00"),
	}
)

func TestContractCodecs(t *testing.T) {
	const doc = `{"Id":"6a9e0997-1a57-42fa-939e-563024574417","Name":"abc","Count":3,"Big":5000000000,"Colour":1,` +
		`"Notes":[{"At":"2025-12-11T01:47:23Z","Text":"hi"},null],"Tags":["a",null],"Scores":{"a":1,"b":2},` +
		`"Self":{"Id":"00000000-0000-0000-0000-000000000000","Name":null,"Count":0,"Big":null,"Colour":0,"Notes":null,"Tags":[],"Scores":null,"Self":null,"Pair":{"Key":0,"Value":null},"Any":null},` +
		`"Pair":{"Key":7,"Value":"seven"},"Any":{"x":[1,2]}}`
	var v *tcThing
	if err := DecodeJSONRoot(tcAPI, []byte(doc), &tcRootThing, &v); err != nil {
		t.Fatal(err)
	}
	if got := AppendJSONRoot(tcAPI, nil, &tcRootThing, &v, tcAPI.Dates); string(got) != doc {
		t.Errorf("JSON round trip\n got %s\nwant %s", got, doc)
	}
	if _, err := AppendXMLRoot(tcAPI, nil, &tcRootThing, &v); err == nil {
		t.Fatal("a JSON object in an Object member was written as XML")
	}
	v.Any = Object{} // JSON objects cannot travel in XML
	x, err := AppendXMLRoot(tcAPI, nil, &tcRootThing, &v)
	if err != nil {
		t.Fatal(err)
	}
	var w *tcThing
	if err := DecodeXMLRoot(tcAPI, x, &tcRootThing, &w); err != nil {
		t.Fatalf("%v\n%s", err, x)
	}
	x2, _ := AppendXMLRoot(tcAPI, nil, &tcRootThing, &w)
	if !bytes.Equal(x, x2) {
		t.Errorf("XML round trip\n got %s\nwant %s", x2, x)
	}
	v.Notes[0].At = DateTime{} // the binder reads zoned dates as server-local ones
	// A null object item cannot be posted (the binder reads an empty
	// object, or stops at the gap): refused, naming the item.
	if _, err := AppendFormRoot(tcAPI, nil, &tcRootThing, &v); err == nil || !strings.Contains(err.Error(), `"Notes[1]"`) {
		t.Errorf("a null list item in a form: %v", err)
	}
	v.Notes = v.Notes[:1]
	f, err := AppendFormRoot(tcAPI, nil, &tcRootThing, &v)
	if err != nil {
		t.Fatal(err)
	}
	var u *tcThing
	if err := DecodeFormRoot(tcAPI, f, &tcRootThing, &u); err != nil {
		t.Fatalf("%v\n%s", err, f)
	}
	if f2, _ := AppendFormRoot(tcAPI, nil, &tcRootThing, &u); !bytes.Equal(f, f2) {
		t.Errorf("form round trip\n got %s\nwant %s", f2, f)
	}
	var verr ValidationError
	ValidateRoot(tcAPI, &verr, &tcRootThing, &w, "")
	if len(verr.Fields) != 2 || verr.Fields["Self.Name"] == nil || verr.Fields["Self.Count"] == nil {
		t.Errorf("validation: %v", verr.Fields)
	}
	var list []*tcThing
	if err := DecodeJSONRoot(tcAPI, []byte(`[`+doc+`,null]`), &tcRootList, &list); err != nil || len(list) != 2 {
		t.Fatal(err, len(list))
	}
}
