// This file was written once by helpgen generate and is yours to edit: helpgen never
// overwrites it. Methods of endpoints added later come from the embedded UnimplementedService
// until you write them (helpgen check lists none of this file's content).

package clinic

import (
	"context"
	"github.com/google/uuid"
	"net/http"
	"time"
)

// ServiceImpl implements Service. Every method answers 501 Not Implemented until written.
type ServiceImpl struct {
	UnimplementedService
}

var _ Service = ServiceImpl{}

// DeleteClinicsAppointmentsByAppointmentId handles DELETE api/v1/clinics/{clinicId}/appointments/{appointmentId}?reason={reason}&notifyPatient={notifyPatient}.
func (s ServiceImpl) DeleteClinicsAppointmentsByAppointmentId(ctx context.Context, clinicId uuid.UUID, appointmentId uuid.UUID, params *DeleteClinicsAppointmentsByAppointmentIdParams) error {
	// TODO: implement.
	return &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// DeletePatientsPhoto handles DELETE api/v1/patients/{patientId}/photo.
func (s ServiceImpl) DeletePatientsPhoto(ctx context.Context, patientId uuid.UUID, params *DeletePatientsPhotoParams) (*ApiResultOfBoolean, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetClinicsAppointments handles GET api/v1/clinics/{clinicId}/appointments?from={from}&to={to}&status={status}&page={page}&pageSize={pageSize}.
func (s ServiceImpl) GetClinicsAppointments(ctx context.Context, clinicId uuid.UUID, params *GetClinicsAppointmentsParams) (*PagedListOfAppointmentSummary, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetClinicsAppointmentsByAppointmentId handles GET api/v1/clinics/{clinicId}/appointments/{appointmentId}.
func (s ServiceImpl) GetClinicsAppointmentsByAppointmentId(ctx context.Context, clinicId uuid.UUID, appointmentId uuid.UUID, params *GetClinicsAppointmentsByAppointmentIdParams) (*AppointmentDetail, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetClinicsSlots handles GET api/v1/clinics/{clinicId}/slots?date={date}&durationMinutes={durationMinutes}&clinicianId={clinicianId}.
func (s ServiceImpl) GetClinicsSlots(ctx context.Context, clinicId uuid.UUID, params *GetClinicsSlotsParams) ([]*TimeWindow, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetLocationsByLocationId handles GET api/v1/locations/{locationId}.
func (s ServiceImpl) GetLocationsByLocationId(ctx context.Context, locationId uuid.UUID, params *GetLocationsByLocationIdParams) (*ClinicLocation, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetMessagesDelivery handles GET api/v1/messages/{messageId}/delivery.
func (s ServiceImpl) GetMessagesDelivery(ctx context.Context, messageId uuid.UUID, params *GetMessagesDeliveryParams) (*MessageDeliveryReport, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetMessagesTemplates handles GET api/v1/messages/templates?channel={channel}&activeOnly={activeOnly}.
func (s ServiceImpl) GetMessagesTemplates(ctx context.Context, params *GetMessagesTemplatesParams) ([]*MessageTemplate, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetPatientsByPatientId handles GET api/v1/patients/{patientId}.
func (s ServiceImpl) GetPatientsByPatientId(ctx context.Context, patientId uuid.UUID, params *GetPatientsByPatientIdParams) (*PatientProfile, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetPatientsSearch handles GET api/v1/patients/search?name={name}&dateOfBirth={dateOfBirth}&includeInactive={includeInactive}&maxResults={maxResults}.
func (s ServiceImpl) GetPatientsSearch(ctx context.Context, params *GetPatientsSearchParams) (*ApiResultOfListOfPatientSummary, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetSystemClock handles GET api/v1/system/clock.
func (s ServiceImpl) GetSystemClock(ctx context.Context, params *GetSystemClockParams) (time.Time, error) {
	// TODO: implement.
	return time.Time{}, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PostClinicsAppointments handles POST api/v1/clinics/{clinicId}/appointments.
func (s ServiceImpl) PostClinicsAppointments(ctx context.Context, clinicId uuid.UUID, params *PostClinicsAppointmentsParams, body *BookAppointmentCommand) (*ApiResultOfGuid, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PostClinicsAppointmentsNotes handles POST api/v1/clinics/{clinicId}/appointments/{appointmentId}/notes.
func (s ServiceImpl) PostClinicsAppointmentsNotes(ctx context.Context, clinicId uuid.UUID, appointmentId uuid.UUID, params *PostClinicsAppointmentsNotesParams, body *string) (*ApiResultOfGuid, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PostMessages handles POST api/v1/messages.
func (s ServiceImpl) PostMessages(ctx context.Context, params *PostMessagesParams, body *SendPatientMessageCommand) (*ApiResultOfGuid, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PostPatientsPhoto handles POST api/v1/patients/{patientId}/photo.
func (s ServiceImpl) PostPatientsPhoto(ctx context.Context, patientId uuid.UUID, params *PostPatientsPhotoParams, body *PatientPhotoUpload) (*ApiResultOfGuid, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutClinicsAppointmentsByAppointmentId handles PUT api/v1/clinics/{clinicId}/appointments/{appointmentId}.
func (s ServiceImpl) PutClinicsAppointmentsByAppointmentId(ctx context.Context, clinicId uuid.UUID, appointmentId uuid.UUID, params *PutClinicsAppointmentsByAppointmentIdParams, body *RescheduleAppointmentCommand) (*ApiResultOfBoolean, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutMessagesTemplatesByTemplateCode handles PUT api/v1/messages/templates/{templateCode}.
func (s ServiceImpl) PutMessagesTemplatesByTemplateCode(ctx context.Context, templateCode string, params *PutMessagesTemplatesByTemplateCodeParams, body *MessageTemplate) error {
	// TODO: implement.
	return &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutPatientsContact handles PUT api/v1/patients/{patientId}/contact.
func (s ServiceImpl) PutPatientsContact(ctx context.Context, patientId uuid.UUID, params *PutPatientsContactParams, body *ContactPoint) (*ApiResultOfBoolean, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}
