package rt

// JSON runtime: an append-style writer that formats like Json.NET's
// defaults, and a pull reader with Json.NET's reading rules (member names
// matched exactly, then ignoring case; unknown members skipped; lenient
// scalar conversions; comments, single quotes and unquoted names allowed).
// The codecs of codec_json.go drive both.

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/uuid"
)

// rtJSONMaxDepth is Web API's default MaxDepth for its JSON formatter.
const rtJSONMaxDepth = 256

// rtJSONError is a JSON input that cannot be read; Offset is in bytes.
type rtJSONError struct {
	Offset int
	Msg    string
}

func (e *rtJSONError) Error() string {
	return "json: " + e.Msg + " at offset " + strconv.Itoa(e.Offset)
}

// ---- writing ----

// rtJSONNoEscape marks bytes written as they are: Json.NET's default
// StringEscapeHandling escapes only '"', '\\' and control characters
// (and U+0085, U+2028, U+2029, handled separately).
var rtJSONNoEscape = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

// rtAppendJSONString writes s as a JSON string the way Json.NET does:
// \" \\ \b \f \n \r \t, other control characters and U+0085, U+2028,
// U+2029 as \u00xx (lower-case hex), everything else raw. Invalid UTF-8 is
// written as U+FFFD so that the output stays valid.
func rtAppendJSONString[S ~string | ~[]byte](dst []byte, s S) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if rtJSONNoEscape[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+4, len(s))]))
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\uFFFD"...)
				i++
				start = i
				continue
			}
			if r == 0x85 || r == 0x2028 || r == 0x2029 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u')
				dst = rtAppendHex4(dst, r)
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u')
			dst = rtAppendHex4(dst, rune(c))
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func rtAppendHex4(dst []byte, r rune) []byte {
	return append(dst, rtHex[r>>12&15], rtHex[r>>8&15], rtHex[r>>4&15], rtHex[r&15])
}

// rtAppendJSONStringPtr writes a .NET string reference: nil is null.
func rtAppendJSONStringPtr(dst []byte, s *string) []byte {
	if s == nil {
		return append(dst, "null"...)
	}
	return rtAppendJSONString(dst, *s)
}

// rtAppendJSONChar writes a char as a one-character string.
func rtAppendJSONChar(dst []byte, r rune) []byte {
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	return rtAppendJSONString(dst, buf[:n])
}

// rtAppendJSONGUID writes a quoted "D" form GUID.
func rtAppendJSONGUID(dst []byte, u uuid.UUID) []byte {
	dst = append(dst, '"')
	dst = rtAppendGUID(dst, u)
	return append(dst, '"')
}

// rtAppendJSONTimeSpan writes a quoted "c" form TimeSpan.
func rtAppendJSONTimeSpan(dst []byte, ts TimeSpan) []byte {
	dst = append(dst, '"')
	dst = rtAppendTimeSpan(dst, ts)
	return append(dst, '"')
}

// rtAppendJSONBase64 writes a byte array as Json.NET does: a base64
// string, or null for nil.
func rtAppendJSONBase64(dst []byte, v []byte) []byte {
	if v == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = rtAppendBase64(dst, v)
	return append(dst, '"')
}

// rtAppendJSONObject writes an Object's raw JSON, or null. Json.NET
// writes a value it holds (a JToken) compact, whatever spacing it was read
// with: so is the raw text here.
func rtAppendJSONObject(dst []byte, o Object) []byte {
	if o.JSON == nil {
		return append(dst, "null"...)
	}
	in := false
	for i := 0; i < len(o.JSON); i++ {
		c := o.JSON[i]
		switch {
		case in:
			if c == '\\' && i+1 < len(o.JSON) {
				dst = append(dst, c, o.JSON[i+1])
				i++
				continue
			}
			in = c != '"'
		case c == '"':
			in = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// JSONDates is how one API's Json.NET writes dates: its DateFormatString
// and DateTimeZoneHandling, and the server's zone for Local conversions.
type JSONDates struct {
	format *rtDateFormat
	zone   rtZoneHandling
	local  *time.Location
}

// NewJSONDates compiles the settings; serverOffset is "+02:00" or "" (the
// local zone of this process is used then).
func NewJSONDates(format, zoneHandling, serverOffset string) *JSONDates {
	d := &JSONDates{format: rtCompileDateFormat(format), zone: rtZoneHandlingOf(zoneHandling), local: time.Local}
	if serverOffset != "" {
		if off, ok := rtParseOffset([]byte(serverOffset)); ok {
			d.local = rtFixedZone(off)
		}
	}
	return d
}

// appendDateTime writes a quoted DateTime: zone handling, then the format.
func (d *JSONDates) appendDateTime(dst []byte, v DateTime) []byte {
	v = d.zone.apply(v, d.local)
	if d.format.iso {
		dst = append(dst, '"')
		dst = rtAppendDateTime(dst, v)
		return append(dst, '"')
	}
	var buf [64]byte
	return rtAppendJSONString(dst, d.format.appendDateTime(buf[:0], v))
}

// appendOffset writes a quoted DateTimeOffset (no zone handling applies).
func (d *JSONDates) appendOffset(dst []byte, t time.Time) []byte {
	if d.format.iso {
		dst = append(dst, '"')
		dst = rtAppendDateTimeOffset(dst, t)
		return append(dst, '"')
	}
	var buf [64]byte
	return rtAppendJSONString(dst, d.format.appendOffset(buf[:0], t))
}

// appendDateTimeText writes a DateTime without quotes (dictionary keys).
func (d *JSONDates) appendDateTimeText(dst []byte, v DateTime) []byte {
	return d.format.appendDateTime(dst, d.zone.apply(v, d.local))
}

// rtJSONBufPool recycles Marshal buffers: MarshalJSON returns an exact-size
// copy, so the growing happens in a pooled buffer.
var rtJSONBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// rtJSONMarshal runs an AppendJSON into a pooled buffer and returns a copy.
func rtJSONMarshal(appendJSON func([]byte) []byte) []byte {
	bp := rtJSONBufPool.Get().(*[]byte)
	b := appendJSON((*bp)[:0])
	out := make([]byte, len(b))
	copy(out, b)
	if cap(b) <= 1<<20 {
		*bp = b
		rtJSONBufPool.Put(bp)
	}
	return out
}

// rtCompareBool orders false before true.
func rtCompareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// rtCompareGUID orders GUIDs by bytes.
func rtCompareGUID(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) }

// rtCompareDateTime orders by instant, then kind.
func rtCompareDateTime(a, b DateTime) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	return cmp.Compare(a.Kind, b.Kind)
}

// rtCompareTime orders by instant.
func rtCompareTime(a, b time.Time) int { return a.Compare(b) }

// rtCompareDecimal orders by value, then scale.
func rtCompareDecimal(a, b Decimal) int {
	if c := cmp.Compare(a.Float64(), b.Float64()); c != 0 {
		return c
	}
	return strings.Compare(a.String(), b.String())
}

// ---- reading ----

// rtJSONReader pulls values from a JSON text. Strings come back as views
// into the input when they have no escapes (or into a scratch buffer that
// the next string read reuses), so callers copy what they keep.
//
// Text that is not UTF-8 is an error, as in Web API, whose formatters decode
// bodies with a UTF8Encoding that throws on invalid bytes: a string is
// checked when its scan saw a byte >= 0x80, so ASCII costs nothing more.
type rtJSONReader struct {
	data  []byte
	pos   int
	depth int
	work  uint // objects and arrays entered, for the context checks
	buf   []byte
	boxes rtStrBoxes // strPtr's values
	chars []byte     // the strings' bytes: see intern
	dec   *rtDecoding
	refs  *rtJSONRefs // the document's "$id"s, once it has one
}

func (r *rtJSONReader) reset(data []byte) { r.resetWith(data, nil) }

// resetWith starts reading data, checking d's context as it goes (nil:
// never; JSON has no limits beyond its depth).
func (r *rtJSONReader) resetWith(data []byte, d *rtDecoding) {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		data = data[3:] // a UTF-8 byte order mark, as .NET's readers skip it
	}
	r.data, r.pos, r.depth, r.work, r.dec, r.refs = data, 0, 0, 0, d, nil
}

// tick counts an object or array and checks the context every
// rtCheckEvery.
func (r *rtJSONReader) tick() error {
	if r.work++; r.work%rtCheckEvery == 0 && r.dec != nil {
		return r.dec.canceled()
	}
	return nil
}

// tickAt checks the context at every rtCheckEvery-th key or item of an
// object or array (i is its index: no counter to keep on the hot path).
func (r *rtJSONReader) tickAt(i int) error {
	if i >= rtCheckEvery-1 && uint(i)%rtCheckEvery == rtCheckEvery-1 && r.dec != nil {
		return r.dec.canceled()
	}
	return nil
}

// checkUTF8 returns an error when b, at offset off, is not UTF-8.
func (r *rtJSONReader) checkUTF8(b []byte, off int) error {
	if utf8.Valid(b) {
		return nil
	}
	i := rtInvalidUTF8(b)
	return &rtJSONError{Offset: off + i, Msg: "invalid UTF-8 (byte 0x" + strconv.FormatUint(uint64(b[i]), 16) + ")"}
}

func (r *rtJSONReader) errorf(msg string) error {
	return &rtJSONError{Offset: r.pos, Msg: msg}
}

func (r *rtJSONReader) errUnexpected(want string) error {
	if r.pos >= len(r.data) {
		return r.errorf("unexpected end of input, want " + want)
	}
	c := r.data[r.pos]
	var s string
	if c >= 0x20 && c < 0x7f {
		s = "'" + string(c) + "'"
	} else {
		s = "byte 0x" + strconv.FormatUint(uint64(c), 16)
	}
	return r.errorf("unexpected " + s + ", want " + want)
}

// ws skips whitespace and comments and returns the next byte (0 at end).
// (It is just over the inliner's budget; the hot paths test cur first, so
// compact JSON, where the next byte is already significant, skips the call.)
func (r *rtJSONReader) ws() byte {
	if p := r.pos; p < len(r.data) && !rtJSONSkips[r.data[p]] {
		return r.data[p]
	}
	return r.wsSlow()
}

// cur is the byte at pos (0 at the end), for fast paths that expect
// compact JSON and fall back to ws.
func (r *rtJSONReader) cur() byte {
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

// rtJSONSkips marks the bytes ws must look past: whitespace, and '/' that
// may start a comment.
var rtJSONSkips = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '/': true}

func (r *rtJSONReader) wsSlow() byte {
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch c {
		case ' ', '\t', '\n', '\r':
			r.pos++
			continue
		case '/':
			if !r.comment() {
				return c
			}
			continue
		}
		return c
	}
	return 0
}

// comment skips a /* */ or // comment (Json.NET reads them).
func (r *rtJSONReader) comment() bool {
	d := r.data[r.pos:]
	if len(d) < 2 {
		return false
	}
	switch d[1] {
	case '*':
		end := bytes.Index(d[2:], []byte("*/"))
		if end < 0 || !utf8.Valid(d[2:2+end]) {
			return false
		}
		r.pos += end + 4
		return true
	case '/':
		end := bytes.IndexAny(d, "\r\n")
		if end < 0 {
			end = len(d)
		}
		if !utf8.Valid(d[:end]) {
			return false
		}
		r.pos += end
		return true
	}
	return false
}

// end checks that only whitespace follows the value.
func (r *rtJSONReader) end() error {
	if r.ws() != 0 {
		return r.errorf("unexpected data after the JSON value")
	}
	return nil
}

// null consumes null (or undefined, which Json.NET reads as null) and
// reports whether it did.
func (r *rtJSONReader) null() bool {
	if c := r.cur(); c != 'n' && c != 'u' && !rtJSONSkips[c] {
		return false
	}
	c := r.ws()
	if c == 'n' && bytes.HasPrefix(r.data[r.pos:], []byte("null")) {
		r.pos += 4
		return true
	}
	if c == 'u' && bytes.HasPrefix(r.data[r.pos:], []byte("undefined")) {
		r.pos += 9
		return true
	}
	return false
}

// errNull is the error for null where the .NET type is a value type.
func (r *rtJSONReader) errNull(what string) error {
	return r.errorf("null for non-nullable " + what)
}

func (r *rtJSONReader) enter() error {
	r.depth++
	if r.depth > rtJSONMaxDepth {
		return r.errorf("maximum depth " + strconv.Itoa(rtJSONMaxDepth) + " exceeded")
	}
	return r.tick()
}

// enterObject consumes '{'.
func (r *rtJSONReader) enterObject() error {
	if r.ws() != '{' {
		return r.errUnexpected("'{'")
	}
	r.pos++
	return r.enter()
}

// key reads the next member name and its ':'; i is the member's index (no
// comma before the first). It returns nil at the closing '}'.
func (r *rtJSONReader) key(i int) ([]byte, error) {
	if err := r.tickAt(i); err != nil {
		return nil, err
	}
	// Fast path, compact JSON: [,]"name": with a short name and no escapes.
	if d, p := r.data, r.pos; p < len(d) {
		if i > 0 && d[p] == ',' {
			p++
		}
		if (i == 0 || p > r.pos) && p < len(d) && d[p] == '"' {
			j, high := rtQuoteOrEscape(d, p+1, p+65)
			if j+1 < len(d) && d[j] == '"' && d[j+1] == ':' {
				if high {
					if err := r.checkUTF8(d[p+1:j], p+1); err != nil {
						return nil, err
					}
				}
				r.pos = j + 2
				return d[p+1 : j], nil
			}
		}
	}
	c := r.ws()
	if c == '}' {
		r.pos++
		r.depth--
		return nil, nil
	}
	if i > 0 {
		if c != ',' {
			return nil, r.errUnexpected("',' or '}'")
		}
		r.pos++
		c = r.ws()
	}
	var k []byte
	var err error
	switch {
	case c == '"' || c == '\'':
		k, err = r.stringBytes()
		if err != nil {
			return nil, err
		}
	case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		// Json.NET accepts unquoted names.
		start := r.pos
		for r.pos < len(r.data) {
			c := r.data[r.pos]
			if c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
				break
			}
			r.pos++
		}
		k = r.data[start:r.pos]
		if err := r.checkUTF8(k, start); err != nil {
			return nil, err
		}
	default:
		return nil, r.errUnexpected("a member name")
	}
	if r.ws() != ':' {
		return nil, r.errUnexpected("':'")
	}
	r.pos++
	return k, nil
}

// enterArray consumes '['.
func (r *rtJSONReader) enterArray() error {
	if r.ws() != '[' {
		return r.errUnexpected("'['")
	}
	r.pos++
	return r.enter()
}

// item reports whether another array item follows (consuming the comma
// before items after the first, or the closing ']').
func (r *rtJSONReader) item(i int) (bool, error) {
	if err := r.tickAt(i); err != nil {
		return false, err
	}
	// Fast path, compact JSON: the next value starts here, or after ','.
	if d, p := r.data, r.pos; i > 0 && p+1 < len(d) && d[p] == ',' && d[p+1] != ']' && !rtJSONSkips[d[p+1]] {
		r.pos = p + 1
		return true, nil
	} else if i == 0 && p < len(d) && d[p] != ']' && !rtJSONSkips[d[p]] {
		return true, nil
	}
	c := r.ws()
	if c == ']' {
		r.pos++
		r.depth--
		return false, nil
	}
	if i > 0 {
		if c != ',' {
			return false, r.errUnexpected("',' or ']'")
		}
		r.pos++
		if r.ws() == ']' {
			return false, r.errUnexpected("a value")
		}
	}
	return true, nil
}

// stringBytes reads a string at pos (double or single quoted).
func (r *rtJSONReader) stringBytes() ([]byte, error) {
	d := r.data
	q := d[r.pos]
	start := r.pos + 1
	// Most member names and values are short: scanning their first bytes
	// eight at a time beats two vectorized searches' call overhead.
	if q == '"' {
		switch i, high := rtQuoteOrEscape(d, start, start+64); {
		case i < len(d) && d[i] == '"':
			if high {
				if err := r.checkUTF8(d[start:i], start); err != nil {
					return nil, err
				}
			}
			r.pos = i + 1
			return d[start:i], nil
		case i < len(d) && d[i] == '\\':
			return r.unescape(q, start)
		}
	}
	n := bytes.IndexByte(r.data[start:], q)
	if n < 0 {
		r.pos = len(r.data)
		return nil, r.errorf("unterminated string")
	}
	seg := r.data[start : start+n]
	if bytes.IndexByte(seg, '\\') < 0 {
		if err := r.checkUTF8(seg, start); err != nil {
			return nil, err
		}
		r.pos = start + n + 1
		return seg, nil
	}
	return r.unescape(q, start)
}

// rtQuoteOrEscape returns the index of the first '"' or '\\' in d[i:limit]
// (len(d) if there is none), eight bytes at a time where it can, and
// whether a byte >= 0x80 was seen (possibly past the match: a false alarm
// only costs a UTF-8 check).
func rtQuoteOrEscape(d []byte, i, limit int) (int, bool) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	limit = min(limit, len(d))
	var seen uint64
	for ; i+8 <= limit; i += 8 {
		w := binary.LittleEndian.Uint64(d[i:])
		seen |= w
		q, e := w^(ones*'"'), w^(ones*'\\')
		// A zero byte in q or e is a match; the lowest flagged byte is
		// always a true one (borrows only run towards higher bytes).
		if m := ((q-ones)&^q | (e-ones)&^e) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8, seen&highs != 0
		}
	}
	for ; i < limit; i++ {
		if d[i] == '"' || d[i] == '\\' {
			return i, seen&highs != 0
		}
		seen |= uint64(d[i])
	}
	return len(d), seen&highs != 0
}

// unescape decodes a string with escapes into the scratch buffer.
func (r *rtJSONReader) unescape(q byte, start int) ([]byte, error) {
	b := r.buf[:0]
	i := start
	d := r.data
	for {
		j := i
		for j < len(d) && d[j] != q && d[j] != '\\' {
			j++
		}
		if err := r.checkUTF8(d[i:j], i); err != nil {
			return nil, err
		}
		b = append(b, d[i:j]...)
		if j >= len(d) {
			r.pos = len(d)
			return nil, r.errorf("unterminated string")
		}
		if d[j] == q {
			r.pos = j + 1
			r.buf = b
			if b == nil {
				b = d[start:start]
			}
			return b, nil
		}
		if j+1 >= len(d) {
			r.pos = len(d)
			return nil, r.errorf("unterminated string")
		}
		e := d[j+1]
		i = j + 2
		switch e {
		case '"', '\\', '/', '\'':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r1, ok := rtHex4(d, i)
			if !ok {
				r.pos = j
				return nil, r.errorf("bad \\u escape")
			}
			i += 4
			if utf16.IsSurrogate(r1) {
				if r2, ok := rtHex4(d, i+2); ok && d[i] == '\\' && d[i+1] == 'u' {
					if c := utf16.DecodeRune(r1, r2); c != utf8.RuneError {
						r1 = c
						i += 6
					} else {
						r1 = utf8.RuneError
					}
				} else {
					r1 = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r1)
		default:
			r.pos = j
			return nil, r.errorf("bad escape \\" + string(e))
		}
	}
}

func rtHex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var v rune
	for _, c := range d[i : i+4] {
		h := rtUnhex[c]
		if h == 0xff {
			return 0, false
		}
		v = v<<4 | rune(h)
	}
	return v, true
}

// str reads a string; numbers and booleans are read as their text, as
// Json.NET's ReadAsString does. The result is a view (see rtJSONReader).
func (r *rtJSONReader) str() ([]byte, error) {
	switch c := r.ws(); {
	case c == '"' || c == '\'':
		return r.stringBytes()
	case c == '-' || c >= '0' && c <= '9':
		return r.number()
	case c == 't' && bytes.HasPrefix(r.data[r.pos:], []byte("true")):
		r.pos += 4
		return r.data[r.pos-4 : r.pos], nil
	case c == 'f' && bytes.HasPrefix(r.data[r.pos:], []byte("false")):
		r.pos += 5
		return r.data[r.pos-5 : r.pos], nil
	}
	return nil, r.errUnexpected("a string")
}

// strPtr reads a .NET string reference: null is nil.
func (r *rtJSONReader) strPtr() (*string, error) {
	if r.cur() == '"' {
		b, err := r.stringBytes()
		if err != nil {
			return nil, err
		}
		return r.boxes.box(b), nil
	}
	if r.null() {
		return nil, nil
	}
	b, err := r.str()
	if err != nil {
		return nil, err
	}
	return r.boxes.box(b), nil
}

// rtStrArena holds *string values and their bytes in one allocation: a
// document's string members then cost one allocation per arena instead of
// two each. The GC scans only the headers, which come first. A live
// pointer keeps its arena (under 600 bytes) reachable.
type rtStrArena struct {
	s [16]string
	b [320]byte
}

// rtStrBoxes carves *string values from arenas.
type rtStrBoxes struct {
	arena *rtStrArena
	n     int // arena.s used
	used  int // arena.b used
}

// box returns a pointer to a string holding a copy of b.
func (s *rtStrBoxes) box(b []byte) *string {
	a := s.arena
	if a == nil || s.n == len(a.s) || len(b) <= 64 && len(b) > len(a.b)-s.used {
		a = new(rtStrArena)
		s.arena, s.n, s.used = a, 0, 0
	}
	p := &a.s[s.n]
	s.n++
	switch {
	case len(b) > 64:
		*p = string(b)
	case len(b) > 0:
		n := copy(a.b[s.used:], b)
		*p = rtUnsafeString(a.b[s.used : s.used+n])
		s.used += n
	}
	return p
}

func (r *rtJSONReader) intern(b []byte) string { return rtIntern(&r.chars, b) }

// rtIntern copies b into a string. Short strings share 256-byte chunks
// (*chars; the bytes are never written again once a string views them), so
// a document's many short values cost an allocation per chunk, not one
// each; a live string keeps its chunk reachable.
func rtIntern(chars *[]byte, b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > 64 {
		return string(b)
	}
	c := *chars
	if cap(c)-len(c) < len(b) {
		c = make([]byte, 0, 256)
	}
	start := len(c)
	c = append(c, b...)
	*chars = c
	return rtUnsafeString(c[start:])
}

// string reads a non-null string value (dictionary values, pair parts).
func (r *rtJSONReader) stringValue() (string, error) {
	b, err := r.str()
	return r.intern(b), err
}

// number scans a number token; NaN, Infinity and -Infinity are numbers too.
func (r *rtJSONReader) number() ([]byte, error) {
	d := r.data
	start := r.pos
	i := start
	if i < len(d) && d[i] == '-' {
		i++
	}
	if bytes.HasPrefix(d[i:], []byte("Infinity")) {
		r.pos = i + 8
		return d[start:r.pos], nil
	}
	if i == start && bytes.HasPrefix(d[i:], []byte("NaN")) {
		r.pos = i + 3
		return d[start:r.pos], nil
	}
	digits := i
	for i < len(d) && d[i] >= '0' && d[i] <= '9' {
		i++
	}
	if i == digits {
		return nil, r.errUnexpected("a number")
	}
	if i < len(d) && d[i] == '.' {
		i++
		f := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == f {
			r.pos = i
			return nil, r.errUnexpected("a digit")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		f := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == f {
			r.pos = i
			return nil, r.errUnexpected("a digit")
		}
	}
	r.pos = i
	return d[start:i], nil
}

// numText reads a number, or a string holding one (Json.NET converts
// numeric strings for numeric members).
func (r *rtJSONReader) numText(what string) ([]byte, error) {
	switch c := r.ws(); {
	case c == '-' || c >= '0' && c <= '9' || c == 'N' || c == 'I':
		return r.number()
	case c == '"' || c == '\'':
		return r.stringBytes()
	case c == 'n' || c == 'u':
		if r.null() {
			return nil, r.errNull(what)
		}
	}
	return nil, r.errUnexpected(what)
}

// int reads an integer of the given size. Json.NET rejects fractions for
// integer members; numeric strings are accepted.
func (r *rtJSONReader) int(bitSize int) (int64, error) {
	// Fast path: a plain integer token.
	d := r.data
	if c := r.ws(); c >= '0' && c <= '9' || c == '-' {
		i := r.pos
		neg := c == '-'
		if neg {
			i++
		}
		var u uint64
		n := 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' && n < 18 {
			u = u*10 + uint64(d[i]-'0')
			i++
			n++
		}
		if n > 0 && (i == len(d) || d[i] != '.' && d[i] != 'e' && d[i] != 'E' && (d[i] < '0' || d[i] > '9')) {
			v := int64(u)
			if neg {
				v = -v
			}
			if bitSize < 64 && (v < -1<<(bitSize-1) || v >= 1<<(bitSize-1)) {
				return 0, r.errorf("integer " + string(d[r.pos:i]) + " out of range")
			}
			r.pos = i
			return v, nil
		}
	}
	at := r.pos
	b, err := r.numText("an integer")
	if err != nil {
		return 0, err
	}
	v, err := rtParseInt(b, bitSize)
	if err != nil {
		r.pos = at
		return 0, r.errorf("not an integer of " + strconv.Itoa(bitSize) + " bits: " + strconv.Quote(string(b)))
	}
	return v, nil
}

// uint reads an unsigned integer of the given size.
func (r *rtJSONReader) uint(bitSize int) (uint64, error) {
	r.ws()
	pos := r.pos
	b, err := r.numText("an integer")
	if err != nil {
		return 0, err
	}
	v, err := rtParseUint(b, bitSize)
	if err != nil {
		r.pos = pos
		return 0, r.errorf("not an unsigned integer of " + strconv.Itoa(bitSize) + " bits: " + strconv.Quote(string(b)))
	}
	return v, nil
}

// float64 reads a double: numbers, numeric strings, NaN and infinities.
func (r *rtJSONReader) double() (float64, error) {
	return rtJSONScalar(r, "a number", false, rtParseDouble)
}

// float32 reads a float.
func (r *rtJSONReader) float() (float32, error) {
	return rtJSONScalar(r, "a number", false, rtParseFloat)
}

// decimal reads a decimal exactly from the number's text.
func (r *rtJSONReader) decimal() (Decimal, error) {
	return rtJSONScalar(r, "a number", false, rtParseDecimal)
}

// bool reads true/false, a string holding them (any case), or a number
// (non-zero is true), as Json.NET's ReadAsBoolean does.
func (r *rtJSONReader) bool() (bool, error) {
	d := r.data
	switch c := r.ws(); c {
	case 't':
		if bytes.HasPrefix(d[r.pos:], []byte("true")) {
			r.pos += 4
			return true, nil
		}
	case 'f':
		if bytes.HasPrefix(d[r.pos:], []byte("false")) {
			r.pos += 5
			return false, nil
		}
	case '"', '\'':
		pos := r.pos
		b, err := r.stringBytes()
		if err != nil {
			return false, err
		}
		switch {
		case strings.EqualFold(rtUnsafeString(rtTrimSpace(b)), "true"):
			return true, nil
		case strings.EqualFold(rtUnsafeString(rtTrimSpace(b)), "false"):
			return false, nil
		}
		r.pos = pos
		return false, r.errorf("not a boolean: " + strconv.Quote(string(b)))
	case 'n', 'u':
		if r.null() {
			return false, r.errNull("boolean")
		}
	default:
		if c == '-' || c >= '0' && c <= '9' {
			b, err := r.number()
			if err != nil {
				return false, err
			}
			f, err := rtParseDouble(b)
			return f != 0, err
		}
	}
	return false, r.errUnexpected("a boolean")
}

// quoted reads a string for a scalar parsed from text; null is an error.
func (r *rtJSONReader) quoted(what string) ([]byte, error) {
	c := r.cur()
	if c != '"' {
		c = r.ws()
	}
	switch c {
	case '"', '\'':
		return r.stringBytes()
	case 'n', 'u':
		if r.null() {
			return nil, r.errNull(what)
		}
	}
	return nil, r.errUnexpected(what + " string")
}

// guid reads a GUID string.
func (r *rtJSONReader) guid() (uuid.UUID, error) {
	if r.cur() == '"' || r.ws() == '"' {
		if u, ok := r.guid36(); ok {
			return u, nil
		}
	}
	return rtJSONScalar(r, "guid", true, rtParseGUID)
}

// guid36 reads a GUID in its canonical form, quoted, without escapes, in
// place (pos is at the quote); ok is false for anything else.
func (r *rtJSONReader) guid36() (uuid.UUID, bool) {
	if p := r.pos; p+37 < len(r.data) && r.data[p+37] == '"' {
		if u, ok := rtGUID36(r.data[p+1 : p+37]); ok {
			r.pos += 38
			return u, true
		}
	}
	return uuid.UUID{}, false
}

// dateTime reads a DateTime string in any form Json.NET reads.
func (r *rtJSONReader) dateTime() (DateTime, error) {
	return rtJSONScalar(r, "DateTime", true, rtParseDateTime)
}

// dateTimeOffset reads a DateTimeOffset string.
func (r *rtJSONReader) dateTimeOffset() (time.Time, error) {
	return rtJSONScalar(r, "DateTimeOffset", true, rtParseDateTimeOffset)
}

// timeSpan reads a TimeSpan string.
func (r *rtJSONReader) timeSpan() (TimeSpan, error) {
	return rtJSONScalar(r, "TimeSpan", true, rtParseTimeSpan)
}

// rtJSONScalar reads a value's text (a number, or a quoted string) and
// parses it; a parse error points at the value's start.
func rtJSONScalar[T any](r *rtJSONReader, what string, quoted bool, parse func([]byte) (T, error)) (T, error) {
	var zero T
	if rtJSONSkips[r.cur()] {
		r.wsSlow()
	}
	at := r.pos
	var b []byte
	var err error
	if quoted {
		b, err = r.quoted(what)
	} else {
		b, err = r.numText(what)
	}
	if err != nil {
		return zero, err
	}
	v, err := parse(b)
	if err != nil {
		r.pos = at
		return zero, r.errorf(err.Error())
	}
	return v, nil
}

// char reads a one-character string.
func (r *rtJSONReader) char() (rune, error) {
	r.ws()
	at := r.pos
	b, err := r.quoted("char")
	if err != nil {
		return 0, err
	}
	c, n := utf8.DecodeRune(b)
	if n == 0 || n != len(b) || c > 0xFFFF {
		r.pos = at
		return 0, r.errorf("not a single character: " + strconv.Quote(string(b)))
	}
	return c, nil
}

// base64 reads a byte array: a base64 string, an array of numbers, or null.
func (r *rtJSONReader) base64() ([]byte, error) {
	if r.null() {
		return nil, nil
	}
	if r.ws() == '[' {
		if err := r.enterArray(); err != nil {
			return nil, err
		}
		out := []byte{}
		for i := 0; ; i++ {
			more, err := r.item(i)
			if err != nil {
				return nil, err
			}
			if !more {
				return out, nil
			}
			v, err := r.uint(8)
			if err != nil {
				return nil, err
			}
			out = append(out, byte(v))
		}
	}
	at := r.pos
	b, err := r.quoted("base64")
	if err != nil {
		return nil, err
	}
	v, err := rtParseBase64(b)
	if err != nil {
		r.pos = at
		return nil, r.errorf(err.Error())
	}
	return v, nil
}

// object reads any value as an Object (a copy of its raw text).
func (r *rtJSONReader) object() (Object, error) {
	if r.null() {
		return Object{}, nil
	}
	raw, err := r.raw()
	if err != nil {
		return Object{}, err
	}
	return Object{JSON: append([]byte(nil), raw...)}, nil
}

// raw skips a value and returns its text.
func (r *rtJSONReader) raw() ([]byte, error) {
	r.ws()
	start := r.pos
	if err := r.skip(); err != nil {
		return nil, err
	}
	return r.data[start:r.pos], nil
}

// skip skips one value of any kind (unknown members).
func (r *rtJSONReader) skip() error {
	switch c := r.ws(); {
	case c == '{':
		if err := r.enterObject(); err != nil {
			return err
		}
		for i := 0; ; i++ {
			k, err := r.key(i)
			if err != nil {
				return err
			}
			if k == nil {
				return nil
			}
			if err := r.skip(); err != nil {
				return err
			}
		}
	case c == '[':
		if err := r.enterArray(); err != nil {
			return err
		}
		for i := 0; ; i++ {
			more, err := r.item(i)
			if err != nil || !more {
				return err
			}
			if err := r.skip(); err != nil {
				return err
			}
		}
	case c == '"' || c == '\'':
		_, err := r.stringBytes()
		return err
	case c == '-' || c >= '0' && c <= '9' || c == 'N' || c == 'I':
		_, err := r.number()
		return err
	case c == 't' && bytes.HasPrefix(r.data[r.pos:], []byte("true")):
		r.pos += 4
		return nil
	case c == 'f' && bytes.HasPrefix(r.data[r.pos:], []byte("false")):
		r.pos += 5
		return nil
	case c == 'n' || c == 'u':
		if r.null() {
			return nil
		}
	}
	return r.errUnexpected("a value")
}

// rtFoldIndex finds a member name ignoring case (Json.NET's second lookup),
// returning its index in names, or -1.
func rtFoldIndex(key []byte, names []string) int {
	for i, n := range names {
		if strings.EqualFold(n, rtUnsafeString(key)) {
			return i
		}
	}
	return -1
}

// rtEnumNames maps an enum's names (CLR names and EnumMember values) to
// values, for Json.NET's string-to-enum conversion.
type rtEnumNames struct {
	names  []string
	values []int64
}

// parse reads an enum from text as Json.NET does: a name (exact, then
// ignoring case), a comma-separated list of names (flags), or a number.
func (e *rtEnumNames) parse(b []byte) (int64, bool) {
	b = rtTrimSpace(b)
	if len(b) == 0 {
		return 0, false
	}
	if c := b[0]; c == '-' || c == '+' || c >= '0' && c <= '9' {
		v, err := rtParseInt(b, 64)
		if err != nil {
			u, err := rtParseUint(b, 64)
			return int64(u), err == nil
		}
		return v, true
	}
	if i := bytes.IndexByte(b, ','); i >= 0 {
		var v int64
		for _, part := range bytes.Split(b, []byte(",")) {
			p, ok := e.parse(part)
			if !ok {
				return 0, false
			}
			v |= p
		}
		return v, true
	}
	for i, n := range e.names {
		if n == rtUnsafeString(b) {
			return e.values[i], true
		}
	}
	for i, n := range e.names {
		if strings.EqualFold(n, rtUnsafeString(b)) {
			return e.values[i], true
		}
	}
	return 0, false
}

// enum reads an enum member: a number, or a string naming a value.
func (r *rtJSONReader) enum(e *rtEnumNames, bitSize int, unsigned bool) (int64, error) {
	c := r.ws()
	if c == '"' || c == '\'' {
		at := r.pos
		b, err := r.stringBytes()
		if err != nil {
			return 0, err
		}
		v, ok := e.parse(b)
		if !ok {
			r.pos = at
			return 0, r.errorf("not a value of the enum: " + strconv.Quote(string(b)))
		}
		return v, nil
	}
	if unsigned {
		u, err := r.uint(bitSize)
		return int64(u), err
	}
	return r.int(bitSize)
}
