#!/bin/sh
# Regenerates pages/dispensary/ (the Help site HTML of this API) with the Help site generator in ../helpsite:
# the real ApiExplorer over Api.cs, the Help Page's model descriptions and sample generator, and the real
# Json.NET and DataContractSerializer writing the samples. Byte-for-byte reproducible (fixed clock and GUID seed,
# site/Site.cs). Needs mono and mcs (scripts/install-mono.sh).
# usage: oracle/dispensary/pages.sh [OUTDIR]     (default: pages/dispensary of this checkout)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../../pages/dispensary}
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT INT TERM
REFS="-r:System.Runtime.Serialization -r:System.Xml -r:System.Xml.Linq -r:System.Core -r:System.Net.Http -r:System.Net.Http.Formatting -r:System.Web.Http -r:System.ComponentModel.DataAnnotations"
C="$HERE/../clinic"
mcs -nologo -out:"$BUILD/HelpSite.exe" $REFS "$HERE"/../helpsite/*.cs "$HERE/site/Site.cs" \
    "$C/Docs.cs" "$C/ObjectGenerator.cs" "$C/WebApiCompat.cs" "$HERE/Contracts.cs" "$HERE/Api.cs"
TZ=Africa/Johannesburg mono "$BUILD/HelpSite.exe" --out "$BUILD/site" >&2
rm -rf "$OUT"
mkdir -p "$OUT"
cp -R "$BUILD/site/html/." "$OUT/"
