#!/usr/bin/env python3
"""Bounded write load for the cluster test: creates through every replica, on loopback only, stdlib only.

Each worker sends creates to one replica at a steady pace, every worker on the same clock: customers (no row
limit) and, on every PRODUCT_EVERY-th tick, products (the tier's row limit), so that product creates reach all
replicas, and so several nodes, at the same moment and race for the limit. Once the limit is reached, a deleter
removes one product between two product ticks, so every product tick races again for one free row, and a watcher
counts the products on every node through the mariadb client every 50 ms: a count above the limit, however
brief, is recorded. A poller asks every replica's /healthz every 100 ms. Nothing is retried: each
answer is recorded as it came. Writes records to OUT (JSON).
Usage: load.py OUT --replicas URL,URL,URL --node-ports P,P,P --email E --password P --seconds S --rate R
               --workers-per-replica W --max-creates N
"""
import argparse
import http.client
import json
import math
import subprocess
import threading
import time
import urllib.parse

PRODUCT_EVERY = 6

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--replicas", required=True)
parser.add_argument("--email", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--seconds", type=float, required=True)
parser.add_argument("--rate", type=float, required=True, help="creates per second per worker")
parser.add_argument("--workers-per-replica", type=int, default=2)
parser.add_argument("--max-creates", type=int, required=True)
parser.add_argument("--node-ports", required=True)
args = parser.parse_args()
replicas = args.replicas.split(",")
for url in replicas:
    assert urllib.parse.urlsplit(url).hostname == "127.0.0.1", "loopback only"


def connect(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def request(connection, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


login = connect(replicas[0])
status, data = request(login, "POST", "/api/v1/auth/login", {"email": args.email, "password": args.password})
assert status == 200, f"login: {status} {data[:200]}"
token = json.loads(data)["access_token"]

records = []
health = []
lock = threading.Lock()
counter = iter(range(args.max_creates))
started = time.monotonic()
stop = threading.Event()
interval = 1 / args.rate
created_products = []  # (id, sku) of products answered 201, oldest first
limit_reached = threading.Event()
products_seen = {}  # node port -> the most products the watcher saw there


def record(entry):
    with lock:
        records.append(entry)


def worker(replica, number):
    url = replicas[replica]
    connection = connect(url)
    tick = 0
    while not stop.is_set() and time.monotonic() - started < args.seconds:
        with lock:
            n = next(counter, None)
        if n is None:
            return
        if tick % PRODUCT_EVERY == 0:
            kind, key = "product", f"GB-{n}"
            body = {"sku": key, "name": f"Galera bench {n}", "price_cents": n, "title": f"Title {n}"}
            path = "/api/v1/products"
        else:
            kind, key = "customer", f"gb{n}@bench.test"
            body = {"email": key, "full_name": f"Galera bench {n}"}
            path = "/api/v1/customers"
        sent = time.monotonic() - started
        try:
            status, data = request(connection, "POST", path, body, token)
            code = json.loads(data).get("code") if status >= 400 and data else None
            if kind == "product" and status == 201:
                with lock:
                    created_products.append((json.loads(data)["id"], key))
            if code == "TIER_LIMIT_REACHED":
                limit_reached.set()
        except (OSError, http.client.HTTPException) as error:
            status, code = 0, type(error).__name__
            connection.close()
            connection = connect(url)
        done = time.monotonic() - started
        record({"n": n, "worker": number, "kind": kind, "key": key, "replica": replica, "status": status, "code": code,
                "sent": round(sent, 4), "done": round(done, 4)})
        # The next tick of the shared clock; ticks missed while waiting for an answer are skipped, not made up.
        tick = max(tick + 1, math.ceil((time.monotonic() - started) / interval))
        time.sleep(max(0.0, started + tick * interval - time.monotonic()))


def deleter():
    """Half-way between product ticks, once the limit is reached: deletes the oldest product, through each replica in turn."""
    connections = [connect(url) for url in replicas]
    period = PRODUCT_EVERY * interval
    turn = 0
    while not stop.is_set() and time.monotonic() - started < args.seconds:
        tick = math.floor((time.monotonic() - started) / period) + 1
        time.sleep(max(0.0, started + (tick + 0.5) * period - time.monotonic()))
        if not limit_reached.is_set():
            continue
        with lock:
            if not created_products:
                continue
            product_id, key = created_products.pop(0)
        replica = turn % len(replicas)
        turn += 1
        sent = time.monotonic() - started
        try:
            status, data = request(connections[replica], "DELETE", f"/api/v1/products/{product_id}", token=token)
            code = json.loads(data).get("code") if status >= 400 and data else None
        except (OSError, http.client.HTTPException) as error:
            status, code = 0, type(error).__name__
            connections[replica].close()
            connections[replica] = connect(replicas[replica])
        record({"n": -1, "worker": "deleter", "kind": "delete", "key": key, "replica": replica, "status": status, "code": code,
                "sent": round(sent, 4), "done": round(time.monotonic() - started, 4)})


def watcher(port):
    """Counts the bench's products on one node every 50 ms, through one long-lived mariadb client."""
    query = b"SELECT COUNT(*) FROM products WHERE sku LIKE 'GB-%';\n"
    client = None
    while not stop.is_set():
        try:
            if client is None:
                client = subprocess.Popen(["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", port, "-u", "root", "-N", "-B", "-n", "keel"],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            client.stdin.write(query)
            client.stdin.flush()
            line = client.stdout.readline()
            if not line:
                raise OSError("the client ended")
            with lock:
                products_seen[port] = max(products_seen.get(port, 0), int(line))
        except (OSError, ValueError):
            if client is not None:
                client.kill()
                client.wait()
            client = None
            time.sleep(0.5)  # the node is down or restarting
        time.sleep(0.05)
    if client is not None:
        client.stdin.close()
        client.wait()


def poller():
    connections = [connect(url) for url in replicas]
    while not stop.is_set():
        for replica, url in enumerate(replicas):
            at = time.monotonic() - started
            try:
                status, _ = request(connections[replica], "GET", "/healthz")
            except (OSError, http.client.HTTPException):
                status = 0
                connections[replica].close()
                connections[replica] = connect(url)
            with lock:
                health.append({"replica": replica, "at": round(at, 4), "took": round(time.monotonic() - started - at, 4), "status": status})
        time.sleep(0.1)


threads = [threading.Thread(target=worker, args=(r, r * args.workers_per_replica + w))
           for r in range(len(replicas)) for w in range(args.workers_per_replica)]
helpers = [threading.Thread(target=poller), threading.Thread(target=deleter)]
helpers += [threading.Thread(target=watcher, args=(port,)) for port in args.node_ports.split(",")]
for helper in helpers:
    helper.start()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
stop.set()
for helper in helpers:
    helper.join()
with open(args.out, "w") as out:
    json.dump({"records": records, "health": health, "products_seen": products_seen, "seconds": time.monotonic() - started}, out)
print(f"load: {len(records)} creates in {time.monotonic() - started:.1f} s")
