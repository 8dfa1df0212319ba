#!/usr/bin/env bash
# What a rate limit costs: GET /api/v1/products/{id} (bearer token) on the example service without a rate limit
# (development mode) beside the same build with one in force (release mode, a license of the enterprise tier:
# 100000/second per user, which the load never reaches, so every request is counted and admitted), in one run.
# Release build, SQLite (WAL) with 1,000 products each, wrk on loopback, the two loads taking turns.
# Usage: bench/run-rate-limit.sh [SECONDS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-2}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }

for port in 18095 18096 18097; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
swift build -c release --product example-service >/dev/null
bin=$(swift build -c release --show-bin-path)
dir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$dir"' EXIT
secret=$(python3 -c 'print("r" * 48)')

python3 bench/galera/license_stub.py 18097 enterprise &
pids+=($!)
# start NAME PORT [VAR=VALUE...]: the example service on its own database, with 1,000 products and a token.
start() {
  local name=$1 port=$2
  shift 2
  # exec: the trap's kill reaches the service itself, not only a subshell.
  (cd "$dir" && exec env DB_PATH="$dir/$name.db" PORT="$port" HOST=127.0.0.1 SECRET_KEY="$secret" BCRYPT_COST=4 \
    ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password LICENSE_CACHE_PATH="$dir/$name-license.json" "$@" \
    "$bin/example-service" >"$dir/$name.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 100); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.1; done
  sqlite3 "$dir/$name.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO products (sku, name, price_cents, title) SELECT 'SKU-' || i, 'Product ' || i, i * 10, 'Title ' || i FROM n;"
}
token() {
  curl -s -X POST "localhost:$1/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}
start open 18095
start limited 18096 RELEASE_MODE=true LICENSE_KEY=PENG-RATE-BENC-H000-0000-0001 LICENSE_SERVER_URL=http://127.0.0.1:18097
open_token=$(token 18095)
limited_token=$(token 18096)
limit=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $limited_token" localhost:18096/api/v1/products/500 | tr -d '\r' | awk -F': ' 'tolower($1) == "ratelimit-limit" {print $2}')
[ -n "$limit" ] || { echo "the limited service answered without RateLimit-Limit: no rate limit in force" >&2; exit 1; }
[ -z "$(curl -s -D - -o /dev/null -H "Authorization: Bearer $open_token" localhost:18095/api/v1/products/500 | grep -i '^ratelimit-limit')" ] \
  || { echo "the open service answered with a rate limit" >&2; exit 1; }

# wrk: requests/s, the 99th percentile in ms, and answers other than 2xx (a 429 would mean the limit was reached).
load() {
  local out rps p99 bad
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $2" "http://127.0.0.1:$1/api/v1/products/500")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$rps $p99 ${bad:-0}"
}

echo "GET /api/v1/products/500, ${seconds} s per load, $rounds rounds; limit in force: $limit per second per user (enterprise tier)"
echo "| round | without limit req/s | with limit req/s | ratio | without p99 ms | with p99 ms | non-2xx with limit |"
echo "|---|---|---|---|---|---|---|"
sum_open=0 sum_limited=0
for round in $(seq 1 "$rounds"); do
  read -r o_rps o_p99 _ < <(load 18095 "$open_token")
  read -r l_rps l_p99 l_bad < <(load 18096 "$limited_token")
  ratio=$(python3 -c "print(f'{$l_rps / $o_rps:.2f}')")
  echo "| $round | $o_rps | $l_rps | $ratio | $o_p99 | $l_p99 | $l_bad |"
  sum_open=$(python3 -c "print($sum_open + $o_rps)")
  sum_limited=$(python3 -c "print($sum_limited + $l_rps)")
done
echo
echo "ratio of throughput with the limit to without: $(python3 -c "print(f'{$sum_limited / $sum_open:.2f}')") (target >= 0.80)"
echo "rows in keel_rate_limits: $(sqlite3 "$dir/limited.db" 'SELECT COUNT(*) FROM keel_rate_limits')"
