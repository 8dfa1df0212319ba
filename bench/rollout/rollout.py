#!/usr/bin/env python3
"""The rolling-deploy test: two replicas of the built example service on one PostgreSQL database, behind HAProxy
that health-checks /readyz, under a steady load of reads and creates through HAProxy. Loopback only, stdlib only.

Phase 1 (graceful stop): a PATCH sent straight to replica 1 waits on a row lock the test holds in psql, so it
is in flight when replica 1 gets SIGTERM. Checked: /readyz on replica 1 answers 503 at once (with Connection:
close) while the drain delay keeps the listener open; the listener then closes while the PATCH is still
waiting; the PATCH gets its 200 once the lock is released; replica 1 exits with status 0 within SHUTDOWN_TIMEOUT;
the load sees no error at all (HAProxy retries nothing: `retries 0`, no redispatch).
Then replica 1 starts again and HAProxy takes it back (the full run also stops and restarts replica 2 in turn).
Phase 2 (cut): replica 1 restarts with a short SHUTDOWN_TIMEOUT and a PATCH held longer than that; checked: it
exits with status 1 at the bound, its log says one request was cut, and the load still sees no error.
Prints the figures; exits 1 when a check fails.
Usage: rollout.py WORKDIR --bin PATH --pg-port PORT [--short]
"""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("work")
parser.add_argument("--bin", required=True)
parser.add_argument("--pg-port", type=int, required=True)
parser.add_argument("--short", action="store_true")
args = parser.parse_args()

HOST = "127.0.0.1"
LB_PORT, R1_PORT, R2_PORT = 18310, 18311, 18312
DRAIN, TIMEOUT = 2, 10          # phase 1: SHUTDOWN_DRAIN_DELAY, SHUTDOWN_TIMEOUT (seconds)
CUT_DRAIN, CUT_TIMEOUT = 1, 3   # phase 2
HOLD = 4                        # phase 1: how long the lock holds the PATCH (past the drain delay, within the bound)
EMAIL, PASSWORD = "rollout@example.com", "rollout-password"
DATABASE = f"keel_rollout_{os.getpid()}"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def wait_until(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise SystemExit(f"rollout: timed out waiting for {what}")


def request(port, method, path, body=None, token=None, timeout=30):
    """One request on a new connection: (status, headers, parsed body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, (json.loads(data) if data else None)
    finally:
        connection.close()


def answers(port, path="/healthz"):
    try:
        return request(port, "GET", path, timeout=2)[0]
    except OSError:
        return None


def psql(sql, database=DATABASE):
    command = ["psql", "-h", HOST, "-p", str(args.pg_port), "-U", "postgres", "-d", database, "-qtAX", "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


class Replica:
    def __init__(self, name, port):
        self.name, self.port, self.process, self.starts = name, port, None, 0

    @property
    def log(self):
        return os.path.join(args.work, f"{self.name}-{self.starts}.log")

    def start(self, drain=DRAIN, timeout=TIMEOUT):
        self.starts += 1
        environment = dict(os.environ, DB_TYPE="postgres", DB_HOST=HOST, DB_PORT=str(args.pg_port), DB_USER="postgres",
                           DB_PASS="", DB_NAME=DATABASE, DB_POOL_SIZE="8", HOST=HOST, PORT=str(self.port),
                           SECRET_KEY="r" * 48, BCRYPT_COST="4", ADMIN_EMAIL=EMAIL, ADMIN_PASSWORD=PASSWORD,
                           LICENSE_CACHE_PATH=os.path.join(args.work, f"license-{self.name}.json"),
                           SHUTDOWN_DRAIN_DELAY=str(drain), SHUTDOWN_TIMEOUT=str(timeout))
        with open(self.log, "w") as log:
            self.process = subprocess.Popen([args.bin], env=environment, stdout=log, stderr=subprocess.STDOUT)
        wait_until(lambda: answers(self.port) == 200 or self.process.poll() is not None, 60, f"{self.name} to start")
        if self.process.poll() is not None:
            raise SystemExit(f"rollout: {self.name} stopped at start-up:\n" + open(self.log).read()[-3000:])

    def terminate(self):
        """SIGTERM; the instant it was sent."""
        sent = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        return sent

    def output(self):
        return open(self.log).read()


class Load:
    """Workers that send reads and creates through HAProxy at a steady pace and record every answer."""

    def __init__(self, token, ids, workers, pause):
        self.token, self.ids, self.pause = token, ids, pause
        self.records, self.lock, self.stopping = [], threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self.work, args=(n,)) for n in range(workers)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def work(self, worker):
        connection = http.client.HTTPConnection(HOST, LB_PORT, timeout=30)
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.token}
        n = 0
        while not self.stopping.is_set():
            n += 1
            if n % 4 == 0:
                method, path, expected = "POST", "/api/v1/products", 201
                body = json.dumps({"sku": f"load-{worker}-{n}", "name": "load", "title": "load", "price_cents": n})
            elif n % 4 == 1:
                method, path, expected, body = "GET", "/api/v1/products?limit=20&sort=-id", 200, None
            else:
                method, path, expected, body = "GET", f"/api/v1/products/{self.ids[n % len(self.ids)]}", 200, None
            began = time.monotonic()
            record = {"began": began, "method": method, "expected": expected}
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                record.update(status=response.status, replica=response.getheader("X-Replica"))
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                record.update(status=None, error=f"{type(error).__name__}: {error}")
                connection.close()
            record["ended"] = time.monotonic()
            with self.lock:
                self.records.append(record)
            time.sleep(self.pause)

    def errors(self):
        return [r for r in self.records if r["status"] != r["expected"]]


def haproxy_config():
    # `retries 0` and no `option redispatch`: a refused or dropped connection reaches the client as an error, so
    # zero errors means the replica itself lost nothing, not that HAProxy hid it.
    return f"""global
  maxconn 256
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A check slowed by a busy machine must not take a healthy replica out: only an answer other than 200 does.
  timeout check 2s
  retries 0
frontend web
  bind {HOST}:{LB_PORT}
  default_backend replicas
backend replicas
  balance roundrobin
  option httpchk
  http-check send meth GET uri /readyz
  http-check expect status 200
  default-server inter 250ms fall 1 rise 2
  http-response set-header X-Replica %s
  server r1 {HOST}:{R1_PORT} check
  server r2 {HOST}:{R2_PORT} check
"""


class HeldPatch:
    """A PATCH sent straight to a replica while psql holds its row FOR UPDATE for `hold` seconds."""

    def __init__(self, replica, token, product, hold):
        self.result = None
        self.holder = subprocess.Popen(
            ["psql", "-h", HOST, "-p", str(args.pg_port), "-U", "postgres", "-d", DATABASE, "-qtAX", "-c",
             f"BEGIN; SELECT id FROM products WHERE id = {product} FOR UPDATE; SELECT pg_sleep({hold}); COMMIT;"],
            stdout=subprocess.DEVNULL)
        wait_until(lambda: psql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}' AND wait_event = 'PgSleep'") == "1", 10, "the row lock")
        self.thread = threading.Thread(target=self.send, args=(replica.port, token, product))
        self.thread.start()
        # In flight: its UPDATE waits on the lock inside the replica.
        wait_until(lambda: psql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DATABASE}' AND wait_event_type = 'Lock'") == "1",
                   10, "the PATCH to wait on the lock")

    def send(self, port, token, product):
        try:
            status, _, body = request(port, "PATCH", f"/api/v1/products/{product}", {"price_cents": 4242}, token)
            self.result = {"status": status, "price_cents": (body or {}).get("price_cents"), "ended": time.monotonic()}
        except (OSError, http.client.HTTPException) as error:
            self.result = {"status": None, "error": f"{type(error).__name__}: {error}", "ended": time.monotonic()}

    def finish(self):
        self.thread.join()
        self.holder.wait()
        return self.result


def stop_gracefully(replica, token, product):
    """Phase 1 on one replica; returns its figures."""
    held = HeldPatch(replica, token, product, HOLD)
    sent = replica.terminate()
    # /readyz at once: the first answer after the signal.
    first_503, close_header, healthz = None, None, None
    while time.monotonic() - sent < 1:
        try:
            status, headers, _ = request(replica.port, "GET", "/readyz", timeout=2)
        except OSError:
            break
        if status == 503:
            first_503, close_header = time.monotonic() - sent, headers.get("connection")
            healthz = answers(replica.port, "/healthz")
            break
        time.sleep(0.005)
    check(first_503 is not None and first_503 < 0.5, f"{replica.name}: /readyz answered 503 {first_503 and round(first_503 * 1000)} ms after SIGTERM")
    check(close_header == "close", f"{replica.name}: answers after SIGTERM carry Connection: close ({close_header})")
    check(healthz == 200, f"{replica.name}: /healthz still answers 200 while draining ({healthz})")
    # After the drain delay the listener is closed while the PATCH still waits on its lock.
    time.sleep(max(0, sent + DRAIN + 0.7 - time.monotonic()))
    refused = answers(replica.port) is None
    check(refused and held.result is None, f"{replica.name}: listener closed after the {DRAIN} s drain delay, PATCH still in flight")
    code = replica.process.wait(timeout=TIMEOUT + 5)
    exited = time.monotonic() - sent
    result = held.finish()
    check(result["status"] == 200 and result["price_cents"] == 4242,
          f"{replica.name}: the PATCH in flight at SIGTERM was answered: {result.get('status')} {result.get('error', '')}".rstrip())
    check(code == 0 and exited < TIMEOUT, f"{replica.name}: exited with status {code} {exited:.2f} s after SIGTERM (bound {TIMEOUT} s)")
    stopped = [line for line in replica.output().splitlines() if "stopped" in line and "answered_during_shutdown" in line]
    check(len(stopped) == 1, f"{replica.name}: logged its stop: {stopped[-1] if stopped else 'nothing'}")
    return {"sent": sent, "readyz_503_ms": round(first_503 * 1000, 1) if first_503 else None, "exit_s": round(exited, 2)}


def stop_with_cut(replica, token, product):
    """Phase 2: a PATCH held past SHUTDOWN_TIMEOUT is cut and the replica exits at the bound."""
    held = HeldPatch(replica, token, product, CUT_TIMEOUT + 4)
    sent = replica.terminate()
    code = replica.process.wait(timeout=CUT_TIMEOUT + 10)
    exited = time.monotonic() - sent
    result = held.finish()
    check(code == 1 and CUT_TIMEOUT - 0.1 <= exited < CUT_TIMEOUT + 1.5,
          f"{replica.name}: exited with status {code} {exited:.2f} s after SIGTERM (SHUTDOWN_TIMEOUT {CUT_TIMEOUT} s)")
    check(result["status"] is None, f"{replica.name}: the PATCH past the bound was cut ({result.get('error') or result['status']})")
    cut = [line for line in replica.output().splitlines() if "requests_cut" in line]
    check(len(cut) == 1 and "1 request cut" in cut[0], f"{replica.name}: logged the cut: {cut[0] if cut else 'nothing'}")
    return {"sent": sent, "exit_s": round(exited, 2)}


def main():
    psql(f"CREATE DATABASE {DATABASE}", database="postgres")
    replicas = {"r1": Replica("r1", R1_PORT), "r2": Replica("r2", R2_PORT)}
    haproxy, load = None, None
    try:
        # One after the other: the first applies the migrations.
        for replica in replicas.values():
            replica.start()
        config = os.path.join(args.work, "haproxy.cfg")
        with open(config, "w") as file:
            file.write(haproxy_config())
        haproxy = subprocess.Popen(["haproxy", "-db", "-f", config], stdout=open(os.path.join(args.work, "haproxy.log"), "w"),
                                   stderr=subprocess.STDOUT)
        wait_until(lambda: answers(LB_PORT, "/readyz") == 200, 10, "HAProxy")
        status, _, body = request(R1_PORT, "POST", "/api/v1/auth/login", {"email": EMAIL, "password": PASSWORD})
        assert status == 200, f"login: {status} {body}"
        token = body["access_token"]
        ids = []
        for n in range(20):
            status, _, body = request(R1_PORT, "POST", "/api/v1/products", {"sku": f"seed-{n}", "name": "seed", "title": "seed", "price_cents": n}, token)
            assert status == 201, f"seeding: {status} {body}"
            ids.append(body["id"])
        load = Load(token, ids, workers=4 if args.short else 8, pause=0.01)
        load.start()
        started = time.monotonic()
        time.sleep(2)  # steady load on both replicas before the first stop

        def wait_back(replica):
            # HAProxy sends to it again (rise 2): answers carry its name.
            count = len(load.records)
            wait_until(lambda: any(r.get("replica") == replica.name for r in load.records[count:]), 15, f"HAProxy to use {replica.name} again")

        stops = []
        order = ["r1"] if args.short else ["r1", "r2", "r1", "r2"]
        for n, name in enumerate(order):
            replica = replicas[name]
            figures = stop_gracefully(replica, token, ids[0])
            window = [r for r in load.records if figures["sent"] <= r["began"] <= figures["sent"] + figures["exit_s"]]
            figures.update(name=name, requests_during_stop=len(window),
                           answered_by_it_during_stop=sum(1 for r in window if r.get("replica") == name))
            stops.append({k: v for k, v in figures.items() if k != "sent"})
            # Replica 1's last start has the short bound of phase 2.
            last_of_r1 = name == "r1" and "r1" not in order[n + 1:]
            replica.start(**({"drain": CUT_DRAIN, "timeout": CUT_TIMEOUT} if last_of_r1 else {}))
            wait_back(replica)
            time.sleep(1)

        cut = stop_with_cut(replicas["r1"], token, ids[1])
        time.sleep(1)
        load.stop()
        load_seconds = time.monotonic() - started
        errors = load.errors()
        by_status = {}
        for record in errors:
            key = record.get("error") or str(record["status"])
            by_status[key] = by_status.get(key, 0) + 1
        check(not errors, f"load through HAProxy: {len(load.records)} requests in {load_seconds:.1f} s, {len(errors)} errors {by_status or ''}".rstrip())
        print("figures: " + json.dumps({"requests": len(load.records), "errors": len(errors), "stops": stops, "cut_exit_s": cut["exit_s"]}))
    finally:
        if load and not load.stopping.is_set():
            load.stop()
        for process in [haproxy] + [r.process for r in replicas.values()]:
            if process and process.poll() is None:
                process.kill()
                process.wait()
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", database="postgres")


if __name__ == "__main__":
    main()
    if failures:
        print(f"rollout: {len(failures)} checks failed", file=sys.stderr)
        sys.exit(1)
