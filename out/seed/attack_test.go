package seed

// The request-side attacks of issue 10 against NewHandler on a loopback
// listener, one subtest per attack: each sends one hostile body to the
// documented http.Server recipe (docs/generated-code.md) and checks the
// answer's status and that it names the limit, the wall time and the peak
// heap growth (internal/hostiletest), logging a table row:
//
//	go test ./out/seed -run TestAttacks -count=1 -v | grep ATTACK
//
// Bodies stay just under the default 10 MiB body limit, so each attack is
// the worst one body can do. Hand-written (not generated).

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/hostiletest"
)

// attackBodyBytes keeps attack bodies just under the default body limit.
const attackBodyBytes = 10<<20 - 1024

// attackTimeout bounds one attack request; a decoder that has not answered
// by then fails the row (the server is closed without waiting for it).
const attackTimeout = 30 * time.Second

// attackRepeat builds prefix + unit×n + suffix up to about size bytes.
func attackRepeat(prefix, unit, suffix string, size int) []byte {
	n := max((size-len(prefix)-len(suffix))/len(unit), 0)
	var b bytes.Buffer
	b.Grow(len(prefix) + n*len(unit) + len(suffix))
	b.WriteString(prefix)
	for range n {
		b.WriteString(unit)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// attackSeq builds pairs or attributes numbered 0…: format(i) for each i
// until about size bytes or count items (whichever comes first; 0: no count).
func attackSeq(prefix string, sep string, format func(i int) string, suffix string, size, count int) []byte {
	var b bytes.Buffer
	b.Grow(min(size, 16<<20))
	b.WriteString(prefix)
	for i := 0; count == 0 || i < count; i++ {
		s := format(i)
		if b.Len()+len(sep)+len(s)+len(suffix) > size {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// attackServe serves h behind the documented http.Server recipe on a
// loopback port. Close does not wait for handlers: a decoder stuck in a
// quadratic loop must not hang the test binary.
func attackServe(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := recipeServer(h)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// recipeServer is the documented recipe (docs/generated-code.md, "Server").
func recipeServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// attackSend posts body and returns the status and the answer.
func attackSend(t *testing.T, base, method, path, contentType string, body []byte) (int, []byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), attackTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, base+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", contentType)
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

type attack struct {
	name        string
	contentType string
	body        func() []byte
	status      int    // wanted status
	contains    string // wanted in the answer (the limit it names)
	maxAnswer   int    // largest answer accepted (0: 4 KiB)
	maxTime     time.Duration
	maxHeap     uint64
	opts        []ServerOption
}

func TestAttacks(t *testing.T) {
	const (
		form = "application/x-www-form-urlencoded"
		xml  = "application/xml"
		root = `<SendEncounterRequireFollowupPatientSms xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="` + nsCommands + `"`
		end  = `></SendEncounterRequireFollowupPatientSms>`
	)
	// Bounds for every refused attack: the body is read (10 MiB) and the
	// decoder stops at the limit. Time leaves room for a loaded CI machine.
	const refusedTime, refusedHeap = 5 * time.Second, 64 << 20
	attacks := []attack{
		{name: "form: deep key PatientCommunication.a.a… (10 MiB)", contentType: form,
			body:   func() []byte { return attackRepeat("PatientCommunication", ".a", "=x", attackBodyBytes) },
			status: 400, contains: "FormKeyBytes"},
		{name: "form: deep key CorrelationIds[0][0]… (10 MiB)", contentType: form,
			body:   func() []byte { return attackRepeat("CorrelationIds", "[0]", "=x", attackBodyBytes) },
			status: 400, contains: "FormKeyBytes"},
		{name: "form: deep key PatientCommunication.a.a… (2 KiB, 1000 levels)", contentType: form,
			body:   func() []byte { return attackRepeat("PatientCommunication", ".a", "=x", 2040) },
			status: 400, contains: "FormDepth"},
		{name: "form: deep key CorrelationIds[0][0]… (10 MiB), key length limit off", contentType: form,
			body:   func() []byte { return attackRepeat("CorrelationIds", "[0]", "=x", attackBodyBytes) },
			opts:   []ServerOption{WithDecodeLimits(DecodeLimits{FormKeyBytes: 1 << 30})},
			status: 400, contains: "FormDepth"},
		{name: "form: 40,000 keys kN=x", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "k" + strconv.Itoa(i) + "=x" }, "", attackBodyBytes, 40000)
			},
			status: 400, contains: "FormKeys"},
		{name: "form: keys kN=x (10 MiB, 1.1M keys)", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "k" + strconv.Itoa(i) + "=x" }, "", attackBodyBytes, 0)
			},
			status: 400, contains: "FormKeys"},
		{name: "form: 40,000 items CorrelationIds[i]=x", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "CorrelationIds[" + strconv.Itoa(i) + "]=x" }, "", attackBodyBytes, 40000)
			},
			status: 400, contains: "FormKeys"},
		{name: "form: items CorrelationIds[i]=x (10 MiB, 480k keys)", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "CorrelationIds[" + strconv.Itoa(i) + "]=x" }, "", attackBodyBytes, 0)
			},
			status: 400, contains: "FormKeys"},
		{name: "form: one key repeated, CorrelationIds=x (10 MiB, 1.7M values)", contentType: form,
			body:   func() []byte { return attackRepeat("CorrelationIds=x", "&CorrelationIds=x", "", attackBodyBytes) },
			status: 200, contains: "Sucess", maxHeap: 256 << 20},
		{name: "form: 9 MiB bad key echoed in the 400", contentType: form,
			body:   func() []byte { return attackRepeat("a]", "b", "=x", 9<<20) },
			status: 400, contains: "FormKeyBytes"},
		{name: "form: 2 KiB bad key echoed in the 400", contentType: form,
			body:   func() []byte { return attackRepeat("a]", "b", "=x", 2040) },
			status: 400, contains: "invalid key"},
		{name: "form: items CorrelationIds[i]=x (10 MiB), key limit raised to 1M", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "CorrelationIds[" + strconv.Itoa(i) + "]=x" }, "", attackBodyBytes, 0)
			},
			opts:   []ServerOption{WithDecodeLimits(DecodeLimits{FormKeys: 1 << 20})},
			status: 200, contains: "Sucess", maxHeap: 512 << 20, maxTime: 15 * time.Second},
		{name: "form: keys kN=x (10 MiB), key limit raised to 2M", contentType: form,
			body: func() []byte {
				return attackSeq("", "&", func(i int) string { return "k" + strconv.Itoa(i) + "=x" }, "", attackBodyBytes, 0)
			},
			opts:   []ServerOption{WithDecodeLimits(DecodeLimits{FormKeys: 2 << 20})},
			status: 400, contains: "unknown key", maxHeap: 512 << 20, maxTime: 15 * time.Second},
		{name: "XML: 40,000 attributes on the root", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "a" + strconv.Itoa(i) + `="x"` }, end, attackBodyBytes, 40000)
			},
			status: 400, contains: "XMLAttributes"},
		{name: "XML: attributes on the root (10 MiB, 1M)", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "a" + strconv.Itoa(i) + `="x"` }, end, attackBodyBytes, 0)
			},
			status: 400, contains: "XMLAttributes"},
		{name: "XML: attributes on the root (10 MiB, 1M), limit raised to 2M", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "a" + strconv.Itoa(i) + `="x"` }, end, attackBodyBytes, 0)
			},
			opts:   []ServerOption{WithDecodeLimits(DecodeLimits{XMLAttributes: 2 << 20})},
			status: 200, contains: "Sucess", maxHeap: 512 << 20, maxTime: 15 * time.Second},
		{name: "XML: 20,000 xmlns:pN declarations", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "xmlns:p" + strconv.Itoa(i) + `="urn:p` + strconv.Itoa(i) + `"` }, end, attackBodyBytes, 20000)
			},
			status: 400, contains: "XMLNamespaces"},
		{name: "XML: xmlns:pN declarations (10 MiB, 490k)", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "xmlns:p" + strconv.Itoa(i) + `="urn:p` + strconv.Itoa(i) + `"` }, end, attackBodyBytes, 0)
			},
			status: 400, contains: "XMLNamespaces"},
		{name: "XML: xmlns:pN declarations (10 MiB, 490k), limits raised to 2M", contentType: xml,
			body: func() []byte {
				return attackSeq(root+" ", " ", func(i int) string { return "xmlns:p" + strconv.Itoa(i) + `="urn:p` + strconv.Itoa(i) + `"` }, end, attackBodyBytes, 0)
			},
			opts:   []ServerOption{WithDecodeLimits(DecodeLimits{XMLAttributes: 2 << 20, XMLNamespaces: 2 << 20})},
			status: 200, contains: "Sucess", maxHeap: 512 << 20, maxTime: 15 * time.Second},
		{name: "JSON: invalid UTF-8 in a string", contentType: "application/json",
			body:   func() []byte { return []byte("{\"OriginatedSystem\":\"a\xffb\"}") },
			status: 400, contains: "UTF-8"},
		{name: "XML: invalid UTF-8 in a text", contentType: xml,
			body: func() []byte {
				return []byte(root + `><OriginatedSystem xmlns="http://mpsapi.healthbridge.com/platform/core/v1/command/">a` + "\xff" + `b</OriginatedSystem></SendEncounterRequireFollowupPatientSms>`)
			},
			status: 400, contains: "UTF-8"},
	}
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			runAttack(t, a, refusedTime, refusedHeap)
		})
	}
}

func runAttack(t *testing.T, a attack, maxTime time.Duration, maxHeap uint64) {
	if a.maxTime != 0 {
		maxTime = a.maxTime
	}
	if a.maxHeap != 0 {
		maxHeap = a.maxHeap
	}
	base := attackServe(t, NewHandler(SampleService{}, a.opts...))
	body := a.body()
	var status int
	var answer []byte
	var err error
	d, heap := hostiletest.Measure(func() {
		status, answer, err = attackSend(t, base, "POST", hostilePath, a.contentType, body)
	})
	body = nil
	result := strconv.Itoa(status) + " " + attackExcerpt(answer)
	if err != nil {
		result = "no answer in " + attackTimeout.String() + " (client gave up)"
	}
	hostiletest.Log(t, a.name, result, d, heap)
	if err != nil {
		t.Fatalf("no answer in %s (%v): the decoder is still working", attackTimeout, err)
	}
	if status != a.status {
		t.Errorf("status %d, want %d", status, a.status)
	}
	if !strings.Contains(string(answer), a.contains) {
		t.Errorf("answer does not name %q: %s", a.contains, attackExcerpt(answer))
	}
	if limit := max(a.maxAnswer, 4<<10); len(answer) > limit {
		t.Errorf("answer is %d bytes, want at most %d", len(answer), limit)
	}
	if d > maxTime {
		t.Errorf("took %s, want at most %s", d, maxTime)
	}
	if heap > maxHeap {
		t.Errorf("peak heap grew by %s, want at most %s", hostiletest.Bytes(heap), hostiletest.Bytes(maxHeap))
	}
}

// attackExcerpt shortens an answer for the table.
func attackExcerpt(b []byte) string {
	s := strings.ToValidUTF8(string(b[:min(len(b), 160)]), "?")
	if len(b) > 160 {
		s += "… (" + hostiletest.Bytes(uint64(len(b))) + ")"
	}
	return strings.ReplaceAll(s, "|", "/")
}

// countingService counts the calls that reach it.
type countingService struct{ calls int }

func (s *countingService) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	s.calls++
	return &RestApiResultOfGuid{}, nil
}

// TestDecodeStopsWhenClientGoes: a body whose request context has ended
// (the client went away) is not decoded to its end, and the service is not
// called. Each format's body would take tens of milliseconds to decode
// with the limits raised out of the way.
func TestDecodeStopsWhenClientGoes(t *testing.T) {
	items := attackSeq("", "&", func(i int) string { return "CorrelationIds[" + strconv.Itoa(i) + "]=x" }, "", attackBodyBytes, 0)
	xmlItems := attackSeq(`<SendEncounterRequireFollowupPatientSms xmlns="`+nsCommands+`"><CorrelationIds xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns="http://mpsapi.healthbridge.com/platform/core/v1/command/">`,
		"", func(int) string { return "<a:string>x</a:string>" }, "</CorrelationIds></SendEncounterRequireFollowupPatientSms>", attackBodyBytes, 0)
	jsonItems := attackSeq(`{"CorrelationIds":[`, ",", func(int) string { return `"x"` }, "]}", attackBodyBytes, 0)
	for _, c := range []struct {
		name, contentType string
		body              []byte
	}{
		{"form", "application/x-www-form-urlencoded", items},
		{"XML", "application/xml", xmlItems},
		{"JSON", "application/json", jsonItems},
	} {
		t.Run(c.name, func(t *testing.T) {
			svc := &countingService{}
			h := NewHandler(svc, WithDecodeLimits(DecodeLimits{FormKeys: 1 << 20}))
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			req := httptest.NewRequestWithContext(ctx, "POST", hostilePath, bytes.NewReader(c.body))
			req.Header.Set("Content-Type", c.contentType)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if svc.calls != 0 || !strings.Contains(rec.Body.String(), "decoding stopped") {
				t.Errorf("service called %d times; answer %d %s", svc.calls, rec.Code, rec.Body.Bytes()[:min(rec.Body.Len(), 200)])
			}
			// The same body decodes to the end while the client is there.
			req = httptest.NewRequest("POST", hostilePath, bytes.NewReader(c.body))
			req.Header.Set("Content-Type", c.contentType)
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if svc.calls != 1 {
				t.Errorf("live request: service called %d times; answer %d %.200s", svc.calls, rec.Code, rec.Body.Bytes())
			}
		})
	}
}
