package spec

import "testing"

func TestGenericContractName(t *testing.T) {
	cases := []struct {
		base       string
		names, nss []string
		want       string
	}{
		{"ArrayOfKeyValue", []string{"string", "ArrayOfstring"}, []string{NSSchema, NSArrays}, "ArrayOfKeyValueOfstringArrayOfstringty7Ep6D1"},
		{"ApiResult", []string{"guid"}, []string{NSSerialization}, "ApiResultOfguid"},
		{"ApiResult", []string{"ArrayOfPatientSummary"}, []string{"http://schemas.harbourview-health.example/patients/2021"}, "ApiResultOfArrayOfPatientSummarySEJ_PQIRx"},
		{"PagedList", []string{"AppointmentSummary"}, []string{"http://schemas.datacontract.org/2004/07/Harbourview.Clinic.Scheduling.Contracts"}, "PagedListOfAppointmentSummaryh5tyuF52"},
	}
	for _, c := range cases {
		if got := GenericContractName(c.base, c.names, c.nss); got != c.want {
			t.Errorf("GenericContractName(%s, %v) = %s, want %s", c.base, c.names, got, c.want)
		}
	}
}

func TestEncodeLocalName(t *testing.T) {
	for in, want := range map[string]string{
		"Name": "Name", "first name": "first_x0020_name", "1st": "_x0031_st", "a:b": "a_x003A_b",
		"a_x0020_b": "a_x005F_x0020_b", "é": "é", "$id": "_x0024_id", "a-b.c": "a-b.c", "": "",
	} {
		if got := EncodeLocalName(in); got != want {
			t.Errorf("EncodeLocalName(%q) = %q, want %q", in, got, want)
		}
	}
}
