#!/usr/bin/env bash
# Measures authenticated API reads under load with wrk, beside /health in the same run, so that the
# ratio between them means something on a machine whose cores the client and the server share.
#
#   bash scripts/load.sh [seconds per run, default 20] [connections, default 16] [rounds, default 3]
#
# Builds Truce (Release), starts `truce serve` on a fresh SQLite file with the demo data, makes a planner
# with an API token and a signed-in cookie, then runs wrk against /health and against one pledge and a
# page of pledges, each with the token and with the cookie, in rounds (each request in turn, then again),
# so that a slow minute of the machine does not fall on one request only. Prints a Markdown table of the
# medians over the rounds (requests/s, p50, p99, and the ratio to /health) and how many audit entries the
# reads added (the goal is none). The
# server writes its access log every second here, so the one entry a token's first use in a window
# makes (during the warm-up) is written before the measured runs start counting.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
connections=${2:-16}
rounds=${3:-3}
threads=2
port=${TRUCE_LOAD_PORT:-5077}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Truce.Cli -c Release -v quiet -nologo >/dev/null
truce=$(ls src/Truce.Cli/bin/Release/net10.0/*/truce.dll 2>/dev/null | head -n 1 || true)
[ -n "$truce" ] || truce=src/Truce.Cli/bin/Release/net10.0/truce.dll
db="$work/truce.db"
password='measured-under-load-passphrase'

Admin__Password=$password Logging__LogLevel__Default=Warning Security__AccessLogWriteEvery=00:00:01 \
  dotnet "$truce" serve --db "$db" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$base/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

# A planner: reads what markings allow, like most of the people and feeds that read the ledger.
dotnet "$truce" users add loader --role planner --password 'load-test-planner-passphrase' --db "$db" >/dev/null
token=$(dotnet "$truce" tokens create --user loader --name load --scope read --db "$db" | tail -n 1)

jar="$work/cookies"
form=$(curl -fs -c "$jar" -b "$jar" "$base/account/sign-in")
antiforgery=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" -X POST "$base/account/sign-in" \
  --data-urlencode "userName=loader" --data-urlencode "password=load-test-planner-passphrase" \
  --data-urlencode "__RequestVerificationToken=$antiforgery"
cookie=$(awk '$6 == "truce.session" { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "could not sign in with the form" >&2; exit 1; }

audit_rows() { sqlite3 "$db" 'select count(*) from AuditEntries;' 2>/dev/null || echo "?"; }

# Warm up every path once (JIT, EF's compiled queries), then measure.
warmup=$(audit_rows)
for path in /health /api/v1/pledges/1 /api/v1/pledges; do
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "$base$path"
  curl -fs -o /dev/null -H "Cookie: $cookie" "$base$path"
done
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "$base/api/v1/pledges/1" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -H "Cookie: $cookie" "$base/api/v1/pledges" >/dev/null
sleep 2 # the access log writes the token's first use in this window

before=$(audit_rows)
declare -A rps p50 p99 errors
run() {
  local name=$1 path=$2 header=${3:-}
  local out
  if [ -n "$header" ]; then
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "$header" "$base$path")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$base$path")
  fi
  rps[$name]+="$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }') "
  p50[$name]+="$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }') "
  p99[$name]+="$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }') "
  errors[$name]+="$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { print "socket" }' | paste -sd ' ')"
}

for round in $(seq 1 "$rounds"); do
  run health /health
  run token-one /api/v1/pledges/1 "Authorization: Bearer $token"
  run cookie-one /api/v1/pledges/1 "Cookie: $cookie"
  run token-page /api/v1/pledges "Authorization: Bearer $token"
  run cookie-page /api/v1/pledges "Cookie: $cookie"
done

# The median of the rounds' figures; latencies as wrk prints them (1.23ms, 456.00us, 1.02s), in ms.
median() {
  printf '%s\n' $1 | awk '{ v = $1; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v }' \
    | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

sleep 2 # anything the measured runs made the access log write is written by now
after=$(audit_rows)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
echo "Machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); client (wrk, $threads threads) and server share the cores"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Command: bash scripts/load.sh $seconds $connections $rounds  (wrk -t$threads -c$connections -d${seconds}s --latency; $rounds rounds, medians)"
echo
echo "| request | req/s | p50 (ms) | p99 (ms) | ÷ /health | req/s in each round | errors |"
echo "|---|---:|---:|---:|---:|---|---|"
for name in health token-one cookie-one token-page cookie-page; do
  case $name in
    health) label='`GET /health` (anonymous)' ;;
    token-one) label='`GET /api/v1/pledges/1`, bearer token' ;;
    cookie-one) label='`GET /api/v1/pledges/1`, cookie' ;;
    token-page) label='`GET /api/v1/pledges` (50), bearer token' ;;
    cookie-page) label='`GET /api/v1/pledges` (50), cookie' ;;
  esac
  echo "| $label | $(median "${rps[$name]}") | $(median "${p50[$name]}") | $(median "${p99[$name]}") | $(ratio "$(median "${rps[$name]}")" "$(median "${rps[health]}")") | ${rps[$name]% } | ${errors[$name]:-none} |"
done
echo
echo "Token read ÷ cookie read (medians): one pledge $(ratio "$(median "${rps[token-one]}")" "$(median "${rps[cookie-one]}")"), a page $(ratio "$(median "${rps[token-page]}")" "$(median "${rps[cookie-page]}")")"
echo "Audit entries: $warmup before the warm-up, $before after it (a token's first use in a window is recorded once), $after after the measured runs: the measured reads added $((after - before))."
