package rt

import (
	"context"
	"strconv"
	"unicode/utf8"
)

// DecodeLimits bounds what one request body can make the decoders hold or
// do, beyond the body size limit (WithMaxBodyBytes): a body refused by a
// limit gets 400, its message naming the limit ("form: more than 1000
// keys (DecodeLimits.FormKeys)"). A zero or negative field takes its
// default. Whatever the limits, decoding takes time linear in the body.
// JSON and XML depth are limited to 256, as Web API's formatters do.
type DecodeLimits struct {
	// FormKeys caps the distinct keys of a form body (default 1000: Web
	// API's MediaTypeFormatter.MaxHttpCollectionKeys, which answers 400
	// from key 1001 on). A list posted as L[0]=…&L[1]=… has a key per item;
	// repeated keys (L=a&L=b) count once.
	FormKeys int
	// FormDepth caps the segments of one form key: a.b[0].c has 4
	// (default 64).
	FormDepth int
	// FormKeyBytes caps the length of one form key as sent, escapes
	// included (default 2048).
	FormKeyBytes int
	// XMLAttributes caps the attributes of one XML element, namespace
	// declarations included (default 256).
	XMLAttributes int
	// XMLNamespaces caps the namespace declarations of one XML element
	// (default 64; DataContractSerializer writes at most a few).
	XMLNamespaces int
}

// The defaults of DecodeLimits.
const (
	rtDefaultFormKeys     = 1000
	rtDefaultFormDepth    = 64
	rtDefaultFormKeyBytes = 2048
	rtDefaultXMLAttrs     = 256
	rtDefaultXMLNS        = 64
)

// withDefaults fills the unset fields.
func (l DecodeLimits) withDefaults() DecodeLimits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.FormKeys, rtDefaultFormKeys)
	def(&l.FormDepth, rtDefaultFormDepth)
	def(&l.FormKeyBytes, rtDefaultFormKeyBytes)
	def(&l.XMLAttributes, rtDefaultXMLAttrs)
	def(&l.XMLNamespaces, rtDefaultXMLNS)
	return l
}

// rtLimitMsg words a refusal: "more than 1000 keys (DecodeLimits.FormKeys)".
func rtLimitMsg(what string, n int, field string) string {
	return "more than " + strconv.Itoa(n) + " " + what + " (DecodeLimits." + field + ")"
}

// rtDecoding is how one body is decoded: its limits and the context of the
// request it came with. Decoders check the context every rtCheckEvery
// units of work (form pairs; XML elements, and attributes past an
// element's first 16; JSON keys and items of one object or array, and
// objects and arrays), so that a body whose client has gone stops costing
// CPU. A nil *rtDecoding means the default limits and no context.
type rtDecoding struct {
	ctx context.Context
	lim DecodeLimits // with defaults
}

// rtCheckEvery is how many units of work pass between context checks: a
// check costs tens of nanoseconds, a unit a few, so checks stay under 1%.
const rtCheckEvery = 4096

// rtDefaultDecoding has the default limits and no context.
var rtDefaultDecoding = &rtDecoding{lim: DecodeLimits{}.withDefaults()}

func rtNewDecoding(ctx context.Context, lim DecodeLimits) *rtDecoding {
	return &rtDecoding{ctx: ctx, lim: lim.withDefaults()}
}

// rtCanceledError is decoding stopped because the request's context ended.
type rtCanceledError struct{ err error }

func (e *rtCanceledError) Error() string { return "decoding stopped: " + e.err.Error() }
func (e *rtCanceledError) Unwrap() error { return e.err }

// canceled reports the context's end, if any.
func (d *rtDecoding) canceled() error {
	if d == nil || d.ctx == nil {
		return nil
	}
	if err := d.ctx.Err(); err != nil {
		return &rtCanceledError{err}
	}
	return nil
}

// rtQuoteExcerpt quotes s for an error message, cut to max bytes: a
// message must not echo a megabyte key or name back to the client.
func rtQuoteExcerpt(s string, max int) string {
	if len(s) <= max {
		return strconv.Quote(s)
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// rtInvalidUTF8 returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence, or -1. Web API decodes bodies with a
// UTF8Encoding that throws on invalid bytes, so such a body is a 400
// there (verified on mono for JSON and XML: "Unable to translate bytes
// [FF] at index 10 from specified code page to Unicode.").
func rtInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
