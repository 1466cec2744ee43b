package rt

// Scalars of the .NET wire: the Go types for DateTime, TimeSpan, decimal and
// Object, and the text forms Json.NET and DataContractSerializer (DCS) give
// every primitive. Both the JSON and the XML codecs build on the helpers
// below; their names and signatures are stable.
//
// Append helpers append the text form to dst and return the extended slice.
// Parse helpers read the text form from b (leading and trailing XML
// whitespace is ignored) and never retain b.
//
//	rtAppendDateTime(dst, DateTime) []byte           round-trip form: 2025-12-11T01:47:23.1040547+02:00 / …Z / no suffix (DCS, Json.NET default)
//	rtParseDateTime(b) (DateTime, error)             ISO with/without fraction and zone, date only, /Date(ms±hhmm)/
//	rtAppendDateTimeOffset(dst, time.Time) []byte    Json.NET ISO form, always with an offset (+00:00 for UTC)
//	rtParseDateTimeOffset(b) (time.Time, error)      same inputs as rtParseDateTime; no zone means UTC
//	rtCompileDateFormat(layout) *rtDateFormat        a .NET custom (or one-letter standard) date format
//	(*rtDateFormat).appendDateTime(dst, DateTime)    DateTime.ToString(layout, InvariantCulture)
//	(*rtDateFormat).appendOffset(dst, time.Time)     DateTimeOffset.ToString(layout, InvariantCulture)
//	rtZoneHandlingOf(name) rtZoneHandling            Json.NET DateTimeZoneHandling by name; .apply(DateTime, local) DateTime
//	rtAppendTimeSpan(dst, TimeSpan) / rtParseTimeSpan(b)   TimeSpan "c" form [-][d.]hh:mm:ss[.fffffff] (Json.NET)
//	rtAppendDuration(dst, TimeSpan) / rtParseDuration(b)   xsd:duration P1DT2H3M4.5S, PT0S, -P… (DCS)
//	rtAppendDouble(dst, float64) / rtAppendFloat(dst, float32)   .NET "R" form; INF, -INF, NaN (DCS)
//	rtAppendDoubleJSON / rtAppendFloatJSON           Json.NET form: "R" plus ".0" when integral; "NaN", "Infinity" quoted
//	rtParseDouble(b) (float64, error) / rtParseFloat(b) (float32, error)   numbers, INF, -INF, NaN, Infinity, -Infinity
//	rtAppendDecimal(dst, Decimal) / rtAppendDecimalJSON(dst, Decimal) / rtParseDecimal(b)   scale kept (1.50); JSON adds ".0" to integers
//	rtAppendGUID(dst, uuid.UUID) / rtParseGUID(b)    lower-case "D" form; parse also takes {…}, urn:uuid:, 32 hex digits
//	rtAppendBase64(dst, []byte) / rtParseBase64(b)   standard base64 with padding; parse ignores whitespace
//	rtAppendBool(dst, bool) / rtParseBool(b)         true/false; parse also takes 1/0 (xsd:boolean)
//	rtParseInt(b, bits) (int64, error) / rtParseUint(b, bits) (uint64, error)   decimal integers with range check
//	rtAppendCharCode(dst, rune) / rtParseCharCode(b) (rune, error)   char as DCS writes it: the UTF-16 code as an integer

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// DateTimeKind is .NET's DateTime.Kind: what the wall clock of a DateTime is
// relative to. It decides the zone suffix on the wire: Z for Utc, the
// offset for Local, nothing for Unspecified.
type DateTimeKind uint8

// DateTime kinds.
const (
	DateTimeUnspecified DateTimeKind = iota
	DateTimeUtc
	DateTimeLocal
)

func (k DateTimeKind) String() string {
	switch k {
	case DateTimeUtc:
		return "Utc"
	case DateTimeLocal:
		return "Local"
	}
	return "Unspecified"
}

// DateTime is a .NET DateTime: a wall clock with 100 ns precision and a
// Kind. Go's time.Time alone cannot say "no zone", and the kind changes
// the wire text, so both are kept.
//
//   - Utc: Time is the instant (written in UTC with a Z).
//   - Local: Time's offset is the server-local offset; it is written.
//   - Unspecified: Time's wall clock is written and its location ignored;
//     parsed values carry the UTC location.
//
// The zero DateTime is .NET's default(DateTime), 0001-01-01T00:00:00.
// Precision finer than 100 ns is truncated when written.
type DateTime struct {
	Time time.Time
	Kind DateTimeKind
}

// DateTimeOf wraps t: Utc when t's location is UTC, else Local.
func DateTimeOf(t time.Time) DateTime {
	if t.Location() == time.UTC {
		return DateTime{Time: t, Kind: DateTimeUtc}
	}
	return DateTime{Time: t, Kind: DateTimeLocal}
}

// String is the round-trip form DCS writes.
func (d DateTime) String() string { return string(rtAppendDateTime(nil, d)) }

// IsZero reports whether d is .NET's default(DateTime).
func (d DateTime) IsZero() bool {
	y, mo, dd := d.Time.Date()
	h, mi, s := d.Time.Clock()
	return y == 1 && mo == 1 && dd == 1 && h == 0 && mi == 0 && s == 0 && d.Time.Nanosecond() < 100 && d.Kind == DateTimeUnspecified
}

// Equal reports whether d and o have the same kind and the same wire text
// (instant for Utc and Local, wall clock for Unspecified).
func (d DateTime) Equal(o DateTime) bool {
	if d.Kind != o.Kind {
		return false
	}
	return bytes.Equal(rtAppendDateTime(nil, d), rtAppendDateTime(nil, o))
}

// MarshalJSON writes the round-trip form, so that DateTime is usable in
// user structs with encoding/json too.
func (d DateTime) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 36), '"')
	b = rtAppendDateTime(b, d)
	return append(b, '"'), nil
}

// UnmarshalJSON reads any form Json.NET writes; null leaves d unchanged.
func (d *DateTime) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return errors.New("DateTime: not a JSON string")
	}
	v, err := rtParseDateTime(data[1 : len(data)-1])
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// TimeSpan is a .NET TimeSpan: a signed count of 100 ns ticks.
// TimeSpan(d / 100) converts a time.Duration (or use TimeSpanOf).
type TimeSpan int64

// TimeSpanOf converts d, truncated to 100 ns.
func TimeSpanOf(d time.Duration) TimeSpan { return TimeSpan(d / 100) }

// Duration converts ts, saturating at the limits of time.Duration
// (about ±292 years; TimeSpan reaches ±29,227 years).
func (ts TimeSpan) Duration() time.Duration {
	const max = math.MaxInt64 / 100
	switch {
	case ts > max:
		return math.MaxInt64
	case ts < -max:
		return math.MinInt64
	}
	return time.Duration(ts) * 100
}

// String is the "c" form Json.NET writes: [-][d.]hh:mm:ss[.fffffff].
func (ts TimeSpan) String() string { return string(rtAppendTimeSpan(nil, ts)) }

// MarshalJSON writes the "c" form as Json.NET does.
func (ts TimeSpan) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 28), '"')
	b = rtAppendTimeSpan(b, ts)
	return append(b, '"'), nil
}

// UnmarshalJSON reads the forms TimeSpan.Parse accepts; null leaves ts unchanged.
func (ts *TimeSpan) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return errors.New("TimeSpan: not a JSON string")
	}
	v, err := rtParseTimeSpan(data[1 : len(data)-1])
	if err != nil {
		return err
	}
	*ts = v
	return nil
}

// Decimal is a .NET decimal: a 96-bit integer scaled by a power of ten
// (0 to 28). The scale is part of the value on the wire: 1.50 is written
// "1.50", not "1.5", so it is kept exactly; arithmetic is left to the
// caller (Float64, or String with a big-number package). The zero Decimal
// is 0.
type Decimal struct {
	lo    uint64
	hi    uint32
	scale uint8
	neg   bool
}

// ParseDecimal parses s as decimal.Parse does with the invariant culture
// (sign, digits, point, exponent); excess fraction digits are rounded
// half to even, as .NET does.
func ParseDecimal(s string) (Decimal, error) { return rtParseDecimal([]byte(s)) }

// DecimalFromInt returns v with scale 0.
func DecimalFromInt(v int64) Decimal {
	if v < 0 {
		return Decimal{lo: uint64(-(v + 1)) + 1, neg: true}
	}
	return Decimal{lo: uint64(v)}
}

// Scale is the number of digits after the point.
func (d Decimal) Scale() int { return int(d.scale) }

// IsZero reports whether d is zero (at any scale).
func (d Decimal) IsZero() bool { return d.lo == 0 && d.hi == 0 }

// String is the invariant text of d, as DCS writes it ("1.50", "-3", "0.001").
func (d Decimal) String() string { return string(rtAppendDecimal(nil, d)) }

// Float64 is the nearest float64.
func (d Decimal) Float64() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// Equal reports whether d and o are the same number, ignoring scale
// (1.5 equals 1.50, as in .NET).
func (d Decimal) Equal(o Decimal) bool {
	if d.IsZero() || o.IsZero() {
		return d.IsZero() && o.IsZero()
	}
	if d.neg != o.neg {
		return false
	}
	a, b := d, o
	for a.scale < b.scale {
		if !a.mul10() {
			return false
		}
		a.scale++
	}
	for b.scale < a.scale {
		if !b.mul10() {
			return false
		}
		b.scale++
	}
	return a.lo == b.lo && a.hi == b.hi
}

// MarshalJSON writes d as Json.NET does (a number with a point: 1.0, 1.50).
func (d Decimal) MarshalJSON() ([]byte, error) { return rtAppendDecimalJSON(nil, d), nil }

// UnmarshalJSON reads a JSON number or numeric string; null leaves d unchanged.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		data = data[1 : len(data)-1]
	}
	v, err := rtParseDecimal(data)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// mul10 multiplies the 96-bit mantissa by ten; false on overflow.
func (d *Decimal) mul10() bool {
	hi, lo := bits.Mul64(d.lo, 10)
	hi2 := uint64(d.hi)*10 + hi
	if hi2 > math.MaxUint32 {
		return false
	}
	d.lo, d.hi = lo, uint32(hi2)
	return true
}

// add adds a small value to the mantissa; false on overflow.
func (d *Decimal) add(v uint64) bool {
	lo, c := bits.Add64(d.lo, v, 0)
	hi := uint64(d.hi) + c
	if hi > math.MaxUint32 {
		return false
	}
	d.lo, d.hi = lo, uint32(hi)
	return true
}

// div10 divides the mantissa by ten, returning the remainder.
func (d *Decimal) div10() uint64 {
	qh, r := uint64(d.hi)/10, uint64(d.hi)%10
	ql, r := bits.Div64(r, d.lo, 10)
	d.hi, d.lo = uint32(qh), ql
	return r
}

// Object is a value of .NET type Object (xsd:anyType): its shape is only
// known at run time, so it is kept as the raw text it was read from and
// written back unchanged. The zero Object is null.
type Object struct {
	// JSON is the raw JSON value (nil for null or when read from XML).
	JSON []byte
	// XML is the raw XML the XML codec read for the member (nil for nil or
	// when read from JSON); see the XML runtime for its exact extent.
	XML []byte
}

// IsNull reports whether o holds no value.
func (o Object) IsNull() bool { return o.JSON == nil && o.XML == nil }

// MarshalJSON writes the raw JSON, or null.
func (o Object) MarshalJSON() ([]byte, error) {
	if o.JSON == nil {
		return []byte("null"), nil
	}
	return o.JSON, nil
}

// UnmarshalJSON keeps a copy of data.
func (o *Object) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*o = Object{}
		return nil
	}
	o.JSON = append([]byte(nil), data...)
	o.XML = nil
	return nil
}

// KeyValuePair is .NET's KeyValuePair<K,V> (JSON {"Key":…,"Value":…}).
type KeyValuePair[K, V any] struct {
	Key   K
	Value V
}

// rtError is a wire text that does not parse.
type rtError struct {
	what string
	text string
}

func (e *rtError) Error() string {
	t := e.text
	if len(t) > 64 {
		t = t[:64] + "…"
	}
	return "invalid " + e.what + " " + strconv.Quote(t)
}

func rtErr(what string, b []byte) error { return &rtError{what: what, text: string(b)} }

// rtTrimSpace trims XML whitespace (XmlConvert trims it before parsing).
func rtTrimSpace(b []byte) []byte {
	for len(b) > 0 && rtIsSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && rtIsSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func rtIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// rtUnsafeString views b as a string for calls that do not retain it.
func rtUnsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// ---- integers and booleans ----

// rtParseInt parses a decimal integer (optional sign) that fits in bits.
func rtParseInt(b []byte, bitSize int) (int64, error) {
	b = rtTrimSpace(b)
	neg := false
	s := b
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 20 {
		return 0, rtErr("integer", b)
	}
	var u uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, rtErr("integer", b)
		}
		if u > (math.MaxUint64-9)/10 {
			return 0, rtErr("integer", b)
		}
		u = u*10 + uint64(c-'0')
	}
	limit := uint64(1) << (bitSize - 1)
	if neg {
		if u > limit {
			return 0, rtErr("integer", b)
		}
		return int64(-u), nil
	}
	if u >= limit {
		return 0, rtErr("integer", b)
	}
	return int64(u), nil
}

// rtParseUint parses an unsigned decimal integer that fits in bits ("+"
// allowed, "-0" too, as .NET accepts them).
func rtParseUint(b []byte, bitSize int) (uint64, error) {
	b = rtTrimSpace(b)
	s := b
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 20 {
		return 0, rtErr("integer", b)
	}
	var u uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, rtErr("integer", b)
		}
		hi, lo := bits.Mul64(u, 10)
		lo, carry := bits.Add64(lo, uint64(c-'0'), 0)
		if hi != 0 || carry != 0 {
			return 0, rtErr("integer", b)
		}
		u = lo
	}
	if neg && u != 0 {
		return 0, rtErr("integer", b)
	}
	if bitSize < 64 && u >= 1<<bitSize {
		return 0, rtErr("integer", b)
	}
	return u, nil
}

// rtAppendBool writes true or false.
func rtAppendBool(dst []byte, v bool) []byte {
	if v {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

// rtParseBool reads xsd:boolean (true, false, 1, 0).
func rtParseBool(b []byte) (bool, error) {
	switch string(rtTrimSpace(b)) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, rtErr("boolean", b)
}

// rtAppendCharCode writes a char as DCS does: its UTF-16 code.
func rtAppendCharCode(dst []byte, r rune) []byte { return strconv.AppendInt(dst, int64(r), 10) }

// rtParseCharCode reads a char code (0–65535).
func rtParseCharCode(b []byte) (rune, error) {
	v, err := rtParseUint(b, 16)
	if err != nil {
		return 0, rtErr("char", b)
	}
	return rune(v), nil
}

// ---- GUID and base64 ----

const rtHex = "0123456789abcdef"

// rtAppendGUID writes u in lower-case "D" form.
func rtAppendGUID(dst []byte, u uuid.UUID) []byte {
	n := len(dst)
	dst = slices.Grow(dst, 36)[:n+36]
	b := (*[36]byte)(dst[n:])
	b[8], b[13], b[18], b[23] = '-', '-', '-', '-'
	for i, j := range rtGUIDHexAt {
		b[j] = rtHex[u[i]>>4]
		b[j+1] = rtHex[u[i]&15]
	}
	return dst
}

var rtUnhex = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := byte(0); i < 10; i++ {
		t['0'+i] = i
	}
	for i := byte(0); i < 6; i++ {
		t['a'+i] = 10 + i
		t['A'+i] = 10 + i
	}
	return
}()

// rtGUID36 parses the canonical 36-byte form (8-4-4-4-12 hex digits).
func rtGUID36(b []byte) (u uuid.UUID, ok bool) {
	if len(b) != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-' {
		return u, false
	}
	var bad byte // any 0xff from rtUnhex sets its high bits
	for j, i := range rtGUIDHexAt {
		h, l := rtUnhex[b[i]], rtUnhex[b[i+1]]
		bad |= h | l
		u[j] = h<<4 | l
	}
	return u, bad&0xf0 == 0
}

// rtGUIDHexAt is where each byte's two hex digits start in the 36-byte form.
var rtGUIDHexAt = [16]uint8{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// rtParseGUID reads the "D" form without allocating; other forms
// ({…}, urn:uuid:, 32 digits) go through uuid.ParseBytes.
func rtParseGUID(b []byte) (uuid.UUID, error) {
	if u, ok := rtGUID36(b); ok {
		return u, nil
	}
	t := rtTrimSpace(b)
	if len(t) == 36 && len(b) != 36 {
		return rtParseGUID(t)
	}
	u, err := uuid.ParseBytes(t)
	if err != nil {
		return u, rtErr("guid", b)
	}
	return u, nil
}

// rtAppendBase64 writes standard base64 with padding.
func rtAppendBase64(dst []byte, v []byte) []byte {
	return base64.StdEncoding.AppendEncode(dst, v)
}

// rtParseBase64 decodes standard base64, ignoring whitespace as
// Convert.FromBase64String does. The result is never nil.
func rtParseBase64(b []byte) ([]byte, error) {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err == nil {
		return out[:n], nil
	}
	clean := make([]byte, 0, len(b))
	for _, c := range b {
		if !rtIsSpace(c) {
			clean = append(clean, c)
		}
	}
	n, err = base64.StdEncoding.Decode(out, clean)
	if err != nil {
		return nil, rtErr("base64", b)
	}
	return out[:n], nil
}

// ---- floating point ----

// rtAppendDouble writes f in .NET Framework's "R" form (15 significant
// digits when they round-trip, else 17; exponent form outside 1e-5..1e15)
// with DCS's INF, -INF and NaN.
func rtAppendDouble(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "INF"...)
	case math.IsInf(f, -1):
		return append(dst, "-INF"...)
	}
	return rtAppendR(dst, f, 64)
}

// rtAppendFloat is rtAppendDouble for float32 (7 digits, else 9).
func rtAppendFloat(dst []byte, f float32) []byte {
	switch {
	case f != f:
		return append(dst, "NaN"...)
	case math.IsInf(float64(f), 1):
		return append(dst, "INF"...)
	case math.IsInf(float64(f), -1):
		return append(dst, "-INF"...)
	}
	return rtAppendR(dst, float64(f), 32)
}

// rtAppendDoubleJSON writes f as Json.NET does: the "R" form with ".0"
// added when it has neither point nor exponent; NaN and infinities as the
// strings "NaN", "Infinity", "-Infinity" (FloatFormatHandling.String).
func rtAppendDoubleJSON(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(dst, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(dst, `"-Infinity"`...)
	}
	return rtEnsurePoint(dst, len(dst), rtAppendR(dst, f, 64))
}

// rtAppendFloatJSON is rtAppendDoubleJSON for float32.
func rtAppendFloatJSON(dst []byte, f float32) []byte {
	if f != f || math.IsInf(float64(f), 0) {
		return rtAppendDoubleJSON(dst, float64(f))
	}
	return rtEnsurePoint(dst, len(dst), rtAppendR(dst, float64(f), 32))
}

func rtEnsurePoint(_ []byte, start int, out []byte) []byte {
	if bytes.IndexByte(out[start:], '.') < 0 && bytes.IndexByte(out[start:], 'E') < 0 {
		out = append(out, ".0"...)
	}
	return out
}

// rtAppendR implements .NET Framework's "R" format for a finite value.
func rtAppendR(dst []byte, f float64, bitSize int) []byte {
	if f == 0 {
		// .NET Framework prints negative zero as "0".
		return append(dst, '0')
	}
	prec1, prec2 := 15, 17
	if bitSize == 32 {
		prec1, prec2 = 7, 9
	}
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], f, 'e', prec1-1, bitSize)
	prec := prec1
	if back, err := strconv.ParseFloat(rtUnsafeString(s), bitSize); err != nil || back != f {
		s = strconv.AppendFloat(buf[:0], f, 'e', prec2-1, bitSize)
		prec = prec2
	}
	return rtAppendGeneral(dst, s, prec)
}

// rtAppendGeneral formats Go's 'e' output (-d.ddde±XX) the way .NET's "G"
// format with the given precision does.
func rtAppendGeneral(dst, e []byte, prec int) []byte {
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	ei := bytes.IndexByte(e, 'e')
	mant, expPart := e[:ei], e[ei+1:]
	var digits [24]byte
	n := 0
	for _, c := range mant {
		if c != '.' {
			digits[n] = c
			n++
		}
	}
	for n > 1 && digits[n-1] == '0' {
		n--
	}
	exp, _ := strconv.Atoi(rtUnsafeString(expPart))
	scale := exp + 1 // value = 0.d1d2… × 10^scale
	if neg {
		dst = append(dst, '-')
	}
	if scale > prec || scale < -3 {
		dst = append(dst, digits[0])
		if n > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:n]...)
		}
		dst = append(dst, 'E')
		x := scale - 1
		if x < 0 {
			dst = append(dst, '-')
			x = -x
		} else {
			dst = append(dst, '+')
		}
		if x < 10 {
			dst = append(dst, '0')
		}
		return strconv.AppendInt(dst, int64(x), 10)
	}
	switch {
	case scale <= 0:
		dst = append(dst, '0', '.')
		for i := 0; i < -scale; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, digits[:n]...)
	case scale >= n:
		dst = append(dst, digits[:n]...)
		for i := n; i < scale; i++ {
			dst = append(dst, '0')
		}
	default:
		dst = append(dst, digits[:scale]...)
		dst = append(dst, '.')
		dst = append(dst, digits[scale:n]...)
	}
	return dst
}

// rtParseDouble reads a number as XmlConvert.ToDouble and Json.NET do,
// including INF, -INF, NaN, Infinity and -Infinity.
func rtParseDouble(b []byte) (float64, error) {
	return rtParseFloatBits(b, 64)
}

// rtParseFloat reads a float32.
func rtParseFloat(b []byte) (float32, error) {
	f, err := rtParseFloatBits(b, 32)
	return float32(f), err
}

func rtParseFloatBits(b []byte, bitSize int) (float64, error) {
	t := rtTrimSpace(b)
	switch string(t) {
	case "INF", "Infinity", "+Infinity":
		return math.Inf(1), nil
	case "-INF", "-Infinity":
		return math.Inf(-1), nil
	case "NaN":
		return math.NaN(), nil
	}
	if len(t) == 0 {
		return 0, rtErr("number", b)
	}
	for _, c := range t {
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return 0, rtErr("number", b)
		}
	}
	f, err := strconv.ParseFloat(rtUnsafeString(t), bitSize)
	if err != nil {
		// Out of range: .NET Framework reports an overflow too.
		return 0, rtErr("number", b)
	}
	return f, nil
}

// ---- decimal ----

// rtAppendDecimal writes d as decimal.ToString(InvariantCulture) does.
func rtAppendDecimal(dst []byte, d Decimal) []byte {
	var buf [40]byte
	i := len(buf)
	m := d
	scale := int(m.scale)
	digits := 0
	for m.lo != 0 || m.hi != 0 || digits <= scale {
		r := m.div10()
		i--
		buf[i] = byte('0' + r)
		digits++
		if digits == scale {
			i--
			buf[i] = '.'
		}
	}
	if d.neg && !d.IsZero() {
		i--
		buf[i] = '-'
	}
	return append(dst, buf[i:]...)
}

// rtAppendDecimalJSON writes d as Json.NET does: ".0" added to integers.
func rtAppendDecimalJSON(dst []byte, d Decimal) []byte {
	if d.scale == 0 {
		return append(rtAppendDecimal(dst, d), ".0"...)
	}
	return rtAppendDecimal(dst, d)
}

// rtParseDecimal reads decimal text: [sign]digits[.digits][e[sign]digits].
// Fraction digits beyond what 96 bits and scale 28 hold are rounded half
// to even; integers that do not fit are an error.
func rtParseDecimal(b []byte) (Decimal, error) {
	t := rtTrimSpace(b)
	var d Decimal
	i := 0
	if i < len(t) && (t[i] == '-' || t[i] == '+') {
		d.neg = t[i] == '-'
		i++
	}
	scale := 0
	sawDigit, sawPoint, full := false, false, false
	roundDigit, sticky := -1, false // first dropped digit; any nonzero after it
	for ; i < len(t); i++ {
		c := t[i]
		if c == '.' {
			if sawPoint {
				return Decimal{}, rtErr("decimal", b)
			}
			sawPoint = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		sawDigit = true
		if full {
			if !sawPoint {
				return Decimal{}, rtErr("decimal", b) // integer part too large
			}
			if roundDigit < 0 {
				roundDigit = int(c - '0')
			} else if c != '0' {
				sticky = true
			}
			continue
		}
		if d.lo == 0 && d.hi == 0 && c == '0' {
			if sawPoint {
				scale++
			}
			continue
		}
		save := d
		if !d.mul10() || !d.add(uint64(c-'0')) || (sawPoint && scale >= 28) {
			d = save
			full = true
			if !sawPoint {
				return Decimal{}, rtErr("decimal", b)
			}
			roundDigit = int(c - '0')
			continue
		}
		if sawPoint {
			scale++
		}
	}
	if !sawDigit {
		return Decimal{}, rtErr("decimal", b)
	}
	if i < len(t) {
		if t[i] != 'e' && t[i] != 'E' {
			return Decimal{}, rtErr("decimal", b)
		}
		e, err := rtParseInt(t[i+1:], 32)
		if err != nil || e > 1000 || e < -1000 {
			return Decimal{}, rtErr("decimal", b)
		}
		scale -= int(e)
		for scale < 0 {
			if !d.mul10() {
				return Decimal{}, rtErr("decimal", b)
			}
			scale++
		}
	}
	for scale > 28 {
		r := int(d.div10())
		if roundDigit >= 0 && roundDigit != 0 {
			sticky = true
		}
		roundDigit = r
		scale--
	}
	if roundDigit > 5 || (roundDigit == 5 && (sticky || d.lo&1 == 1)) {
		if !d.add(1) {
			// The mantissa was all ones: drop a digit, as .NET does.
			if scale == 0 {
				return Decimal{}, rtErr("decimal", b)
			}
			if d.div10() >= 5 {
				d.add(1)
			}
			scale--
		}
	}
	d.scale = uint8(scale)
	return d, nil
}

// ---- DateTime ----

// rtLocations caches fixed zones by offset minutes: FixedZone allocates,
// and parsing a Local DateTime must not.
var rtLocations [2*18*60 + 1]atomic.Pointer[time.Location]

// rtFixedZone returns a zone with the given offset in seconds.
func rtFixedZone(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	if offset%60 != 0 || offset < -18*3600 || offset > 18*3600 {
		return time.FixedZone("", offset)
	}
	p := &rtLocations[offset/60+18*60]
	if l := p.Load(); l != nil {
		return l
	}
	l := time.FixedZone("", offset)
	p.Store(l)
	return l
}

// rtAppendDateTime writes the round-trip form DCS and Json.NET (default
// settings) write: yyyy-MM-ddTHH:mm:ss, up to 7 fraction digits with
// trailing zeros trimmed, then Z (Utc), ±hh:mm (Local) or nothing.
func rtAppendDateTime(dst []byte, v DateTime) []byte {
	t := v.Time
	if v.Kind == DateTimeUtc {
		t = t.UTC()
	}
	dst = rtAppendClock(dst, t)
	dst = rtAppendFraction(dst, t.Nanosecond()/100)
	switch v.Kind {
	case DateTimeUtc:
		dst = append(dst, 'Z')
	case DateTimeLocal:
		_, off := t.Zone()
		dst = rtAppendOffset(dst, off, true)
	}
	return dst
}

// rtAppendDateTimeOffset writes a DateTimeOffset as Json.NET does by
// default: the round-trip wall clock and always an offset.
func rtAppendDateTimeOffset(dst []byte, t time.Time) []byte {
	dst = rtAppendClock(dst, t)
	dst = rtAppendFraction(dst, t.Nanosecond()/100)
	_, off := t.Zone()
	return rtAppendOffset(dst, off, true)
}

func rtAppend2(dst []byte, v int) []byte { return append(dst, byte('0'+v/10), byte('0'+v%10)) }

func rtAppendYear(dst []byte, y, width int) []byte {
	if y < 0 {
		dst = append(dst, '-')
		y = -y
	}
	var buf [12]byte
	i := len(buf)
	for y > 0 || len(buf)-i < width {
		i--
		buf[i] = byte('0' + y%10)
		y /= 10
	}
	return append(dst, buf[i:]...)
}

// rtAppendClock writes yyyy-MM-ddTHH:mm:ss of t's wall clock.
func rtAppendClock(dst []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	if y >= 0 && y <= 9999 {
		dst = append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	} else {
		dst = rtAppendYear(dst, y, 4)
	}
	return append(dst, '-', byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10),
		'T', byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ':', byte('0'+s/10), byte('0'+s%10))
}

// rtAppendFraction writes "." and up to 7 digits of ticks, trailing zeros
// trimmed; nothing when ticks is zero.
func rtAppendFraction(dst []byte, ticks int) []byte {
	if ticks == 0 {
		return dst
	}
	n := 7
	for ticks%10 == 0 {
		ticks /= 10
		n--
	}
	var buf [8]byte
	buf[0] = '.'
	for i := n; i >= 1; i-- {
		buf[i] = byte('0' + ticks%10)
		ticks /= 10
	}
	return append(dst, buf[:n+1]...)
}

// rtAppendOffset writes ±hh:mm (colon) or ±hhmm.
func rtAppendOffset(dst []byte, off int, colon bool) []byte {
	sign := byte('+')
	if off < 0 {
		sign = '-'
		off = -off
	}
	off /= 60
	dst = append(dst, sign)
	dst = rtAppend2(dst, off/60)
	if colon {
		dst = append(dst, ':')
	}
	return rtAppend2(dst, off%60)
}

// rtDateParts is a parsed date text.
type rtDateParts struct {
	year, month, day, hour, min, sec, nsec int
	kind                                   DateTimeKind // Utc for Z, Local for an offset
	offset                                 int          // seconds, when Local
}

// rtParseDateTime reads every form Json.NET and DCS write or read: the ISO
// form with or without fraction (more than 7 digits are rounded to 100 ns)
// and zone (Z → Utc, ±hh:mm → Local with that offset, none → Unspecified),
// a date alone, and /Date(ms)/ (Utc) or /Date(ms±hhmm)/ (Local).
func rtParseDateTime(b []byte) (DateTime, error) {
	p, ok := rtParseDateText(rtTrimSpace(b))
	if !ok {
		return DateTime{}, rtErr("DateTime", b)
	}
	return p.dateTime(), nil
}

// rtParseDateTimeOffset reads the same forms as a DateTimeOffset; a text
// without zone is taken as UTC.
func rtParseDateTimeOffset(b []byte) (time.Time, error) {
	p, ok := rtParseDateText(rtTrimSpace(b))
	if !ok {
		return time.Time{}, rtErr("DateTimeOffset", b)
	}
	return p.dateTime().Time, nil
}

func (p *rtDateParts) dateTime() DateTime {
	loc := time.UTC
	if p.kind == DateTimeLocal {
		loc = rtFixedZone(p.offset)
	}
	t := time.Date(p.year, time.Month(p.month), p.day, p.hour, p.min, p.sec, p.nsec, loc)
	return DateTime{Time: t, Kind: p.kind}
}

func rtDigits(b []byte, i, n int) (int, bool) {
	if i+n > len(b) {
		return 0, false
	}
	v := 0
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// rtFractionScale is the nanoseconds of each of the 7 fraction digits.
var rtFractionScale = [7]int{1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2}

func rtParseDateText(b []byte) (p rtDateParts, ok bool) {
	if len(b) >= 9 && b[0] == '/' {
		return rtParseMSDate(b)
	}
	if p.year, ok = rtDigits(b, 0, 4); !ok || len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return p, false
	}
	if p.month, ok = rtDigits(b, 5, 2); !ok {
		return p, false
	}
	if p.day, ok = rtDigits(b, 8, 2); !ok {
		return p, false
	}
	if p.month < 1 || p.month > 12 || p.day < 1 || p.day > rtDaysIn(p.year, p.month) || p.year < 1 {
		return p, false
	}
	i := 10
	if i < len(b) && (b[i] == 'T' || b[i] == ' ') {
		i++
		if p.hour, ok = rtDigits(b, i, 2); !ok || i+5 > len(b) || b[i+2] != ':' {
			return p, false
		}
		if p.min, ok = rtDigits(b, i+3, 2); !ok {
			return p, false
		}
		i += 5
		if i < len(b) && b[i] == ':' {
			if p.sec, ok = rtDigits(b, i+1, 2); !ok {
				return p, false
			}
			i += 3
			if i < len(b) && b[i] == '.' {
				i++
				start := i
				ns := 0
				round := false
				for i < len(b) && b[i] >= '0' && b[i] <= '9' {
					d := int(b[i] - '0')
					switch {
					case i-start < 7:
						ns += d * rtFractionScale[i-start]
					case i-start == 7:
						round = d >= 5
					}
					i++
				}
				if i == start {
					return p, false
				}
				p.nsec = ns
				if round {
					p.nsec += 100
				}
			}
		}
		if p.hour > 23 || p.min > 59 || p.sec > 59 {
			return p, false
		}
	}
	if i == len(b) {
		return p, true
	}
	switch b[i] {
	case 'Z', 'z':
		p.kind = DateTimeUtc
		return p, i+1 == len(b)
	case '+', '-':
		off, ok := rtParseOffset(b[i:])
		if !ok {
			return p, false
		}
		p.kind, p.offset = DateTimeLocal, off
		return p, true
	}
	return p, false
}

// rtParseOffset reads ±hh, ±hh:mm or ±hhmm into seconds.
func rtParseOffset(b []byte) (int, bool) {
	sign := 1
	if b[0] == '-' {
		sign = -1
	}
	h, ok := rtDigits(b, 1, 2)
	if !ok {
		return 0, false
	}
	m := 0
	switch len(b) {
	case 3:
	case 5:
		if m, ok = rtDigits(b, 3, 2); !ok {
			return 0, false
		}
	case 6:
		if b[3] != ':' {
			return 0, false
		}
		if m, ok = rtDigits(b, 4, 2); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

// rtParseMSDate reads /Date(ms)/ and /Date(ms±hhmm)/.
func rtParseMSDate(b []byte) (p rtDateParts, ok bool) {
	if !bytes.HasPrefix(b, []byte("/Date(")) || !bytes.HasSuffix(b, []byte(")/")) {
		return p, false
	}
	body := b[6 : len(b)-2]
	end := len(body)
	for j := 1; j < len(body); j++ {
		if body[j] == '+' || body[j] == '-' {
			end = j
			break
		}
	}
	ms, err := rtParseInt(body[:end], 64)
	if err != nil || ms < -62135596800000 || ms > 253402300799999 {
		return p, false
	}
	t := time.UnixMilli(ms).UTC()
	p.kind = DateTimeUtc
	if end < len(body) {
		off, ok := rtParseOffset(body[end:])
		if !ok || len(body)-end != 5 {
			return p, false
		}
		p.kind, p.offset = DateTimeLocal, off
		t = t.In(rtFixedZone(off))
	}
	y, mo, d := t.Date()
	p.year, p.month, p.day = y, int(mo), d
	p.hour, p.min, p.sec = t.Clock()
	p.nsec = t.Nanosecond()
	return p, true
}

func rtDaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// rtZoneHandling is Json.NET's DateTimeZoneHandling, applied to DateTime
// values before they are written.
type rtZoneHandling uint8

const (
	rtZoneRoundtripKind rtZoneHandling = iota
	rtZoneUtc
	rtZoneLocal
	rtZoneUnspecified
)

// rtZoneHandlingOf maps the setting's name; unknown names mean RoundtripKind.
func rtZoneHandlingOf(name string) rtZoneHandling {
	switch name {
	case "Utc":
		return rtZoneUtc
	case "Local":
		return rtZoneLocal
	case "Unspecified":
		return rtZoneUnspecified
	}
	return rtZoneRoundtripKind
}

// apply is Json.NET's EnsureDateTime. Unspecified values are relabelled,
// not converted; local is the server's zone.
func (h rtZoneHandling) apply(v DateTime, local *time.Location) DateTime {
	switch h {
	case rtZoneUtc:
		switch v.Kind {
		case DateTimeUnspecified:
			return DateTime{Time: rtRelabel(v.Time, time.UTC), Kind: DateTimeUtc}
		case DateTimeLocal:
			return DateTime{Time: v.Time.UTC(), Kind: DateTimeUtc}
		}
	case rtZoneLocal:
		switch v.Kind {
		case DateTimeUnspecified:
			return DateTime{Time: rtRelabel(v.Time, local), Kind: DateTimeLocal}
		case DateTimeUtc:
			return DateTime{Time: v.Time.In(local), Kind: DateTimeLocal}
		}
	case rtZoneUnspecified:
		return DateTime{Time: rtRelabel(v.Time, time.UTC), Kind: DateTimeUnspecified}
	}
	return v
}

// rtRelabel keeps t's wall clock in another location.
func rtRelabel(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), loc)
}

// ---- .NET custom date formats ----

// rtDateFormat is a compiled .NET date format string.
type rtDateFormat struct {
	layout string
	toks   []rtDateTok
	// iso is set for Json.NET's default format: the round-trip writers
	// produce the same text faster.
	iso bool
	// utc converts DateTimeOffset values to UTC first ("u", "r", "U").
	utc bool
}

type rtDateTok struct {
	kind byte // one of the rtTok constants
	n    int  // repeat count
	lit  string
}

const (
	rtTokLit = iota
	rtTokYear
	rtTokMonth
	rtTokDay
	rtTokHour24
	rtTokHour12
	rtTokMinute
	rtTokSecond
	rtTokFrac     // f: fixed digits
	rtTokFracTrim // F: trailing zeros (and a bare point) dropped
	rtTokK
	rtTokZ
	rtTokAMPM
	rtTokEra
)

// rtJSONDefaultDateFormat is Json.NET's DateFormatString default.
const rtJSONDefaultDateFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"

// rtStandardFormats expands one-letter standard formats (invariant culture).
var rtStandardFormats = map[string]string{
	"o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK", "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
	"s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss", "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
	"r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
	"d": "MM/dd/yyyy", "D": "dddd, dd MMMM yyyy", "f": "dddd, dd MMMM yyyy HH:mm",
	"F": "dddd, dd MMMM yyyy HH:mm:ss", "g": "MM/dd/yyyy HH:mm", "G": "MM/dd/yyyy HH:mm:ss",
	"m": "MMMM dd", "M": "MMMM dd", "t": "HH:mm", "T": "HH:mm:ss", "y": "yyyy MMMM", "Y": "yyyy MMMM",
	"U": "dddd, dd MMMM yyyy HH:mm:ss",
}

// rtCompileDateFormat compiles a .NET date format: yyyy MM dd HH hh mm ss,
// f…fffffff, F…FFFFFFF, K, z zz zzz, tt, g, MMM/MMMM and ddd/dddd
// (invariant names), ':' and '/' (invariant separators), 'quoted' and
// "quoted" literals, \c, %c, and any other character as itself. An empty
// layout means Json.NET's default.
func rtCompileDateFormat(layout string) *rtDateFormat {
	if layout == "" {
		layout = rtJSONDefaultDateFormat
	}
	f := &rtDateFormat{layout: layout}
	src := layout
	if len(layout) == 1 {
		if std, ok := rtStandardFormats[layout]; ok {
			src = std
			f.utc = layout == "u" || layout == "r" || layout == "R" || layout == "U"
		}
	}
	f.iso = src == rtJSONDefaultDateFormat || src == "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"
	lit := func(s string) {
		if n := len(f.toks); n > 0 && f.toks[n-1].kind == rtTokLit {
			f.toks[n-1].lit += s
			return
		}
		f.toks = append(f.toks, rtDateTok{kind: rtTokLit, lit: s})
	}
	for i := 0; i < len(src); {
		c := src[i]
		run := 1
		for i+run < len(src) && src[i+run] == c {
			run++
		}
		kind := -1
		switch c {
		case 'y':
			kind = rtTokYear
		case 'M':
			kind = rtTokMonth
		case 'd':
			kind = rtTokDay
		case 'H':
			kind = rtTokHour24
		case 'h':
			kind = rtTokHour12
		case 'm':
			kind = rtTokMinute
		case 's':
			kind = rtTokSecond
		case 'f':
			kind = rtTokFrac
		case 'F':
			kind = rtTokFracTrim
		case 'z':
			kind = rtTokZ
		case 't':
			kind = rtTokAMPM
		case 'g':
			kind = rtTokEra
		case 'K':
			f.toks = append(f.toks, rtDateTok{kind: rtTokK, n: 1})
			i++
			continue
		case '\'', '"':
			j := i + 1
			var s []byte
			for j < len(src) && src[j] != c {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
				s = append(s, src[j])
				j++
			}
			lit(string(s))
			i = j + 1
			continue
		case '\\':
			if i+1 < len(src) {
				lit(src[i+1 : i+2])
				i += 2
			} else {
				lit("\\")
				i++
			}
			continue
		case '%':
			i++
			continue
		}
		if kind < 0 {
			lit(src[i : i+1])
			i++
			continue
		}
		if (kind == rtTokFrac || kind == rtTokFracTrim) && run > 7 {
			run = 7 // .NET throws; writing 7 digits is the closest useful reading
		}
		f.toks = append(f.toks, rtDateTok{kind: byte(kind), n: run})
		i += run
	}
	return f
}

var (
	rtMonthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	rtDayNames   = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// appendDateTime writes v as DateTime.ToString(layout, InvariantCulture).
func (f *rtDateFormat) appendDateTime(dst []byte, v DateTime) []byte {
	if f.iso {
		return rtAppendDateTime(dst, v)
	}
	t := v.Time
	if v.Kind == DateTimeUtc {
		t = t.UTC()
	}
	return f.append(dst, t, v.Kind, false)
}

// appendOffset writes t as DateTimeOffset.ToString(layout, InvariantCulture).
func (f *rtDateFormat) appendOffset(dst []byte, t time.Time) []byte {
	if f.iso {
		return rtAppendDateTimeOffset(dst, t)
	}
	if f.utc {
		t = t.UTC()
	}
	return f.append(dst, t, DateTimeLocal, true)
}

func (f *rtDateFormat) append(dst []byte, t time.Time, kind DateTimeKind, isOffset bool) []byte {
	start := len(dst)
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	ticks := t.Nanosecond() / 100
	_, off := t.Zone()
	pad := func(dst []byte, v, n int) []byte {
		if n <= 1 {
			return strconv.AppendInt(dst, int64(v), 10)
		}
		if n == 2 && v < 100 {
			return rtAppend2(dst, v)
		}
		return rtAppendYear(dst, v, n)
	}
	for _, tk := range f.toks {
		switch tk.kind {
		case rtTokLit:
			dst = append(dst, tk.lit...)
		case rtTokYear:
			if tk.n <= 2 {
				dst = pad(dst, y%100, tk.n)
			} else {
				dst = pad(dst, y, tk.n)
			}
		case rtTokMonth:
			switch {
			case tk.n >= 4:
				dst = append(dst, rtMonthNames[mo-1]...)
			case tk.n == 3:
				dst = append(dst, rtMonthNames[mo-1][:3]...)
			default:
				dst = pad(dst, int(mo), tk.n)
			}
		case rtTokDay:
			switch {
			case tk.n >= 4:
				dst = append(dst, rtDayNames[t.Weekday()]...)
			case tk.n == 3:
				dst = append(dst, rtDayNames[t.Weekday()][:3]...)
			default:
				dst = pad(dst, d, tk.n)
			}
		case rtTokHour24:
			dst = pad(dst, h, min(tk.n, 2))
		case rtTokHour12:
			h12 := h % 12
			if h12 == 0 {
				h12 = 12
			}
			dst = pad(dst, h12, min(tk.n, 2))
		case rtTokMinute:
			dst = pad(dst, mi, min(tk.n, 2))
		case rtTokSecond:
			dst = pad(dst, s, min(tk.n, 2))
		case rtTokFrac, rtTokFracTrim:
			frac := ticks
			for i := tk.n; i < 7; i++ {
				frac /= 10
			}
			n := tk.n
			if tk.kind == rtTokFracTrim {
				for n > 0 && frac%10 == 0 {
					frac /= 10
					n--
				}
				if n == 0 {
					// .NET drops the point before an empty F fraction.
					if len(dst) > start && dst[len(dst)-1] == '.' {
						dst = dst[:len(dst)-1]
					}
					continue
				}
			}
			var buf [7]byte
			for i := n - 1; i >= 0; i-- {
				buf[i] = byte('0' + frac%10)
				frac /= 10
			}
			dst = append(dst, buf[:n]...)
		case rtTokK:
			switch {
			case isOffset || kind == DateTimeLocal:
				dst = rtAppendOffset(dst, off, true)
			case kind == DateTimeUtc:
				dst = append(dst, 'Z')
			}
		case rtTokZ:
			// .NET uses the machine's offset for Utc and Unspecified
			// DateTime values; the value's own offset is the best
			// knowledge here.
			sign := byte('+')
			o := off / 60
			if o < 0 {
				sign, o = '-', -o
			}
			dst = append(dst, sign)
			switch tk.n {
			case 1:
				dst = strconv.AppendInt(dst, int64(o/60), 10)
			case 2:
				dst = rtAppend2(dst, o/60)
			default:
				dst = rtAppend2(dst, o/60)
				dst = append(dst, ':')
				dst = rtAppend2(dst, o%60)
			}
		case rtTokAMPM:
			ap := "AM"
			if h >= 12 {
				ap = "PM"
			}
			if tk.n == 1 {
				ap = ap[:1]
			}
			dst = append(dst, ap...)
		case rtTokEra:
			dst = append(dst, "A.D."...)
		}
	}
	return dst
}

// ---- TimeSpan ----

const (
	rtTicksPerSecond = 10000000
	rtTicksPerMinute = 60 * rtTicksPerSecond
	rtTicksPerHour   = 60 * rtTicksPerMinute
	rtTicksPerDay    = 24 * rtTicksPerHour
)

// rtAppendTimeSpan writes the "c" form: [-][d.]hh:mm:ss[.fffffff] (seven
// fraction digits, untrimmed, as TimeSpan.ToString() writes them).
func rtAppendTimeSpan(dst []byte, ts TimeSpan) []byte {
	u := uint64(ts)
	if ts < 0 {
		dst = append(dst, '-')
		u = uint64(-(ts + 1)) + 1
	}
	days := u / rtTicksPerDay
	rem := u % rtTicksPerDay
	if days > 0 {
		dst = strconv.AppendUint(dst, days, 10)
		dst = append(dst, '.')
	}
	dst = rtAppend2(dst, int(rem/rtTicksPerHour))
	dst = append(dst, ':')
	dst = rtAppend2(dst, int(rem/rtTicksPerMinute%60))
	dst = append(dst, ':')
	dst = rtAppend2(dst, int(rem/rtTicksPerSecond%60))
	if f := int(rem % rtTicksPerSecond); f != 0 {
		var buf [8]byte
		buf[0] = '.'
		for i := 7; i >= 1; i-- {
			buf[i] = byte('0' + f%10)
			f /= 10
		}
		dst = append(dst, buf[:]...)
	}
	return dst
}

// rtDateTimeOffsetRange says why .NET cannot hold t as a DateTimeOffset
// ("" when it can): its UTC instant and its wall clock must both be in
// years 1-9999, its offset whole minutes within ±14:00.
func rtDateTimeOffsetRange(t time.Time) string {
	_, off := t.Zone()
	switch {
	case off%60 != 0 || off > 14*3600 || off < -14*3600:
		return "DateTimeOffset " + t.Format(time.RFC3339Nano) + ": .NET offsets are whole minutes within ±14:00"
	case t.UTC().Year() < 1 || t.UTC().Year() > 9999 || t.Year() < 1 || t.Year() > 9999:
		return "DateTimeOffset " + t.Format(time.RFC3339Nano) + " is outside .NET's range (its UTC instant and clock in years 1-9999)"
	}
	return ""
}

// rtParseTimeSpan reads what TimeSpan.Parse accepts with the invariant
// culture: [-]d, [-][d.]hh:mm[:ss[.f…]], [-]d:hh:mm[:ss[.f…]].
func rtParseTimeSpan(b []byte) (TimeSpan, error) {
	t := rtTrimSpace(b)
	neg := false
	if len(t) > 0 && t[0] == '-' {
		neg = true
		t = t[1:]
	}
	num := func() (uint64, int, bool) {
		var v uint64
		n := 0
		for n < len(t) && t[n] >= '0' && t[n] <= '9' {
			if v > math.MaxInt64/10 {
				return 0, 0, false
			}
			v = v*10 + uint64(t[n]-'0')
			n++
		}
		return v, n, n > 0
	}
	first, n, ok := num()
	if !ok {
		return 0, rtErr("TimeSpan", b)
	}
	t = t[n:]
	var days, hours, mins, secs, frac uint64
	if len(t) == 0 {
		days = first
	} else {
		var parts [4]uint64
		np := 0
		if t[0] == '.' {
			days = first
			t = t[1:]
			v, n, ok := num()
			if !ok {
				return 0, rtErr("TimeSpan", b)
			}
			parts[0], np, t = v, 1, t[n:]
		} else {
			parts[0], np = first, 1
		}
		for len(t) > 0 && t[0] == ':' && np < 4 {
			t = t[1:]
			v, n, ok := num()
			if !ok {
				return 0, rtErr("TimeSpan", b)
			}
			parts[np] = v
			np++
			t = t[n:]
		}
		if np < 2 {
			return 0, rtErr("TimeSpan", b)
		}
		if np == 4 {
			if days != 0 {
				return 0, rtErr("TimeSpan", b)
			}
			days, parts[0], parts[1], parts[2] = parts[0], parts[1], parts[2], parts[3]
			np = 3
		}
		hours, mins = parts[0], parts[1]
		if np == 3 {
			secs = parts[2]
		}
		if len(t) > 0 && t[0] == '.' && np == 3 {
			t = t[1:]
			digits := 0
			for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
				if digits >= 7 {
					return 0, rtErr("TimeSpan", b)
				}
				frac = frac*10 + uint64(t[digits]-'0')
				digits++
			}
			if digits == 0 {
				return 0, rtErr("TimeSpan", b)
			}
			for i := digits; i < 7; i++ {
				frac *= 10
			}
			t = t[digits:]
		}
		if len(t) != 0 || hours > 23 || mins > 59 || secs > 59 {
			return 0, rtErr("TimeSpan", b)
		}
	}
	if days > math.MaxInt64/rtTicksPerDay {
		return 0, rtErr("TimeSpan", b)
	}
	ticks := days*rtTicksPerDay + hours*rtTicksPerHour + mins*rtTicksPerMinute + secs*rtTicksPerSecond + frac
	if neg {
		if ticks > 1<<63 {
			return 0, rtErr("TimeSpan", b)
		}
		return TimeSpan(-ticks), nil
	}
	if ticks > math.MaxInt64 {
		return 0, rtErr("TimeSpan", b)
	}
	return TimeSpan(ticks), nil
}

// rtAppendDuration writes xsd:duration as XmlConvert.ToString(TimeSpan):
// [-]P[nD][T[nH][nM][n[.fffffff]S]], trailing fraction zeros trimmed, PT0S
// for zero.
func rtAppendDuration(dst []byte, ts TimeSpan) []byte {
	u := uint64(ts)
	if ts < 0 {
		dst = append(dst, '-')
		u = uint64(-(ts + 1)) + 1
	}
	dst = append(dst, 'P')
	days := u / rtTicksPerDay
	rem := u % rtTicksPerDay
	if days != 0 {
		dst = strconv.AppendUint(dst, days, 10)
		dst = append(dst, 'D')
	}
	if rem == 0 {
		if days == 0 {
			dst = append(dst, "T0S"...)
		}
		return dst
	}
	dst = append(dst, 'T')
	if h := rem / rtTicksPerHour; h != 0 {
		dst = strconv.AppendUint(dst, h, 10)
		dst = append(dst, 'H')
	}
	if m := rem / rtTicksPerMinute % 60; m != 0 {
		dst = strconv.AppendUint(dst, m, 10)
		dst = append(dst, 'M')
	}
	s, f := rem/rtTicksPerSecond%60, int(rem%rtTicksPerSecond)
	if s != 0 || f != 0 {
		dst = strconv.AppendUint(dst, s, 10)
		dst = rtAppendFraction(dst, f)
		dst = append(dst, 'S')
	}
	return dst
}

// rtParseDuration reads xsd:duration as XmlConvert.ToTimeSpan does (a
// year is 365 days, a month 30; fraction digits past 100 ns truncated).
func rtParseDuration(b []byte) (TimeSpan, error) {
	t := rtTrimSpace(b)
	neg := false
	if len(t) > 0 && t[0] == '-' {
		neg = true
		t = t[1:]
	}
	if len(t) < 2 || t[0] != 'P' {
		return 0, rtErr("duration", b)
	}
	t = t[1:]
	var years, months, days, hours, mins, secs, frac uint64
	inTime, any, order := false, false, 0
	for len(t) > 0 {
		if t[0] == 'T' {
			if inTime || len(t) == 1 {
				return 0, rtErr("duration", b)
			}
			inTime = true
			t = t[1:]
			continue
		}
		var v uint64
		n := 0
		for n < len(t) && t[n] >= '0' && t[n] <= '9' {
			if v > math.MaxInt64/10 {
				return 0, rtErr("duration", b)
			}
			v = v*10 + uint64(t[n]-'0')
			n++
		}
		if n == 0 || n == len(t) {
			return 0, rtErr("duration", b)
		}
		t = t[n:]
		var f uint64
		if t[0] == '.' {
			if !inTime {
				return 0, rtErr("duration", b)
			}
			t = t[1:]
			digits := 0
			for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
				if digits < 7 {
					f = f*10 + uint64(t[digits]-'0')
				}
				digits++
			}
			if digits == 0 || digits == len(t) || t[digits] != 'S' {
				return 0, rtErr("duration", b)
			}
			for i := min(digits, 7); i < 7; i++ {
				f *= 10
			}
			t = t[digits:]
		}
		unit := t[0]
		t = t[1:]
		var rank int
		switch {
		case !inTime && unit == 'Y':
			years, rank = v, 1
		case !inTime && unit == 'M':
			months, rank = v, 2
		case !inTime && unit == 'D':
			days, rank = v, 3
		case inTime && unit == 'H':
			hours, rank = v, 4
		case inTime && unit == 'M':
			mins, rank = v, 5
		case inTime && unit == 'S':
			secs, frac, rank = v, f, 6
		default:
			return 0, rtErr("duration", b)
		}
		if rank <= order {
			return 0, rtErr("duration", b)
		}
		order, any = rank, true
	}
	if !any {
		return 0, rtErr("duration", b)
	}
	total := (years+months/12)*365 + (months%12)*30 + days
	hi, ticks := bits.Mul64(total, 24)
	ticks += hours
	hi2, ticks2 := bits.Mul64(ticks, 60)
	ticks2 += mins
	hi3, ticks3 := bits.Mul64(ticks2, 60)
	ticks3 += secs
	hi4, ticks4 := bits.Mul64(ticks3, rtTicksPerSecond)
	ticks4 += frac
	// The magnitude of TimeSpan.MinValue (-P10675199DT2H48M5.4775808S, as
	// DCS writes it) is 2^63, one more than MaxValue's.
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	if hi|hi2|hi3|hi4 != 0 || ticks4 > limit || ticks4 < frac {
		return 0, rtErr("duration", b)
	}
	if neg {
		return TimeSpan(-int64(ticks4-1) - 1), nil
	}
	return TimeSpan(ticks4), nil
}
