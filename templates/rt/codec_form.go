package rt

// The application/x-www-form-urlencoded codec over contract descriptors:
// form.go has the writer (keys, escaping, the binder's text forms) and the
// key tree of a parsed body; this file walks values with them.

import (
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/google/uuid"
)

// ---- writing ----

// value writes the value at p under key segment name ("" for the current
// key): contracts as their members' keys, lists as name[i], dictionaries
// as name[i].Key and name[i].Value. Nil values are left out (the binder
// reads a missing key as null); Objects cannot be bound from a form.
func (w *rtFormWriter) value(c *rtCodec, p unsafe.Pointer, name string) {
	switch c.kind {
	case rtKObject:
	case rtKString:
		if c.value {
			w.str(name, *(*string)(p))
		} else if s := *(**string)(p); s != nil {
			w.str(name, *s)
		}
	case rtKBytes:
		// Web API binds byte[] from one base64 value (indexed numbers
		// leave it null, as the oracle shows).
		if b := *(*[]byte)(p); b != nil {
			w.text(name, rtAppendBase64(nil, b))
		}
	case rtKInt:
		w.int(name, rtLoadInt(p, c.size))
	case rtKUint:
		w.uint(name, rtLoadUint(p, c.size))
	case rtKFloat32:
		w.float(name, *(*float32)(p))
	case rtKFloat64:
		w.double(name, *(*float64)(p))
	case rtKDecimal:
		w.decimal(name, *(*Decimal)(p))
	case rtKBool:
		w.bool(name, *(*bool)(p))
	case rtKDateTime:
		w.dateTime(name, *(*DateTime)(p))
	case rtKDateTimeOffset:
		w.dateTimeOffset(name, *(*time.Time)(p))
	case rtKTimeSpan:
		w.timeSpan(name, *(*TimeSpan)(p))
	case rtKGUID:
		w.guid(name, *(*uuid.UUID)(p))
	case rtKChar:
		w.char(name, *(*rune)(p))
	case rtKEnum:
		w.str(name, rtEnumText(c.enum, p))
	case rtKContract:
		if q := *(*unsafe.Pointer)(p); q != nil {
			w.push(name)
			m := w.mark()
			w.contract(c.contract, q)
			w.ensureObject(m)
			w.pop()
		}
	case rtKNullable:
		if q := *(*unsafe.Pointer)(p); q != nil {
			w.value(c.elem, q, name)
		}
	case rtKList:
		s := (*rtSlice)(p)
		for i := range s.len {
			w.pushIndex(name, i)
			w.item(c.elem, unsafe.Add(s.data, uintptr(i)*c.elem.size), "")
			w.pop()
		}
	case rtKDict:
		if *(*unsafe.Pointer)(p) == nil {
			return
		}
		for i, e := range rtSortedEntries(c, p) {
			w.pushIndex(name, i)
			if c.key.kind == rtKString {
				w.dictKey(*(*string)(e.key))
			}
			w.value(c.key, e.key, "Key")
			w.item(c.elem, e.val, "Value")
			w.pop()
		}
	case rtKPair:
		// The binder sets a pair only when both its Key and Value are posted.
		w.push(name)
		w.item(c.key, unsafe.Add(p, c.keyOff), "Key")
		w.item(c.elem, unsafe.Add(p, c.valOff), "Value")
		w.pop()
	default:
		panic("helpgen runtime: form cannot write " + c.ref)
	}
}

// item writes a list item, a dictionary value or a pair's part, which the
// binder cannot skip: a missing key ends a list, drops a dictionary entry
// or leaves a pair unset. A nil simple value is an empty value (read as
// null); a nil object or collection, or an empty collection, cannot be
// posted so that it reads back the same (an empty value binds an empty
// object, nothing at all is the gap): refused.
func (w *rtFormWriter) item(c *rtCodec, p unsafe.Pointer, name string) {
	if rtFormIsNil(c, p) {
		if rtIsSimpleForm(c) {
			w.str(name, "")
			return
		}
		w.refuse(name, "null, which a form cannot carry here (Web API's binder reads an empty object or list, or drops it)")
		return
	}
	if (c.kind == rtKList || c.kind == rtKDict) && reflect.NewAt(c.typ, p).Elem().Len() == 0 {
		w.refuse(name, "an empty collection, which a form cannot carry here (nothing is posted for it)")
		return
	}
	w.value(c, p, name)
}

// rtFormIsNil reports whether the value at p is null in .NET.
func rtFormIsNil(c *rtCodec, p unsafe.Pointer) bool {
	switch c.kind {
	case rtKString:
		return !c.value && *(**string)(p) == nil
	case rtKBytes, rtKList:
		return (*rtSlice)(p).data == nil
	case rtKContract, rtKNullable, rtKDict:
		return *(*unsafe.Pointer)(p) == nil
	}
	return false
}

// contract writes a contract's members under the current key. A member
// form binding does not set (a public field, a non-public DataMember)
// holding a value is refused.
func (w *rtFormWriter) contract(ci *rtContractInfo, p unsafe.Pointer) {
	for _, f := range ci.noForm {
		if !rtIsDefault(f.codec, unsafe.Add(p, f.off)) {
			w.refuse(f.formKey, "a public field or a non-public member, which Web API's form binding does not set")
		}
	}
	for _, f := range ci.form {
		w.value(f.codec, unsafe.Add(p, f.off), f.formKey)
	}
}

// ---- reading ----

// decode reads node k into p.
func (f *rtFormData) decode(c *rtCodec, p unsafe.Pointer, k int) error {
	switch c.kind {
	case rtKObject:
		return nil
	case rtKString:
		if c.value {
			s, err := f.str(k)
			*(*string)(p) = s
			return err
		}
		// The binder turns an empty value into null.
		if f.null(k) {
			*(**string)(p) = nil
			return nil
		}
		s, err := f.str(k)
		if err == nil {
			*(**string)(p) = &s
		}
		return err
	case rtKBytes:
		if f.null(k) {
			*(*[]byte)(p) = nil
			return nil
		}
		s, err := f.str(k)
		if err != nil {
			return err
		}
		b, err := rtParseBase64([]byte(s))
		if err == nil {
			*(*[]byte)(p) = b
		}
		return err
	case rtKContract:
		f.obj(k) // "A=" binds an empty object
		q := rtNew(c.contract.typ)
		if err := f.contract(c.contract, q, k); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKNullable:
		if f.null(k) {
			*(*unsafe.Pointer)(p) = nil
			return nil
		}
		q := rtNew(c.elem.typ)
		if err := f.decode(c.elem, q, k); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKList:
		s := rtGrow(c, rtSlice{})
		if rtIsSimpleForm(c.elem) {
			// L=a&L=b, L[]=a, L[0]=a: all simple list forms.
			for _, txt := range f.values(k) {
				s = rtGrow(c, s)
				e := unsafe.Add(s.data, uintptr(s.len)*c.elem.size)
				s.len++
				if err := f.parseText(c.elem, e, txt, k); err != nil {
					return err
				}
			}
		} else {
			for _, it := range f.items(k) {
				s = rtGrow(c, s)
				e := unsafe.Add(s.data, uintptr(s.len)*c.elem.size)
				s.len++
				if err := f.decode(c.elem, e, it); err != nil {
					return err
				}
			}
		}
		*(*rtSlice)(p) = s
		return nil
	case rtKDict:
		m := rtMakeMap(c)
		// The binder drops an entry without a Key or a Value, or with an
		// empty key: refused here rather than read otherwise. (A repeated
		// key: the last value wins, as in the binder.)
		for _, it := range f.items(k) {
			key, val := rtNewValue(c.key), rtNewValue(c.elem)
			kk, vk, err := f.entry(it)
			if err != nil {
				return err
			}
			if err := f.decode(c.key, key.UnsafePointer(), kk); err != nil {
				return err
			}
			if err := f.decode(c.elem, val.UnsafePointer(), vk); err != nil {
				return err
			}
			m.SetMapIndex(key.Elem(), val.Elem())
		}
		rtSetMap(p, m)
		return nil
	case rtKPair:
		// The binder sets a pair only when both Key and Value are posted.
		kc, vc, err := f.pair(k)
		if err != nil {
			return err
		}
		if err := f.decode(c.key, unsafe.Add(p, c.keyOff), kc); err != nil {
			return err
		}
		return f.decode(c.elem, unsafe.Add(p, c.valOff), vc)
	case rtKEnum:
		v, err := f.enum(k, c.enum.names)
		if err == nil {
			rtStoreInt(p, c.size, v)
		}
		return err
	case rtKInt:
		v, err := f.int(k, c.bits)
		if err == nil {
			rtStoreInt(p, c.size, v)
		}
		return err
	case rtKUint:
		v, err := f.uint(k, c.bits)
		if err == nil {
			rtStoreInt(p, c.size, int64(v))
		}
		return err
	}
	var err error
	switch c.kind {
	case rtKFloat32:
		*(*float32)(p), err = f.float(k)
	case rtKFloat64:
		*(*float64)(p), err = f.double(k)
	case rtKDecimal:
		*(*Decimal)(p), err = f.decimal(k)
	case rtKBool:
		*(*bool)(p), err = f.bool(k)
	case rtKDateTime:
		*(*DateTime)(p), err = f.dateTime(k)
	case rtKDateTimeOffset:
		*(*time.Time)(p), err = f.dateTimeOffset(k)
	case rtKTimeSpan:
		*(*TimeSpan)(p), err = f.timeSpan(k)
	case rtKGUID:
		*(*uuid.UUID)(p), err = f.guid(k)
	case rtKChar:
		*(*rune)(p), err = f.char(k)
	default:
		panic("helpgen runtime: form cannot read " + c.ref)
	}
	return err
}

// contract reads a contract's members from the children of node n.
func (f *rtFormData) contract(ci *rtContractInfo, p unsafe.Pointer, n int) error {
	for _, fl := range ci.form {
		if k := f.child(n, fl.formKey); k >= 0 {
			if fl.MaybeNull && f.null(k) {
				// Maybe Nullable<T> in .NET: an empty value is the zero value.
				rtZeroValue(fl.codec, unsafe.Add(p, fl.off))
				continue
			}
			if err := f.decode(fl.codec, unsafe.Add(p, fl.off), k); err != nil {
				return err
			}
		}
	}
	return nil
}

// rtIsSimpleForm reports whether list items of c are single values.
func rtIsSimpleForm(c *rtCodec) bool {
	switch c.kind {
	case rtKObject, rtKContract, rtKList, rtKDict, rtKPair:
		return false
	case rtKNullable:
		return rtIsSimpleForm(c.elem)
	}
	return true
}

// parseText reads one simple list item's text into p: an empty item is
// null for strings and nullables, as the binder has it.
func (f *rtFormData) parseText(c *rtCodec, p unsafe.Pointer, txt string, k int) error {
	fail := func(what string) error {
		return &rtFormError{Key: f.keyOf(k), Msg: "not a valid " + what + ": " + strconv.Quote(txt)}
	}
	switch c.kind {
	case rtKNullable:
		if strings.TrimSpace(txt) == "" {
			return nil
		}
		q := rtNew(c.elem.typ)
		if err := f.parseText(c.elem, q, txt, k); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case rtKEnum:
		v, ok := c.enum.names.parse([]byte(txt))
		if !ok {
			return fail(c.enum.typ.Name())
		}
		rtStoreInt(p, c.size, v)
		return nil
	case rtKString:
		if strings.TrimSpace(txt) != "" {
			s := txt
			*(**string)(p) = &s
		}
		return nil
	case rtKChar:
		v, err := rtParseParamChar(txt)
		if err != nil {
			return fail("char")
		}
		*(*rune)(p) = v
		return nil
	}
	if err := rtParseText(c, rtTrimSpace([]byte(txt)), p); err != nil {
		return fail(c.prim)
	}
	return nil
}

// ---- documents ----

// rtFormAppendDoc writes a root value: a contract as its members' keys; a
// simple value with the empty key (=value), as Web API reads a simple
// [FromBody] parameter; a list as [i] keys.
// The error names a value Web API's binder would read otherwise.
func rtFormAppendDoc(dst []byte, c *rtCodec, p unsafe.Pointer) ([]byte, error) {
	w := &rtFormWriter{}
	w.reset(dst)
	if c.kind == rtKContract {
		if q := *(*unsafe.Pointer)(p); q != nil {
			w.contract(c.contract, q)
		}
	} else {
		w.value(c, p, "")
	}
	return w.done()
}

// rtFormDecodeDoc reads a form body into p; keys nothing reads are errors.
func rtFormDecodeDoc(data []byte, c *rtCodec, p unsafe.Pointer) error {
	return rtFormDecodeDocWith(data, nil, c, p)
}

// rtFormDecodeDocWith is rtFormDecodeDoc within d's limits (nil: the
// defaults), checking d's context as it goes.
func rtFormDecodeDocWith(data []byte, d *rtDecoding, c *rtCodec, p unsafe.Pointer) error {
	f, err := rtParseFormWith(data, d)
	if err != nil {
		return err
	}
	if err := f.decode(c, p, 0); err != nil {
		return err
	}
	return f.unused()
}

// AppendFormRoot writes a root value as a form body.
func AppendFormRoot[T any](a *API, dst []byte, root *Root, v *T) ([]byte, error) {
	return rtFormAppendDoc(dst, root.codec, rtRootPointer(a, root, v))
}

// DecodeFormRoot reads a form body into v.
func DecodeFormRoot[T any](a *API, data []byte, root *Root, v *T) error {
	return rtFormDecodeDoc(data, root.codec, rtRootPointer(a, root, v))
}

func rtMakeMap(c *rtCodec) reflect.Value { return reflect.MakeMap(c.typ) }

// rtNewValue allocates a zero value of c's type.
func rtNewValue(c *rtCodec) reflect.Value { return reflect.New(c.typ) }
