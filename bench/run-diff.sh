#!/usr/bin/env bash
# keel diff on the 1,000-table synthetic spec with its default 5,000 endpoints (1,000 resources, 4,000 custom
# endpoints) against a copy with 100 edits (300 changes of every class): the whole command, both specs loaded, best
# of 5; and NEW against itself, which only loads the two specs (most of a diff).
# Usage: bench/run-diff.sh [release|debug] (default release).
# Runs keel-plugin-tool, which carries `diff` without the runtime, so a release build stays short.
# Measured on the 2-core test machine (release): keel diff 0.664 s before the spec loading fixes of 2026-12-01,
# 0.50-0.54 s after them, 0.314 s (loading alone 0.302 s) once spec nodes were composed from libyaml's events
# (2026-12-02). docs/diff.md has the figures and profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${1:-release}
swift build -c "$configuration" --product keel-plugin-tool
keel=$PWD/.build/$configuration/keel-plugin-tool
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/synthetic_spec.py "$tmp/old" 1000 5000
python3 bench/diff_changes.py "$tmp/old" "$tmp/new" 100
cd "$tmp"
best() {
  local best=999
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N); "$@" > /dev/null || true; end=$(date +%s.%N)
    best=$(python3 -c "import sys; print(f'{min(float(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2])):.3f}')" "$best" "$start" "$end")
  done
  echo "$best"
}
{ "$keel" diff --from old/keel.yaml --to new/keel.yaml || true; } | tail -3 | head -1
echo "keel diff ($configuration), 1,000 tables, 5,000 endpoints, 100 edits:    $(best "$keel" diff --from old/keel.yaml --to new/keel.yaml --format json) s (best of 5)"
echo "the same, NEW against itself (loading only): $(best "$keel" diff --from new/keel.yaml --to new/keel.yaml --format json) s (best of 5)"
