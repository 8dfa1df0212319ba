#!/usr/bin/env bash
# Starts (or stops) throwaway PostgreSQL 15 and MariaDB servers on loopback for the tests.
# Usage: scripts/db-servers.sh start|stop   — prints the environment the tests read.
#        scripts/db-servers.sh postgres-start|postgres-stop   — only PostgreSQL (a test stops and restarts a
#        private server this way, with its own KEEL_DB_DIR and KEEL_TEST_POSTGRES_PORT).
set -euo pipefail
dir=${KEEL_DB_DIR:-/tmp/keel-test-db}
pg_port=${KEEL_TEST_POSTGRES_PORT:-55432}
my_port=${KEEL_TEST_MYSQL_PORT:-33306}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

postgres_start() {
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    mkdir -p "$dir/pg" && chown postgres:postgres "$dir/pg"
    su postgres -c "$pg_bin/initdb -A trust -U postgres -D $dir/pg" >/dev/null
  fi
  if ! su postgres -c "$pg_bin/pg_ctl -D $dir/pg status" >/dev/null 2>&1; then
    su postgres -c "$pg_bin/pg_ctl -D $dir/pg -l $dir/pg/server.log -w -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $dir/pg' start" >/dev/null
  fi
}

postgres_stop() {
  [ -f "$dir/pg/PG_VERSION" ] && su postgres -c "$pg_bin/pg_ctl -D $dir/pg -m fast stop" >/dev/null 2>&1 || true
}

start() {
  postgres_start
  if [ ! -d "$dir/my/mysql" ]; then
    mkdir -p "$dir/my" && chown mysql:mysql "$dir/my"
    mariadb-install-db --no-defaults --datadir="$dir/my" --user=mysql --auth-root-authentication-method=normal >/dev/null
  fi
  if ! mariadb-admin --no-defaults -h 127.0.0.1 -P "$my_port" -u root ping >/dev/null 2>&1; then
    (mariadbd --no-defaults --datadir="$dir/my" --port="$my_port" --bind-address=127.0.0.1 \
      --socket="$dir/my/server.sock" --pid-file="$dir/my/server.pid" --user=mysql >"$dir/my.log" 2>&1 &)
    for _ in $(seq 1 60); do
      mariadb-admin --no-defaults -h 127.0.0.1 -P "$my_port" -u root ping >/dev/null 2>&1 && break
      sleep 0.5
    done
  fi
  mariadb-admin --no-defaults -h 127.0.0.1 -P "$my_port" -u root ping >/dev/null
  echo "export KEEL_TEST_POSTGRES_PORT=$pg_port KEEL_TEST_MYSQL_PORT=$my_port"
}

stop() {
  postgres_stop
  [ -f "$dir/my/server.pid" ] && kill "$(cat "$dir/my/server.pid")" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  postgres-start) postgres_start ;;
  postgres-stop) postgres_stop ;;
  *) echo "usage: $0 start|stop|postgres-start|postgres-stop" >&2; exit 2 ;;
esac
