package seed

// Bad input never crashes the generated server: every kind of bad request
// gets its documented 4xx status (or 500 without internals for a panicking or
// failing service), the error body has Web API's HttpError shape, and the
// access log (WithLogger) never holds request bodies, parameter values, query
// strings or personal data. FuzzServer throws arbitrary paths, methods,
// content types, Accept headers and bodies at the handler.
//
// Hand-written (not generated): helpgen only deletes files that carry its
// "Code generated" header.
//
// Where the generated server and Web API (the seed oracle, mono System.Web.Http
// 4.0) answer differently, the table asserts the generated server's documented
// behaviour (NewHandler's doc comment) and the comment says what Web API does.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
)

const (
	hostilePractice  = "3b0f6e1a-8d44-4c1e-9f0a-5a6b7c8d9e01"
	hostileEncounter = "3b0f6e1a-8d44-4c1e-9f0a-5a6b7c8d9e02"
	hostilePath      = "/api/v2/" + hostilePractice + "/clinical/encounters/" + hostileEncounter + "/followup/send"

	nsCommands = "http://schemas.datacontract.org/2004/07/Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands"

	// Personal data that must never reach the log.
	hostileName    = "Nomvula"
	hostileSurname = "Dlamini-Hostile"
	hostilePhone   = "+27 83 555 0123"
	hostileDOB     = "1984-02-29T07:15:00"
	hostileSecret  = "hostile-query-secret"
)

// hostilePIIJSON is a valid JSON request carrying hostile* personal data.
const hostilePIIJSON = `{"FollowupWithPatientRegardingVisitOutcomeId":"9d2c4a10-1f1e-4b7a-8c3d-2e4f6a8b0c1d",` +
	`"PatientCommunication":{"PatientName":"` + hostileName + `","PatientSurname":"` + hostileSurname + `",` +
	`"PatientCellphone":"` + hostilePhone + `","PatientDOB":"` + hostileDOB + `+02:00"},"CorrelationIds":["c1"]}`

// hostileSample reads a documented request sample (oracle/seed/samples).
func hostileSample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "oracle", "seed", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hostileLogTerms are the strings the access log must not contain: the
// personal data of hostilePIIJSON and of the documented samples (names,
// phone numbers, dates of birth are "sample string N" and 2025-12-11 there),
// GUIDs from bodies and paths, and the query string.
var hostileLogTerms = []string{
	hostileName, hostileSurname, hostilePhone, "83 555", hostileDOB, "1984-02-29", hostileSecret,
	"sample string", "2025-12-11", "01:47:23",
	"54ee0a7c", "fc41ba5f", "6a9e0997", "ec81b795", "9d2c4a10", hostilePractice, "3b0f6e1a",
	"not-a-guid", "PatientCommunication", "Bogus", "goroutine", ".go:",
}

type hostilePanicService struct{}

func (hostilePanicService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	name := "<no body>"
	if body != nil && body.PatientCommunication != nil && body.PatientCommunication.PatientName != nil {
		name = *body.PatientCommunication.PatientName
	}
	panic(fmt.Errorf("boom for patient %s at %s", name, hostilePhone))
}

type hostileErrService struct{}

func (hostileErrService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	return nil, fmt.Errorf("db: insert patient %s %s failed: connection refused", hostileName, hostilePhone)
}

// hostileValidationService rejects a body without PatientCellphone, naming
// the field as Web API's ModelState does (the seed contract itself carries
// no DataAnnotations, so the generated validate() has nothing to check).
type hostileValidationService struct{}

func (hostileValidationService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	if body == nil || body.PatientCommunication == nil || body.PatientCommunication.PatientCellphone == nil {
		return nil, &ValidationError{Fields: map[string][]string{
			"command.PatientCommunication.PatientCellphone": {"The PatientCellphone field is required."},
		}}
	}
	return SampleService{}.PostClinicalEncountersFollowupSend(ctx, practiceId, encounterId, params, body)
}

// hostileError is Web API's HttpError in JSON.
type hostileError struct {
	Message    string
	ModelState map[string][]string
}

type hostileCase struct {
	name        string
	svc         Service // default SampleService
	method      string  // default POST
	path        string  // default hostilePath
	contentType string
	accept      string
	body        string
	chunked     bool // send without Content-Length

	status   int
	allow    string   // want Allow header (405)
	field    string   // want this ModelState key (400)
	contains []string // want these in the error body
	xmlError bool     // want the error in XML (<Error>)
	noRoute  bool     // no route takes it: 404 with no body, 405 with Web API's message (rtNoRoute)
}

func TestServerHostileInput(t *testing.T) {
	sampleJSON := hostileSample(t, "request.json")
	sampleXML := hostileSample(t, "request.xml")
	sampleForm := hostileSample(t, "request.form")
	xmlRoot := func(inner string) string {
		return `<SendEncounterRequireFollowupPatientSms xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="` + nsCommands + `">` + inner + `</SendEncounterRequireFollowupPatientSms>`
	}
	const maxBody = 4096
	cases := []hostileCase{
		// 200 controls: the documented samples pass.
		{name: "ok/sample JSON", contentType: "application/json", body: sampleJSON, status: 200},
		{name: "ok/sample XML", contentType: "application/xml", accept: "application/xml", body: sampleXML, status: 200},
		{name: "ok/sample form", contentType: "application/x-www-form-urlencoded", body: sampleForm, status: 200},
		{name: "ok/PII JSON with query", path: hostilePath + "?token=" + hostileSecret, contentType: "application/json", body: hostilePIIJSON, status: 200},
		{name: "ok/route ignores case", path: strings.ToUpper(hostilePath), contentType: "application/json", body: sampleJSON, status: 200},
		{name: "ok/chunked body", contentType: "application/json", body: sampleJSON, chunked: true, status: 200},

		// 400: path values.
		{name: "400/bad GUID practiceId", path: "/api/v2/not-a-guid/clinical/encounters/" + hostileEncounter + "/followup/send",
			contentType: "application/json", body: sampleJSON, status: 400, field: "practiceId"},
		{name: "400/bad GUID encounterId", path: "/api/v2/" + hostilePractice + "/clinical/encounters/" + hostileEncounter + "x/followup/send",
			contentType: "application/json", body: sampleJSON, status: 400, field: "encounterId"},
		{name: "400/bad GUID in path, XML error", path: "/api/v2/%7Bzz%7D/clinical/encounters/" + hostileEncounter + "/followup/send",
			contentType: "application/json", accept: "application/xml", body: sampleJSON, status: 400, xmlError: true,
			contains: []string{"<Field>practiceId</Field>"}},
		// 400: malformed bodies.
		{name: "400/JSON truncated", contentType: "application/json", body: sampleJSON[:len(sampleJSON)/2], status: 400, field: "body"},
		{name: "400/JSON not an object", contentType: "application/json", body: `["x"]`, status: 400, field: "body"},
		{name: "400/JSON trailing data", contentType: "application/json", body: `{} {}`, status: 400, field: "body"},
		{name: "400/JSON bad GUID member", contentType: "application/json", body: `{"EncounterId":"nope"}`, status: 400, field: "body"},
		{name: "400/JSON bad DateTime member", contentType: "application/json", body: `{"PatientCommunication":{"PatientDOB":"31/02/1984"}}`, status: 400, field: "body"},
		{name: "400/JSON too deep", contentType: "application/json", body: `{"X":` + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + `}`, status: 400, field: "body"},
		{name: "400/XML malformed", contentType: "application/xml", body: sampleXML[:len(sampleXML)/2], status: 400, field: "body"},
		{name: "400/XML wrong root", contentType: "application/xml", body: `<RestApiResultOfguid xmlns="` + nsCommands + `"/>`, status: 400, field: "body", contains: []string{"root element"}},
		{name: "400/XML wrong root namespace", contentType: "text/xml", body: `<SendEncounterRequireFollowupPatientSms xmlns="urn:wrong"/>`, status: 400, field: "body"},
		{name: "400/XML unknown element", contentType: "application/xml", body: xmlRoot(`<Bogus>1</Bogus>`), status: 400, field: "body", contains: []string{"unknown element"}},
		{name: "400/XML bad GUID member", contentType: "application/xml", body: xmlRoot(`<EncounterId>zz</EncounterId>`), status: 400, field: "body"},
		{name: "400/XML DTD (entity expansion)", contentType: "application/xml",
			body:   `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + xmlRoot(`<EncounterId>&b;</EncounterId>`),
			status: 400, field: "body"},
		{name: "400/form bad GUID", contentType: "application/x-www-form-urlencoded", body: "EncounterId=not-a-guid", status: 400, field: "body"},
		// Web API keeps a bad %-escape in a form value literally (oracle: "a%zzb%C3" binds as "a%zzb\uFFFD").
		{name: "ok/form bad escape kept", contentType: "application/x-www-form-urlencoded", body: "PatientCommunication.PatientName=a%zzb%C3&OriginatedSystem=%", status: 200},
		{name: "400/form huge list index", contentType: "application/x-www-form-urlencoded", body: "CorrelationIds[2147483647]=x", status: 400, field: "body"},
		// 400: validation failure naming the field (in the negotiated format).
		{name: "400/validation names field", svc: hostileValidationService{}, contentType: "application/json", body: `{"PatientCommunication":{}}`,
			status: 400, field: "command.PatientCommunication.PatientCellphone"},
		{name: "400/validation names field, XML", svc: hostileValidationService{}, contentType: "application/xml", accept: "text/xml",
			body: xmlRoot(""), status: 400, xmlError: true, contains: []string{"<Field>command.PatientCommunication.PatientCellphone</Field>"}},

		// 404: no route. (Web API 4.0 self-host: 404 with an empty body.)
		{name: "404/unknown route", path: "/api/v2/nothing", contentType: "application/json", body: "{}", status: 404, noRoute: true},
		{name: "404/other version", path: strings.Replace(hostilePath, "/v2/", "/v3/", 1), contentType: "application/json", body: "{}", status: 404, noRoute: true},
		{name: "404/extra segment", path: hostilePath + "/more", contentType: "application/json", body: "{}", status: 404, noRoute: true},
		{name: "404/root", path: "/", status: 404, noRoute: true},

		// A trailing slash still matches the route, as in Web API.
		{name: "200/trailing slash", path: hostilePath + "/", contentType: "application/json", body: sampleJSON, status: 200},

		// 405: the route exists for POST only. Web API answers 405 too ("The
		// requested resource does not support http method 'GET'.", verified on
		// the seed oracle); net/http's ServeMux adds Allow.
		{name: "405/GET", method: "GET", status: 405, allow: "POST", noRoute: true},
		{name: "405/PUT", method: "PUT", contentType: "application/json", body: sampleJSON, status: 405, allow: "POST", noRoute: true},
		{name: "405/DELETE", method: "DELETE", status: 405, allow: "POST", noRoute: true},
		{name: "405/PATCH", method: "PATCH", contentType: "application/json", body: "{}", status: 405, allow: "POST", noRoute: true},

		// Nothing in Accept fits: JSON with 200, as Web API's content
		// negotiation falls back to its first formatter (issue 11, checked
		// against the dispensary oracle by TestUnseenNegotiationAndModelState).
		{name: "200/image only", contentType: "application/json", accept: "image/png", body: sampleJSON, status: 200},
		{name: "200/JSON refused with q=0", contentType: "application/json", accept: "application/json;q=0", body: sampleJSON, status: 200},

		// 413: over WithMaxBodyBytes, with and without Content-Length.
		{name: "413/Content-Length over limit", contentType: "application/json", body: `{"X":"` + strings.Repeat("a", maxBody) + `"}`, status: 413},
		{name: "413/chunked over limit", contentType: "application/xml", chunked: true, body: xmlRoot(`<EncounterId>` + strings.Repeat(" ", maxBody) + `</EncounterId>`), status: 413},

		// 415: no formatter reads the Content-Type (Web API 2: 415; the mono
		// Web API 4.0 oracle answers 500).
		{name: "415/text/plain", contentType: "text/plain", body: sampleJSON, status: 415},
		{name: "415/octet-stream", contentType: "application/octet-stream", body: sampleJSON, status: 415},
		{name: "415/no Content-Type", body: sampleJSON, status: 415},
		{name: "415/malformed Content-Type", contentType: "application/json; =", body: sampleJSON, status: 415},
		{name: "415/multipart", contentType: "multipart/form-data; boundary=x", body: "--x--", status: 415},

		// 500: the service panics or fails; the answer carries no internals.
		{name: "500/panicking service", svc: hostilePanicService{}, contentType: "application/json", body: hostilePIIJSON, status: 500},
		{name: "500/panicking service, XML asked", svc: hostilePanicService{}, contentType: "application/xml", accept: "application/xml", body: sampleXML, status: 500},
		{name: "500/failing service", svc: hostileErrService{}, contentType: "application/json", accept: "application/xml", body: hostilePIIJSON, status: 500, xmlError: true},
	}

	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&hostileSyncWriter{mu: &logMu, w: &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	handlers := map[string]http.Handler{}
	handlerFor := func(svc Service) http.Handler {
		key := fmt.Sprintf("%T", svc)
		if h, ok := handlers[key]; ok {
			return h
		}
		h := NewHandler(svc, WithLogger(logger), WithMaxBodyBytes(maxBody))
		handlers[key] = h
		return h
	}
	for _, c := range cases {
		if c.svc == nil {
			c.svc = SampleService{}
		}
		h := handlerFor(c.svc)
		t.Run(c.name, func(t *testing.T) {
			// A real listener: Content-Length, chunked bodies and
			// MaxBytesReader behave as in production.
			srv := httptest.NewServer(h)
			defer srv.Close()
			method, path := c.method, c.path
			if method == "" {
				method = "POST"
			}
			if path == "" {
				path = hostilePath
			}
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
				if c.chunked {
					body = io.MultiReader(body) // hides the length: sent chunked
				}
			}
			req, err := http.NewRequest(method, srv.URL+path, body)
			if err != nil {
				t.Fatal(err)
			}
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			if c.accept != "" {
				req.Header.Set("Accept", c.accept)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if c.chunked && len(req.TransferEncoding) == 0 && req.ContentLength > 0 {
				t.Fatalf("request was not sent chunked")
			}
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d; body: %s", resp.StatusCode, c.status, data)
			}
			if c.allow != "" && resp.Header.Get("Allow") != c.allow {
				t.Errorf("Allow = %q, want %q", resp.Header.Get("Allow"), c.allow)
			}
			if c.status == 200 {
				if _, err := decodeResponseRestApiResultOfGuid(hostileMediaType(resp), data); err != nil {
					t.Errorf("answer does not decode: %v\n%s", err, data)
				}
				return
			}
			hostileCheckErrorBody(t, c, resp, data)
		})
	}

	// The access log: one line per routed request, no personal data.
	logMu.Lock()
	logText := logs.String()
	logMu.Unlock()
	for _, term := range hostileLogTerms {
		if strings.Contains(logText, term) {
			t.Errorf("log contains %q:\n%s", term, logText)
		}
	}
	for _, want := range []string{"status=400", "status=413", "status=415", "status=500", `msg="panic in handler"`} {
		if !strings.Contains(logText, want) {
			t.Errorf("log lacks %s:\n%s", want, logText)
		}
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("log:\n%s", logText)
	}
}

type hostileSyncWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (w *hostileSyncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

func hostileMediaType(resp *http.Response) string {
	mt, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	return strings.TrimSpace(mt)
}

// hostileCheckErrorBody checks an error answer: its shape, the field it
// names, and that it carries nothing internal or personal.
func hostileCheckErrorBody(t *testing.T, c hostileCase, resp *http.Response, data []byte) {
	t.Helper()
	text := string(data)
	for _, s := range c.contains {
		if !strings.Contains(text, s) {
			t.Errorf("body lacks %q: %s", s, text)
		}
	}
	for _, bad := range []string{"goroutine", "panic", ".go:", "runtime", hostileName, hostilePhone, "connection refused", "db:"} {
		if strings.Contains(text, bad) {
			t.Errorf("error body leaks %q: %s", bad, text)
		}
	}
	mt := hostileMediaType(resp)
	switch {
	case c.noRoute && c.status == http.StatusNotFound:
		if mt != "" || len(data) != 0 {
			t.Errorf("404: Content-Type %q, body %q; want neither, as Web API answers", mt, data)
		}
		return
	case c.noRoute:
		method := c.method
		if method == "" {
			method = "POST"
		}
		if want := `"The requested resource does not support http method '` + method + `'."`; mt != "application/json" || text != want {
			t.Errorf("405: Content-Type %q, body %s; want application/json, %s", mt, text, want)
		}
		return
	case c.xmlError:
		if mt != "application/xml" {
			t.Fatalf("Content-Type %q, want application/xml", mt)
		}
		if !strings.HasPrefix(text, "<Error><Message>") {
			t.Errorf("XML error body %s, want <Error><Message>…", text)
		}
		return
	}
	if mt != "application/json" {
		t.Fatalf("Content-Type %q, want application/json; body %s", mt, text)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", resp.Header.Get("X-Content-Type-Options"))
	}
	var e hostileError
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("error body is not HttpError JSON: %v: %s", err, text)
	}
	if e.Message == "" {
		t.Errorf("error body has no Message: %s", text)
	}
	if c.status == 500 && (e.Message != "An error has occurred." || len(e.ModelState) > 0) {
		t.Errorf("500 body %s, want only {\"Message\":\"An error has occurred.\"}", text)
	}
	if c.field != "" {
		if len(e.ModelState[c.field]) == 0 {
			t.Errorf("ModelState does not name %q: %s", c.field, text)
		}
	} else if c.status == 400 {
		t.Errorf("400 case without a field to check: %s", text)
	}
}

// hostileEchoService answers with the request's strings in the answer, so
// that whatever the readers accept is also written back by the writers.
type hostileEchoService struct{}

func (hostileEchoService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	r := &RestApiResultOfGuid{Sucess: true, Data: encounterId}
	if body == nil {
		return r, nil
	}
	r.ResponseMessage = body.OriginatedSystem
	for _, s := range append(append([]*string(nil), body.CorrelationIds...), body.FollowUpReasons...) {
		r.Links = append(r.Links, &RestApiLink{Rel: s, HRef: s})
	}
	if pc := body.PatientCommunication; pc != nil {
		r.Links = append(r.Links, &RestApiLink{Rel: pc.PatientName, HRef: pc.CommunicationText})
	}
	return r, nil
}

// FuzzServer sends arbitrary methods, paths, content types, Accept headers
// and bodies. The handler must never panic and never answer 5xx, except 500
// (with the generic message only) when the service itself panics; every 200
// answer must decode with the generated client's reader.
//
//	go test ./out/seed -run '^$' -fuzz FuzzServer -fuzztime 60s
func FuzzServer(f *testing.F) {
	sampleJSON := hostileSample(f, "request.json")
	sampleXML := hostileSample(f, "request.xml")
	sampleForm := hostileSample(f, "request.form")
	for _, s := range []struct {
		method           byte
		path, ct, accept string
		body             string
		panicking        bool
	}{
		{0, hostilePath, "application/json", "", sampleJSON, false},
		{0, hostilePath, "application/xml", "application/xml", sampleXML, false},
		{0, hostilePath, "application/x-www-form-urlencoded", "text/xml", sampleForm, false},
		{0, hostilePath, "application/json", "", hostilePIIJSON, true},
		{0, hostilePath, "text/xml; charset=utf-8", "*/*", sampleXML, true},
		{1, hostilePath, "", "", "", false},
		{0, "/api/v2/x/clinical/encounters/y/followup/send", "application/json", "", "{}", false},
		{0, strings.ToUpper(hostilePath), "application/json", "text/json;q=0.5, application/xml", `{"OriginatedSystem":"\u0000\ud800"}`, false},
		{0, hostilePath, "application/xml", "", `<SendEncounterRequireFollowupPatientSms xmlns="` + nsCommands + `"><OriginatedSystem xmlns="http://mpsapi.healthbridge.com/platform/core/v1/command/">&#xD;&#x85;</OriginatedSystem></SendEncounterRequireFollowupPatientSms>`, false},
		{0, hostilePath, "application/x-www-form-urlencoded", "", "CorrelationIds[]=a&CorrelationIds[5]=b&PatientCommunication[PatientName]=%C3", false},
		{0, hostilePath + "/../send", "application/json", "", "{}", false},
		{2, "//api/v2/%2e%2e/x", "application/json", "", "null", false},
	} {
		f.Add(s.method, s.path, s.ct, s.accept, []byte(s.body), s.panicking)
	}
	methods := []string{"POST", "GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "post", "TRACE", "CONNECT"}
	handlers := map[bool]http.Handler{
		false: NewHandler(hostileEchoService{}, WithMaxBodyBytes(64<<10)),
		true:  NewHandler(hostilePanicService{}, WithMaxBodyBytes(64<<10)),
	}
	f.Fuzz(func(t *testing.T, method byte, path, ct, accept string, body []byte, panicking bool) {
		req := httptest.NewRequest("POST", "http://127.0.0.1/", bytes.NewReader(body))
		req.Method = methods[int(method)%len(methods)]
		u, err := url.ParseRequestURI("/" + strings.TrimLeft(path, "/"))
		if err != nil {
			u = &url.URL{Path: "/" + path}
		}
		req.URL, req.RequestURI = u, u.RequestURI()
		if ct != "" {
			req.Header["Content-Type"] = []string{ct}
		}
		if accept != "" {
			req.Header["Accept"] = []string{accept}
		}
		rec := httptest.NewRecorder()
		handlers[panicking].ServeHTTP(rec, req)
		data := rec.Body.Bytes()
		if rec.Code >= 500 {
			if !panicking || rec.Code != 500 || string(data) != `{"Message":"An error has occurred."}` {
				t.Fatalf("%s %q (Content-Type %q, Accept %q, panicking=%v): %d %s", req.Method, path, ct, accept, panicking, rec.Code, data)
			}
			return
		}
		if rec.Code == 200 && !panicking {
			mt, _, _ := strings.Cut(rec.Header().Get("Content-Type"), ";")
			if _, err := decodeResponseRestApiResultOfGuid(mt, data); err != nil {
				t.Fatalf("200 answer does not decode (%v): %q\nrequest %s %q (%q): %q", err, data, req.Method, path, ct, body)
			}
		}
	})
}
