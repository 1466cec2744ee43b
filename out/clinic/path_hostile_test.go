package clinic

// Encoded path values (issue 10, item 6) through NewHandler to a service
// method that takes a string route value (PUT api/v1/messages/templates/
// {templateCode}). Web API decodes the path before it routes: %2F and %5C
// become separators (and .. segments go), so such a value matches no route
// and gets 404; the generated server answers 404 too, and never hands the
// service a value with a '/' or '\'. A NUL or other control character, or
// bytes that are not UTF-8, get 400 naming the parameter: HTTP.sys (the
// listener under every Windows Web API host, IIS or self-host) refuses
// URLs with control characters by default, and Go strings that are not
// UTF-8 would reach the service as bytes no .NET string can hold (mono's
// listener lets NUL through and turns bad bytes into U+FFFD: both are
// logged from the oracle when mono is there). Hand-written (not generated).

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/helpgen/helpgen/internal/hostiletest"
	"github.com/helpgen/helpgen/internal/oracletest"
)

// pathRecorder records the templateCode values the service is handed.
type pathRecorder struct {
	UnimplementedService
	mu  sync.Mutex
	got []string
}

func (p *pathRecorder) PutMessagesTemplatesByTemplateCode(ctx context.Context, templateCode string, params *PutMessagesTemplatesByTemplateCodeParams, body *MessageTemplate) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.got = append(p.got, templateCode)
	return nil
}

func (p *pathRecorder) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	got := p.got
	p.got = nil
	return got
}

// pathCases are the path values sent, what the generated server does with
// them, and what the mono Web API oracle does.
var pathCases = []struct {
	raw    string // the escaped path segment as sent
	status int
	value  string // what the service gets (status 204)
	param  string // the 400 names it
	mono   int    // the oracle's status
	monoV  string // the value the oracle binds (status 200)
}{
	{raw: "abc", status: 204, value: "abc", mono: 200, monoV: "abc"},
	{raw: "a%20b", status: 204, value: "a b", mono: 200, monoV: "a b"},
	{raw: "a%3Ab", status: 204, value: "a:b", mono: 200, monoV: "a:b"},
	{raw: "%C3%A9t%C3%A9", status: 204, value: "été", mono: 200, monoV: "été"},
	// mono's listener decodes + in a path as a space, as only a query does;
	// RFC 3986 and HTTP.sys keep it a plus.
	{raw: "a+b", status: 204, value: "a+b", mono: 200, monoV: "a b"},
	{raw: "..%2F..%2Fetc%2Fpasswd", status: 404, mono: 404},
	{raw: "a%2Fb", status: 404, mono: 404},
	{raw: "a%2fb", status: 404, mono: 404},
	{raw: "a%5Cb", status: 404, mono: 404},
	{raw: "a%00b", status: 400, param: "templateCode", mono: 200, monoV: "a\x00b"},
	{raw: "a%1Fb", status: 400, param: "templateCode", mono: 200, monoV: "a\x1fb"},
	{raw: "a%7Fb", status: 400, param: "templateCode", mono: 200, monoV: "a\x7fb"},
	{raw: "a%FFb", status: 400, param: "templateCode", mono: 200, monoV: "a\ufffdb"},
	{raw: "a%C3b", status: 400, param: "templateCode", mono: 200, monoV: "a\ufffdb"},
	{raw: "a%ED%A0%80b", status: 400, param: "templateCode", mono: 200, monoV: "a\ufffd\ufffdb"}, // an encoded UTF-16 surrogate
}

func TestPathValues(t *testing.T) {
	rec := &pathRecorder{}
	srv := httptest.NewServer(NewHandler(rec, WithValidation(false)))
	defer srv.Close()
	for _, c := range pathCases {
		t.Run(c.raw, func(t *testing.T) {
			path := "/api/v1/messages/templates/" + c.raw
			var status int
			var body string
			d, heap := hostiletest.Measure(func() { status, body = pathSend(t, srv.URL+path) })
			got := rec.take()
			result := strconv.Itoa(status)
			if len(got) > 0 {
				result += " service got " + strconv.QuoteToASCII(got[0])
			}
			hostiletest.Log(t, "path value "+c.raw, result, d, heap)
			if status != c.status {
				t.Fatalf("status %d, want %d; body %s", status, c.status, body)
			}
			switch {
			case c.status == 204:
				if len(got) != 1 || got[0] != c.value {
					t.Errorf("service got %q, want %q", got, c.value)
				}
			case len(got) != 0:
				t.Errorf("service was called with %q", got)
			}
			if c.param != "" && !strings.Contains(body, `"`+c.param+`"`) {
				t.Errorf("400 does not name %s: %s", c.param, body)
			}
		})
	}
}

// TestPathValuesInterop records what Web API does with the same paths
// (mono's System.Web.Http self-host): 404 for %2F and %5C, NUL and bad
// bytes bound (see the file comment for why helpgen refuses them).
func TestPathValuesInterop(t *testing.T) {
	oracle := oracletest.SharedClinic.Get(t)
	for _, c := range pathCases {
		t.Run(c.raw, func(t *testing.T) {
			st, h, _, err := oracle.Do("PUT", "/api/v1/messages/templates/"+c.raw, "application/json", "application/json", []byte(`{"Code":"c"}`))
			if err != nil {
				t.Fatal(err)
			}
			v, _ := url.PathUnescape(h.Get("X-Echo-templateCode"))
			t.Logf("Web API (mono): %d %s", st, strconv.QuoteToASCII(v))
			if st != c.mono {
				t.Fatalf("Web API answered %d, want %d", st, c.mono)
			}
			if st == 200 && v != c.monoV {
				t.Errorf("Web API bound %s, want %s", strconv.QuoteToASCII(v), strconv.QuoteToASCII(c.monoV))
			}
		})
	}
}

func pathSend(t *testing.T, u string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("PUT", u, strings.NewReader(`{"Code":"c"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	n, _ := resp.Body.Read(buf)
	b.Write(buf[:n])
	return resp.StatusCode, b.String()
}
