#!/usr/bin/env bash
# Runs every test of Keel from a fresh clone: installs what is missing, builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
python3 scripts/check_schemas.py
swift build --build-tests
swift test
