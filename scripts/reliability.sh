#!/usr/bin/env bash
# The reliability checks of docs/reliability.md, against a real server on loopback:
#
#   bash scripts/reliability.sh [seconds per check, default 20]
#
# 1. Concurrent writers: 8 clients update one pledge, then 8 clients update 8 pledges, each with the
#    version it read (If-Match). Counts the answers (no 5xx allowed), checks that every acknowledged update
#    made its own version, that versions are contiguous, and that `truce audit verify` passes.
# 2. Crashes: 3 rounds of writers creating pledges while the server is killed with SIGKILL; after each,
#    every acknowledged pledge must be in the file, `PRAGMA integrity_check` ok and `audit verify` clean.
# 3. Load during plans: 6 clients ask for plans (30 s limit) without pause while wrk reads /health and a
#    page of pledges; reports their p99 and how many plans were turned away (503).
# Prints a Markdown report. Needs curl, wrk and sqlite3 (apt-get install curl wrk sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
port=${TRUCE_RELIABILITY_PORT:-5078}
base="http://127.0.0.1:$port"
for tool in curl wrk sqlite3; do command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }; done

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null; jobs -p | xargs -r kill 2>/dev/null
  [ -n "${TRUCE_RELIABILITY_LOG:-}" ] && cp "$work/server.log" "$TRUCE_RELIABILITY_LOG"  # to read what the server said
  rm -rf "$work"; true
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
dotnet build src/Truce.Cli -c Release -v quiet -nologo >/dev/null
truce=$(ls src/Truce.Cli/bin/Release/net10.0/*/truce.dll 2>/dev/null | head -n 1)
db="$work/truce.db"
cli() { dotnet "$truce" "$@" --db "$db"; }

start() {
  Admin__Password='reliability-operator-passphrase' dotnet "$truce" serve --db "$db" --urls "$base" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && return; sleep 0.5; done
  cat "$work/server.log" >&2; exit 1
}

start
cli users add feed-one --role planner --password 'reliability-passphrase-2026' >/dev/null
token=$(cli tokens create --user feed-one --name reliability --scope read --scope pledges:write --scope planning:write | tail -n 1)
auth="Authorization: Bearer $token"
body() { printf '{"member":"GBR","title":"%s","category":"maritime","quantity":%d,"unit":"ships","sources":[{"url":"https://example.org/r"}],"reason":"reliability run"}' "$1" "$2"; }
new_pledge() { curl -fs -H "$auth" -H 'Content-Type: application/json' -d "$(body "$1" 1)" "$base/api/v1/pledges" | sed 's/^{"id":\([0-9]*\).*/\1/'; }

# Each writer: read the pledge's version, write with it; one line per answer: status and version written.
writer() {
  local id=$1 name=$2 until=$3 n=0
  while [ "$(date +%s)" -lt "$until" ]; do
    n=$((n + 1))
    local etag
    etag=$(curl -fs -D - -o /dev/null -H "$auth" "$base/api/v1/pledges/$id" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
    curl -s -o "$work/out.$name" -w '%{http_code}\n' -X PUT -H "$auth" -H 'Content-Type: application/json' -H "If-Match: $etag" \
      -d "$(body "$name round $n" $((n % 50 + 1)))" "$base/api/v1/pledges/$id" | while read -r code; do
        echo "$id $code $(grep -o '"version":[0-9]*' "$work/out.$name" | head -n 1 | cut -d: -f2)"
      done
  done >"$work/writer.$name"
}

concurrent() {
  local label=$1; shift
  local ids=("$@") until=$(($(date +%s) + seconds))
  rm -f "$work"/writer.*
  local pids=()
  for w in $(seq 0 7); do writer "${ids[$((w % ${#ids[@]}))]}" "w$w" "$until" & pids+=($!); done
  wait "${pids[@]}"
  local all total fivexx ok stale lost=0 gaps=0
  all=$(cat "$work"/writer.*)
  total=$(printf '%s\n' "$all" | grep -c .)
  fivexx=$(printf '%s\n' "$all" | awk '$2 >= 500' | grep -c . || true)
  ok=$(printf '%s\n' "$all" | awk '$2 == 200' | grep -c . || true)
  stale=$(printf '%s\n' "$all" | awk '$2 == 412' | grep -c . || true)
  for id in $(printf '%s\n' "${ids[@]}" | sort -u); do
    local acked versions
    acked=$(printf '%s\n' "$all" | awk -v id="$id" '$1 == id && $2 == 200 { print $3 }' | sort -n | uniq | grep -c . || true)
    versions=$(sqlite3 "$db" "select count(*), max(Version) from PledgeRevisions where PledgeId = $id;")
    [ "${versions%|*}" = "${versions#*|}" ] || gaps=$((gaps + 1))            # versions 1..max, none missing
    [ "$acked" -eq $((${versions#*|} - 1)) ] || lost=$((lost + 1))          # every acknowledged update is a version
  done
  local verify
  verify=$(cli audit verify >/dev/null 2>&1 && echo clean || echo BROKEN)
  echo "| $label | $total | $ok | $stale | $fivexx | $lost | $gaps | $verify |"
}

one=$(new_pledge "Raced by eight")
eight=(); for i in $(seq 1 8); do eight+=("$(new_pledge "Raced apart $i")"); done
echo "## Concurrent writers ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $seconds s each)"
echo
echo "| clients → pledges | requests | 200 | 412 | 5xx | pledges with a lost update | pledges with a gap in versions | audit verify |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
concurrent "8 → 1" "$one"
concurrent "8 → 8" "${eight[@]}"

# Crashes: writers create pledges; the server is killed mid-write; what it acknowledged must be there.
echo
echo "## Crashes (kill -9 during writes, 3 rounds)"
echo
echo "| round | pledges acknowledged before the kill | missing after restart | integrity_check | audit verify |"
echo "|---|---:|---:|---|---|"
for round in 1 2 3; do
  rm -f "$work"/acked.*
  crashers=()
  for w in 1 2 3 4; do
    ( n=0; while kill -0 "$server" 2>/dev/null; do n=$((n + 1)); t="crash r$round w$w n$n"
        id=$(curl -fs -H "$auth" -H 'Content-Type: application/json' -d "$(body "$t" 1)" "$base/api/v1/pledges" 2>/dev/null | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
        [ -n "$id" ] && echo "$id|$t" >>"$work/acked.$w"; done ) &
    crashers+=($!)
  done
  sleep 3
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  wait "${crashers[@]}" 2>/dev/null || true
  acked=$(cat "$work"/acked.* 2>/dev/null | grep -c . || true)
  missing=0
  while IFS='|' read -r id title; do
    [ "$(sqlite3 "$db" "select count(*) from Pledges where Id = $id and Title = '$title';")" = 1 ] || missing=$((missing + 1))
  done < <(cat "$work"/acked.* 2>/dev/null)
  integrity=$(sqlite3 "$db" 'PRAGMA integrity_check;')
  verify=$(cli audit verify >/dev/null 2>&1 && echo clean || echo BROKEN)
  echo "| $round | $acked | $missing | $integrity | $verify |"
  start
done

# Load during plans: six clients keep the planner busy while wrk reads.
echo
echo "## Reads while 6 clients ask for plans of up to 30 s without pause"
echo
# The six plan clients are six connections of one wrk, so that spawning clients costs the machine nothing.
cat >"$work/plan.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"mission":"reassurance-force","timeLimitSeconds":30}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
wrk -t1 -c6 -d"$((2 * seconds + 6))s" -s "$work/plan.lua" "$base/api/v1/planning/plans" >"$work/plans.out" &
planners=$!
sleep 2
echo "| request | req/s | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|"
for path in /health /api/v1/pledges; do
  out=$(wrk -t2 -c16 -d"${seconds}s" --latency -H "$auth" "$base$path")
  echo "| \`GET $path\` | $(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }') | $(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }') | $(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }') |"
done
wait "$planners"
echo
echo "Plan requests during the reads: $(awk '/ requests in / { print $1 }' "$work/plans.out") in all, $(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/plans.out" | grep . || echo 0) not answered 200 (the queue's 503s); unhandled exceptions in the server's log over the whole run: $(grep -c 'An unhandled exception' "$work/server.log" || true)."
