package rt

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// routeSet builds a router whose handlers answer "<route>|<param>=<value>,…".
func routeSet(routes ...string) *rtRouter {
	rt := &rtRouter{}
	for _, r := range routes {
		method, tmpl, _ := strings.Cut(r, " ")
		rt.handle(method, tmpl, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			out := r
			segs, _ := rtParseTemplate(tmpl)
			for _, s := range segs {
				for _, p := range s.parts {
					if p.param != "" {
						v, _ := rtRouteValue(req, p.param)
						out += "|" + p.param + "=" + v
					}
				}
			}
			io.WriteString(w, out)
		}))
	}
	return rt
}

func serve(h http.Handler, method, target string) (int, string, http.Header) {
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String(), rec.Header()
}

// The route pair of the Healthbridge MPS API that ServeMux refuses
// ("conflicts"): Web API serves both, a literal segment before a parameter.
func TestRouterServeMuxConflicts(t *testing.T) {
	rt := routeSet(
		"POST api/v1/xref/{practiceId}/patient/create",
		"POST api/v1/{practiceId}/healthid/patient/{patientId}",
	)
	for _, c := range []struct{ path, want string }{
		{"/api/v1/xref/42/patient/create", "POST api/v1/xref/{practiceId}/patient/create|practiceid=42"},
		{"/api/v1/42/healthid/patient/7", "POST api/v1/{practiceId}/healthid/patient/{patientId}|practiceid=42|patientid=7"},
		// Both match: the literal "xref" wins over the parameter.
		{"/api/v1/xref/healthid/patient/create", "POST api/v1/xref/{practiceId}/patient/create|practiceid=healthid"},
		{"/API/V1/XREF/42/Patient/Create/", "POST api/v1/xref/{practiceId}/patient/create|practiceid=42"},
	} {
		code, body, _ := serve(rt, "POST", c.path)
		if code != 200 || body != c.want {
			t.Errorf("%s: %d %q, want %q", c.path, code, body, c.want)
		}
	}
	// ServeMux would panic registering these.
	defer func() {
		if recover() == nil {
			t.Log("ServeMux took the pair (a newer Go?)")
		}
	}()
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/xref/{p0}/patient/create", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("POST /api/v1/{p0}/healthid/patient/{p1}", func(http.ResponseWriter, *http.Request) {})
}

func TestRouterPrecedence(t *testing.T) {
	rt := routeSet(
		"GET api/items/{id}",
		"GET api/items/new",
		"GET api/{kind}/{id}",
		"GET api/items/Car({id})",
		"GET files/{*path}",
		"GET api/items/{id}/{*rest}",
	)
	for _, c := range []struct{ path, want string }{
		{"/api/items/new", "GET api/items/new"},
		{"/api/items/5", "GET api/items/{id}|id=5"},
		{"/api/things/5", "GET api/{kind}/{id}|kind=things|id=5"},
		{"/api/items/car(7)", "GET api/items/Car({id})|id=7"},
		{"/api/items/Car(a%2Fb)", "GET api/items/Car({id})|id=a/b"},
		{"/files/a/b/c.txt", "GET files/{*path}|path=a/b/c.txt"},
		{"/api/items/5/x/y", "GET api/items/{id}/{*rest}|id=5|rest=x/y"},
		// An escaped slash stays inside its segment here, at the router;
		// the served handler's rtCheckPath then answers 404, as Web API
		// (which decodes it into a separator before routing) does.
		{"/api/items/a%2Fb", "GET api/items/{id}|id=a/b"},
		{"/api/items/a%20b%3F", "GET api/items/{id}|id=a b?"},
	} {
		code, body, _ := serve(rt, "GET", c.path)
		if code != 200 || body != c.want {
			t.Errorf("%s: %d %q, want %q", c.path, code, body, c.want)
		}
	}
	// HEAD takes GET routes, as ServeMux's did.
	if code, _, _ := serve(rt, "HEAD", "/api/items/new"); code != 200 {
		t.Errorf("HEAD: %d", code)
	}
}

func TestRouterNoRoute(t *testing.T) {
	rt := routeSet("GET api/x/{id}", "DELETE api/x/{id}", "POST api/y")
	if code, body, _ := serve(rt, "GET", "/api/z"); code != 404 || body != "" {
		t.Errorf("unknown path: %d %q", code, body)
	}
	if code, _, _ := serve(rt, "GET", "/api//x"); code != 404 {
		t.Errorf("empty segment: %d", code)
	}
	if code, _, _ := serve(rt, "GET", "/api/x/1/2"); code != 404 {
		t.Errorf("extra segment: %d", code)
	}
	code, body, h := serve(rt, "PUT", "/api/x/1")
	if code != 405 || h.Get("Allow") != "DELETE, GET, HEAD" || body != `"The requested resource does not support http method 'PUT'."` {
		t.Errorf("405: %d %q Allow %q", code, body, h.Get("Allow"))
	}
}

// A route set the router cannot read is still served: unreadable templates
// never match, and nothing panics.
func TestRouterOddTemplates(t *testing.T) {
	rt := routeSet("GET api/{a}{b}", "GET api/{", "GET api//x", "GET a/{*x}/b", "GET {}", "GET api/ok", "GET ")
	if code, body, _ := serve(rt, "GET", "/api/ok"); code != 200 || body != "GET api/ok" {
		t.Errorf("%d %q", code, body)
	}
	if code, _, _ := serve(rt, "GET", "/api/ab"); code != 404 {
		t.Errorf("%d", code)
	}
	if code, _, _ := serve(rt, "GET", "/"); code != 200 {
		t.Errorf("root route: %d", code)
	}
}

func FuzzRouter(f *testing.F) {
	f.Add("api/v1/xref/{a}/patient/create", "api/v1/{a}/healthid/patient/{b}", "/api/v1/xref/x/patient/create")
	f.Add("Car({id})", "{*rest}", "/Car(1)")
	f.Fuzz(func(t *testing.T, t1, t2, path string) {
		rt := routeSet("GET "+t1, "GET "+t2)
		req, err := http.NewRequest("GET", "http://h/", nil)
		if err != nil {
			return
		}
		req.URL.Path, req.URL.RawPath = path, ""
		rt.ServeHTTP(httptest.NewRecorder(), req)
	})
}
