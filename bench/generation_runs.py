#!/usr/bin/env python3
"""Fresh `keel generate --timings` runs of one or two keel binaries, alternated, on one spec.

Usage: bench/generation_runs.py SPEC_DIR ROUNDS KEEL [KEEL_BEFORE]

Each run generates into a new copy of SPEC_DIR (keel.yaml and spec/), as a clean checkout would: the copies are
deleted only at the end, as generating where files were just deleted measures ext4 finding inodes among recently
deleted ones more than Keel. Prints,
per keel, the best and median wall clock of the run and of each part `--timings` reports (CPU seconds for emitters),
and the largest peak resident set.
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

spec_dir, rounds, keels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
names = ["after", "before"] if len(keels) == 2 else ["keel"]
walls = collections.defaultdict(list)
peaks = collections.defaultdict(list)
parts = collections.defaultdict(lambda: collections.defaultdict(list))
scratch = tempfile.mkdtemp()
try:
    for round in range(rounds):
        for name, keel in zip(names, keels):
            project = os.path.join(scratch, f"{name}{round}")
            os.makedirs(project)
            shutil.copy(os.path.join(spec_dir, "keel.yaml"), project)
            shutil.copytree(os.path.join(spec_dir, "spec"), os.path.join(project, "spec"))
            log = os.path.join(scratch, "log")
            with open(log, "w") as output:
                start = time.time()
                child = subprocess.Popen([keel, "generate", "--timings", "--config", os.path.join(project, "keel.yaml")],
                                         stdout=output, stderr=output)
                _, status, usage = os.wait4(child.pid, 0)
                walls[name].append(time.time() - start)
            peaks[name].append(usage.ru_maxrss / 1024)
            text = open(log).read()
            if status != 0:
                sys.exit(text)
            for line in text.splitlines():
                part = re.match(r"\s+(\S.*?)\s+([\d.]+) s(?:\s+CPU\s+([\d.]+) s)?$", line)
                if part:
                    parts[name][part.group(1)].append(float(part.group(3) or part.group(2)))
finally:
    shutil.rmtree(scratch)


def best_median(values):
    ordered = sorted(values)
    return f"{ordered[0]:6.3f} {ordered[len(ordered) // 2]:6.3f}"


order = list(reversed(names))
print(f"{rounds} fresh runs each, alternated; best and median, seconds (emitters: their thread's CPU)")
print(f"{'':30s}" + "".join(f"{n:>16s}" for n in order))
print(f"{'keel generate (fresh)':30s}" + "".join(f"   {best_median(walls[n])}" for n in order))
print(f"{'  peak resident set, MiB':30s}" + "".join(f"   {max(peaks[n]):13.0f}" for n in order))
for part in parts[order[0]]:
    if max(parts[order[0]][part]) >= 0.005:
        print(f"  {part:28s}" + "".join(f"   {best_median(parts[n][part])}" for n in order))
