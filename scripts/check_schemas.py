#!/usr/bin/env python3
"""Validate the YAML files under specs/ against Keel's JSON Schemas.

- every `keel.yaml` is checked against specs/keel-project.schema.json;
- every other `*.yaml`/`*.yml` that is part of a spec is checked against
  specs/keel.schema.json: the files a keel.yaml's `spec:` names (a file or a
  directory), files under a directory named `spec`, files named `spec.yaml`,
  `*.spec.yaml` (or .yml), and files with a top-level `keel:` key;
- files under any `generated/` directory are skipped, and so are YAML files that
  are none of the above (reported as `skip`).

Prints `ok <path>` or one `<path>:<line>:<column>: error: <message>` line per problem,
then `N passed, M failed`; the exit status is 1 when any file failed.

YAML is read the way the generator reads it (Yams' default resolver): YAML 1.1
scalars (yes/no/on/off are booleans), except that timestamps stay strings, as
Keel parses dates itself. Duplicate keys are errors, as in Yams.

Usage: python3 scripts/check_schemas.py [ROOT]   (ROOT defaults to <repo>/specs)
"""

import difflib
import json
import os
import sys

import jsonschema
import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC_SCHEMA = "keel.schema.json"
PROJECT_SCHEMA = "keel-project.schema.json"
YAML_EXTS = (".yaml", ".yml")


class Loader(yaml.SafeLoader):
    """SafeLoader whose timestamps stay strings (like KeelSpec's YAMLValue.scalarTag)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def rel(path):
    return os.path.relpath(path, os.getcwd())


def mark_of(node):
    return node.start_mark.line + 1, node.start_mark.column + 1


def duplicate_keys(node, found):
    """Collect (key node, first key node) for keys repeated in one mapping."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    found.append((key, seen[key.value]))
                else:
                    seen[key.value] = key
            duplicate_keys(value, found)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            duplicate_keys(item, found)


def locate(root, path, key=None):
    """The node at a JSON path (or the key node `key` inside it); nearest found."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    if key is not None and isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if getattr(k, "value", None) == key:
                return k
    return node


JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean",
              int: "integer", float: "number", type(None): "null"}


def json_type(instance):
    return JSON_TYPES.get(type(instance), "object")


class Describer:
    """Turns jsonschema errors into located, readable messages.

    Messages come from the schema's `errorMessage`/`patternErrorMessage` where it has
    them (the same keywords VS Code's YAML and JSON support show). For oneOf/anyOf the
    branch that fits the value's shape is explained, not the bare "not valid under any".
    """

    def __init__(self, schema):
        self.root = schema

    def resolve(self, schema):
        while isinstance(schema, dict) and "$ref" in schema:
            ref = schema["$ref"]
            node = self.root
            for part in ref.lstrip("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def kinds(self, schema):
        """JSON types a branch accepts, or None when it does not say."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return None
        if "type" in schema:
            t = schema["type"]
            return set(t if isinstance(t, list) else [t])
        for key in ("enum",):
            if key in schema:
                return {json_type(v) for v in schema[key]}
        if "const" in schema:
            return {json_type(schema["const"])}
        for key in ("allOf", "anyOf", "oneOf"):
            if key in schema:
                found = set()
                for sub in schema[key]:
                    k = self.kinds(sub)
                    if k is None:
                        if key == "allOf":
                            continue
                        return None
                    found = (found & k if found and key == "allOf" else found | k)
                return found or None
        return None

    def fits(self, schema, instance):
        kinds = self.kinds(schema)
        if kinds is None:
            return True
        t = json_type(instance)
        return t in kinds or (t == "integer" and "number" in kinds)

    def required_present(self, schema, instance):
        schema = self.resolve(schema)
        req = schema.get("required", []) if isinstance(schema, dict) else []
        return isinstance(instance, dict) and all(k in instance for k in req)

    def leaves(self, error):
        if error.validator in ("oneOf", "anyOf") and error.context:
            branches = {}
            for sub in error.context:
                branches.setdefault(sub.relative_schema_path[0], []).append(sub)
            options = error.validator_value
            fitting = [i for i in branches if self.fits(options[i], error.instance)]
            if len(fitting) > 1:
                with_keys = [i for i in fitting if self.required_present(options[i], error.instance)]
                if with_keys:
                    fitting = with_keys
            if len(fitting) > 1:
                fewest = min(len(branches[i]) for i in fitting)
                fitting = [i for i in fitting if len(branches[i]) == fewest]
            if len(fitting) == 1:
                out = []
                for sub in branches[fitting[0]]:
                    out.extend(self.leaves(sub))
                return out
        return [error]

    @staticmethod
    def custom_text(error, schema):
        """The schema's own wording for this failure, if it has one."""
        if error.validator == "pattern" and schema.get("patternErrorMessage"):
            return schema["patternErrorMessage"]
        return schema.get("errorMessage")

    def messages(self, error):
        """[(json path, key to point at or None, message)] for one leaf error."""
        schema = error.schema if isinstance(error.schema, dict) else {}
        path = list(error.absolute_path)
        where = "/".join(str(p) for p in path) or "(top level)"
        text = self.custom_text(error, schema)
        if "propertyNames" in error.absolute_schema_path:
            # the value checked is a key of the mapping at `path`: point at that key
            return [(path, error.instance, f"{where}: '{error.instance}' {text}" if text
                     else f"{where}: {error.message}")]
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            props = list(schema.get("properties", {}))
            out = []
            for extra in (k for k in error.instance if k not in props):
                close = difflib.get_close_matches(extra, props, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                out.append((path, extra, f"{where}: unknown key '{extra}'{hint} (allowed: {', '.join(props)})"))
            if out:
                return out
        if text:
            if isinstance(error.instance, str) and text.startswith(("is ", "must ", "does ")):
                text = f"'{error.instance}' {text}"
            return [(path, None, f"{where}: {text}")]
        if error.validator == "enum":
            close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.validator_value], n=1)
            if close:
                return [(path, None, f"{where}: {error.message}; did you mean '{close[0]}'?")]
        return [(path, None, f"{where}: {error.message}")]

    def describe(self, error):
        return [m for leaf in self.leaves(error) for m in self.messages(leaf)]


def check(path, validator, describer):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        root = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [f"{rel(path)}:{line}:{col}: error: invalid YAML: {getattr(e, 'problem', e)}"]
    if root is None:
        data = {}
    problems = []
    dups = []
    duplicate_keys(root, dups)
    for key, first in dups:
        line, col = mark_of(key)
        fl, fc = mark_of(first)
        problems.append((line, col, f"'{key.value}' is defined twice (first at {rel(path)}:{fl}:{fc})"))
    for error in validator.iter_errors(data):
        for jpath, key, message in describer.describe(error):
            node = locate(root, jpath, key) if root is not None else None
            line, col = mark_of(node) if node is not None else (1, 1)
            problems.append((line, col, message))
    # an unknown key is also "not an option" of its column type: say it once
    unknown_at = {(line, col) for line, col, msg in problems if "unknown key" in msg}
    problems = [p for p in set(problems) if (p[0], p[1]) not in unknown_at or "unknown key" in p[2]]
    problems.sort(key=lambda p: (p[0], p[1], p[2]))
    return [f"{rel(path)}:{line}:{col}: error: {msg}" for line, col, msg in problems]


def yaml_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "generated" and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(YAML_EXTS):
                yield os.path.join(dirpath, name)


def spec_files_named_by(project_file):
    """Files the `spec:` setting of a keel.yaml names, if it can be read."""
    try:
        with open(project_file, encoding="utf-8") as f:
            settings = yaml.load(f, Loader=Loader) or {}
    except (OSError, yaml.YAMLError):
        return set()
    spec = settings.get("spec") if isinstance(settings, dict) else None
    if not isinstance(spec, str):
        return set()
    target = os.path.normpath(os.path.join(os.path.dirname(project_file), spec))
    if os.path.isfile(target):
        return {target}
    if os.path.isdir(target):
        return {os.path.join(target, n) for n in os.listdir(target) if n.endswith(YAML_EXTS)}
    return set()


def has_keel_key(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Loader)
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and "keel" in data


def is_spec_file(path, named):
    name = os.path.basename(path)
    parts = os.path.normpath(path).split(os.sep)
    return (os.path.normpath(path) in named
            or "spec" in parts[:-1]
            or name in ("spec.yaml", "spec.yml")
            or name.endswith((".spec.yaml", ".spec.yml"))
            or has_keel_key(path))


def main():
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(REPO, "specs")
    schema_dir = os.path.join(REPO, "specs")
    validators = {}
    for name in (SPEC_SCHEMA, PROJECT_SCHEMA):
        with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = (jsonschema.Draft202012Validator(schema), Describer(schema))

    files = list(yaml_files(root))
    named = set()
    for path in files:
        if os.path.basename(path) == "keel.yaml":
            named |= {os.path.normpath(p) for p in spec_files_named_by(path)}

    passed = failed = 0
    for path in files:
        if os.path.basename(path) == "keel.yaml":
            schema = PROJECT_SCHEMA
        elif is_spec_file(path, named):
            schema = SPEC_SCHEMA
        else:
            print(f"skip {rel(path)} (neither keel.yaml nor a spec file)")
            continue
        problems = check(path, *validators[schema])
        if problems:
            failed += 1
            for line in problems:
                print(line)
        else:
            passed += 1
            print(f"ok {rel(path)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
