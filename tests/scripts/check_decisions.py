#!/usr/bin/python3
"""The decisions schema (datasets/landskap-decisions.schema.json) and `landskap merge` agree: the
bundled decisions file is valid under both, and each broken snippet below is rejected by both
(schema errors vs exit code 2 with the JSON path named). Run: check_decisions.py LANDSKAP_BINARY
SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]
datasets = os.path.join(source, "datasets")
schema = json.load(open(os.path.join(datasets, "landskap-decisions.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
inputs = [os.path.join(datasets, f) for f in ("fjell-2019.json", "sund-2019.json", "oygarden-2019.json")]
failures = []


def merge(decisions_path):
    return subprocess.run([binary, "merge", *inputs, "--into", "4626", "--decisions", decisions_path,
                           "--format", "json"], capture_output=True, text=True)


bundled = os.path.join(datasets, "oygarden-decisions.json")
doc = json.load(open(bundled, encoding="utf-8"))
for e in list(validator.iter_errors(doc))[:5]:
    failures.append(f"{bundled}: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
result = merge(bundled)
if result.returncode != 0:
    failures.append(f"{bundled}: merge exited {result.returncode}: {result.stderr[:500]}")

good = {"format": "landskap-decisions/1", "into": "4626",
        "decisions": [{"domain": "okonomi", "survivor": "fjell.okonomi",
                       "retire": ["sund.okonomi", {"system": "oygarden.okonomi", "effort_days": 12}],
                       "effort_days": 10, "note": "text"}]}
# (document, the JSON path landskap must name)
broken = [
    ({"decisions": []}, "/format"),
    ({"format": "landskap/1", "decisions": []}, "/format"),
    ({"format": "landskap-decisions/1"}, "/decisions"),
    ({"format": "landskap-decisions/1", "into": "46", "decisions": []}, "/into"),
    ({"format": "landskap-decisions/1", "decisions": [{"retire": ["sund.okonomi"]}]}, "/decisions/0/survivor"),
    ({"format": "landskap-decisions/1", "decisions": [{"survivor": "fjell.okonomi", "retrie": []}]},
     "/decisions/0/retrie"),
    ({"format": "landskap-decisions/1", "decisions": [{"survivor": "fjell.okonomi", "retire": "sund.okonomi"}]},
     "/decisions/0/retire"),
    ({"format": "landskap-decisions/1", "decisions": [{"survivor": "fjell.okonomi", "effort_days": -1}]},
     "/decisions/0/effort_days"),
    ({"format": "landskap-decisions/1", "decisions": [{"survivor": "fjell.okonomi", "retire": [{"effort_days": 1}]}]},
     "/decisions/0/retire/0/system"),
    ({"format": "landskap-decisions/1", "decisions": [{"survivor": "has space"}]}, "/decisions/0/survivor"),
]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "d.json")
    json.dump(good, open(path, "w"))
    if list(validator.iter_errors(good)):
        failures.append("the good snippet fails the schema")
    if merge(path).returncode != 0:
        failures.append("the good snippet fails merge: " + merge(path).stderr[:300])
    for doc, where in broken:
        json.dump(doc, open(path, "w"))
        if not list(validator.iter_errors(doc)):
            failures.append(f"schema accepts {json.dumps(doc)}")
        result = merge(path)
        if result.returncode != 2:
            failures.append(f"merge exited {result.returncode} for {json.dumps(doc)}")
        elif f": {where}: error" not in result.stderr:
            failures.append(f"merge did not name {where} for {json.dumps(doc)}: {result.stderr[:300]}")

for f in failures:
    print(f)
print(f"{len(broken)} broken snippets, {len(failures)} failures")
sys.exit(1 if failures else 0)
