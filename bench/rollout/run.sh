#!/usr/bin/env bash
# The rolling-deploy test: two replicas of the built example service on one PostgreSQL database behind HAProxy,
# which health-checks /readyz, under a steady load through HAProxy. Replica 1 gets SIGTERM while a request to it
# waits on a row lock (rollout.py says what is checked); the full run also stops each replica in turn twice.
# Then a request held past a short SHUTDOWN_TIMEOUT is cut and the replica exits at the bound.
# Usage: bench/rollout/run.sh [--short]   (--short: the version scripts/test.sh runs, about 30 s)
# Needs: haproxy and psql (scripts/setup.sh), python3, the test PostgreSQL server (scripts/db-servers.sh; port
# KEEL_TEST_POSTGRES_PORT, default 55432), and a built example-service (KEEL_SERVICE_BIN, default
# .build/debug/example-service).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${KEEL_SERVICE_BIN:-.build/debug/example-service}
pg_port=${KEEL_TEST_POSTGRES_PORT:-55432}

missing=()
for tool in haproxy psql python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x "$bin" ] || missing+=("$bin (swift build --product example-service)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "rollout test: missing ${missing[*]}; scripts/setup.sh installs the packages" >&2
  exit 1
fi
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qtAc 'SELECT 1' >/dev/null \
  || { echo "rollout test: no PostgreSQL on 127.0.0.1:$pg_port (scripts/db-servers.sh start)" >&2; exit 1; }
for port in 18310 18311 18312; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done

dir=$(mktemp -d /tmp/keel-rollout.XXXXXX)
status=0
python3 bench/rollout/rollout.py "$dir" --bin "$bin" --pg-port "$pg_port" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  for log in "$dir"/*.log; do echo "--- $log (last lines)"; tail -15 "$log"; done >&2
fi
if [ "${KEEL_ROLLOUT_KEEP:-}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
exit "$status"
