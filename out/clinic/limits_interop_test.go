package clinic

// The wire facts behind the decode limits and the UTF-8 rule, checked
// against Web API itself (the clinic echo oracle, mono) and against
// NewHandler with the same bodies: Web API answers 400 from the 1001st form
// key (MediaTypeFormatter.MaxHttpCollectionKeys), and refuses JSON and XML
// bodies that are not UTF-8 while a form keeps U+FFFD for a bad byte.
// Hand-written (not generated).

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/helpgen/helpgen/internal/oracletest"
)

// templateRecorder keeps the last template the service got.
type templateRecorder struct {
	UnimplementedService
	mu   sync.Mutex
	last *MessageTemplate
}

func (s *templateRecorder) PutMessagesTemplatesByTemplateCode(ctx context.Context, templateCode string, params *PutMessagesTemplatesByTemplateCodeParams, body *MessageTemplate) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = body
	return nil
}

// placeholders is a form of n keys: Code and n-1 list items.
func placeholders(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Code=c")
	for i := range n - 1 {
		b.WriteString("&Placeholders[" + strconv.Itoa(i) + "]=x")
	}
	return b.Bytes()
}

func TestLimitsInterop(t *testing.T) {
	oracle := oracletest.SharedClinic.Get(t)
	rec := &templateRecorder{}
	srv := httptest.NewServer(NewHandler(rec, WithValidation(false)))
	defer srv.Close()
	const (
		form = "application/x-www-form-urlencoded"
		xmlT = "application/xml"
		ns   = "http://schemas.harbourview-health.example/messaging/2020"
	)
	cases := []struct {
		name, contentType string
		body              []byte
		ok                bool   // both bind it (else both answer 400)
		code              string // the Code both bind
	}{
		{"1000 form keys", form, placeholders(1000), true, "c"},
		{"1001 form keys", form, placeholders(1001), false, ""},
		{"JSON, a bad byte in a string", "application/json", []byte("{\"Code\":\"a\xffb\"}"), false, ""},
		{"JSON, a truncated sequence", "application/json", []byte("{\"Code\":\"a\xc3b\"}"), false, ""},
		{"JSON, an encoded surrogate", "application/json", []byte("{\"Code\":\"a\xed\xa0\x80b\"}"), false, ""},
		{"JSON, valid UTF-8", "application/json", []byte(`{"Code":"été"}`), true, "été"},
		{"XML, a bad byte in a text", xmlT, []byte(`<MessageTemplate xmlns="` + ns + `"><Code>a` + "\xff" + `b</Code></MessageTemplate>`), false, ""},
		{"form, a bad byte in a value", form, []byte("Code=a\xffb"), true, "a\ufffdb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, h, _, err := oracle.Do("PUT", "/api/v1/messages/templates/abc", c.contentType, "application/json", c.body)
			if err != nil {
				t.Fatal(err)
			}
			monoOK := st == 200 && h.Get("X-Echo-Mode") == "body"
			if monoOK != c.ok {
				t.Errorf("Web API: %d (%s), want bound: %v", st, h.Get("X-Echo-ModelState-Errors"), c.ok)
			}
			req, _ := http.NewRequest("PUT", srv.URL+"/api/v1/messages/templates/abc", bytes.NewReader(c.body))
			req.Header.Set("Content-Type", c.contentType)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if got := resp.StatusCode < 300; got != c.ok {
				t.Errorf("NewHandler: %d %s, want bound: %v", resp.StatusCode, answer, c.ok)
			}
			if !c.ok && !strings.Contains(string(answer), "body") {
				t.Errorf("NewHandler's 400 does not name the body: %s", answer)
			}
			if c.ok && (rec.last == nil || rec.last.Code == nil || *rec.last.Code != c.code) {
				t.Errorf("NewHandler bound %+v, want Code %q", rec.last, c.code)
			}
		})
	}
}
