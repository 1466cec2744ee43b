//go:build ogen

// The ogen v1.24.0 baseline: its codec is generated from openapi.json into
// ./ogenapi by run.sh (never committed), hence the ogen build tag.
// helpgen's, encoding/json's and encoding/xml's benchmarks live beside the
// generated code in out/seed/bench_test.go; run.sh runs both packages in
// one go test invocation.

package bench

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/go-faster/jx"

	"github.com/helpgen/helpgen/bench/ogenapi"
	"github.com/helpgen/helpgen/out/seed"
)

// seedJSON is the documented JSON request sample of the seed Help Page,
// compacted: the same bytes out/seed/bench_test.go decodes.
var seedJSON = func() []byte {
	const sample = "{\n\"FollowupWithPatientRegardingVisitOutcomeId\": \"54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3\",\n\"EncounterId\": \"ec81b795-2a9b-4588-b663-3e7e0a1a7df4\",\n\"PatientCommunication\": {\n\"PracticeId\": \"fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf\",\n\"PatientId\": \"6a9e0997-1a57-42fa-939e-563024574417\",\n\"PatientName\": \"sample string 3\",\n\"PatientSurname\": \"sample string 4\",\n\"PatientCellphone\": \"sample string 5\",\n\"PatientDOB\": \"2025-12-11T01:47:23Z\",\n\"FollowUpDate\": \"2025-12-11T01:47:23Z\",\n\"DoctorName\": \"sample string 8\",\n\"CommunicationText\": \"sample string 9\"\n},\n\"FollowUpReasons\": [\n\"sample string 1\",\n\"sample string 2\"\n],\n\"CorrelationIds\": [\n\"sample string 1\",\n\"sample string 2\"\n],\n\"OriginatedSystem\": \"sample string 3\"\n}"
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(sample)); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// sinkBytes keeps the encoder's output alive (typed: an interface would allocate).
var sinkBytes []byte

// TestOgenPayload checks that ogen reads the sample and writes it back.
func TestOgenPayload(t *testing.T) {
	var v ogenapi.SendEncounterRequireFollowupPatientSms
	if err := v.Decode(jx.DecodeBytes(seedJSON)); err != nil {
		t.Fatal(err)
	}
	var e jx.Encoder
	v.Encode(&e)
	if !bytes.Equal(e.Bytes(), seedJSON) {
		t.Errorf("ogen round trip differs\n got: %s\nwant: %s", e.Bytes(), seedJSON)
	}
	// helpgen writes the same bytes, so both sides encode the same document.
	var h seed.SendEncounterRequireFollowupPatientSms
	if err := h.UnmarshalJSON(seedJSON); err != nil {
		t.Fatal(err)
	}
	if got := h.AppendJSON(nil); !bytes.Equal(got, e.Bytes()) {
		t.Errorf("helpgen and ogen encode differently\nhelpgen: %s\n   ogen: %s", got, e.Bytes())
	}
}

// BenchmarkDecodeJSON_ogen decodes as the peer baseline does: into a value
// that stays on the stack (helpgen's fast path returns a new *T instead).
func BenchmarkDecodeJSON_ogen(b *testing.B) {
	data := seedJSON
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v ogenapi.SendEncounterRequireFollowupPatientSms
		if err := v.Decode(jx.DecodeBytes(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeJSON_ogen resets and reuses one jx.Encoder, as the peer
// baseline does (helpgen's counterpart appends into a reused buffer).
func BenchmarkEncodeJSON_ogen(b *testing.B) {
	var v ogenapi.SendEncounterRequireFollowupPatientSms
	if err := v.Decode(jx.DecodeBytes(seedJSON)); err != nil {
		b.Fatal(err)
	}
	e := &jx.Encoder{}
	b.SetBytes(int64(len(seedJSON)))
	b.ReportAllocs()
	for b.Loop() {
		e.Reset()
		v.Encode(e)
		sinkBytes = e.Bytes()
	}
}
