package seed

// Interop, the other way round: a real .NET client (oracle/dotnetclient:
// System.Net.Http.HttpClient with Web API's own formatters, PostAsJsonAsync /
// PostAsXmlAsync and ReadAsAsync<RestApiResult<Guid>>) against the generated
// Go server. The C# program sends fixed, non-sample values; the Service below
// checks every decoded field (incl. each DateTime's Kind and instant) and
// answers fixed values that the C# program checks and prints, and this test
// checks the printed values again. The constants are the same as in
// oracle/dotnetclient/Client.cs.
//
// Hand-written (not generated): helpgen only deletes files that carry its
// "Code generated" header.

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/oracletest"
)

var (
	dotnetPracticeID  = uuid.MustParse("a1b2c3d4-0001-4a5b-8c9d-0123456789ab")
	dotnetEncounterID = uuid.MustParse("a1b2c3d4-0002-4a5b-8c9d-0123456789ab")

	// dotnetDOB is new DateTime(1979, 7, 14, 6, 5, 4, DateTimeKind.Local).AddTicks(1234567)
	// with TZ=Africa/Johannesburg: 1979-07-14T06:05:04.1234567+02:00.
	dotnetDOB = time.Date(1979, 7, 14, 4, 5, 4, 123456700, time.UTC)
	// dotnetFollowUp is new DateTime(2026, 2, 28, 22, 30, 0, DateTimeKind.Utc).AddTicks(9876543).
	dotnetFollowUp = time.Date(2026, 2, 28, 22, 30, 0, 987654300, time.UTC)
)

// dotnetWantRequest is what the C# program sends, as Web API itself binds it
// for the given request format (checked against the seed oracle by
// internal/oracletest's TestDotnetClientAgainstSeedOracle): in XML a CR LF in
// text reaches the model as LF (XML end-of-line handling; DCS writes the CR
// unescaped).
func dotnetWantRequest(xmlFormat bool) *SendEncounterRequireFollowupPatientSms {
	reason2 := "line1\r\nline2\ttab"
	if xmlFormat {
		reason2 = "line1\nline2\ttab"
	}
	return &SendEncounterRequireFollowupPatientSms{
		CorrelationIds:   []*string{Ptr("corr-7f3a"), nil, Ptr("")},
		OriginatedSystem: nil,
		EncounterId:      dotnetEncounterID,
		FollowUpReasons:  []*string{Ptr("Blood pressure > 140/90 & rising"), Ptr(reason2)},
		FollowupWithPatientRegardingVisitOutcomeId: uuid.MustParse("c0ffee00-1234-4abc-9def-00000000f011"),
		PatientCommunication: &PatientCommunicationVo{
			PracticeId:        dotnetPracticeID,
			PatientId:         uuid.MustParse("5e1f0a77-3c2d-4e8f-9a0b-1c2d3e4f5a6b"),
			PatientName:       Ptr("Zoë"),
			PatientSurname:    Ptr("O'Brien-Nkosi"),
			PatientCellphone:  Ptr("+27 82 555 0199"),
			PatientDOB:        DateTime{Time: dotnetDOB, Kind: DateTimeLocal},
			FollowUpDate:      DateTime{Time: dotnetFollowUp, Kind: DateTimeUtc},
			DoctorName:        Ptr("Dr. Ümit Çelik"),
			CommunicationText: Ptr("Please book a follow-up \U0001F9FA <b>soon</b> & bring \"results\"\nThanks"),
		},
	}
}

// dotnetAnswer is what the Go service answers and the C# program expects.
func dotnetAnswer() *RestApiResultOfGuid {
	return &RestApiResultOfGuid{
		Sucess:          true,
		ResponseCode:    -42,
		ResponseMessage: Ptr("Queued ✓ <ok> & \"done\" \U0001F9FA\ttab"),
		Data:            uuid.MustParse("0f8fad5b-d9cb-469f-a165-70867728950e"),
		Links: []*RestApiLink{
			{Rel: Ptr("self"), HRef: Ptr("https://example.org/api/v2/followups/0f8fad5b?x=1&y=2")},
			{Rel: Ptr("ünïcode-rel"), HRef: nil},
		},
	}
}

type dotnetCTKey struct{}

// dotnetCall is one request the service saw.
type dotnetCall struct {
	contentType string
	problems    []string
}

// dotnetService checks every field of each request against
// dotnetWantRequest; a request with problems is answered 422 (so the C#
// program fails too) and the problems are reported by the test.
type dotnetService struct {
	mu    sync.Mutex
	calls []dotnetCall
}

func (s *dotnetService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	ct, _ := ctx.Value(dotnetCTKey{}).(string)
	isXML := strings.HasPrefix(ct, "application/xml")
	var p []string
	if practiceId != dotnetPracticeID {
		p = append(p, fmt.Sprintf("route practiceId = %v, want %v", practiceId, dotnetPracticeID))
	}
	if encounterId != dotnetEncounterID {
		p = append(p, fmt.Sprintf("route encounterId = %v, want %v", encounterId, dotnetEncounterID))
	}
	p = append(p, dotnetCompareRequest(body, dotnetWantRequest(isXML))...)
	s.mu.Lock()
	s.calls = append(s.calls, dotnetCall{contentType: ct, problems: p})
	s.mu.Unlock()
	if len(p) > 0 {
		return nil, &HTTPError{StatusCode: http.StatusUnprocessableEntity, Message: strings.Join(p, "; ")}
	}
	return dotnetAnswer(), nil
}

func dotnetStr(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return strconv.Quote(*p)
}

func dotnetStrs(l []*string) string {
	if l == nil {
		return "<nil list>"
	}
	parts := make([]string, len(l))
	for i, p := range l {
		parts[i] = dotnetStr(p)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// dotnetCompareDate checks kind, instant and (for Local) the +02:00 offset.
func dotnetCompareDate(name string, got, want DateTime) []string {
	var p []string
	if got.Kind != want.Kind {
		p = append(p, fmt.Sprintf("%s.Kind = %v, want %v", name, got.Kind, want.Kind))
	}
	if !got.Time.Equal(want.Time) {
		p = append(p, fmt.Sprintf("%s instant = %v, want %v", name, got.Time.UTC().Format(time.RFC3339Nano), want.Time.Format(time.RFC3339Nano)))
	}
	_, off := got.Time.Zone()
	wantOff := 0
	if want.Kind == DateTimeLocal {
		wantOff = 2 * 3600 // Africa/Johannesburg, the C# program's TZ
	}
	if off != wantOff {
		p = append(p, fmt.Sprintf("%s offset = %ds, want %ds", name, off, wantOff))
	}
	if got.String() != want.Time.In(time.FixedZone("", wantOff)).Format("2006-01-02T15:04:05.9999999Z07:00") {
		p = append(p, fmt.Sprintf("%s wire form = %s", name, got.String()))
	}
	return p
}

func dotnetCompareRequest(got, want *SendEncounterRequireFollowupPatientSms) []string {
	if got == nil {
		return []string{"body is nil"}
	}
	var p []string
	cmp := func(name string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			p = append(p, fmt.Sprintf("%s = %v, want %v", name, g, w))
		}
	}
	cmpS := func(name string, g, w *string) { cmp(name, dotnetStr(g), dotnetStr(w)) }
	cmp("CorrelationIds", dotnetStrs(got.CorrelationIds), dotnetStrs(want.CorrelationIds))
	cmpS("OriginatedSystem", got.OriginatedSystem, want.OriginatedSystem)
	cmp("EncounterId", got.EncounterId, want.EncounterId)
	cmp("FollowUpReasons", dotnetStrs(got.FollowUpReasons), dotnetStrs(want.FollowUpReasons))
	cmp("FollowupWithPatientRegardingVisitOutcomeId", got.FollowupWithPatientRegardingVisitOutcomeId, want.FollowupWithPatientRegardingVisitOutcomeId)
	gp, wp := got.PatientCommunication, want.PatientCommunication
	if gp == nil {
		return append(p, "PatientCommunication is nil")
	}
	cmp("PC.PracticeId", gp.PracticeId, wp.PracticeId)
	cmp("PC.PatientId", gp.PatientId, wp.PatientId)
	cmpS("PC.PatientName", gp.PatientName, wp.PatientName)
	cmpS("PC.PatientSurname", gp.PatientSurname, wp.PatientSurname)
	cmpS("PC.PatientCellphone", gp.PatientCellphone, wp.PatientCellphone)
	p = append(p, dotnetCompareDate("PC.PatientDOB", gp.PatientDOB, wp.PatientDOB)...)
	p = append(p, dotnetCompareDate("PC.FollowUpDate", gp.FollowUpDate, wp.FollowUpDate)...)
	cmpS("PC.DoctorName", gp.DoctorName, wp.DoctorName)
	cmpS("PC.CommunicationText", gp.CommunicationText, wp.CommunicationText)
	return p
}

// dotnetParseOutput reads the C# program's "key=value" lines.
func dotnetParseOutput(t *testing.T, out string) (map[string]string, []string) {
	t.Helper()
	kv := map[string]string{}
	var plain []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			plain = append(plain, line)
			continue
		}
		kv[k] = v
	}
	return kv, plain
}

// dotnetUnquote reads a value the C# program printed with Quote (null -> nil).
func dotnetUnquote(t *testing.T, key, v string) *string {
	t.Helper()
	if v == "null" {
		return nil
	}
	s, err := strconv.Unquote(v)
	if err != nil {
		t.Errorf("%s: cannot unquote %s: %v", key, v, err)
		return nil
	}
	return &s
}

func TestDotnetClientToGoServer(t *testing.T) {
	oracletest.RequireMono(t)
	svc := &dotnetService{}
	h := NewHandler(svc)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), dotnetCTKey{}, r.Header.Get("Content-Type"))
		h.ServeHTTP(w, r.WithContext(ctx))
	}))
	defer srv.Close()

	combos := []string{"json>json", "xml>xml", "json>xml", "xml>json"}
	stdout, stderr, err := oracletest.DotnetClient(t, append([]string{srv.URL}, combos...)...)
	t.Logf("Client.exe output:\n%s%s", stdout, stderr)
	if err != nil {
		t.Errorf("Client.exe: %v", err)
	}

	// Go side: the server decoded every field of every request.
	svc.mu.Lock()
	calls := append([]dotnetCall(nil), svc.calls...)
	svc.mu.Unlock()
	var gotCT []string
	for _, c := range calls {
		gotCT = append(gotCT, c.contentType)
		for _, p := range c.problems {
			t.Errorf("request with Content-Type %q: %s", c.contentType, p)
		}
	}
	wantCT := []string{ // what PostAsJsonAsync / PostAsXmlAsync send
		"application/json; charset=utf-8", "application/xml; charset=utf-8",
		"application/json; charset=utf-8", "application/xml; charset=utf-8",
	}
	if !reflect.DeepEqual(gotCT, wantCT) {
		t.Errorf("requests' Content-Types = %q, want %q", gotCT, wantCT)
	}

	// .NET side: ReadAsAsync<RestApiResult<Guid>> read every field of every answer.
	kv, plain := dotnetParseOutput(t, stdout)
	if len(plain) == 0 || plain[len(plain)-1] != "ok" {
		t.Errorf("Client.exe did not end with ok (stderr: %s)", stderr)
	}
	if got, want := kv["request.path"], strconv.Quote("/api/v2/"+dotnetPracticeID.String()+"/clinical/encounters/"+dotnetEncounterID.String()+"/followup/send"); got != want {
		t.Errorf("request.path = %s, want %s", got, want)
	}
	if got, want := kv["request.PatientDOB"], `"1979-07-14T06:05:04.1234567+02:00" kind=Local`; got != want {
		t.Errorf("C# PatientDOB = %s, want %s (is TZ=Africa/Johannesburg applied?)", got, want)
	}
	if got, want := kv["request.FollowUpDate"], `"2026-02-28T22:30:00.9876543Z" kind=Utc`; got != want {
		t.Errorf("C# FollowUpDate = %s, want %s", got, want)
	}
	want := dotnetAnswer()
	for _, combo := range combos {
		respFormat := combo[strings.Index(combo, ">")+1:]
		field := func(name string) string {
			v, ok := kv[combo+"."+name]
			if !ok {
				t.Errorf("%s: %s not printed", combo, name)
			}
			return v
		}
		if got := field("status"); got != "200" {
			t.Errorf("%s: status %s, body %s", combo, got, kv[combo+".body"])
			continue
		}
		if got, wantCT := field("contentType"), strconv.Quote("application/"+respFormat+"; charset=utf-8"); got != wantCT {
			t.Errorf("%s: Content-Type %s, want %s", combo, got, wantCT)
		}
		if got := field("Sucess"); got != "True" {
			t.Errorf("%s: Sucess = %s, want True", combo, got)
		}
		if got := field("ResponseCode"); got != strconv.Itoa(int(want.ResponseCode)) {
			t.Errorf("%s: ResponseCode = %s, want %d", combo, got, want.ResponseCode)
		}
		if got := dotnetUnquote(t, "ResponseMessage", field("ResponseMessage")); dotnetStr(got) != dotnetStr(want.ResponseMessage) {
			t.Errorf("%s: ResponseMessage = %s, want %s", combo, dotnetStr(got), dotnetStr(want.ResponseMessage))
		}
		if got := field("Data"); got != want.Data.String() {
			t.Errorf("%s: Data = %s, want %s", combo, got, want.Data)
		}
		if got := field("Links.Count"); got != strconv.Itoa(len(want.Links)) {
			t.Errorf("%s: Links.Count = %s, want %d", combo, got, len(want.Links))
			continue
		}
		for i, l := range want.Links {
			for _, f := range []struct {
				name string
				want *string
			}{{"Rel", l.Rel}, {"HRef", l.HRef}} {
				key := fmt.Sprintf("Links[%d].%s", i, f.name)
				if got := dotnetUnquote(t, key, field(key)); dotnetStr(got) != dotnetStr(f.want) {
					t.Errorf("%s: %s = %s, want %s", combo, key, dotnetStr(got), dotnetStr(f.want))
				}
			}
		}
	}
}
