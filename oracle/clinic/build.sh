#!/bin/sh
# usage: build.sh [OUTDIR]
# Compiles the clinic echo oracle into OUTDIR/EchoServer.exe (default: bin/ next to this script, not tracked)
# with mono's mcs. internal/oracletest runs this script with OUTDIR in the user cache directory.
set -e
cd "$(dirname "$0")"
OUT=${1:-bin}
mkdir -p "$OUT"
REFS="-r:System.Runtime.Serialization -r:System.Xml -r:System.Core -r:System.Net.Http -r:System.Net.Http.Formatting -r:System.Web.Http -r:System.Web.Http.SelfHost -r:System.ServiceModel -r:Mono.Posix -r:System.ComponentModel.DataAnnotations"
mcs -nologo -out:"$OUT/EchoServer.exe" $REFS Docs.cs ObjectGenerator.cs WebApiCompat.cs Contracts.cs Api.cs Server.cs
