#!/usr/bin/env bash
# Runs every test of Truce on a fresh Debian machine that has the .NET SDK (and usually node and npm).
# Installs what the tests need and is missing (Chromium for the browser tests; node/npm if absent),
# builds (npm packages are fetched by the build), runs all test projects, and ends with the plain line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests…"
  apt_install chromium || { echo "Could not install chromium"; exit 1; }
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "Installing node and npm for the front-end packages…"
  apt_install nodejs npm || { echo "Could not install npm"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building…"
if ! dotnet build Truce.slnx -c Release -v quiet -nologo; then
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test --solution Truce.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with "total/failed/succeeded/skipped" lines; sum them over projects.
passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s*skipped:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" = 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
