package oracletest

import (
	"strconv"
	"strings"
	"testing"
)

// TestDotnetClientAgainstSeedOracle runs oracle/dotnetclient against the
// seed oracle (.NET client, .NET server): every combo answers 200 and the
// server's echo shows what Web API binds from what the client sends — the
// reference for out/seed's TestDotnetClientToGoServer: DateTimes keep Kind
// Local (+02:00) and Utc, the null list item and the null string stay null,
// and in XML a CR LF in text arrives as LF (JSON keeps the CR; mono's DCS
// writes the CR unescaped, and XML end-of-line handling drops it).
func TestDotnetClientAgainstSeedOracle(t *testing.T) {
	srv := SharedSeed.Get(t)
	combos := []string{"json>json", "xml>xml", "json>xml", "xml>json"}
	stdout, stderr, err := DotnetClient(t, append([]string{srv.URL, "--no-check"}, combos...)...)
	if err != nil {
		t.Fatalf("%v\nstdout:\n%s", err, stdout)
	}
	kv := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			kv[k] = v
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(stdout), "\nok") {
		t.Errorf("output does not end with ok; stderr: %s", stderr)
	}
	for _, combo := range combos {
		if st := kv[combo+".status"]; st != "200" {
			t.Errorf("%s: status %s", combo, st)
			continue
		}
		msg, err := strconv.Unquote(kv[combo+".ResponseMessage"])
		if err != nil {
			t.Fatalf("%s: ResponseMessage %q: %v", combo, kv[combo+".ResponseMessage"], err)
		}
		// The echo travels back in the answer's format, so the CR survives json>json only.
		reason2 := "line1\nline2\ttab"
		if combo == "json>json" {
			reason2 = "line1\r\nline2\ttab"
		}
		for _, want := range []string{
			"CorrelationIds=[corr-7f3a||];", "OriginatedSystem=<null>;",
			"FollowUpReasons=[Blood pressure > 140/90 & rising|" + reason2 + "];",
			"FollowupWithPatientRegardingVisitOutcomeId=c0ffee00-1234-4abc-9def-00000000f011;",
			"PC.PatientName=Zoë;", "PC.DoctorName=Dr. Ümit Çelik;",
			"PC.PatientDOB=1979-07-14T06:05:04.1234567+02:00/Local;",
			"PC.FollowUpDate=2026-02-28T22:30:00.9876543Z/Utc;",
			"PC.CommunicationText=Please book a follow-up \U0001F9FA <b>soon</b> & bring \"results\"\nThanks;",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: echo lacks %q:\n%s", combo, want, msg)
			}
		}
		if strings.Contains(msg, "modelState=") {
			t.Errorf("%s: model state errors: %s", combo, msg)
		}
	}
}
