"""Writes the floor of a 'keel generate' Swift output: per model file, only what the generated API itself makes
Swift emit, whatever the bodies: each struct's stored properties and memberwise initializer, each enum's cases,
and (unless --bare) the conformances a handler or client relies on (the model Codable and Equatable, the enums
Codable and CaseIterable). Everything else (init(row:), SQL, field rules, JSON writing, repositories, routes,
endpoints) is left out. bench/run-compile.sh compiles it beside the real output when FLOOR=1.

Usage: api_floor.py [--bare] GENERATED_SWIFT_DIR OUT_DIR
"""
import os
import re
import sys

HEADER = re.compile(r"public (struct|enum) (\w+)(?:: [^{]*)? \{$")
STORED = re.compile(r"    public var \w+: [^{]*$")


def conformances(kind, name, bare):
    if kind == "enum":
        return "String, Sendable" if bare else "String, Codable, Sendable, CaseIterable"
    if bare or name.endswith("Create") or name.endswith("Patch"):
        return "Sendable"
    return "Codable, Equatable, Sendable"


def block_end(lines, start):
    """The index of the line that closes the first brace opened from lines[start] on."""
    depth, opened = 0, False
    for index in range(start, len(lines)):
        depth += lines[index].count("{") - lines[index].count("}")
        opened = opened or "{" in lines[index]
        if opened and depth == 0:
            return index
    raise ValueError(f"unbalanced braces from line {start + 1}")


def floor_of(text, bare):
    lines = text.split("\n")
    out = ["import Foundation", "import KeelRuntime", ""]
    index = 0
    while index < len(lines):
        header = HEADER.match(lines[index])
        if not header:
            index += 1
            continue
        kind, name = header.groups()
        end = block_end(lines, index)
        out.append(f"public {kind} {name}: {conformances(kind, name, bare)} {{")
        member, has_init = index + 1, False
        while member < end:
            line = lines[member]
            if line.startswith("    public init(") and not line.startswith("    public init(row") and not has_init:
                init_end = block_end(lines, member)
                out.extend(lines[member:init_end + 1])
                member, has_init = init_end + 1, True
                continue
            if STORED.match(line) or line.startswith("    case "):
                out.append(line)
            member += 1
        out.append("}")
        index = end + 1
    return "\n".join(out) + "\n"


def main(argv):
    bare = "--bare" in argv
    source, target = [arg for arg in argv if arg != "--bare"]
    os.makedirs(os.path.join(target, "Models"), exist_ok=True)
    models = os.path.join(source, "Models")
    for name in sorted(os.listdir(models)):
        with open(os.path.join(models, name)) as f:
            text = floor_of(f.read(), bare)
        with open(os.path.join(target, "Models", name), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
