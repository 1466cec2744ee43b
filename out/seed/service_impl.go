// This file was written once by helpgen generate and is yours to edit: helpgen never
// overwrites it. Methods of endpoints added later come from the embedded UnimplementedService
// until you write them (helpgen check lists none of this file's content).

package seed

import (
	"context"
	"github.com/google/uuid"
	"net/http"
)

// ServiceImpl implements Service. Every method answers 501 Not Implemented until written.
type ServiceImpl struct {
	UnimplementedService
}

var _ Service = ServiceImpl{}

// PostClinicalEncountersFollowupSend handles POST api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send.
func (s ServiceImpl) PostClinicalEncountersFollowupSend(ctx context.Context, practiceId uuid.UUID, encounterId uuid.UUID, params *PostClinicalEncountersFollowupSendParams, body *SendEncounterRequireFollowupPatientSms) (*RestApiResultOfGuid, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}
