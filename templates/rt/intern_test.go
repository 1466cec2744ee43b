package rt

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestInternKeepsValues checks that strings carved from shared chunks keep
// their bytes while later strings are appended and new chunks are started.
func TestInternKeepsValues(t *testing.T) {
	var chars []byte
	var got, want []string
	src := []byte{}
	for i := range 200 {
		s := strings.Repeat(strconv.Itoa(i), i%30) // 0 to ~87 bytes: empty, chunked and own-allocation strings
		src = append(src[:0], s...)
		got = append(got, rtIntern(&chars, src))
		want = append(want, s)
		for j := range src {
			src[j] = '#' // the input buffer is reused: interned strings must not alias it
		}
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestStringPtrSlab checks that *string values from one reader are distinct
// and keep their values (they share arenas): empty, short, escaped and
// longer-than-arena-share strings, enough to fill many arenas.
func TestStringPtrSlab(t *testing.T) {
	val := func(i int) string {
		return strings.Repeat("s"+strconv.Itoa(i), i%37) + strings.Repeat("\n", i%3)
	}
	var b strings.Builder
	b.WriteByte('[')
	for i := range 150 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(val(i)))
	}
	b.WriteByte(']')
	data := []byte(b.String())
	var r rtJSONReader
	r.reset(data)
	if err := r.enterArray(); err != nil {
		t.Fatal(err)
	}
	var ps []*string
	for i := 0; ; i++ {
		more, err := r.item(i)
		if err != nil {
			t.Fatal(err)
		}
		if !more {
			break
		}
		p, err := r.strPtr()
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for j := range data {
		data[j] = '#' // the values must not alias the input
	}
	*ps[0] = "changed"
	for i, p := range ps[1:] {
		if want := val(i + 1); *p != want {
			t.Fatalf("element %d = %q, want %q", i+1, *p, want)
		}
	}
	if len(ps) != 150 {
		t.Fatalf("%d elements", len(ps))
	}
}

// TestQuoteOrEscape checks the eight-bytes-at-a-time scan against a plain
// loop, at every alignment and limit, with matches at every position.
func TestQuoteOrEscape(t *testing.T) {
	naive := func(d []byte, i, limit int) int {
		for ; i < min(limit, len(d)); i++ {
			if d[i] == '"' || d[i] == '\\' {
				return i
			}
		}
		return len(d)
	}
	// Bytes next to the ones sought, and 0x00/0x80/0xff, which trip up
	// careless zero-byte tricks.
	alphabet := []byte{'a', '"', '\\', '!', '#', '[', ']', 0x00, 0x01, 0x21, 0x23, 0x5b, 0x5d, 0x80, 0xa2, 0xdc, 0xff}
	rng := uint32(1)
	next := func() uint32 { rng = rng*1664525 + 1013904223; return rng >> 8 }
	for n := 0; n < 40; n++ {
		for trial := 0; trial < 200; trial++ {
			d := make([]byte, n)
			for j := range d {
				d[j] = 'x'
				if next()%4 == 0 {
					d[j] = alphabet[next()%uint32(len(alphabet))]
				}
			}
			for i := 0; i <= n; i++ {
				for _, limit := range []int{i, i + 3, i + 8, i + 17, n, n + 5} {
					got, high := rtQuoteOrEscape(d, i, limit)
					if want := naive(d, i, limit); got != want {
						t.Fatalf("rtQuoteOrEscape(%q, %d, %d) = %d, want %d", d, i, limit, got, want)
					}
					// A byte >= 0x80 before the match must be reported.
					if slices.ContainsFunc(d[i:max(i, min(got, limit, len(d)))], func(c byte) bool { return c >= 0x80 }) && !high {
						t.Fatalf("rtQuoteOrEscape(%q, %d, %d): a byte >= 0x80 not reported", d, i, limit)
					}
				}
			}
		}
	}
}

// TestXMLPlainRun checks the eight-bytes-at-a-time scan for bytes XML text
// escapes against a plain loop, at every start, for strings and bytes.
func TestXMLPlainRun(t *testing.T) {
	naive := func(d []byte, i int) int {
		for ; i < len(d); i++ {
			if c := d[i]; c < 0x20 || c >= 0x80 || c == '<' || c == '>' || c == '&' {
				return i
			}
		}
		return len(d)
	}
	// The bytes sought, their neighbours, and the edges of the ranges.
	alphabet := []byte{'<', '>', '&', ';', '=', '?', '%', '\'', 0x00, 0x09, 0x0a, 0x0d, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xc3, 0xff}
	rng := uint32(7)
	next := func() uint32 { rng = rng*1664525 + 1013904223; return rng >> 8 }
	for n := 0; n < 40; n++ {
		for trial := 0; trial < 200; trial++ {
			d := make([]byte, n)
			for j := range d {
				d[j] = 'a' + byte(next()%26)
				if next()%5 == 0 {
					d[j] = alphabet[next()%uint32(len(alphabet))]
				}
			}
			for i := 0; i <= n; i++ {
				want := naive(d, i)
				if got := rtXMLPlainRun(d, i); got != want {
					t.Fatalf("rtXMLPlainRun(%q, %d) = %d, want %d", d, i, got, want)
				}
				if got := rtXMLPlainRun(string(d), i); got != want {
					t.Fatalf("rtXMLPlainRun(string %q, %d) = %d, want %d", d, i, got, want)
				}
			}
		}
	}
}
