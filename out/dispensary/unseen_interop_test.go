package dispensary

// Interop for issue 11, classes 1–8: facts the dispensary's Help Pages do not
// show, tried against the real ASP.NET Web API echo server
// (oracle/dispensary) with values the samples never carry. Only the package's
// public surface is used (types with their encoding/json and encoding/xml
// methods, Client, NewHandler, SampleService), with reflection where a
// parameter's Go type is itself what is being tested.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/oracletest"
)

func TestMain(m *testing.M) { oracletest.Main(m) }

// recorder keeps the last request body and the last response (headers and
// body) a client sent and got.
type recorder struct {
	rt      http.RoundTripper
	mu      sync.Mutex
	reqBody []byte
	reqCT   string
	query   string
	h       http.Header
	body    []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var sent []byte
	if req.Body != nil {
		sent, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(sent))
	}
	resp, err := r.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	r.mu.Lock()
	r.reqBody, r.reqCT, r.query = sent, req.Header.Get("Content-Type"), req.URL.RawQuery
	r.h, r.body = resp.Header.Clone(), b
	r.mu.Unlock()
	return resp, nil
}

var formatNames = map[Format]string{FormatJSON: "JSON", FormatXML: "XML", FormatForm: "Form"}

// client is a Client of the oracle in format f whose answers come back as
// JSON (the echo is negotiated by Accept; JSON keeps what XML cannot).
func client(t *testing.T, s *oracletest.Server, f Format, acceptJSON bool) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{rt: s.Client.Transport}
	if rec.rt == nil {
		rec.rt = http.DefaultTransport
	}
	opts := []ClientOption{WithFormat(f), WithHTTPClient(&http.Client{Transport: rec, Timeout: 30 * time.Second})}
	if acceptJSON {
		opts = append(opts, WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Accept", "application/json")
			return nil
		}))
	}
	c, err := NewClient(s.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

// echo posts body as typ to the oracle's /_oracle/echo and returns the answer.
func echo(t *testing.T, s *oracletest.Server, typ, ct, accept, body string) []byte {
	t.Helper()
	st, _, b, err := s.Do("POST", "/_oracle/echo?type="+url.QueryEscape(typ), ct, accept, []byte(body))
	if err != nil || st != 200 {
		t.Fatalf("echo %s: %d %v\n%s", typ, st, err, b)
	}
	return b
}

// call invokes a client method by name with positional args (path
// parameters, then the query parameters as a map for the params struct,
// then the body), converting each to the parameter's Go type; it fails t
// when a value cannot be represented.
func call(t *testing.T, c *Client, method string, args ...any) []reflect.Value {
	t.Helper()
	m := reflect.ValueOf(c).MethodByName(method)
	if !m.IsValid() {
		t.Fatalf("no method %s", method)
	}
	in := []reflect.Value{reflect.ValueOf(context.Background())}
	for i, a := range args {
		pt := m.Type().In(i + 1)
		what := fmt.Sprintf("%s parameter %d", method, i+1)
		if q, ok := a.(map[string]any); ok {
			// The params struct of the query parameters.
			ps := reflect.New(pt.Elem())
			for name, v := range q {
				f := ps.Elem().FieldByName(name)
				if !f.IsValid() {
					t.Fatalf("%s: no query parameter %s", what, name)
				}
				f.Set(convert(t, v, f.Type(), what+" "+name))
			}
			in = append(in, ps)
			continue
		}
		in = append(in, convert(t, a, pt, what))
	}
	return m.Call(in)
}

// convert turns a into a value of type pt: nil is the zero value (an unset
// optional parameter), an int64 must fit pt's integer type (or its element's).
func convert(t *testing.T, a any, pt reflect.Type, what string) reflect.Value {
	t.Helper()
	if a == nil {
		return reflect.Zero(pt)
	}
	et := pt
	if pt.Kind() == reflect.Pointer {
		et = pt.Elem()
	}
	v := reflect.New(et).Elem()
	switch x := a.(type) {
	case int64:
		if v.Kind() < reflect.Int || v.Kind() > reflect.Int64 || v.OverflowInt(x) {
			t.Fatalf("%s is %s: it cannot hold %d", what, pt, x)
		}
		v.SetInt(x)
	case string:
		v.SetString(x)
	default:
		v.Set(reflect.ValueOf(a))
	}
	if pt.Kind() == reflect.Pointer {
		return v.Addr()
	}
	return v
}

// errOf is the error a client call returned (its last result).
func errOf(out []reflect.Value) error {
	e, _ := out[len(out)-1].Interface().(error)
	return e
}

// setInt sets v's integer field name, failing when the Go type cannot hold x.
func setInt(t *testing.T, v any, name string, x int64) {
	t.Helper()
	f := reflect.ValueOf(v).Elem().FieldByName(name)
	if f.Kind() == reflect.Pointer {
		f.Set(reflect.New(f.Type().Elem()))
		f = f.Elem()
	}
	if f.Kind() < reflect.Int || f.Kind() > reflect.Int64 || f.OverflowInt(x) {
		t.Fatalf("%T.%s is %s: it cannot hold %d", v, name, f.Type(), x)
	}
	f.SetInt(x)
}

func intField(v any, name string) string {
	return fmt.Sprint(reflect.Indirect(reflect.Indirect(reflect.ValueOf(v)).FieldByName(name)).Interface())
}

// decodeBoth decodes an answer with the type's encoding/json or
// encoding/xml methods, by the media type the server chose.
func decodeBoth(data []byte, xmlBody bool, v any) error {
	if xmlBody {
		return xml.Unmarshal(data, v)
	}
	return json.Unmarshal(data, v)
}

// Class 1: the pages say "integer" for Int16, Int32 and Int64 alike. A value
// above 2^31 — stock counted in tablets, a 64-bit batch serial — must travel
// both ways, in the body and in the route.
func TestUnseenInt64(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	t.Run("from .NET", func(t *testing.T) {
		for _, accept := range []string{"application/json", "application/xml"} {
			b := echo(t, s, "StockLevel", "application/json", accept, `{"ProductCode":"AMOX-500","OnHand":5000000000,"Reserved":-7}`)
			var v StockLevel
			if err := decodeBoth(b, accept == "application/xml", &v); err != nil {
				t.Errorf("%s: %v\n%s", accept, err, b)
				continue
			}
			if got := intField(&v, "OnHand"); got != "5000000000" {
				t.Errorf("%s: OnHand %s", accept, got)
			}
			b = echo(t, s, "DispenseCommand", "application/json", accept, `{"BatchNumber":-9223372036854775808}`)
			var d DispenseCommand
			if err := decodeBoth(b, accept == "application/xml", &d); err != nil || intField(&d, "BatchNumber") != "-9223372036854775808" {
				t.Errorf("%s: BatchNumber %s, %v\n%s", accept, intField(&d, "BatchNumber"), err, b)
			}
		}
	})
	t.Run("to .NET", func(t *testing.T) {
		for _, f := range []Format{FormatJSON, FormatXML, FormatForm} {
			c, rec := client(t, s, f, true)
			v := &StockLevel{ProductCode: Ptr("AMOX-500")}
			setInt(t, v, "OnHand", 5000000000)
			got, err := c.PutStockByProductCode(context.Background(), "AMOX-500", nil, v)
			if err != nil {
				t.Errorf("%s: %v\nsent %s", formatNames[f], err, rec.reqBody)
				continue
			}
			if intField(got, "OnHand") != "5000000000" {
				t.Errorf("%s: .NET read OnHand %s\nsent %s", formatNames[f], intField(got, "OnHand"), rec.reqBody)
			}
		}
	})
	t.Run("route value to .NET", func(t *testing.T) {
		c, rec := client(t, s, FormatJSON, false)
		if err := errOf(call(t, c, "GetStockBatchesByBatchNumber", int64(5000000000), nil)); err != nil {
			t.Fatal(err)
		}
		if got := rec.h.Get("X-Echo-batchNumber"); got != "5000000000" {
			t.Errorf(".NET bound batchNumber %q", got)
		}
	})
	t.Run("route value to the generated server", func(t *testing.T) {
		r := httptest.NewRequest("GET", "/api/v1/stock/batches/5000000000", nil)
		w := httptest.NewRecorder()
		NewHandler(SampleService{}).ServeHTTP(w, r)
		if w.Code != 200 {
			t.Errorf("%d %s (.NET answers 200)", w.Code, w.Body)
		}
	})
}

// Class 2: Nullable<T> reads as T on the pages. What .NET sends as null must
// decode; what .NET cannot hold null for must not be sent as null.
func TestUnseenNullable(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	t.Run("null from .NET", func(t *testing.T) {
		for _, accept := range []string{"application/json", "application/xml"} {
			// A default-constructed StockLevel: LastDispensedOn, SessionId and
			// ReorderCost are null.
			b := echo(t, s, "StockLevel", "application/json", accept, `{}`)
			var v StockLevel
			if err := decodeBoth(b, accept == "application/xml", &v); err != nil {
				t.Errorf("%s: %v\n%s", accept, err, b)
			}
			// Set, they come through.
			b = echo(t, s, "StockLevel", "application/json", accept,
				`{"LastDispensedOn":"2025-12-07T10:00:00Z","SessionId":"5f0c3f4e-3d7a-4d8e-9a4b-0c1d2e3f4a5b","ReorderCost":12.50}`)
			v = StockLevel{}
			if err := decodeBoth(b, accept == "application/xml", &v); err != nil {
				t.Errorf("%s: %v\n%s", accept, err, b)
				continue
			}
			if got := fmt.Sprint(reflect.Indirect(reflect.ValueOf(v.SessionId))); got != "5f0c3f4e-3d7a-4d8e-9a4b-0c1d2e3f4a5b" {
				t.Errorf("%s: SessionId %s", accept, got)
			}
		}
	})
	t.Run("no null .NET cannot hold", func(t *testing.T) {
		// PrescriptionSummary's Guid, DateTime and bool are plain values in
		// .NET (the pages' counter restarts at its public fields).
		for _, f := range []Format{FormatJSON, FormatXML, FormatForm} {
			c, rec := client(t, s, f, true)
			got, err := c.PutPrescriptionsByPrescriptionId(context.Background(), uuid.New(), nil, &PrescriptionSummary{})
			if err != nil {
				t.Errorf("%s: %v\nsent %s", formatNames[f], err, rec.reqBody)
				continue
			}
			if n := rec.h.Get("X-Echo-ModelState"); n != "" {
				t.Errorf("%s: .NET could not read it: %s\nsent %s", formatNames[f], rec.h.Get("X-Echo-ModelState-Errors"), rec.reqBody)
			}
			if got == nil {
				t.Errorf("%s: no answer", formatNames[f])
			}
		}
	})
}

// Class 3: FormularyCategory refers to itself, so no page shows it in XML;
// its namespace is that of every other contract of its CLR namespace.
func TestUnseenXMLNamespaceWithoutSample(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	c, rec := client(t, s, FormatXML, false)
	got, err := c.GetFormularyCategoriesByCode(context.Background(), "ANTI", nil)
	if err != nil || got == nil {
		t.Fatalf("%v %v\n%s", got, err, rec.body)
	}
	sent := &FormularyCategory{Code: Ptr("ANTI"), Name: Ptr("Anti-infectives"), Parent: &FormularyCategory{Code: Ptr("ALL")}}
	back, err := c.PutFormularyCategoriesByCode(context.Background(), "ANTI", nil, sent)
	if err != nil {
		t.Fatalf("%v\nsent %s\ngot %s", err, rec.reqBody, rec.body)
	}
	if rec.h.Get("X-Echo-Mode") != "body" || back == nil || back.Parent == nil || *back.Parent.Code != "ALL" {
		t.Errorf(".NET did not read the body (%s): %s\nsent %s", rec.h.Get("X-Echo-Mode"), rec.body, rec.reqBody)
	}
}

// Class 4: an optional string query parameter that is not set is not sent
// (.NET binds null), not sent empty.
func TestUnseenOptionalStringQuery(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	c, rec := client(t, s, FormatJSON, false)
	if err := errOf(call(t, c, "GetPrescriptions", map[string]any{})); err != nil {
		t.Fatalf("%v\nquery %q", err, rec.query)
	}
	if !strings.Contains(","+rec.h.Get("X-Echo-Nulls")+",", ",patientName,") || strings.Contains(rec.query, "patientName") {
		t.Errorf("query %q: .NET bound patientName %q (nulls %q)", rec.query, rec.h.Get("X-Echo-patientName"), rec.h.Get("X-Echo-Nulls"))
	}
	if err := errOf(call(t, c, "GetPrescriptions", map[string]any{"PatientName": "Mokoena"})); err != nil {
		t.Fatal(err)
	}
	if got := rec.h.Get("X-Echo-patientName"); got != "Mokoena" {
		t.Errorf(".NET bound patientName %q", got)
	}
}

// Class 5: carriage returns in XML text. .NET reads a raw CR as LF (XML
// end-of-line handling); the writer must write &#xD;, as DCS does.
func TestUnseenCarriageReturnXML(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	notes := "line1\r\nline2\rline3\ttab"
	c, rec := client(t, s, FormatXML, true)
	got, err := c.PostDispenses(context.Background(), nil, &DispenseCommand{Tenant: Ptr("KST"), Notes: Ptr(notes)})
	if err != nil {
		t.Fatalf("%v\nsent %s", err, rec.reqBody)
	}
	if got.Notes == nil || *got.Notes != notes {
		t.Errorf(".NET read %q, sent %q\nsent %s", deref(got.Notes), notes, rec.reqBody)
	}
	// The generated server reads what .NET's DCS writes (&#xD;) as CR.
	var read *DispenseCommand
	h := NewHandler(captureService{got: &read}, WithValidation(false))
	body := `<DispenseCommand xmlns="http://contracts.kestrel-dispensary.example/dispensing"><notes>a&#xD;` + "\n" + `b</notes></DispenseCommand>`
	r := httptest.NewRequest("POST", "/api/v1/dispenses", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/xml")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 || read == nil {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if deref(read.Notes) != "a\r\nb" {
		t.Errorf("read %q", deref(read.Notes))
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

type captureService struct {
	UnimplementedService
	got **DispenseCommand
}

func (c captureService) PostDispenses(_ context.Context, _ *PostDispensesParams, body *DispenseCommand) (*DispenseCommand, error) {
	*c.got = body
	return body, nil
}

// Class 6: forms carry members by their CLR property names
// (helpgen.json's wire.clrNames gives the two DispenseCommand renames), and
// a form with no body still reaches the server as a form.
func TestUnseenFormRenamedMembers(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	c, rec := client(t, s, FormatForm, true)
	got, err := c.PostDispenses(context.Background(), nil, &DispenseCommand{Tenant: Ptr("KST"), Notes: Ptr("take with food")})
	if err != nil {
		t.Fatalf("%v\nsent %s", err, rec.reqBody)
	}
	if deref(got.Tenant) != "KST" || deref(got.Notes) != "take with food" {
		t.Errorf(".NET read tenant %q notes %q\nsent %s", deref(got.Tenant), deref(got.Notes), rec.reqBody)
	}
	// No body: .NET answers (the body binds null: 400), it does not wait.
	done := make(chan error, 1)
	go func() {
		_, err := c.PostDispenses(context.Background(), nil, nil)
		done <- err
	}()
	select {
	case err := <-done:
		var ae *APIError
		if err != nil && !errors.As(err, &ae) {
			t.Errorf("nil body: %v", err)
		}
		if ct := rec.reqCT; !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
			t.Errorf("nil body sent with Content-Type %q", ct)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("nil form body: no answer in 20 s")
	}
}

// Class 7: content negotiation and ModelState keys as Web API has them.
func TestUnseenNegotiationAndModelState(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	h := NewHandler(SampleService{})
	t.Run("Accept text/html", func(t *testing.T) {
		st, hd, _, err := s.Do("GET", "/api/v1/stock/AMOX-500", "", "text/html", nil)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("GET", "/api/v1/stock/AMOX-500", nil)
		r.Header.Set("Accept", "text/html")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != st || mediaType(w.Header().Get("Content-Type")) != mediaType(hd.Get("Content-Type")) {
			t.Errorf("generated server: %d %s; .NET: %d %s", w.Code, w.Header().Get("Content-Type"), st, hd.Get("Content-Type"))
		}
	})
	t.Run("ModelState keys", func(t *testing.T) {
		body := `{"tenant":"KST","Lines":[{"ProductCode":"AMOX-500","Quantity":1},{"Quantity":1}]}`
		st, hd, b, err := s.Do("POST", "/api/v1/dispenses", "application/json", "application/json", []byte(body))
		if err != nil || st != 200 {
			t.Fatalf("%d %v %s", st, err, b)
		}
		want := "command.Lines[1].ProductCode"
		if errs, _ := url.QueryUnescape(hd.Get("X-Echo-ModelState-Errors")); !strings.HasPrefix(errs, want+":") {
			t.Fatalf(".NET's ModelState: %q", errs)
		}
		r := httptest.NewRequest("POST", "/api/v1/dispenses", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var e struct{ ModelState map[string][]string }
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || w.Code != 400 || len(e.ModelState[want]) == 0 {
			t.Errorf("generated server: %d %s, want the key %s", w.Code, w.Body, want)
		}
	})
}

func mediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.TrimSpace(mt)
}

// Class 8: PagedResult<T> has [DataContract(Name = "PageOf{0}{#}")]. The
// instance no page shows in XML (its argument refers to itself) takes the
// name the other instance shows.
func TestUnseenCustomGenericName(t *testing.T) {
	s := oracletest.SharedDispensary.Get(t)
	c, rec := client(t, s, FormatXML, false)
	out := call(t, c, "GetPrescriptions", nil)
	if err := errOf(out); err != nil || out[0].IsNil() {
		t.Errorf("PagedResult<PrescriptionSummary>: %v\n%s", err, rec.body)
	}
	out = call(t, c, "GetFormularyCategories", nil)
	if err := errOf(out); err != nil || out[0].IsNil() {
		t.Errorf("PagedResult<FormularyCategory>: %v\n%s", err, rec.body)
	}
}
