package specdiff

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

const (
	nsVO      = "http://schemas.datacontract.org/2004/07/Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects"
	linkName  = "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiLink"
	statusTyp = "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.LinkStatus"
	chanTyp   = "Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects.Channel"
	nsNotify  = "http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/"
)

// seed loads a fresh copy of the seed spec.
func seed(t testing.TB) *spec.Spec {
	t.Helper()
	data, err := os.ReadFile("testdata/seed.spec.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fixture is the seed plus two enums, one reaching only responses
// (LinkStatus, via RestApiLink) and one reaching only requests (Channel,
// via PatientCommunicationVo), so enum rules can be judged per direction.
func fixture(t testing.TB) *spec.Spec {
	s := seed(t)
	s.Types = append(s.Types,
		&spec.Type{Name: statusTyp, Kind: spec.KindEnum, Underlying: "int",
			XML:    &spec.XMLName{Name: "LinkStatus", Namespace: nsVO},
			Values: []*spec.EnumValue{{Name: "Active", Value: 0}, {Name: "Inactive", Value: 1, Wire: "inactive"}}},
		&spec.Type{Name: chanTyp, Kind: spec.KindEnum, Underlying: "int",
			XML:    &spec.XMLName{Name: "Channel", Namespace: nsNotify},
			Values: []*spec.EnumValue{{Name: "Sms", Value: 1}, {Name: "Email", Value: 2}}},
	)
	link := typ(s, "RestApiLink")
	link.Members = append(link.Members, &spec.Member{Name: "Status", Type: statusTyp,
		JSON: &spec.JSONMember{Name: "Status", Order: 2}, XML: &spec.XMLMember{Name: "Status", Namespace: nsVO, Order: 2},
		DeclaredIn: linkName, Help: true})
	vo := typ(s, "PatientCommunicationVo")
	vo.Members = append(vo.Members, &spec.Member{Name: "Channel", Type: chanTyp,
		JSON: &spec.JSONMember{Name: "Channel", Order: 9}, XML: &spec.XMLMember{Name: "Channel", Namespace: nsNotify, Order: 9},
		DeclaredIn: vo.Name, Help: true})
	s.Normalize()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	return s
}

func typ(s *spec.Spec, simple string) *spec.Type {
	for _, t := range s.Types {
		if lastSegment(t.Name) == simple {
			return t
		}
	}
	panic("no type " + simple)
}

func mem(t *spec.Type, name string) *spec.Member {
	for _, m := range t.Members {
		if m.Name == name {
			return m
		}
	}
	panic("no member " + name + " in " + t.Name)
}

func val(t *spec.Type, name string) *spec.EnumValue {
	for _, v := range t.Values {
		if v.Name == name {
			return v
		}
	}
	panic("no value " + name + " in " + t.Name)
}

func ep(s *spec.Spec) *spec.Endpoint { return s.Endpoints[0] }

// setRoute changes an endpoint's route and keeps the ID in step, the way
// the Help Page derives it.
func setRoute(e *spec.Endpoint, method, route string) {
	e.Method, e.Route, e.RelativePath = method, route, route
	r := strings.NewReplacer("/", "-", "{", "", "}", "")
	e.ID = method + "-" + r.Replace(route)
}

// want is an expected change: kind, member (may be empty) and the verdicts.
type want struct {
	kind, member string
	json, xml    bool
}

func (w want) String() string {
	return fmt.Sprintf("%s %s json=%t xml=%t", w.kind, w.member, w.json, w.xml)
}

var diffCases = []struct {
	name   string
	mutate func(s *spec.Spec)
	want   []want
}{
	// Endpoints.
	{"endpoint removed", func(s *spec.Spec) { s.Endpoints = nil },
		[]want{{EndpointRemoved, "", true, true}}},
	{"endpoint added", func(s *spec.Spec) {
		e := *ep(s)
		e.Params = nil
		setRoute(&e, "GET", "api/v2/links")
		e.Doc, e.Body = "List links", nil
		s.Endpoints = append(s.Endpoints, &e)
	}, []want{{EndpointAdded, "", false, false}}},
	{"method changed", func(s *spec.Spec) {
		setRoute(ep(s), "PUT", ep(s).Route)
	}, []want{{EndpointMethodChanged, "", true, true}}},
	{"route changed", func(s *spec.Spec) {
		setRoute(ep(s), "POST", "api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/schedule")
	}, []want{{EndpointRouteChanged, "", true, true}}},
	{"route parameter renamed", func(s *spec.Spec) {
		setRoute(ep(s), "POST", "api/v2/{practiceId}/clinical/encounters/{id}/followup/send")
		ep(s).Params[1].Name = "id"
	}, []want{{EndpointRouteChanged, "", false, false}, {ParamRenamed, "id", false, false}}},
	{"route case changed", func(s *spec.Spec) {
		setRoute(ep(s), "POST", "api/v2/{practiceId}/Clinical/Encounters/{encounterId}/followup/send")
	}, []want{{EndpointRouteChanged, "", false, false}}},
	{"optional query param added", func(s *spec.Spec) {
		ep(s).Params = append(ep(s).Params, &spec.Param{Name: "notify", In: "query", Type: "boolean"})
	}, []want{{ParamAdded, "notify", false, false}}},
	{"required query param added", func(s *spec.Spec) {
		ep(s).Params = append(ep(s).Params, &spec.Param{Name: "notify", In: "query", Type: "boolean", Required: true})
	}, []want{{ParamAdded, "notify", true, true}}},
	{"param removed", func(s *spec.Spec) { ep(s).Params = ep(s).Params[:1] },
		// The route still names {encounterId}; only the param list changed.
		[]want{{ParamRemoved, "encounterId", true, true}}},
	{"param retyped", func(s *spec.Spec) { ep(s).Params[1].Type = "string" },
		[]want{{ParamRetyped, "encounterId", true, true}}},
	{"param made optional", func(s *spec.Spec) { ep(s).Params[1].Required = false },
		[]want{{ParamRequiredRemoved, "encounterId", false, false}}},
	{"param renamed in case only", func(s *spec.Spec) { ep(s).Params[1].Name = "EncounterId" },
		[]want{{ParamRenamed, "EncounterId", false, false}}},
	{"body retyped", func(s *spec.Spec) {
		ep(s).Body.Type = typ(s, "PatientCommunicationVo").Name
	}, []want{{BodyChanged, "", true, true}}},
	{"body removed", func(s *spec.Spec) { ep(s).Body = nil },
		[]want{{BodyChanged, "", false, false}}},
	{"response retyped", func(s *spec.Spec) { ep(s).Response.Type = linkName },
		[]want{{ResponseChanged, "", true, true}}},
	{"response removed", func(s *spec.Spec) { ep(s).Response = nil },
		[]want{{ResponseChanged, "", true, true}}},
	{"response to list of same type", func(s *spec.Spec) { ep(s).Response.Type = spec.List(ep(s).Response.Type) },
		[]want{{ResponseChanged, "", true, true}}},
	{"media types removed", func(s *spec.Spec) {
		ep(s).RequestFormats = []string{"application/json", "text/xml"}
		ep(s).ResponseFormats = []string{"application/json", "application/xml", "text/xml"}
	}, []want{
		{FormatRemoved, "request application/x-www-form-urlencoded", false, false},
		{FormatRemoved, "request application/xml", false, true},
		{FormatRemoved, "request text/json", true, false},
		{FormatRemoved, "response text/json", true, false},
	}},

	// Wire facts.
	{"JSON date format changed", func(s *spec.Spec) { s.Wire.JSONDateFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFK" },
		[]want{{WireChanged, "jsonDateFormat", true, false}}},
	{"server offset changed, no offset on the JSON wire", func(s *spec.Spec) { s.Wire.ServerUTCOffset = "+03:00" },
		[]want{{WireChanged, "serverUtcOffset", true, false}}},
	{"server offset changed, offset on the JSON wire", func(s *spec.Spec) {
		s.Wire.JSONDateFormat, s.Wire.ServerUTCOffset = "yyyy-MM-ddTHH:mm:ssK", "+03:00"
	}, []want{{WireChanged, "jsonDateFormat", true, false}, {WireChanged, "serverUtcOffset", false, false}}},
	{"date samples changed", func(s *spec.Spec) { s.Wire.JSONDateSample = "2026-01-01T00:00:00Z" }, nil},

	// Types.
	{"type added", func(s *spec.Spec) {
		s.Types = append(s.Types, &spec.Type{Name: "Extra", Kind: spec.KindComplex})
	}, []want{{TypeAdded, "", false, false}}},
	{"type renamed across namespaces, same contract", func(s *spec.Spec) {
		renameType(s, linkName, "Com.Healthbridge.Core.Links.RestApiLink")
	}, []want{
		{TypeRenamed, "", false, false},
		{MemberRetyped, "Links", false, false},
	}},
	{"type renamed with a new contract", func(s *spec.Spec) {
		renameType(s, linkName, "Com.Healthbridge.Core.Links.RestApiLink")
		typ(s, "RestApiLink").XML.Name = "Link"
	}, []want{
		{TypeRenamed, "", false, true},
		// Collection items are named after the contract.
		{MemberRetyped, "Links", false, true},
	}},
	{"contract renamed", func(s *spec.Spec) { typ(s, "RestApiLink").XML.Name = "Link" },
		[]want{{TypeContractChanged, "", false, true}}},
	{"kind changed", func(s *spec.Spec) {
		st := typ(s, "LinkStatus")
		st.Kind, st.Values = spec.KindComplex, nil
	}, []want{{TypeKindChanged, "", true, true}}},

	// Members.
	{"member added", func(s *spec.Spec) {
		addMember(typ(s, "PatientCommunicationVo"), "Note", "string", 10, false)
	}, []want{{MemberAdded, "Note", false, false}}},
	{"member added first in DCS order", func(s *spec.Spec) {
		// Lands before every other element; their relative order is kept,
		// so nothing is reported as reordered.
		addMember(typ(s, "PatientCommunicationVo"), "AaaFirst", "string", 0, false)
	}, []want{{MemberAdded, "AaaFirst", false, false}}},
	{"required member added to a request type", func(s *spec.Spec) {
		addMember(typ(s, "PatientCommunicationVo"), "Note", "string", 10, true)
	}, []want{{MemberAdded, "Note", true, true}}},
	{"required member added to a response type", func(s *spec.Spec) {
		addMember(typ(s, "RestApiLink"), "Title", "string", 3, true)
	}, []want{{MemberAdded, "Title", false, false}}},
	{"member removed", func(s *spec.Spec) { removeMember(typ(s, "PatientCommunicationVo"), "DoctorName") },
		[]want{{MemberRemoved, "DoctorName", true, true}}},
	{"member renamed at the same position", func(s *spec.Spec) {
		m := mem(typ(s, "PatientCommunicationVo"), "DoctorName")
		m.Name, m.JSON.Name, m.XML.Name = "ClinicianName", "ClinicianName", "ClinicianName"
	}, []want{{MemberRenamed, "ClinicianName", true, true}}},
	{"member renamed in case only", func(s *spec.Spec) {
		m := mem(typ(s, "RestApiLink"), "HRef")
		m.Name, m.JSON.Name, m.XML.Name = "Href", "Href", "Href"
	}, []want{{MemberRenamed, "Href", false, true}}},
	{"JSON name changed in case only", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "HRef").JSON.Name = "href"
	}, []want{{MemberJSONRenamed, "HRef", false, false}}},
	{"JSON name changed", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "HRef").JSON.Name = "url"
	}, []want{{MemberJSONRenamed, "HRef", true, false}}},
	{"XML element renamed", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "HRef").XML.Name = "Url"
	}, []want{{MemberXMLRenamed, "HRef", false, true}}},
	{"member namespace changed", func(s *spec.Spec) {
		mem(typ(s, "SendEncounterRequireFollowupPatientSms"), "OriginatedSystem").XML.Namespace = nsNotify
	}, []want{{MemberNamespace, "OriginatedSystem", false, true}}},
	{"members swapped in DCS order", func(s *spec.Spec) {
		vo := typ(s, "PatientCommunicationVo")
		mem(vo, "CommunicationText").XML.Order = 1
		mem(vo, "DoctorName").XML.Order = 0
	}, []want{{MemberReordered, "DoctorName", false, true}}},
	{"member moved to the end of DCS order", func(s *spec.Spec) {
		vo := typ(s, "PatientCommunicationVo")
		for _, m := range vo.Members {
			m.XML.Order--
		}
		mem(vo, "CommunicationText").XML.Order = 9
	}, []want{{MemberReordered, "CommunicationText", false, true}}},
	{"JSON order changed", func(s *spec.Spec) {
		vo := typ(s, "PatientCommunicationVo")
		mem(vo, "CommunicationText").JSON.Order, mem(vo, "PracticeId").JSON.Order = 0, 8
	}, nil},
	{"member retyped", func(s *spec.Spec) { mem(typ(s, "PatientCommunicationVo"), "PatientName").Type = "int" },
		[]want{{MemberRetyped, "PatientName", true, true}}},
	{"value made nullable in a response", func(s *spec.Spec) {
		mem(typ(s, "RestApiResult"), "Data").Type = "nullable<guid>"
	}, []want{{MemberRetyped, "Data", true, true}}},
	{"value made nullable in a request", func(s *spec.Spec) {
		mem(typ(s, "PatientCommunicationVo"), "PatientId").Type = "nullable<guid>"
	}, []want{{MemberRetyped, "PatientId", false, false}}},
	{"required added in a request", func(s *spec.Spec) {
		mem(typ(s, "PatientCommunicationVo"), "PatientId").Required = true
	}, []want{{RequiredAdded, "PatientId", true, true}}},
	{"required added in a response", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "HRef").Required = true
	}, []want{{RequiredAdded, "HRef", false, false}}},
	{"required added in a synthetic base", func(s *spec.Spec) {
		// The base reaches requests through the body that derives from it.
		mem(typ(s, "CommandBase"), "OriginatedSystem").Required = true
	}, []want{{RequiredAdded, "OriginatedSystem", true, true}}},
	{"member dropped from XML", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "Rel").XML = nil
		mem(typ(s, "RestApiLink"), "Status").XML.Order = 1
	}, []want{{MemberXMLRemoved, "Rel", false, true}}},
	{"member dropped from JSON", func(s *spec.Spec) {
		mem(typ(s, "RestApiLink"), "Rel").JSON = nil
	}, []want{{MemberJSONRemoved, "Rel", true, false}}},

	// Enums.
	{"enum value added, response", func(s *spec.Spec) {
		st := typ(s, "LinkStatus")
		st.Values = append(st.Values, &spec.EnumValue{Name: "Archived", Value: 2})
	}, []want{{EnumValueAdded, "Archived", false, true}}},
	{"enum value added, request", func(s *spec.Spec) {
		ch := typ(s, "Channel")
		ch.Values = append(ch.Values, &spec.EnumValue{Name: "Push", Value: 3})
	}, []want{{EnumValueAdded, "Push", false, false}}},
	{"enum value removed, request", func(s *spec.Spec) {
		ch := typ(s, "Channel")
		ch.Values = ch.Values[:1]
	}, []want{{EnumValueRemoved, "Email", true, true}}},
	{"enum value removed, response", func(s *spec.Spec) {
		st := typ(s, "LinkStatus")
		st.Values = st.Values[:1]
	}, []want{{EnumValueRemoved, "Inactive", false, false}}},
	{"enum number changed", func(s *spec.Spec) { val(typ(s, "Channel"), "Email").Value = 4 },
		[]want{{EnumValueChanged, "Email", true, false}}},
	{"enum wire changed", func(s *spec.Spec) { val(typ(s, "LinkStatus"), "Inactive").Wire = "INACTIVE" },
		[]want{{EnumWireChanged, "Inactive", false, true}}},
	{"enum wire dropped", func(s *spec.Spec) { val(typ(s, "LinkStatus"), "Inactive").Wire = "" },
		[]want{{EnumWireChanged, "Inactive", false, true}}},
	{"enum value renamed", func(s *spec.Spec) { val(typ(s, "Channel"), "Email").Name = "EMail" },
		[]want{{EnumValueRenamed, "EMail", false, true}}},
	{"enum value renamed, EnumMember keeps the wire", func(s *spec.Spec) {
		v := val(typ(s, "Channel"), "Email")
		v.Name, v.Wire = "Mail", "Email"
	}, []want{{EnumValueRenamed, "Mail", false, false}}},
	{"enum becomes flags", func(s *spec.Spec) { typ(s, "Channel").Flags = true },
		[]want{{EnumFlagsChanged, "", false, true}}},
}

func renameType(s *spec.Spec, from, to string) {
	for _, t := range s.Types {
		if t.Name == from {
			t.Name = to
		}
		for _, m := range t.Members {
			m.Type = strings.ReplaceAll(m.Type, from, to)
			if m.DeclaredIn == from {
				m.DeclaredIn = to
			}
		}
	}
}

// addMember inserts a member at a DCS position, shifting the ones after it,
// and at the end of the JSON order.
func addMember(t *spec.Type, name, typ string, xmlOrder int, required bool) {
	jsonOrder := 0
	for _, m := range t.Members {
		if m.XML != nil && m.XML.Order >= xmlOrder {
			m.XML.Order++
		}
		if m.JSON != nil && m.JSON.Order >= jsonOrder {
			jsonOrder = m.JSON.Order + 1
		}
	}
	ns := t.XML.Namespace
	t.Members = append(t.Members, &spec.Member{Name: name, Type: typ, Required: required,
		JSON: &spec.JSONMember{Name: name, Order: jsonOrder}, XML: &spec.XMLMember{Name: name, Namespace: ns, Order: xmlOrder},
		DeclaredIn: t.Name, Help: true})
	sort.SliceStable(t.Members, func(i, j int) bool { return t.Members[i].XML.Order < t.Members[j].XML.Order })
}

func removeMember(t *spec.Type, name string) {
	var out []*spec.Member
	for _, m := range t.Members {
		if m.Name != name {
			out = append(out, m)
		}
	}
	t.Members = out
}

func TestCompareCases(t *testing.T) {
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			old, new := fixture(t), fixture(t)
			tc.mutate(new)
			r := Compare(old, new)
			var got, exp []string
			for _, c := range r.Changes() {
				got = append(got, want{c.Kind, c.Member, c.BreaksJSON, c.BreaksXML}.String())
				if c.JSONReason == "" || c.XMLReason == "" || c.Summary == "" {
					t.Errorf("%s: missing summary or reason: %+v", c.Kind, c)
				}
			}
			for _, w := range tc.want {
				exp = append(exp, w.String())
			}
			sort.Strings(got)
			sort.Strings(exp)
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				var b strings.Builder
				r.Text(&b)
				t.Errorf("changes:\n  got  %q\n  want %q\n%s", got, exp, b.String())
			}
			// The reverse comparison must not panic and must report
			// something whenever the forward one did.
			if back := Compare(new, old); len(back.Changes()) == 0 != (len(r.Changes()) == 0) {
				t.Errorf("reverse comparison disagrees on whether anything changed")
			}
		})
	}
}

func TestCompareIdentical(t *testing.T) {
	r := Compare(fixture(t), fixture(t))
	if n := len(r.Changes()); n != 0 || r.Breaking() {
		t.Fatalf("identical specs: %d changes", n)
	}
	if r := Compare(nil, nil); len(r.Changes()) != 0 {
		t.Fatal("nil specs differ")
	}
}

func TestCompareTypeRemoved(t *testing.T) {
	old, new := fixture(t), fixture(t)
	old.Types = append(old.Types, &spec.Type{Name: "Orphan", Kind: spec.KindComplex})
	r := Compare(old, new)
	if len(r.Types) != 1 || r.Types[0].Kind != TypeRemoved || r.Types[0].Breaking() {
		t.Fatalf("got %+v", r.Types)
	}
}

func TestCompareDoesNotMutate(t *testing.T) {
	old, new := fixture(t), fixture(t)
	mutateMany(new)
	a, _ := spec.Marshal(old)
	b, _ := spec.Marshal(new)
	Compare(old, new)
	a2, _ := spec.Marshal(old)
	b2, _ := spec.Marshal(new)
	if string(a) != string(a2) || string(b) != string(b2) {
		t.Fatal("Compare changed its inputs")
	}
}

// TestCompareOrderIndependent checks that the report does not depend on the
// order of endpoints, types or members in the inputs.
func TestCompareOrderIndependent(t *testing.T) {
	old, new := fixture(t), fixture(t)
	mutateMany(new)
	var want strings.Builder
	Compare(old, new).JSON(&want)
	reverse := func(s *spec.Spec) {
		for i, j := 0, len(s.Types)-1; i < j; i, j = i+1, j-1 {
			s.Types[i], s.Types[j] = s.Types[j], s.Types[i]
		}
		for i, j := 0, len(s.Endpoints)-1; i < j; i, j = i+1, j-1 {
			s.Endpoints[i], s.Endpoints[j] = s.Endpoints[j], s.Endpoints[i]
		}
	}
	reverse(old)
	reverse(new)
	var got strings.Builder
	Compare(old, new).JSON(&got)
	if got.String() != want.String() {
		t.Fatalf("report depends on input order:\n%s\nvs\n%s", got.String(), want.String())
	}
}

func TestLIS(t *testing.T) {
	for _, tc := range []struct {
		seq  []int
		keep string
	}{
		{nil, ""},
		{[]int{0, 1, 2}, "111"},
		{[]int{1, 0, 2}, "101"},
		{[]int{2, 0, 1}, "011"},
		{[]int{3, 0, 1, 2}, "0111"},
	} {
		var b strings.Builder
		for _, k := range lis(tc.seq) {
			if k {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		if b.String() != tc.keep {
			t.Errorf("lis(%v) = %s, want %s", tc.seq, b.String(), tc.keep)
		}
	}
}
