#!/usr/bin/env bash
# Migration figures: planning 1,000 tables with 100 changed (release build), and the time to apply the
# example's first migration on SQLite, PostgreSQL and MariaDB (servers from scripts/db-servers.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
swift run -c release keel-bench
eval "$(scripts/db-servers.sh start)"
dir=specs/example/generated/migrations
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
db=$(mktemp -d)/example.sqlite
s=$(date +%s.%N); sqlite3 -bail "$db" < "$dir/sqlite/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on SQLite:     $(elapsed "$s" "$e") s"
psql -h 127.0.0.1 -p "$KEEL_TEST_POSTGRES_PORT" -U postgres -q -c 'DROP DATABASE IF EXISTS keel_bench' -c 'CREATE DATABASE keel_bench'
s=$(date +%s.%N); psql -h 127.0.0.1 -p "$KEEL_TEST_POSTGRES_PORT" -U postgres -d keel_bench -q -1 -v ON_ERROR_STOP=1 -f "$dir/postgres/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on PostgreSQL: $(elapsed "$s" "$e") s"
mariadb --no-defaults -h 127.0.0.1 -P "$KEEL_TEST_MYSQL_PORT" -u root -e 'DROP DATABASE IF EXISTS keel_bench; CREATE DATABASE keel_bench'
s=$(date +%s.%N); mariadb --no-defaults -h 127.0.0.1 -P "$KEEL_TEST_MYSQL_PORT" -u root keel_bench < "$dir/mysql/0001_initial.sql"; e=$(date +%s.%N)
echo "apply example 0001 on MariaDB:    $(elapsed "$s" "$e") s"
