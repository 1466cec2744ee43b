package seed

// The request body's and the response's codecs, by name, for the
// hand-written tests and benchmarks (the generated package reaches them
// through the operation descriptors).

func jsonDecodeSendEncounterRequireFollowupPatientSms(data []byte) (v *SendEncounterRequireFollowupPatientSms, err error) {
	err = rtDecodeJSONRoot(api, data, &rootSendEncounterRequireFollowupPatientSms, &v)
	return v, err
}

func jsonAppendSendEncounterRequireFollowupPatientSms(dst []byte, v *SendEncounterRequireFollowupPatientSms, d *rtJSONDates) []byte {
	return rtAppendJSONRoot(api, dst, &rootSendEncounterRequireFollowupPatientSms, &v, d)
}

func xmlDecodeSendEncounterRequireFollowupPatientSms(data []byte) (v *SendEncounterRequireFollowupPatientSms, err error) {
	err = rtDecodeXMLRoot(api, data, &rootSendEncounterRequireFollowupPatientSms, &v)
	return v, err
}

func xmlAppendSendEncounterRequireFollowupPatientSms(dst []byte, v *SendEncounterRequireFollowupPatientSms) ([]byte, error) {
	return rtAppendXMLRoot(api, dst, &rootSendEncounterRequireFollowupPatientSms, &v)
}

// decodeResponseRestApiResultOfGuid decodes the answer in the format its
// media type names, as the client does.
func decodeResponseRestApiResultOfGuid(mt string, data []byte) (v *RestApiResultOfGuid, err error) {
	if rtIsXML(mt) {
		err = rtDecodeXMLRoot(api, data, &rootRestApiResultOfGuid, &v)
	} else {
		err = rtDecodeJSONRoot(api, data, &rootRestApiResultOfGuid, &v)
	}
	return v, err
}
