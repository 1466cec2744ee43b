#!/bin/sh
# usage: build.sh [OUTDIR]
# Compiles the dispensary echo oracle into OUTDIR/EchoServer.exe (default: bin/ next to this script, not tracked)
# with mono's mcs. The echo server, the sample generator and the Web API 2 compatibility layer are the clinic
# oracle's (../clinic); only the contracts and controllers are this API's.
set -e
cd "$(dirname "$0")"
OUT=${1:-bin}
mkdir -p "$OUT"
REFS="-r:System.Runtime.Serialization -r:System.Xml -r:System.Core -r:System.Net.Http -r:System.Net.Http.Formatting -r:System.Web.Http -r:System.Web.Http.SelfHost -r:System.ServiceModel -r:Mono.Posix -r:System.ComponentModel.DataAnnotations"
C=../clinic
mcs -nologo -out:"$OUT/EchoServer.exe" $REFS $C/Docs.cs $C/ObjectGenerator.cs $C/WebApiCompat.cs Contracts.cs Api.cs $C/Server.cs
