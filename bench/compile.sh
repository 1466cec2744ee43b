#!/usr/bin/env bash
# Compile cost of a big API, side by side: the clinic pages copied to 1,008
# endpoints and 2,010 types (BenchmarkParseGenerateScaled's site), generated
# by helpgen and — from helpgen's own OpenAPI export of the same API — by
# oapi-codegen v2.5.0 (types, client, std-http-server). Each package is
# built ROUNDS times, alternating, from a cold package cache (a comment
# changes so the package itself recompiles; the standard library and
# dependencies stay cached), with /usr/bin/time: wall time, CPU time and
# peak RSS. Then the same for `go vet` and the test binary of helpgen's.
#
# Usage: bench/compile.sh [ROUNDS]      (default 3; needs /usr/bin/time and
# the module proxy for oapi-codegen). Work files go to $WORK (default a
# temporary directory, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-3}
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
timefmt='%e %U %M'

echo "work dir: $work"
go build -o "$work/helpgen" ./cmd/helpgen
HELPGEN_SCALED_SPEC="$work/spec.json" HELPGEN_SCALED_PAGES="$work/pages" \
	go test ./internal/cli -run TestScaledCorpus -count=1 >/dev/null

module() { # module DIR NAME: a module for one package
	mkdir -p "$1/api"
	printf 'module example.com/%s\n\ngo 1.24\n' "$2" >"$1/go.mod"
}

# helpgen, from the pages and from the spec.
module "$work/h" h
genp=$(/usr/bin/time -f "$timefmt" "$work/helpgen" generate -o "$work/h/api" -pkg api "$work/pages" 2>&1 >/dev/null | tail -1)
rm -rf "$work/h/api" && mkdir "$work/h/api"
gens=$(/usr/bin/time -f "$timefmt" "$work/helpgen" generate -o "$work/h/api" -pkg api "$work/spec.json" 2>&1 >/dev/null | tail -1)
# The generated package imports helpgen's runtime (templates/rt): this
# checkout stands in for the published module. Like oapi-codegen's runtime
# module, it compiles once and stays in the build cache (its cold build is
# shown below).
(cd "$work/h" && go mod edit -require github.com/helpgen/helpgen@v0.0.0 -replace "github.com/helpgen/helpgen=$root" &&
	cp "$root/go.sum" go.sum && GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1)

# oapi-codegen, from helpgen's export.
module "$work/o" o
"$work/helpgen" openapi -codegen -format yaml -o "$work/o/api.yaml" "$work/spec.json"
(cd "$work/o" && go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.5.0 \
	-generate types,client,std-http-server -package api -o api/api.gen.go api.yaml && go mod tidy >/dev/null 2>&1)

lines() { cat "$1"/api/*.go | wc -l; }
run() { # run DIR CMD...: wall, user, peak RSS of CMD in DIR after touching the package
	local dir=$1
	shift
	printf 'package api\n\n// %s\n' "$(date +%s%N)" >"$dir/api/zz_touch.go"
	(cd "$dir" && /usr/bin/time -f "$timefmt" "$@" 2>&1 >/dev/null | tail -1)
}

printf '%-28s %10s %10s %10s\n' "" "wall s" "CPU s" "peak MB"
show() { read -r w u m <<<"$2"; printf '%-28s %10s %10s %10d\n' "$1" "$w" "$u" $((m / 1024)); }
show "helpgen generate (pages)" "$genp"
show "helpgen generate (spec)" "$gens"
for i in $(seq "$rounds"); do
	show "go build helpgen #$i" "$(run "$work/h" go build -o /dev/null ./api)"
	show "go build oapi-codegen #$i" "$(run "$work/o" go build -o /dev/null ./api)"
done
# The runtime's own build, cold: a copy of it in a module of its own.
mkdir -p "$work/r/api" && cp "$root"/templates/rt/*.go "$work/r/api/" && rm -f "$work"/r/api/*_test.go
sed -i 's/^package rt$/package api/' "$work"/r/api/*.go
module "$work/r" r
(cd "$work/r" && cp "$root/go.sum" go.sum && go mod edit -require github.com/google/uuid@v1.6.0)
show "go build rt (once)" "$(run "$work/r" go build -o /dev/null ./api)"
show "go vet helpgen" "$(run "$work/h" go vet ./api)"
show "go test -c helpgen" "$(run "$work/h" go test -c -o /dev/null ./api)"
echo
echo "lines: helpgen $(lines "$work/h") ($(cat "$work"/h/api/*_test.go | wc -l) in tests), oapi-codegen $(lines "$work/o")"
