package generator

import (
	"os"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

func loadSpec(t testing.TB, path string) *spec.Spec {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestModelSeedNames(t *testing.T) {
	m, err := NewModel(loadSpec(t, "../out/seed/spec.json"), "seed")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ty := range m.Types {
		got = append(got, ty.GoName)
	}
	want := []string{"PatientCommunicationVo", "RestApiLink", "RestApiResultOfGuid", "SendEncounterRequireFollowupPatientSms"}
	if len(got) != len(want) {
		t.Fatalf("types %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("types %v, want %v", got, want)
		}
	}
	if len(m.Renames) != 0 {
		t.Errorf("renames: %v", m.Renames)
	}
}

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"EncounterId": "EncounterId", "source": "Source", "channelHint": "ChannelHint",
		"2fa": "X2fa", "type": "Type", "a-b c": "ABC", "": "X", "_x": "X",
	} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

// Parameter names as real Help Pages spell them, and the Go locals a Go
// reader expects (issue 15 saw eMRSystem, mRN and dOB).
func TestArgNames(t *testing.T) {
	for in, want := range map[string]string{
		"EMRSystem": "emrSystem", "MRN": "mrn", "DOB": "dob", "PatientId": "patientId", "patientId": "patientId",
		"EncounterId": "encounterId", "ID": "id", "id": "id", "ID2": "id2", "HTTPServer": "httpServer",
		"URLs": "urLs", "practiceId": "practiceId", "Type": "typeParam", "f.Name": "fName", "NHSNumber": "nhsNumber",
		"eMRSystem": "emrSystem", "EMR_System": "emr_System",
	} {
		if got := argName(in); got != want {
			t.Errorf("argName(%q) = %q, want %q", in, got, want)
		}
	}
}
