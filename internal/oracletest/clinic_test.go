package oracletest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// clinicEndpoint is one endpoint of testdata/clinic_endpoints.json (copied
// from the clinic corpus' expected.json: route, parameters and the Help Page
// samples written by the real .NET serializers).
type clinicEndpoint struct {
	APIID  string `json:"apiId"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Action string `json:"action"`
	Params []struct {
		Name string `json:"name"`
		In   string `json:"in"`
		CLR  string `json:"clr"`
	} `json:"params"`
	Body           *string `json:"body"`
	Response       *string `json:"response"`
	RequestSamples []struct {
		MediaType string `json:"mediaType"`
		Text      string `json:"text"`
	} `json:"requestSamples"`
	ResponseSamples []struct {
		MediaType string `json:"mediaType"`
		Kind      string `json:"kind"`
		Text      string `json:"text"`
	} `json:"responseSamples"`
}

func clinicEndpoints(t testing.TB) []clinicEndpoint {
	t.Helper()
	var f struct{ Endpoints []clinicEndpoint }
	if err := json.Unmarshal(testdata(t, "clinic_endpoints.json"), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Endpoints) != 18 {
		t.Fatalf("%d endpoints, want 18", len(f.Endpoints))
	}
	return f.Endpoints
}

// Route values for the path parameters and the echo header .NET sends back.
var clinicRouteValues = map[string][2]string{
	"clinicId":      {"3F2C9A44-6A0E-4D7E-9C1B-2B8F4F1D2E10", "3f2c9a44-6a0e-4d7e-9c1b-2b8f4f1d2e10"},
	"appointmentId": {"a1b2c3d4-0000-4000-8000-000000000001", "a1b2c3d4-0000-4000-8000-000000000001"},
	"patientId":     {"6A9E0997-1A57-42FA-939E-563024574417", "6a9e0997-1a57-42fa-939e-563024574417"},
	"messageId":     {"{0d1e2f30-4152-6374-8596-a7b8c9d0e1f2}", "0d1e2f30-4152-6374-8596-a7b8c9d0e1f2"},
	"locationId":    {"0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d", "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d"},
	"templateCode":  {"APT%20001", "APT%20001"},
}

// Query strings for the endpoints without a body, with the X-Echo-* headers
// (query parameters bound by Web API) and X-Echo-Nulls they must produce.
var clinicQueries = map[string]struct {
	query string
	echo  map[string]string
	nulls string
}{
	"Appointments.List": {
		query: "from=2025-11-24T09:00:00%2B02:00&to=2025-11-25T07:00:00Z&status=Booked&pageSize=50",
		echo: map[string]string{
			"from":   "2025-11-24T09:00:00.0000000+02:00", // Local (server zone)
			"to":     "2025-11-25T09:00:00.0000000+02:00", // Z converted to Local by the URI binder
			"status": "Booked", "page": "1", "pageSize": "50",
		},
	},
	"Appointments.Cancel": {
		query: "reason=Dr%20away%20%26%20clinic%20closed",
		echo:  map[string]string{"reason": "Dr%20away%20%26%20clinic%20closed", "notifyPatient": "True"},
	},
	"Appointments.FreeSlots": {
		query: "date=2025-11-24&clinicianId=5E9C1B2B-8F4F-4D2E-9C1B-2B8F4F1D2E10",
		echo: map[string]string{
			"date": "2025-11-24T00:00:00.0000000", "durationMinutes": "15",
			"clinicianId": "5e9c1b2b-8f4f-4d2e-9c1b-2b8f4f1d2e10",
		},
	},
	"Patients.Search": {
		query: "name=Nd%C5%82ovu&includeInactive=true",
		echo:  map[string]string{"name": "Nd%C5%82ovu", "includeInactive": "True", "maxResults": "20"},
		nulls: "dateOfBirth",
	},
	"Messages.Templates": {
		query: "channel=Email",
		echo:  map[string]string{"channel": "Email", "activeOnly": "True"},
	},
}

func expandPath(t *testing.T, e clinicEndpoint) (path string, echo map[string]string) {
	t.Helper()
	echo = map[string]string{}
	path = "/" + e.Path
	for _, p := range e.Params {
		if p.In != "path" {
			continue
		}
		v, ok := clinicRouteValues[p.Name]
		if !ok {
			t.Fatalf("no route value for %s", p.Name)
		}
		path = strings.Replace(path, "{"+p.Name+"}", v[0], 1)
		echo[p.Name] = v[1]
	}
	return path, echo
}

// Help Page samples are made without looking at DataAnnotations, so some of
// them fail validation; Web API still binds them (the oracle reports the
// errors in X-Echo-ModelState and echoes the body).
var clinicSampleModelErrors = map[string]string{
	"Appointments.Book":      "1", // DurationMinutes must be between 5 and 240
	"Patients.UpdateContact": "3", // SmsNumber regex, Email, CountryCode length
	"Patients.UploadPhoto":   "1", // ContentType regex
	"Messages.Send":          "1", // TemplateCode regex
}

func checkEchoHeaders(t *testing.T, h http.Header, e clinicEndpoint, mode string, echo map[string]string) {
	t.Helper()
	if got := h.Get("X-Echo-Action"); got != e.Action {
		t.Errorf("X-Echo-Action %q, want %q", got, e.Action)
	}
	if got := h.Get("X-Echo-Mode"); got != mode {
		t.Errorf("X-Echo-Mode %q, want %q", got, mode)
	}
	for k, v := range echo {
		if got := h.Get("X-Echo-" + k); got != v {
			t.Errorf("X-Echo-%s %q, want %q", k, got, v)
		}
	}
	if got, want := h.Get("X-Echo-ModelState"), clinicSampleModelErrors[e.Action]; mode == "body" && got != want {
		t.Errorf("X-Echo-ModelState %q, want %q: %s", got, want, h.Get("X-Echo-ModelState-Errors"))
	}
}

// One round trip per endpoint of the clinic API. Body endpoints: each Help
// Page request sample (JSON and XML) is posted and the echo — the bound
// object written back by the real formatter — equals the sample byte for byte
// once the Help Page's indentation is removed. Endpoints without a body: the
// route and query values come back as .NET bound them, and the answer has the
// documented shape (member names in order) in JSON and the documented root
// element in XML.
func TestClinicRoundTrips(t *testing.T) {
	t.Parallel()
	s := SharedClinic.Get(t)
	for _, e := range clinicEndpoints(t) {
		t.Run(e.Action, func(t *testing.T) {
			t.Parallel()
			path, echo := expandPath(t, e)
			if e.Body != nil {
				if len(e.RequestSamples) != 2 {
					t.Fatalf("%d request samples", len(e.RequestSamples))
				}
				for _, sample := range e.RequestSamples {
					st, h, b, err := s.Do(e.Method, path, sample.MediaType, sample.MediaType, []byte(sample.Text))
					if err != nil {
						t.Fatal(err)
					}
					if st != 200 {
						t.Fatalf("%s: status %d\n%s", sample.MediaType, st, b)
					}
					checkEchoHeaders(t, h, e, "body", echo)
					if got := h.Get("X-Echo-Body-Type"); got != *e.Body {
						t.Errorf("X-Echo-Body-Type %q, want %q", got, *e.Body)
					}
					if got, want := h.Get("Content-Type"), sample.MediaType+"; charset=utf-8"; got != want {
						t.Errorf("Content-Type %q, want %q", got, want)
					}
					var got, want string
					if strings.Contains(sample.MediaType, "json") {
						got, want = compactJSON(t, b), compactJSON(t, []byte(sample.Text))
					} else {
						got, want = string(b), compactXML([]byte(sample.Text))
					}
					if got != want {
						t.Errorf("%s echo differs from the documented sample\n got %s\nwant %s", sample.MediaType, got, want)
					}
				}
				return
			}
			q := clinicQueries[e.Action]
			for k, v := range q.echo {
				echo[k] = v
			}
			if q.query != "" {
				path += "?" + q.query
			}
			if e.Response == nil {
				st, h, b, err := s.Do(e.Method, path, "", "application/json", nil)
				if err != nil {
					t.Fatal(err)
				}
				if st != 204 || len(b) != 0 {
					t.Fatalf("status %d, want 204\n%s", st, b)
				}
				checkEchoHeaders(t, h, e, "none", echo)
				return
			}
			for _, sample := range e.ResponseSamples {
				st, h, b, err := s.Do(e.Method, path, "", sample.MediaType, nil)
				if err != nil {
					t.Fatal(err)
				}
				if st != 200 {
					t.Fatalf("%s: status %d\n%s", sample.MediaType, st, b)
				}
				checkEchoHeaders(t, h, e, "sample", echo)
				if got := h.Get("X-Echo-Nulls"); got != q.nulls {
					t.Errorf("X-Echo-Nulls %q, want %q", got, q.nulls)
				}
				if got, want := h.Get("X-Echo-Query"), q.query; got != want {
					t.Errorf("X-Echo-Query %q, want %q", got, want)
				}
				if sample.Kind != "text" {
					// ClinicLocation references itself: the Help Page shows the serializers'
					// error; the oracle cuts the cycle. The answer only has to be valid.
					if strings.Contains(sample.MediaType, "json") {
						compactJSON(t, b)
					} else {
						parseXML(t, b)
					}
					continue
				}
				if strings.Contains(sample.MediaType, "json") {
					if got, want := jsonShape(t, b), jsonShape(t, []byte(sample.Text)); got != want {
						t.Errorf("JSON shape differs from the documented sample\n got %s\nwant %s", got, want)
					}
				} else {
					got, want := parseXML(t, b), parseXML(t, []byte(sample.Text))
					if got.Space != want.Space || got.Local != want.Local || strings.Join(got.childNames(), ",") != strings.Join(want.childNames(), ",") {
						t.Errorf("XML {%s}%s %v, documented {%s}%s %v", got.Space, got.Local, got.childNames(), want.Space, want.Local, want.childNames())
					}
				}
			}
		})
	}
}

// POST /_oracle/echo?type=T decodes a body as T and writes it back: here JSON
// in, XML out, which is how a codec's JSON and XML forms are cross-checked.
func TestClinicEchoAnyType(t *testing.T) {
	t.Parallel()
	s := SharedClinic.Get(t)
	body := `{"SmsNumber":"+27 82 555 0100","SMSReminders":true,"Email":"thandi@example.org","CountryCode":"ZA","Website":"https://example.org/t"}`
	st, h, b, err := s.Do("POST", "/_oracle/echo?type="+url.QueryEscape("ContactPoint"), "application/json", "application/xml", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := `<ContactPoint xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.harbourview-health.example/shared/valueobjects/">` +
		`<CountryCode>ZA</CountryCode><Email>thandi@example.org</Email><SMSReminders>true</SMSReminders><SmsNumber>+27 82 555 0100</SmsNumber>` +
		`<Website>https://example.org/t</Website></ContactPoint>`
	if st != 200 || string(b) != want {
		t.Errorf("status %d\n got %s\nwant %s", st, b, want)
	}
	if got := h.Get("X-Echo-Body-Type"); got != "Harbourview.Clinic.Shared.ValueObjects.ContactPoint" {
		t.Errorf("X-Echo-Body-Type %q", got)
	}
	st, _, b, err = s.Do("POST", "/_oracle/echo?type=NoSuchType", "application/json", "application/json", []byte("{}"))
	if err != nil || st != 404 {
		t.Errorf("unknown type: status %d, %v\n%s", st, err, b)
	}
}

// The oracle's routes are the 18 documented endpoints.
func TestClinicApis(t *testing.T) {
	t.Parallel()
	s := SharedClinic.Get(t)
	st, _, b, err := s.Do("GET", "/_oracle/apis", "", "", nil)
	if err != nil || st != 200 {
		t.Fatalf("status %d, %v", st, err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if m, rest, ok := strings.Cut(l, " "); ok && m != "types:" {
			path, _, _ := strings.Cut(rest, " ")
			path, _, _ = strings.Cut(path, "?")
			lines[m+" "+path] = true
		}
	}
	for _, e := range clinicEndpoints(t) {
		if !lines[e.Method+" "+e.Path] {
			t.Errorf("%s %s not served", e.Method, e.Path)
		}
	}
	if len(lines) != 18 {
		t.Errorf("%d routes, want 18:\n%s", len(lines), b)
	}
}
