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
# PluginPackageTests builds a package of its own (minutes, both cores): alone, after the rest, so it slows no timed test.
swift test --skip-build --skip PluginPackageTests
swift test --skip-build --filter PluginPackageTests
