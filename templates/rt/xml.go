package rt

// DataContractSerializer (DCS) XML runtime: an append-style writer that
// produces DCS's exact bytes, and a strict pull reader. Generated
// the codecs of codec_xml.go drive both; nothing here uses encoding/xml.
//
// # Writing
//
// rtXMLWriter keeps the namespace scope and the element stack, because the
// bytes DCS writes depend on both (which prefix an element gets, where
// xmlns declarations go, the dNpM prefix names). Its output is w.b.
//
//	w.reset(dst)                       start a document appending to dst
//	w.root(local, ns)                  root of a class or collection contract: <local xmlns:i="XSI" xmlns="ns">
//	w.open(local, ns)                  any other element (members, items, primitive/enum roots); start tag stays open
//	w.declare(childNS)                 DCS's child namespace declaration: xmlns:d{depth}p{n}="childNS" unless
//	                                   childNS already has a prefix in scope; call right after open
//	w.nil()                            i:nil="true" and end the element: <X i:nil="true" />
//	w.end()                            end the element: </p:X>, or " />" when nothing was written into it
//	w.str(s) w.text(b) w.int(v) w.uint(v) w.bool(v) w.double(v) w.float(v) w.decimal(v) w.guid(v)
//	w.dateTime(v) w.timeSpan(v) w.char(r) w.base64(v) w.dateTimeOffset(t)   element content
//	w.object(local, ns, o)             a whole Object member (it opens and ends the element itself)
//	w.rootObject(local, ns, o)         the same for an Object that is the document's root
//	w.err                              first error (invalid Object); DCS throws in those cases
//
// Content writers always close the start tag, so an empty string is
// <S></S> while an empty contract or collection (open then end) is <C />:
// both as DCS writes them (verified on mono).
//
// How the emitter writes a class contract (members in DCS order: base
// class members first, each level sorted by (Order, Name) ordinally; each
// member element in the namespace of the class that declares it):
//
//	w.root("Derived", nsDerived)                 // or w.open + w.declare when the value is a member
//	w.open("BaseMember", nsBase); w.str(v.BaseMember); w.end()   // gets xmlns="nsBase" automatically
//	w.open("Tags", nsDerived); w.declare(rtNSArrays)             // List<string>: declare the items' namespace
//	for _, s := range v.Tags { w.open("string", rtNSArrays); w.str(s); w.end() } // <d2p1:string>
//	w.end()
//	w.open("Vo", nsDerived); w.declare(nsVo)                     // contract in another namespace
//	  ... Vo's members: w.open("X", nsVo) ... (prefixed d2p1:)
//	w.end()
//	w.open("Links", nsDerived); w.declare(nsLink)                // List<Link>: item element = Link's contract name
//	for ... { w.open("Link", nsLink); ...members...; w.end() }
//	w.end()
//	w.open("Opt", nsDerived); w.declare(nsVo); w.nil()           // nil: declaration first, as DCS does
//	w.end()                                                      // the root
//
// declare is called for every member whose declared type is a class,
// collection or dictionary contract (not a primitive or enum) whose
// namespace differs from the declaring class's namespace — also when the
// value is nil (DCS writes <BC xmlns:d2p1="urn:c" i:nil="true" xmlns="urn:base" />).
// Dictionaries: items "KeyValueOf{K}{V}[hash]" in the dictionary's
// namespace, each with Key then Value in that namespace.
//
// Text escaping (XmlWriter as Web API creates it, CheckCharacters=false):
// & < > as &amp; &lt; &gt;; quotes and tabs raw; other characters below
// U+0020 and U+FFFE/U+FFFF as &#xN; (upper-case hex); invalid UTF-8 as
// U+FFFD. Newlines: "\n" as rtXMLNewline (Environment.NewLine: "\r\n", as
// on Windows; mono on Linux writes "\n"), which readers normalize back to
// "\n"; "\r" as &#xD;, as DataContractSerializer's own writer does, so that
// it is read back as "\r" (Web API's XmlWriter, NewLineHandling.Replace,
// would write it as a new line: .NET's own answers cannot carry a CR).
//
// # Reading
//
// rtXMLReader is a small tokenizer over []byte (namespaces declared
// anywhere, self-closing tags, CDATA, entity and character references,
// comments, processing instructions, the XML declaration, a BOM,
// whitespace between elements; DOCTYPE is refused as Web API's reader
// does). It is strict where DCS silently drops data: an unknown element,
// an element in the wrong namespace, a member out of DCS order or a
// duplicate is an error (*rtXMLError, with byte offset, line and column),
// as are a missing IsRequired member, non-whitespace text between
// elements, and elements inside simple content.
//
//	r.reset(data)
//	r.root(local, ns) error            read the prolog and the root start tag (wrong root: error)
//	r.next(members, &last) (int, error) next member of the current class element: its index in
//	                                   members, or -1 after consuming the end tag. last starts at -1.
//	r.item(local, ns) (bool, error)    next collection item (false after consuming the end tag)
//	r.null() (bool, error)             if the current element is i:nil="true", consume it, true
//	r.str() r.text() r.int(bits) r.uint(bits) r.bool() r.double() r.float() r.decimal() r.guid()
//	r.dateTime() r.timeSpan() r.char() r.base64() r.dateTimeOffset() r.object()
//	                                   read the current element's content and its end tag
//	r.skip() error                     skip the current element
//	r.end() error                      after the root: only comments, PIs and whitespace may follow
//
// members is the class's table in DCS order, inherited members first:
//
//	var xmlMembersDerived = []rtXMLMember{
//		{Name: "BaseMember", NS: nsBase}, {Name: "Links", NS: nsDerived}, {Name: "Tags", NS: nsDerived, Required: true}, ...}
//	func (v *Derived) readXML(r *rtXMLReader) error {
//		for last := -1; ; {
//			i, err := r.next(xmlMembersDerived, &last)
//			if err != nil || i < 0 { return err }
//			switch i {
//			case 0: if v.BaseMember, err = r.str(); err != nil { return err }
//			case 1: // List<Link>
//				if nil, err := r.null(); err != nil || nil { ...; continue }
//				v.Links = []Link{}
//				for { ok, err := r.item("Link", nsLink); if err != nil { return err }; if !ok { break }; var l Link; l.readXML(r); ... }
//			...
//
// Value readers return an error for i:nil (use null first for nullable
// members). r.str and r.text return text (a view into the input or a
// scratch buffer: copy what you keep; r.str copies). Object.XML is the
// member's whole element as it appeared in the input (start tag to end
// tag); w.object writes it back verbatim, so the prefixes it uses must be
// in scope there (true when re-writing the same document shape).

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/google/uuid"
)

// Namespaces DCS uses.
const (
	rtNSXSI    = "http://www.w3.org/2001/XMLSchema-instance"
	rtNSXSD    = "http://www.w3.org/2001/XMLSchema"
	rtNSSer    = "http://schemas.microsoft.com/2003/10/Serialization/"
	rtNSArrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	rtNSSystem = "http://schemas.datacontract.org/2004/07/System"
	rtNSXML    = "http://www.w3.org/XML/1998/namespace"
)

// rtXMLMaxDepth is Web API's default XmlMediaTypeFormatter.MaxDepth.
const rtXMLMaxDepth = 256

// rtXMLNewline is what a newline in text is written as: .NET's
// Environment.NewLine on the server ("\r\n" on Windows; "\n" on mono/Linux).
var rtXMLNewline = "\r\n"

// ---- writing ----

type rtXMLBind struct{ prefix, ns string }

type rtXMLOpen struct {
	prefix, local string
	scope         int // the scope length before this element's bindings
}

// rtXMLInline is how many bindings and open elements a writer holds in
// arrays of its own; deeper documents spill into heap slices. Fixed arrays
// rather than slices of them keep a writer that does not escape on the
// stack (a slice of its own array stored in it would move it to the heap),
// so writing a document allocates nothing but its output.
const rtXMLInline = 16

// rtXMLWriter writes DCS XML into b; see the file comment.
type rtXMLWriter struct {
	b []byte
	// The namespace scope (bindings, newest last) and the open elements:
	// the first nScope/nStack entries of scope0/stack0, or of scope1/stack1
	// once those are non-nil (they then hold every entry).
	nScope, nStack int
	scope0         [rtXMLInline]rtXMLBind
	stack0         [rtXMLInline]rtXMLOpen
	scope1         []rtXMLBind
	stack1         []rtXMLOpen
	pending        bool   // the start tag is not closed yet
	pendNS         string // default namespace to declare when it closes
	hasPend        bool
	prefixes       int // DCS's per-element prefix counter
	err            error
	scratch        *[]byte // pooled buffer b is written in when reset got none; see end
}

// rtXMLBufPool holds the buffers documents are written in when the caller
// gives none (xmlAppend…(nil, v), as the generated client and server call
// it): the document is then copied out at its last end, so writing it costs
// one exact-size allocation instead of a dozen growths from zero.
var rtXMLBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func (w *rtXMLWriter) reset(dst []byte) {
	if cap(dst) == 0 {
		if w.scratch == nil {
			w.scratch = rtXMLBufPool.Get().(*[]byte)
		}
		dst = (*w.scratch)[:0]
	}
	w.b = dst
	w.nScope, w.nStack = 0, 0
	w.pending, w.hasPend, w.err = false, false, nil
}

// release replaces the pooled buffer by an exact-size copy of the document
// and returns it to the pool.
func (w *rtXMLWriter) release() {
	out := append([]byte(nil), w.b...)
	if cap(w.b) <= 64<<10 {
		*w.scratch = w.b[:0]
		rtXMLBufPool.Put(w.scratch)
	}
	w.b, w.scratch = out, nil
}

// scope is the namespace scope, oldest binding first.
func (w *rtXMLWriter) scope() []rtXMLBind {
	if w.scope1 != nil {
		return w.scope1[:w.nScope]
	}
	return w.scope0[:w.nScope]
}

func (w *rtXMLWriter) bind(prefix, ns string) {
	n := w.nScope
	if w.scope1 == nil {
		if n < rtXMLInline {
			w.scope0[n] = rtXMLBind{prefix, ns}
			w.nScope++
			return
		}
		w.scope1 = append(make([]rtXMLBind, 0, 2*rtXMLInline), w.scope0[:n]...)
	}
	w.scope1 = append(w.scope1[:n], rtXMLBind{prefix, ns})
	w.nScope++
}

func (w *rtXMLWriter) push(e rtXMLOpen) {
	n := w.nStack
	if w.stack1 == nil {
		if n < rtXMLInline {
			w.stack0[n] = e
			w.nStack++
			return
		}
		w.stack1 = append(make([]rtXMLOpen, 0, 2*rtXMLInline), w.stack0[:n]...)
	}
	w.stack1 = append(w.stack1[:n], e)
	w.nStack++
}

// top is the innermost open element (nStack > 0).
func (w *rtXMLWriter) top() *rtXMLOpen {
	if w.stack1 != nil {
		return &w.stack1[w.nStack-1]
	}
	return &w.stack0[w.nStack-1]
}

// lookupPrefix is XmlWellFormedWriter.LookupPrefix: the newest binding of
// ns, unless its prefix was rebound since ("" is the default namespace).
func (w *rtXMLWriter) lookupPrefix(ns string) (string, bool) {
	scope := w.scope()
	for i := len(scope) - 1; i >= 0; i-- {
		if scope[i].ns == ns {
			p := scope[i].prefix
			for j := i + 1; j < len(scope); j++ {
				if scope[j].prefix == p {
					return "", false
				}
			}
			return p, true
		}
	}
	if ns == "" {
		for _, s := range scope {
			if s.prefix == "" {
				return "", false
			}
		}
		return "", true
	}
	return "", false
}

// flush closes a pending start tag (before content).
func (w *rtXMLWriter) flush() {
	if !w.pending {
		return
	}
	w.flushNS()
	w.b = append(w.b, '>')
	w.pending = false
}

func (w *rtXMLWriter) flushNS() {
	if w.hasPend {
		w.b = append(w.b, ` xmlns="`...)
		w.b = rtAppendNS(w.b, w.pendNS)
		w.b = append(w.b, '"')
		w.hasPend = false
	}
}

// open starts an element in ns: with the prefix ns has in scope, or
// unprefixed with an xmlns="ns" declaration (written last, as XmlWriter
// does, after declare's and nil's attributes).
func (w *rtXMLWriter) open(local, ns string) {
	w.flush()
	start := w.nScope
	p, ok := w.lookupPrefix(ns)
	w.b = append(w.b, '<')
	if ok && p != "" {
		w.b = append(w.b, p...)
		w.b = append(w.b, ':')
	}
	w.b = append(w.b, local...)
	if !ok {
		p = ""
		w.bind("", ns)
		w.pendNS, w.hasPend = ns, true
	}
	w.push(rtXMLOpen{prefix: p, local: local, scope: start})
	w.pending = true
	w.prefixes = 1
}

// leafOpen starts an element of text content in one step when ns has a
// prefix in scope, as it has for most members: "<local>" or "<p:local>",
// with nothing pushed, since the element declares nothing and holds no
// element; leafEnd closes it with the prefix returned. It writes nothing
// and reports false when ns needs a declaration (the caller then takes
// open/end).
func (w *rtXMLWriter) leafOpen(local, ns string) (string, bool) {
	p, ok := w.lookupPrefix(ns)
	if !ok {
		return "", false
	}
	w.flush()
	w.b = append(w.b, '<')
	if p != "" {
		w.b = append(w.b, p...)
		w.b = append(w.b, ':')
	}
	w.b = append(w.b, local...)
	w.b = append(w.b, '>')
	return p, true
}

func (w *rtXMLWriter) leafEnd(prefix, local string) {
	w.b = append(w.b, '<', '/')
	if prefix != "" {
		w.b = append(w.b, prefix...)
		w.b = append(w.b, ':')
	}
	w.b = append(w.b, local...)
	w.b = append(w.b, '>')
}

// root starts the root element of a class or collection contract, which
// DCS gives the xmlns:i declaration (primitive and enum roots use open).
func (w *rtXMLWriter) root(local, ns string) {
	w.open(local, ns)
	w.b = append(w.b, ` xmlns:i="`+rtNSXSI+`"`...)
	w.bind("i", rtNSXSI)
}

// rtXMLPrefixes caches DCS's generated prefixes d{depth}p{n}.
var rtXMLPrefixes = func() (t [64][4]string) {
	for d := range t {
		for n := range t[d] {
			t[d][n] = "d" + strconv.Itoa(d) + "p" + strconv.Itoa(n)
		}
	}
	return
}()

// declare is XmlWriterDelegator.WriteXmlnsAttribute: when childNS has no
// prefix in scope, declare d{depth}p{n} for it on the open element
// (depth counts the root as 1; n restarts at 1 on each element).
func (w *rtXMLWriter) declare(childNS string) {
	if childNS == "" || !w.pending {
		return
	}
	if _, ok := w.lookupPrefix(childNS); ok {
		return
	}
	d, n := w.nStack, w.prefixes
	w.prefixes++
	var p string
	if d < len(rtXMLPrefixes) && n < len(rtXMLPrefixes[0]) {
		p = rtXMLPrefixes[d][n]
	} else {
		p = "d" + strconv.Itoa(d) + "p" + strconv.Itoa(n)
	}
	w.b = append(w.b, " xmlns:"...)
	w.b = append(w.b, p...)
	w.b = append(w.b, '=', '"')
	w.b = rtAppendNS(w.b, childNS)
	w.b = append(w.b, '"')
	w.bind(p, childNS)
}

// nil marks the open element nil and ends it.
func (w *rtXMLWriter) nil() {
	if w.pending {
		w.b = append(w.b, ` i:nil="true"`...)
	}
	w.end()
}

// end ends the innermost element.
func (w *rtXMLWriter) end() {
	if w.nStack == 0 {
		return
	}
	top := w.top()
	if w.pending {
		w.flushNS()
		w.b = append(w.b, " />"...)
		w.pending = false
	} else {
		w.b = append(w.b, '<', '/')
		if top.prefix != "" {
			w.b = append(w.b, top.prefix...)
			w.b = append(w.b, ':')
		}
		w.b = append(w.b, top.local...)
		w.b = append(w.b, '>')
	}
	w.nScope = top.scope
	w.nStack--
	if w.nStack == 0 && w.scratch != nil {
		w.release() // the document is complete
	}
}

// strPtr writes a string reference as an element's content and ends the
// element: i:nil="true" for nil.
func (w *rtXMLWriter) strPtr(p *string) {
	if p == nil {
		w.nil()
		return
	}
	w.str(*p)
	w.end()
}

func (w *rtXMLWriter) str(s string)  { w.flush(); w.b = rtAppendXMLText(w.b, s) }
func (w *rtXMLWriter) text(b []byte) { w.flush(); w.b = rtAppendXMLText(w.b, b) }
func (w *rtXMLWriter) int(v int64)   { w.flush(); w.b = strconv.AppendInt(w.b, v, 10) }
func (w *rtXMLWriter) uint(v uint64) { w.flush(); w.b = strconv.AppendUint(w.b, v, 10) }
func (w *rtXMLWriter) bool(v bool)   { w.flush(); w.b = rtAppendBool(w.b, v) }
func (w *rtXMLWriter) double(v float64) {
	w.flush()
	w.b = rtAppendDouble(w.b, v)
}
func (w *rtXMLWriter) float(v float32)   { w.flush(); w.b = rtAppendFloat(w.b, v) }
func (w *rtXMLWriter) decimal(v Decimal) { w.flush(); w.b = rtAppendDecimal(w.b, v) }
func (w *rtXMLWriter) guid(v uuid.UUID)  { w.flush(); w.b = rtAppendGUID(w.b, v) }
func (w *rtXMLWriter) dateTime(v DateTime) {
	if y := v.Time.Year(); y < 1 || y > 9999 {
		w.failHere("DateTime " + v.Time.Format(time.RFC3339Nano) + " is outside .NET's range (years 1-9999)")
	}
	w.flush()
	w.b = rtAppendDateTime(w.b, v)
}
func (w *rtXMLWriter) timeSpan(v TimeSpan) { w.flush(); w.b = rtAppendDuration(w.b, v) }
func (w *rtXMLWriter) char(r rune)         { w.flush(); w.b = rtAppendCharCode(w.b, r) }
func (w *rtXMLWriter) base64(v []byte)     { w.flush(); w.b = rtAppendBase64(w.b, v) }

// dateTimeOffset writes DCS's DateTimeOffset content: DateTime (the UTC
// instant, with Z) and OffsetMinutes, in the System namespace (declare
// rtNSSystem on the member element first, as DCS does).
func (w *rtXMLWriter) dateTimeOffset(t time.Time) {
	if msg := rtDateTimeOffsetRange(t); msg != "" {
		w.failHere(msg)
	}
	_, off := t.Zone()
	w.open("DateTime", rtNSSystem)
	w.dateTime(DateTime{Time: t.UTC(), Kind: DateTimeUtc})
	w.end()
	w.open("OffsetMinutes", rtNSSystem)
	w.int(int64(off / 60))
	w.end()
}

// object writes an Object member: its XML verbatim, a JSON scalar as an
// xsi-typed element (string, long, double, boolean), null as nil.
// Objects and arrays read from JSON cannot be written (w.err).
func (w *rtXMLWriter) object(local, ns string, o Object) { w.objectAt(local, ns, o, false) }

// rootObject writes an Object as the document's root: its XML verbatim,
// else a root element (which declares xmlns:i for i:nil and i:type).
func (w *rtXMLWriter) rootObject(local, ns string, o Object) { w.objectAt(local, ns, o, true) }

func (w *rtXMLWriter) objectAt(local, ns string, o Object, root bool) {
	if o.XML != nil {
		w.flush()
		w.b = append(w.b, o.XML...)
		return
	}
	j := rtTrimSpace(o.JSON)
	if root {
		w.root(local, ns)
	} else {
		w.open(local, ns)
	}
	if len(j) == 0 || string(j) == "null" {
		w.nil()
		return
	}
	var typ string
	var val []byte
	switch c := j[0]; {
	case c == '"':
		var r rtJSONReader
		r.reset(j)
		s, err := r.str()
		if err != nil {
			w.fail(err)
			w.nil()
			return
		}
		typ, val = "string", s
	case c == 't' || c == 'f':
		typ, val = "boolean", j
	case c == '-' || c >= '0' && c <= '9':
		typ, val = "long", j
		if bytes.ContainsAny(j, ".eE") {
			typ = "double"
		}
	default:
		w.fail(&rtXMLError{Msg: "cannot write a JSON object or array as an XML Object"})
		w.nil()
		return
	}
	w.declare(rtNSXSD)
	p, _ := w.lookupPrefix(rtNSXSD)
	w.b = append(w.b, ` i:type="`...)
	w.b = append(w.b, p...)
	w.b = append(w.b, ':')
	w.b = append(w.b, typ...)
	w.b = append(w.b, '"')
	w.text(val)
	w.end()
}

func (w *rtXMLWriter) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// failHere fails with msg about the element being written.
func (w *rtXMLWriter) failHere(msg string) {
	if w.nStack > 0 {
		msg = "<" + w.top().local + ">: " + msg
	}
	w.fail(&rtXMLError{Msg: "cannot write " + msg})
}

// refuseDefault fails for a member DCS cannot write: IsRequired with
// EmitDefaultValue=false holding its default value (null).
func (w *rtXMLWriter) refuseDefault(local string) {
	w.fail(&rtXMLError{Msg: "cannot write <" + local + ">: it is IsRequired with EmitDefaultValue=false and holds its default value, which DataContractSerializer refuses to write"})
}

// rtXMLEsc marks ASCII bytes written as themselves in text.
var rtXMLEsc = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '<' && c != '>' && c != '&'
	}
	t['\t'] = true
	return
}()

// rtAppendXMLText escapes s as element text the way .NET's XmlWriter does
// (see the file comment).
func rtAppendXMLText[S ~string | ~[]byte](dst []byte, s S) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if rtXMLEsc[c] {
			i = rtXMLPlainRun(s, i+1)
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+4, len(s))]))
			switch {
			case r == utf8.RuneError && size == 1:
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\uFFFD"...)
			case r == 0xFFFE || r == 0xFFFF:
				dst = append(dst, s[start:i]...)
				dst = rtAppendCharRef(dst, r)
			default:
				i += size
				continue
			}
			i += size
			start = i
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		case '\n':
			dst = append(dst, rtXMLNewline...)
		case '\r':
			// A raw CR would be read back as LF (XML end-of-line
			// handling); the reference keeps it, as DCS writes it.
			dst = append(dst, "&#xD;"...)
		default:
			dst = rtAppendCharRef(dst, rune(c))
		}
		i++
		start = i
	}
	return append(dst, s[start:]...)
}

// rtXMLPlainRun returns the index of the first byte of s[i:] that is not
// written as itself (len(s) if there is none): one below 0x20 (tab too:
// the caller's table takes it), at or above 0x80, '<', '>' or '&'. It
// looks at eight bytes at a time, as member text is mostly plain ASCII.
func rtXMLPlainRun[S ~string | ~[]byte](s S, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		lt, amp, gt := w^(ones*'<'), w^(ones*'&'), w^(ones*'>')
		// Flags a byte below 0x20 or at/above 0x80, or equal to one of
		// the three; the lowest flag is always a true one (borrows only
		// run towards higher bytes).
		m := (w | (w-ones*0x20)&^w | (lt-ones)&^lt | (amp-ones)&^amp | (gt-ones)&^gt) & highs
		if m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s) && rtXMLEsc[s[i]] && s[i] != '\t'; i++ {
	}
	return i
}

// rtAppendCharRef writes &#xN; with upper-case hex, as XmlWriter does.
func rtAppendCharRef(dst []byte, r rune) []byte {
	dst = append(dst, '&', '#', 'x')
	dst = append(dst, bytes.ToUpper(strconv.AppendInt(make([]byte, 0, 8), int64(r), 16))...)
	return append(dst, ';')
}

// rtAppendNS writes a namespace URI as an attribute value. Documents name a
// few namespaces over and over, from the same strings (the descriptors'
// constants), and those hardly ever need escaping: the strings found clean
// are remembered by the address and length of their bytes, and copied
// straight. A remembered string stays reachable (the cache points to it), so
// its bytes cannot be freed and reused for another string; strings in Go do
// not change.
func rtAppendNS(dst []byte, ns string) []byte {
	p := unsafe.StringData(ns)
	h := uintptr(unsafe.Pointer(p))
	slot := &rtCleanNS[(h>>3^h>>9)%uintptr(len(rtCleanNS))]
	if c := slot.Load(); c != nil && c.p == p && c.n == len(ns) {
		return append(dst, ns...)
	}
	start := len(dst)
	dst = rtAppendXMLAttr(dst, ns)
	if len(dst)-start == len(ns) && p != nil && slot.Load() == nil {
		slot.CompareAndSwap(nil, &rtCleanString{p: p, n: len(ns)}) // a slot is taken once: no churn
	}
	return dst
}

// rtCleanString is a string's bytes, by address and length.
type rtCleanString struct {
	p *byte
	n int
}

// rtCleanNS holds namespace strings that need no escaping.
var rtCleanNS [64]atomic.Pointer[rtCleanString]

// rtXMLAttrEsc marks the bytes rtAppendXMLAttr must escape.
var rtXMLAttrEsc = func() (t [256]bool) {
	for _, c := range "&<>\"\t\n\r" {
		t[c] = true
	}
	return
}()

// rtAppendXMLAttr escapes an attribute value (namespace URIs), copying the
// runs between escaped bytes whole.
func rtAppendXMLAttr(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !rtXMLAttrEsc[c] {
			continue
		}
		dst = append(dst, s[start:i]...)
		start = i + 1
		switch c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		default: // '\t', '\n', '\r'
			dst = rtAppendCharRef(dst, rune(c))
		}
	}
	return append(dst, s[start:]...)
}

// ---- reading ----

// rtXMLError is XML input that cannot be read, or that DCS would read
// only by dropping data. Offset is in bytes; Line and Col count from 1.
type rtXMLError struct {
	Offset, Line, Col int
	Msg               string
}

func (e *rtXMLError) Error() string {
	if e.Line == 0 {
		return "xml: " + e.Msg
	}
	return "xml: " + e.Msg + " at line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Col) +
		" (offset " + strconv.Itoa(e.Offset) + ")"
}

// rtXMLMember is one entry of a class contract's member table.
type rtXMLMember struct {
	Name, NS string
	Required bool // DataMember(IsRequired=true)
}

type rtXMLNSBind struct {
	prefix, uri []byte
	depth       int32 // element depth that declared it
	// While nsIndex is on: the binding that was the head of its bucket
	// before this one (-1: none).
	prev int32
}

type rtXMLElem struct {
	qname []byte // as written, for the end tag
	local []byte
	space []byte
	start int
}

type rtXMLAttr struct {
	prefix, local, value []byte
}

// rtXMLReader reads DCS XML; see the file comment.
//
// Namespace bindings and a start tag's attributes are scanned while there
// are few (DCS writes a handful); past rtXMLHashAt, lookups go through
// nsIndex and duplicate attributes through attrSet, so that a document's
// cost stays linear in its size whatever it declares.
type rtXMLReader struct {
	data  []byte
	pos   int
	ns    []rtXMLNSBind
	stack []rtXMLElem
	attrs []rtXMLAttr
	// nsIndex maps a prefix's hash to the newest binding of its bucket in
	// ns, once ns has grown past rtXMLHashAt (nil before); older ones
	// follow rtXMLNSBind.prev. attrSet does the same for the current start
	// tag's attributes past rtXMLHashAt (rtXMLAttr.same). Hashes are keyed
	// per process and never trusted: lookups compare the names.
	nsIndex  map[uint64]int32
	indexed  int // the bindings nsIndex reflects: ns[:indexed] (see syncIndex)
	attrSet  map[uint64]int32
	attrSame []int32 // while attrSet is on: per attribute, the next one in its bucket, or -1
	dec      *rtDecoding
	work     int // start tags and attributes read, for the context checks
	// dec's limits, at hand for every start tag; fewAttrs is how many
	// attributes a start tag scans inline: min(rtXMLHashAt, maxAttrs).
	maxAttrs, maxNS, fewAttrs int
	// The element whose start tag was read last.
	isNil bool
	typ   []byte // its i:type value
	empty bool   // it was self-closing and is not consumed yet
	buf   []byte
	chars []byte     // the strings' bytes: see rtIntern
	boxes rtStrBoxes // strPtr's values
}

// rtXMLHashAt is how many bindings or attributes are scanned before a map
// takes over.
const rtXMLHashAt = 16

func (r *rtXMLReader) reset(data []byte) { r.resetWith(data, nil) }

// resetWith starts a document read within d's limits (nil: the defaults),
// checking d's context as it goes.
func (r *rtXMLReader) resetWith(data []byte, d *rtDecoding) {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		data = data[3:]
	}
	if d == nil {
		d = rtDefaultDecoding
	}
	r.data, r.pos, r.dec, r.work, r.nsIndex, r.indexed = data, 0, d, 0, nil, 0
	r.maxAttrs, r.maxNS = d.lim.XMLAttributes, d.lim.XMLNamespaces
	r.fewAttrs = min(rtXMLHashAt, r.maxAttrs)
	if cap(r.stack) == 0 {
		// One allocation for the first bindings, elements and attributes
		// instead of a growth allocation at each of their first few appends.
		sp := new(rtXMLReaderSpace)
		r.ns, r.stack, r.attrs = sp.ns[:0], sp.stack[:0], sp.attrs[:0]
	}
	r.ns = r.ns[:0]
	r.stack = r.stack[:0]
	r.isNil, r.empty, r.typ = false, false, nil
}

// rtXMLReaderSpace is a new reader's initial stacks, sized for a typical
// DCS document (deeper or attribute-heavier ones grow them as usual).
type rtXMLReaderSpace struct {
	ns    [8]rtXMLNSBind
	stack [8]rtXMLElem
	attrs [4]rtXMLAttr
}

func (r *rtXMLReader) errAt(off int, msg string) error {
	if off > len(r.data) {
		off = len(r.data)
	}
	line := 1 + bytes.Count(r.data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(r.data[:off], '\n')
	return &rtXMLError{Offset: off, Line: line, Col: col, Msg: msg}
}

// cur is the innermost open element.
func (r *rtXMLReader) cur() *rtXMLElem { return &r.stack[len(r.stack)-1] }

// rtXMLName formats {ns}local for messages.
func rtXMLName(local, space []byte) string {
	if len(space) == 0 {
		return "<" + rtXMLQ(local) + ">"
	}
	return "<" + rtXMLQ(local) + "> (namespace " + rtQuoteExcerpt(string(space[:min(len(space), 300)]), 256) + ")"
}

// rtXMLQ is a name for a message, cut to 64 bytes: an error must not echo
// a megabyte name back to the client.
func rtXMLQ(name []byte) string {
	if len(name) <= 64 {
		return string(name)
	}
	return string(name[:64]) + "…"
}

// rtXMLNameByte marks bytes allowed in names (any non-ASCII byte is).
var rtXMLNameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80
	}
	return
}()

// name scans a qualified name at pos.
func (r *rtXMLReader) name() ([]byte, error) {
	start := r.pos
	for r.pos < len(r.data) && rtXMLNameByte[r.data[r.pos]] {
		r.pos++
	}
	n := r.data[start:r.pos]
	if len(n) == 0 || n[0] >= '0' && n[0] <= '9' || n[0] == '-' || n[0] == '.' || n[0] == ':' || n[len(n)-1] == ':' {
		return nil, r.errAt(start, "invalid name")
	}
	return n, nil
}

func rtSplitQName(q []byte) (prefix, local []byte) {
	if i := bytes.IndexByte(q, ':'); i >= 0 {
		return q[:i], q[i+1:]
	}
	return nil, q
}

func (r *rtXMLReader) skipWS() {
	for r.pos < len(r.data) && rtIsSpace(r.data[r.pos]) {
		r.pos++
	}
}

// lookup resolves a prefix (nil: the default namespace) by a scan, and
// stays small enough to inline; a scope with nsIndex on is lookupIndexed's.
func (r *rtXMLReader) lookup(prefix []byte) ([]byte, bool) {
	for i := len(r.ns) - 1; i >= 0; i-- {
		if bytes.Equal(r.ns[i].prefix, prefix) {
			return r.ns[i].uri, true
		}
	}
	return rtXMLPredeclared(prefix)
}

// lookupIndexed is lookup through nsIndex.
func (r *rtXMLReader) lookupIndexed(prefix []byte) ([]byte, bool) {
	r.syncIndex()
	i, ok := r.nsIndex[maphash.Bytes(rtFormSeed, prefix)]
	for ; ok; i, ok = r.ns[i].prev, r.ns[i].prev >= 0 {
		if bytes.Equal(r.ns[i].prefix, prefix) {
			return r.ns[i].uri, true
		}
	}
	return rtXMLPredeclared(prefix)
}

// rtXMLPredeclared resolves the prefixes no document declares.
func rtXMLPredeclared(prefix []byte) ([]byte, bool) {
	switch string(prefix) {
	case "":
		return nil, true
	case "xml":
		return []byte(rtNSXML), true
	}
	return nil, false
}

// bind declares prefix (nil: the default namespace) for the element at
// depth, past the first rtXMLHashAt bindings in scope (startTag appends
// those itself).
func (r *rtXMLReader) bind(prefix, uri []byte, depth int) {
	if r.nsIndex != nil {
		r.syncIndex()
	}
	r.ns = append(r.ns, rtXMLNSBind{prefix: prefix, uri: uri, depth: int32(depth)})
	switch {
	case r.nsIndex != nil:
		r.index(len(r.ns) - 1)
	case len(r.ns) > rtXMLHashAt:
		r.nsIndex = make(map[uint64]int32, 4*len(r.ns))
		for i := range r.ns {
			r.index(i)
		}
	}
	r.indexed = len(r.ns)
}

// syncIndex takes the bindings that pop has dropped since the last sync
// out of nsIndex, newest first, restoring the heads they replaced. pop
// itself only truncates ns (it stays small enough to inline); the dropped
// bindings are still in ns's array, since every append to a scope with
// nsIndex on goes through bind, which syncs first.
func (r *rtXMLReader) syncIndex() {
	all := r.ns[:r.indexed]
	for n := r.indexed; n > len(r.ns); n-- {
		b := &all[n-1]
		if h := maphash.Bytes(rtFormSeed, b.prefix); b.prev >= 0 {
			r.nsIndex[h] = b.prev
		} else {
			delete(r.nsIndex, h)
		}
	}
	r.indexed = len(r.ns)
}

// index makes binding i the head of its nsIndex bucket. Bindings leave in
// the reverse order (pop), so a leaving binding is always its bucket's head.
func (r *rtXMLReader) index(i int) {
	b := &r.ns[i]
	h := maphash.Bytes(rtFormSeed, b.prefix)
	b.prev = -1
	if head, ok := r.nsIndex[h]; ok {
		b.prev = head
	}
	r.nsIndex[h] = int32(i)
}

// attr records a start tag attribute past the first rtXMLHashAt (or
// past the limit), refusing a duplicate.
func (r *rtXMLReader) attr(prefix, local, value, qname []byte, at int) error {
	a := rtXMLAttr{prefix: prefix, local: local, value: value}
	// Start tags count as work; so do attributes past the first few.
	if err := r.tick(); err != nil {
		return err
	}
	if len(r.attrs) >= r.maxAttrs {
		return r.errAt(at, rtLimitMsg("attributes in one element", r.maxAttrs, "XMLAttributes"))
	}
	if len(r.attrs) < rtXMLHashAt {
		for _, b := range r.attrs {
			if bytes.Equal(b.prefix, a.prefix) && bytes.Equal(b.local, a.local) {
				return r.errAt(at, "duplicate attribute "+rtXMLQ(qname))
			}
		}
	} else {
		if len(r.attrs) == rtXMLHashAt {
			if r.attrSet == nil {
				r.attrSet = make(map[uint64]int32, 4*rtXMLHashAt)
			}
			clear(r.attrSet)
			r.attrSame = r.attrSame[:0]
			for i := range r.attrs {
				r.hashAttr(i)
			}
		}
		h := rtXMLAttrHash(a.prefix, a.local)
		i, ok := r.attrSet[h]
		for ; ok; i, ok = r.attrSame[i], r.attrSame[i] >= 0 {
			if b := &r.attrs[i]; bytes.Equal(b.prefix, a.prefix) && bytes.Equal(b.local, a.local) {
				return r.errAt(at, "duplicate attribute "+rtXMLQ(qname))
			}
		}
		r.attrs = append(r.attrs, a)
		r.hashAttr(len(r.attrs) - 1)
		return nil
	}
	r.attrs = append(r.attrs, a)
	return nil
}

// hashAttr makes attribute i (the last in attrSame) the head of its
// attrSet bucket.
func (r *rtXMLReader) hashAttr(i int) {
	a := &r.attrs[i]
	h := rtXMLAttrHash(a.prefix, a.local)
	next := int32(-1)
	if head, ok := r.attrSet[h]; ok {
		next = head
	}
	r.attrSame = append(r.attrSame, next)
	r.attrSet[h] = int32(i)
}

func rtXMLAttrHash(prefix, local []byte) uint64 {
	return maphash.Bytes(rtFormSeed, prefix)*31 + maphash.Bytes(rtFormSeed, local)
}

// startTag reads a start tag at pos ('<' then a name char) and pushes it.
func (r *rtXMLReader) startTag() error {
	start := r.pos
	if len(r.stack) >= rtXMLMaxDepth {
		return r.errAt(start, "maximum depth "+strconv.Itoa(rtXMLMaxDepth)+" exceeded")
	}
	if err := r.tick(); err != nil {
		return err
	}
	r.pos++
	q, err := r.name()
	if err != nil {
		return err
	}
	depth := len(r.stack) + 1
	declared := 0
	r.attrs = r.attrs[:0]
	r.isNil, r.typ, r.empty = false, nil, false
	for {
		hadSpace := r.pos < len(r.data) && rtIsSpace(r.data[r.pos])
		r.skipWS()
		if r.pos >= len(r.data) {
			return r.errAt(start, "unterminated start tag")
		}
		c := r.data[r.pos]
		if c == '>' {
			r.pos++
			break
		}
		if c == '/' {
			if r.pos+1 < len(r.data) && r.data[r.pos+1] == '>' {
				r.pos += 2
				r.empty = true
				break
			}
			return r.errAt(r.pos, "invalid start tag")
		}
		if !hadSpace {
			return r.errAt(r.pos, "missing whitespace before attribute")
		}
		at := r.pos
		an, err := r.name()
		if err != nil {
			return err
		}
		r.skipWS()
		if r.pos >= len(r.data) || r.data[r.pos] != '=' {
			return r.errAt(r.pos, "missing '=' after attribute "+rtXMLQ(an))
		}
		r.pos++
		r.skipWS()
		if r.pos >= len(r.data) || r.data[r.pos] != '"' && r.data[r.pos] != '\'' {
			return r.errAt(r.pos, "missing attribute value quote")
		}
		quote := r.data[r.pos]
		r.pos++
		vs := r.pos
		end := bytes.IndexByte(r.data[vs:], quote)
		if end < 0 {
			return r.errAt(vs, "unterminated attribute value")
		}
		raw := r.data[vs : vs+end]
		r.pos = vs + end + 1
		if bytes.IndexByte(raw, '<') >= 0 {
			return r.errAt(vs, "'<' in attribute value")
		}
		val := raw
		if bytes.IndexByte(raw, '&') >= 0 {
			// Rare (only in namespace URIs and xsi values): decode into
			// fresh memory since bindings outlive the scratch buffer.
			val, err = r.decode(nil, raw, vs)
			if err != nil {
				return err
			}
		}
		p, l := rtSplitQName(an)
		if len(r.attrs) < r.fewAttrs {
			// The common case, inline: a few attributes, scanned.
			for _, b := range r.attrs {
				if bytes.Equal(b.prefix, p) && bytes.Equal(b.local, l) {
					return r.errAt(at, "duplicate attribute "+rtXMLQ(an))
				}
			}
			r.attrs = append(r.attrs, rtXMLAttr{prefix: p, local: l, value: val})
		} else if err := r.attr(p, l, val, an, at); err != nil {
			return err
		}
		isDefault := p == nil && string(l) == "xmlns"
		if !isDefault && string(p) != "xmlns" {
			continue
		}
		if declared++; declared > r.maxNS {
			return r.errAt(at, rtLimitMsg("namespace declarations in one element", r.maxNS, "XMLNamespaces"))
		}
		if !isDefault && len(val) == 0 {
			return r.errAt(at, "empty namespace for prefix "+rtXMLQ(l))
		}
		if isDefault {
			l = nil
		}
		if r.nsIndex == nil && len(r.ns) < rtXMLHashAt {
			r.ns = append(r.ns, rtXMLNSBind{prefix: l, uri: val, depth: int32(depth)})
		} else {
			r.bind(l, val, depth)
		}
	}
	p, l := rtSplitQName(q)
	var space []byte
	var ok bool
	if r.nsIndex != nil { // kept out of lookup, so that lookup inlines
		space, ok = r.lookupIndexed(p)
	} else {
		space, ok = r.lookup(p)
	}
	if !ok {
		return r.errAt(start, "undeclared prefix "+rtXMLQ(p))
	}
	for _, a := range r.attrs {
		if a.prefix == nil || string(a.prefix) == "xmlns" {
			continue
		}
		var u []byte
		if r.nsIndex != nil {
			u, ok = r.lookupIndexed(a.prefix)
		} else {
			u, ok = r.lookup(a.prefix)
		}
		if !ok {
			return r.errAt(start, "undeclared prefix "+rtXMLQ(a.prefix))
		}
		if string(u) != rtNSXSI {
			continue
		}
		switch string(a.local) {
		case "nil":
			switch string(rtTrimSpace(a.value)) {
			case "true", "1":
				r.isNil = true
			case "false", "0":
			default:
				return r.errAt(start, "invalid i:nil value "+strconv.Quote(string(a.value)))
			}
		case "type":
			r.typ = a.value
		}
	}
	r.stack = append(r.stack, rtXMLElem{qname: q, local: l, space: space, start: start})
	return nil
}

// tick counts a unit of work and checks the context every rtCheckEvery.
func (r *rtXMLReader) tick() error {
	if r.work++; r.work%rtCheckEvery == 0 {
		return r.dec.canceled()
	}
	return nil
}

// pop closes the innermost element (its end tag already read).
func (r *rtXMLReader) pop() {
	d := len(r.stack)
	n := len(r.ns)
	for n > 0 && int(r.ns[n-1].depth) >= d {
		n--
	}
	r.ns = r.ns[:n]
	r.stack = r.stack[:d-1]
	r.empty = false
}

// endTag reads an end tag at pos ("</") for the innermost element.
func (r *rtXMLReader) endTag() error {
	start := r.pos
	r.pos += 2
	q, err := r.name()
	if err != nil {
		return err
	}
	r.skipWS()
	if r.pos >= len(r.data) || r.data[r.pos] != '>' {
		return r.errAt(r.pos, "invalid end tag")
	}
	r.pos++
	if len(r.stack) == 0 || !bytes.Equal(r.cur().qname, q) {
		want := "none"
		if len(r.stack) > 0 {
			want = "</" + rtXMLQ(r.cur().qname) + ">"
		}
		return r.errAt(start, "end tag </"+rtXMLQ(q)+"> does not match, want "+want)
	}
	r.pop()
	return nil
}

// misc skips a comment, PI or CDATA section at pos ("<!" or "<?"),
// appending CDATA text to dst when cdata is non-nil.
func (r *rtXMLReader) misc(cdata *[]byte) error {
	d := r.data[r.pos:]
	start := r.pos
	switch {
	case bytes.HasPrefix(d, []byte("<!--")):
		end := bytes.Index(d[4:], []byte("--"))
		if end < 0 || 4+end+2 >= len(d) || d[4+end+2] != '>' {
			return r.errAt(start, "invalid comment")
		}
		r.pos += 4 + end + 3
	case bytes.HasPrefix(d, []byte("<?")):
		end := bytes.Index(d[2:], []byte("?>"))
		if end < 0 {
			return r.errAt(start, "unterminated processing instruction")
		}
		r.pos += 2 + end + 2
	case bytes.HasPrefix(d, []byte("<![CDATA[")):
		end := bytes.Index(d[9:], []byte("]]>"))
		if end < 0 {
			return r.errAt(start, "unterminated CDATA section")
		}
		if cdata != nil {
			*cdata = rtAppendNormalized(*cdata, d[9:9+end])
		} else if len(rtTrimSpace(d[9:9+end])) != 0 {
			return r.errAt(start, "unexpected text")
		}
		r.pos += 9 + end + 3
	case bytes.HasPrefix(d, []byte("<!DOCTYPE")):
		return r.errAt(start, "DTD is prohibited")
	default:
		return r.errAt(start, "invalid markup")
	}
	return nil
}

// rtAppendNormalized appends text with line ends normalized to "\n".
func rtAppendNormalized(dst, s []byte) []byte {
	for {
		i := bytes.IndexByte(s, '\r')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, '\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
	}
}

// decode appends raw text with references resolved and line ends
// normalized; off is raw's offset, for errors.
func (r *rtXMLReader) decode(dst, raw []byte, off int) ([]byte, error) {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return rtAppendNormalized(dst, raw), nil
		}
		dst = rtAppendNormalized(dst, raw[:i])
		raw = raw[i:]
		off += i
		end := bytes.IndexByte(raw, ';')
		if end < 2 || end > 12 {
			return nil, r.errAt(off, "invalid reference")
		}
		ref := raw[1:end]
		switch string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if ref[0] != '#' || len(ref) < 2 {
				return nil, r.errAt(off, "undefined entity &"+string(ref)+";")
			}
			var v uint64
			var err error
			if ref[1] == 'x' {
				if len(ref) < 3 {
					return nil, r.errAt(off, "invalid character reference")
				}
				v, err = strconv.ParseUint(rtUnsafeString(ref[2:]), 16, 32)
			} else {
				v, err = strconv.ParseUint(rtUnsafeString(ref[1:]), 10, 32)
			}
			// &#x0; is accepted: our writer (like DCS with CheckCharacters
			// off) writes U+0000 that way, and what we write must read back.
			if err != nil || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
				return nil, r.errAt(off, "invalid character reference")
			}
			dst = utf8.AppendRune(dst, rune(v))
		}
		raw = raw[end+1:]
		off += end + 1
	}
}

// skipMisc skips whitespace, comments and PIs between elements; text and
// CDATA other than whitespace are errors.
func (r *rtXMLReader) skipMisc() error {
	for {
		r.skipWS()
		if r.pos >= len(r.data) {
			return nil
		}
		c := r.data[r.pos]
		if c != '<' {
			return r.errAt(r.pos, "unexpected text")
		}
		if r.pos+1 < len(r.data) && (r.data[r.pos+1] == '!' || r.data[r.pos+1] == '?') {
			if err := r.misc(nil); err != nil {
				return err
			}
			continue
		}
		return nil
	}
}

// root reads the prolog and the root start tag, which must be local in ns.
// A document that is not UTF-8 is refused first, as Web API's reader
// refuses it (an XmlException: 400).
func (r *rtXMLReader) root(local, ns string) error {
	if !utf8.Valid(r.data) {
		off := rtInvalidUTF8(r.data)
		return r.errAt(off, "invalid UTF-8 (byte 0x"+strconv.FormatUint(uint64(r.data[off]), 16)+")")
	}
	if err := r.skipMisc(); err != nil {
		return err
	}
	if r.pos >= len(r.data) {
		return r.errAt(r.pos, "no root element")
	}
	if r.pos+1 < len(r.data) && r.data[r.pos+1] == '/' {
		return r.errAt(r.pos, "unexpected end tag")
	}
	if err := r.startTag(); err != nil {
		return err
	}
	e := r.cur()
	if string(e.local) != local || string(e.space) != ns {
		return r.errAt(e.start, "root element "+rtXMLName(e.local, e.space)+", want "+rtXMLName([]byte(local), []byte(ns)))
	}
	return nil
}

// end checks that nothing but comments, PIs and whitespace follow the root.
func (r *rtXMLReader) end() error {
	if len(r.stack) != 0 {
		return r.errAt(r.pos, "unclosed element <"+rtXMLQ(r.cur().qname)+">")
	}
	if err := r.skipMisc(); err != nil {
		return err
	}
	if r.pos < len(r.data) {
		return r.errAt(r.pos, "data after the root element")
	}
	return nil
}

// child moves to the next child element of the current element: true
// after reading its start tag, false after consuming the parent's end tag.
func (r *rtXMLReader) child() (bool, error) {
	if len(r.stack) == 0 {
		return false, r.errAt(r.pos, "no open element")
	}
	if r.empty {
		r.pop()
		return false, nil
	}
	if err := r.skipMisc(); err != nil {
		return false, err
	}
	if r.pos >= len(r.data) {
		return false, r.errAt(r.pos, "unexpected end of input in <"+rtXMLQ(r.cur().qname)+">")
	}
	if r.pos+1 < len(r.data) && r.data[r.pos+1] == '/' {
		return false, r.endTag()
	}
	return true, r.startTag()
}

// next reads the next member element of a class contract element; see the
// file comment. last is the index of the last member read (-1 at first).
func (r *rtXMLReader) next(members []rtXMLMember, last *int) (int, error) {
	parent := len(r.stack) - 1
	var pl []byte
	if parent >= 0 {
		pl = r.stack[parent].qname
	}
	ok, err := r.child()
	if err != nil {
		return -1, err
	}
	if !ok {
		for j := *last + 1; j < len(members); j++ {
			if members[j].Required {
				return -1, r.errAt(r.pos, "missing required element <"+members[j].Name+"> in <"+rtXMLQ(pl)+">")
			}
		}
		return -1, nil
	}
	e := r.cur()
	for j := *last + 1; j < len(members); j++ {
		m := &members[j]
		if m.Name == string(e.local) && m.NS == string(e.space) {
			for k := *last + 1; k < j; k++ {
				if members[k].Required {
					return -1, r.errAt(e.start, "missing required element <"+members[k].Name+"> before <"+m.Name+">")
				}
			}
			*last = j
			return j, nil
		}
	}
	// Not acceptable here: say why.
	for j := range members {
		m := &members[j]
		if m.Name != string(e.local) {
			continue
		}
		switch {
		case m.NS != string(e.space):
			return -1, r.errAt(e.start, "element "+rtXMLName(e.local, e.space)+" in the wrong namespace, want "+strconv.Quote(m.NS))
		case j == *last:
			return -1, r.errAt(e.start, "duplicate element <"+m.Name+">")
		default:
			return -1, r.errAt(e.start, "element <"+m.Name+"> out of order: it must come before <"+members[*last].Name+">")
		}
	}
	return -1, r.errAt(e.start, "unknown element "+rtXMLName(e.local, e.space)+" in <"+rtXMLQ(pl)+">")
}

// item reads the next collection item element, which must be local in ns.
func (r *rtXMLReader) item(local, ns string) (bool, error) {
	ok, err := r.child()
	if err != nil || !ok {
		return false, err
	}
	e := r.cur()
	if string(e.local) != local || string(e.space) != ns {
		return false, r.errAt(e.start, "unexpected element "+rtXMLName(e.local, e.space)+", want item "+rtXMLName([]byte(local), []byte(ns)))
	}
	return true, nil
}

// null consumes the current element when it is i:nil="true".
func (r *rtXMLReader) null() (bool, error) {
	if !r.isNil {
		return false, nil
	}
	r.isNil = false
	if r.empty {
		r.pop()
		return true, nil
	}
	ok, err := r.child()
	if err != nil {
		return false, err
	}
	if ok {
		return false, r.errAt(r.cur().start, "content in a nil element")
	}
	return true, nil
}

// text reads the current element's text content and its end tag. The
// result is a view into the input or the scratch buffer.
func (r *rtXMLReader) text() ([]byte, error) {
	if len(r.stack) == 0 {
		return nil, r.errAt(r.pos, "no open element")
	}
	if r.isNil {
		return nil, r.errAt(r.cur().start, "i:nil for a non-nullable value in <"+rtXMLQ(r.cur().qname)+">")
	}
	if r.empty {
		r.pop()
		return r.data[r.pos:r.pos], nil
	}
	// Fast path: one plain text run followed by the end tag.
	start := r.pos
	i := bytes.IndexByte(r.data[start:], '<')
	if i < 0 {
		return nil, r.errAt(len(r.data), "unexpected end of input in <"+rtXMLQ(r.cur().qname)+">")
	}
	run := r.data[start : start+i]
	r.pos = start + i
	if bytes.HasPrefix(r.data[r.pos:], []byte("</")) && bytes.IndexByte(run, '&') < 0 && bytes.IndexByte(run, '\r') < 0 {
		if err := r.endTag(); err != nil {
			return nil, err
		}
		return run, nil
	}
	b, err := r.decode(r.buf[:0], run, start)
	if err != nil {
		return nil, err
	}
	for {
		if r.pos >= len(r.data) {
			r.buf = b
			return nil, r.errAt(r.pos, "unexpected end of input in <"+rtXMLQ(r.cur().qname)+">")
		}
		if r.data[r.pos] != '<' {
			s := r.pos
			i := bytes.IndexByte(r.data[s:], '<')
			if i < 0 {
				i = len(r.data) - s
			}
			r.pos = s + i
			if b, err = r.decode(b, r.data[s:s+i], s); err != nil {
				return nil, err
			}
			continue
		}
		if r.pos+1 < len(r.data) && r.data[r.pos+1] == '/' {
			r.buf = b
			if err := r.endTag(); err != nil {
				return nil, err
			}
			if b == nil {
				b = r.data[start:start]
			}
			return b, nil
		}
		if r.pos+1 < len(r.data) && (r.data[r.pos+1] == '!' || r.data[r.pos+1] == '?') {
			if err := r.misc(&b); err != nil {
				return nil, err
			}
			continue
		}
		r.buf = b
		return nil, r.errAt(r.pos, "unexpected element in the simple content of <"+rtXMLQ(r.cur().qname)+">")
	}
}

// str reads the content as a string (a copy).
func (r *rtXMLReader) str() (string, error) {
	b, err := r.text()
	return rtIntern(&r.chars, b), err
}

// strPtr reads a nullable string: nil for i:nil.
func (r *rtXMLReader) strPtr() (*string, error) {
	isNil, err := r.null()
	if err != nil || isNil {
		return nil, err
	}
	b, err := r.text()
	if err != nil {
		return nil, err
	}
	return r.boxes.box(b), nil
}

// scalar reads the content and parses it, wrapping errors with the
// element and offset.
func rtXMLScalar[T any](r *rtXMLReader, parse func([]byte) (T, error)) (T, error) {
	var zero T
	var q []byte
	at := r.pos
	if len(r.stack) > 0 {
		q = r.cur().qname
	}
	b, err := r.text()
	if err != nil {
		return zero, err
	}
	v, err := parse(b)
	if err != nil {
		return zero, r.errAt(at, "<"+rtXMLQ(q)+">: "+err.Error())
	}
	return v, nil
}

func (r *rtXMLReader) int(bits int) (int64, error) {
	return rtXMLScalar(r, func(b []byte) (int64, error) { return rtParseInt(b, bits) })
}
func (r *rtXMLReader) uint(bits int) (uint64, error) {
	return rtXMLScalar(r, func(b []byte) (uint64, error) { return rtParseUint(b, bits) })
}
func (r *rtXMLReader) bool() (bool, error)         { return rtXMLScalar(r, rtParseBool) }
func (r *rtXMLReader) double() (float64, error)    { return rtXMLScalar(r, rtParseDouble) }
func (r *rtXMLReader) float() (float32, error)     { return rtXMLScalar(r, rtParseFloat) }
func (r *rtXMLReader) decimal() (Decimal, error)   { return rtXMLScalar(r, rtParseDecimal) }
func (r *rtXMLReader) guid() (uuid.UUID, error)    { return rtXMLScalar(r, rtParseGUID) }
func (r *rtXMLReader) dateTime() (DateTime, error) { return rtXMLScalar(r, rtParseDateTime) }
func (r *rtXMLReader) timeSpan() (TimeSpan, error) { return rtXMLScalar(r, rtParseDuration) }
func (r *rtXMLReader) char() (rune, error)         { return rtXMLScalar(r, rtParseCharCode) }
func (r *rtXMLReader) base64() ([]byte, error)     { return rtXMLScalar(r, rtParseBase64) }

// rtXMLDTOMembers is DateTimeOffset's DCS member table (both required).
var rtXMLDTOMembers = []rtXMLMember{{Name: "DateTime", NS: rtNSSystem, Required: true}, {Name: "OffsetMinutes", NS: rtNSSystem, Required: true}}

// dateTimeOffset reads DCS's DateTimeOffset content (DateTime, then
// OffsetMinutes) and the end tag.
func (r *rtXMLReader) dateTimeOffset() (time.Time, error) {
	if r.isNil {
		return time.Time{}, r.errAt(r.cur().start, "i:nil for a non-nullable value in <"+rtXMLQ(r.cur().qname)+">")
	}
	var dt DateTime
	var off int64
	for last := -1; ; {
		i, err := r.next(rtXMLDTOMembers, &last)
		if err != nil {
			return time.Time{}, err
		}
		switch i {
		case -1:
			if off < -14*60 || off > 14*60 {
				return time.Time{}, r.errAt(r.pos, "OffsetMinutes out of range")
			}
			t := dt.Time
			if dt.Kind != DateTimeUtc {
				// DCS converts a non-UTC DateTime to UTC first.
				t = t.UTC()
			}
			return t.In(rtFixedZone(int(off) * 60)), nil
		case 0:
			dt, err = r.dateTime()
		case 1:
			off, err = r.int(16)
		}
		if err != nil {
			return time.Time{}, err
		}
	}
}

// skip skips the current element and its content.
func (r *rtXMLReader) skip() error {
	depth := len(r.stack)
	if depth == 0 {
		return r.errAt(r.pos, "no open element")
	}
	r.isNil = false
	for len(r.stack) >= depth {
		if r.empty {
			r.pop()
			continue
		}
		if r.pos >= len(r.data) {
			return r.errAt(r.pos, "unexpected end of input in <"+rtXMLQ(r.cur().qname)+">")
		}
		if r.data[r.pos] != '<' {
			i := bytes.IndexByte(r.data[r.pos:], '<')
			if i < 0 {
				r.pos = len(r.data)
				continue
			}
			if _, err := r.decode(r.buf[:0], r.data[r.pos:r.pos+i], r.pos); err != nil {
				return err
			}
			r.pos += i
			continue
		}
		var err error
		switch {
		case r.pos+1 < len(r.data) && r.data[r.pos+1] == '/':
			err = r.endTag()
		case r.pos+1 < len(r.data) && (r.data[r.pos+1] == '!' || r.data[r.pos+1] == '?'):
			var sink []byte
			err = r.misc(&sink)
		default:
			err = r.startTag()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// object reads the current element as an Object (see the file comment).
func (r *rtXMLReader) object() (Object, error) {
	if len(r.stack) == 0 {
		return Object{}, r.errAt(r.pos, "no open element")
	}
	start := r.cur().start
	if ok, err := r.null(); ok || err != nil {
		return Object{}, err
	}
	if err := r.skip(); err != nil {
		return Object{}, err
	}
	return Object{XML: append([]byte(nil), r.data[start:r.pos]...)}, nil
}
