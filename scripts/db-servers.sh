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

# Certificates for the TLS tests, made once: a CA, a second CA nobody trusts, and a server certificate of the
# first for localhost only (so 127.0.0.1 is a wrong host name). Each server reads its own copy of the key.
tls_make() {
  local tls="$dir/tls" names="subjectAltName=DNS:localhost"
  grep -qx "$names" "$tls/server.ext" 2>/dev/null && return
  mkdir -p "$tls" && chmod 755 "$tls"
  for ca in ca other-ca; do
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=keel test $ca" \
      -keyout "$tls/$ca.key" -out "$tls/$ca.crt" 2>/dev/null
  done
  openssl req -newkey rsa:2048 -nodes -subj "/CN=keel test server" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
  echo "$names" >"$tls/server.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 3650 \
    -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
  for owner in postgres mysql; do
    install -o "$owner" -m 600 "$tls/server.key" "$tls/$owner-server.key"
  done
  chmod 644 "$tls"/*.crt
}

postgres_start() {
  mkdir -p "$dir"
  chmod 755 "$dir"
  tls_make
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    mkdir -p "$dir/pg" && chown postgres:postgres "$dir/pg"
    su postgres -c "$pg_bin/initdb -A trust -U postgres -D $dir/pg" >/dev/null
  fi
  # keel_tls may log in over TLS only: the server demands TLS of it.
  grep -q keel_tls "$dir/pg/pg_hba.conf" || sed -i '1i hostnossl all keel_tls all reject' "$dir/pg/pg_hba.conf"
  if ! su postgres -c "$pg_bin/pg_ctl -D $dir/pg status" >/dev/null 2>&1; then
    su postgres -c "$pg_bin/pg_ctl -D $dir/pg -l $dir/pg/server.log -w -o '-p $pg_port -c listen_addresses=127.0.0.1 -k $dir/pg -c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/postgres-server.key' start" >/dev/null
  fi
  su postgres -c "psql -h $dir/pg -p $pg_port -U postgres -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'keel_tls'\"" | grep -q 1 \
    || su postgres -c "psql -h $dir/pg -p $pg_port -U postgres -qc 'CREATE ROLE keel_tls LOGIN SUPERUSER'" >/dev/null
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
      --ssl-cert="$dir/tls/server.crt" --ssl-key="$dir/tls/mysql-server.key" --ssl-ca="$dir/tls/ca.crt" \
      --socket="$dir/my/server.sock" --pid-file="$dir/my/server.pid" --user=mysql >"$dir/my.log" 2>&1 &)
    for _ in $(seq 1 60); do
      mariadb-admin --no-defaults -h 127.0.0.1 -P "$my_port" -u root ping >/dev/null 2>&1 && break
      sleep 0.5
    done
  fi
  mariadb-admin --no-defaults -h 127.0.0.1 -P "$my_port" -u root ping >/dev/null
  mariadb --no-defaults -h 127.0.0.1 -P "$my_port" -u root -e \
    "$(for host in % localhost 127.0.0.1; do printf "CREATE USER IF NOT EXISTS 'keel_tls'@'%s' REQUIRE SSL; GRANT ALL ON *.* TO 'keel_tls'@'%s';" "$host" "$host"; done)"
  echo "export KEEL_TEST_POSTGRES_PORT=$pg_port KEEL_TEST_MYSQL_PORT=$my_port KEEL_TEST_TLS_DIR=$dir/tls"
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
