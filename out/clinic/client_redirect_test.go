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
		_, err := c.PostMessages(ctx, nil, &SendPatientMessageCommand{TemplateCode: &code, Priority: UrgencyLevelRoutine})
		return err
	}
	_, err := c.GetSystemClock(ctx, nil)
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
		var re *RedirectError
		if !errors.As(err, &re) || re.StatusCode != rc.status {
			t.Errorf("err = %v, want a *RedirectError for the %d", err, rc.status)
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

// TestClientRedirectAsGet: WithRedirectAsGet follows a 301/302/303 to a
// POST as browsers do, with a GET and no body; to another origin without
// the editors' headers.
func TestClientRedirectAsGet(t *testing.T) {
	for _, rc := range []redirectCase{
		{name: "303 POST to the same origin", post: true, status: 303, to: "self", followed: true, method: "GET", secrets: true},
		{name: "302 POST to another port", post: true, status: 302, to: "port", followed: true, method: "GET"},
		{name: "301 POST to another host", post: true, status: 301, to: "host", followed: true, method: "GET"},
		{name: "307 POST to another port", post: true, status: 307, to: "port"},
	} {
		t.Run(rc.name, func(t *testing.T) {
			a, selfRec, otherRec := redirectOrigins(t, rc.status, rc.to)
			err := rc.call(redirectClient(t, a, WithRedirectAsGet()))
			target := otherRec
			if rc.to == "self" {
				target = selfRec
			}
			got := target.take()
			if rc.followed && err != nil {
				// The sample service answers 405 to a GET of a POST route.
				var ae *APIError
				if errors.As(err, &ae) && ae.StatusCode == http.StatusMethodNotAllowed {
					err = nil
				}
			}
			checkRedirect(t, rc, err, got)
		})
	}
}

// TestClientRedirectHTTPSToHTTP: https never goes to http.
func TestClientRedirectHTTPSToHTTP(t *testing.T) {
	plain := newRedirectRecorder()
	b := httptest.NewServer(plain)
	defer b.Close()
	a := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, b.URL+"/moved"+r.URL.Path, http.StatusFound)
	}))
	defer a.Close()
	c := redirectClient(t, a.URL, WithHTTPClient(a.Client()))
	err := redirectCase{}.call(c)
	var re *RedirectError
	if !errors.As(err, &re) || !strings.Contains(re.Reason, "https") {
		t.Errorf("err = %v, want a *RedirectError about leaving https", err)
	}
	if got := plain.take(); len(got) > 0 {
		t.Errorf("the http server got %+v", got)
	}
}

// TestClientRedirectOwnPolicy: the given client's CheckRedirect still runs
// (after the client's), and the given client is not changed.
func TestClientRedirectOwnPolicy(t *testing.T) {
	a, selfRec, _ := redirectOrigins(t, http.StatusFound, "self")
	var calls int
	own := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		calls++
		return http.ErrUseLastResponse
	}}
	err := redirectCase{}.call(redirectClient(t, a, WithHTTPClient(own)))
	var ae *APIError
	if calls != 1 || !errors.As(err, &ae) || ae.StatusCode != http.StatusFound {
		t.Errorf("own CheckRedirect ran %d times, err = %v; want once, and the 302 as an *APIError", calls, err)
	}
	if got := selfRec.take(); len(got) > 0 {
		t.Errorf("the redirect was followed: %+v", got)
	}
	if own.CheckRedirect == nil || own.Transport != nil {
		t.Error("the given *http.Client was changed")
	}
}

// redirectDoer follows redirects its own way: not an *http.Client.
type redirectDoer struct{ c *http.Client }

func (d redirectDoer) Do(req *http.Request) (*http.Response, error) { return d.c.Do(req) }

// TestClientRedirectOtherDoer: a Doer that is not an *http.Client follows
// its own policy (the leak is its own), but an answer from another origin
// is an error, not the call's answer.
func TestClientRedirectOtherDoer(t *testing.T) {
	a, _, otherRec := redirectOrigins(t, http.StatusFound, "port")
	err := redirectCase{}.call(redirectClient(t, a, WithHTTPClient(redirectDoer{&http.Client{}})))
	var re *RedirectError
	if !errors.As(err, &re) {
		t.Errorf("err = %v, want a *RedirectError", err)
	}
	if got := otherRec.take(); len(got) != 1 {
		t.Errorf("the other origin got %d requests, want 1 (the Doer followed)", len(got))
	}
}

// TestClientPathValues: a path value Web API would not route as sent
// ('/', '\', "." or "..") is refused before sending.
func TestClientPathValues(t *testing.T) {
	rec := newRedirectRecorder()
	srv := httptest.NewServer(http.StripPrefix("", rec))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"../../admin", "a/b", `a\b`, ".", ".."} {
		err := c.PutMessagesTemplatesByTemplateCode(context.Background(), v, nil, &MessageTemplate{})
		if err == nil || !strings.Contains(err.Error(), "cannot be sent") {
			t.Errorf("%q: err = %v, want a refusal", v, err)
		}
	}
	if got := rec.take(); len(got) > 0 {
		t.Errorf("the server got %+v", got)
	}
	for _, v := range []string{"a b", "a%2Fb", "...", "a.b"} {
		if err := c.PutMessagesTemplatesByTemplateCode(context.Background(), v, nil, &MessageTemplate{}); err != nil {
			var ae *APIError
			if !errors.As(err, &ae) { // the sample service may answer 4xx; sending is what counts
				t.Errorf("%q: %v", v, err)
			}
		}
	}
	if got := rec.take(); len(got) != 4 {
		t.Errorf("the server got %d requests, want 4", len(got))
	}
}
