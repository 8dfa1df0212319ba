#!/usr/bin/env bash
# Runs every test of Keel from a fresh clone: installs what is missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# PostgreSQL and MariaDB on loopback; the migration tests fail (never skip) without them.
eval "$(scripts/db-servers.sh start)"
trap 'scripts/db-servers.sh stop' EXIT
python3 scripts/check_schemas.py
swift build --build-tests
# What the suites print (service logs included) is kept, and must hold none of the secrets they set.
logs=$(mktemp -d)

# A hung test would hold CI to its own limit and show nothing (December 4: 78 silent minutes). So each run has a
# bound, writes line by line, and when it reaches the bound names the tests that started and never ended.
# Usage: bounded MINUTES LOG COMMAND...
bounded() {
  local minutes=$1 log=$2 status=0
  shift 2
  timeout --kill-after=30s "${minutes}m" stdbuf -oL -eL "$@" 2>&1 | tee "$log" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "test.sh: '$*' ran past its bound of $minutes minutes. Tests that started and never ended:" >&2
    comm -23 <(sed -nE 's/^◇ Test ([^ ]+) started\.$/\1/p' "$log" | sort -u) \
             <(sed -nE 's/^[✔✘] Test ([^ ]+) .*(passed|failed) after .*/\1/p' "$log" | sort -u) | sed 's/^/  /' >&2
  fi
  return "$status"
}
# The example service against its OpenAPI document (docs/conformance.md).
KEEL_LOG_DIR="$logs" bounded 15 "$logs/conformance.log" scripts/conformance.sh
# PluginPackageTests builds a package of its own (minutes, both cores): alone, after the rest, so it slows no timed test.
bounded 25 "$logs/tests.log" swift test --skip-build --skip PluginPackageTests
bounded 20 "$logs/plugin-tests.log" swift test --skip-build --filter PluginPackageTests
bounded 10 "$logs/galera.log" bench/galera/run.sh --short  # 3 Galera nodes, 3 replicas, one node killed mid-load
bounded 10 "$logs/rollout.log" bench/rollout/run.sh --short  # 2 replicas behind HAProxy, one stopped under load
scripts/check-secrets.sh "$logs"/*.log
