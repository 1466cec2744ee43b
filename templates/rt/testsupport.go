package rt

// What the generated tests and an API's own tests need from the runtime:
// a value of every parameter, the documented samples as values, a value's
// trip through a format, and a comparison of decoded values. They are not
// for production code.

import (
	"errors"
	"reflect"
	"strconv"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// TestRequest is what an end-to-end test of op sends — a value of every
// path and query parameter, chosen to exercise escaping and parsing, and
// the body decoded from sample (XML when isXML), or an empty body when
// sample is nil — and what the server should decode: the same values, the
// body as a trip through format leaves it (a JSON-only member is lost in XML).
func (a *API) TestRequest(op *Op, format Format, sample []byte, isXML bool) (in *In, sent []any, err error) {
	a.ready()
	in = &In{op: op, path: make([]any, len(op.path))}
	for i, p := range op.path {
		in.path[i] = rtTestSample(p.codec).Interface()
		sent = append(sent, in.path[i])
	}
	params := reflect.New(op.paramsType)
	for _, p := range op.query {
		reflect.NewAt(p.typ, unsafe.Add(params.UnsafePointer(), p.off)).Elem().Set(rtTestSample(p.codec))
	}
	in.Params = params.Interface()
	sent = append(sent, in.Params)
	if op.Body != nil {
		body, err := a.TestValue(op.Body, sample, isXML)
		if err != nil {
			return nil, nil, err
		}
		in.Body = body.Elem().Interface()
		trip, err := a.TestTrip(op.Body, format, body, true)
		if err != nil {
			return nil, nil, err
		}
		sent = append(sent, trip.Elem().Interface())
	}
	return in, sent, nil
}

// TestValue decodes a documented sample (XML when isXML) as a value of
// root and returns a pointer to it; with no sample, a struct is empty and
// anything else zero.
func (a *API) TestValue(root *Root, sample []byte, isXML bool) (reflect.Value, error) {
	a.ready()
	v := reflect.New(root.goType.Elem())
	if sample == nil {
		if root.codec.kind == rtKContract {
			v.Elem().Set(reflect.New(root.codec.contract.typ))
		}
		return v, nil
	}
	var err error
	if isXML {
		err = rtXMLDecodeDoc(sample, root.codec, v.UnsafePointer())
	} else {
		err = rtJSONDecodeDoc(sample, root.codec, v.UnsafePointer())
	}
	return v, err
}

// TestTrip encodes and decodes the value v points to in format, as a
// request (the client's dates; forms) or a response does, and returns a
// pointer to the result.
func (a *API) TestTrip(root *Root, format Format, v reflect.Value, request bool) (reflect.Value, error) {
	a.ready()
	out := reflect.New(root.goType.Elem())
	p, q := v.UnsafePointer(), out.UnsafePointer()
	var err error
	switch {
	case format == FormatXML:
		var doc []byte
		if doc, err = rtXMLAppendDoc(nil, root.codec, p); err == nil {
			err = rtXMLDecodeDoc(doc, root.codec, q)
		}
	case format == FormatForm && request:
		var form []byte
		// An empty form is no value: Web API binds null, as the server does.
		if form, err = rtFormAppendDoc(nil, root.codec, p); err == nil && len(form) > 0 {
			err = rtFormDecodeDoc(form, root.codec, q)
		}
	default:
		dates := a.Dates
		if request {
			dates = a.ClientDates
		}
		err = rtJSONDecodeDoc(rtJSONAppend(nil, root.codec, p, dates), root.codec, q)
	}
	return out, err
}

// EncodeContract writes *v, a value of the struct c describes, as a whole
// document in format ("json", with the client's dates; "xml"; "form").
func (a *API) EncodeContract(format string, c *Contract, v any) ([]byte, error) {
	a.ready()
	p := unsafe.Pointer(reflect.ValueOf(v).Pointer()) // v is a **T: the document's root slot
	switch format {
	case "xml":
		return rtXMLAppendDoc(nil, c.info.self, p)
	case "form":
		return rtFormAppendDoc(nil, c.info.self, p)
	case "json":
		return rtJSONAppend(nil, c.info.self, p, a.ClientDates), nil
	}
	return nil, errors.New("rt: unknown format " + format)
}

// DecodeContract reads a whole document in format into *v (v is a **T of
// the struct c describes).
func (a *API) DecodeContract(format string, c *Contract, data []byte, v any) error {
	a.ready()
	p := unsafe.Pointer(reflect.ValueOf(v).Pointer())
	switch format {
	case "xml":
		return rtXMLDecodeDoc(data, c.info.self, p)
	case "form":
		return rtFormDecodeDoc(data, c.info.self, p)
	case "json":
		return rtJSONDecodeDoc(data, c.info.self, p)
	}
	return errors.New("rt: unknown format " + format)
}

// rtTestSample is a value of c's type for a URI parameter.
func rtTestSample(c *rtCodec) reflect.Value {
	v := reflect.New(c.typ).Elem()
	p := v.Addr().UnsafePointer()
	switch c.kind {
	case rtKNullable:
		v.Set(reflect.New(c.elem.typ))
		v.Elem().Set(rtTestSample(c.elem))
	case rtKList:
		v.Set(reflect.Append(v, rtTestSample(c.elem)))
	case rtKString:
		s := "a b;c?d&e=f%é"
		if c.value {
			v.SetString(s)
		} else {
			v.Set(reflect.ValueOf(&s))
		}
	case rtKInt, rtKUint:
		rtStoreInt(p, c.size, 42)
	case rtKFloat32, rtKFloat64:
		v.SetFloat(1.5)
	case rtKBool:
		v.SetBool(true)
	case rtKDecimal:
		*(*Decimal)(p) = DecimalFromInt(1250)
	case rtKDateTime:
		*(*DateTime)(p) = DateTime{Time: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), Kind: DateTimeUtc}
	case rtKDateTimeOffset:
		*(*time.Time)(p) = time.Date(2025, 1, 2, 3, 4, 5, 0, time.FixedZone("", 7200))
	case rtKTimeSpan:
		*(*TimeSpan)(p) = TimeSpanOf(90 * time.Minute)
	case rtKGUID:
		*(*uuid.UUID)(p) = uuid.MustParse("6a9e0997-1a57-42fa-939e-563024574417")
	case rtKChar:
		*(*rune)(p) = 'x'
	case rtKBytes:
		*(*[]byte)(p) = []byte{1, 2}
	case rtKEnum:
		if n := len(c.enum.Values); n > 0 {
			rtStoreInt(p, c.size, c.enum.Values[n-1].Value)
		}
	}
	return v
}

// Same compares decoded values: DateTime and DateTimeOffset by instant
// (the form binder turns zoned DateTimes into server-local ones, as Web
// API does), nil and empty collections alike (a form cannot tell them
// apart), everything else exactly.
func Same(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Kind() == reflect.Interface {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return Same(a.Elem(), b.Elem())
	}
	if b.Kind() == reflect.Interface && !b.IsNil() {
		b = b.Elem()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch v := a.Interface().(type) {
	case DateTime:
		return v.Time.Equal(b.Interface().(DateTime).Time)
	case time.Time:
		return v.Equal(b.Interface().(time.Time))
	case Decimal:
		return v.Equal(b.Interface().(Decimal))
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return Same(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !Same(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !Same(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if !Same(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// ExpandJSONReferences returns a JSON text with Json.NET's object
// references expanded, as the codecs write the graph they read: "$id"
// (and "$type") members dropped, each {"$ref": id} replaced by the object
// registered under id, {"$values": [...]} by its array. The result is
// compact. A documented sample written with PreserveReferencesHandling is
// compared with what the codecs write through it.
func ExpandJSONReferences(data []byte) ([]byte, error) {
	x := rtExpander{ids: map[string][]byte{}, limit: max(rtJSONRefExpansionMin, rtJSONRefExpansion*len(data))}
	x.r.reset(data)
	out, err := x.value(nil)
	if err == nil {
		err = x.r.end()
	}
	return out, err
}

// rtExpander copies JSON text, expanding references.
type rtExpander struct {
	r     rtJSONReader
	ids   map[string][]byte // each "$id"'s object, expanded
	limit int               // the most it writes: page text is untrusted
}

func (x *rtExpander) value(dst []byte) ([]byte, error) {
	r := &x.r
	switch r.ws() {
	case '[':
		if err := r.enterArray(); err != nil {
			return nil, err
		}
		dst = append(dst, '[')
		for i := 0; ; i++ {
			more, err := r.item(i)
			if err != nil {
				return nil, err
			}
			if !more {
				return append(dst, ']'), nil
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = x.value(dst); err != nil {
				return nil, err
			}
		}
	case '{':
		return x.object(dst)
	}
	raw, err := r.raw()
	if err != nil {
		return nil, err
	}
	return rtAppendJSONObject(dst, Object{JSON: raw}), nil
}

// object copies an object: its metadata members lead, as Json.NET writes
// them.
func (x *rtExpander) object(dst []byte) ([]byte, error) {
	r := &x.r
	at := r.pos
	if err := r.enterObject(); err != nil {
		return nil, err
	}
	start := len(dst)
	dst = append(dst, '{')
	id, hasID, meta, n := "", false, true, 0
	for i := 0; ; i++ {
		k, err := r.key(i)
		if err != nil {
			return nil, err
		}
		if k == nil {
			break
		}
		m := rtJSONMetaOf(k)
		if m == rtMetaNone || !meta {
			meta = false
			if n > 0 {
				dst = append(dst, ',')
			}
			n++
			dst = append(rtAppendJSONString(dst, k), ':')
			if dst, err = x.value(dst); err != nil {
				return nil, err
			}
			continue
		}
		switch m {
		case rtMetaID:
			if id, hasID, err = r.metaID(); err != nil {
				return nil, err
			}
		case rtMetaType:
			if err := r.skip(); err != nil {
				return nil, err
			}
		case rtMetaRef:
			ref, ok, err := r.metaRef()
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if k, err := r.key(i + 1); err != nil || k != nil {
				return nil, &rtJSONError{Offset: at, Msg: "a reference object with other members"}
			}
			obj, found := x.ids[ref]
			if !found {
				return nil, &rtJSONError{Offset: at, Msg: "\"$ref\" to " + rtQuoteExcerpt(ref, 64) + ", which no \"$id\" before it names"}
			}
			if dst = append(dst[:start], obj...); len(dst) > x.limit {
				return nil, &rtJSONError{Offset: at, Msg: "references expand to more than " + strconv.Itoa(x.limit) + " bytes"}
			}
			return dst, nil
		case rtMetaValues:
			dst = dst[:start]
			if dst, err = x.value(dst); err != nil {
				return nil, err
			}
			if k, err := r.key(i + 1); err != nil || k != nil {
				return nil, &rtJSONError{Offset: at, Msg: "a member after \"$values\""}
			}
			if hasID {
				x.ids[id] = append([]byte(nil), dst[start:]...)
			}
			return dst, nil
		}
	}
	dst = append(dst, '}')
	if hasID {
		x.ids[id] = append([]byte(nil), dst[start:]...)
	}
	return dst, nil
}
