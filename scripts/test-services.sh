#!/usr/bin/env bash
# Starts and stops the real services the test tiers use, on loopback and free ports, in a private
# folder: a throwaway PostgreSQL cluster and a Pushgateway without persistence.
#   scripts/test-services.sh start DIR   → writes DIR/env (export lines for the tests)
#   scripts/test-services.sh stop DIR
# A PostgreSQL cluster alone, for tests that stop and restart their own server (never the shared one):
#   scripts/test-services.sh start-postgres DIR   → writes DIR/env like `start`
#   scripts/test-services.sh stop-postgres DIR [fast|immediate]   (default immediate)
#   scripts/test-services.sh restart-postgres DIR  → starts a stopped cluster again on the same port
set -euo pipefail
usage="usage: test-services.sh start|stop|start-postgres|stop-postgres|restart-postgres DIR"
action=${1:?$usage}
dir=${2:?$usage}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for() {  # wait_for SECONDS COMMAND...
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# start_postgres: a new cluster in $dir/pg on a free loopback port, with the pebble role and the
# pebble_test database; appends its export lines to $dir/env. The server settings live in the
# cluster's postgresql.conf, so restart-postgres brings it back on the same port.
start_postgres() {
  local pg_port; pg_port=$(free_port)
  mkdir -p "$dir/pg"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/pg"
  as_postgres "$pg_bin/initdb" -D "$dir/pg/data" -U postgres -A trust --no-sync >"$dir/pg/initdb.log" 2>&1
  printf '%s\n' "listen_addresses = '127.0.0.1'" "port = $pg_port" "unix_socket_directories = '$dir/pg'" \
    "fsync = off" "max_connections = 200" | as_postgres tee -a "$dir/pg/data/postgresql.conf" >/dev/null
  postgres_ctl start
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE pebble LOGIN PASSWORD 'pebble-test' CREATEDB" -c "CREATE DATABASE pebble_test OWNER pebble" >/dev/null
  echo "export PEBBLE_TEST_POSTGRES_URL=postgresql://pebble:pebble-test@127.0.0.1:$pg_port/pebble_test" >>"$dir/env"
  echo "export PEBBLE_TEST_POSTGRES_ADMIN_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres" >>"$dir/env"
  echo "export PEBBLE_TEST_PG_CTL='$pg_bin/pg_ctl -D $dir/pg/data'" >>"$dir/env"
  echo "test-services: PostgreSQL on 127.0.0.1:$pg_port" >&2
}

# postgres_ctl start | stop MODE: starts (waiting until it accepts connections) or stops the cluster.
postgres_ctl() {
  if [ "$1" = start ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 start >/dev/null
  else
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -m "$2" -w stop >/dev/null 2>&1 || true
  fi
}

have_postgres() { [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; }

start() {
  mkdir -p "$dir"
  chmod 755 "$dir"
  : >"$dir/env"
  if have_postgres; then
    start_postgres
  else
    echo "test-services: PostgreSQL server binaries not found; PostgreSQL tests will skip (fail in CI)" >&2
  fi
  if command -v prometheus-pushgateway >/dev/null; then
    local pgw_port; pgw_port=$(free_port)
    prometheus-pushgateway --web.listen-address="127.0.0.1:$pgw_port" --persistence.file="" \
      >"$dir/pushgateway.log" 2>&1 &
    echo $! >"$dir/pushgateway.pid"
    wait_for 30 curl -sf "http://127.0.0.1:$pgw_port/-/ready"
    echo "export PEBBLE_TEST_PUSHGATEWAY_URL=http://127.0.0.1:$pgw_port" >>"$dir/env"
    echo "test-services: Pushgateway on 127.0.0.1:$pgw_port" >&2
  else
    echo "test-services: prometheus-pushgateway not found; push tests will skip (fail in CI)" >&2
  fi
}

stop() {
  if [ -f "$dir/pushgateway.pid" ]; then
    kill "$(cat "$dir/pushgateway.pid")" 2>/dev/null || true
    rm -f "$dir/pushgateway.pid"
  fi
  if [ -n "$pg_bin" ] && [ -f "$dir/pg/data/postmaster.pid" ]; then postgres_ctl stop immediate; fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  start-postgres)
    have_postgres || { echo "test-services: PostgreSQL server binaries not found" >&2; exit 1; }
    mkdir -p "$dir" && chmod 755 "$dir" && : >"$dir/env"
    start_postgres ;;
  stop-postgres) postgres_ctl stop "${3:-immediate}" ;;
  restart-postgres) postgres_ctl start ;;
  *) echo "test-services: unknown action '$action'" >&2; exit 2 ;;
esac
