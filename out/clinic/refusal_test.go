package clinic

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"
)

// DataContractSerializer refuses to write an enum value that has no name.
// The generated XML encoder refuses too, instead of writing an empty
// element: the client sends nothing, the server answers 500, and
// encoding/xml's Marshal returns the error.

func TestXMLRefusesUndefinedEnum(t *testing.T) {
	v := &AppointmentDetail{Status: AppointmentStatus(99), Urgency: UrgencyLevelRoutine}
	if _, err := xml.Marshal(v); err == nil || !strings.Contains(err.Error(), "99") {
		t.Errorf("xml.Marshal: err = %v, want one naming 99", err)
	}
	if _, err := xml.Marshal(v); err == nil {
		t.Error("xml.Marshal wrote an undefined enum value")
	}
	v.Status = AppointmentStatusBooked
	if _, err := xml.Marshal(v); err != nil {
		t.Errorf("xml.Marshal of a valid value: %v", err)
	}
	// UrgencyLevel has no 0: its zero value is as undefined to DCS.
	v.Urgency = 0
	if _, err := xml.Marshal(v); err == nil {
		t.Error("xml.Marshal wrote UrgencyLevel 0, which has no name")
	}
}

func TestClientRefusesUndefinedEnum(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	defer srv.Close()
	c, err := NewClient(srv.URL, WithFormat(FormatXML))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.PostClinicsAppointments(context.Background(), uuid.New(), nil, &BookAppointmentCommand{Urgency: UrgencyLevel(42)})
	if err == nil || calls.Load() != 0 {
		t.Errorf("err = %v after %d requests; want an error and no request", err, calls.Load())
	}
}

type undefinedEnumService struct{ UnimplementedService }

func (undefinedEnumService) GetClinicsAppointmentsByAppointmentId(context.Context, uuid.UUID, uuid.UUID, *GetClinicsAppointmentsByAppointmentIdParams) (*AppointmentDetail, error) {
	return &AppointmentDetail{Status: AppointmentStatus(99)}, nil
}

func TestServerRefusesUndefinedEnum(t *testing.T) {
	h := NewHandler(undefinedEnumService{})
	for accept, want := range map[string]int{"application/xml": 500, "application/json": 200} {
		r := httptest.NewRequest("GET", "/api/v1/clinics/"+uuid.NewString()+"/appointments/"+uuid.NewString(), nil)
		r.Header.Set("Accept", accept)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Accept %s: %d %s, want %d", accept, w.Code, w.Body, want)
		}
	}
}
