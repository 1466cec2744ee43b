package wire

import (
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
// and keep their values (they share slabs).
func TestStringPtrSlab(t *testing.T) {
	var b strings.Builder
	b.WriteByte('[')
	for i := range 150 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote("s" + strconv.Itoa(i)))
	}
	b.WriteByte(']')
	var r rtJSONReader
	r.reset([]byte(b.String()))
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
		p, err := r.stringPtr()
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	*ps[0] = "changed"
	for i, p := range ps[1:] {
		if want := "s" + strconv.Itoa(i+1); *p != want {
			t.Fatalf("element %d = %q, want %q", i+1, *p, want)
		}
	}
	if len(ps) != 150 {
		t.Fatalf("%d elements", len(ps))
	}
}
