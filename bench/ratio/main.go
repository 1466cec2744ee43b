// Command ratio reads go test -bench -benchmem output (benchmarks named
// Benchmark<Op>_<codec>) and prints each benchmark's median and best ns/op
// over its -count runs, then helpgen against each peer codec of the same
// Op: the speed-up (peer ns/op ÷ helpgen ns/op, above 1 means helpgen is
// faster) of the medians and of the bests, and the allocations, checked
// against the targets of the benchmark issue. Targets are judged on the
// best runs (other load on the machine only ever adds time, so the best of
// N is the steadier estimate of a codec's own cost); the median speed-up is
// shown beside it.
//
//	go test -bench . -benchmem -count 5 ... | go run ./ratio
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Targets: helpgen must be at least minSpeedup times as fast as the peer.
var minSpeedup = map[[2]string]float64{
	{"DecodeJSON", "ogen"}:   1,
	{"EncodeJSON", "ogen"}:   1,
	{"DecodeXML", "stdlib"}:  10,
	{"EncodeXML", "stdlib"}:  10,
	{"DecodeJSON", "stdlib"}: 0, // reported, no target
	{"EncodeJSON", "stdlib"}: 0,
}

// Targets: at most this many allocations per operation (every helpgen
// variant; checked on its row against encoding/*, which every Op has).
var maxAllocs = map[string]float64{"EncodeXML": 3}

type sample struct{ ns, bytes, allocs []float64 }

type bench struct {
	op, codec string
	s         sample
}

func main() {
	in := io.Reader(os.Stdin)
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		in = f
	}
	benches, err := parse(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if len(benches) == 0 {
		fmt.Fprintln(os.Stderr, "ratio: no Benchmark<Op>_<codec> lines in the input")
		os.Exit(2)
	}
	// Group by Op (in first-seen order), helpgen's variants first.
	ops := map[string]int{}
	for _, b := range benches {
		if _, ok := ops[b.op]; !ok {
			ops[b.op] = len(ops)
		}
	}
	slices.SortStableFunc(benches, func(a, b *bench) int {
		if a.op != b.op {
			return ops[a.op] - ops[b.op]
		}
		ah, bh := strings.HasPrefix(a.codec, "helpgen"), strings.HasPrefix(b.codec, "helpgen")
		switch {
		case ah && !bh:
			return -1
		case bh && !ah:
			return 1
		}
		return 0
	})
	missed := report(os.Stdout, benches)
	if missed > 0 {
		fmt.Printf("\n%d target(s) missed\n", missed)
	} else {
		fmt.Println("\nall targets met")
	}
}

func parse(r io.Reader) ([]*bench, error) {
	var order []*bench
	byName := map[string]*bench{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the GOMAXPROCS suffix
			}
		}
		op, codec, ok := strings.Cut(name, "_")
		if !ok {
			continue
		}
		b := byName[name]
		if b == nil {
			b = &bench{op: op, codec: codec}
			byName[name] = b
			order = append(order, b)
		}
		// f[1] is the iteration count; then value/unit pairs.
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", sc.Text(), err)
			}
			switch f[i+1] {
			case "ns/op":
				b.s.ns = append(b.s.ns, v)
			case "B/op":
				b.s.bytes = append(b.s.bytes, v)
			case "allocs/op":
				b.s.allocs = append(b.s.allocs, v)
			}
		}
	}
	return order, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return -1
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// spread is (max-min)/median in percent.
func spread(xs []float64) float64 {
	m := median(xs)
	if m <= 0 {
		return 0
	}
	return (slices.Max(xs) - slices.Min(xs)) / m * 100
}

func num(v float64) string {
	switch {
	case v < 0:
		return "-"
	case v >= 100 || v == float64(int64(v)):
		return strconv.FormatFloat(v, 'f', 0, 64)
	default:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
}

func report(out io.Writer, benches []*bench) (missed int) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(out, "Each benchmark over its runs: median and best ns/op, spread = (max-min)/median\n\n")
	fmt.Fprintf(w, "op\tcodec\truns\tns/op median\tns/op best\tspread\tB/op\tallocs/op\n")
	for _, b := range benches {
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%.0f%%\t%s\t%s\n", b.op, b.codec, len(b.s.ns),
			num(median(b.s.ns)), num(slices.Min(b.s.ns)), spread(b.s.ns), num(median(b.s.bytes)), num(median(b.s.allocs)))
	}
	w.Flush()

	fmt.Fprintf(out, "\nhelpgen vs peers: speed-up = peer ns/op / helpgen ns/op (>1: helpgen faster), of the best runs and of the medians\n\n")
	fmt.Fprintf(w, "op\thelpgen\tpeer\thelpgen ns/op\tpeer ns/op\tspeed-up\t(median)\tB/op h/peer\tallocs h/peer\ttarget\n")
	for _, h := range benches {
		if !strings.HasPrefix(h.codec, "helpgen") {
			continue
		}
		hb, hm, ha := slices.Min(h.s.ns), median(h.s.ns), median(h.s.allocs)
		for _, p := range benches {
			if p.op != h.op || strings.HasPrefix(p.codec, "helpgen") {
				continue
			}
			pb, pm := slices.Min(p.s.ns), median(p.s.ns)
			speedup := pb / hb
			var notes []string
			// Speed targets apply to the main variant ("helpgen"; the others are for information).
			if min, ok := minSpeedup[[2]string{h.op, p.codec}]; ok && min > 0 && h.codec == "helpgen" {
				if speedup >= min {
					notes = append(notes, fmt.Sprintf("≥%gx ok", min))
				} else {
					notes = append(notes, fmt.Sprintf("≥%gx MISSED", min))
					missed++
				}
			}
			if max, ok := maxAllocs[h.op]; ok && p.codec == "stdlib" {
				if ha <= max {
					notes = append(notes, fmt.Sprintf("≤%g allocs ok", max))
				} else {
					notes = append(notes, fmt.Sprintf("≤%g allocs MISSED", max))
					missed++
				}
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%.2fx\t(%.2fx)\t%s\t%s\t%s\n", h.op, h.codec, p.codec,
				num(hb), num(pb), speedup, pm/hm,
				num(median(h.s.bytes))+"/"+num(median(p.s.bytes)),
				num(ha)+"/"+num(median(p.s.allocs)), strings.Join(notes, ", "))
		}
	}
	w.Flush()
	return missed
}
