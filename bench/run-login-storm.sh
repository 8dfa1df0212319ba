#!/usr/bin/env bash
# A login storm beside GET by id: the p99 latency of GET /products/{id} while 64 connections send wrong-password
# logins for SECONDS, against the same GET with no storm.
# Two storms: the default settings (the login throttle answers 429 once the account or address has failed too
# often), and the throttle lifted so every login runs bcrypt, which shows whether hashing stalls other requests.
# The example service on SQLite, bcrypt at its default cost (12), wrk on loopback.
# Usage: bench/run-login-storm.sh [SECONDS]
#   CONFIG=debug|release (default debug) picks the build; SERVICE_BIN=/path/to/example-service skips building.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
config=${CONFIG:-debug}
port=18092
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi

bin=${SERVICE_BIN:-}
if [ -z "$bin" ]; then
  # Builds share one lock with every other swift build on the machine when flock is there.
  lock=(); command -v flock >/dev/null && lock=(flock /tmp/keel-build.lock)
  if [ "$config" = release ]; then
    "${lock[@]}" swift build -c release --product example-service >/dev/null
  else
    "${lock[@]}" swift build --build-tests >/dev/null
  fi
  bin="$(swift build -c "$config" --show-bin-path)/example-service"
fi
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
secret=$(python3 -c 'print("s" * 48)')

# start EXTRA_ENV...: a fresh service on a fresh SQLite file; sets $pid and $token and makes product 1.
# SHUTDOWN_DRAIN_DELAY=0: draining is not under test here, so stop's kill-then-wait takes no 5 s more.
start() {
  rm -f "$dir"/bench.db*
  (cd "$dir" && exec env SHUTDOWN_DRAIN_DELAY=0 DB_PATH="$dir/bench.db" PORT=$port HOST=127.0.0.1 SECRET_KEY="$secret" \
    ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password "$@" "$bin" >"$dir/service.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 300); do curl -sf localhost:$port/healthz >/dev/null && break; sleep 0.1; done
  token=$(curl -s -X POST localhost:$port/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
  curl -sf -o /dev/null -X POST localhost:$port/api/v1/products -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"sku":"B-1","name":"Bench","price_cents":100,"title":"Bench"}'
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# The storm: wrong passwords for the admin's email; counts the answers by status.
cat >"$dir/storm.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.com","password":"wrong-password"}'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() statuses = {} end
function response(status) statuses[status] = (statuses[status] or 0) + 1 end
function done()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "x" .. count) end
  table.sort(parts)
  io.write("statuses ", table.concat(parts, " "), "\n")
end
LUA

# p99 of wrk's output in ms.
p99() { awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
# get FILE: GET by id over 4 connections for the run; a long timeout so slow answers count instead of vanishing.
get() { wrk -t1 -c4 -d"${seconds}s" --timeout 60s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/products/1" >"$1"; }

# storm NAME: the storm and the GET side by side; prints one table row.
storm() {
  wrk -t2 -c64 -d"${seconds}s" --timeout 60s -s "$dir/storm.lua" "http://127.0.0.1:$port/api/v1/auth/login" >"$dir/storm.out" &
  local storm_pid=$!
  sleep 0.5
  get "$dir/get.out"
  wait "$storm_pid"
  echo "| $1 | $(p99 "$dir/get.out") | $(rps "$dir/get.out") | $(rps "$dir/storm.out") | $(awk '/^statuses/ {$1=""; print}' "$dir/storm.out") |"
}

echo "| GET /products/1 | p99 ms | GET req/s | login req/s | login statuses |"
echo "|---|---|---|---|---|"
start
get "$dir/idle.out"
echo "| no storm | $(p99 "$dir/idle.out") | $(rps "$dir/idle.out") | - | - |"
storm "storm, default throttle"
stop
start LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000000 LOGIN_MAX_FAILURES_PER_ADDRESS=1000000000
storm "storm, throttle lifted"
stop
echo
echo "build: $bin; $(nproc) cores; storm: 64 connections of wrong-password logins for ${seconds}s; GET: 4 connections"
