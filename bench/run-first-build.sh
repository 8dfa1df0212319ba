#!/usr/bin/env bash
# The first build of a service scaffolded by `keel init`: what a new user waits for after `keel init`.
# Scaffolds a two-table service from a small spec into /tmp/traits-scaffold-LABEL, resolves its packages (not timed:
# clones come from SwiftPM's cache), then times `swift build` into a fresh scratch path under the shared build lock,
# and lists which database drivers were compiled.
#
# Usage: bench/run-first-build.sh LABEL KEEL_CHECKOUT [debug|release] [--database LIST]
#   LABEL          names the folder, /tmp/traits-scaffold-LABEL (removed first)
#   KEEL_CHECKOUT  the Keel the scaffold depends on by path (for "before", a `git archive` of an older commit)
#   --database     passed to keel init (sqlite, postgres, mysql, comma-separated); omit it for a keel without it
# KEEL (default .build/debug/keel of this checkout) runs init.
#
# Figures in bench/first-build.md (2-core test machine, 2026-12-01, one run each, debug): SQLite only 621 s before,
# 629 s after (GRDB still built, PostgresNIO not); PostgreSQL only 358 s after (no GRDB). Release (2026-12-03, one
# Keel, one run each): every driver 724 s, SQLite only 684 s, PostgreSQL only 623 s. Without AsyncHTTPClient (the
# ServiceClients trait, 2026-12-03, before/after from one queue): SQLite only 424 -> 285 s debug, 769 -> 553 s release.
set -euo pipefail
cd "$(dirname "$0")/.."
label=$1 checkout=$2 configuration=${3:-debug}
shift $(( $# < 3 ? $# : 3 ))
keel=${KEEL:-$PWD/.build/debug/keel}
root=/tmp/traits-scaffold-$label
rm -rf "$root" && mkdir -p "$root"
cat > "$root/shop.yaml" <<'YAML'
keel: 1
service: { name: shop, version: 1.0.0, base_path: /api/v1, auth: none }
tables:
  products:
    columns:
      id: id
      name: { type: string, max_length: 100 }
      price_cents: int
  orders:
    columns:
      id: id
      product_id: { type: ref, table: products, on_delete: restrict }
      quantity: { type: int, default: 1 }
endpoints:
  - resource: products
  - resource: orders
YAML
"$keel" init shop --spec "$root/shop.yaml" --dir "$root/shop" --keel "$checkout" "$@" > "$root/init.log"
grep -o '\.package(path:.*' "$root/shop/Package.swift" || true
cd "$root/shop"
swift package --scratch-path "$root/.build" resolve > "$root/resolve.log" 2>&1
flock /tmp/keel-build.lock /usr/bin/time -f '%e s wall, %M KB peak RSS' -o "$root/time.txt" \
  swift build -c "$configuration" --scratch-path "$root/.build" > "$root/build.log" 2>&1
modules=$(find "$root/.build/$configuration/Modules" -maxdepth 1 -name '*.swiftmodule' | wc -l)
drivers=$(for module in GRDB PostgresNIO KeelRuntime; do [ -e "$root/.build/$configuration/Modules/$module.swiftmodule" ] && printf '%s ' "$module"; done
          grep -qs mysql_real_connect "$root/.build/$configuration/KeelRuntime.build/MySQLConnection.swift.o" && printf 'MariaDB-client' || true)
steps=$(grep -o '^\[[0-9]*/[0-9]*\]' "$root/build.log" | tail -1 | tr -d '[]' | cut -d/ -f2)
echo "$label $configuration first build: $(cat "$root/time.txt"); $steps build steps, $modules Swift modules; compiled: $drivers"
