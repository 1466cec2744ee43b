#!/usr/bin/env bash
# Installs the real .NET serializers the interop tests run against: mono and
# ASP.NET Web API self-host from Debian's packages (about 46 MB, 30 s).
# Safe to run again: it does nothing when everything is already there.
set -euo pipefail

pkgs=(mono-runtime mono-mcs libmono-system-web-http-selfhost4.0-cil libmono-posix4.0-cil)

have_all() {
  command -v mono >/dev/null && command -v mcs >/dev/null || return 1
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

if have_all; then
  echo "install-mono: already installed ($(mono --version | head -1))"
  exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi

for attempt in 1 2 3; do
  if $sudo apt-get update -q && \
     DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${pkgs[@]}"; then
    break
  fi
  echo "install-mono: attempt ${attempt} failed; retrying" >&2
  sleep $((attempt * 5))
done

have_all || { echo "install-mono: mono is still missing after install" >&2; exit 1; }
echo "install-mono: $(mono --version | head -1)"
