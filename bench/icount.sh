#!/usr/bin/env bash
# Instructions per operation of one benchmark, counted by valgrind's
# callgrind: repeatable where wall-clock benchmarks are not (a shared or
# busy machine). The count of N operations is subtracted from the count of
# 2N, so start-up and the first run cancel out. Garbage collection is off
# and the scheduler has one thread, so that neither adds work that varies
# between runs; asynchronous preemption and AVX-512 are off because
# valgrind 3.19 handles neither.
#
# Usage: bench/icount.sh TESTBINARY BENCHMARK [N]
#   go test -c -o /tmp/seed.test ./out/seed
#   bench/icount.sh /tmp/seed.test BenchmarkDecodeJSON_helpgen 3000
set -euo pipefail
bin=$1 bench=$2 n=${3:-3000}
count() {
	GOMAXPROCS=1 GOGC=off GODEBUG=cpu.avx512f=off,asyncpreemptoff=1 \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" \
		-test.run='^$' -test.bench="^${bench}\$" -test.benchtime="${1}x" -test.count=1 2>&1 >/dev/null |
		grep -E 'I +refs' | grep -oE '[0-9,]+$' | tr -d ,
}
a=$(count "$n")
b=$(count $((2 * n)))
echo "$bench $(((b - a) / n)) instructions/op"
