#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS cluster on loopback, for tests, benchmarks and anyone trying Truce on
# PostgreSQL. Nothing is installed system-wide beyond Debian's packages; the cluster lives in one folder.
#
#   scripts/postgres.sh install          installs postgresql and postgresql-15-postgis-3 when missing
#   scripts/postgres.sh start [folder]   makes and starts a cluster (default folder: $TRUCE_PG_DIR or
#                                        /tmp/truce-pg) on a free port; prints its connection string and
#                                        writes it to <folder>/connection
#   scripts/postgres.sh stop [folder]    stops the cluster and removes the folder
#
# The cluster has one superuser, 'truce' (it creates databases and the postgis extension), with a random
# password kept in <folder>/connection. It listens on 127.0.0.1 only.
set -euo pipefail

folder="${2:-${TRUCE_PG_DIR:-/tmp/truce-pg}}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bindir() {
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] || { echo "PostgreSQL is not installed (run: scripts/postgres.sh install)" >&2; exit 1; }
  dirname "$initdb"
}

# Runs a PostgreSQL program as the cluster's owner: 'postgres' when we are root (initdb refuses root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing PostgreSQL and PostGIS…" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-15-postgis-3 >/dev/null
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

start() {
  local bin port password
  bin=$(bindir)
  if [ -f "$folder/connection" ] && as_owner "$bin/pg_ctl" -D "$folder/data" status >/dev/null 2>&1; then
    cat "$folder/connection"
    return 0
  fi
  rm -rf "$folder"
  mkdir -p "$folder"
  [ "$(id -u)" = 0 ] && chown postgres "$folder"
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$folder/password"
  [ "$(id -u)" = 0 ] && chown postgres "$folder/password"
  as_owner "$bin/initdb" -D "$folder/data" -U truce --pwfile="$folder/password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$folder/password"
  # Tuned for a throwaway cluster: durability off (a crash loses the cluster, which is thrown away anyway);
  # waits on locks and statements over 5 s go to <folder>/server.log.
  as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c log_lock_waits=on -c deadlock_timeout=1s -c log_min_duration_statement=5000" >/dev/null
  printf 'Host=127.0.0.1;Port=%s;Username=truce;Password=%s;Database=postgres\n' "$port" "$password" > "$folder/connection"
  cat "$folder/connection"
}

stop() {
  [ -d "$folder/data" ] || return 0
  as_owner "$(bindir)/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}

case "${1:-}" in
  install) install ;;
  start) install; start ;;
  stop) stop ;;
  *) echo "usage: scripts/postgres.sh install|start|stop [folder]" >&2; exit 2 ;;
esac
