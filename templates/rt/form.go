package rt

// application/x-www-form-urlencoded runtime, as Web API's model binder
// reads it (JQueryMvcFormUrlEncodedFormatter + FormDataCollection +
// CollectionModelBinder). Keys are CLR property names (DataMember and
// JsonProperty names do not apply); matching ignores case.
//
// # Writing
//
// rtFormWriter builds key=value pairs with an allocation-free key stack:
//
//	w.reset(dst)
//	w.str("Name", v.Name)                   Name=…
//	w.push("Vo"); w.guid("Id", v.Vo.Id); w.pop()            Vo.Id=…
//	for i, s := range v.Tags { w.pushIndex("Tags", i); w.str("", s); w.pop() }  Tags[0]=…&Tags[1]=…
//	for i, l := range v.Links { w.pushIndex("Links", i); w.str("Rel", l.Rel); w.pop() }  Links[0].Rel=…
//	dictionaries: w.pushIndex("D", i); w.str("Key", k); w.int("Value", v); w.pop()   D[0].Key=…&D[0].Value=…
//	nil values and empty lists: write nothing (the binder leaves the default)
//	nil simple items, dictionary values and pair parts: an empty value (read as null)
//	an object with no member written: "A=" (w.mark, w.ensureObject), an empty object
//	what the binder cannot read back (a nil object item, an empty dictionary
//	key, a public field...): w.refuse, and done returns the error
//
// Value writers take the last key segment ("" for the current key itself).
// Why A.B and L[0]: the dotted form is what the binder matches internally
// (A[B] is normalized to it), and indexes are the one list form that works
// for simple and complex items alike (complex items need them) and that
// keeps a one-item list distinct from a scalar. Keys and values are
// escaped as FormUrlEncodedContent does (Uri.EscapeDataString, then %20 as
// +): everything but A-Z a-z 0-9 - _ . ~ is %XX with upper-case hex, so
// brackets travel as %5B %5D.
//
// Text forms (what the binder's TypeConverters parse with the invariant
// culture): integers in decimal, true/false, doubles in "R" form with
// Infinity/-Infinity/NaN, decimals with their scale, GUIDs "D", DateTime in
// round-trip form (DateTime.Parse turns Z and offsets into server-local
// time, Kind Local), DateTimeOffset ISO with offset, TimeSpan "c", a char
// as itself, enums by name (the emitter passes the name to w.str).
//
// # Reading
//
//	f, err := rtParseForm(body)             tree of the keys; f.root is node 0
//	f.child(n, "Name") int                  property child (ignoring case), -1 when absent
//	f.index(n, i) int                       the [i] child, -1 when absent (the binder stops at a gap)
//	f.items(n) []int                        the [0], [1], … children up to the first gap
//	f.values(n) []string                    simple list: L=a&L=b, L[]=a, or L[0]=a&L[1]=b (all read)
//	f.null(n) bool                          true when the single value is "" (nullable members, strings → nil)
//	f.str(n) f.int(n,bits) f.uint(n,bits) f.bool(n) f.double(n) f.float(n) f.decimal(n) f.guid(n)
//	f.dateTime(n) f.dateTimeOffset(n) f.timeSpan(n) f.char(n) f.enum(n, names)   one value, parsed as the binder does
//	f.unused() error                        strict: a key that nothing read (unknown, misspelt, beyond a gap)
//
// Keys normalize as Web API does: a[b] → a.b, a[0] kept as an index,
// a[] → a. A simple [FromBody] value is posted with an empty key (=value):
// it is the root's value. Two values for a scalar are an error (the binder
// silently takes the first). Parsing: pairs split on &, + is a space, %XX
// and %uXXXX are decoded (invalid escapes stay as they are, as in .NET), a
// pair without = is a key with an empty value.

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// ---- writing ----

// rtFormWriter writes a form body into b; see the file comment.
type rtFormWriter struct {
	b     []byte
	start int
	key   []byte
	marks []int
	err   error
}

func (w *rtFormWriter) reset(dst []byte) {
	w.b, w.start = dst, len(dst)
	w.key = w.key[:0]
	w.marks = w.marks[:0]
	w.err = nil
}

// done returns the body (never nil: an empty form is still a form) and the
// first refusal.
func (w *rtFormWriter) done() ([]byte, error) {
	if w.b == nil {
		w.b = []byte{}
	}
	return w.b, w.err
}

// refuse records that the value at name (under the current key) cannot be
// sent: Web API's model binder would read something else.
func (w *rtFormWriter) refuse(name, why string) {
	if w.err != nil {
		return
	}
	k := string(w.key)
	if name != "" {
		if k != "" {
			k += "."
		}
		k += name
	}
	w.err = &rtFormError{Key: k, Msg: why}
}

// dictKey refuses a dictionary key the binder drops: empty or white space.
func (w *rtFormWriter) dictKey(k string) {
	if strings.TrimSpace(k) == "" {
		w.refuse("Key", "an empty or white-space dictionary key, which Web API's binder drops with its entry")
	}
}

// mark is the writer's position, for ensureObject.
func (w *rtFormWriter) mark() int { return len(w.b) }

// ensureObject writes an empty value at the current key when nothing was
// written since mark: the binder makes an empty object of "A=" (verified on
// the clinic oracle), where no key at all would leave null or end a list.
func (w *rtFormWriter) ensureObject(mark int) {
	if len(w.b) == mark {
		w.field("")
	}
}

func (w *rtFormWriter) appendSeg(name string) {
	if name == "" {
		return
	}
	if len(w.key) > 0 {
		w.key = append(w.key, '.')
	}
	w.key = append(w.key, name...)
}

// push appends a property segment to the key prefix.
func (w *rtFormWriter) push(name string) {
	w.marks = append(w.marks, len(w.key))
	w.appendSeg(name)
}

// pushIndex appends name[i] to the key prefix (name "" indexes the prefix).
func (w *rtFormWriter) pushIndex(name string, i int) {
	w.marks = append(w.marks, len(w.key))
	w.appendSeg(name)
	w.key = append(w.key, '[')
	w.key = strconv.AppendInt(w.key, int64(i), 10)
	w.key = append(w.key, ']')
}

// pop undoes the last push or pushIndex.
func (w *rtFormWriter) pop() {
	n := len(w.marks) - 1
	if n < 0 {
		return
	}
	w.key = w.key[:w.marks[n]]
	w.marks = w.marks[:n]
}

// field starts a pair: the separator, the escaped key and '='.
func (w *rtFormWriter) field(name string) {
	if len(w.b) > w.start {
		w.b = append(w.b, '&')
	}
	w.b = rtAppendFormEscaped(w.b, w.key)
	if name != "" {
		if len(w.key) > 0 {
			w.b = append(w.b, '.')
		}
		w.b = rtAppendFormEscaped(w.b, name)
	}
	w.b = append(w.b, '=')
}

func (w *rtFormWriter) str(name, s string) { w.field(name); w.b = rtAppendFormEscaped(w.b, s) }
func (w *rtFormWriter) text(name string, b []byte) {
	w.field(name)
	w.b = rtAppendFormEscaped(w.b, b)
}
func (w *rtFormWriter) int(name string, v int64) { w.field(name); w.b = strconv.AppendInt(w.b, v, 10) }
func (w *rtFormWriter) uint(name string, v uint64) {
	w.field(name)
	w.b = strconv.AppendUint(w.b, v, 10)
}
func (w *rtFormWriter) bool(name string, v bool) { w.field(name); w.b = rtAppendBool(w.b, v) }
func (w *rtFormWriter) double(name string, v float64) {
	w.field(name)
	w.b = rtAppendFormFloat(w.b, v, rtAppendDouble(nil, v))
}
func (w *rtFormWriter) float(name string, v float32) {
	w.field(name)
	w.b = rtAppendFormFloat(w.b, float64(v), rtAppendFloat(nil, v))
}
func (w *rtFormWriter) decimal(name string, v Decimal) {
	w.field(name)
	w.b = rtAppendDecimal(w.b, v)
}
func (w *rtFormWriter) guid(name string, v uuid.UUID) { w.field(name); w.b = rtAppendGUID(w.b, v) }
func (w *rtFormWriter) dateTime(name string, v DateTime) {
	// The binder's DateTime.Parse turns a zoned time into server-local
	// time: near .NET's range limits that overflows, and the binder leaves
	// the default instead (verified on the oracle).
	if v.Kind != DateTimeUnspecified && (v.Time.Before(rtFormDateMin) || v.Time.After(rtFormDateMax)) {
		w.refuse(name, "DateTime "+v.Time.Format(time.RFC3339Nano)+" is within 14 hours of .NET's range limits: Web API's form binder converts it to server-local time, which overflows")
	}
	w.field(name)
	var buf [40]byte
	w.b = rtAppendFormEscaped(w.b, rtAppendDateTime(buf[:0], v))
}
func (w *rtFormWriter) dateTimeOffset(name string, v time.Time) {
	if msg := rtDateTimeOffsetRange(v); msg != "" {
		w.refuse(name, msg)
	}
	w.field(name)
	var buf [40]byte
	w.b = rtAppendFormEscaped(w.b, rtAppendDateTimeOffset(buf[:0], v))
}
func (w *rtFormWriter) timeSpan(name string, v TimeSpan) {
	w.field(name)
	var buf [32]byte
	w.b = rtAppendFormEscaped(w.b, rtAppendTimeSpan(buf[:0], v))
}
func (w *rtFormWriter) char(name string, r rune) {
	if r != 0 && strings.TrimSpace(string(r)) == "" {
		// CharConverter trims the text: the binder reads '\x00' (verified on the oracle).
		w.refuse(name, "a white-space character, which Web API's form binder reads as '\\0'")
	}
	w.field(name)
	var buf [4]byte
	w.b = rtAppendFormEscaped(w.b, buf[:utf8.EncodeRune(buf[:], r)])
}

// A zoned DateTime the form binder converts to server-local time in any
// zone (±14:00) stays within .NET's range between these instants.
var (
	rtFormDateMin = time.Date(1, 1, 1, 14, 0, 0, 0, time.UTC)
	rtFormDateMax = time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC)
)

// rtAppendFormFloat writes the invariant Double.ToString forms of the
// special values; r is the "R" text of finite values.
func rtAppendFormFloat(dst []byte, f float64, r []byte) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	}
	return rtAppendFormEscaped(dst, r)
}

// rtFormUnreserved marks the bytes Uri.EscapeDataString leaves alone.
var rtFormUnreserved = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['-'], t['_'], t['.'], t['~'] = true, true, true, true
	return
}()

const rtHexUpper = "0123456789ABCDEF"

// rtAppendFormEscaped escapes as FormUrlEncodedContent: unreserved bytes
// as is, space as +, the rest %XX (UTF-8 bytes, upper-case hex). Invalid
// UTF-8 is written as U+FFFD, as .NET strings cannot hold it.
func rtAppendFormEscaped[S ~string | ~[]byte](dst []byte, s S) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case rtFormUnreserved[c]:
			dst = append(dst, c)
		case c == ' ':
			dst = append(dst, '+')
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+4, len(s))]))
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, "%EF%BF%BD"...)
				i++
				continue
			}
			for j := 0; j < size; j++ {
				b := s[i+j]
				dst = append(dst, '%', rtHexUpper[b>>4], rtHexUpper[b&15])
			}
			i += size
			continue
		default:
			dst = append(dst, '%', rtHexUpper[c>>4], rtHexUpper[c&15])
		}
		i++
	}
	return dst
}

// ---- reading ----

// rtFormError is a form body or value the binder would reject, or data it
// would silently drop.
type rtFormError struct {
	Key string
	Msg string
}

func (e *rtFormError) Error() string {
	if e.Key == "" {
		return "form: " + e.Msg
	}
	return "form: key " + rtQuoteExcerpt(e.Key, 64) + ": " + e.Msg
}

type rtFormNode struct {
	seg    string // property name as first posted; "" for index nodes
	index  int32  // >= 0 for an [i] node
	parent int32
	same   int32 // the next node in the same kids bucket, or -1
	read   bool
	// The children are [0], [1], … in that order (a list posted in
	// order): child i is kids[i].
	ordered bool
	hashed  bool   // the children are in rtFormData.kids
	key     string // first key that reached this node, for errors
	values  []string
	kids    []int32
}

// rtFormData is a parsed form body: node 0 is the root.
//
// A child is found by a scan of its parent's children while there are at
// most rtFormHashAt of them (as in every contract the pages show), by its
// position when they are a list posted in order, and through one hash
// table for the whole tree otherwise: a body of n sibling keys or list
// items costs O(n), not the O(n²) of scanning.
type rtFormData struct {
	nodes []rtFormNode
	// kids maps a hash of (parent, folded name or index) to the first node
	// of its bucket; the rest follow rtFormNode.same (collisions are rare,
	// and never trusted: find compares the names).
	kids    map[uint64]int32
	keys    int // nodes holding values: the body's distinct keys
	pairs   int // the body's pairs, at most
	scratch []byte
	dec     *rtDecoding
}

// rtFormSeed keys the kids hashes; random per process, so a body cannot
// be built to collide.
var rtFormSeed = maphash.MakeSeed()

const rtFormHashAt = 16

// rtParseForm parses a form body with the default limits.
func rtParseForm(body []byte) (*rtFormData, error) { return rtParseFormWith(body, nil) }

// rtParseFormWith parses a form body into its key tree within d's limits
// (nil: the defaults), checking d's context as it goes.
func rtParseFormWith(body []byte, d *rtDecoding) (*rtFormData, error) {
	if d == nil {
		d = rtDefaultDecoding
	}
	f := &rtFormData{dec: d}
	// A body of n distinct keys makes n nodes and some parents; sizing the
	// tree (and, in add, the map) for them up front spares the copies of
	// growing them one doubling at a time.
	f.pairs = bytes.Count(body, []byte{'&'}) + 1
	f.nodes = make([]rtFormNode, 1, min(f.pairs, d.lim.FormKeys)*3/2+4)
	f.nodes[0] = rtFormNode{index: -1, same: -1, ordered: true}
	var kbuf, vbuf []byte
	for pairs := 1; len(body) > 0; pairs++ {
		if pairs%rtCheckEvery == 0 {
			if err := d.canceled(); err != nil {
				return nil, err
			}
		}
		var pair []byte
		if i := bytes.IndexByte(body, '&'); i >= 0 {
			pair, body = body[:i], body[i+1:]
		} else {
			pair, body = body, nil
		}
		if len(pair) == 0 {
			continue
		}
		k, v := pair, []byte(nil)
		if i := bytes.IndexByte(pair, '='); i >= 0 {
			k, v = pair[:i], pair[i+1:]
		}
		if len(k) > d.lim.FormKeyBytes {
			return nil, &rtFormError{Key: string(k[:min(len(k), 80)]), Msg: "longer than " + strconv.Itoa(d.lim.FormKeyBytes) + " bytes (DecodeLimits.FormKeyBytes)"}
		}
		kbuf = rtFormUnescape(kbuf[:0], k)
		n, err := f.path(kbuf)
		if err != nil {
			return nil, err
		}
		nd := &f.nodes[n]
		if len(nd.values) == 0 {
			if f.keys++; f.keys > d.lim.FormKeys {
				return nil, &rtFormError{Msg: rtLimitMsg("keys", d.lim.FormKeys, "FormKeys")}
			}
		}
		vbuf = rtFormUnescape(vbuf[:0], v)
		nd.values = append(nd.values, string(vbuf))
	}
	return f, nil
}

// path finds or creates the node of a key, normalizing a[b] to a.b and
// a[] to a, and keeping a[0] as an index. kb is only read: the key is
// copied once, for the first node it creates.
func (f *rtFormData) path(kb []byte) (int, error) {
	w := rtFormWalk{f: f, kb: kb, key: rtUnsafeString(kb)}
	key := w.key
	for i := 0; i < len(key); {
		c := key[i]
		if c == '[' {
			end := strings.IndexByte(key[i:], ']')
			if end < 0 || i == 0 && !rtFormIsIndex(key[1:end]) {
				// A key may start with an index only: the items of a body
				// that is a collection ("[0].Id", bound with an empty prefix).
				return 0, w.bad()
			}
			a, b := i+1, i+end
			inner := key[a:b]
			i += end + 1
			var err error
			switch {
			case inner == "": // a[] is a
			case strings.IndexByte(inner, '[') >= 0:
				return 0, w.bad()
			case rtFormIsIndex(inner):
				idx, _ := strconv.Atoi(inner)
				err = w.step(0, 0, idx)
			default: // a[b] is a.b
				err = w.step(a, b, -1)
			}
			if err != nil {
				return 0, err
			}
			continue
		}
		if c == '.' {
			if i == 0 {
				return 0, w.bad()
			}
			i++
		} else if i != 0 {
			return 0, w.bad()
		}
		end := strings.IndexAny(key[i:], ".[]")
		if end < 0 {
			end = len(key) - i
		}
		if end == 0 || i+end < len(key) && key[i+end] == ']' {
			return 0, w.bad()
		}
		if err := w.step(i, i+end, -1); err != nil {
			return 0, err
		}
		i += end
	}
	return w.n, nil
}

// rtFormWalk is path's state: the node reached and the segments walked.
type rtFormWalk struct {
	f     *rtFormData
	kb    []byte
	key   string // a view of kb
	owned string // a copy of kb, made when a node first needs it
	n     int
	depth int
}

func (w *rtFormWalk) bad() error { return &rtFormError{Key: string(w.kb), Msg: "invalid key"} }

// step moves to the child key[a:b] (index < 0) or [index], creating it.
func (w *rtFormWalk) step(a, b, index int) error {
	f := w.f
	if w.depth++; w.depth > f.dec.lim.FormDepth {
		return &rtFormError{Key: string(w.kb), Msg: rtLimitMsg("segments", f.dec.lim.FormDepth, "FormDepth")}
	}
	if k := f.find(w.n, w.key[a:b], index); k >= 0 {
		w.n = k
		return nil
	}
	if w.owned == "" {
		w.owned = string(w.kb)
	}
	w.n = f.add(w.n, w.owned[a:b], index, w.owned)
	return nil
}

func rtFormIsIndex(s string) bool {
	if len(s) == 0 || len(s) > 9 || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// find returns n's child named seg (ignoring case; index < 0) or its
// [index] child, or -1.
func (f *rtFormData) find(n int, seg string, index int) int {
	nd := &f.nodes[n]
	switch {
	case nd.ordered:
		if index >= 0 && index < len(nd.kids) {
			return int(nd.kids[index])
		}
		return -1
	case nd.hashed:
		k, ok := f.kids[f.hashOf(n, seg, index)]
		for ; ok; k, ok = f.nodes[k].same, f.nodes[k].same >= 0 {
			if f.isKid(int(k), n, seg, index) {
				return int(k)
			}
		}
		return -1
	}
	for _, k := range nd.kids {
		if f.isKid(int(k), n, seg, index) {
			return int(k)
		}
	}
	return -1
}

// isKid reports whether node k is n's child named seg or [index] (a
// bucket may hold other nodes).
func (f *rtFormData) isKid(k, n int, seg string, index int) bool {
	c := &f.nodes[k]
	return int(c.parent) == n && (index >= 0 && int(c.index) == index || index < 0 && c.index < 0 && strings.EqualFold(c.seg, seg))
}

// add appends a child to n (seg and key are owned strings).
func (f *rtFormData) add(n int, seg string, index int, key string) int {
	f.nodes = append(f.nodes, rtFormNode{seg: seg, index: int32(index), parent: int32(n), same: -1, ordered: true, key: key})
	k := len(f.nodes) - 1
	nd := &f.nodes[n]
	nd.kids = append(nd.kids, int32(k))
	if nd.ordered && index == len(nd.kids)-1 {
		return k
	}
	switch {
	case nd.hashed:
		f.hash(n, k)
	case len(nd.kids) > rtFormHashAt:
		nd.ordered, nd.hashed = false, true
		if f.kids == nil {
			f.kids = make(map[uint64]int32, min(f.pairs, f.dec.lim.FormKeys))
		}
		for _, c := range nd.kids {
			f.hash(n, int(c))
		}
	default:
		nd.ordered = false
	}
	return k
}

// hash enters child k of n in its bucket.
func (f *rtFormData) hash(n, k int) {
	c := &f.nodes[k]
	h := f.hashOf(n, c.seg, int(c.index))
	if head, ok := f.kids[h]; ok {
		c.same = head
	}
	f.kids[h] = int32(k)
}

// hashOf hashes a child's identity: its parent, then '[' and the index, or
// '.' and the name folded as strings.EqualFold compares.
func (f *rtFormData) hashOf(parent int, seg string, index int) uint64 {
	b := binary.LittleEndian.AppendUint32(f.scratch[:0], uint32(parent))
	if index >= 0 {
		b = binary.LittleEndian.AppendUint32(append(b, '['), uint32(index))
	} else {
		b = rtAppendFold(append(b, '.'), seg)
	}
	f.scratch = b
	return maphash.Bytes(rtFormSeed, b)
}

// rtAppendFold appends s with each rune replaced by the least rune of its
// simple case-folding orbit, so that two strings are strings.EqualFold
// exactly when their folds are equal.
func rtAppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		m := r
		for g := unicode.SimpleFold(r); g != r; g = unicode.SimpleFold(g) {
			m = min(m, g)
		}
		dst = utf8.AppendRune(dst, m)
		i += size
	}
	return dst
}

// rtFormUnescape decodes + and %XX / %uXXXX; invalid escapes stay as
// they are, as in .NET's UrlDecode.
func rtFormUnescape(dst, s []byte) []byte {
	start := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+':
			dst = append(dst, ' ')
		case c == '%' && i+5 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U'):
			if r, ok := rtHex4(s, i+2); ok {
				dst = utf8.AppendRune(dst, r)
				i += 5
				continue
			}
			dst = append(dst, c)
		case c == '%' && i+2 < len(s) && rtUnhex[s[i+1]] != 0xff && rtUnhex[s[i+2]] != 0xff:
			dst = append(dst, rtUnhex[s[i+1]]<<4|rtUnhex[s[i+2]])
			i += 2
		default:
			dst = append(dst, c)
		}
	}
	if !utf8.Valid(dst[start:]) {
		fixed := []byte(strings.ToValidUTF8(string(dst[start:]), "\uFFFD"))
		dst = append(dst[:start], fixed...)
	}
	return dst
}

// child is the property child named name (ignoring case), or -1.
func (f *rtFormData) child(n int, name string) int {
	if n < 0 {
		return -1
	}
	return f.find(n, name, -1)
}

// index is the [i] child, or -1.
func (f *rtFormData) index(n, i int) int {
	if n < 0 {
		return -1
	}
	return f.find(n, "", i)
}

// items lists the [0], [1], … children up to the first gap.
func (f *rtFormData) items(n int) []int {
	var out []int
	for i := 0; ; i++ {
		k := f.index(n, i)
		if k < 0 {
			return out
		}
		out = append(out, k)
	}
}

// keyOf names a node for errors.
func (f *rtFormData) keyOf(n int) string { return f.nodes[n].key }

// values reads a simple list: the values posted at n itself (L=a&L=b,
// L[]=a) followed by those of its [0], [1], … children.
func (f *rtFormData) values(n int) []string {
	if n < 0 {
		return nil
	}
	nd := &f.nodes[n]
	nd.read = true
	items := f.items(n)
	if len(items) == 0 {
		return nd.values
	}
	size := len(nd.values)
	for _, k := range items {
		size += len(f.nodes[k].values)
	}
	out := append(make([]string, 0, size), nd.values...)
	for _, k := range items {
		c := &f.nodes[k]
		c.read = true
		out = append(out, c.values...)
	}
	return out
}

// value reads the single value at n.
func (f *rtFormData) value(n int) (string, error) {
	if n < 0 {
		return "", &rtFormError{Msg: "no value"}
	}
	nd := &f.nodes[n]
	nd.read = true
	switch len(nd.values) {
	case 0:
		return "", &rtFormError{Key: nd.key, Msg: "no value (only nested keys)"}
	case 1:
		return nd.values[0], nil
	}
	return "", &rtFormError{Key: nd.key, Msg: strconv.Itoa(len(nd.values)) + " values for a single value"}
}

// null reports whether n's single value is empty (the binder's null for
// strings and nullable types); it marks the value read when so.
func (f *rtFormData) null(n int) bool {
	if n < 0 {
		return true
	}
	nd := &f.nodes[n]
	if len(nd.values) == 1 && strings.TrimSpace(nd.values[0]) == "" && len(nd.kids) == 0 {
		nd.read = true
		return true
	}
	return false
}

// obj marks read the empty value an object's key may carry ("A=": the
// binder makes an empty object).
func (f *rtFormData) obj(n int) {
	if n < 0 {
		return
	}
	nd := &f.nodes[n]
	if len(nd.values) == 1 && strings.TrimSpace(nd.values[0]) == "" {
		nd.read = true
	}
}

// entry returns the Key and Value nodes of dictionary item n. The binder
// drops an entry that lacks either, or whose key is empty or white space;
// such an entry is an error here rather than read differently.
func (f *rtFormData) entry(n int) (key, value int, err error) {
	key, value = f.child(n, "Key"), f.child(n, "Value")
	switch {
	case key < 0 || value < 0:
		return 0, 0, &rtFormError{Key: f.nodes[n].key, Msg: "a dictionary entry without its Key or its Value (Web API's binder drops it)"}
	case len(f.nodes[key].values) == 1 && strings.TrimSpace(f.nodes[key].values[0]) == "":
		return 0, 0, &rtFormError{Key: f.nodes[key].key, Msg: "an empty or white-space dictionary key (Web API's binder drops the entry)"}
	}
	f.obj(n)
	return key, value, nil
}

// pair returns the Key and Value nodes of KeyValuePair node n: the binder
// sets a pair only when both are posted.
func (f *rtFormData) pair(n int) (key, value int, err error) {
	key, value = f.child(n, "Key"), f.child(n, "Value")
	if key < 0 || value < 0 {
		return 0, 0, &rtFormError{Key: f.nodes[n].key, Msg: "a KeyValuePair without its Key or its Value (Web API's binder leaves it unset)"}
	}
	return key, value, nil
}

// unused reports the first posted key whose value nothing read.
func (f *rtFormData) unused() error {
	for i := range f.nodes {
		nd := &f.nodes[i]
		if len(nd.values) > 0 && !nd.read {
			return &rtFormError{Key: nd.key, Msg: "unknown key"}
		}
	}
	return nil
}

func rtFormScalar[T any](f *rtFormData, n int, what string, parse func(string) (T, bool)) (T, error) {
	var zero T
	s, err := f.value(n)
	if err != nil {
		return zero, err
	}
	v, ok := parse(s)
	if !ok {
		return zero, &rtFormError{Key: f.nodes[n].key, Msg: "not a valid " + what + ": " + strconv.Quote(s)}
	}
	return v, nil
}

func (f *rtFormData) str(n int) (string, error) { return f.value(n) }

// int reads an integer as Int32Converter & co do: decimal with sign and
// surrounding spaces, or hex after 0x, &h or #.
func (f *rtFormData) int(n, bits int) (int64, error) {
	return rtFormScalar(f, n, "integer", func(s string) (int64, bool) {
		if h, ok := rtFormHex(s); ok {
			u, err := strconv.ParseUint(h, 16, bits)
			return int64(u) << (64 - bits) >> (64 - bits), err == nil
		}
		v, err := rtParseInt([]byte(s), bits)
		return v, err == nil
	})
}

func (f *rtFormData) uint(n, bits int) (uint64, error) {
	return rtFormScalar(f, n, "unsigned integer", func(s string) (uint64, bool) {
		if h, ok := rtFormHex(s); ok {
			u, err := strconv.ParseUint(h, 16, bits)
			return u, err == nil
		}
		v, err := rtParseUint([]byte(s), bits)
		return v, err == nil
	})
}

func rtFormHex(s string) (string, bool) {
	s = strings.TrimSpace(s)
	switch {
	case len(s) > 2 && (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') || s[0] == '&' && (s[1] == 'h' || s[1] == 'H')):
		return s[2:], true
	case len(s) > 1 && s[0] == '#':
		return s[1:], true
	}
	return "", false
}

// bool reads Boolean.Parse's forms: true/false in any case (not 1/0).
func (f *rtFormData) bool(n int) (bool, error) {
	return rtFormScalar(f, n, "boolean", func(s string) (bool, bool) {
		s = strings.TrimSpace(s)
		switch {
		case strings.EqualFold(s, "true"):
			return true, true
		case strings.EqualFold(s, "false"):
			return false, true
		}
		return false, false
	})
}

// rtFormNumber drops thousands separators (NumberStyles.AllowThousands).
func rtFormNumber(s string) []byte {
	b := []byte(strings.TrimSpace(s))
	if i := bytes.IndexByte(b, ','); i > 0 {
		end := bytes.IndexAny(b, ".eE")
		if end < 0 {
			end = len(b)
		}
		if i < end {
			out := b[:0]
			for j, c := range b {
				if c == ',' && j < end {
					continue
				}
				out = append(out, c)
			}
			b = out
		}
	}
	return b
}

func (f *rtFormData) double(n int) (float64, error) {
	return rtFormScalar(f, n, "number", func(s string) (float64, bool) {
		v, err := rtParseDouble(rtFormNumber(s))
		return v, err == nil
	})
}

func (f *rtFormData) float(n int) (float32, error) {
	return rtFormScalar(f, n, "number", func(s string) (float32, bool) {
		v, err := rtParseFloat(rtFormNumber(s))
		return v, err == nil
	})
}

func (f *rtFormData) decimal(n int) (Decimal, error) {
	return rtFormScalar(f, n, "decimal", func(s string) (Decimal, bool) {
		v, err := rtParseDecimal([]byte(strings.TrimSpace(s)))
		return v, err == nil
	})
}

func (f *rtFormData) guid(n int) (uuid.UUID, error) {
	return rtFormScalar(f, n, "GUID", func(s string) (uuid.UUID, bool) {
		v, err := rtParseGUID([]byte(strings.TrimSpace(s)))
		return v, err == nil
	})
}

// dateTime reads as DateTime.Parse does without RoundtripKind: a zone (Z
// or an offset) converts to server-local time (Kind Local, time.Local).
func (f *rtFormData) dateTime(n int) (DateTime, error) {
	return rtFormScalar(f, n, "date", func(s string) (DateTime, bool) {
		v, err := rtParseDateTime([]byte(s))
		if err != nil {
			return v, false
		}
		if v.Kind != DateTimeUnspecified {
			v = DateTime{Time: v.Time.In(time.Local), Kind: DateTimeLocal}
		}
		return v, true
	})
}

// dateTimeOffset reads as DateTimeOffset.Parse: no zone means local.
func (f *rtFormData) dateTimeOffset(n int) (time.Time, error) {
	return rtFormScalar(f, n, "date", func(s string) (time.Time, bool) {
		v, err := rtParseDateTime([]byte(s))
		if err != nil {
			return time.Time{}, false
		}
		if v.Kind == DateTimeUnspecified {
			return rtRelabel(v.Time, time.Local), true
		}
		return v.Time, true
	})
}

func (f *rtFormData) timeSpan(n int) (TimeSpan, error) {
	return rtFormScalar(f, n, "TimeSpan", func(s string) (TimeSpan, bool) {
		v, err := rtParseTimeSpan([]byte(s))
		return v, err == nil
	})
}

// char reads as CharConverter: one character (trimmed when longer), ""
// is '\x00'.
func (f *rtFormData) char(n int) (rune, error) {
	return rtFormScalar(f, n, "character", func(s string) (rune, bool) {
		if utf8.RuneCountInString(s) > 1 {
			s = strings.TrimSpace(s)
		}
		if s == "" {
			return 0, true
		}
		r, size := utf8.DecodeRuneInString(s)
		return r, size == len(s) && r <= 0xFFFF
	})
}

// enum reads an enum as Enum.Parse(ignoreCase): names, comma-separated
// flags, or a number.
func (f *rtFormData) enum(n int, names *rtEnumNames) (int64, error) {
	return rtFormScalar(f, n, "enum value", func(s string) (int64, bool) { return names.parse([]byte(s)) })
}
