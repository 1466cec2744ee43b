package seed

// Interop: the generated client against the real ASP.NET Web API server of
// the seed contract (mono; internal/oracletest builds and starts it). The
// server echoes every field it decoded, with each DateTime's Kind, in
// ResponseMessage, so a field lost or changed on the way shows up there.

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/oracletest"
)

func TestMain(m *testing.M) { oracletest.Main(m) }

// interopBody has values the documented sample does not: escaping, non-ASCII
// text, an empty list, and DateTimes of each Kind.
func interopBody(dob, followUp DateTime) *SendEncounterRequireFollowupPatientSms {
	return &SendEncounterRequireFollowupPatientSms{
		CorrelationIds:   []*string{Ptr("corr <1> & \"2\""), Ptr("Ünïcødé ✓")},
		OriginatedSystem: Ptr("helpgen interop"),
		EncounterId:      uuid.MustParse("ec81b795-2a9b-4588-b663-3e7e0a1a7df4"),
		FollowUpReasons:  []*string{},
		FollowupWithPatientRegardingVisitOutcomeId: uuid.MustParse("11111111-2222-4333-8444-555555555555"),
		PatientCommunication: &PatientCommunicationVo{
			PracticeId:        uuid.MustParse("fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf"),
			PatientId:         uuid.MustParse("6a9e0997-1a57-42fa-939e-563024574417"),
			PatientName:       Ptr("Thandi"),
			PatientSurname:    Ptr("O'Brien-Nkosi"),
			PatientCellphone:  Ptr("+27 82 555 0100"),
			PatientDOB:        dob,
			FollowUpDate:      followUp,
			DoctorName:        nil,
			CommunicationText: Ptr("Line one; line two = 2 & more"),
		},
	}
}

// echo splits the server's "key=value;" echo. Values may contain ';' only
// where we put them, so split on the known keys' order instead.
func echo(msg string) map[string]string {
	keys := []string{"route.practiceId", "route.encounterId", "contentType", "CorrelationIds", "OriginatedSystem",
		"EncounterId", "FollowUpReasons", "FollowupWithPatientRegardingVisitOutcomeId", "PatientCommunication",
		"PC.PracticeId", "PC.PatientId", "PC.PatientName", "PC.PatientSurname", "PC.PatientCellphone",
		"PC.PatientDOB", "PC.FollowUpDate", "PC.DoctorName", "PC.CommunicationText", "modelState", "body"}
	out := map[string]string{}
	rest := msg
	for len(rest) > 0 {
		found := ""
		for _, k := range keys {
			if strings.HasPrefix(rest, k+"=") {
				found = k
				break
			}
		}
		if found == "" {
			out["?"] = rest
			break
		}
		rest = rest[len(found)+1:]
		end := len(rest)
		for _, k := range keys {
			if i := strings.Index(rest, ";"+k+"="); i >= 0 && i < end {
				end = i
			}
		}
		val := strings.TrimSuffix(rest[:end], ";")
		out[found] = val
		if end < len(rest) {
			rest = rest[end+1:]
		} else {
			rest = ""
		}
	}
	return out
}

func TestInteropSeedClient(t *testing.T) {
	s := oracletest.SharedSeed.Get(t)
	jnb := time.FixedZone("SAST", 2*3600)
	local := DateTime{Time: time.Date(1980, 2, 29, 7, 30, 15, 123456700, jnb), Kind: DateTimeLocal}
	utc := DateTime{Time: time.Date(2025, 12, 31, 22, 0, 0, 0, time.UTC), Kind: DateTimeUtc}
	unspec := DateTime{Time: time.Date(2026, 1, 2, 3, 4, 5, 600000000, time.UTC), Kind: DateTimeUnspecified}
	practice := uuid.MustParse("0d1e2f30-4152-4374-8596-a7b8c9d0e1f2")
	encounter := uuid.MustParse("ec81b795-2a9b-4588-b663-3e7e0a1a7df4")

	for _, tc := range []struct {
		name   string
		format Format
		// What the server's DateTime echo ("o" format / Kind) must be for
		// local, utc and unspecified inputs. The form binder (DateTime.Parse)
		// turns a zoned value into server-local time, as Web API does.
		wantLocal, wantUTC, wantUnspec string
	}{
		{"JSON", FormatJSON, "1980-02-29T07:30:15.1234567+02:00/Local", "2025-12-31T22:00:00.0000000Z/Utc", "2026-01-02T03:04:05.6000000/Unspecified"},
		{"XML", FormatXML, "1980-02-29T07:30:15.1234567+02:00/Local", "2025-12-31T22:00:00.0000000Z/Utc", "2026-01-02T03:04:05.6000000/Unspecified"},
		{"Form", FormatForm, "1980-02-29T07:30:15.1234567+02:00/Local", "2026-01-01T00:00:00.0000000+02:00/Local", "2026-01-02T03:04:05.6000000/Unspecified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(s.URL, WithFormat(tc.format), WithHTTPClient(s.Client))
			if err != nil {
				t.Fatal(err)
			}
			for _, dates := range [][2]DateTime{{local, utc}, {unspec, local}} {
				body := interopBody(dates[0], dates[1])
				resp, err := c.PostClinicalEncountersFollowupSend(context.Background(), practice, encounter, nil, body)
				if err != nil {
					var ae *APIError
					if errors.As(err, &ae) {
						t.Fatalf("%v\n%s", err, ae.Body)
					}
					t.Fatal(err)
				}
				// The response: decoded from the real server's JSON or XML.
				if !resp.Sucess || resp.ResponseCode != 200 || resp.Data != body.FollowupWithPatientRegardingVisitOutcomeId {
					t.Fatalf("response Sucess=%v ResponseCode=%d Data=%v", resp.Sucess, resp.ResponseCode, resp.Data)
				}
				if len(resp.Links) != 2 || *resp.Links[0].Rel != "self" || *resp.Links[1].Rel != "encounter" ||
					!strings.Contains(*resp.Links[1].HRef, practice.String()) {
					t.Errorf("links: %s", e2eDump(resp.Links))
				}
				got := echo(*resp.ResponseMessage)
				dateEcho := func(d DateTime) string {
					switch d {
					case local:
						return tc.wantLocal
					case utc:
						return tc.wantUTC
					}
					return tc.wantUnspec
				}
				want := map[string]string{
					"route.practiceId":  practice.String(),
					"route.encounterId": encounter.String(),
					"CorrelationIds":    "[corr <1> & \"2\"|Ünïcødé ✓]",
					"OriginatedSystem":  "helpgen interop",
					"EncounterId":       body.EncounterId.String(),
					"FollowupWithPatientRegardingVisitOutcomeId": body.FollowupWithPatientRegardingVisitOutcomeId.String(),
					"PC.PracticeId":        body.PatientCommunication.PracticeId.String(),
					"PC.PatientId":         body.PatientCommunication.PatientId.String(),
					"PC.PatientName":       "Thandi",
					"PC.PatientSurname":    "O'Brien-Nkosi",
					"PC.PatientCellphone":  "+27 82 555 0100",
					"PC.PatientDOB":        dateEcho(dates[0]),
					"PC.FollowUpDate":      dateEcho(dates[1]),
					"PC.DoctorName":        "<null>",
					"PC.CommunicationText": "Line one; line two = 2 & more",
				}
				// An empty list: JSON and XML carry it; a form cannot (no keys),
				// so the binder leaves the property null.
				if tc.format == FormatForm {
					want["FollowUpReasons"] = "<null>"
				} else {
					want["FollowUpReasons"] = "[]"
				}
				for k, w := range want {
					if got[k] != w {
						t.Errorf("%s: server decoded %q, want %q", k, got[k], w)
					}
				}
				if ms, ok := got["modelState"]; ok {
					t.Errorf("model state errors: %s", ms)
				}
			}
		})
	}
}

// The real server's answers to the documented request samples decode into
// the generated types with every field the documented response shows.
func TestInteropSeedDocumentedSample(t *testing.T) {
	s := oracletest.SharedSeed.Get(t)
	for _, format := range []Format{FormatJSON, FormatXML, FormatForm} {
		c, err := NewClient(s.URL, WithFormat(format), WithHTTPClient(s.Client))
		if err != nil {
			t.Fatal(err)
		}
		body, err := jsonDecodeSendEncounterRequireFollowupPatientSms([]byte(e2eSampleRequestJSON()))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := c.PostClinicalEncountersFollowupSend(context.Background(), uuid.New(), uuid.New(), nil, body)
		if err != nil {
			t.Fatalf("format %d: %v", format, err)
		}
		if resp.Data != body.FollowupWithPatientRegardingVisitOutcomeId || !resp.Sucess {
			t.Errorf("format %d: %s", format, e2eDump(resp))
		}
	}
}

// e2eSampleRequestJSON is the Help Page's JSON request sample.
func e2eSampleRequestJSON() string {
	return `{
"FollowupWithPatientRegardingVisitOutcomeId": "54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3",
"EncounterId": "ec81b795-2a9b-4588-b663-3e7e0a1a7df4",
"PatientCommunication": {
"PracticeId": "fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf",
"PatientId": "6a9e0997-1a57-42fa-939e-563024574417",
"PatientName": "sample string 3",
"PatientSurname": "sample string 4",
"PatientCellphone": "sample string 5",
"PatientDOB": "2025-12-11T01:47:23Z",
"FollowUpDate": "2025-12-11T01:47:23Z",
"DoctorName": "sample string 8",
"CommunicationText": "sample string 9"
},
"FollowUpReasons": [
"sample string 1",
"sample string 2"
],
"CorrelationIds": [
"sample string 1",
"sample string 2"
],
"OriginatedSystem": "sample string 3"
}`
}
