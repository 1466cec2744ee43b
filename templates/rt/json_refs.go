package rt

// Json.NET's object references (PreserveReferencesHandling): a server so
// configured writes "$id" as the first member of every object it writes
// and {"$ref": "<id>"} for every later occurrence of the same object, and
// (with PreserveReferencesHandling.Arrays or All) a collection as
// {"$id": …, "$values": [...]}. Json.NET resolves them on input whatever
// its own settings (MetadataPropertyHandling.Default), so the reader does
// too; the writers write the graph expanded, which every Json.NET reads.
//
// What the reader does, as Json.NET does on mono (verified by
// out/dispensary/refs_interop_test.go against the dispensary oracle):
// metadata is recognised only in an object's leading members ($type there
// is read and ignored); "$id" (a string or number; null is none) registers
// the object, a second use of an id is an error; {"$ref": id} is the
// object registered under id — a pointer slot points to the same Go
// value, as .NET shares the object — and any member after "$ref" is an
// error; a "$ref" of null is no reference; "$values" is the collection,
// and must be the last member; an object of another type is an error.
// Where Json.NET is silently lossy the reader refuses instead, as the XML
// reader does: an id nothing registered (Json.NET reads null), "$id",
// "$ref" or "$values" after another member (Json.NET ignores them, so the
// object loses the data the reference stood for), and a reference to an
// object still being read — a cycle, which Json.NET reads but cannot
// write back ("Self referencing loop detected"), and which would make
// the writers here recurse without end. Ids are per document. A document
// whose references expand to more than rtJSONRefExpansion times its size
// is refused: the writers expand every reference, so a few kilobytes of
// references to references must not become gigabytes on the way out.

import (
	"errors"
	"reflect"
	"strconv"
	"unsafe"
)

// rtJSONRefExpansion bounds the bytes a document's references stand for,
// as a multiple of its size (at least rtJSONRefExpansionMin).
const (
	rtJSONRefExpansion    = 64
	rtJSONRefExpansionMin = 1 << 20
)

// rtMeta is a metadata member name.
type rtMeta uint8

const (
	rtMetaNone rtMeta = iota
	rtMetaID
	rtMetaRef
	rtMetaValues
	rtMetaType
)

// rtJSONMetaOf classifies a member name (exact: Json.NET compares them
// ordinally, so "$REF" is an ordinary member).
func rtJSONMetaOf(k []byte) rtMeta {
	switch string(k) {
	case "$id":
		return rtMetaID
	case "$ref":
		return rtMetaRef
	case "$values":
		return rtMetaValues
	case "$type":
		return rtMetaType
	}
	return rtMetaNone
}

// errRTJSONRef is what contract returns for {"$ref": …}: its caller
// resolves r.refs.pending into its slot.
var errRTJSONRef = errors.New("json: object reference")

// rtJSONRefs is one document's registered objects.
type rtJSONRefs struct {
	ids      map[string]*rtJSONTarget
	pending  *rtJSONTarget // the target of the {"$ref": …} contract returned
	expanded int           // bytes the references read so far stand for
}

// rtJSONTarget is an object registered by "$id".
type rtJSONTarget struct {
	id   string
	typ  reflect.Type   // *T of a contract, the slice or map type
	ptr  unsafe.Pointer // the struct, or the map
	list rtSlice        // a list, once read
	done bool           // read to its end: it can be referred to
	at   int            // where it began
	exp0 int            // refs.expanded when it began
	size int            // its bytes, its references expanded (when done)
}

// rtMetaHead is what an object's leading metadata members said.
type rtMetaHead struct {
	id     string
	hasID  bool
	ref    *rtJSONTarget // {"$ref": id}: the object it names
	values bool          // "$values": the reader is at its value
	k      []byte        // the first other member's name; nil at the end
	i      int           // its index
}

// metaHead reads the metadata members that begin an object, the first of
// kind m (its name read).
func (r *rtJSONReader) metaHead(m rtMeta) (h rtMetaHead, err error) {
	if r.refs == nil {
		r.refs = &rtJSONRefs{ids: map[string]*rtJSONTarget{}}
	}
	for i := 0; ; {
		switch m {
		case rtMetaID:
			if h.id, h.hasID, err = r.metaID(); err != nil {
				return h, err
			}
		case rtMetaType:
			// TypeNameHandling.None: read and ignored.
			if err = r.skip(); err != nil {
				return h, err
			}
		case rtMetaRef:
			at := r.pos
			id, ok, err := r.metaRef()
			if err != nil {
				return h, err
			}
			if ok {
				k, err := r.key(i + 1)
				if err != nil {
					return h, err
				}
				if k != nil {
					return h, r.errorf("a member after \"$ref\" (a reference object has no other members)")
				}
				t := r.refs.ids[id]
				if t == nil {
					return h, &rtJSONError{Offset: at, Msg: "\"$ref\" to " + rtQuoteExcerpt(id, 64) + ", which no \"$id\" before it names"}
				}
				h.ref = t
				return h, nil
			}
		case rtMetaValues:
			h.values, h.i = true, i+1
			return h, nil
		}
		i++
		if h.k, err = r.key(i); err != nil || h.k == nil {
			h.i = i
			return h, err
		}
		if m = rtJSONMetaOf(h.k); m == rtMetaNone {
			h.i = i
			return h, nil
		}
	}
}

// metaID reads the value of "$id": a string, or a number (Json.NET takes
// its text); null is no id.
func (r *rtJSONReader) metaID() (string, bool, error) {
	switch c := r.ws(); {
	case c == '"' || c == '\'':
		b, err := r.stringBytes()
		return string(b), true, err
	case c == '-' || c >= '0' && c <= '9':
		b, err := r.raw()
		return string(b), true, err
	}
	if r.null() {
		return "", false, nil
	}
	return "", false, r.errUnexpected("a string for \"$id\"")
}

// metaRef reads the value of "$ref": a string, or null (no reference).
func (r *rtJSONReader) metaRef() (string, bool, error) {
	if c := r.ws(); c == '"' || c == '\'' {
		b, err := r.stringBytes()
		return string(b), true, err
	}
	if r.null() {
		return "", false, nil
	}
	return "", false, r.errUnexpected("a string or null for \"$ref\"")
}

// errMetaNotFirst refuses metadata after an ordinary member: Json.NET
// would read it as an unknown member and drop what it says.
func (r *rtJSONReader) errMetaNotFirst(k []byte) error {
	return r.errorf("\"" + string(k) + "\" after other members (Json.NET reads reference metadata only at the start of an object)")
}

// register records t under id (at is where its object began).
func (r *rtJSONReader) register(id string, t *rtJSONTarget, at int) error {
	if r.refs.ids[id] != nil {
		return &rtJSONError{Offset: at, Msg: "\"$id\" " + rtQuoteExcerpt(id, 64) + " used twice"}
	}
	t.id, t.at, t.exp0 = id, at, r.refs.expanded
	r.refs.ids[id] = t
	return nil
}

// finish marks t read to its end, at the reader's position; min is the
// least its writing takes (a struct writes every member, however few the
// document had).
func (r *rtJSONReader) finish(t *rtJSONTarget, min int) {
	t.size = max(r.pos-t.at, min) + r.refs.expanded - t.exp0
	t.done = true
}

// rtJSONMinSize is the least a struct's JSON takes: its member names,
// each with a one-byte value.
func rtJSONMinSize(ci *rtContractInfo) int {
	n := 2
	for _, f := range ci.json {
		n += len(f.jsonKey) + 2
	}
	return n
}

// resolve checks that t can fill a slot of type typ here (at: the offset
// of the reference) and counts what it expands to.
func (r *rtJSONReader) resolve(t *rtJSONTarget, typ reflect.Type, at int) error {
	name := rtQuoteExcerpt(t.id, 64)
	switch {
	case t.typ != typ:
		return &rtJSONError{Offset: at, Msg: "\"$ref\" " + name + " is a " + t.typ.String() + ", not a " + typ.String()}
	case !t.done:
		return &rtJSONError{Offset: at, Msg: "\"$ref\" " + name + " refers to an object that contains it (a cycle)"}
	}
	r.refs.expanded += t.size
	if limit := max(rtJSONRefExpansionMin, rtJSONRefExpansion*len(r.data)); r.refs.expanded > limit {
		return &rtJSONError{Offset: at, Msg: "references expand to more than " + strconv.Itoa(limit) + " bytes"}
	}
	return nil
}

// contractMeta reads an object whose first member is metadata of kind m
// into the struct at p, or returns errRTJSONRef for a reference.
func (r *rtJSONReader) contractMeta(ci *rtContractInfo, p unsafe.Pointer, m rtMeta) error {
	at := r.pos
	h, err := r.metaHead(m)
	switch {
	case err != nil:
		return err
	case h.ref != nil:
		r.refs.pending = h.ref
		return errRTJSONRef
	case h.values:
		return r.errorf("\"$values\" (a collection) where an object of " + ci.Name + " is wanted")
	case !h.hasID:
		return r.members(ci, p, h.k, nil, h.i)
	}
	// (p may be the caller's struct of UnmarshalJSON, on its stack: it is
	// the document's root then, and nothing can refer to it before it is
	// done, nor after, so ptr is never read.)
	t := &rtJSONTarget{typ: ci.ptrType, ptr: p}
	if err := r.register(h.id, t, at); err != nil {
		return err
	}
	if err := r.members(ci, p, h.k, nil, h.i); err != nil {
		return err
	}
	r.finish(t, rtJSONMinSize(ci))
	return nil
}

// pendingRef is the object of the reference contract just read, for a
// slot of type typ (*T).
func (r *rtJSONReader) pendingRef(typ reflect.Type) (unsafe.Pointer, error) {
	t := r.refs.pending
	r.refs.pending = nil
	if err := r.resolve(t, typ, r.pos); err != nil {
		return nil, err
	}
	return t.ptr, nil
}

// listMeta reads a list written as an object — {"$id": …, "$values":
// [...]} or {"$ref": …} — into the slice at p.
func (r *rtJSONReader) listMeta(c *rtCodec, p unsafe.Pointer, what string) error {
	at := r.pos
	if err := r.enterObject(); err != nil {
		return err
	}
	k, err := r.key(0)
	if err != nil {
		return err
	}
	m := rtJSONMetaOf(k)
	if m == rtMetaNone {
		r.pos = at
		return r.errUnexpected("'[' for " + what)
	}
	h, err := r.metaHead(m)
	switch {
	case err != nil:
		return err
	case h.ref != nil:
		if err := r.resolve(h.ref, c.typ, at); err != nil {
			return err
		}
		*(*rtSlice)(p) = h.ref.list
		return nil
	case !h.values:
		return &rtJSONError{Offset: at, Msg: "an object without \"$values\" where a list (" + what + ") is wanted"}
	}
	var t *rtJSONTarget
	if h.hasID {
		t = &rtJSONTarget{typ: c.typ}
		if err := r.register(h.id, t, at); err != nil {
			return err
		}
	}
	if r.ws() != '[' {
		return r.errUnexpected("'[' for \"$values\"")
	}
	if err := r.list(c, p, what); err != nil {
		return err
	}
	if k, err := r.key(h.i); err != nil {
		return err
	} else if k != nil {
		return r.errorf("a member after \"$values\"")
	}
	if t != nil {
		t.list = *(*rtSlice)(p)
		r.finish(t, 0)
	}
	return nil
}

// dictMeta reads a dictionary whose first member is metadata of kind m
// into the map m at p: its entries follow its "$id", or it is a
// reference.
func (r *rtJSONReader) dictMeta(c *rtCodec, p unsafe.Pointer, mv reflect.Value, m rtMeta, what string) error {
	at := r.pos
	h, err := r.metaHead(m)
	switch {
	case err != nil:
		return err
	case h.ref != nil:
		if err := r.resolve(h.ref, c.typ, at); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = h.ref.ptr
		return nil
	case h.values:
		return r.errorf("\"$values\" (a collection) where a dictionary (" + what + ") is wanted")
	case !h.hasID:
		return r.entries(c, p, mv, h.k, nil, h.i, what)
	}
	t := &rtJSONTarget{typ: c.typ, ptr: mv.UnsafePointer()}
	if err := r.register(h.id, t, at); err != nil {
		return err
	}
	if err := r.entries(c, p, mv, h.k, nil, h.i, what); err != nil {
		return err
	}
	r.finish(t, 0)
	return nil
}
