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
# The example service against its OpenAPI document (docs/conformance.md).
KEEL_LOG_DIR="$logs" scripts/conformance.sh 2>&1 | tee "$logs/conformance.log"
# PluginPackageTests builds a package of its own (minutes, both cores): alone, after the rest, so it slows no timed test.
swift test --skip-build --skip PluginPackageTests 2>&1 | tee "$logs/tests.log"
swift test --skip-build --filter PluginPackageTests 2>&1 | tee "$logs/plugin-tests.log"
bench/galera/run.sh --short 2>&1 | tee "$logs/galera.log"  # 3 Galera nodes, 3 replicas, one node killed mid-load
bench/rollout/run.sh --short 2>&1 | tee "$logs/rollout.log"  # 2 replicas behind HAProxy, one stopped under load
scripts/check-secrets.sh "$logs"/*.log
