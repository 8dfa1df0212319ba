#!/usr/bin/env bash
# The generated service beside a minimal hand-written Hummingbird + GRDB service, in one run: requests/s and
# p99 latency of GET /products/{id} and GET /products (bearer token checked by both), and resident memory.
# Release builds, SQLite (WAL) with 1,000 products, wrk on loopback. Usage: bench/run-service.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }

for port in 18090 18091; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
swift build -c release --product example-service >/dev/null
swift build -c release --product keel-baseline-service >/dev/null
bin=$(swift build -c release --show-bin-path)
dir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$dir"' EXIT
secret=$(python3 -c 'print("s" * 48)')

(cd "$dir" && DB_PATH="$dir/bench.db" PORT=18090 HOST=127.0.0.1 SECRET_KEY="$secret" BCRYPT_COST=4 \
  ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password exec "$bin/example-service" >"$dir/service.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 100); do curl -sf localhost:18090/healthz >/dev/null && break; sleep 0.1; done
sqlite3 "$dir/bench.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
  INSERT INTO products (sku, name, price_cents, title) SELECT 'SKU-' || i, 'Product ' || i, i * 10, 'Title ' || i FROM n;"
token=$(curl -s -X POST localhost:18090/api/v1/auth/login -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
(DB_PATH="$dir/bench.db" PORT=18091 SECRET_KEY="$secret" exec "$bin/keel-baseline-service" >"$dir/baseline.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 100); do curl -sf -H "Authorization: Bearer $token" localhost:18091/api/v1/products/1 >/dev/null && break; sleep 0.1; done

rss() { ps -o rss= -p "$(pgrep -f "$1" | head -1)" | awk '{printf "%.1f", $1 / 1024}'; }
idle_generated=$(rss "$bin/example-service"); idle_baseline=$(rss "$bin/keel-baseline-service")

# wrk: requests/s and the 99th percentile in ms.
load() {
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$1")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}')
  echo "$rps $p99"
}

echo "| endpoint | generated req/s | baseline req/s | ratio | generated p99 ms | baseline p99 ms |"
echo "|---|---|---|---|---|---|"
for path in "/api/v1/products/500" "/api/v1/products"; do
  read -r g_rps g_p99 < <(load "http://127.0.0.1:18090$path")
  busy_generated=$(rss "$bin/example-service")
  read -r b_rps b_p99 < <(load "http://127.0.0.1:18091$path")
  busy_baseline=$(rss "$bin/keel-baseline-service")
  ratio=$(python3 -c "print(f'{$g_rps / $b_rps:.2f}')")
  echo "| GET $path | $g_rps | $b_rps | $ratio | $g_p99 | $b_p99 |"
done
echo
echo "resident memory MiB: generated idle $idle_generated, under load $busy_generated; baseline idle $idle_baseline, under load $busy_baseline"
