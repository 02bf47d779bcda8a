#!/usr/bin/env bash
# Measures Truce on PostgreSQL with one node and with two nodes on the same database, under wrk on
# loopback, beside /health in the same run so that the figures can be compared on a machine whose cores
# the client, the nodes and PostgreSQL all share.
#
#   bash scripts/scale-out.sh [seconds per run, default 20] [connections, default 64] [rounds, default 3]
#
# Starts a throwaway PostgreSQL cluster (scripts/postgres.sh), then node A (`truce serve --db <connection>`:
# migrations, the demo data, the first admin), makes a planner's read token, and measures
#   one node:  wrk at A with all connections;
#   two nodes: node B started on the same database; two wrk processes at once, half the connections each
#              (a load balancer's even split, without one in the way).
# For each: /health and `GET /api/v1/pledges` with the bearer token, in rounds; prints a Markdown table of
# the medians (requests/s summed over the nodes, p50 and p99 of the slower node, errors).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
connections=${2:-64}
rounds=${3:-3}
threads=2
port_a=${TRUCE_LOAD_PORT:-5081}
port_b=$((port_a + 1))

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }

work=$(mktemp -d)
pg=$(mktemp -d /tmp/truce-pg-scale.XXXXXX) # not inside $work: the cluster's owner (postgres) must reach it
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash scripts/postgres.sh stop "$pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Truce.Cli -c Release -v quiet -nologo >/dev/null
truce=$(ls src/Truce.Cli/bin/Release/net10.0/*/truce.dll 2>/dev/null | head -n 1 || true)
[ -n "$truce" ] || truce=src/Truce.Cli/bin/Release/net10.0/truce.dll

server=$(bash scripts/postgres.sh start "$pg")
connection="${server/Database=postgres/Database=truce}"
PGPASSWORD=$(printf '%s' "$server" | sed 's/.*Password=\([^;]*\).*/\1/') psql -q -h 127.0.0.1 \
  -p "$(printf '%s' "$server" | sed 's/.*Port=\([0-9]*\).*/\1/')" -U truce -d postgres -c 'CREATE DATABASE truce' >/dev/null
key="$work/audit.key"

start_node() { # $1: port
  Admin__Password='measured-under-load-passphrase' Logging__LogLevel__Default=Warning \
    dotnet "$truce" serve --db "$connection" --audit-key "$key" --urls "http://127.0.0.1:$1" >"$work/node-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$work/node-$1.log" >&2
  exit 1
}

start_node "$port_a"
dotnet "$truce" users add loader --role planner --password 'load-test-planner-passphrase' --db "$connection" --audit-key "$key" >/dev/null
token=$(dotnet "$truce" tokens create --user loader --name load --scope read --db "$connection" --audit-key "$key" | tail -n 1)

declare -A rps p50 p99 errors
# The figures of one wrk run: requests/s, p50, p99 (ms), errors.
measure() { # $1: connections, $2: url, [$3: header]
  local out
  if [ -n "${3:-}" ]; then
    out=$(wrk -t"$threads" -c"$1" -d"${seconds}s" --latency -H "$3" "$2")
  else
    out=$(wrk -t"$threads" -c"$1" -d"${seconds}s" --latency "$2")
  fi
  printf '%s\n' "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { r = $2 } $1 == "50%" { a = ms($2) } $1 == "99%" { b = ms($2) }
    /Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { e += $4 + $6 + $8 + $10 }
    END { printf "%.0f %s %s %d\n", r, a, b, e }'
}

run() { # $1: name, $2: nodes (1 or 2), $3: path, [$4: header]
  local name=$1 nodes=$2 path=$3 header=${4:-}
  local a b
  if [ "$nodes" = 1 ]; then
    a=$(measure "$connections" "http://127.0.0.1:$port_a$path" "$header")
    read -r r x y e <<<"$a"
  else
    measure $((connections / 2)) "http://127.0.0.1:$port_a$path" "$header" >"$work/a" &
    local pa=$!
    measure $((connections / 2)) "http://127.0.0.1:$port_b$path" "$header" >"$work/b" &
    wait "$pa" $!
    read -r ra xa ya ea <"$work/a"
    read -r rb xb yb eb <"$work/b"
    r=$((ra + rb)); x=$(awk -v a="$xa" -v b="$xb" 'BEGIN { print (a > b ? a : b) }'); y=$(awk -v a="$ya" -v b="$yb" 'BEGIN { print (a > b ? a : b) }'); e=$((ea + eb))
  fi
  rps[$name]+="$r "; p50[$name]+="$x "; p99[$name]+="$y "; errors[$name]+="$e "
}

median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
sum() { printf '%s\n' $1 | awk '{ s += $1 } END { print s + 0 }'; }

# Warm-up (JIT, compiled queries, connection pools), then one node.
for path in /health /api/v1/pledges; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port_a$path"; done
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port_a/api/v1/pledges" >/dev/null
for round in $(seq 1 "$rounds"); do
  run one-health 1 /health
  run one-list 1 /api/v1/pledges "Authorization: Bearer $token"
done

start_node "$port_b"
for path in /health /api/v1/pledges; do curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port_b$path"; done
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port_b/api/v1/pledges" >/dev/null
for round in $(seq 1 "$rounds"); do
  run two-health 2 /health
  run two-list 2 /api/v1/pledges "Authorization: Bearer $token"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
echo "Machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); wrk, the nodes and PostgreSQL $(ls -d /usr/lib/postgresql/*/ | sort -V | tail -n 1 | xargs basename) share the cores"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Command: bash scripts/scale-out.sh $seconds $connections $rounds  (wrk -t$threads, ${seconds}s runs, $rounds rounds, medians; two nodes: two wrk at once, $((connections / 2)) connections each)"
echo
echo "| nodes | request | req/s | p50 (ms) | p99 (ms) | ÷ /health | req/s in each round | errors |"
echo "|---|---|---:|---:|---:|---:|---|---:|"
for name in one-health one-list two-health two-list; do
  case $name in
    one-health) label='1 | `GET /health`' ; health=one-health ;;
    one-list) label='1 | `GET /api/v1/pledges` (50), bearer token' ; health=one-health ;;
    two-health) label='2 | `GET /health`' ; health=two-health ;;
    two-list) label='2 | `GET /api/v1/pledges` (50), bearer token' ; health=two-health ;;
  esac
  echo "| $label | $(median "${rps[$name]}") | $(median "${p50[$name]}") | $(median "${p99[$name]}") | $(ratio "$(median "${rps[$name]}")" "$(median "${rps[$health]}")") | ${rps[$name]% } | $(sum "${errors[$name]}") |"
done
echo
echo "Two nodes ÷ one node, the list: $(ratio "$(median "${rps[two-list]}")" "$(median "${rps[one-list]}")"); /health: $(ratio "$(median "${rps[two-health]}")" "$(median "${rps[one-health]}")")"
