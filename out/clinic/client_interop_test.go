package clinic

// Interop: the generated client calls every endpoint of the real clinic
// Web API (the echo server). Route and query values come back in X-Echo-*
// headers as .NET bound them; a body comes back as .NET decoded it (written
// again by its formatter), which must equal what was sent; a bodiless
// endpoint answers a sample of its declared response type, which the
// client must decode.

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/helpgen/helpgen/internal/oracletest"
)

// recorder keeps the last response's headers and body.
type recorder struct {
	rt   http.RoundTripper
	mu   sync.Mutex
	h    http.Header
	body []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
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
	r.h, r.body = resp.Header.Clone(), b
	r.mu.Unlock()
	return resp, nil
}

func TestInteropClinicClient(t *testing.T) {
	s := oracletest.SharedClinic.Get(t)
	jnb := time.FixedZone("SAST", 2*3600)
	clinic := uuid.MustParse("3f2c9a44-6a0e-4d7e-9c1b-2b8f4f1d2e10")
	appt := uuid.MustParse("a1b2c3d4-0000-4000-8000-000000000001")
	patient := uuid.MustParse("6a9e0997-1a57-42fa-939e-563024574417")
	from := DateTime{Time: time.Date(2025, 11, 24, 9, 0, 0, 0, jnb), Kind: DateTimeLocal}
	to := DateTime{Time: time.Date(2025, 11, 25, 7, 0, 0, 0, time.UTC), Kind: DateTimeUtc}
	ctx := context.Background()

	for _, format := range []Format{FormatJSON, FormatXML, FormatForm} {
		rec := &recorder{rt: s.Client.Transport}
		if rec.rt == nil {
			rec.rt = http.DefaultTransport
		}
		c, err := NewClient(s.URL, WithFormat(format), WithHTTPClient(&http.Client{Transport: rec}))
		if err != nil {
			t.Fatal(err)
		}
		fname := []string{"JSON", "XML", "Form"}[format]
		echo := func(t *testing.T, action string, want map[string]string) {
			t.Helper()
			if got := rec.h.Get("X-Echo-Action"); got != action {
				t.Errorf("X-Echo-Action %q, want %q (X-Echo-Error %q)\n%s", got, action, rec.h.Get("X-Echo-Error"), rec.body)
			}
			for k, v := range want {
				if got := rec.h.Get("X-Echo-" + k); got != v {
					t.Errorf("X-Echo-%s %q, want %q", k, got, v)
				}
			}
		}
		// bodyBack checks that .NET decoded the body we sent: its echo,
		// decoded by our codec, equals the body after a trip through the
		// request format.
		bodyBack := func(t *testing.T, sent, back any) {
			t.Helper()
			if rec.h.Get("X-Echo-Mode") != "body" {
				t.Fatalf("X-Echo-Mode %q", rec.h.Get("X-Echo-Mode"))
			}
			normalizeURIs(reflect.ValueOf(sent))
			normalizeURIs(reflect.ValueOf(back))
			if !same(sent, back) {
				t.Errorf(".NET decoded\n%s\nwant\n%s", e2eDump(back), e2eDump(sent))
			}
		}
		// The echo is in the format the client asked for (JSON for form).
		decodeEcho := func(t *testing.T, dec func([]byte) (any, error), xdec func([]byte) (any, error)) any {
			t.Helper()
			d := dec
			if format == FormatXML {
				d = xdec
			}
			v, err := d(rec.body)
			if err != nil {
				t.Fatalf("the echo does not decode: %v\n%s", err, rec.body)
			}
			return v
		}
		t.Run(fname, func(t *testing.T) {
			t.Run("GetClinicsAppointments", func(t *testing.T) {
				st := AppointmentStatus(1)
				resp, err := c.GetClinicsAppointments(ctx, clinic, &GetClinicsAppointmentsParams{From: from, To: &to, Status: &st, PageSize: Ptr(int64(50))})
				if err != nil || resp == nil {
					t.Fatalf("%v %v", resp, err)
				}
				echo(t, "Appointments.List", map[string]string{
					"clinicId": clinic.String(),
					"from":     "2025-11-24T09:00:00.0000000+02:00",
					"to":       "2025-11-25T09:00:00.0000000+02:00", // the URI binder turns Z into Local
					"status":   st.String(), "page": "1", "pageSize": "50",
				})
			})
			t.Run("DeleteClinicsAppointmentsByAppointmentId", func(t *testing.T) {
				if err := c.DeleteClinicsAppointmentsByAppointmentId(ctx, clinic, appt, &DeleteClinicsAppointmentsByAppointmentIdParams{Reason: "Dr away & clinic closed", NotifyPatient: Ptr(false)}); err != nil {
					t.Fatal(err)
				}
				echo(t, "Appointments.Cancel", map[string]string{"appointmentId": appt.String(), "reason": "Dr%20away%20%26%20clinic%20closed", "notifyPatient": "False"})
			})
			t.Run("GetClinicsSlots", func(t *testing.T) {
				clinician := uuid.MustParse("5e9c1b2b-8f4f-4d2e-9c1b-2b8f4f1d2e10")
				date := DateTime{Time: time.Date(2025, 11, 24, 0, 0, 0, 0, time.UTC), Kind: DateTimeUnspecified}
				resp, err := c.GetClinicsSlots(ctx, clinic, &GetClinicsSlotsParams{Date: date, ClinicianId: &clinician})
				if err != nil || len(resp) == 0 {
					t.Fatalf("%v %v", resp, err)
				}
				echo(t, "Appointments.FreeSlots", map[string]string{"date": "2025-11-24T00:00:00.0000000", "durationMinutes": "15", "clinicianId": clinician.String()})
			})
			t.Run("GetPatientsSearch", func(t *testing.T) {
				resp, err := c.GetPatientsSearch(ctx, &GetPatientsSearchParams{Name: "Ndłovu", IncludeInactive: Ptr(true)})
				if err != nil || resp == nil {
					t.Fatalf("%v %v", resp, err)
				}
				echo(t, "Patients.Search", map[string]string{"name": "Nd%C5%82ovu", "includeInactive": "True", "maxResults": "20"})
				if got := rec.h.Get("X-Echo-Nulls"); got != "dateOfBirth" {
					t.Errorf("X-Echo-Nulls %q", got)
				}
			})
			t.Run("GetMessagesTemplates", func(t *testing.T) {
				ch := ReminderChannel(2)
				resp, err := c.GetMessagesTemplates(ctx, &GetMessagesTemplatesParams{Channel: &ch})
				if err != nil || len(resp) == 0 {
					t.Fatalf("%v %v", resp, err)
				}
				echo(t, "Messages.Templates", map[string]string{"channel": ch.String(), "activeOnly": "True"})
			})
			t.Run("Bodiless", func(t *testing.T) {
				if v, err := c.GetClinicsAppointmentsByAppointmentId(ctx, clinic, appt, nil); err != nil || v == nil {
					t.Errorf("GetClinicsAppointmentsByAppointmentId: %v", err)
				}
				if v, err := c.GetMessagesDelivery(ctx, patient, nil); err != nil || v == nil {
					t.Errorf("GetMessagesDelivery: %v", err)
				}
				if v, err := c.GetPatientsByPatientId(ctx, patient, nil); err != nil || v == nil {
					t.Errorf("GetPatientsByPatientId: %v", err)
				}
				if v, err := c.DeletePatientsPhoto(ctx, patient, nil); err != nil || v == nil {
					t.Errorf("DeletePatientsPhoto: %v", err)
				}
				if v, err := c.GetSystemClock(ctx, nil); err != nil || v.IsZero() {
					t.Errorf("GetSystemClock: %v %v", v, err)
				}
			})
			t.Run("PutPatientsContact", func(t *testing.T) {
				body := &ContactPoint{SmsNumber: Ptr("+27 82 555 0100"), SMSReminders: true, Email: Ptr("thandi@example.org"), CountryCode: Ptr("ZA"), Website: Ptr("https://example.org/t")}
				_, _ = c.PutPatientsContact(ctx, patient, nil, body)
				echo(t, "Patients.UpdateContact", map[string]string{"patientId": patient.String()})
				back := decodeEcho(t, func(b []byte) (any, error) { return codecContact.decode("json", b) }, func(b []byte) (any, error) { return codecContact.decode("xml", b) })
				bodyBack(t, codecContact.through(t, formatName(format), body), back)
			})
			t.Run("PostMessages", func(t *testing.T) {
				doc, err := codecMessage.decode("json", documentedSample("PostMessages/request/JSON"))
				if err != nil {
					t.Fatal(err)
				}
				_, _ = c.PostMessages(ctx, nil, doc)
				echo(t, "Messages.Send", nil)
				back := decodeEcho(t, func(b []byte) (any, error) { return codecMessage.decode("json", b) }, func(b []byte) (any, error) { return codecMessage.decode("xml", b) })
				sent := codecMessage.through(t, formatName(format), doc)
				if format == FormatForm {
					clearField(sent, "Source")
					clearField(back, "Source")
				}
				bodyBack(t, sent, back)
			})
		})
	}
}

var (
	codecContact = codec[*ContactPoint]{"ContactPoint", &contractContactPoint}
	codecMessage = codec[*SendPatientMessageCommand]{"SendPatientMessageCommand", &contractSendPatientMessageCommand}
)

func formatName(f Format) string { return []string{"json", "xml", "form"}[f] }
