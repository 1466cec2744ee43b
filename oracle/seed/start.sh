#!/bin/sh
# usage: start.sh [PORT] [server options]   (default port 5081)
# Starts the seed oracle in the background on 127.0.0.1:PORT and waits (at most 15 s) until it listens.
# Compiles bin/OracleServer.exe first when it is missing or older than a source file.
# pid: run/PORT.pid, log: run/PORT.log (both next to this script). TZ defaults to Africa/Johannesburg.
cd "$(dirname "$0")" || exit 1
PORT=${1:-5081}; [ $# -gt 0 ] && shift
case "$PORT" in ''|*[!0-9]*) echo "usage: $0 [PORT] [server options]"; exit 2;; esac
need=0
[ -f bin/OracleServer.exe ] || need=1
if [ $need = 0 ]; then for f in src/*.cs build.sh; do [ "$f" -nt bin/OracleServer.exe ] && need=1; done; fi
if [ $need = 1 ]; then ./build.sh || exit 1; fi
mkdir -p run
if [ -f "run/$PORT.pid" ] && kill -0 "$(cat "run/$PORT.pid")" 2>/dev/null; then
  echo "already running on port $PORT: pid $(cat "run/$PORT.pid")"; exit 1
fi
TZ=${TZ:-Africa/Johannesburg} nohup mono bin/OracleServer.exe "$PORT" "$@" > "run/$PORT.log" 2>&1 &
echo $! > "run/$PORT.pid"
n=0
until grep -q "listening on" "run/$PORT.log"; do
  sleep 0.05; n=$((n+1))
  if ! kill -0 "$(cat "run/$PORT.pid")" 2>/dev/null; then echo "server exited:"; cat "run/$PORT.log"; rm -f "run/$PORT.pid"; exit 1; fi
  if [ $n -gt 300 ]; then echo "not listening after 15 s (pid $(cat "run/$PORT.pid"), log run/$PORT.log)"; exit 1; fi
done
echo "pid $(cat "run/$PORT.pid"): $(grep 'listening on' "run/$PORT.log")"
