#!/usr/bin/env bash
# Migration figures: planning 1,000 tables with 100 changed (release build), and the time to apply the
# example's first migration on SQLite, PostgreSQL and MariaDB (servers from scripts/db-servers.sh), through
# Keel's migrator (`keel migrate`, which reports the migration's own time) beside each database's own client.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product keel
swift run -c release keel-bench
eval "$(scripts/db-servers.sh start)"
keel=.build/release/keel
dir=specs/example/generated/migrations
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
migrate() { "$keel" migrate --dir "$dir" --url "$1" | sed -n 's/^applied \(.*\) in \(.*\) s$/\2/p'; }
fresh() {
  psql -h 127.0.0.1 -p "$KEEL_TEST_POSTGRES_PORT" -U postgres -q -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  mariadb --no-defaults -h 127.0.0.1 -P "$KEEL_TEST_MYSQL_PORT" -u root -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"
}
fresh keel_bench_client; fresh keel_bench_keel
tmp=$(mktemp -d)

s=$(date +%s.%N); sqlite3 -bail "$tmp/client.sqlite" < "$dir/sqlite/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on SQLite:     keel migrate $(migrate "sqlite:$tmp/keel.sqlite") s, sqlite3 $(elapsed "$s" "$e") s"
pg="-h 127.0.0.1 -p $KEEL_TEST_POSTGRES_PORT -U postgres"
s=$(date +%s.%N); psql $pg -d keel_bench_client -q -1 -v ON_ERROR_STOP=1 -f "$dir/postgres/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on PostgreSQL: keel migrate $(migrate "postgres://postgres@127.0.0.1:$KEEL_TEST_POSTGRES_PORT/keel_bench_keel") s, psql $(elapsed "$s" "$e") s"
s=$(date +%s.%N); mariadb --no-defaults -h 127.0.0.1 -P "$KEEL_TEST_MYSQL_PORT" -u root keel_bench_client < "$dir/mysql/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on MariaDB:    keel migrate $(migrate "mysql://root@127.0.0.1:$KEEL_TEST_MYSQL_PORT/keel_bench_keel") s, mariadb $(elapsed "$s" "$e") s"
