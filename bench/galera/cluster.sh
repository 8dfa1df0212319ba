# A 3-node MariaDB Galera cluster on loopback, for bench/galera/run.sh (sourced; needs $dir).
# Node N (1..3): client port 3430N, gcomm 3441N, IST 3442N, SST 3443N; data in $dir/nodeN, log $dir/nodeN.log.
galera_lib=/usr/lib/galera/libgalera_smm.so
cluster_address="gcomm://127.0.0.1:34411,127.0.0.1:34412,127.0.0.1:34413"

node_port() { echo "3430$1"; }

node_sql() { # node_sql N SQL...: runs SQL through the mariadb client on node N
  local n=$1; shift
  mariadb --no-defaults -h 127.0.0.1 -P "$(node_port "$n")" -u root --connect-timeout=2 -N -B "$@"
}

node_status() { # node_status N VARIABLE: the value of a global status variable, empty when the node does not answer
  node_sql "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'
}

node_init() {
  local data="$dir/node$1"
  mkdir -p "$data" && chown mysql:mysql "$data"
  mariadb-install-db --no-defaults --datadir="$data" --user=mysql --auth-root-authentication-method=normal >"$dir/install$1.log" 2>&1
}

# The server's options; suspect/inactive timeouts are short so a dead node leaves the view within seconds.
node_options() {
  local n=$1
  echo --no-defaults --datadir="$dir/node$n" --user=mysql --bind-address=127.0.0.1 --port="$(node_port "$n")" \
    --socket="$dir/node$n.sock" --pid-file="$dir/node$n.pid" --log-error="$dir/node$n.log" \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 --innodb-buffer-pool-size=64M \
    --innodb-flush-log-at-trx-commit=2 --max-connections=200 \
    --wsrep-on=ON --wsrep-provider="$galera_lib" --wsrep-cluster-name=keel-bench --wsrep-cluster-address="$cluster_address" \
    --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:3441$n" --wsrep-sst-method=rsync \
    --wsrep-sst-receive-address="127.0.0.1:3443$n" \
    "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:3441$n;ist.recv_addr=127.0.0.1:3442$n;evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S;gcache.size=128M"
}

node_start() { # node_start N [extra options]: starts node N in the background and records its pid
  local n=$1; shift
  # shellcheck disable=SC2046
  mariadbd $(node_options "$n") "$@" >>"$dir/node$n.out" 2>&1 &
  echo $! >"$dir/node$n.mpid"
}

node_wait_synced() { # node_wait_synced N SECONDS
  local n=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$(cat "$dir/node$n.mpid")" 2>/dev/null || break
    [ "$(node_status "$n" wsrep_local_state_comment)" = Synced ] && [ "$(node_status "$n" wsrep_ready)" = ON ] && return 0
    sleep 0.5
  done
  echo "node $n is not synced (waited up to $2 s); the end of its log:" >&2
  tail -20 "$dir/node$n.log" >&2
  return 1
}

# After a crash grastate.dat holds seqno -1: recover the last committed position from InnoDB so the node can
# rejoin by incremental state transfer (IST) from a peer's gcache instead of a full copy.
node_restart() {
  local n=$1 position
  # shellcheck disable=SC2046
  mariadbd $(node_options "$n") --wsrep-recover --log-error="$dir/node$n.recover.log" >/dev/null 2>&1 || true
  position=$(sed -n 's/.*WSREP: Recovered position: *//p' "$dir/node$n.recover.log" | tail -1)
  if [ -n "$position" ]; then node_start "$n" --wsrep-start-position="$position"; else node_start "$n"; fi
}

node_kill() { # SIGKILL: no shutdown, no goodbye to the cluster
  kill -KILL "$(cat "$dir/node$1.mpid")"
}

cluster_start() {
  chown mysql:mysql "$dir" # the servers write their logs, sockets and pid files there
  for n in 1 2 3; do node_init "$n"; done
  node_start 1 --wsrep-new-cluster
  node_wait_synced 1 60
  node_sql 1 -e "CREATE DATABASE keel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  for n in 2 3; do
    node_start "$n"
    node_wait_synced "$n" 90
  done
}

cluster_stop() {
  for n in 1 2 3; do
    [ -f "$dir/node$n.mpid" ] && kill -TERM "$(cat "$dir/node$n.mpid")" 2>/dev/null || true
  done
  for n in 1 2 3; do
    [ -f "$dir/node$n.mpid" ] || continue
    local pid; pid=$(cat "$dir/node$n.mpid")
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
