#!/usr/bin/env bash
# Runs the spec fuzzer long: 100,000 mutated specs by default, on a release build (docs/fuzzing.md).
# Any keel-fuzz option may follow, e.g. fuzz/run.sh --runs 1000000 --seed 7, or fuzz/run.sh --replay fuzz/crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product keel-fuzz
exec "$(swift build -c release --show-bin-path)/keel-fuzz" --runs 100000 "$@"
