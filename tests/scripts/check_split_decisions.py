#!/usr/bin/python3
"""The split decisions schema (datasets/landskap-split-decisions.schema.json) and `landskap split`
agree: the bundled decisions and those `split --propose` writes for the Ålesund split are valid
under both, and each broken snippet below is rejected by both (schema errors vs exit code 2 with
the JSON path named). Run: check_split_decisions.py LANDSKAP_BINARY SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]
datasets = os.path.join(source, "datasets")
schema = json.load(open(os.path.join(datasets, "landskap-split-decisions.schema.json"),
                        encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
landscape = os.path.join(datasets, "alesund-2024.json")
failures = []


def split(*args):
    return subprocess.run([binary, "split", landscape, "--format", "json", *args],
                          capture_output=True, text=True)


good = {"format": "landskap-split-decisions/1", "from": "1507", "keeper": "1508",
        "into": ["1580", "1508"],
        "decisions": [
            {"system": "alesund.gis", "domain": "gis", "decision": "new-instance",
             "successors": ["1580"], "effort_days": 12.5, "note": "text"},
            {"system": "alesund.kultur", "decision": "keep", "successors": []},
            {"system": "alesund.vann-avlop", "decision": "shared", "effort_days": None,
             "note": None}]}
# (document, the JSON path landskap must name)
D = "landskap-split-decisions/1"
broken = [
    ({"decisions": []}, "/format"),
    ({"format": "landskap/1", "decisions": []}, "/format"),
    ({"format": "landskap-decisions/1", "decisions": []}, "/format"),
    ({"format": D}, "/decisions"),
    ({"format": D, "decisions": {}}, "/decisions"),
    ({"format": D, "from": "15070", "decisions": []}, "/from"),
    ({"format": D, "keeper": 1508, "decisions": []}, "/keeper"),
    ({"format": D, "into": "1508", "decisions": []}, "/into"),
    ({"format": D, "into": ["1508", "1508"], "decisions": []}, "/into/1"),
    ({"format": D, "intoo": [], "decisions": []}, "/intoo"),
    ({"format": D, "decisions": ["alesund.gis"]}, "/decisions/0"),
    ({"format": D, "decisions": [{"decision": "keep"}]}, "/decisions/0/system"),
    ({"format": D, "decisions": [{"system": "alesund.gis"}]}, "/decisions/0/decision"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "new instance"}]},
     "/decisions/0/decision"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "keep",
                                  "successors": ["1580"]}]}, "/decisions/0/successors"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "shared",
                                  "successors": ["158"]}]}, "/decisions/0/successors/0"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "shared",
                                  "effort_days": -1}]}, "/decisions/0/effort_days"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "shared",
                                  "efort_days": 1}]}, "/decisions/0/efort_days"),
    ({"format": D, "decisions": [{"system": "has space", "decision": "keep"}]},
     "/decisions/0/system"),
    ({"format": D, "decisions": [{"system": "alesund.gis", "decision": "keep", "note": 3}]},
     "/decisions/0/note"),
]
with tempfile.TemporaryDirectory() as tmp:
    # What --propose writes is valid and reads back.
    proposal = os.path.join(tmp, "p.json")
    result = split("--propose", proposal)
    if result.returncode != 0:
        failures.append(f"split --propose exited {result.returncode}: {result.stderr[:500]}")
    else:
        doc = json.load(open(proposal, encoding="utf-8"))
        for e in list(validator.iter_errors(doc))[:5]:
            failures.append(f"--propose: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
        again = split("--decisions", proposal)
        if again.returncode != 0:
            failures.append(f"--decisions of --propose exited {again.returncode}: {again.stderr[:500]}")
    # The bundled decisions are valid under both.
    bundled = os.path.join(datasets, "alesund-split-decisions.json")
    for e in list(validator.iter_errors(json.load(open(bundled, encoding="utf-8"))))[:5]:
        failures.append(f"{bundled}: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    result = split("--decisions", bundled)
    if result.returncode != 0:
        failures.append(f"{bundled}: split exited {result.returncode}: {result.stderr[:500]}")
    path = os.path.join(tmp, "d.json")
    json.dump(good, open(path, "w"))
    if list(validator.iter_errors(good)):
        failures.append("the good snippet fails the schema: "
                        + next(validator.iter_errors(good)).message)
    result = split("--decisions", path)
    if result.returncode != 0:
        failures.append("the good snippet fails split: " + result.stderr[:300])
    for doc, where in broken:
        json.dump(doc, open(path, "w"))
        if not list(validator.iter_errors(doc)):
            failures.append(f"schema accepts {json.dumps(doc)}")
        result = split("--decisions", path)
        if result.returncode != 2:
            failures.append(f"split exited {result.returncode} for {json.dumps(doc)}")
        elif f": {where}: error" not in result.stderr:
            failures.append(f"split did not name {where} for {json.dumps(doc)}: {result.stderr[:300]}")

for f in failures:
    print(f)
print(f"{len(broken)} broken snippets, {len(failures)} failures")
sys.exit(1 if failures else 0)
