// Package hostiletest measures what a hostile input costs: wall time and
// peak heap growth while it is handled. The attack tests beside out/seed,
// out/clinic and crawl use it for issue 10's table (status, time, peak
// heap per attack); each logs one row that `go test -v` shows:
//
//	ATTACK | form: deep key Slot.a.a… (10 MiB) | 400 form: key depth over 64 … | 41ms | 22.1 MiB
//
// Heap is sampled, not traced: a peak shorter than the sampling interval
// (200 µs) can be missed, so figures are a lower bound of the true peak —
// enough to tell megabytes from gigabytes.
package hostiletest

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// heapMetric counts the bytes of heap objects, live or not yet swept: what
// the process holds, which is what an attacker makes it hold.
const heapMetric = "/memory/classes/heap/objects:bytes"

// Measure runs f and returns its wall time and the peak growth of the heap
// over what it held before f started (after a GC).
func Measure(f func()) (time.Duration, uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	base := read()
	peak := base // the sampler's until stopped is closed
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	start := time.Now()
	f()
	d := time.Since(start)
	close(done)
	<-stopped
	return d, max(peak, read()) - base
}

// Log writes one table row.
func Log(t testing.TB, attack, result string, d time.Duration, heap uint64) {
	t.Helper()
	t.Logf("ATTACK | %s | %s | %s | %s", attack, result, Duration(d), Bytes(heap))
}

// Duration rounds d for the table.
func Duration(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(time.Second).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}

// Bytes formats n in KiB, MiB or GiB.
func Bytes(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
