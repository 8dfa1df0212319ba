#!/usr/bin/env python3
"""Checks a cluster run against the database, through the mariadb client on every node, and prints the figures.

Fails (exit 1) when an acknowledged create (not deleted since) is missing or doubled on any node, a deleted product
is still there, the nodes differ, a create got a status other than 201, 403 TIER_LIMIT_REACHED (products) or the
documented 503 SERVICE_UNAVAILABLE, a /healthz poll was not answered 200, or the tier's row limit was passed (on any
node, at any moment the watcher looked) or never reached.
Usage: check.py LOAD_JSON PRODUCT_LIMIT PORT [PORT...]
"""
import collections
import json
import subprocess
import sys

load_path, limit, ports = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
run = json.load(open(load_path))
records, health = [r for r in run["records"] if r["kind"] != "delete"], run["health"]
deletes = [r for r in run["records"] if r["kind"] == "delete"]
deleted = {r["key"] for r in deletes if r["status"] == 204}
in_doubt_deletes = {r["key"] for r in deletes if r["status"] != 204}
problems = []


def rows(port, sql):
    out = subprocess.run(["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", port, "-u", "root", "-N", "-B", "keel", "-e", sql],
                         check=True, capture_output=True, text=True).stdout
    return out.split("\n")[:-1] if out else []


tables = {"customer": ("customers", "email", "gb%@bench.test"), "product": ("products", "sku", "GB-%")}
present = {}  # (port, kind) -> Counter of keys
for port in ports:
    for kind, (table, column, pattern) in tables.items():
        present[port, kind] = collections.Counter(rows(port, f"SELECT `{column}` FROM `{table}` WHERE `{column}` LIKE '{pattern}'"))

acknowledged = [r for r in records if r["status"] == 201]
lost = 0
for record in acknowledged:
    if record["key"] in in_doubt_deletes:
        continue
    for port in ports:
        count = present[port, record["kind"]][record["key"]]
        if record["key"] in deleted:
            if count != 0:
                problems.append(f"deleted product {record['key']} is present {count} times on node port {port}")
        elif count != 1:
            lost += count == 0
            problems.append(f"{record['kind']} {record['key']} (201 from replica {record['replica'] + 1}) is present {count} times on node port {port}")
for kind in tables:
    reference = present[ports[0], kind]
    for port in ports[1:]:
        if present[port, kind] != reference:
            problems.append(f"the {kind} rows on port {port} differ from those on port {ports[0]}")
    doubled = [key for key, count in reference.items() if count > 1]
    if doubled:
        problems.append(f"{len(doubled)} {kind} keys are stored more than once, e.g. {doubled[:3]}")

by_status = collections.Counter(f"{r['status']} {r['code'] or ''}".strip() for r in records)
allowed = {"201", "403 TIER_LIMIT_REACHED", "503 SERVICE_UNAVAILABLE"}
for status, count in by_status.items():
    if status not in allowed:
        problems.append(f"{count} creates answered {status or 'nothing'}")
refused_products = [r for r in records if r["kind"] == "product" and r["status"] == 403]
delete_statuses = collections.Counter(f"{r['status']} {r['code'] or ''}".strip() for r in deletes)
for status, count in delete_statuses.items():
    if status not in {"204", "503 SERVICE_UNAVAILABLE"}:
        problems.append(f"{count} deletes answered {status or 'nothing'}")
if any(r["kind"] == "customer" and r["status"] == 403 for r in records):
    problems.append("a customer create was refused by a row limit the table does not have")

product_rows = len(present[ports[0], "product"])
product_201 = sum(1 for r in acknowledged if r["kind"] == "product")
unacknowledged = {r["key"] for r in records if r["status"] != 201}
stored_unacknowledged = sum(1 for kind in tables for key in present[ports[0], kind] if key in unacknowledged)
if product_rows > limit:
    problems.append(f"{product_rows} products are stored: the tier allows {limit}")
seen = run["products_seen"]
most_seen = max(seen.values(), default=0)
if most_seen > limit:
    problems.append(f"the watcher saw {most_seen} products: the tier allows {limit} (per node: {seen})")
if most_seen < limit or not refused_products:
    problems.append(f"the limit was never reached (at most {most_seen} products seen, {len(refused_products)} refusals)")
if len(seen) != len(ports):
    problems.append(f"the watcher read only the nodes {sorted(seen)}")

bad_health = [h for h in health if h["status"] != 200]
if bad_health:
    problems.append(f"{len(bad_health)} /healthz polls were not answered 200, first: {bad_health[0]}")

# Longest unavailability a client saw: per worker, from sending the first create of a run of failures (5xx or no
# answer) to the answer of the next success; or one create's own wait, when longer.
longest, longest_at = 0.0, None
by_worker = collections.defaultdict(list)
for record in records:
    by_worker[record["worker"]].append(record)
for worker_records in by_worker.values():
    worker_records.sort(key=lambda r: r["sent"])
    outage_from = None
    for record in worker_records:
        failed = record["status"] == 0 or record["status"] >= 500
        if failed and outage_from is None:
            outage_from = record["sent"]
        if not failed:
            span = record["done"] - (outage_from if outage_from is not None else record["sent"])
            if span > longest:
                longest, longest_at = span, record["sent"]
            outage_from = None
health_longest = max((h["took"] for h in health), default=0.0)

print(f"creates sent: {len(records)} in {run['seconds']:.1f} s through {len(by_worker)} workers")
print(f"acknowledged writes (201): {len(acknowledged)} ({product_201} products, {len(acknowledged) - product_201} customers)")
print(f"lost writes: {lost}")
print(f"stored without a 201 (answered 503 after COMMIT was sent): {stored_unacknowledged}")
print("answers by status: " + ", ".join(f"{status}: {count}" for status, count in sorted(by_status.items())))
print(f"tier row limit {limit}: at most {most_seen} products seen on any node (50 ms polls), {product_rows} stored at the end; "
      f"{len(refused_products)} creates refused with 403, {len(deleted)} products deleted to race for the freed row again")
print("deletes by status: " + ", ".join(f"{status}: {count}" for status, count in sorted(delete_statuses.items())))
print(f"longest unavailability seen by a client: {longest:.2f} s (at {longest_at or 0:.1f} s into the load)")
print(f"/healthz: {len(health)} polls, {len(bad_health)} not 200, slowest {health_longest:.2f} s")
if problems:
    print("FAILED:")
    for problem in problems[:30]:
        print("  " + problem)
    sys.exit(1)
print("cluster check passed")
