package clinic

// The client's redirect policy (issue 10, item 4), against httptest servers
// on two origins: the API (A) answers every call with a redirect, to
// itself or to a second server (B) on the same host and another port, or
// to B under another host name (localhost for 127.0.0.1). Request editors
// set X-Api-Key, Authorization and Cookie; B records what reaches it.
// Hand-written (not generated).

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// redirectSecrets are set by the request editor.
var redirectSecrets = map[string]string{
	"X-Api-Key":     "key-6f1c",
	"Authorization": "Bearer tok-2b9e",
	"Cookie":        "session=c0ffee",
}

// seen is one request a target received.
type seen struct {
	method  string
	secrets []string // the redirectSecrets headers it carried
	body    int      // bytes
}

// redirectRecorder serves the sample service under /moved/ and records requests.
type redirectRecorder struct {
	mu   sync.Mutex
	got  []seen
	next http.Handler
}

func newRedirectRecorder() *redirectRecorder {
	return &redirectRecorder{next: NewHandler(SampleService{})}
}

func (rc *redirectRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s := seen{method: r.Method, body: len(b)}
	for h, v := range redirectSecrets {
		if r.Header.Get(h) == v {
			s.secrets = append(s.secrets, h)
		}
	}
	rc.mu.Lock()
	rc.got = append(rc.got, s)
	rc.mu.Unlock()
	r.Body = io.NopCloser(strings.NewReader(string(b)))
	r.URL.Path = strings.TrimPrefix(r.URL.Path, "/moved")
	r.URL.RawPath = ""
	rc.next.ServeHTTP(w, r)
}

func (rc *redirectRecorder) take() []seen {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	got := rc.got
	rc.got = nil
	return got
}

type redirectCase struct {
	name   string
	post   bool   // PostMessages (a body), else GetSystemClock
	status int    // the redirect A answers
	to     string // "self", "port" (B, 127.0.0.1) or "host" (B, localhost)
	optIn  bool   // the client allows a method change

	followed bool // the call succeeds through the target
	method   string
	secrets  bool // the target gets the editors' headers
	body     bool // the target gets the body
}

var redirectCases = []redirectCase{
	{name: "307 POST to another port", post: true, status: 307, to: "port"},
	{name: "308 POST to another host", post: true, status: 308, to: "host"},
	{name: "301 POST to another port", post: true, status: 301, to: "port"},
	{name: "302 POST to another host", post: true, status: 302, to: "host"},
	{name: "303 POST to another port", post: true, status: 303, to: "port"},
	{name: "303 POST to the same origin", post: true, status: 303, to: "self"},
	{name: "307 POST to the same origin", post: true, status: 307, to: "self", followed: true, method: "POST", secrets: true, body: true},
	{name: "308 POST to the same origin", post: true, status: 308, to: "self", followed: true, method: "POST", secrets: true, body: true},
	{name: "302 GET to another port", status: 302, to: "port", followed: true, method: "GET"},
	{name: "301 GET to another host", status: 301, to: "host", followed: true, method: "GET"},
	{name: "307 GET to another port", status: 307, to: "port"},
	{name: "302 GET to the same origin", status: 302, to: "self", followed: true, method: "GET", secrets: true},
}

// redirectOrigins starts A and B; A redirects every request outside
// /moved/ with status to the target named by to.
func redirectOrigins(t *testing.T, status int, to string) (a string, selfRec, otherRec *redirectRecorder) {
	t.Helper()
	selfRec, otherRec = newRedirectRecorder(), newRedirectRecorder()
	b := httptest.NewServer(otherRec)
	t.Cleanup(b.Close)
	var aURL string
	as := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/moved/") {
			selfRec.ServeHTTP(w, r)
			return
		}
		io.Copy(io.Discard, r.Body)
		target := map[string]string{
			"self": aURL,
			"port": b.URL,
			"host": strings.Replace(b.URL, "127.0.0.1", "localhost", 1),
		}[to]
		http.Redirect(w, r, target+"/moved"+r.URL.Path, status)
	}))
	t.Cleanup(as.Close)
	aURL = as.URL
	return as.URL, selfRec, otherRec
}

func redirectClient(t *testing.T, base string, opts ...ClientOption) *Client {
	t.Helper()
	editor := func(ctx context.Context, req *http.Request) error {
		for h, v := range redirectSecrets {
			req.Header.Set(h, v)
		}
		return nil
	}
	c, err := NewClient(base, append([]ClientOption{WithRequestEditor(editor)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (rc redirectCase) call(c *Client) error {
	ctx := context.Background()
	if rc.post {
		code := "APT-001"
		_, err := c.PostMessages(ctx, &SendPatientMessageCommand{TemplateCode: &code, Priority: UrgencyLevelRoutine})
		return err
	}
	_, err := c.GetSystemClock(ctx)
	return err
}

func TestClientRedirects(t *testing.T) {
	for _, rc := range redirectCases {
		t.Run(rc.name, func(t *testing.T) {
			a, selfRec, otherRec := redirectOrigins(t, rc.status, rc.to)
			err := rc.call(redirectClient(t, a))
			target := otherRec
			if rc.to == "self" {
				target = selfRec
			}
			got := target.take()
			t.Logf("ATTACK | client: %s | err=%v; target got %+v", rc.name, err, got)
			checkRedirect(t, rc, err, got)
		})
	}
}

func checkRedirect(t *testing.T, rc redirectCase, err error, got []seen) {
	t.Helper()
	if !rc.followed {
		if err == nil {
			t.Errorf("err = nil: the call returned the redirect target's answer")
		}
		if len(got) > 0 {
			t.Errorf("the redirect was followed: the target got %+v", got)
		}
		return
	}
	if err != nil {
		t.Fatalf("err = %v, want the redirect followed", err)
	}
	if len(got) != 1 {
		t.Fatalf("the target got %d requests, want 1", len(got))
	}
	g := got[0]
	if g.method != rc.method {
		t.Errorf("the target got %s, want %s", g.method, rc.method)
	}
	if rc.secrets != (len(g.secrets) == len(redirectSecrets)) || !rc.secrets && len(g.secrets) > 0 {
		t.Errorf("the target got the editors' headers %v; want all: %v", g.secrets, rc.secrets)
	}
	if rc.body != (g.body > 0) {
		t.Errorf("the target got a %d-byte body; want one: %v", g.body, rc.body)
	}
}

var _ = errors.As
