package rt

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

func formPairs(n int, key func(i int) string) []byte {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key(i) + "=x")
	}
	return []byte(b.String())
}

func TestFormLimits(t *testing.T) {
	item := func(i int) string { return "L[" + strconv.Itoa(i) + "]" }
	deep := func(n int) string { return "a" + strings.Repeat(".b", n-1) }
	cases := []struct {
		name  string
		body  []byte
		lim   DecodeLimits
		field string // the limit the error names; "" for success
	}{
		{"1000 keys", formPairs(1000, item), DecodeLimits{}, ""},
		{"1001 keys", formPairs(1001, item), DecodeLimits{}, "FormKeys"},
		{"5000 repeats of one key", formPairs(5000, func(int) string { return "L" }), DecodeLimits{}, ""},
		{"a[b] and a.b are one key", []byte("a[b]=1&a.b=2&A.B=3"), DecodeLimits{FormKeys: 1}, ""},
		{"3 keys, limit 2", []byte("a=1&b=2&c=3"), DecodeLimits{FormKeys: 2}, "FormKeys"},
		{"64 segments", []byte(deep(64) + "=x"), DecodeLimits{}, ""},
		{"65 segments", []byte(deep(65) + "=x"), DecodeLimits{}, "FormDepth"},
		{"65 index segments", []byte("L" + strings.Repeat("[0]", 64) + "=x"), DecodeLimits{}, "FormDepth"},
		{"a[][][] is one segment", []byte("a" + strings.Repeat("[]", 500) + "=x"), DecodeLimits{}, ""},
		{"2048-byte key", []byte(strings.Repeat("k", 2048) + "=x"), DecodeLimits{}, ""},
		{"2049-byte key", []byte(strings.Repeat("k", 2049) + "=x"), DecodeLimits{}, "FormKeyBytes"},
		{"escapes count", []byte(strings.Repeat("%41", 700) + "=x"), DecodeLimits{}, "FormKeyBytes"},
		{"raised", formPairs(5000, item), DecodeLimits{FormKeys: 5000}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rtParseFormWith(c.body, rtNewDecoding(nil, c.lim))
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (err == nil || !strings.Contains(err.Error(), "DecodeLimits."+c.field)):
				t.Fatalf("err = %v, want one naming DecodeLimits.%s", err, c.field)
			case err != nil && len(err.Error()) > 200:
				t.Fatalf("message of %d bytes: %.300s", len(err.Error()), err)
			}
		})
	}
}

// TestFormFind checks the scan, in-order list and hash lookups of the form
// tree against a plain scan of every node's children, on bodies of random
// keys: names that differ only in case (including non-ASCII case folding,
// as strings.EqualFold has it), indexes in and out of order, and parents
// of every size around rtFormHashAt.
func TestFormFind(t *testing.T) {
	names := []string{"a", "A", "b", "Name", "NAME", "name", "k", "K", "\u212a" /* Kelvin sign: folds to k */, "ß", "ſ", "s", "S", "é", "É", "Ǆ", "ǅ", "ǆ", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		var keys []string
		n := 1 + rng.IntN(60)
		for range n {
			var k strings.Builder
			k.WriteString(names[rng.IntN(len(names))])
			for d := rng.IntN(3); d > 0; d-- {
				if rng.IntN(2) == 0 {
					k.WriteString("[" + strconv.Itoa(rng.IntN(12)) + "]")
				} else {
					k.WriteString("." + names[rng.IntN(len(names))])
				}
			}
			keys = append(keys, k.String())
		}
		if trial%3 == 0 { // a list in order, then more
			for i := range 20 {
				keys = append(keys, "L["+strconv.Itoa(i)+"]")
			}
			keys = append(keys, "L[25]", "l.p")
		}
		var body strings.Builder
		for i, k := range keys {
			if i > 0 {
				body.WriteByte('&')
			}
			body.WriteString(k + "=v")
		}
		f, err := rtParseFormWith([]byte(body.String()), rtNewDecoding(nil, DecodeLimits{FormKeys: 1 << 20}))
		if err != nil {
			t.Fatal(err)
		}
		for n := range f.nodes {
			for _, probe := range append(names, "none") {
				want := -1
				for _, k := range f.nodes[n].kids {
					if c := &f.nodes[k]; c.index < 0 && strings.EqualFold(c.seg, probe) {
						want = int(k)
					}
				}
				if got := f.child(n, probe); got != want {
					t.Fatalf("trial %d: child(%d, %q) = %d, want %d (keys %q)", trial, n, probe, got, want, keys)
				}
			}
			for i := range 30 {
				want := -1
				for _, k := range f.nodes[n].kids {
					if int(f.nodes[k].index) == i {
						want = int(k)
					}
				}
				if got := f.index(n, i); got != want {
					t.Fatalf("trial %d: index(%d, %d) = %d, want %d (keys %q)", trial, n, i, got, want, keys)
				}
			}
		}
	}
}

func TestXMLLimits(t *testing.T) {
	attrs := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" a" + strconv.Itoa(i) + `="x"`)
		}
		return b.String()
	}
	decls := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" xmlns:p" + strconv.Itoa(i) + `="urn:p` + strconv.Itoa(i) + `"`)
		}
		return b.String()
	}
	cases := []struct {
		name  string
		doc   string
		lim   DecodeLimits
		field string // the limit the error names; "" for success
		msg   string // or this in the error
	}{
		{"256 attributes", `<R xmlns="urn:r"` + attrs(255) + `/>`, DecodeLimits{}, "", ""},
		{"257 attributes", `<R xmlns="urn:r"` + attrs(256) + `/>`, DecodeLimits{}, "XMLAttributes", ""},
		{"64 declarations", `<R xmlns="urn:r"` + decls(63) + `/>`, DecodeLimits{}, "", ""},
		{"65 declarations", `<R xmlns="urn:r"` + decls(64) + `/>`, DecodeLimits{}, "XMLNamespaces", ""},
		{"limits raised", `<R xmlns="urn:r"` + decls(500) + attrs(500) + `/>`, DecodeLimits{XMLAttributes: 1001, XMLNamespaces: 501}, "", ""},
		{"duplicate among few", `<R xmlns="urn:r" a="1" b="2" a="3"/>`, DecodeLimits{}, "", "duplicate attribute a"},
		{"duplicate among many", `<R xmlns="urn:r"` + attrs(100) + ` a57="y"/>`, DecodeLimits{}, "", "duplicate attribute a57"},
		{"same local, other prefixes", `<R xmlns="urn:r" xmlns:p="urn:p" xmlns:q="urn:q"` + attrs(30) + ` p:a1="y" q:a1="z"/>`, DecodeLimits{}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &rtXMLReader{}
			r.resetWith([]byte(c.doc), rtNewDecoding(nil, c.lim))
			err := r.root("R", "urn:r")
			switch {
			case c.field == "" && c.msg == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (err == nil || !strings.Contains(err.Error(), "DecodeLimits."+c.field)):
				t.Fatalf("err = %v, want one naming DecodeLimits.%s", err, c.field)
			case c.msg != "" && (err == nil || !strings.Contains(err.Error(), c.msg)):
				t.Fatalf("err = %v, want %q", err, c.msg)
			}
		})
	}
}

// TestXMLScopeIndex: with more bindings than rtXMLHashAt in scope, prefixes
// resolve to their innermost declaration, and an element's end restores
// the declarations it shadowed.
func TestXMLScopeIndex(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<R xmlns="urn:r"`)
	for i := range 40 {
		b.WriteString(" xmlns:p" + strconv.Itoa(i) + `="urn:outer` + strconv.Itoa(i) + `"`)
	}
	b.WriteString(`><p3:a xmlns:p3="urn:inner3"><p3:b/><p5:c/></p3:a><p3:d/><p39:e/></R>`)
	r := &rtXMLReader{}
	r.reset([]byte(b.String()))
	if err := r.root("R", "urn:r"); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func() error
	walk = func() error {
		for {
			ok, err := r.child()
			if err != nil || !ok {
				return err
			}
			e := r.cur()
			got = append(got, string(e.local)+"="+string(e.space))
			if err := walk(); err != nil {
				return err
			}
		}
	}
	if err := walk(); err != nil {
		t.Fatal(err)
	}
	if r.nsIndex == nil {
		t.Fatal("the scope was never indexed")
	}
	want := "a=urn:inner3 b=urn:inner3 c=urn:outer5 d=urn:outer3 e=urn:outer39"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
	r.reset([]byte(`<R xmlns="urn:r"><q:x/></R>`))
	if err := r.root("R", "urn:r"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.child(); err == nil || !strings.Contains(err.Error(), "undeclared prefix q") {
		t.Errorf("a reset reader still knows the last document's prefixes: %v", err)
	}
}

// TestDecodeCanceled: each decoder stops within rtCheckEvery units of
// work once the request's context has ended.
func TestDecodeCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := rtNewDecoding(ctx, DecodeLimits{FormKeys: 1 << 20, XMLAttributes: 1 << 20})
	live := rtNewDecoding(context.Background(), DecodeLimits{FormKeys: 1 << 20, XMLAttributes: 1 << 20})
	n := 2 * rtCheckEvery
	form := formPairs(n, func(i int) string { return "L[" + strconv.Itoa(i) + "]" })
	xml := []byte(`<R xmlns="urn:r">` + strings.Repeat("<i/>", n) + `</R>`)
	json := []byte("[" + strings.Repeat("1,", n) + "1]")
	decode := map[string]func(d *rtDecoding) error{
		"form": func(d *rtDecoding) error { _, err := rtParseFormWith(form, d); return err },
		"xml": func(d *rtDecoding) error {
			r := &rtXMLReader{}
			r.resetWith(xml, d)
			if err := r.root("R", "urn:r"); err != nil {
				return err
			}
			return r.skip()
		},
		"json": func(d *rtDecoding) error {
			r := &rtJSONReader{}
			r.resetWith(json, d)
			return r.skip()
		},
	}
	for name, f := range decode {
		if err := f(live); err != nil {
			t.Errorf("%s, live context: %v", name, err)
		}
		var ce *rtCanceledError
		if err := f(d); !errors.As(err, &ce) || !errors.Is(err, context.Canceled) {
			t.Errorf("%s, canceled context: err = %v, want a cancellation", name, err)
		}
	}
}

func TestJSONInvalidUTF8(t *testing.T) {
	long := strings.Repeat("é", 40)
	cases := []struct {
		doc string
		ok  bool
	}{
		{`"é€𝄞"`, true},
		{`"` + long + `"`, true},
		{`"a\n` + long + `"`, true},
		{`{"é":1}`, true},
		{"\"a\xffb\"", false},
		{"\"" + long + "\xc3\"", false}, // past the 64-byte fast path
		{"\"\\n\xed\xa0\x80\"", false},  // an escaped string; a UTF-16 surrogate in UTF-8
		{"{\"k\xff\":1}", false},        // a key
		{"{k\xff:1}", false},            // an unquoted name
		{"/* \xff */ 1", false},         // a comment
		{"[\"x\",\"" + strings.Repeat("a", 70) + "\xff\"]", false},
	}
	for _, c := range cases {
		r := &rtJSONReader{}
		r.reset([]byte(c.doc))
		err := r.skip()
		if err == nil {
			err = r.end()
		}
		if c.ok != (err == nil) || err != nil && !strings.Contains(err.Error(), "UTF-8") && !strings.Contains(err.Error(), "unexpected") {
			t.Errorf("%q: err = %v, want ok=%v", c.doc, err, c.ok)
		}
	}
}

// TestErrorsCutEchoes: a megabyte name or key comes back as a short excerpt.
func TestErrorsCutEchoes(t *testing.T) {
	big := strings.Repeat("n", 1<<20)
	_, err := rtParseFormWith([]byte("a]"+big[:2000]+"=x"), nil)
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("form: %.300v", err)
	}
	r := &rtXMLReader{}
	r.reset([]byte(`<` + big + ` xmlns="urn:r"/>`))
	if err := r.root("R", "urn:r"); err == nil || len(err.Error()) > 300 {
		t.Errorf("xml: %.400v", err)
	}
	if got := rtQuoteExcerpt("ab"+strings.Repeat("é", 100), 64); len(got) > 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("rtQuoteExcerpt = %s", got)
	}
}

// TestReadLength: a body is read into a buffer of its declared length
// exactly, but the buffer grows only as bytes arrive: a client that
// declares 10 MiB and sends 100 bytes holds 64 KiB, not 10 MiB.
func TestReadLength(t *testing.T) {
	full := bytes.Repeat([]byte("x"), 3<<20+5)
	data, err := rtReadLength(iotest.HalfReader(bytes.NewReader(full)), int64(len(full)))
	if err != nil || !bytes.Equal(data, full) || cap(data) != len(full) {
		t.Errorf("full body: err %v, %d bytes, cap %d; want %d, exact", err, len(data), cap(data), len(full))
	}
	data, err = rtReadLength(bytes.NewReader(full[:100]), 10<<20)
	if err != io.ErrUnexpectedEOF || len(data) != 100 || cap(data) > 64<<10 {
		t.Errorf("short body: err %v, %d bytes, cap %d", err, len(data), cap(data))
	}
}

// TestReadLengthEOF: the last bytes may come with io.EOF.
func TestReadLengthEOF(t *testing.T) {
	data, err := rtReadLength(iotest.DataErrReader(bytes.NewReader([]byte("abc"))), 3)
	if err != nil || string(data) != "abc" {
		t.Errorf("%q, %v", data, err)
	}
}

// TestXMLScopeRandom: random documents whose scopes grow past rtXMLHashAt
// and shrink again, with prefixes redeclared at every depth; each element's
// namespace must be the innermost declaration of its prefix, as a plain
// model of the scope resolves it.
func TestXMLScopeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		var doc strings.Builder
		var want []string
		scope := []map[string]string{{"": "urn:r"}}
		resolve := func(p string) string {
			for i := len(scope) - 1; i >= 0; i-- {
				if u, ok := scope[i][p]; ok {
					return u
				}
			}
			return "?"
		}
		var elem func(depth int)
		elem = func(depth int) {
			decls := map[string]string{}
			var attrs strings.Builder
			for range rng.IntN(12) {
				p := "p" + strconv.Itoa(rng.IntN(30))
				if _, dup := decls[p]; dup {
					continue
				}
				u := "urn:" + p + "." + strconv.Itoa(trial) + "." + strconv.Itoa(rng.IntN(1000))
				decls[p] = u
				attrs.WriteString(" xmlns:" + p + `="` + u + `"`)
			}
			scope = append(scope, decls)
			p := "p" + strconv.Itoa(rng.IntN(30))
			if resolve(p) == "?" {
				p = ""
			}
			name := "e"
			if p != "" {
				name = p + ":e"
			}
			want = append(want, resolve(p))
			doc.WriteString("<" + name + attrs.String() + ">")
			if depth < 6 {
				for range rng.IntN(4) {
					elem(depth + 1)
				}
			}
			doc.WriteString("</" + name + ">")
			scope = scope[:len(scope)-1]
		}
		doc.WriteString(`<R xmlns="urn:r">`)
		for range 3 {
			elem(1)
		}
		doc.WriteString(`</R>`)
		r := &rtXMLReader{}
		r.reset([]byte(doc.String()))
		if err := r.root("R", "urn:r"); err != nil {
			t.Fatal(err)
		}
		var got []string
		var walk func() error
		walk = func() error {
			for {
				ok, err := r.child()
				if err != nil || !ok {
					return err
				}
				got = append(got, string(r.cur().space))
				if err := walk(); err != nil {
					return err
				}
			}
		}
		if err := walk(); err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("trial %d: got\n%s\nwant\n%s\ndoc %s", trial, strings.Join(got, " "), strings.Join(want, " "), doc.String())
		}
	}
}
