#!/usr/bin/env bash
# Installs what a fresh Debian machine with Swift lacks for building and testing Keel. Safe to run again.
# `scripts/setup.sh build` installs only what building needs (the C libraries KeelRuntime links).
set -euo pipefail
only_build=false
[ "${1:-}" = build ] && only_build=true

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)
command -v git >/dev/null || need_apt+=(git)
# C libraries KeelRuntime links: SQLite (through GRDB) and the MariaDB client.
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
[ -f /usr/include/mariadb/mysql.h ] || need_apt+=(libmariadb-dev)
if ! $only_build; then
  # Real databases for the tests: SQLite's shell, PostgreSQL 15 and MariaDB servers.
  command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  command -v mariadbd >/dev/null || need_apt+=(mariadb-server)
  [ -f /usr/lib/galera/libgalera_smm.so ] && command -v rsync >/dev/null || need_apt+=(galera-4 rsync) # bench/galera: a cluster, SST by rsync
  command -v haproxy >/dev/null || need_apt+=(haproxy) # bench/rollout: the load balancer in front of two replicas
  # Certificates for the TLS tests of both servers.
  command -v openssl >/dev/null || need_apt+=(openssl)
  # The referees of the TypeScript client: tsc with React's types (which need csstype and prop-types),
  # and for the browser test esbuild, React DOM and headless Chromium.
  command -v tsc >/dev/null || need_apt+=(node-typescript)
  [ -f /usr/share/nodejs/@types/react/index.d.ts ] || need_apt+=(node-react)
  [ -d /usr/share/nodejs/csstype ] || need_apt+=(node-csstype)
  [ -d /usr/share/nodejs/@types/prop-types ] || need_apt+=(node-prop-types)
  [ -f /usr/share/nodejs/react-dom/client.js ] || need_apt+=(node-react-dom)
  command -v esbuild >/dev/null || need_apt+=(esbuild)
  command -v chromium >/dev/null || need_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

$only_build && exit 0
# The referees of the tests: openapi-spec-validator for the OpenAPI output, jsonschema for specs/keel.schema.json.
if ! python3 -c 'import openapi_spec_validator, jsonschema, yaml' 2>/dev/null; then
  python3 -m pip install --quiet openapi-spec-validator jsonschema pyyaml
fi
# schemathesis drives scripts/conformance.sh; pinned, so a new release cannot change the verdict of a run.
if [ "$(python3 -c 'import schemathesis; print(schemathesis.__version__)' 2>/dev/null)" != 4.32.5 ]; then
  python3 -m pip install --quiet schemathesis==4.32.5
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://swift.org/install)" >&2; exit 1; }
