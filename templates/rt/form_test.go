package rt

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestFormWrite(t *testing.T) {
	var w rtFormWriter
	w.reset(nil)
	v := seedValue()
	w.guid("FollowupWithPatientRegardingVisitOutcomeId", v.FollowupWithPatientRegardingVisitOutcomeId)
	w.push("PatientCommunication")
	w.str("PatientName", v.PatientCommunication.PatientName)
	w.dateTime("PatientDOB", v.PatientCommunication.PatientDOB)
	w.pop()
	for i, s := range v.CorrelationIds {
		w.pushIndex("CorrelationIds", i)
		w.str("", s)
		w.pop()
	}
	w.pushIndex("Links", 0)
	w.str("Rel", "a&b=c [x]~é")
	w.pop()
	w.double("D", math.Inf(1))
	w.float("F", 1.1)
	w.bool("B", true)
	w.timeSpan("T", -TimeSpan(1234567))
	w.char("C", '+')
	const want = "FollowupWithPatientRegardingVisitOutcomeId=54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3" +
		"&PatientCommunication.PatientName=sample+string+3&PatientCommunication.PatientDOB=2025-12-11T01%3A47%3A23.1040547%2B02%3A00" +
		"&CorrelationIds%5B0%5D=sample+string+1&CorrelationIds%5B1%5D=sample+string+2&Links%5B0%5D.Rel=a%26b%3Dc+%5Bx%5D~%C3%A9" +
		"&D=Infinity&F=1.1&B=true&T=-00%3A00%3A00.1234567&C=%2B"
	if string(w.b) != want {
		t.Fatalf("got\n%s\nwant\n%s", w.b, want)
	}
}

// TestFormReadSeed reads the oracle's form sample (every key form).
func TestFormReadSeed(t *testing.T) {
	data, err := os.ReadFile("/work/shared/oracle/seed/samples/request.form")
	if err != nil {
		t.Skip(err)
	}
	f, err := rtParseForm(data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := f.guid(f.child(0, "followupwithpatientregardingvisitoutcomeid"))
	if err != nil || g.String() != "54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3" {
		t.Fatal(g, err)
	}
	if _, err := f.guid(f.child(0, "EncounterId")); err != nil {
		t.Fatal(err)
	}
	pc := f.child(0, "PatientCommunication")
	for _, n := range []string{"PracticeId", "PatientId"} {
		if _, err := f.guid(f.child(pc, n)); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range map[string]string{"PatientName": "sample string 3", "PatientSurname": "sample string 4", "PatientCellphone": "sample string 5", "DoctorName": "sample string 8", "CommunicationText": "sample string 9"} {
		if s, err := f.str(f.child(pc, n)); err != nil || s != want {
			t.Fatal(n, s, err)
		}
	}
	dob, err := f.dateTime(f.child(pc, "PatientDOB"))
	if err != nil || dob.Kind != DateTimeLocal || !dob.Time.Equal(time.Date(2025, 12, 10, 23, 47, 23, 104054700, time.UTC)) {
		t.Fatal(dob, err)
	}
	fu, err := f.dateTime(f.child(pc, "FollowUpDate"))
	if err != nil || fu.Kind != DateTimeLocal || !fu.Time.Equal(time.Date(2025, 12, 11, 1, 47, 23, 0, time.UTC)) {
		t.Fatal(fu, err)
	}
	if l := f.values(f.child(0, "FollowUpReasons")); strings.Join(l, "|") != "sample string 1|sample string 2" {
		t.Fatal(l)
	}
	if l := f.values(f.child(0, "CorrelationIds")); strings.Join(l, "|") != "c1|c2" {
		t.Fatal(l)
	}
	if err := f.unused(); err == nil || !strings.Contains(err.Error(), "OriginatedSystem") {
		t.Fatal("want OriginatedSystem unused, got", err)
	}
	if s, _ := f.str(f.child(0, "OriginatedSystem")); s != "sample string 3" {
		t.Fatal(s)
	}
	if err := f.unused(); err != nil {
		t.Fatal(err)
	}
}

func TestFormKeys(t *testing.T) {
	f, err := rtParseForm([]byte("A[B]=1&a.c=2&L[]=x&L=y&M[0].P=p0&M[1][P]=p1&M[3].P=gap&=body&D[0].Key=k&D[0].Value=v&E%5B0%5D=e&noeq&P=a+b%20c%u00e9%zz"))
	if err != nil {
		t.Fatal(err)
	}
	a := f.child(0, "A")
	if v, err := f.int(f.child(a, "b"), 32); err != nil || v != 1 {
		t.Fatal(v, err)
	}
	if v, err := f.int(f.child(a, "C"), 8); err != nil || v != 2 {
		t.Fatal(v, err)
	}
	if l := f.values(f.child(0, "l")); strings.Join(l, ",") != "x,y" {
		t.Fatal(l)
	}
	m := f.child(0, "M")
	items := f.items(m)
	if len(items) != 2 {
		t.Fatal(items)
	}
	for i, it := range items {
		if s, _ := f.str(f.child(it, "P")); s != "p"+string(rune('0'+i)) {
			t.Fatal(i, s)
		}
	}
	if s, _ := f.str(0); s != "body" {
		t.Fatal(s)
	}
	d := f.index(f.child(0, "D"), 0)
	k, _ := f.str(f.child(d, "Key"))
	v, _ := f.str(f.child(d, "Value"))
	if k != "k" || v != "v" {
		t.Fatal(k, v)
	}
	if l := f.values(f.child(0, "E")); len(l) != 1 || l[0] != "e" {
		t.Fatal(l)
	}
	if !f.null(f.child(0, "noeq")) {
		t.Fatal("noeq")
	}
	if s, _ := f.str(f.child(0, "P")); s != "a b cé%zz" {
		t.Fatalf("%q", s)
	}
	// M[3] is past the gap: the binder drops it, the reader reports it.
	var fe *rtFormError
	if err := f.unused(); !errors.As(err, &fe) || fe.Key != "M[3].P" {
		t.Fatal(err)
	}
	// A key may start with an index (the items of a collection body, bound
	// with an empty prefix), not with a name in brackets.
	if f, err := rtParseForm([]byte("[0].Id=1&[1]=2")); err != nil || f.child(f.index(0, 0), "Id") < 0 || f.index(0, 1) < 0 {
		t.Errorf("[0].Id=1&[1]=2: %v", err)
	}
	for _, bad := range []string{"a[=1", ".a=1", "a..b=1", "[a]=1", "[]=1", "a]=1", "a[0]b=1"} {
		if _, err := rtParseForm([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestFormValues(t *testing.T) {
	names := &rtEnumNames{names: []string{"One", "Two"}, values: []int64{1, 2}}
	f, err := rtParseForm([]byte("i=+42&h=0x1F&u=7&b=TRUE&b1=1&d=1%2C000.5&fl=-Infinity&m=1.50&g=%7B6a9e0997-1a57-42fa-939e-563024574417%7D&dt=2001-02-03T04:05:06&do=2001-02-03T04:05:06-05:00&ts=1.02:03:04.5&c=+x+&c2=&e=two&e2=One,+Two&e3=5&two=1&two=2&big=300&n="))
	if err != nil {
		t.Fatal(err)
	}
	ck := func(name string, got any, err error, want any) {
		t.Helper()
		if err != nil || got != want {
			t.Errorf("%s: got %v (%v), want %v", name, got, err, want)
		}
	}
	c := func(n string) int { return f.child(0, n) }
	v, err := f.int(c("i"), 32)
	ck("i", v, err, int64(42))
	v, err = f.int(c("h"), 32)
	ck("h", v, err, int64(31))
	u, err := f.uint(c("u"), 8)
	ck("u", u, err, uint64(7))
	b, err := f.bool(c("b"))
	ck("b", b, err, true)
	if _, err := f.bool(c("b1")); err == nil {
		t.Error("b1: Boolean.Parse rejects 1")
	}
	d, err := f.double(c("d"))
	ck("d", d, err, 1000.5)
	fl, err := f.float(c("fl"))
	ck("fl", fl, err, float32(math.Inf(-1)))
	m, err := f.decimal(c("m"))
	ck("m", m.String(), err, "1.50")
	g, err := f.guid(c("g"))
	ck("g", g, err, uuid.MustParse("6a9e0997-1a57-42fa-939e-563024574417"))
	dt, err := f.dateTime(c("dt"))
	ck("dt", dt.String(), err, "2001-02-03T04:05:06")
	do, err := f.dateTimeOffset(c("do"))
	ck("do", do.Format(time.RFC3339), err, "2001-02-03T04:05:06-05:00")
	ts, err := f.timeSpan(c("ts"))
	ck("ts", ts.String(), err, "1.02:03:04.5000000")
	ch, err := f.char(c("c"))
	ck("c", ch, err, 'x')
	ch, err = f.char(c("c2"))
	ck("c2", ch, err, rune(0))
	e, err := f.enum(c("e"), names)
	ck("e", e, err, int64(2))
	e, err = f.enum(c("e2"), names)
	ck("e2", e, err, int64(3))
	e, err = f.enum(c("e3"), names)
	ck("e3", e, err, int64(5))
	if _, err := f.int(c("two"), 32); err == nil || !strings.Contains(err.Error(), "2 values") {
		t.Error("two values:", err)
	}
	if _, err := f.int(c("big"), 8); err == nil {
		t.Error("big: no range error")
	}
	if !f.null(c("n")) || f.null(c("i")) {
		t.Error("null")
	}
	if err := f.unused(); err != nil {
		t.Error(err)
	}
}

// TestFormRoundTrip writes every kind and reads it back.
func TestFormRoundTrip(t *testing.T) {
	dec, _ := ParseDecimal("-0.0010")
	loc := time.FixedZone("", 3600)
	var w rtFormWriter
	w.reset([]byte("prefix"))
	w.start = len(w.b)
	w.str("S", "a b&c=d+e%f\u00e9\U0001F600")
	w.int("I", math.MinInt64)
	w.uint("U", math.MaxUint64)
	w.bool("B", false)
	w.double("D", 0.1)
	w.double("N", math.NaN())
	w.float("F", -1.5)
	w.decimal("M", dec)
	w.guid("G", uuid.MustParse("fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf"))
	w.dateTime("T", DateTime{Time: time.Date(2001, 2, 3, 4, 5, 6, 7800, time.UTC)})
	w.dateTimeOffset("O", time.Date(2001, 2, 3, 4, 5, 6, 0, loc))
	w.timeSpan("TS", TimeSpan(-36000000001))
	w.char("C", 'é')
	f, err := rtParseForm(w.b[len("prefix"):])
	if err != nil {
		t.Fatal(err)
	}
	c := func(n string) int { return f.child(0, n) }
	s, _ := f.str(c("S"))
	i, _ := f.int(c("I"), 64)
	u, _ := f.uint(c("U"), 64)
	b, _ := f.bool(c("B"))
	d, _ := f.double(c("D"))
	n, _ := f.double(c("N"))
	fl, _ := f.float(c("F"))
	m, _ := f.decimal(c("M"))
	g, _ := f.guid(c("G"))
	dt, _ := f.dateTime(c("T"))
	o, _ := f.dateTimeOffset(c("O"))
	ts, _ := f.timeSpan(c("TS"))
	ch, _ := f.char(c("C"))
	_, off := o.Zone()
	if s != "a b&c=d+e%f\u00e9\U0001F600" || i != math.MinInt64 || u != math.MaxUint64 || b || d != 0.1 || !math.IsNaN(n) || fl != -1.5 ||
		m.String() != "-0.0010" || g.String() != "fc41ba5f-aa5a-4cee-89a8-2516d0b2b6bf" || dt.String() != "2001-02-03T04:05:06.0000078" ||
		off != 3600 || !o.Equal(time.Date(2001, 2, 3, 4, 5, 6, 0, loc)) || ts != -36000000001 || ch != 'é' {
		t.Fatalf("%q %v %v %v %v %v %v %v %v %v %v %v %c", s, i, u, b, d, n, fl, m, g, dt, o, ts, ch)
	}
	if err := f.unused(); err != nil {
		t.Fatal(err)
	}
}

func FuzzFormReader(f *testing.F) {
	f.Add([]byte("A[B]=1&a.c=2&L[]=x&L=y&M[0].P=p0&M[1][P]=p1&=body&P=a+b%20c%u00e9%zz"))
	f.Add([]byte("FollowUpReasons=sample+string+1&CorrelationIds%5B0%5D=c1&PatientCommunication.PatientDOB=2025-12-11T01%3A47%3A23Z"))
	f.Add([]byte("a[0][1].b[c]=%ff%u12&&=&x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := rtParseForm(data)
		if err != nil {
			return
		}
		var walk func(n, depth int)
		walk = func(n, depth int) {
			if depth > 50 {
				return
			}
			_ = fd.values(n)
			_, _ = fd.int(n, 32)
			_, _ = fd.dateTime(n)
			_, _ = fd.char(n)
			for _, k := range fd.nodes[n].kids {
				walk(int(k), depth+1)
			}
		}
		walk(0, 0)
		if err := fd.unused(); err != nil {
			t.Fatal("everything was read:", err)
		}
		// Re-writing what was read parses again.
		var w rtFormWriter
		w.reset(nil)
		for _, nd := range fd.nodes {
			for _, v := range nd.values {
				w.str("K", v)
			}
		}
		if _, err := rtParseForm(w.b); err != nil {
			t.Fatal(err)
		}
	})
}
