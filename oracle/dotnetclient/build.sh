#!/bin/sh
# usage: build.sh [OUTDIR]
# Compiles the .NET client of the seed endpoint into OUTDIR/Client.exe (default: bin/ next to this script, not
# tracked) with mono's mcs. internal/oracletest runs this script with OUTDIR in the user cache directory.
set -e
cd "$(dirname "$0")"
OUT=${1:-bin}
mkdir -p "$OUT"
REFS="-r:System.Runtime.Serialization -r:System.Xml -r:System.Core -r:System.Net.Http -r:System.Net.Http.Formatting"
mcs -nologo -out:"$OUT/Client.exe" $REFS Contracts.cs Client.cs
