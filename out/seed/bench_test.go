// Hand-written benchmarks (not generated: helpgen only deletes files that carry
// its "Code generated" header, so this file survives regeneration).
//
// They time helpgen's codec fast paths for the documented request sample
// against encoding/json and encoding/xml on the same payloads. The ogen
// baseline lives in the separate module ../../bench (see bench/README.md),
// whose run.sh runs these benchmarks and ogen's in one go test invocation.
//
// Benchmark names are Benchmark<Op>_<codec>; bench/ratio parses them.

package seed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"
	"time"

	"github.com/google/uuid"
)

// benchSeedJSON is the documented JSON request sample, compacted.
var benchSeedJSON = func() []byte {
	const sample = "{\n\"FollowupWithPatientRegardingVisitOutcomeId\": \"54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3\",\n\"EncounterId\": \"ec81b795-2a9b-4588-b663-3e7e0a1a7df4\",\n\"PatientCommunication\": {\n\"PracticeId\": \"fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf\",\n\"PatientId\": \"6a9e0997-1a57-42fa-939e-563024574417\",\n\"PatientName\": \"sample string 3\",\n\"PatientSurname\": \"sample string 4\",\n\"PatientCellphone\": \"sample string 5\",\n\"PatientDOB\": \"2025-12-11T01:47:23Z\",\n\"FollowUpDate\": \"2025-12-11T01:47:23Z\",\n\"DoctorName\": \"sample string 8\",\n\"CommunicationText\": \"sample string 9\"\n},\n\"FollowUpReasons\": [\n\"sample string 1\",\n\"sample string 2\"\n],\n\"CorrelationIds\": [\n\"sample string 1\",\n\"sample string 2\"\n],\n\"OriginatedSystem\": \"sample string 3\"\n}"
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(sample)); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// benchSeedXML is the documented XML request sample without the whitespace
// the Help Page puts between elements (the same bytes as the peer baseline's).
var benchSeedXML = []byte(`<SendEncounterRequireFollowupPatientSms xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands"><CorrelationIds xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns="http://mpsapi.healthbridge.com/platform/core/v1/command/"><d2p1:string>sample string 1</d2p1:string><d2p1:string>sample string 2</d2p1:string></CorrelationIds><OriginatedSystem xmlns="http://mpsapi.healthbridge.com/platform/core/v1/command/">sample string 3</OriginatedSystem><EncounterId>ec81b795-2a9b-4588-b663-3e7e0a1a7df4</EncounterId><FollowUpReasons xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d2p1:string>sample string 1</d2p1:string><d2p1:string>sample string 2</d2p1:string></FollowUpReasons><FollowupWithPatientRegardingVisitOutcomeId>54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3</FollowupWithPatientRegardingVisitOutcomeId><PatientCommunication xmlns:d2p1="http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/"><d2p1:CommunicationText>sample string 9</d2p1:CommunicationText><d2p1:DoctorName>sample string 8</d2p1:DoctorName><d2p1:FollowUpDate>2025-12-11T01:47:23.1040547+02:00</d2p1:FollowUpDate><d2p1:PatientCellphone>sample string 5</d2p1:PatientCellphone><d2p1:PatientDOB>2025-12-11T01:47:23.1040547+02:00</d2p1:PatientDOB><d2p1:PatientId>6a9e0997-1a57-42fa-939e-563024574417</d2p1:PatientId><d2p1:PatientName>sample string 3</d2p1:PatientName><d2p1:PatientSurname>sample string 4</d2p1:PatientSurname><d2p1:PracticeId>fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf</d2p1:PracticeId></PatientCommunication></SendEncounterRequireFollowupPatientSms>`)

// Struct-tag types for encoding/json and encoding/xml, as in the peer baseline.

type benchStdPatient struct {
	PracticeId        uuid.UUID
	PatientId         uuid.UUID
	PatientName       string
	PatientSurname    string
	PatientCellphone  string
	PatientDOB        time.Time
	FollowUpDate      time.Time
	DoctorName        string
	CommunicationText string
}

type benchStdSend struct {
	FollowupWithPatientRegardingVisitOutcomeId uuid.UUID
	EncounterId                                uuid.UUID
	PatientCommunication                       *benchStdPatient
	FollowUpReasons                            []string
	CorrelationIds                             []string
	OriginatedSystem                           string
}

type benchStdXMLPatient struct {
	CommunicationText string    `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ CommunicationText"`
	DoctorName        string    `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ DoctorName"`
	FollowUpDate      time.Time `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ FollowUpDate"`
	PatientCellphone  string    `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PatientCellphone"`
	PatientDOB        time.Time `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PatientDOB"`
	PatientId         uuid.UUID `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PatientId"`
	PatientName       string    `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PatientName"`
	PatientSurname    string    `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PatientSurname"`
	PracticeId        uuid.UUID `xml:"http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/ PracticeId"`
}

type benchStdXMLStrings struct {
	S []string `xml:"http://schemas.microsoft.com/2003/10/Serialization/Arrays string"`
}

type benchStdXMLSend struct {
	XMLName                                    xml.Name            `xml:"http://schemas.datacontract.org/2004/07/Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands SendEncounterRequireFollowupPatientSms"`
	CorrelationIds                             benchStdXMLStrings  `xml:"http://mpsapi.healthbridge.com/platform/core/v1/command/ CorrelationIds"`
	OriginatedSystem                           string              `xml:"http://mpsapi.healthbridge.com/platform/core/v1/command/ OriginatedSystem"`
	EncounterId                                uuid.UUID           `xml:"EncounterId"`
	FollowUpReasons                            benchStdXMLStrings  `xml:"FollowUpReasons"`
	FollowupWithPatientRegardingVisitOutcomeId uuid.UUID           `xml:"FollowupWithPatientRegardingVisitOutcomeId"`
	PatientCommunication                       *benchStdXMLPatient `xml:"PatientCommunication"`
}

// Sinks keep results alive so the compiler cannot drop the work. They are
// typed: storing a slice in an interface would itself allocate.
var (
	benchSinkSend  *SendEncounterRequireFollowupPatientSms
	benchSinkBytes []byte
)

// TestBenchPayloads checks that every codec benchmarked here reads the samples
// and that helpgen's fast paths round-trip them byte for byte.
func TestBenchPayloads(t *testing.T) {
	v, err := jsonDecodeSendEncounterRequireFollowupPatientSms(benchSeedJSON)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonAppendSendEncounterRequireFollowupPatientSms(nil, v, jsonDates); !bytes.Equal(got, benchSeedJSON) {
		t.Errorf("JSON round trip differs\n got: %s\nwant: %s", got, benchSeedJSON)
	}
	x, err := xmlDecodeSendEncounterRequireFollowupPatientSms(benchSeedXML)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := xmlAppendSendEncounterRequireFollowupPatientSms(nil, x); err != nil || !bytes.Equal(got, benchSeedXML) {
		t.Errorf("XML round trip differs\n got: %s\nwant: %s", got, benchSeedXML)
	}
	var sj benchStdSend
	if err := json.Unmarshal(benchSeedJSON, &sj); err != nil {
		t.Fatal(err)
	}
	var sx benchStdXMLSend
	if err := xml.Unmarshal(benchSeedXML, &sx); err != nil {
		t.Fatal(err)
	}
	if sx.PatientCommunication == nil || len(sx.CorrelationIds.S) != 2 {
		t.Errorf("encoding/xml read %+v", sx)
	}
}

func BenchmarkDecodeJSON_helpgen(b *testing.B) {
	data := benchSeedJSON
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		v, err := jsonDecodeSendEncounterRequireFollowupPatientSms(data)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkSend = v
	}
}

// BenchmarkDecodeJSON_helpgenUnmarshal decodes into a caller's value, as
// ogen's benchmark does (the fast path above returns a new *T).
func BenchmarkDecodeJSON_helpgenUnmarshal(b *testing.B) {
	data := benchSeedJSON
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v SendEncounterRequireFollowupPatientSms
		if err := v.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeJSON_stdlib(b *testing.B) {
	data := benchSeedJSON
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v benchStdSend
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeJSON_helpgen appends into a reused buffer, as ogen's
// benchmark resets and reuses its jx.Encoder.
func BenchmarkEncodeJSON_helpgen(b *testing.B) {
	v, err := jsonDecodeSendEncounterRequireFollowupPatientSms(benchSeedJSON)
	if err != nil {
		b.Fatal(err)
	}
	buf := jsonAppendSendEncounterRequireFollowupPatientSms(nil, v, jsonDates)
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf = jsonAppendSendEncounterRequireFollowupPatientSms(buf[:0], v, jsonDates)
	}
	benchSinkBytes = buf
}

// BenchmarkEncodeJSON_helpgenMarshal returns a fresh slice each time, as
// json.Marshal does.
func BenchmarkEncodeJSON_helpgenMarshal(b *testing.B) {
	v, err := jsonDecodeSendEncounterRequireFollowupPatientSms(benchSeedJSON)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSeedJSON)))
	b.ReportAllocs()
	for b.Loop() {
		out, err := v.MarshalJSON()
		if err != nil {
			b.Fatal(err)
		}
		benchSinkBytes = out
	}
}

func BenchmarkEncodeJSON_stdlib(b *testing.B) {
	var v benchStdSend
	if err := json.Unmarshal(benchSeedJSON, &v); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSeedJSON)))
	b.ReportAllocs()
	for b.Loop() {
		out, err := json.Marshal(&v)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkBytes = out
	}
}

func BenchmarkDecodeXML_helpgen(b *testing.B) {
	data := benchSeedXML
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		v, err := xmlDecodeSendEncounterRequireFollowupPatientSms(data)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkSend = v
	}
}

func BenchmarkDecodeXML_stdlib(b *testing.B) {
	data := benchSeedXML
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v benchStdXMLSend
		if err := xml.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeXML_helpgen appends into a reused buffer.
func BenchmarkEncodeXML_helpgen(b *testing.B) {
	v, err := xmlDecodeSendEncounterRequireFollowupPatientSms(benchSeedXML)
	if err != nil {
		b.Fatal(err)
	}
	buf, err := xmlAppendSendEncounterRequireFollowupPatientSms(nil, v)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf, err = xmlAppendSendEncounterRequireFollowupPatientSms(buf[:0], v)
	}
	if err != nil {
		b.Fatal(err)
	}
	benchSinkBytes = buf
}

// BenchmarkEncodeXML_helpgenFresh appends to nil, so the output buffer is
// allocated (and grown) on every call, as xml.Marshal's is.
func BenchmarkEncodeXML_helpgenFresh(b *testing.B) {
	v, err := xmlDecodeSendEncounterRequireFollowupPatientSms(benchSeedXML)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSeedXML)))
	b.ReportAllocs()
	for b.Loop() {
		benchSinkBytes, err = xmlAppendSendEncounterRequireFollowupPatientSms(nil, v)
	}
	if err != nil {
		b.Fatal(err)
	}
}

func BenchmarkEncodeXML_stdlib(b *testing.B) {
	var v benchStdXMLSend
	if err := xml.Unmarshal(benchSeedXML, &v); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchSeedXML)))
	b.ReportAllocs()
	for b.Loop() {
		out, err := xml.Marshal(&v)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkBytes = out
	}
}

// TestCodecAllocations pins the allocation counts the benchmarks report, so
// that a change which moves a reader or writer to the heap (calling its
// methods through a generic helper does) fails here, not only in a
// benchmark nobody reads: decoding allocates the values (and one arena for
// every 16 strings), encoding into a reused buffer nothing.
func TestCodecAllocations(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("instrumented builds allocate differently")
	}
	x, err := xmlDecodeSendEncounterRequireFollowupPatientSms(benchSeedXML)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 4096)
	for _, c := range []struct {
		name string
		max  float64
		f    func()
	}{
		{"JSON decode", 5, func() { jsonDecodeSendEncounterRequireFollowupPatientSms(benchSeedJSON) }},
		{"JSON Unmarshal", 4, func() {
			var v SendEncounterRequireFollowupPatientSms
			v.UnmarshalJSON(benchSeedJSON)
		}},
		{"XML decode", 6, func() { xmlDecodeSendEncounterRequireFollowupPatientSms(benchSeedXML) }},
		{"JSON encode", 0, func() { jsonAppendSendEncounterRequireFollowupPatientSms(buf[:0], x, jsonDates) }},
		{"XML encode", 0, func() { xmlAppendSendEncounterRequireFollowupPatientSms(buf[:0], x) }},
	} {
		if n := testing.AllocsPerRun(100, c.f); n > c.max {
			t.Errorf("%s: %v allocations, want at most %v", c.name, n, c.max)
		}
	}
}
