package seed

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/helpgen/helpgen/internal/oracletest"
)

// TestInteropNoRoute asks the real Web API server and the generated one the
// same requests that no route takes (an unknown path; a known path with
// another method) and wants the same status, media type and body.
func TestInteropNoRoute(t *testing.T) {
	s := oracletest.SharedSeed.Get(t)
	ours := httptest.NewServer(NewHandler(SampleService{}))
	defer ours.Close()
	id := "ec81b795-2a9b-4588-b663-3e7e0a1a7df4"
	route := "/api/v2/" + id + "/clinical/encounters/" + id + "/followup/send"
	// (Mono's listener never answers a PUT or POST without a body, so the
	// method cases are the bodiless ones.)
	for _, c := range []struct{ method, path, accept string }{
		{"GET", route, ""},
		{"GET", route, "application/json"},
		{"GET", route, "application/xml"},
		{"DELETE", route, "application/json, application/xml;q=0.5"},
		{"GET", strings.ToUpper(route) + "/", "application/xml"},
		{"GET", "/api/v2/nothing", "application/json"},
		{"GET", "/api/v2/nothing", "application/xml"},
		{"GET", "/", ""},
	} {
		name := c.method + " " + c.path + " Accept: " + c.accept
		wantStatus, wantHeader, wantBody, err := s.Do(c.method, c.path, "", c.accept, nil)
		if err != nil {
			t.Fatalf("%s: oracle: %v", name, err)
		}
		req, err := http.NewRequest(c.method, ours.URL+c.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.accept != "" {
			req.Header.Set("Accept", c.accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		mediaType := func(h http.Header) string {
			mt, _, _ := strings.Cut(h.Get("Content-Type"), ";")
			return strings.TrimSpace(mt)
		}
		if resp.StatusCode != wantStatus || mediaType(resp.Header) != mediaType(wantHeader) || string(body) != string(wantBody) {
			t.Errorf("%s:\n ours: %d %q %s\n .NET: %d %q %s", name, resp.StatusCode, mediaType(resp.Header), body, wantStatus, mediaType(wantHeader), wantBody)
		}
	}
}
