#!/usr/bin/env bash
# Compile time and memory of the Swift that `keel generate` writes for the synthetic spec, in debug, as one library
# module (`Generated`) depending on KeelRuntime (PostgreSQL trait only).
#
# Usage: bench/run-compile.sh [TABLES] [ENDPOINTS]   (default 1000 tables, 5000 endpoints)
#   KEEL=path         the keel that generates the "after" sources (default .build/debug/keel, built if missing)
#   KEEL_BEFORE=path  a second keel (its templates bundle beside it): its sources are compiled too, before and after
#                     alternate ROUNDS times (default 2), so both are measured side by side in one run
#   FLOOR=1           compiles two more source sets in each round, written by bench/api_floor.py from the "after"
#                     output: "api" (only the models' stored properties, memberwise initializers, enums and Codable and
#                     Equatable: what the generated API makes Swift emit whatever the bodies) and "bare" (the same
#                     declarations without any conformance)
#   COMPILE_PROFILE=1 one more compile of each with -debug-time-function-bodies and -stats-output-dir: the slowest
#                     bodies, grouped by declaration (table numbers folded), and the frontend's time per phase
#   COMPILE_ROOT      (default /tmp/keel-compile) holds the bench package; its .build keeps KeelRuntime, built once
#   KEEL_RUNTIME      the Keel checkout the package depends on (default COMPILE_ROOT/keel: a `git archive` of HEAD,
#                     made when missing, so that edits in this working tree do not rebuild the runtime mid-run)
#   KEEL_RUNTIME_BEFORE  the checkout KEEL_BEFORE's sources compile against, when the runtime changed too (default
#                     KEEL_RUNTIME); the runtime is built again, not timed, whenever the compiles switch checkouts
# Every build takes the shared build lock (KEEL_BUILD_LOCK, default /tmp/keel-build.lock). Per compile it prints the
# wall clock of `swift build --target Generated` (after its build directory is removed), the largest compiler
# process and the peak of all compiler processes together (sampled every 0.2 s from /proc).
set -euo pipefail

# Sums the resident memory of every swift-frontend process every 0.2 s; prints the peak in MiB at SIGTERM.
sample_memory() {
  local peak=0
  trap 'echo $((peak / 1024)); exit 0' TERM
  while :; do
    local sum
    sum=$(awk '/^VmRSS:/ { s += $2 } END { print s + 0 }' /dev/null $(pgrep -x swift-frontend | sed 's|.*|/proc/&/status|') 2>/dev/null || echo 0)
    if [ "$sum" -gt "$peak" ]; then peak=$sum; fi
    sleep 0.2
  done
}

if [ "${1:-}" = sample ]; then sample_memory; fi
cd "$(dirname "$0")/.."
checkout=$PWD
tables=${1:-1000}
endpoints=${2:-5000}
root=${COMPILE_ROOT:-/tmp/keel-compile}
lock=${KEEL_BUILD_LOCK:-/tmp/keel-build.lock}
keel=${KEEL:-$checkout/.build/debug/keel}
[ -x "$keel" ] || flock "$lock" swift build --product keel >/dev/null
mkdir -p "$root/pkg/Sources/Generated"
runtime=${KEEL_RUNTIME:-$root/keel}
if [ ! -e "$runtime/Package.swift" ]; then
  mkdir -p "$runtime"
  git archive HEAD | tar -x -C "$runtime"
fi

write_manifest() { # $1: extra swiftc flags for Generated, as a Swift array literal's elements; $2: the runtime
  local runtime=$2
  cat >"$root/pkg/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CompileBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "$runtime", traits: ["PostgreSQL"])],
    targets: [
        .target(
            name: "Generated",
            dependencies: [.product(name: "KeelRuntime", package: "$(basename "$runtime" | tr 'A-Z' 'a-z')")],
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags([$1])]
        )
    ]
)
EOF
}

# Generates the spec's Swift with keel $2 into $root/src-$1.
generate() {
  local label=$1 bin=$2 dir=$root/gen-$1
  rm -rf "$dir"
  python3 bench/synthetic_spec.py "$dir" "$tables" "$endpoints"
  printf 'spec: spec\noutputs: { swift: generated/swift, openapi: null, migrations: null, marchproxy: null, typescript: null }\n' >"$dir/keel.yaml"
  "$bin" generate --config "$dir/keel.yaml" >/dev/null
  rm -rf "$root/src-$label"
  mv "$dir/generated/swift" "$root/src-$label"
  rm -rf "$dir"
}

# The runtime checkout the sources of $1 compile against.
runtime_of() {
  if [ "$1" = before ]; then echo "${KEEL_RUNTIME_BEFORE:-$runtime}"; else echo "$runtime"; fi
}

# Points the package at the runtime of $2 with the extra flags $1, and builds that runtime (not timed).
use_runtime() {
  write_manifest "$1" "$(runtime_of "$2")"
  (cd "$root/pkg" && flock "$lock" swift build --target KeelRuntime >"$root/runtime.log" 2>&1) || { tail -30 "$root/runtime.log"; exit 1; }
}

# Compiles the sources of $1 from scratch (only the Generated module); prints "seconds largest-MiB total-MiB".
compile() {
  local label=$1 log=$root/compile-$1.log
  rm -rf "$root/pkg/Sources/Generated" "$root/pkg/.build/debug/Generated.build" "$root/pkg/.build/debug/Modules/Generated."*
  cp -R "$root/src-$label" "$root/pkg/Sources/Generated"
  # A new plan: SwiftPM keeps its plan while the manifest is unchanged and would miss the removed build directory.
  touch "$root/pkg/Package.swift"
  flock "$lock" bash -c '
    set -e
    cd "$1/pkg"
    "$2" sample > "$1/peak" &
    sampler=$!
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$1/largest" swift build --target Generated -v > "$3" 2>&1 || { kill $sampler; tail -30 "$3"; exit 1; }
    end=$(date +%s.%N)
    kill -TERM $sampler; wait $sampler || true
    python3 -c "print(f\"{$end - $start:.1f}\")" > "$1/seconds"
  ' _ "$root" "$checkout/bench/run-compile.sh" "$log"
  echo "$(cat "$root/seconds") $(( $(cat "$root/largest") / 1024 )) $(cat "$root/peak")"
}

labels=(after)
generate after "$keel"
if [ -n "${KEEL_BEFORE:-}" ]; then
  labels=(before after)
  generate before "$KEEL_BEFORE"
fi
if [ -n "${FLOOR:-}" ]; then
  labels+=(api bare)
  for label in api bare; do
    rm -rf "$root/src-$label"
    python3 bench/api_floor.py $([ $label = bare ] && echo --bare) "$root/src-after" "$root/src-$label"
  done
fi
# KeelRuntime and its dependencies (not timed).
use_runtime '' after

echo "generated Swift of the synthetic spec: $tables tables, $endpoints endpoints ($(nproc) cores, debug)"
for label in "${labels[@]}"; do
  echo "  $label: $(ls "$root/src-$label"/Models | wc -l) model files, $(find "$root/src-$label" -name '*.swift' | wc -l) files, $(find "$root/src-$label" -name '*.swift' -exec cat {} + | wc -l) lines"
done
printf '%-8s %-6s %10s %14s %14s\n' round keel seconds "largest MiB" "all MiB"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for label in "${labels[@]}"; do
    [ -z "${KEEL_RUNTIME_BEFORE:-}" ] || use_runtime '' "$label"
    result=$(compile "$label")
    read -r seconds largest all <<<"$result"
    printf '%-8s %-6s %10s %14s %14s\n' "$round" "$label" "$seconds" "$largest" "$all"
  done
done

[ -n "${COMPILE_PROFILE:-}" ] || exit 0
for label in "${labels[@]}"; do
  stats=$root/stats-$label
  rm -rf "$stats" && mkdir -p "$stats"
  use_runtime "\"-Xfrontend\", \"-debug-time-function-bodies\", \"-stats-output-dir\", \"$stats\"" "$label"
  compile "$label" >/dev/null
  echo
  echo "== $label: frontend time by phase (seconds, summed over every frontend job)"
  python3 - "$stats" <<'PY'
import json, os, sys, collections
totals = collections.Counter()
for name in os.listdir(sys.argv[1]):
    with open(os.path.join(sys.argv[1], name)) as f:
        for key, value in json.load(f).items():
            if key.startswith("time.swift.") and key.endswith(".wall"):
                totals[key[len("time.swift."):-len(".wall")]] += value
for phase, seconds in totals.most_common(12):
    print(f"  {seconds:9.2f}  {phase}")
PY
  echo "== $label: type-checking of bodies, by declaration with numbers folded (seconds, declarations)"
  python3 - "$root/compile-$label.log" <<'PY'
import re, sys, collections
# A batch job prints its list once per primary file: each body counts once, at its location.
line = re.compile(r"^(\d+(?:\.\d+)?)ms\t(\S+?:\d+:\d+)\t(.*)$")
bodies = {}
for text in open(sys.argv[1], errors="replace"):
    m = line.match(text.rstrip("\n"))
    if m:
        bodies[m.group(2)] = (float(m.group(1)), m.group(3))
total, count = collections.Counter(), collections.Counter()
for location, (ms, decl) in bodies.items():
    file = re.sub(r"\d+", "N", location.rsplit("/", 1)[-1].split(":")[0])
    key = file + "  " + re.sub(r"\d+", "N", decl.split("@")[0])
    total[key] += ms / 1000
    count[key] += 1
print(f"  {sum(total.values()):9.1f}  {len(bodies):6d}  all bodies")
for key, seconds in total.most_common(15):
    print(f"  {seconds:9.1f}  {count[key]:6d}  {key[:140]}")
PY
done
write_manifest '' "$runtime"
