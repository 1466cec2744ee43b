package spec

import (
	"strings"
	"testing"
)

func TestLooksRenamed(t *testing.T) {
	for name, want := range map[string]bool{
		"TenantCode": false, "ID": false, "X1": false, "Über": false,
		"tenant": true, "channelHint": true, "first-name": true, "a.b": true, "_x": true, "": true, "1st": true,
	} {
		if got := LooksRenamed(name); got != want {
			t.Errorf("LooksRenamed(%q) = %v", name, got)
		}
	}
}

// One warning per fact, naming its items; a pinned (known) fact is gone.
func TestAssumptions(t *testing.T) {
	s := &Spec{Schema: Schema,
		Endpoints: []*Endpoint{{ID: "POST-api-x", Method: "POST", Route: "api/x", Body: &Body{Type: "Ns.T"},
			Params: []*Param{{Name: "n", In: "query", Type: "long", Unknown: []string{UnknownWidth}}}}},
		Types: []*Type{{Name: "Ns.T", Kind: KindComplex, XML: &XMLName{Name: "T", Namespace: "urn:t"}, Unknown: []string{UnknownXMLName},
			Members: []*Member{
				{Name: "Count", Type: "long", Unknown: []string{UnknownNull, UnknownWidth}, Help: true},
				{Name: "code", Type: "string", Help: true},
				{Name: "Code2", Type: "string", Help: true},
			}}},
	}
	var facts []string
	for _, a := range Assumptions(s) {
		facts = append(facts, a.Fact+"="+strings.Join(a.Items, ";"))
	}
	want := "integer width=POST-api-x.n;T.Count|nullability=T.Count|XML contract name or namespace=T (name)|CLR property names=T.code|body parameter names=POST-api-x"
	if got := strings.Join(facts, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if d := AssumptionDiagnostics(s); len(d) != 5 || d[0].Severity != Warning || !strings.HasPrefix(d[0].Message, AssumedPrefix) {
		t.Errorf("%v", d)
	}
	// Pinned: the config learned the facts.
	s.Endpoints[0].BodyParam = "command"
	s.Endpoints[0].Params[0].Unknown = Learn(s.Endpoints[0].Params[0].Unknown, UnknownWidth)
	m := s.Types[0].Members[0]
	m.Unknown = Learn(Learn(m.Unknown, UnknownNull), UnknownWidth)
	s.Types[0].Members[1].CLRName = "Code"
	s.Types[0].Unknown = nil
	RefreshAssumptions(s)
	if len(Assumptions(s)) != 0 || len(s.Diagnostics) != 0 {
		t.Errorf("pinned facts still assumed: %v", s.Diagnostics)
	}
}
