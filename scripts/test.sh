#!/usr/bin/env bash
# Runs every test of Truce on a fresh Debian machine that has the .NET SDK (and usually node and npm).
# Installs what the tests need and is missing (Chromium for the browser tests; node/npm if absent;
# PostgreSQL 15 and PostGIS), builds (npm packages are fetched by the build), runs all test projects on
# SQLite and again on a throwaway PostgreSQL cluster (scripts/postgres.sh), and ends with the plain line
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

bash scripts/postgres.sh install || { echo "Could not install PostgreSQL and PostGIS"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building…"
if ! dotnet build Truce.slnx -c Release -v quiet -nologo; then
  echo "0 passed, 1 failed"
  exit 1
fi

# The suite runs once per store; the store-independent projects (Core, Planning) run on the first pass only.
total_passed=0 total_failed=0 total_skipped=0 status=0
failures=$(mktemp)
run_suite() { # $1: store, then the test projects
  local store=$1 log code passed failed skipped
  shift
  log=$(mktemp)
  echo "Testing on ${store}…"
  TRUCE_TEST_STORE=$store dotnet test "$@" -c Release --no-build 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  # Microsoft.Testing.Platform closes with "total/failed/succeeded/skipped" lines; take the summary's.
  passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  skipped=$(grep -E '^\s*skipped:\s*[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  # CI shows only the tail of the run: keep each failed test's name and first lines for the end.
  awk '/^[[:space:]]*failed [A-Za-z_]/ {n=25} n > 0 {print; n--}' "$log" >> "$failures"
  rm -f "$log"
  if [ "$code" -ne 0 ] && [ "${failed:-0}" = 0 ]; then failed=1; fi
  echo "${store}: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
  total_passed=$((total_passed + ${passed:-0})); total_failed=$((total_failed + ${failed:-0})); total_skipped=$((total_skipped + ${skipped:-0}))
  [ "$code" -eq 0 ] || status=$code
}

run_suite sqlite --solution Truce.slnx

pg_dir=$(mktemp -d /tmp/truce-pg-test.XXXXXX)
if connection=$(bash scripts/postgres.sh start "$pg_dir"); then
  export TRUCE_TEST_POSTGRES="$connection"
  # The projects whose tests touch a store (tests/Stores.slnf): storage, server, CLI.
  failed_before=$total_failed
  run_suite postgresql --solution tests/Stores.slnf
  if [ "$total_failed" != "$failed_before" ]; then
    echo "PostgreSQL's log (lock waits, statements over 5 s), last lines:"
    tail -n 40 "$pg_dir/server.log" 2>/dev/null || true
  fi
  bash scripts/postgres.sh stop "$pg_dir"
else
  echo "Could not start PostgreSQL: the PostgreSQL half did not run"
  total_failed=$((total_failed + 1)); status=1
fi

if [ -s "$failures" ]; then
  echo "Failed tests (first lines of each):"
  cat "$failures"
fi
rm -f "$failures"
echo "${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
exit "$status"
