#!/usr/bin/env python3
"""Writes a synthetic Keel project: N tables of 10 columns, one resource per table, and custom
endpoints up to E endpoints in all. Usage: synthetic_spec.py DIR [TABLES] [ENDPOINTS]"""
import os
import sys

out = sys.argv[1]
tables = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
endpoints = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
os.makedirs(os.path.join(out, "spec"), exist_ok=True)

with open(os.path.join(out, "keel.yaml"), "w") as f:
    f.write("spec: spec\noutputs:\n  swift: generated/swift\n  openapi: generated/openapi.yaml\n")

lines = ["keel: 1", "service: { name: synthetic, version: 1.0.0, base_path: /api/v1 }",
         "features: { reports: professional }", "tables:"]
for t in range(tables):
    lines += [f"  table_{t}:", "    columns:", "      id: id",
              "      name: { type: string, max_length: 120 }",
              "      code: { type: string, max_length: 32, unique: true }",
              "      quantity: { type: int, min: 0, default: 0 }",
              "      price: { type: decimal, precision: 12, scale: 2 }",
              "      active: { type: bool, default: true }",
              "      status: { type: enum, values: [draft, live, gone], default: draft }",
              "      notes: { type: text, nullable: true }",
              "      created_at: { type: timestamp, default: now }",
              f"      parent_id: {{ type: ref, table: table_{max(t - 1, 0)}, on_delete: set_null, nullable: true }}",
              "    indexes:", "      - [status, active]"]
lines.append("types:")
lines += ["  Summary:", "    total: int", "    items: { type: array, items: table_0 }"]
lines.append("endpoints:")
for t in range(tables):
    lines += [f"  - resource: table_{t}",
              "    list: { filter: [status, active], sort: [name, created_at], page_size: 25 }"]
for e in range(max(endpoints - tables, 0)):
    t = e % tables
    lines += [f"  - name: custom{e}", "    method: GET", f"    path: /custom/{e}/{{id}}",
              "    params: { id: int }", "    query: { since: { type: date, required: false } }",
              "    feature: reports", f"    response: table_{t}"]
with open(os.path.join(out, "spec", "spec.yaml"), "w") as f:
    f.write("\n".join(lines) + "\n")
