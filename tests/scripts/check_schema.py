#!/usr/bin/python3
"""The JSON Schema in datasets/ and the loader must agree: every bundled landscape is valid under
both, and each broken snippet below is rejected by both (schema errors vs `landskap validate`
exit code 2). Run: check_schema.py LANDSKAP_BINARY SOURCE_DIR"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]
schema = json.load(open(os.path.join(source, "datasets", "landskap.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = []

def landskap_validate(path):
    return subprocess.run([binary, "validate", path], capture_output=True, text=True)

files = sorted(glob.glob(os.path.join(source, "datasets", "*.json")))
# Schemas and decisions files are not landscapes; check_decisions.py checks the decisions.
files = [f for f in files if not f.endswith(".schema.json") and not f.endswith("-decisions.json")]
if not files:
    failures.append("no landscape files in datasets/")
for path in files:
    doc = json.load(open(path, encoding="utf-8"))
    errors = list(validator.iter_errors(doc))
    for e in errors[:5]:
        failures.append(f"{path}: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    result = landskap_validate(path)
    if result.returncode != 0:
        failures.append(f"{path}: landskap validate exited {result.returncode}: {result.stderr[:500]}")
    if "warning" in result.stderr:
        failures.append(f"{path}: landskap validate warns: {result.stderr[:500]}")

base = {"format": "landskap/1", "systems": [{"id": "a"}, {"id": "b"}],
        "integrations": [{"from": "a", "to": "b"}]}
broken = {
    "unknown kind": {"systems": [{"id": "a", "kind": "nationl"}]},
    "bad criticality": {"systems": [{"id": "a", "criticality": "urgent"}]},
    "id with space": {"systems": [{"id": "a b"}]},
    "empty id": {"systems": [{"id": ""}]},
    "id not a string": {"systems": [{"id": 3}]},
    "missing id": {"systems": [{"name": "x"}]},
    "missing to": {"integrations": [{"from": "a"}]},
    "bad date": {"systems": [{"id": "a", "cutover": {"fixed_date": "1.10.2019"}}]},
    "negative effort": {"systems": [{"id": "a", "cutover": {"effort_days": -2}}]},
    "keys not array": {"systems": [{"id": "a", "keys": "kommunenummer"}]},
    "bad kommunenummer change": {"changes": [{"key": "kommunenummer", "from": "12", "to": "4626"}]},
    "wrong format": {"format": "landskap/2"},
}
with tempfile.TemporaryDirectory() as tmp:
    for name, patch in broken.items():
        doc = dict(base)
        doc.update(patch)
        path = os.path.join(tmp, name.replace(" ", "_") + ".json")
        json.dump(doc, open(path, "w", encoding="utf-8"))
        schema_rejects = any(True for _ in validator.iter_errors(doc))
        loader_rejects = landskap_validate(path).returncode == 2
        if not schema_rejects:
            failures.append(f"schema accepts the broken case '{name}'")
        if not loader_rejects:
            failures.append(f"landskap validate accepts the broken case '{name}'")

checked = len(files) + len(broken)
for f in failures:
    print("FAIL:", f)
print(f"schema: {checked - len(failures) if len(failures) < checked else 0} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
