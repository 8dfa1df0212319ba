#!/usr/bin/env bash
# What tracing costs the generated service: requests/s and p99 of GET /api/v1/products/{id} (SQLite, 1,000 products,
# bearer token, wrk on loopback, release build) with OTEL_EXPORTER_OTLP_ENDPOINT unset and set (spans posted to a
# local sink that answers 200), beside KEEL_BEFORE_BIN (an example-service built before tracing existed) when given.
# Rounds alternate the variants so drift in the machine's load hits each alike. Usage: bench/run-tracing.sh [SECONDS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-2}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
for port in 18093 18094 18095 18096; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
dir=$(mktemp -d)
flock "${KEEL_BUILD_LOCK:-/tmp/keel-build.lock}" swift build -c release --product example-service >"$dir/build.log" 2>&1 || { tail -20 "$dir/build.log"; rm -rf "$dir"; exit 1; }
bin="$(swift build -c release --show-bin-path)/example-service"
pids=()
trap 'kill "${pids[@]}" $(cat "$dir"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$dir"' EXIT
secret=$(python3 -c 'print("s" * 48)')

# The OTLP sink: answers every export with an empty JSON object, as a collector does.
python3 - 18096 >"$dir/sink.log" 2>&1 <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        print(len(body), flush=True)
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"{}")
    def log_message(self, *args): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
pids+=($!)

# start NAME BINARY PORT [VAR=VALUE...]: a service on its own database of 1,000 products; prints its token.
start() {
  local name=$1 binary=$2 port=$3; shift 3
  mkdir -p "$dir/$name"
  (cd "$dir/$name" && exec env "$@" DB_PATH="$dir/$name/bench.db" PORT=$port HOST=127.0.0.1 SECRET_KEY="$secret" BCRYPT_COST=4 \
    ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password "$binary") >"$dir/$name/service.log" 2>&1 </dev/null &
  # start runs inside $(...): its pids never reach the caller's array, so the exit trap reads them from files.
  echo $! >"$dir/$name.pid"
  for _ in $(seq 1 100); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.1; done
  sqlite3 "$dir/$name/bench.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO products (sku, name, price_cents, title) SELECT 'SKU-' || i, 'Product ' || i, i * 10, 'Title ' || i FROM n;"
  curl -s -X POST "localhost:$port/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}

names=(off on); ports=(18093 18094); tokens=()
tokens+=("$(start off "$bin" 18093)")
tokens+=("$(start on "$bin" 18094 OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:18096 OTEL_SERVICE_NAME=bench)")
if [ -n "${KEEL_BEFORE_BIN:-}" ]; then
  names=(before "${names[@]}"); ports=(18095 "${ports[@]}")
  tokens=("$(start before "$KEEL_BEFORE_BIN" 18095)" "${tokens[@]}")
fi

# wrk: requests/s and the 99th percentile in ms.
load() {
  local out rps p99
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $2" "http://127.0.0.1:$1/api/v1/products/500")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}')
  echo "$rps $p99"
}

echo "GET /api/v1/products/500, ${seconds}s per run, $(nproc) cores"
echo "| round | variant | req/s | p99 ms | ratio to tracing off |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  declare -A rps=() p99=()
  for i in "${!names[@]}"; do
    read -r "rps[${names[$i]}]" "p99[${names[$i]}]" < <(load "${ports[$i]}" "${tokens[$i]}")
  done
  for name in "${names[@]}"; do
    echo "| $round | $name | ${rps[$name]} | ${p99[$name]} | $(python3 -c "print(f'{${rps[$name]} / ${rps[off]}:.3f}')") |"
  done
done
echo
echo "with tracing on, the sink received $(wc -l <"$dir/sink.log") exports, $(awk '{s += $1} END {printf "%.1f", s / 1048576}' "$dir/sink.log") MiB"
