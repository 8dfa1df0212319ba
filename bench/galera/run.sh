#!/usr/bin/env bash
# The cluster test: a 3-node MariaDB Galera cluster on loopback, three replicas of the example service (release
# mode, the community tier: at most 100 products), each preferring a different node, and a bounded load of creates
# through all three; products race for the last free row again and again (load.py). Mid-load one node is killed
# with SIGKILL, later restarted; it rejoins by IST. Then check.py compares every answer with what each node holds,
# through the mariadb client, and prints the figures.
# Usage: bench/galera/run.sh [--short]   (--short: the version scripts/test.sh runs, about a minute)
# Needs: mariadb-server, galera-4, rsync (scripts/setup.sh), python3, and a built example-service
# (KEEL_SERVICE_BIN, default .build/debug/example-service).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/galera
if [ "${1:-}" = --short ]; then
  seconds=30 rate=8 max_creates=1500 kill_at=8 restart_at=16
else
  seconds=120 rate=15 max_creates=12000 kill_at=20 restart_at=60
fi
bin=${KEEL_SERVICE_BIN:-.build/debug/example-service}
product_limit=100 # the community tier of specs/example

missing=()
for tool in mariadbd mariadb mariadb-install-db rsync python3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -f /usr/lib/galera/libgalera_smm.so ] || missing+=("galera-4 (/usr/lib/galera/libgalera_smm.so)")
[ -x "$bin" ] || missing+=("$bin (swift build --product example-service)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "galera cluster test: missing ${missing[*]}; scripts/setup.sh installs the packages" >&2
  exit 1
fi
for port in 34301 34302 34303 34411 34412 34413 18201 18202 18203 18209; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done

dir=$(mktemp -d /tmp/keel-galera.XXXXXX)
chmod 755 "$dir"
# shellcheck source=cluster.sh
source "$here/cluster.sh"
service_pids=()
stub_pid=
cleanup() {
  for pid in "${service_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$stub_pid" ] && kill "$stub_pid" 2>/dev/null || true
  cluster_stop
  if [ "${KEEL_GALERA_KEEP:-}" = 1 ]; then echo "kept $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

echo "starting 3 Galera nodes in $dir"
cluster_start

python3 "$here/license_stub.py" 18209 community &
stub_pid=$!
secret=$(python3 -c 'print("g" * 48)')
# Replica R prefers node R: its DB_HOST lists all three starting there. SHUTDOWN_DRAIN_DELAY=0: draining is not
# under test here (bench/rollout tests it), so the replicas stop at once when the run ends.
start_replica() {
  local r=$1 hosts
  hosts=$(for i in 0 1 2; do printf '127.0.0.1:3430%s,' $(( (r - 1 + i) % 3 + 1 )); done)
  SHUTDOWN_DRAIN_DELAY=0 DB_TYPE=mysql GALERA_MODE=true DB_HOST=${hosts%,} DB_USER=root DB_PASS= DB_NAME=keel DB_POOL_SIZE=8 \
    PORT=1820$r HOST=127.0.0.1 SECRET_KEY="$secret" BCRYPT_COST=4 ADMIN_EMAIL=bench@example.com ADMIN_PASSWORD=bench-password \
    RELEASE_MODE=true LICENSE_KEY=PENG-GALE-RABE-NCH0-TEST-0001 LICENSE_SERVER_URL=http://127.0.0.1:18209 \
    LICENSE_CACHE_PATH="$dir/license$r.json" "$bin" >"$dir/replica$r.log" 2>&1 &
  service_pids+=($!)
  for _ in $(seq 1 200); do curl -sf "localhost:1820$r/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "replica $r did not start; its log:" >&2
  tail -20 "$dir/replica$r.log" >&2
  return 1
}
# One at a time: the first applies the migrations (GET_LOCK is per node, so concurrent first starts on different
# nodes would race), the others find them applied.
for r in 1 2 3; do start_replica "$r"; done
for r in 1 2 3; do
  echo "replica $r /readyz: $(curl -s "localhost:1820$r/readyz" | python3 -c 'import json, sys; d = json.load(sys.stdin)["dependencies"]; print(d["database_node"], d["wsrep_local_state_comment"])')"
done

python3 "$here/load.py" "$dir/load.json" --replicas http://127.0.0.1:18201,http://127.0.0.1:18202,http://127.0.0.1:18203 \
  --node-ports 34301,34302,34303 \
  --email bench@example.com --password bench-password --seconds "$seconds" --rate "$rate" --workers-per-replica 2 \
  --max-creates "$max_creates" &
load_pid=$!
sleep "$kill_at"
echo "SIGKILL node 1 at ${kill_at} s"
node_kill 1
sleep $((restart_at - kill_at))
echo "restarting node 1 at ${restart_at} s"
node_restart 1
node_wait_synced 1 120
echo "node 1 synced again, by $(grep -q 'IST received' "$dir/node1.log" && echo IST || echo SST)"
wait "$load_pid"
for n in 1 2 3; do node_wait_synced "$n" 60; done
for r in 1 2 3; do
  echo "replica $r /readyz: $(curl -s "localhost:1820$r/readyz" | python3 -c 'import json, sys; d = json.load(sys.stdin)["dependencies"]; print(d["database_node"], d["wsrep_local_state_comment"])')"
done
python3 "$here/check.py" "$dir/load.json" "$product_limit" 34301 34302 34303
