package rt

import (
	"math"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestDateTimeRoundTrip(t *testing.T) {
	for _, s := range []string{
		"2025-12-11T01:47:23.1040547+02:00",
		"2025-12-11T01:47:23Z",
		"2025-12-11T01:47:23",
		"2025-12-11T01:47:23.1Z",
		"0001-01-01T00:00:00",
		"9999-12-31T23:59:59.9999999Z",
		"2024-02-29T12:00:00-05:30",
	} {
		v, err := rtParseDateTime([]byte(s))
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if got := string(rtAppendDateTime(nil, v)); got != s {
			t.Errorf("%s: wrote %s", s, got)
		}
	}
}

func TestDateTimeParseForms(t *testing.T) {
	for in, want := range map[string]string{
		"2025-12-11T01:47:23.10405470+02:00": "2025-12-11T01:47:23.1040547+02:00",
		"2025-12-11T01:47:23.123456789Z":     "2025-12-11T01:47:23.1234568Z",
		"2025-12-11T01:47:23.0000000Z":       "2025-12-11T01:47:23Z",
		"2025-12-11":                         "2025-12-11T00:00:00",
		"2025-12-11T01:47":                   "2025-12-11T01:47:00",
		" 2025-12-11T01:47:23+0200 ":         "2025-12-11T01:47:23+02:00",
		"/Date(1234567890123)/":              "2009-02-13T23:31:30.123Z",
		"/Date(1234567890123+0200)/":         "2009-02-14T01:31:30.123+02:00",
		"/Date(-1000)/":                      "1969-12-31T23:59:59Z",
	} {
		v, err := rtParseDateTime([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := string(rtAppendDateTime(nil, v)); got != want {
			t.Errorf("%q: got %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "2025-13-01", "2025-02-30T00:00:00", "2025-12-11T24:00:00", "2025-12-11T01:47:23+15:00", "2025-12-11X", "/Date(x)/", "2025-12-11T01:47:23."} {
		if _, err := rtParseDateTime([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestDateTimeZero(t *testing.T) {
	var d DateTime
	if got := d.String(); got != "0001-01-01T00:00:00" {
		t.Errorf("zero = %s", got)
	}
	if !d.IsZero() {
		t.Error("zero not IsZero")
	}
	if got := string(rtAppendDateTimeOffset(nil, time.Time{})); got != "0001-01-01T00:00:00+00:00" {
		t.Errorf("zero offset = %s", got)
	}
}

func TestDateFormat(t *testing.T) {
	local := DateTime{Time: time.Date(2025, 12, 11, 1, 47, 23, 104054700, rtFixedZone(7200)), Kind: DateTimeLocal}
	utc := DateTime{Time: time.Date(2025, 12, 11, 1, 47, 23, 0, time.UTC), Kind: DateTimeUtc}
	unspec := DateTime{Time: time.Date(2025, 1, 2, 13, 4, 5, 500000000, time.UTC)}
	for _, c := range []struct {
		layout string
		v      DateTime
		want   string
	}{
		{"yyyy-MM-ddTHH:mm:ssZ", local, "2025-12-11T01:47:23Z"},
		{"yyyy-MM-ddTHH:mm:ssZ", utc, "2025-12-11T01:47:23Z"},
		{"", local, "2025-12-11T01:47:23.1040547+02:00"},
		{"yyyy-MM-ddTHH:mm:ss.FFFFFFFK", utc, "2025-12-11T01:47:23Z"},
		{"yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", unspec, "2025-01-02T13:04:05.5"},
		{"yyyy-MM-ddTHH:mm:ss.fffK", unspec, "2025-01-02T13:04:05.500"},
		{"yyyy-MM-ddTHH:mm:ss.FFFK", utc, "2025-12-11T01:47:23Z"},
		{"dd/MM/yyyy hh:mm tt", unspec, "02/01/2025 01:04 PM"},
		{"d MMM yy \\a\\t H:m zzz", local, "11 Dec 25 at 1:47 +02:00"},
		{"\"day\" dddd, MMMM", local, "day Thursday, December"},
		{"o", utc, "2025-12-11T01:47:23.0000000Z"},
		{"s", local, "2025-12-11T01:47:23"},
		{"%d", unspec, "2"},
		{"yyyyMMddHHmmssfffffff", local, "202512110147231040547"},
		{"zz z", local, "+02 +2"},
	} {
		f := rtCompileDateFormat(c.layout)
		if got := string(f.appendDateTime(nil, c.v)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.layout, got, c.want)
		}
	}
	// DateTimeOffset: K is always an offset.
	f := rtCompileDateFormat("yyyy-MM-ddTHH:mm:ssK")
	if got := string(f.appendOffset(nil, utc.Time)); got != "2025-12-11T01:47:23+00:00" {
		t.Errorf("offset K: %s", got)
	}
	if got := string(rtCompileDateFormat("").appendOffset(nil, local.Time)); got != "2025-12-11T01:47:23.1040547+02:00" {
		t.Errorf("offset default: %s", got)
	}
}

func TestZoneHandling(t *testing.T) {
	loc := rtFixedZone(7200)
	unspec := DateTime{Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	utc := DateTime{Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Kind: DateTimeUtc}
	for _, c := range []struct {
		h    string
		v    DateTime
		want string
	}{
		{"Utc", unspec, "2025-01-02T03:04:05Z"},
		{"Local", unspec, "2025-01-02T03:04:05+02:00"},
		{"Local", utc, "2025-01-02T05:04:05+02:00"},
		{"Unspecified", utc, "2025-01-02T03:04:05"},
		{"RoundtripKind", utc, "2025-01-02T03:04:05Z"},
	} {
		got := rtZoneHandlingOf(c.h).apply(c.v, loc).String()
		if got != c.want {
			t.Errorf("%s %v: got %s want %s", c.h, c.v, got, c.want)
		}
	}
}

func TestTimeSpan(t *testing.T) {
	for _, c := range []struct {
		ticks  TimeSpan
		c, xsd string
	}{
		{0, "00:00:00", "PT0S"},
		{1234567, "00:00:00.1234567", "PT0.1234567S"},
		{5000000, "00:00:00.5000000", "PT0.5S"},
		{rtTicksPerDay + 2*rtTicksPerHour + 3*rtTicksPerMinute + 4*rtTicksPerSecond + 5000000, "1.02:03:04.5000000", "P1DT2H3M4.5S"},
		{-rtTicksPerHour, "-01:00:00", "-PT1H"},
		{2 * rtTicksPerDay, "2.00:00:00", "P2D"},
		{math.MaxInt64, "10675199.02:48:05.4775807", "P10675199DT2H48M5.4775807S"},
		{math.MinInt64, "-10675199.02:48:05.4775808", "-P10675199DT2H48M5.4775808S"},
	} {
		if got := string(rtAppendTimeSpan(nil, c.ticks)); got != c.c {
			t.Errorf("c(%d) = %s, want %s", c.ticks, got, c.c)
		}
		if got := string(rtAppendDuration(nil, c.ticks)); got != c.xsd {
			t.Errorf("xsd(%d) = %s, want %s", c.ticks, got, c.xsd)
		}
		if v, err := rtParseTimeSpan([]byte(c.c)); err != nil || v != c.ticks {
			t.Errorf("parse c %s = %d, %v", c.c, v, err)
		}
		// TimeSpan.MinValue too: DCS writes it, its magnitude is 2^63.
		if v, err := rtParseDuration([]byte(c.xsd)); err != nil || v != c.ticks {
			t.Errorf("parse xsd %s = %d, %v", c.xsd, v, err)
		}
	}
	for _, bad := range []string{"-P10675199DT2H48M5.4775809S", "P10675199DT2H48M5.4775808S", "-P10675200D"} {
		if v, err := rtParseDuration([]byte(bad)); err == nil {
			t.Errorf("duration %s = %d, want an overflow error", bad, v)
		}
	}
	for in, want := range map[string]TimeSpan{
		"3": 3 * rtTicksPerDay, "01:02": rtTicksPerHour + 2*rtTicksPerMinute, "1:02:03:04.5": rtTicksPerDay + 2*rtTicksPerHour + 3*rtTicksPerMinute + 4*rtTicksPerSecond + 5000000,
		"-00:00:01": -rtTicksPerSecond,
	} {
		if v, err := rtParseTimeSpan([]byte(in)); err != nil || v != want {
			t.Errorf("TimeSpan %q = %d, %v; want %d", in, v, err, want)
		}
	}
	for in, want := range map[string]TimeSpan{
		"P1Y": 365 * rtTicksPerDay, "P1M": 30 * rtTicksPerDay, "PT1.123456789S": rtTicksPerSecond + 1234567, "PT90M": 90 * rtTicksPerMinute,
	} {
		if v, err := rtParseDuration([]byte(in)); err != nil || v != want {
			t.Errorf("duration %q = %d, %v; want %d", in, v, err, want)
		}
	}
	for _, bad := range []string{"", "P", "PT", "1D", "P1H", "PT1D", "P1DT", "P1.5D", "PT1.S", "P1D1Y"} {
		if _, err := rtParseDuration([]byte(bad)); err == nil {
			t.Errorf("duration %q parsed", bad)
		}
	}
	for _, bad := range []string{"", "-", "1:", "24:00:00", "00:60:00", "00:00:00.12345678", "1.2.3"} {
		if _, err := rtParseTimeSpan([]byte(bad)); err == nil {
			t.Errorf("TimeSpan %q parsed", bad)
		}
	}
}

var pointOne = 0.1 // a variable: constant arithmetic would be exact

func TestDouble(t *testing.T) {
	for _, c := range []struct {
		f         float64
		xml, json string
	}{
		{1, "1", "1.0"},
		{1.1, "1.1", "1.1"},
		{1e20, "1E+20", "1E+20"},
		{1e15, "1E+15", "1E+15"},
		{1e14, "100000000000000", "100000000000000.0"},
		{0.0001, "0.0001", "0.0001"},
		{0.00001, "1E-05", "1E-05"},
		{-2.5, "-2.5", "-2.5"},
		{pointOne + 0.2, "0.30000000000000004", "0.30000000000000004"},
		{pointOne + 0.7, "0.79999999999999993", "0.79999999999999993"},
		{math.MaxFloat64, "1.7976931348623157E+308", "1.7976931348623157E+308"},
		{math.Copysign(0, -1), "0", "0.0"},
		{math.Inf(1), "INF", `"Infinity"`},
		{math.Inf(-1), "-INF", `"-Infinity"`},
		{math.NaN(), "NaN", `"NaN"`},
		{123456789.123, "123456789.123", "123456789.123"},
	} {
		if got := string(rtAppendDouble(nil, c.f)); got != c.xml {
			t.Errorf("xml %v = %s, want %s", c.f, got, c.xml)
		}
		if got := string(rtAppendDoubleJSON(nil, c.f)); got != c.json {
			t.Errorf("json %v = %s, want %s", c.f, got, c.json)
		}
		if !math.IsNaN(c.f) {
			if back, err := rtParseDouble([]byte(c.xml)); err != nil || back != c.f {
				t.Errorf("parse %s = %v, %v", c.xml, back, err)
			}
		}
	}
	for f, want := range map[float32]string{1.1: "1.1", 3.4028235e38: "3.40282347E+38", 16777216: "16777216", 0.1: "0.1"} {
		if got := string(rtAppendFloat(nil, f)); got != want {
			t.Errorf("float %v = %s, want %s", f, got, want)
		}
	}
	for _, bad := range []string{"", "0x10", "inf", "1_000", "abc"} {
		if _, err := rtParseDouble([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"1.50": "1.50", "0": "0", "-0": "0", "0.000": "0.000", "-12.345": "-12.345", "100": "100",
		"79228162514264337593543950335":  "79228162514264337593543950335",
		"0.0000000000000000000000000001": "0.0000000000000000000000000001",
		"1.5E3":                          "1500", "15E-1": "1.5",
		"0.00000000000000000000000000005":   "0.0000000000000000000000000000",
		"0.00000000000000000000000000015":   "0.0000000000000000000000000002",
		"1.00000000000000000000000000005":   "1.0000000000000000000000000000",
		"7.9228162514264337593543950335999": "7.922816251426433759354395034",
		" +3.0 ":                            "3.0",
	} {
		d, err := rtParseDecimal([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := d.String(); got != want {
			t.Errorf("%q: got %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "-", "1.2.3", "79228162514264337593543950336", "1e", "abc", "."} {
		if _, err := rtParseDecimal([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if got := string(rtAppendDecimalJSON(nil, DecimalFromInt(-7))); got != "-7.0" {
		t.Errorf("json -7 = %s", got)
	}
	a, _ := ParseDecimal("1.5")
	b, _ := ParseDecimal("1.500")
	if !a.Equal(b) || a == b {
		t.Error("1.5 vs 1.500")
	}
	if DecimalFromInt(math.MinInt64).String() != "-9223372036854775808" {
		t.Error(DecimalFromInt(math.MinInt64).String())
	}
	if f := a.Float64(); f != 1.5 {
		t.Error(f)
	}
}

func TestGUIDAndBase64(t *testing.T) {
	u := uuid.MustParse("54EE0A7C-D2B8-484F-83BA-6BFD9A86A8D3")
	if got := string(rtAppendGUID(nil, u)); got != "54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3" {
		t.Error(got)
	}
	for _, in := range []string{"54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3", "54EE0A7C-D2B8-484F-83BA-6BFD9A86A8D3", "{54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3}", "54ee0a7cd2b8484f83ba6bfd9a86a8d3", " 54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3\n"} {
		if v, err := rtParseGUID([]byte(in)); err != nil || v != u {
			t.Errorf("%q: %v %v", in, v, err)
		}
	}
	if _, err := rtParseGUID([]byte("54ee0a7c-d2b8-484f-83ba-6bfd9a86a8dx")); err == nil {
		t.Error("bad guid parsed")
	}
	if got := string(rtAppendBase64(nil, []byte{0, 1, 2, 250})); got != "AAEC+g==" {
		t.Error(got)
	}
	if v, err := rtParseBase64([]byte("AAEC\n+g==")); err != nil || string(v) != "\x00\x01\x02\xfa" {
		t.Error(v, err)
	}
	if v, err := rtParseBase64(nil); err != nil || v == nil || len(v) != 0 {
		t.Error("empty base64", v, err)
	}
}

func TestIntegers(t *testing.T) {
	for _, c := range []struct {
		in   string
		bits int
		want int64
		ok   bool
	}{
		{"127", 8, 127, true}, {"128", 8, 0, false}, {"-128", 8, -128, true}, {"-129", 8, 0, false},
		{"-9223372036854775808", 64, math.MinInt64, true}, {"9223372036854775808", 64, 0, false},
		{"+5", 32, 5, true}, {"", 32, 0, false}, {"1.0", 32, 0, false}, {"-0", 32, 0, true},
	} {
		v, err := rtParseInt([]byte(c.in), c.bits)
		if (err == nil) != c.ok || v != c.want {
			t.Errorf("int %q/%d = %d, %v", c.in, c.bits, v, err)
		}
	}
	if v, err := rtParseUint([]byte("18446744073709551615"), 64); err != nil || v != math.MaxUint64 {
		t.Error(v, err)
	}
	if _, err := rtParseUint([]byte("18446744073709551616"), 64); err == nil {
		t.Error("uint overflow")
	}
	if _, err := rtParseUint([]byte("256"), 8); err == nil {
		t.Error("uint8 overflow")
	}
	if b, err := rtParseBool([]byte(" 1 ")); err != nil || !b {
		t.Error("bool 1")
	}
	if r, err := rtParseCharCode([]byte("65")); err != nil || r != 'A' {
		t.Error("char")
	}
}

func TestParseNoAlloc(t *testing.T) {
	g := []byte("54ee0a7c-d2b8-484f-83ba-6bfd9a86a8d3")
	d := []byte("2025-12-11T01:47:23.1040547+02:00")
	rtParseDateTime(d) // warm the zone cache
	n := testing.AllocsPerRun(100, func() {
		rtParseGUID(g)
		rtParseDateTime(d)
		rtParseDouble([]byte("1.25"))
	})
	if n != 0 {
		t.Errorf("%v allocations", n)
	}
}
