package clinic

// Interop for issue 11, classes 9–12: values the clinic's documented samples
// never carry, through the real ASP.NET Web API echo server. Only the
// package's public surface is used (types with their encoding/json and
// encoding/xml methods, Client, NewHandler, SampleService), with reflection
// where a field's Go type is itself what is being tested.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/oracletest"
)

func unseenEcho(t *testing.T, s *oracletest.Server, typ, ct, accept, body string) (int, []byte) {
	t.Helper()
	st, _, b, err := s.Do("POST", "/_oracle/echo?type="+url.QueryEscape(typ), ct, accept, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return st, b
}

func unseenDecode(data []byte, accept string, v any) error {
	if strings.HasSuffix(accept, "xml") {
		return xml.Unmarshal(data, v)
	}
	return json.Unmarshal(data, v)
}

// Class 9: members the pages show as plain values are null in a
// default-constructed .NET object (DateTimeOffset?, DateTime?), and long
// members carry values above 2^31.
func TestUnseenClinicNullsAndWidths(t *testing.T) {
	s := oracletest.SharedClinic.Get(t)
	for _, accept := range []string{"application/json", "application/xml"} {
		for _, c := range []struct {
			model string
			v     any
		}{{"MessageDeliveryReport", &MessageDeliveryReport{}}, {"TimeWindow", &TimeWindow{}}, {"BookAppointmentCommand", &BookAppointmentCommand{}}} {
			// TimeWindow's Recurrence is reached through the booking's Repeat.
			body := `{}`
			if c.model == "BookAppointmentCommand" {
				body = `{"PatientId":"00000000-0000-4000-8000-000000000001","ClinicianId":"00000000-0000-4000-8000-000000000002","Urgency":1,"Repeat":{}}`
			}
			st, b := unseenEcho(t, s, c.model, "application/json", accept, body)
			if st != 200 {
				t.Fatalf("%s: %d %s", c.model, st, b)
			}
			if err := unseenDecode(b, accept, c.v); err != nil {
				t.Errorf("%s %s: %v\n%s", c.model, accept, err, b)
			}
		}
		for _, c := range []struct {
			model, member, more string
			v                   any
		}{
			{"AppointmentDetail", "Version", `,"Urgency":1`, &AppointmentDetail{}},
			{"PagedListOfAppointmentSummary", "TotalCount", "", &PagedListOfAppointmentSummary{}},
			{"PatientPhotoUpload", "SizeBytes", "", &PatientPhotoUpload{}},
		} {
			st, b := unseenEcho(t, s, c.model, "application/json", accept, `{"`+c.member+`":2147483648`+c.more+`}`)
			if st != 200 {
				t.Fatalf("%s: %d %s", c.model, st, b)
			}
			if err := unseenDecode(b, accept, c.v); err != nil {
				t.Errorf("%s %s: %v", c.model, accept, err)
				continue
			}
			if got := fmt.Sprint(reflect.ValueOf(c.v).Elem().FieldByName(c.member).Interface()); got != "2147483648" {
				t.Errorf("%s.%s %s: %s", c.model, c.member, accept, got)
			}
		}
	}
}

// Class 10: TimeSpan.MinValue, as DataContractSerializer writes it, reads.
func TestUnseenClinicTimeSpanMinValue(t *testing.T) {
	s := oracletest.SharedClinic.Get(t)
	st, b := unseenEcho(t, s, "TimeWindow", "application/json", "application/xml", `{"Buffer":"-10675199.02:48:05.4775808"}`)
	if st != 200 || !strings.Contains(string(b), "<Buffer>-P10675199DT2H48M5.4775808S</Buffer>") {
		t.Fatalf("%d %s", st, b)
	}
	var v TimeWindow
	if err := xml.Unmarshal(b, &v); err != nil || v.Buffer != TimeSpan(math.MinInt64) {
		t.Errorf("%v %d\n%s", err, v.Buffer, b)
	}
	// What helpgen writes, it reads.
	out, err := xml.Marshal(&TimeWindow{Buffer: TimeSpan(math.MinInt64)})
	if err != nil {
		t.Fatal(err)
	}
	v = TimeWindow{}
	if err := xml.Unmarshal(out, &v); err != nil || v.Buffer != TimeSpan(math.MinInt64) {
		t.Errorf("%v %d\n%s", err, v.Buffer, out)
	}
}

// unseenRecorder keeps the last request body and answer body.
type unseenRecorder struct {
	rt      http.RoundTripper
	reqBody []byte
	body    []byte
}

func (r *unseenRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.reqBody = nil
	if req.Body != nil {
		r.reqBody, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(r.reqBody))
	}
	resp, err := r.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	r.body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(r.body))
	return resp, err
}

// captured is a client whose requests go to the oracle with Accept: JSON,
// keeping the last request and answer bodies.
func captured(t *testing.T, s *oracletest.Server, f Format) (*Client, *unseenRecorder, *atomic.Int32) {
	t.Helper()
	rec := &unseenRecorder{rt: s.Client.Transport}
	if rec.rt == nil {
		rec.rt = http.DefaultTransport
	}
	var calls atomic.Int32
	c, err := NewClient(s.URL, WithFormat(f), WithHTTPClient(&http.Client{Transport: rec}),
		WithRequestEditor(func(_ context.Context, r *http.Request) error {
			calls.Add(1)
			r.Header.Set("Accept", "application/json")
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec, &calls
}

// Class 11: a form says what Web API's model binder reads, or the client
// refuses to send it.
func TestUnseenClinicForms(t *testing.T) {
	s := oracletest.SharedClinic.Get(t)
	ctx := context.Background()
	clinic := uuid.MustParse("3f2c9a44-6a0e-4d7e-9c1b-2b8f4f1d2e10")
	t.Run("nil list item", func(t *testing.T) {
		c, rec, _ := captured(t, s, FormatForm)
		sent := &BookAppointmentCommand{CorrelationIds: []*string{nil, Ptr("b")}, Symptoms: []*string{Ptr("cough"), nil, Ptr("fever")},
			Urgency: UrgencyLevelRoutine, ReasonForVisit: Ptr("check-up"), RequestedBy: Ptr("desk")}
		if _, err := c.PostClinicsAppointments(ctx, clinic, nil, sent); err != nil {
			// Refusing is allowed, silently sending something else is not.
			if !strings.Contains(err.Error(), "CorrelationIds") {
				t.Errorf("refused without naming the member: %v", err)
			}
			return
		}
		var back BookAppointmentCommand
		if err := json.Unmarshal(rec.body, &back); err != nil {
			t.Fatalf("%v\n%s", err, rec.body)
		}
		if !reflect.DeepEqual(back.CorrelationIds, sent.CorrelationIds) || !reflect.DeepEqual(back.Symptoms, sent.Symptoms) {
			t.Errorf(".NET read CorrelationIds %s, Symptoms %s\nsent %s", e2eDump(back.CorrelationIds), e2eDump(back.Symptoms), rec.reqBody)
		}
	})
	t.Run("dictionary entries", func(t *testing.T) {
		c, rec, calls := captured(t, s, FormatForm)
		sent := &SendPatientMessageCommand{TemplateCode: Ptr("APT-001"), Priority: UrgencyLevelRoutine,
			Placeholders: map[string]*string{"name": nil, "time": Ptr("09:00")}}
		if _, err := c.PostMessages(ctx, nil, sent); err != nil {
			t.Fatal(err)
		}
		var back SendPatientMessageCommand
		if err := json.Unmarshal(rec.body, &back); err != nil {
			t.Fatalf("%v\n%s", err, rec.body)
		}
		if !reflect.DeepEqual(back.Placeholders, sent.Placeholders) {
			t.Errorf(".NET read %s\nsent %s", e2eDump(back.Placeholders), rec.reqBody)
		}
		// A key the binder drops cannot be sent.
		for _, key := range []string{"", " ", "\t"} {
			n := calls.Load()
			sent.Placeholders = map[string]*string{key: Ptr("x"), "time": Ptr("09:00")}
			_, err := c.PostMessages(ctx, nil, sent)
			if err == nil || !strings.Contains(err.Error(), "Placeholders") || calls.Load() != n {
				t.Errorf("key %q: err %v after %d requests; want an error naming Placeholders and no request", key, err, calls.Load()-n)
			}
		}
	})
	t.Run("reading what the binder drops", func(t *testing.T) {
		h := NewHandler(SampleService{})
		for _, body := range []string{
			"TemplateCode=APT-001&Placeholders[0].Key=name",                      // no Value: the binder drops the entry
			"TemplateCode=APT-001&Placeholders[0].Key=+&Placeholders[0].Value=x", // a white-space key: dropped
			"TemplateCode=APT-001&Placeholders[0].Value=x",                       // no Key: dropped
			"TemplateCode=APT-001&CorrelationIds[0]=a&CorrelationIds[2]=c",       // a gap: the binder stops at it
		} {
			r := httptest.NewRequest("POST", "/api/v1/messages", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != 400 {
				t.Errorf("%s: %d %s; want 400 (.NET reads it otherwise)", body, w.Code, w.Body)
			}
		}
	})
}

// Class 12: the XML writer refuses what DataContractSerializer refuses to
// write, instead of sending it.
func TestUnseenClinicXMLRefusals(t *testing.T) {
	s := oracletest.SharedClinic.Get(t)
	ctx := context.Background()
	clinic := uuid.MustParse("3f2c9a44-6a0e-4d7e-9c1b-2b8f4f1d2e10")
	t.Run("DateTimeOffset outside 0001-9999 UTC", func(t *testing.T) {
		// .NET cannot hold it: Json.NET refuses to read it.
		st, b := unseenEcho(t, s, "AppointmentDetail", "application/json", "application/xml", `{"LastModified":"0001-01-01T00:00:00+02:00","Urgency":1}`)
		if st != 400 || !strings.Contains(string(b), "DateTimeOffset") {
			t.Errorf(".NET read it: %d %s", st, b)
		}
		for _, tm := range []time.Time{
			time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("", 2*3600)),
			time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -2*3600)),
		} {
			if out, err := xml.Marshal(&AppointmentDetail{LastModified: tm, Status: AppointmentStatusBooked, Urgency: UrgencyLevelRoutine}); err == nil {
				t.Errorf("%s: wrote %s", tm, out)
			}
			c, _, calls := captured(t, s, FormatXML)
			cmd := &BookAppointmentCommand{RequestedAt: tm, Urgency: UrgencyLevelRoutine}
			if _, err := c.PostClinicsAppointments(ctx, clinic, nil, cmd); err == nil || !strings.Contains(err.Error(), "RequestedAt") || calls.Load() != 0 {
				t.Errorf("%s: err %v after %d requests; want an error naming RequestedAt and no request", tm, err, calls.Load())
			}
		}
	})
	t.Run("null IsRequired member with EmitDefaultValue=false", func(t *testing.T) {
		// RescheduleReason is [DataMember(IsRequired = true, EmitDefaultValue = false)]:
		// DCS reads i:nil but cannot write null (helpgen.json pins both facts).
		x := `<RescheduleAppointmentCommand xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Harbourview.Clinic.Scheduling.Contracts">` +
			`<RequestedBy xmlns="http://schemas.harbourview-health.example/core/2019/audit">x</RequestedBy><RescheduleReason i:nil="true"/></RescheduleAppointmentCommand>`
		if st, b := unseenEcho(t, s, "RescheduleAppointmentCommand", "application/xml", "application/xml", x); st != 500 {
			t.Errorf(".NET wrote it: %d %s", st, b)
		}
		v := &RescheduleAppointmentCommand{RequestedBy: Ptr("desk")}
		if out, err := xml.Marshal(v); err == nil || !strings.Contains(err.Error(), "RescheduleReason") {
			t.Errorf("wrote %s (%v)", out, err)
		}
		c, _, calls := captured(t, s, FormatXML)
		if _, err := c.PutClinicsAppointmentsByAppointmentId(ctx, clinic, uuid.New(), nil, v); err == nil || calls.Load() != 0 {
			t.Errorf("err %v after %d requests; want an error and no request", err, calls.Load())
		}
		v.RescheduleReason = Ptr("patient asked")
		if _, err := xml.Marshal(v); err != nil {
			t.Errorf("with a reason: %v", err)
		}
	})
}
