#!/usr/bin/env bash
# Times the TypeScript client on the synthetic spec: `keel generate` (release build) writing only the
# TypeScript output, and `tsc --strict --noEmit` on what it wrote, with the compile test's tsconfig.
# Usage: bench/run-typescript.sh [TABLES] [ENDPOINTS]   (default 1000 tables, 5000 endpoints)
# KEEL_CONFIGURATION=debug times a debug build instead. Builds take the shared build lock
# (KEEL_BUILD_LOCK, default /tmp/keel-build.lock).
set -euo pipefail
cd "$(dirname "$0")/.."
tables=${1:-1000}
endpoints=${2:-5000}

configuration=${KEEL_CONFIGURATION:-release}
flock "${KEEL_BUILD_LOCK:-/tmp/keel-build.lock}" swift build -c "$configuration" --product keel >/dev/null
keel="$(swift build -c "$configuration" --show-bin-path)/keel"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/synthetic_spec.py "$dir" "$tables" "$endpoints"
printf 'spec: spec\noutputs: { swift: null, openapi: null, migrations: null, marchproxy: null, typescript: generated/typescript }\n' >"$dir/keel.yaml"

seconds() { python3 -c "print(f'{$2-$1:.2f}')"; }

# Best of 3 forced generations (--force renders even when nothing changed).
best=""
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$keel" generate --force --config "$dir/keel.yaml" >/dev/null
  end=$(date +%s.%N)
  t=$(seconds "$start" "$end")
  best=$(python3 -c "b='$best'; print(min($t, float(b)) if b else $t)")
done

out="$dir/generated/typescript"
cp Tests/KeelGeneratorTests/TypeScript/tsconfig.json "$out/"
# Wall clock and CPU seconds (GNU time): on a shared machine the CPU time says more.
/usr/bin/time -f '%e %U %S' -o "$dir/tsc.time" tsc --strict --noEmit -p "$out/tsconfig.json" >"$dir/tsc.log" 2>&1 || { head -20 "$dir/tsc.log"; exit 1; }
read -r tsc_wall tsc_user tsc_sys <"$dir/tsc.time"
tsc_cpu=$(python3 -c "print(f'{$tsc_user+$tsc_sys:.2f}')")

echo "synthetic spec: $tables tables x 10 columns, $endpoints endpoints"
for file in types.ts client.ts hooks.ts; do
  printf '  %-10s %8s lines %6s KiB\n' "$file" "$(wc -l <"$out/$file")" "$(( $(wc -c <"$out/$file") / 1024 ))"
done
printf '%-36s %8s s  (%s build, best of 3)\n' "keel generate (TypeScript only)" "$best" "$configuration"
printf '%-36s %8s s  (CPU %s s; %s; load average %s)\n' "tsc --strict --noEmit" "$tsc_wall" "$tsc_cpu" "$(tsc --version)" "$(cut -d' ' -f1 /proc/loadavg)"
