#!/usr/bin/env bash
# Times keel (release build) on the synthetic spec: validate, generate, an unchanged re-run; peak memory.
# Usage: bench/run.sh [TABLES] [ENDPOINTS]   (default 1000 tables, 5000 endpoints)
set -euo pipefail
cd "$(dirname "$0")/.."
tables=${1:-1000}
endpoints=${2:-5000}

swift build -c release --product keel >/dev/null
keel="$(swift build -c release --show-bin-path)/keel"
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
rm -rf "$dir/generated"
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$dir/rss" "$keel" generate --config "$dir/keel.yaml" >"$dir/first"
end=$(date +%s.%N)
generate=$(python3 -c "print(f'{$end-$start:.3f}')")
generate_mb=$(( $(cat "$dir/rss") / 1024 ))
read -r rerun rerun_mb < <(measure generate)
written=$(grep -c -E '^(created|updated|removed) ' "$dir/out" || true)

echo "synthetic spec: $tables tables x 10 columns, $endpoints endpoints"
printf '%-28s %8s s  peak %5s MiB\n' "keel validate" "$validate" "$validate_mb"
printf '%-28s %8s s  peak %5s MiB\n' "keel generate (fresh)" "$generate" "$generate_mb"
printf '%-28s %8s s  peak %5s MiB  (%s files written)\n' "keel generate (unchanged)" "$rerun" "$rerun_mb" "$written"
