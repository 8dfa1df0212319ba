#!/usr/bin/env bash
# Times keel (release build) on the synthetic spec: validate and an unchanged re-run (best of 5, peak memory),
# then fresh generations (bench/generation_runs.py: ROUNDS runs, default 5, each part of `keel generate
# --timings`). Every output is on (the spec's keel.yaml leaves migrations, marchproxy and typescript at their
# defaults). Usage: bench/run.sh [TABLES] [ENDPOINTS]   (default 1000 tables, 5000 endpoints)
# The build takes the shared build lock (KEEL_BUILD_LOCK, default /tmp/keel-build.lock). KEEL_BIN=path times
# that keel binary instead of building one; KEEL_BEFORE=path runs a second keel's fresh generations alternated with
# the first, side by side (each binary needs its templates bundle beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
tables=${1:-1000}
endpoints=${2:-5000}

if [ -n "${KEEL_BIN:-}" ]; then
  keel=$KEEL_BIN
else
  flock "${KEEL_BUILD_LOCK:-/tmp/keel-build.lock}" swift build -c release --product keel >/dev/null
  keel="$(swift build -c release --show-bin-path)/keel"
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/synthetic_spec.py "$dir" "$tables" "$endpoints"

# Best of 5 wall-clock runs, in seconds, and the peak resident set of the last run (GNU time).
measure() {
  local best="" rss=""
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$dir/rss" "$keel" "$@" --config "$dir/keel.yaml" >"$dir/out" 2>&1 || { cat "$dir/out"; exit 1; }
    end=$(date +%s.%N)
    best=$(python3 -c "t=$end-$start; b='$best'; print(f'{min(t, float(b)) if b else t:.3f}')")
    rss=$(cat "$dir/rss")
  done
  echo "$best $((rss / 1024))"
}

read -r validate validate_mb < <(measure validate)
"$keel" generate --config "$dir/keel.yaml" >/dev/null
read -r rerun rerun_mb < <(measure generate)
written=$(grep -c -E '^(created|updated|removed) ' "$dir/out" || true)

echo "synthetic spec: $tables tables x 10 columns, $endpoints endpoints"
printf '%-28s %8s s  peak %5s MiB\n' "keel validate" "$validate" "$validate_mb"
printf '%-28s %8s s  peak %5s MiB  (%s files written)\n' "keel generate (unchanged)" "$rerun" "$rerun_mb" "$written"
echo "fresh runs, each into a new copy of the project ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)):"
python3 bench/generation_runs.py "$dir" "${ROUNDS:-5}" "$keel" ${KEEL_BEFORE:+"$KEEL_BEFORE"}
