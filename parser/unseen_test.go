package parser

import (
	"slices"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

// The dispensary's pages (pages/dispensary, made by real .NET from
// oracle/dispensary) hide facts; the spec records the defaults taken and
// what the samples do show.
func TestDispensaryUnseen(t *testing.T) {
	s, err := ParseFiles([]string{"../pages/dispensary"})
	if err != nil {
		t.Fatal(err)
	}
	types := s.TypeMap()
	member := func(typ, name string) *spec.Member {
		t.Helper()
		tt := types[typ]
		if tt == nil {
			t.Fatalf("no type %s", typ)
		}
		for _, m := range tt.Members {
			if m.Name == name {
				return m
			}
		}
		t.Fatalf("%s has no member %s", typ, name)
		return nil
	}
	for _, c := range []struct {
		typ, name, ref string
		unknown        []string
		field          bool
	}{
		// "integer" is Int64 here: long, width unknown.
		{"StockLevel", "OnHand", "long", []string{spec.UnknownWidth}, false},
		// The counter shows ReorderCost is Nullable (1 after 3); nothing
		// follows LastDispensedOn and SessionId.
		{"StockLevel", "ReorderCost", "nullable<decimal>", nil, false},
		{"StockLevel", "LastDispensedOn", "dateTime", []string{spec.UnknownNull}, false},
		{"StockLevel", "SessionId", "guid", []string{spec.UnknownNull}, false},
		// Public fields restart the counter: the properties before them are
		// not proven Nullable (they are not), and the fields are marked.
		{"PrescriptionSummary", "PrescriptionId", "guid", []string{spec.UnknownNull}, false},
		{"PrescriptionSummary", "PatientName", "string", nil, true},
		{"PrescriptionSummary", "RepeatsLeft", "long", []string{spec.UnknownWidth}, true},
	} {
		m := member(c.typ, c.name)
		if m.Type != c.ref || !slices.Equal(m.Unknown, c.unknown) || m.Field != c.field {
			t.Errorf("%s.%s: type %s unknown %v field %v; want %s %v %v", c.typ, c.name, m.Type, m.Unknown, m.Field, c.ref, c.unknown, c.field)
		}
	}
	// The self-referencing contract takes its related contracts' namespace.
	fc := types["FormularyCategory"]
	if fc == nil || fc.XML.Namespace != "http://contracts.kestrel-dispensary.example/formulary" || fc.Knows(spec.UnknownNamespace) {
		t.Errorf("FormularyCategory: %+v", fc)
	}
	// PageOf{0}{#}: both instances are generic, the unsampled one named by
	// the pattern the sampled one shows.
	for name, xml := range map[string]string{
		"PagedResult<PrescriptionSummary>": "PageOfPrescriptionSummaryJmFE5DnK",
		"PagedResult<FormularyCategory>":   "PageOfFormularyCategoryq5woMtC5",
	} {
		tt := types[name]
		if tt == nil || tt.Generic == nil || tt.XML.Name != xml || !tt.Knows(spec.UnknownXMLName) ||
			tt.XML.Namespace != "http://contracts.kestrel-dispensary.example/dispensing" {
			t.Errorf("%s: %+v", name, tt)
		}
	}
	for _, e := range s.Endpoints {
		for _, p := range e.Params {
			if p.Name == "batchNumber" && (p.Type != "long" || p.Knows(spec.UnknownWidth)) {
				t.Errorf("batchNumber: %+v", p)
			}
		}
	}
	// One warning per unknown fact.
	n := 0
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Warning && len(d.Message) > len(spec.AssumedPrefix) && d.Message[:len(spec.AssumedPrefix)] == spec.AssumedPrefix {
			n++
		}
	}
	if n != 5 {
		t.Errorf("%d assumption warnings, want 5: %v", n, s.Diagnostics)
	}
}

// The counter reading: a Nullable takes 1 from a fresh counter; unseen
// members may advance it; the readings with the fewest unseen advances and
// restarts decide.
func TestCounterRun(t *testing.T) {
	prim := func(p string) *displayRef { return &displayRef{kind: spec.RefPrimitive, name: p} }
	type step struct {
		ref  string
		n    int // 0: hidden (no value shows the counter)
		want string
	}
	for _, c := range []struct {
		name    string
		restart bool
		steps   []step
	}{
		{"hidden then reveal in step", false, []step{{"guid", 0, "T"}, {"dateTime", 0, "T"}, {"string", 3, "T"}}},
		{"hidden before a reveal that did not move", false, []step{{"string", 1, "T"}, {"guid", 0, "null"}, {"string", 2, "T"}}},
		{"trailing hidden", false, []step{{"int", 1, "T"}, {"int", 2, "T"}, {"dateTime", 0, "?"}}},
		{"reveal 1 after the counter moved", false, []step{{"string", 1, "T"}, {"int", 2, "T"}, {"int", 1, "null"}, {"string", 3, "T"}}},
		{"first reveal 1 twice: either is the Nullable", false, []step{{"int", 1, "?"}, {"int", 1, "?"}}},
		{"an unseen member between", false, []step{{"string", 1, "T"}, {"string", 3, "T"}, {"decimal", 1, "null"}}},
		{"fields restart", true, []step{{"guid", 0, "?"}, {"string", 1, "T"}, {"int", 2, "T"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := &builder{}
			m := &model{name: "M"}
			var run []counterStep
			for _, st := range c.steps {
				d := &memberDraft{m: &spec.Member{Name: st.ref}, ref: prim(st.ref)}
				cs := counterStep{d: d, reveal: counterKind(d.ref) == "reveal", value: valueType(st.ref)}
				if cs.reveal {
					cs.n, cs.known = st.n, st.n > 0
				}
				run = append(run, cs)
			}
			var restart func(int) bool
			if c.restart {
				restart = func(int) bool { return true }
			}
			if !b.counterRun(m, run, restart) {
				t.Fatal("no reading fits")
			}
			for i, st := range c.steps {
				got := "T"
				switch d := run[i].d; {
				case d.nullable:
					got = "null"
				case d.maybeNull:
					got = "?"
				}
				if got != st.want {
					t.Errorf("step %d (%s=%d): %s, want %s", i, st.ref, st.n, got, st.want)
				}
			}
		})
	}
}
