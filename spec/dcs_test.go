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
