package rt

// The DataContractSerializer codec over contract descriptors: xml.go has
// the writer (prefixes, namespace scope, escaping) and the strict reader;
// this file walks values with them.

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// ---- writing ----

// member writes a contract member's element.
func (w *rtXMLWriter) member(f *rtField, p unsafe.Pointer) {
	if f.OmitDefault && rtIsDefault(f.codec, p) {
		if f.Required {
			// DCS refuses to write it (and to read a document without it).
			w.refuseDefault(f.xmlName)
		}
		return
	}
	w.elem(f.codec, p, f.xmlName, f.xmlNS)
}

// elem writes one element named local in ns holding the value at p (a
// member, an item, a dictionary entry's key or value).
func (w *rtXMLWriter) elem(c *rtCodec, p unsafe.Pointer, local, ns string) {
	// The commonest members first, each in one step.
	switch c.kind {
	case rtKObject:
		o := *(*Object)(p)
		if c.opaque != nil && o.IsNull() && c.xmlNS != ns {
			// A nil member of a contract type declares the contract's
			// namespace, as for any contract.
			w.open(local, ns)
			w.declare(c.xmlNS)
			w.nil()
			return
		}
		w.object(local, ns, o)
		return
	case rtKString:
		sp := (*string)(p)
		if !c.value {
			if sp = *(**string)(p); sp == nil {
				w.open(local, ns)
				w.nil()
				return
			}
		}
		if pre, ok := w.leafOpen(local, ns); ok {
			w.b = rtAppendXMLText(w.b, *sp)
			w.leafEnd(pre, local)
			return
		}
		w.open(local, ns)
		w.str(*sp)
		w.end()
		return
	case rtKGUID:
		if pre, ok := w.leafOpen(local, ns); ok {
			w.b = rtAppendGUID(w.b, *(*uuid.UUID)(p))
			w.leafEnd(pre, local)
			return
		}
		w.open(local, ns)
		w.guid(*(*uuid.UUID)(p))
		w.end()
		return
	case rtKDateTime:
		v := *(*DateTime)(p)
		if y := v.Time.Year(); y >= 1 && y <= 9999 {
			if pre, ok := w.leafOpen(local, ns); ok {
				w.b = rtAppendDateTime(w.b, v)
				w.leafEnd(pre, local)
				return
			}
		}
		w.open(local, ns)
		w.dateTime(v) // refuses a year .NET cannot hold, naming the element
		w.end()
		return
	case rtKInt:
		if pre, ok := w.leafOpen(local, ns); ok {
			w.b = strconv.AppendInt(w.b, rtLoadInt(p, c.size), 10)
			w.leafEnd(pre, local)
			return
		}
		w.open(local, ns)
		w.int(rtLoadInt(p, c.size))
		w.end()
		return
	case rtKBool:
		if pre, ok := w.leafOpen(local, ns); ok {
			w.b = rtAppendBool(w.b, *(*bool)(p))
			w.leafEnd(pre, local)
			return
		}
		w.open(local, ns)
		w.bool(*(*bool)(p))
		w.end()
		return
	}
	w.open(local, ns)
	if c.contractValue && c.xmlNS != ns {
		w.declare(c.xmlNS)
	}
	w.valueEnd(c, p)
}

// valueEnd writes the content of the open element (or marks it nil) and
// ends it.
func (w *rtXMLWriter) valueEnd(c *rtCodec, p unsafe.Pointer) {
	switch c.kind {
	case rtKString:
		if !c.value {
			w.strPtr(*(**string)(p))
			return
		}
	case rtKContract, rtKNullable, rtKDict:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			w.nil()
			return
		}
		if c.kind != rtKDict {
			w.content(c, q)
			w.end()
			return
		}
	case rtKList, rtKBytes:
		if (*rtSlice)(p).data == nil {
			w.nil()
			return
		}
	}
	w.content(c, p)
	w.end()
}

// content writes the content of a non-nil value (for contracts and
// nullables p is the value itself, not the pointer to it).
func (w *rtXMLWriter) content(c *rtCodec, p unsafe.Pointer) {
	switch c.kind {
	case rtKString:
		if c.value {
			w.str(*(*string)(p))
		} else {
			w.str(**(**string)(p))
		}
	case rtKInt:
		w.int(rtLoadInt(p, c.size))
	case rtKUint:
		w.uint(rtLoadUint(p, c.size))
	case rtKFloat32:
		w.float(*(*float32)(p))
	case rtKFloat64:
		w.double(*(*float64)(p))
	case rtKDecimal:
		w.decimal(*(*Decimal)(p))
	case rtKBool:
		w.bool(*(*bool)(p))
	case rtKDateTime:
		w.dateTime(*(*DateTime)(p))
	case rtKDateTimeOffset:
		w.dateTimeOffset(*(*time.Time)(p))
	case rtKTimeSpan:
		w.timeSpan(*(*TimeSpan)(p))
	case rtKGUID:
		w.guid(*(*uuid.UUID)(p))
	case rtKChar:
		w.char(*(*rune)(p))
	case rtKBytes:
		w.base64(*(*[]byte)(p))
	case rtKEnum:
		t, ok := rtXMLEnumText(c.enum, p)
		if !ok {
			w.fail(rtErr("value of "+c.enum.typ.Name(), strconv.AppendInt(nil, rtEnumLoad(c.enum, p), 10)))
		}
		w.str(t)
	case rtKContract:
		for _, f := range c.contract.xml {
			w.member(f, unsafe.Add(p, f.off))
		}
	case rtKNullable:
		w.content(c.elem, p)
	case rtKList:
		s := (*rtSlice)(p)
		for i := range s.len {
			w.elem(c.elem, unsafe.Add(s.data, uintptr(i)*c.elem.size), c.elem.xmlName, c.xmlNS)
		}
	case rtKDict:
		for _, e := range rtSortedEntries(c, p) {
			w.open(c.xmlItem, rtNSArrays)
			w.elem(c.key, e.key, "Key", rtNSArrays)
			w.elem(c.elem, e.val, "Value", rtNSArrays)
			w.end()
		}
	case rtKPair:
		w.elem(c.key, unsafe.Add(p, c.keyOff), "key", rtNSGeneric)
		w.elem(c.elem, unsafe.Add(p, c.valOff), "value", rtNSGeneric)
	default:
		panic("helpgen runtime: XML cannot write " + c.ref)
	}
}

// rtXMLEnumText is the EnumMember text DCS writes for an enum value; for
// [Flags] enums a combination is the texts of its bits, space-separated.
// ok is false for a value with no name (DCS refuses to write it).
func rtXMLEnumText(e *rtEnumInfo, p unsafe.Pointer) (string, bool) {
	v := rtEnumLoad(e, p)
	if i, ok := e.byValue[v]; ok {
		return rtOr(e.Values[i].Wire, e.Values[i].Name), true
	}
	if !e.Flags {
		return "", false
	}
	var parts []string
	rest := v
	for _, x := range e.Values {
		if x.Value == 0 || x.Value&(x.Value-1) != 0 || rest&x.Value == 0 {
			continue
		}
		parts = append(parts, rtOr(x.Wire, x.Name))
		rest &^= x.Value
	}
	if rest != 0 || len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, " "), true
}

// rtXMLParseEnum reads an enum's EnumMember text.
func rtXMLParseEnum(e *rtEnumInfo, b []byte) (int64, error) {
	if !e.Flags {
		if v, ok := e.wire[string(b)]; ok {
			return v, nil
		}
		return 0, rtErr(e.typ.Name(), b)
	}
	var v int64
	for _, part := range bytes.Fields(b) {
		x, ok := e.wire[string(part)]
		if !ok {
			return 0, rtErr(e.typ.Name(), b)
		}
		v |= x
	}
	return v, nil
}

// ---- reading ----

// member reads a member element (its start tag consumed) into p.
func (r *rtXMLReader) value(c *rtCodec, p unsafe.Pointer) error {
	var err error
	switch c.kind {
	case rtKObject:
		*(*Object)(p), err = r.object()
		return err
	case rtKString:
		if !c.value {
			*(**string)(p), err = r.strPtr()
			return err
		}
	case rtKContract, rtKNullable, rtKList, rtKDict, rtKBytes:
		isNil, err := r.null()
		if err != nil {
			return err
		}
		if isNil {
			if c.kind == rtKList || c.kind == rtKBytes {
				*(*rtSlice)(p) = rtSlice{}
			} else {
				*(*unsafe.Pointer)(p) = nil
			}
			return nil
		}
	}
	return r.content(c, p)
}

// content reads a non-nil element's content and its end tag into p.
func (r *rtXMLReader) content(c *rtCodec, p unsafe.Pointer) error {
	var err error
	switch c.kind {
	case rtKString:
		var s string
		if s, err = r.str(); err == nil {
			if c.value {
				*(*string)(p) = s
			} else {
				*(**string)(p) = &s
			}
		}
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
	case rtKBytes:
		*(*[]byte)(p), err = r.base64()
	case rtKObject:
		*(*Object)(p), err = r.object()
	case rtKEnum:
		var t []byte
		if t, err = r.text(); err != nil {
			return err
		}
		var v int64
		if v, err = rtXMLParseEnum(c.enum, t); err == nil {
			rtStoreInt(p, c.size, v)
		}
	case rtKContract:
		q := rtNew(c.contract.typ)
		if err = r.contract(c.contract, q); err == nil {
			*(*unsafe.Pointer)(p) = q
		}
	case rtKNullable:
		q := rtNew(c.elem.typ)
		if err = r.content(c.elem, q); err == nil {
			*(*unsafe.Pointer)(p) = q
		}
	case rtKList:
		s := rtGrow(c, rtSlice{})
		for {
			more, err := r.item(c.elem.xmlName, c.xmlNS)
			if err != nil {
				return err
			}
			if !more {
				break
			}
			s = rtGrow(c, s)
			e := unsafe.Add(s.data, uintptr(s.len)*c.elem.size)
			s.len++
			if err := r.value(c.elem, e); err != nil {
				return err
			}
		}
		*(*rtSlice)(p) = s
	case rtKDict:
		m := rtMakeMap(c)
		rtSetMap(p, m)
		for {
			more, err := r.item(c.xmlItem, rtNSArrays)
			if err != nil {
				return err
			}
			if !more {
				break
			}
			key, val := rtNewValue(c.key), rtNewValue(c.elem)
			if err := r.entry(rtDictEntry, c.key, key.UnsafePointer(), c.elem, val.UnsafePointer()); err != nil {
				return err
			}
			m.SetMapIndex(key.Elem(), val.Elem())
		}
	case rtKPair:
		return r.entry(rtPairEntry, c.key, unsafe.Add(p, c.keyOff), c.elem, unsafe.Add(p, c.valOff))
	default:
		panic("helpgen runtime: XML cannot read " + c.ref)
	}
	return err
}

// The members of a dictionary item and of a KeyValuePair.
var (
	rtDictEntry = []rtXMLMember{{Name: "Key", NS: rtNSArrays, Required: true}, {Name: "Value", NS: rtNSArrays, Required: true}}
	rtPairEntry = []rtXMLMember{{Name: "key", NS: rtNSGeneric, Required: true}, {Name: "value", NS: rtNSGeneric, Required: true}}
)

// entry reads a key element then a value element.
func (r *rtXMLReader) entry(table []rtXMLMember, kc *rtCodec, kp unsafe.Pointer, vc *rtCodec, vp unsafe.Pointer) error {
	for last := -1; ; {
		i, err := r.next(table, &last)
		if err != nil || i < 0 {
			return err
		}
		if i == 0 {
			err = r.value(kc, kp)
		} else {
			err = r.value(vc, vp)
		}
		if err != nil {
			return err
		}
	}
}

// contract reads a class contract element's members into the struct at p.
func (r *rtXMLReader) contract(ci *rtContractInfo, p unsafe.Pointer) error {
	for last := -1; ; {
		i, err := r.next(ci.xmlMems, &last)
		if err != nil || i < 0 {
			return err
		}
		f := ci.xml[i]
		if f.MaybeNull {
			// Maybe Nullable<T> in .NET: i:nil is the zero value.
			isNil, err := r.null()
			if err != nil {
				return err
			}
			if isNil {
				rtZeroValue(f.codec, unsafe.Add(p, f.off))
				continue
			}
		}
		if err := r.value(f.codec, unsafe.Add(p, f.off)); err != nil {
			return err
		}
	}
}

// ---- documents ----

// rtXMLRoot is how a root value's element starts: primitive and enum
// roots are simple elements (primitives in the Serialization namespace);
// contracts and collections get DCS's xmlns:i declaration.
func rtXMLRoot(c *rtCodec) (name, ns string, simple bool) {
	name, ns = c.xmlName, c.xmlNS
	switch {
	case c.opaque != nil:
		return name, ns, false
	case c.kind < rtKEnum && c.kind != rtKDateTimeOffset:
		return name, rtNSSer, true
	case c.kind == rtKEnum:
		return name, ns, true
	}
	return name, ns, false
}

// rtXMLAppendDoc writes a whole document for the value at p. The error is
// DataContractSerializer's refusal: an enum value with no name, or
// JSON-only content (an Object read from JSON).
func rtXMLAppendDoc(dst []byte, c *rtCodec, p unsafe.Pointer) ([]byte, error) {
	w := &rtXMLWriter{}
	w.reset(dst)
	name, ns, simple := rtXMLRoot(c)
	if c.kind == rtKObject {
		// An opaque root: its XML as read, else a root element.
		w.rootObject(name, ns, *(*Object)(p))
		return w.b, w.err
	}
	if simple {
		w.open(name, ns)
	} else {
		w.root(name, ns)
	}
	w.valueEnd(c, p) // the last end copies a pooled buffer out
	return w.b, w.err
}

// rtXMLDecodeDoc reads a whole document into p.
func rtXMLDecodeDoc(data []byte, c *rtCodec, p unsafe.Pointer) error {
	return rtXMLDecodeDocWith(data, nil, c, p)
}

// rtXMLDecodeDocWith is rtXMLDecodeDoc within d's limits (nil: the
// defaults), checking d's context as it goes.
func rtXMLDecodeDocWith(data []byte, d *rtDecoding, c *rtCodec, p unsafe.Pointer) error {
	r := &rtXMLReader{}
	r.resetWith(data, d)
	name, ns, _ := rtXMLRoot(c)
	if err := r.root(name, ns); err != nil {
		return err
	}
	if err := r.value(c, p); err != nil {
		return err
	}
	return r.end()
}

// AppendXMLRoot writes a root value as a document.
func AppendXMLRoot[T any](a *API, dst []byte, root *Root, v *T) ([]byte, error) {
	return rtXMLAppendDoc(dst, root.codec, rtRootPointer(a, root, v))
}

// DecodeXMLRoot reads a document into v.
func DecodeXMLRoot[T any](a *API, data []byte, root *Root, v *T) error {
	return rtXMLDecodeDoc(data, root.codec, rtRootPointer(a, root, v))
}

// marshalXML is a struct's MarshalXML: the document DCS writes, through
// encoding/xml's encoder.
func (a *API) MarshalContractXML(e *xml.Encoder, c *Contract, v any) error {
	q := a.contractPointer(c, v)
	doc, err := rtXMLAppendDoc(nil, c.info.self, unsafe.Pointer(&q))
	if err != nil {
		return err
	}
	return rtXMLMarshal(e, doc)
}

// unmarshalXML is a struct's UnmarshalXML, with the strict DCS reader.
func (a *API) UnmarshalContractXML(d *xml.Decoder, start xml.StartElement, c *Contract, v any) error {
	p := a.contractPointer(c, v)
	data, err := rtXMLCapture(d, start)
	if err != nil {
		return err
	}
	var q unsafe.Pointer
	if err := rtXMLDecodeDoc(data, c.info.self, unsafe.Pointer(&q)); err != nil {
		return err
	}
	if q == nil {
		rtZero(c.info, p)
	} else {
		reflect.NewAt(c.info.typ, p).Elem().Set(reflect.NewAt(c.info.typ, q).Elem())
	}
	return nil
}
