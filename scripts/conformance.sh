#!/usr/bin/env bash
# Conformance of the example service to its OpenAPI document: schemathesis (PyPI, installed by setup.sh) sends
# generated requests (every phase, stateful included; every check) to the already built example-service on a
# fresh SQLite file, as an admin, and fails on any disagreement. See docs/conformance.md.
#
# Usage: scripts/conformance.sh [extra schemathesis options]
#   CONFORMANCE_EXAMPLES  test cases per operation and phase (default 100: the slice scripts/test.sh runs)
#   CONFORMANCE_SEED      seed, to repeat a run (default: random, printed)
#   KEEL_BIN_PATH         where example-service is (default: `swift build --show-bin-path`)
# A long run: CONFORMANCE_EXAMPLES=1000 scripts/conformance.sh --max-time 3600
set -euo pipefail
cd "$(dirname "$0")/.."

examples=${CONFORMANCE_EXAMPLES:-100}
seed=${CONFORMANCE_SEED:-$RANDOM$RANDOM}
bin_path=${KEEL_BIN_PATH:-$(swift build --show-bin-path)}
service="$bin_path/example-service"
[ -x "$service" ] || { echo "conformance: $service is missing: run swift build --build-tests first" >&2; exit 1; }
service="$(cd "$bin_path" && pwd)/example-service"

work=$(mktemp -d "${TMPDIR:-/tmp}/keel-conformance.XXXXXX")
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

admin_email=admin@conformance.example
# The secrets hold the marker scripts/check-secrets.sh looks for in the service's log.
admin_password=KEEL-TEST-SECRET-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
# A free loopback port: the kernel picks it, the socket closes, the service binds it right after.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# SHUTDOWN_DRAIN_DELAY=0: draining is not under test here (bench/rollout tests it), so the kill at the end stops
# the service at once instead of answering 5 s more for a load balancer there is none of.
(
  cd "$work"
  exec env SHUTDOWN_DRAIN_DELAY=0 HOST=127.0.0.1 PORT="$port" DB_TYPE=sqlite DB_PATH="$work/shop.db" BCRYPT_COST=4 \
    SECRET_KEY="KEEL-TEST-SECRET-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')" SMTP_PASSWORD="KEEL-TEST-SECRET-smtp" \
    ADMIN_EMAIL="$admin_email" ADMIN_PASSWORD="$admin_password" LICENSE_CACHE_PATH="$work/license.json" \
    "$service"
) >"$work/service.log" 2>&1 &
pid=$!

# Plain python3 speaks HTTP here, so nothing beyond setup.sh is needed.
http() {
  python3 - "$@" <<'PY'
import json, sys, urllib.request
method, url, token, body = sys.argv[1:5]
request = urllib.request.Request(url, method=method, data=body.encode() if body else None)
request.add_header("Content-Type", "application/json")
if token:
    request.add_header("Authorization", "Bearer " + token)
with urllib.request.urlopen(request, timeout=10) as answer:
    print(answer.read().decode())
PY
}
for _ in $(seq 1 100); do
  http GET "$base/readyz" "" "" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "conformance: example-service stopped:" >&2; cat "$work/service.log" >&2; exit 1; }
  sleep 0.1
done

login() {
  http POST "$base/api/v1/auth/login" "" "{\"email\": \"$admin_email\", \"password\": \"$admin_password\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
token=$(login)
# Logout's own token, taken now: once the run has failed enough logins, this address is throttled (429).
logout_token=$(login)
# The hooks keep generated requests from disabling or demoting this admin (scripts/conformance_hooks.py).
CONFORMANCE_ADMIN_ID=$(http GET "$base/api/v1/auth/me" "$token" "" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
export CONFORMANCE_ADMIN_ID SCHEMATHESIS_HOOKS=conformance_hooks PYTHONPATH="$(pwd)/scripts${PYTHONPATH:+:$PYTHONPATH}"

run() {
  # Through python3, so the pip-installed command need not be on PATH.
  python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis(prog_name="schemathesis"))' --config-file scripts/conformance.toml run "$(pwd)/specs/example/generated/openapi.yaml" --url "$base" \
    --checks all --max-examples "$examples" --seed "$seed" --workers 1 --no-color "$@"
}
echo "conformance: seed $seed, $examples examples per operation and phase, service log $work/service.log"
status=0
# Everything but logout, which would revoke the token the rest runs with; then logout alone, with a token of its own.
run --header "Authorization: Bearer $token" --exclude-operation-id logout --phases examples,coverage,fuzzing,stateful "$@" || status=$?
run --header "Authorization: Bearer $logout_token" --include-operation-id logout --phases examples,coverage,fuzzing "$@" || status=$?

# A 500 is logged as an error even when its envelope looks right; none may happen.
if grep -q '"level": *"\(error\|critical\)"' "$work/service.log"; then
  echo "conformance: the service logged errors:" >&2
  grep '"level": *"\(error\|critical\)"' "$work/service.log" | head -20 >&2
  status=1
fi
kill -0 "$pid" 2>/dev/null || { echo "conformance: example-service died during the run" >&2; status=1; }
# Kept for scripts/check-secrets.sh when the caller names a folder.
[ -n "${KEEL_LOG_DIR:-}" ] && cp "$work/service.log" "$KEEL_LOG_DIR/conformance-service.log"
exit "$status"
