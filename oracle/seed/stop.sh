#!/bin/sh
# usage: stop.sh [PORT]   -- SIGTERM to the pid in run/PORT.pid (SIGKILL after 5 s), then removes the pid file.
cd "$(dirname "$0")" || exit 1
PORT=${1:-5081}
case "$PORT" in ''|*[!0-9]*) echo "usage: $0 PORT"; exit 2;; esac
[ -f "run/$PORT.pid" ] || { echo "no pid file for port $PORT"; exit 0; }
PID=$(cat "run/$PORT.pid")
if kill "$PID" 2>/dev/null; then echo "sent SIGTERM to $PID"; fi
i=0
while kill -0 "$PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
if kill -0 "$PID" 2>/dev/null; then echo "still alive, SIGKILL"; kill -9 "$PID"; fi
rm -f "run/$PORT.pid"
