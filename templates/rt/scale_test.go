package rt

// Decoding time grows linearly with the input (issue 10, item 3): each
// benchmark decodes n keys, items, attributes or namespace declarations at
// n = 1k, 10k, 100k and 1M, with the limits raised out of the way, and
// reports ns per key; the figure stays flat as n grows 1000-fold.
//
//	go test ./templates/rt -run '^$' -bench Scale -benchtime 1x -count 3

import (
	"bytes"
	"strconv"
	"testing"
)

var scaleSizes = []int{1_000, 10_000, 100_000, 1_000_000}

// scaleBody joins format(i) for i < n with sep.
func scaleBody(prefix, sep, suffix string, n int, format func(b []byte, i int) []byte) []byte {
	var b bytes.Buffer
	b.WriteString(prefix)
	var tmp []byte
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		tmp = format(tmp[:0], i)
		b.Write(tmp)
	}
	b.WriteString(suffix)
	return b.Bytes()
}

// scaleRun benchmarks decode over bodies of every size, reporting ns per
// unit (key, item, attribute).
func scaleRun(b *testing.B, unit string, body func(n int) []byte, decode func(b *testing.B, data []byte, n int)) {
	for _, n := range scaleSizes {
		data := body(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				decode(b, data, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/"+unit)
		})
	}
}

// BenchmarkScaleFormKeys: k0=x&k1=x&… , every key a sibling of the root.
func BenchmarkScaleFormKeys(b *testing.B) {
	scaleRun(b, "key", func(n int) []byte {
		return scaleBody("", "&", "", n, func(d []byte, i int) []byte {
			return append(strconv.AppendInt(append(d, 'k'), int64(i), 10), "=x"...)
		})
	}, func(b *testing.B, data []byte, n int) {
		f, err := scaleParseForm(data, n)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < n; i += n / 10 {
			if f.child(0, "K"+strconv.Itoa(i)) < 0 {
				b.Fatal("key not found")
			}
		}
		if f.unused() == nil {
			b.Fatal("unread keys not reported")
		}
	})
}

// BenchmarkScaleFormItems: L[0]=x&L[1]=x&… read as one list.
func BenchmarkScaleFormItems(b *testing.B) {
	scaleRun(b, "item", func(n int) []byte {
		return scaleBody("", "&", "", n, func(d []byte, i int) []byte {
			return append(strconv.AppendInt(append(d, "L%5B"...), int64(i), 10), "%5D=x"...)
		})
	}, func(b *testing.B, data []byte, n int) {
		f, err := scaleParseForm(data, n)
		if err != nil {
			b.Fatal(err)
		}
		if got := len(f.values(f.child(0, "l"))); got != n {
			b.Fatalf("%d items, want %d", got, n)
		}
		if err := f.unused(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkScaleXMLAttributes: n attributes on the root.
func BenchmarkScaleXMLAttributes(b *testing.B) {
	scaleRun(b, "attr", func(n int) []byte {
		return scaleBody(`<R xmlns="urn:r" `, " ", `/>`, n, func(d []byte, i int) []byte {
			return append(strconv.AppendInt(append(d, 'a'), int64(i), 10), `="x"`...)
		})
	}, func(b *testing.B, data []byte, n int) {
		r := scaleXMLReader(data, n)
		if err := r.root("R", "urn:r"); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkScaleXMLNamespaces: n prefixes declared on the root, each used
// by one child element (every child resolves its prefix in a scope of n).
func BenchmarkScaleXMLNamespaces(b *testing.B) {
	scaleRun(b, "decl", func(n int) []byte {
		var d bytes.Buffer
		d.WriteString(`<R xmlns="urn:r"`)
		for i := range n {
			d.WriteString(` xmlns:p` + strconv.Itoa(i) + `="urn:p` + strconv.Itoa(i) + `"`)
		}
		d.WriteString(`>`)
		for i := range n {
			d.WriteString(`<p` + strconv.Itoa(i) + `:c/>`)
		}
		d.WriteString(`</R>`)
		return d.Bytes()
	}, func(b *testing.B, data []byte, n int) {
		r := scaleXMLReader(data, n)
		if err := r.root("R", "urn:r"); err != nil {
			b.Fatal(err)
		}
		if err := r.skip(); err != nil {
			b.Fatal(err)
		}
		if err := r.end(); err != nil {
			b.Fatal(err)
		}
	})
}
