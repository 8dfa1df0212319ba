#!/usr/bin/env python3
"""Copies a project made by synthetic_spec.py and makes N changes to its spec, of every class keel diff reports:
columns dropped, renamed, retyped, narrowed, added as required; enum values added; resources losing an operation.
Usage: diff_changes.py OLD_DIR NEW_DIR [CHANGES]"""
import os
import re
import shutil
import sys

old, new = sys.argv[1], sys.argv[2]
changes = int(sys.argv[3]) if len(sys.argv) > 3 else 100
shutil.rmtree(new, ignore_errors=True)
shutil.copytree(old, new)
path = os.path.join(new, "spec", "spec.yaml")
lines = open(path).read().split("\n")

# One edit per table, for the first `changes` tables, cycling through the kinds.
edits = {
    0: ("      notes: { type: text, nullable: true }", None),
    1: ("      name: { type: string, max_length: 120 }", "      title: { type: string, max_length: 120, renamed_from: name }"),
    2: ("      status: { type: enum, values: [draft, live, gone], default: draft }",
        "      status: { type: enum, values: [draft, live, gone, archived], default: draft }"),
    3: ("      code: { type: string, max_length: 32, unique: true }", "      code: { type: string, max_length: 16, unique: true }"),
    4: ("      active: { type: bool, default: true }", "      active: { type: bool, default: true }\n      owner: string"),
}
table = resource = None
out = []
for line in lines:
    if match := re.match(r"  table_(\d+):$", line):
        table = int(match.group(1))
    elif match := re.match(r"  - resource: table_(\d+)$", line):
        table, resource = None, int(match.group(1))
    elif line in ("types:", "endpoints:") or line.startswith("  - name:"):
        table = resource = None
    if table is not None and table < changes and line == edits[table % len(edits)][0]:
        if edits[table % len(edits)][1] is not None:
            out.append(edits[table % len(edits)][1])
        continue
    # A renamed `name` is sorted on under its new name, and its resource loses `delete`.
    if resource is not None and resource < changes and resource % len(edits) == 1 and line.startswith("    list:"):
        out.append(line.replace("sort: [name,", "sort: [title,"))
        out.append("    operations: [list, get, create, update]")
        continue
    out.append(line)
open(path, "w").write("\n".join(out))
