#!/usr/bin/env python3
"""Bounded write load for the cluster test: creates through every replica, on loopback only, stdlib only.

Each worker sends creates to one replica at a steady pace: customers (no row limit) and, every PRODUCT_EVERY-th,
products (the tier's row limit). A poller asks every replica's /healthz every 100 ms. Nothing is retried: each
answer is recorded as it came. Writes records to OUT (JSON).
Usage: load.py OUT --replicas URL,URL,URL --email E --password P --seconds S --rate R --workers-per-replica W --max-creates N
"""
import argparse
import http.client
import json
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


def worker(replica, number):
    url = replicas[replica]
    connection = connect(url)
    interval = 1 / args.rate
    next_at = time.monotonic()
    while not stop.is_set() and time.monotonic() - started < args.seconds:
        with lock:
            n = next(counter, None)
        if n is None:
            return
        if n % PRODUCT_EVERY == 0:
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
        except (OSError, http.client.HTTPException) as error:
            status, code = 0, type(error).__name__
            connection.close()
            connection = connect(url)
        done = time.monotonic() - started
        with lock:
            records.append({"n": n, "worker": number, "kind": kind, "key": key, "replica": replica, "status": status, "code": code,
                            "sent": round(sent, 4), "done": round(done, 4)})
        next_at += interval
        time.sleep(max(0.0, next_at - time.monotonic()))


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
polling = threading.Thread(target=poller)
polling.start()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
stop.set()
polling.join()
with open(args.out, "w") as out:
    json.dump({"records": records, "health": health, "seconds": time.monotonic() - started}, out)
print(f"load: {len(records)} creates in {time.monotonic() - started:.1f} s")
