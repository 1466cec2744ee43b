package rt

// The JSON codec over contract descriptors (contract.go): values are
// written as the server's Json.NET writes them and read with Json.NET's
// rules (json.go has the scalar readers and writers).

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// ---- writing ----

// rtJSONAppend appends the value at p.
func rtJSONAppend(dst []byte, c *rtCodec, p unsafe.Pointer, d *JSONDates) []byte {
	switch c.kind {
	case rtKString:
		if c.value {
			return rtAppendJSONString(dst, *(*string)(p))
		}
		return rtAppendJSONStringPtr(dst, *(**string)(p))
	case rtKInt:
		return strconv.AppendInt(dst, rtLoadInt(p, c.size), 10)
	case rtKUint:
		return strconv.AppendUint(dst, rtLoadUint(p, c.size), 10)
	case rtKFloat32:
		return rtAppendFloatJSON(dst, *(*float32)(p))
	case rtKFloat64:
		return rtAppendDoubleJSON(dst, *(*float64)(p))
	case rtKDecimal:
		return rtAppendDecimalJSON(dst, *(*Decimal)(p))
	case rtKBool:
		return rtAppendBool(dst, *(*bool)(p))
	case rtKDateTime:
		return d.appendDateTime(dst, *(*DateTime)(p))
	case rtKDateTimeOffset:
		return d.appendOffset(dst, *(*time.Time)(p))
	case rtKTimeSpan:
		return rtAppendJSONTimeSpan(dst, *(*TimeSpan)(p))
	case rtKGUID:
		return rtAppendJSONGUID(dst, *(*uuid.UUID)(p))
	case rtKChar:
		return rtAppendJSONChar(dst, *(*rune)(p))
	case rtKBytes:
		return rtAppendJSONBase64(dst, *(*[]byte)(p))
	case rtKObject:
		return rtAppendJSONObject(dst, *(*Object)(p))
	case rtKEnum:
		// Json.NET writes enums as numbers (no StringEnumConverter).
		if c.enum.unsigned {
			return strconv.AppendUint(dst, rtLoadUint(p, c.size), 10)
		}
		return strconv.AppendInt(dst, rtLoadInt(p, c.size), 10)
	case rtKContract:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return append(dst, "null"...)
		}
		return rtJSONAppendContract(dst, c.contract, q, d)
	case rtKNullable:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return append(dst, "null"...)
		}
		return rtJSONAppend(dst, c.elem, q, d)
	case rtKList:
		s := (*rtSlice)(p)
		if s.data == nil {
			return append(dst, "null"...)
		}
		dst = append(dst, '[')
		for i := range s.len {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = rtJSONAppend(dst, c.elem, unsafe.Add(s.data, uintptr(i)*c.elem.size), d)
		}
		return append(dst, ']')
	case rtKPair:
		dst = append(dst, `{"Key":`...)
		dst = rtJSONAppend(dst, c.key, unsafe.Add(p, c.keyOff), d)
		dst = append(dst, `,"Value":`...)
		dst = rtJSONAppend(dst, c.elem, unsafe.Add(p, c.valOff), d)
		return append(dst, '}')
	case rtKDict:
		if *(*unsafe.Pointer)(p) == nil {
			return append(dst, "null"...)
		}
		dst = append(dst, '{')
		for i, e := range rtSortedEntries(c, p) {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = rtJSONAppendKey(dst, c.key, e.key, d)
			dst = append(dst, ':')
			dst = rtJSONAppend(dst, c.elem, e.val, d)
		}
		return append(dst, '}')
	}
	panic("helpgen runtime: JSON cannot write " + c.ref)
}

// rtJSONAppendContract writes a class contract's members in JSON order.
func rtJSONAppendContract(dst []byte, ci *rtContractInfo, p unsafe.Pointer, d *JSONDates) []byte {
	if len(ci.json) == 0 {
		return append(dst, "{}"...)
	}
	dst = append(dst, '{')
	start := len(dst)
	for _, f := range ci.json {
		fp := unsafe.Add(p, f.off)
		if f.OmitDefault && rtIsDefault(f.codec, fp) {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ',')
		}
		dst = append(dst, f.jsonKey...)
		dst = rtJSONAppend(dst, f.codec, fp, d)
	}
	return append(dst, '}')
}

// rtJSONAppendKey writes a dictionary key as Json.NET does: the key's text
// (an enum's name), quoted.
func rtJSONAppendKey(dst []byte, c *rtCodec, p unsafe.Pointer, d *JSONDates) []byte {
	switch c.kind {
	case rtKString:
		if c.value {
			return rtAppendJSONString(dst, *(*string)(p))
		}
		return rtAppendJSONString(dst, *rtDeref[string](p))
	case rtKEnum:
		return rtAppendJSONString(dst, rtEnumText(c.enum, p))
	case rtKChar:
		return rtAppendJSONChar(dst, *(*rune)(p))
	case rtKDateTime:
		var buf [64]byte
		return rtAppendJSONString(dst, d.appendDateTimeText(buf[:0], *(*DateTime)(p)))
	}
	var buf [64]byte
	return rtAppendJSONString(dst, rtAppendText(buf[:0], c, p))
}

// rtDeref reads a *T at p, treating nil as the zero value.
func rtDeref[T any](p unsafe.Pointer) *T {
	if q := *(**T)(p); q != nil {
		return q
	}
	return new(T)
}

// rtAppendText writes a scalar's invariant text (DCS content, dictionary
// keys, URI parameters).
func rtAppendText(dst []byte, c *rtCodec, p unsafe.Pointer) []byte {
	switch c.kind {
	case rtKString:
		if c.value {
			return append(dst, *(*string)(p)...)
		}
		return append(dst, *rtDeref[string](p)...)
	case rtKInt:
		return strconv.AppendInt(dst, rtLoadInt(p, c.size), 10)
	case rtKUint:
		return strconv.AppendUint(dst, rtLoadUint(p, c.size), 10)
	case rtKFloat32:
		return rtAppendFloat(dst, *(*float32)(p))
	case rtKFloat64:
		return rtAppendDouble(dst, *(*float64)(p))
	case rtKDecimal:
		return rtAppendDecimal(dst, *(*Decimal)(p))
	case rtKBool:
		return rtAppendBool(dst, *(*bool)(p))
	case rtKDateTime:
		return rtAppendDateTime(dst, *(*DateTime)(p))
	case rtKDateTimeOffset:
		return rtAppendDateTimeOffset(dst, *(*time.Time)(p))
	case rtKTimeSpan:
		return rtAppendTimeSpan(dst, *(*TimeSpan)(p))
	case rtKGUID:
		return rtAppendGUID(dst, *(*uuid.UUID)(p))
	case rtKChar:
		return rtAppendCharCode(dst, *(*rune)(p))
	case rtKBytes:
		return rtAppendBase64(dst, *(*[]byte)(p))
	case rtKEnum:
		return append(dst, rtEnumText(c.enum, p)...)
	}
	panic("helpgen runtime: no text form for " + c.ref)
}

// rtEntry is a dictionary entry in memory of the key and value types.
type rtEntry struct{ key, val unsafe.Pointer }

// rtSortedEntries copies a map's entries out, ordered by key: map order
// is random, and output must be stable.
func rtSortedEntries(c *rtCodec, p unsafe.Pointer) []rtEntry {
	m := rtMapValue(c.typ, p)
	n := m.Len()
	keys := reflect.MakeSlice(reflect.SliceOf(c.key.typ), n, n)
	vals := reflect.MakeSlice(reflect.SliceOf(c.elem.typ), n, n)
	kp, vp := keys.UnsafePointer(), vals.UnsafePointer()
	entries := make([]rtEntry, 0, n)
	it := m.MapRange()
	for i := 0; it.Next(); i++ {
		keys.Index(i).SetIterKey(it)
		vals.Index(i).SetIterValue(it)
		entries = append(entries, rtEntry{unsafe.Add(kp, uintptr(i)*c.key.size), unsafe.Add(vp, uintptr(i)*c.elem.size)})
	}
	slices.SortFunc(entries, func(a, b rtEntry) int { return rtCompareKeys(c.key, a.key, b.key) })
	return entries
}

// rtCompareKeys orders dictionary keys: by value, GUIDs by bytes, dates
// by instant then kind, decimals by value then scale.
func rtCompareKeys(c *rtCodec, a, b unsafe.Pointer) int {
	switch c.kind {
	case rtKString:
		if c.value {
			return strings.Compare(*(*string)(a), *(*string)(b))
		}
		return strings.Compare(*rtDeref[string](a), *rtDeref[string](b))
	case rtKInt, rtKChar, rtKTimeSpan:
		return rtCmpInt(rtLoadInt(a, c.size), rtLoadInt(b, c.size))
	case rtKUint:
		return rtCmpUint(rtLoadUint(a, c.size), rtLoadUint(b, c.size))
	case rtKEnum:
		if c.enum.unsigned {
			return rtCmpUint(rtLoadUint(a, c.size), rtLoadUint(b, c.size))
		}
		return rtCmpInt(rtLoadInt(a, c.size), rtLoadInt(b, c.size))
	case rtKFloat32:
		return rtCmpFloat(float64(*(*float32)(a)), float64(*(*float32)(b)))
	case rtKFloat64:
		return rtCmpFloat(*(*float64)(a), *(*float64)(b))
	case rtKBool:
		return rtCompareBool(*(*bool)(a), *(*bool)(b))
	case rtKGUID:
		return rtCompareGUID(*(*uuid.UUID)(a), *(*uuid.UUID)(b))
	case rtKDateTime:
		return rtCompareDateTime(*(*DateTime)(a), *(*DateTime)(b))
	case rtKDateTimeOffset:
		return rtCompareTime(*(*time.Time)(a), *(*time.Time)(b))
	case rtKDecimal:
		return rtCompareDecimal(*(*Decimal)(a), *(*Decimal)(b))
	}
	return 0
}

func rtCmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func rtCmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// rtCmpFloat orders NaN first, as cmp.Compare does.
func rtCmpFloat(a, b float64) int {
	an, bn := a != a, b != b
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	case bn:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ---- reading ----

// value reads a value of c into p; what names the member in errors.
func (r *rtJSONReader) value(c *rtCodec, p unsafe.Pointer, what string) error {
	var err error
	switch c.kind {
	case rtKString:
		if c.value {
			var s string
			s, err = r.stringValue()
			*(*string)(p) = s
			return err
		}
		*(**string)(p), err = r.strPtr()
		return err
	case rtKBytes:
		*(*[]byte)(p), err = r.base64()
		return err
	case rtKObject:
		*(*Object)(p), err = r.object()
		return err
	case rtKContract:
		if r.null() {
			*(*unsafe.Pointer)(p) = nil
			return nil
		}
		q := rtNew(c.contract.typ)
		if err := r.contract(c.contract, q); err != nil {
			if err != errRTJSONRef {
				return err
			}
			// {"$ref": …}: the slot points to the object read before.
			if q, err = r.pendingRef(c.contract.ptrType); err != nil {
				return err
			}
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKNullable:
		if r.null() {
			*(*unsafe.Pointer)(p) = nil
			return nil
		}
		q := rtNew(c.elem.typ)
		if err := r.value(c.elem, q, what); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKList:
		if r.null() {
			*(*rtSlice)(p) = rtSlice{}
			return nil
		}
		return r.list(c, p, what)
	case rtKDict:
		if r.null() {
			*(*unsafe.Pointer)(p) = nil
			return nil
		}
		return r.dict(c, p, what)
	case rtKPair:
		return r.pair(c, p, what)
	}
	// Value types: null is an error naming the member (the cheap test
	// first: most values are not null).
	if r.nullAhead() && r.null() {
		return r.errNull(what)
	}
	switch c.kind {
	case rtKInt:
		var v int64
		if v, err = r.int(c.bits); err == nil {
			rtStoreInt(p, c.size, v)
		}
	case rtKUint:
		var v uint64
		if v, err = r.uint(c.bits); err == nil {
			rtStoreInt(p, c.size, int64(v))
		}
	case rtKFloat32:
		*(*float32)(p), err = r.float()
	case rtKFloat64:
		*(*float64)(p), err = r.double()
	case rtKDecimal:
		*(*Decimal)(p), err = r.decimal()
	case rtKBool:
		*(*bool)(p), err = r.bool()
	case rtKDateTime:
		*(*DateTime)(p), err = r.dateTime()
	case rtKDateTimeOffset:
		*(*time.Time)(p), err = r.dateTimeOffset()
	case rtKTimeSpan:
		*(*TimeSpan)(p), err = r.timeSpan()
	case rtKGUID:
		*(*uuid.UUID)(p), err = r.guid()
	case rtKChar:
		*(*rune)(p), err = r.char()
	case rtKEnum:
		var v int64
		if v, err = r.enum(c.enum.names, c.bits, c.enum.unsigned); err == nil {
			rtStoreInt(p, c.size, v)
		}
	default:
		panic("helpgen runtime: JSON cannot read " + c.ref)
	}
	return err
}

// nullAhead reports whether the next value may be null: the one-byte test
// r.null makes before its slow path.
func (r *rtJSONReader) nullAhead() bool {
	c := r.cur()
	return c == 'n' || c == 'u' || rtJSONSkips[c]
}

// contract reads an object into the struct at p: members by exact name,
// then ignoring case (Json.NET's lookup); unknown members are skipped.
// Members usually come in the order the server writes them, so the next
// one in that order is tried first.
func (r *rtJSONReader) contract(ci *rtContractInfo, p unsafe.Pointer) error {
	return r.members(ci, p, nil, nil, -1)
}

// members reads an object's members from k, the name of member i already
// read (nil at the end; err its error), into the struct at p; i < 0 reads
// the object from its '{'. (One function, not two, so that an object costs
// one call.)
func (r *rtJSONReader) members(ci *rtContractInfo, p unsafe.Pointer, k []byte, err error, i int) error {
	if i < 0 {
		if err := r.enterObject(); err != nil {
			return err
		}
		k, err = r.key(0)
		i = 0
	}
	fields := ci.json
	next := 0
	for ; k != nil; k, err = r.key(i) {
		i++ // the index of the next name
		j := next
		if j >= len(fields) || fields[j].jsonName != string(k) {
			j = rtJSONField(fields, k)
		}
		if j < 0 {
			// Json.NET's reference metadata ($id, $ref, $values) comes
			// first: only unknown names can be it, so documents without it
			// pay nothing.
			if len(k) > 0 && k[0] == '$' {
				switch m := rtJSONMetaOf(k); {
				case m != rtMetaNone && i == 1:
					return r.contractMeta(ci, p, m)
				case m != rtMetaNone && m != rtMetaType:
					return r.errMetaNotFirst(k)
				}
			}
			if err := r.skip(); err != nil {
				return err
			}
			continue
		}
		next = j + 1
		f := fields[j]
		fp := unsafe.Add(p, f.off)
		if f.MaybeNull && r.nullAhead() && r.null() {
			// Maybe Nullable<T> in .NET: null is the zero value.
			rtZeroValue(f.codec, fp)
			continue
		}
		// The commonest members in one step: a string, a GUID.
		switch c := f.codec; {
		case c.kind == rtKString && !c.value && r.cur() == '"':
			b, err := r.stringBytes()
			if err != nil {
				return err
			}
			*(**string)(fp) = r.boxes.box(b)
			continue
		case c.kind == rtKGUID && r.cur() == '"':
			if u, ok := r.guid36(); ok {
				*(*uuid.UUID)(fp) = u
				continue
			}
		}
		if err := r.value(f.codec, fp, f.jsonName); err != nil {
			return err
		}
	}
	return err
}

// rtJSONField finds a member by exact name, then ignoring case; -1 if none.
func rtJSONField(fields []*rtField, k []byte) int {
	for j, f := range fields {
		if f.jsonName == string(k) {
			return j
		}
	}
	for j, f := range fields {
		if strings.EqualFold(f.jsonName, rtUnsafeString(k)) {
			return j
		}
	}
	return -1
}

// list reads an array into the slice at p.
func (r *rtJSONReader) list(c *rtCodec, p unsafe.Pointer, what string) error {
	if err := r.enterArray(); err != nil {
		if r.cur() == '{' {
			return r.listMeta(c, p, what) // Json.NET's {"$values": [...]} or {"$ref": …}
		}
		return err
	}
	s := rtGrow(c, rtSlice{})
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			return err
		}
		if !more {
			*(*rtSlice)(p) = s
			return nil
		}
		if s.len == s.cap {
			s = rtGrow(c, s)
		}
		e := unsafe.Add(s.data, uintptr(s.len)*c.elem.size)
		s.len++
		if err := r.value(c.elem, e, what); err != nil {
			return err
		}
	}
}

// pair reads Json.NET's KeyValuePairConverter form: {"Key":…,"Value":…},
// names ignoring case.
func (r *rtJSONReader) pair(c *rtCodec, p unsafe.Pointer, what string) error {
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
		switch rtFoldIndex(k, rtPairNames) {
		case 0:
			err = r.value(c.key, unsafe.Add(p, c.keyOff), what+".Key")
		case 1:
			err = r.value(c.elem, unsafe.Add(p, c.valOff), what+".Value")
		default:
			err = r.skip()
		}
		if err != nil {
			return err
		}
	}
}

// dict reads an object into a new map at p; keys are parsed from their text.
func (r *rtJSONReader) dict(c *rtCodec, p unsafe.Pointer, what string) error {
	if err := r.enterObject(); err != nil {
		return err
	}
	m := reflect.MakeMap(c.typ)
	k, err := r.key(0)
	if mt := rtJSONMetaOf(k); mt != rtMetaNone {
		return r.dictMeta(c, p, m, mt, what)
	}
	return r.entries(c, p, m, k, err, 0, what)
}

// entries reads a dictionary's entries from k, the key of entry i already
// read (nil at the end; err its error), into m, and stores m at p.
func (r *rtJSONReader) entries(c *rtCodec, p unsafe.Pointer, m reflect.Value, k []byte, err error, i int, what string) error {
	key := reflect.New(c.key.typ)
	for ; k != nil; k, err = r.key(i) {
		i++
		if err := rtParseKey(c.key, k, key.UnsafePointer()); err != nil {
			return r.errorf("bad dictionary key: " + err.Error())
		}
		val := reflect.New(c.elem.typ)
		if err := r.value(c.elem, val.UnsafePointer(), what); err != nil {
			return err
		}
		m.SetMapIndex(key.Elem(), val.Elem())
	}
	if err == nil {
		rtSetMap(p, m)
	}
	return err
}

// rtParseKey parses a dictionary key's text into p (a value of c).
func rtParseKey(c *rtCodec, b []byte, p unsafe.Pointer) error {
	switch c.kind {
	case rtKString:
		s := string(b)
		if c.value {
			*(*string)(p) = s
		} else {
			*(**string)(p) = &s
		}
		return nil
	case rtKChar:
		v, err := rtParseParamChar(string(b))
		*(*rune)(p) = v
		return err
	}
	return rtParseText(c, b, p)
}

// rtParseText parses a scalar's invariant text into p: JSON dictionary
// keys, URI and query parameters and simple form list items (after the
// caller's trimming). Element content and form fields have readers of
// their own (xs:duration in DCS; the form binder's local dates and hex
// integers).
func rtParseText(c *rtCodec, b []byte, p unsafe.Pointer) error {
	var err error
	switch c.kind {
	case rtKString:
		s := string(b)
		if c.value {
			*(*string)(p) = s
		} else {
			*(**string)(p) = &s
		}
	case rtKInt:
		var v int64
		if v, err = rtParseInt(b, c.bits); err == nil {
			rtStoreInt(p, c.size, v)
		}
	case rtKUint:
		var v uint64
		if v, err = rtParseUint(b, c.bits); err == nil {
			rtStoreInt(p, c.size, int64(v))
		}
	case rtKFloat32:
		*(*float32)(p), err = rtParseFloat(b)
	case rtKFloat64:
		*(*float64)(p), err = rtParseDouble(b)
	case rtKDecimal:
		*(*Decimal)(p), err = rtParseDecimal(b)
	case rtKBool:
		*(*bool)(p), err = rtParseBool(b)
	case rtKDateTime:
		*(*DateTime)(p), err = rtParseDateTime(b)
	case rtKDateTimeOffset:
		*(*time.Time)(p), err = rtParseDateTimeOffset(b)
	case rtKTimeSpan:
		*(*TimeSpan)(p), err = rtParseTimeSpan(b)
	case rtKGUID:
		*(*uuid.UUID)(p), err = rtParseGUID(b)
	case rtKChar:
		*(*rune)(p), err = rtParseCharCode(b)
	case rtKBytes:
		*(*[]byte)(p), err = rtParseBase64(b)
	case rtKEnum:
		v, ok := c.enum.names.parse(b)
		if !ok {
			return rtErr(c.enum.typ.Name(), b)
		}
		rtStoreInt(p, c.size, v)
	default:
		return rtErr(c.ref, b)
	}
	return err
}

// ---- entry points ----
//
// Generated code calls these with a typed pointer; the type is checked
// against the descriptor's (a generator bug otherwise), and the pointer is
// never kept, so the value can live on the caller's stack.

// AppendJSONRoot writes a root value with the date settings d.
func AppendJSONRoot[T any](a *API, dst []byte, root *Root, v *T, d *JSONDates) []byte {
	p := rtRootPointer(a, root, v)
	if dst == nil {
		return rtJSONMarshal(func(b []byte) []byte { return rtJSONAppend(b, root.codec, p, d) })
	}
	return rtJSONAppend(dst, root.codec, p, d)
}

// DecodeJSONRoot reads a whole document into v.
func DecodeJSONRoot[T any](a *API, data []byte, root *Root, v *T) error {
	return rtJSONDecodeDoc(data, root.codec, rtRootPointer(a, root, v))
}

// rtJSONDecodeDoc reads a whole document into p, a value of c.
func rtJSONDecodeDoc(data []byte, c *rtCodec, p unsafe.Pointer) error {
	return rtJSONDecodeDocWith(data, nil, c, p)
}

// rtJSONDecodeDocWith is rtJSONDecodeDoc checking d's context as it goes
// (nil: none).
func rtJSONDecodeDocWith(data []byte, d *rtDecoding, c *rtCodec, p unsafe.Pointer) error {
	r := rtGetJSONReader(data)
	defer rtPutJSONReader(r)
	r.dec = d
	if err := r.value(c, p, "root"); err != nil {
		return err
	}
	return r.end()
}

// appendContractJSON is a struct's AppendJSON: the server's bytes, null
// for nil.
func (a *API) AppendContractJSON(dst []byte, c *Contract, v any) []byte {
	p := a.contractPointer(c, v)
	if p == nil {
		return append(dst, "null"...)
	}
	return rtJSONAppendContract(dst, c.info, p, a.Dates)
}

// marshalJSON is a struct's MarshalJSON.
func (a *API) MarshalContractJSON(c *Contract, v any) ([]byte, error) {
	p := a.contractPointer(c, v)
	if p == nil {
		return []byte("null"), nil
	}
	return rtJSONMarshal(func(b []byte) []byte { return rtJSONAppendContract(b, c.info, p, a.Dates) }), nil
}

// unmarshalJSON is a struct's UnmarshalJSON: null leaves *v as it is, an
// object replaces it.
func (a *API) UnmarshalContractJSON(data []byte, c *Contract, v any) error {
	p := a.contractPointer(c, v)
	r := rtGetJSONReader(data)
	defer rtPutJSONReader(r)
	if r.null() {
		return r.end()
	}
	rtZero(c.info, p)
	// (A "$ref" here names nothing: ids are per document, and the struct
	// held by value is its root. So no copy of a referenced struct is ever
	// needed: every other struct is held by pointer, and shared.)
	if err := r.contract(c.info, p); err != nil {
		return err
	}
	return r.end()
}

// rtGetJSONReader takes a reader from the pool, reset to data.
func rtGetJSONReader(data []byte) *rtJSONReader {
	r := rtJSONReaders.Get().(*rtJSONReader)
	r.reset(data)
	return r
}

// rtPutJSONReader returns a reader, without its input or its decoding.
func rtPutJSONReader(r *rtJSONReader) {
	r.data, r.dec, r.refs = nil, nil, nil
	rtJSONReaders.Put(r)
}

// rtRootPointer checks that v points to a value of root's type.
func rtRootPointer[T any](a *API, root *Root, v *T) unsafe.Pointer {
	a.ready()
	if reflect.TypeFor[*T]() != root.goType {
		panic("helpgen runtime: " + reflect.TypeFor[*T]().String() + " for root " + root.Type)
	}
	return unsafe.Pointer(v)
}

// contractPointer checks that v is a pointer to c's struct and returns
// it. Generated methods pass their receiver; the interface's data word is
// read directly (reflect.ValueOf would make the value escape, and a
// generic function would be compiled once per struct).
func (a *API) contractPointer(c *Contract, v any) unsafe.Pointer {
	a.ready()
	if reflect.TypeOf(v) != c.info.ptrType {
		panic("helpgen runtime: " + reflect.TypeOf(v).String() + " for contract " + c.Name)
	}
	return (*rtEface)(unsafe.Pointer(&v)).data
}

// rtEface is the layout of an interface value.
type rtEface struct{ typ, data unsafe.Pointer }

// rtZero clears the struct at p.
func rtZero(ci *rtContractInfo, p unsafe.Pointer) {
	clear(unsafe.Slice((*byte)(p), ci.typ.Size()))
}
