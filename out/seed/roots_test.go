package seed

// The request body's and the response's codecs, by name, for the
// hand-written tests and benchmarks (the generated package reaches them
// through the operation descriptors).

import (
	"strings"

	"github.com/helpgen/helpgen/templates/rt"
)

func jsonDecodeSendEncounterRequireFollowupPatientSms(data []byte) (v *SendEncounterRequireFollowupPatientSms, err error) {
	err = rt.DecodeJSONRoot(api, data, &rootSendEncounterRequireFollowupPatientSms, &v)
	return v, err
}

func jsonAppendSendEncounterRequireFollowupPatientSms(dst []byte, v *SendEncounterRequireFollowupPatientSms, d *rt.JSONDates) []byte {
	return rt.AppendJSONRoot(api, dst, &rootSendEncounterRequireFollowupPatientSms, &v, d)
}

func xmlDecodeSendEncounterRequireFollowupPatientSms(data []byte) (v *SendEncounterRequireFollowupPatientSms, err error) {
	err = rt.DecodeXMLRoot(api, data, &rootSendEncounterRequireFollowupPatientSms, &v)
	return v, err
}

func xmlAppendSendEncounterRequireFollowupPatientSms(dst []byte, v *SendEncounterRequireFollowupPatientSms) ([]byte, error) {
	return rt.AppendXMLRoot(api, dst, &rootSendEncounterRequireFollowupPatientSms, &v)
}

// decodeResponseRestApiResultOfGuid decodes the answer in the format its
// media type names, as the client does.
func decodeResponseRestApiResultOfGuid(mt string, data []byte) (v *RestApiResultOfGuid, err error) {
	if strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml") {
		err = rt.DecodeXMLRoot(api, data, &rootRestApiResultOfGuid, &v)
	} else {
		err = rt.DecodeJSONRoot(api, data, &rootRestApiResultOfGuid, &v)
	}
	return v, err
}
