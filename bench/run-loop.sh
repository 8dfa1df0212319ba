#!/usr/bin/env bash
# The edit-build loop of a service scaffolded by `keel init`: add one nullable column to one table and build again.
# The scaffold depends on KEEL_CHECKOUT by path and compiles its spec through the KeelPlugin build plugin (debug).
#
# Usage: bench/run-loop.sh TABLES KEEL_CHECKOUT
#   TABLES         tables of bench/synthetic_spec.py's spec (one resource endpoint per table, no custom endpoints)
#   KEEL_CHECKOUT  the Keel the scaffold depends on (a `git archive` of the commit to measure; replace its files in
#                  place to measure another commit, so that the dependencies' build products are reused)
# LOOP_ROOT (default /tmp/keel-loop) holds the scaffold, svc/, made by `keel init --database postgres` on the first
# run and reused after: its .build keeps the dependencies, so only the first run pays for them. A later run with
# another TABLES swaps in that spec and its first migration. KEEL (default .build/debug/keel) runs init.
# LOOP_TABLE_MODULES passes `--table-modules` to init (0: every table in the service's module, as before table
# modules; default: init's choice from the spec's size); a run with another layout swaps in Package.swift and the
# modules' folders.
#
# Prints the time of each build, each under the shared build lock:
#   build    the first after the scaffold, spec or Keel changed (everything the change touches)
#   no-op    the next build with nothing changed (SwiftPM's plugin and tool checks)
#   edit     after adding `loop_note_<n>: { type: text, nullable: true }` to table_<TABLES/2>: the loop's figure
#   no-op2   once more
# Logs are in LOOP_ROOT/TABLES-<step>.log; `swift build -v` is used, so they show what each build ran, each line stamped
# with the seconds since the build started. "module Loop" is the service module's compile (its -emit-module job and
# the changed files), "link" the link of the executable to the end of the build; "-" when the build did not run it.
# LOOP_LOCK_HELD=1 skips taking the lock per build, for a caller that holds it for the whole run:
#   LOOP_LOCK_HELD=1 flock /tmp/keel-build.lock bench/run-loop.sh 1000 /tmp/keel-loop/keel
set -euo pipefail
cd "$(dirname "$0")/.."
tables=$1 checkout=$2
keel=${KEEL:-$PWD/.build/debug/keel}
root=${LOOP_ROOT:-/tmp/keel-loop}
mkdir -p "$root"
rm -rf "$root/spec-$tables" "$root/init-$tables"
python3 bench/synthetic_spec.py "$root/spec-$tables" "$tables" "$tables"
"$keel" init loop --spec "$root/spec-$tables/spec/spec.yaml" --dir "$root/init-$tables" --keel "$checkout" --database postgres \
  ${LOOP_TABLE_MODULES:+--table-modules "$LOOP_TABLE_MODULES"} > "$root/init-$tables.log"
if [ ! -d "$root/svc" ]; then
  mv "$root/init-$tables" "$root/svc"
else
  # Same package, another spec: its spec, first migration and handlers replace the old ones.
  for part in spec migrations SyntheticHandlers.swift; do
    rm -rf "$root/svc/Sources/Loop/$part"
    cp -R "$root/init-$tables/Sources/Loop/$part" "$root/svc/Sources/Loop/$part"
  done
  # And its table modules, when they differ (a new Package.swift makes SwiftPM plan the build again).
  if ! diff -r -q "$root/init-$tables/Sources/LoopTables" "$root/svc/Sources/LoopTables" > /dev/null 2>&1; then
    rm -rf "$root/svc/Sources/LoopTables"
    if [ -d "$root/init-$tables/Sources/LoopTables" ]; then cp -R "$root/init-$tables/Sources/LoopTables" "$root/svc/Sources/LoopTables"; fi
  fi
  cmp -s "$root/init-$tables/Package.swift" "$root/svc/Package.swift" || cp "$root/init-$tables/Package.swift" "$root/svc/Package.swift"
  rm -rf "$root/init-$tables"
fi
cd "$root/svc"
spec=Sources/Loop/spec/spec.yaml
# SwiftPM 6.3 reuses its build plan while no manifest changed, even when the plugin's source did (then it compiles the
# new plugin but builds with the old one's outputs): a newer Package.swift makes it plan again. Only then, since a new
# plan also rebuilds the plugin's tool. The plugin's text decides, not its time: `git archive` dates files by their commit.
plugin_sum=$(sha256sum < "$checkout/Plugins/KeelPlugin/KeelPlugin.swift")
if [ ! -e .build/debug.yaml ] || [ "$plugin_sum" != "$(cat .build/keel-plugin.sum 2>/dev/null)" ]; then
  touch Package.swift
  mkdir -p .build && echo "$plugin_sum" > .build/keel-plugin.sum
fi

# The time is SwiftPM's own "Build complete! (…)", which leaves out the wait for the lock.
build() {
  local step=$1
  local log=$root/$tables-$step.log
  # Each line of the log starts with the seconds since the build started: -v prints a command as it starts.
  local stamped='set -o pipefail; swift build -v 2>&1 | perl -MTime::HiRes=time -ne '"'"'BEGIN { $s = time } printf "%.2f %s", time - $s, $_'"'"
  if [ -n "${LOOP_LOCK_HELD:-}" ]; then
    bash -c "$stamped" > "$log" || { tail -30 "$log"; exit 1; }
  else
    flock /tmp/keel-build.lock bash -c "$stamped" > "$log" || { tail -30 "$log"; exit 1; }
  fi
  local seconds swift tool
  seconds=$(grep -o 'Build complete! ([0-9.]*s)' "$log" | grep -o '[0-9.]*')
  # The service module's compile (its driver's start to the wrap of its interface) and the link, from the stamps.
  local module link
  module=$(awk '/ -module-name Loop / && !a { a = $1 } / -modulewrap .*Modules\/Loop\.swiftmodule/ && !b { b = $1 } END { if (a && b) printf "%.2f", b - a; else printf "-" }' "$log")
  link=$(awk '/swiftc -lstdc\+\+/ && !a { a = $1 } /Build complete!/ { b = $1 } END { if (a && b) printf "%.2f", b - a; else printf "-" }' "$log")
  # The service's files (its own and the plugin's outputs), and the plugin tool's files (built for the host, *-tool.build);
  # -v also prints the plugins' compile commands, run only when a plugin changed.
  swift=$( (grep -o ' -primary-file [^ ]*' "$log" || true) | (grep -e "$root/svc/Sources/" -e '/plugins/outputs/' || true) | sort -u | wc -l)
  tool=$( (grep -o -- '-o [^ ]*-tool.build/[^ ]*\.o' "$log" || true) | sort -u | wc -l)
  local modules
  modules=$( (grep -o -- ' -module-name LoopTables[0-9]* ' "$log" || true) | sort -u | wc -l)
  printf '%s tables, %-7s %7.2f s  (%s service files compiled, %s table modules; %s plugin-tool objects built; module Loop %s s, link %s s)\n' \
    "$tables" "$step" "$seconds" "$swift" "$modules" "$tool" "$module" "$link"
}

build build
build no-op
table=table_$(( tables / 2 ))
n=$(grep -c 'loop_note_' "$spec" || true)
python3 - "$spec" "$table" "$n" <<'PY'
import sys
path, table, n = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
anchor = f"\n  {table}:\n    columns:\n      id: id\n"
assert anchor in text, anchor
open(path, "w").write(text.replace(anchor, anchor + f"      loop_note_{n}: {{ type: text, nullable: true }}\n", 1))
PY
build edit
build no-op2
