#!/bin/sh
# usage: build.sh [OUTDIR]
# Compiles the seed oracle with mono's mcs into OUTDIR (default: bin/ next to this script, not tracked):
#   OracleServer.exe  the Web API self-host (src/Contracts.cs + src/Server.cs)
#   DcsTest.exe       the DataContractSerializer probe (src/Contracts.cs + src/DcsTest.cs), no server
# internal/oracletest runs this script with OUTDIR in the user cache directory.
set -e
cd "$(dirname "$0")"
OUT=${1:-bin}
mkdir -p "$OUT"
REFS="-r:System.Runtime.Serialization -r:System.Xml -r:System.Core -r:System.Net.Http -r:System.Net.Http.Formatting -r:System.Web.Http -r:System.Web.Http.SelfHost -r:System.ServiceModel -r:Mono.Posix"
mcs -nologo -out:"$OUT/OracleServer.exe" $REFS src/Contracts.cs src/Server.cs
mcs -nologo -out:"$OUT/DcsTest.exe" $REFS src/Contracts.cs src/DcsTest.cs
