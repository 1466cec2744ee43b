#!/usr/bin/env bash
# Codec benchmarks: helpgen's out/seed fast paths against encoding/json,
# encoding/xml and ogen v1.24.0, on the seed Help Page's documented request
# sample, in ONE go test -bench invocation; then a ratio table.
#
# Usage: bench/run.sh [COUNT]        (default COUNT=5; env BENCHTIME, e.g. 1s or 20000x)
# Raw go test output is kept in bench/results.txt (gitignored).
set -euo pipefail
cd "$(dirname "$0")"
count=${1:-${COUNT:-5}}
benchtime=${BENCHTIME:-1s}

# ogen's codec, generated from openapi.json at bench time, never committed.
go run github.com/ogen-go/ogen/cmd/ogen@v1.24.0 --target ogenapi --package ogenapi --clean openapi.json >/dev/null 2>&1 ||
	{ echo "run.sh: ogen failed; rerun without the redirect to see why" >&2; exit 1; }

# Both packages in one invocation: go test runs benchmark binaries one at a
# time. COUNT rounds of one run each, so that a machine whose speed drifts
# (shared cores, frequency changes) is sampled alike for every codec.
: >results.txt
for i in $(seq "$count"); do
	go test -tags ogen -run 'Payload' -bench . -benchmem -benchtime "$benchtime" -count 1 \
		. github.com/helpgen/helpgen/out/seed | tee -a results.txt
done

echo
go run ./ratio results.txt
