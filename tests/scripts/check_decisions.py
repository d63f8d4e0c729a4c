#!/usr/bin/python3
"""The decisions schema (datasets/landskap-decisions.schema.json) and `landskap merge` agree: the
bundled decisions file is valid under both, and each broken snippet below is rejected by both
(schema errors vs exit code 2 with the JSON path named). What merge makes of the bundled
decisions and of the good snippet is checked against the rules of docs/merge.md recomputed here
from the input files: survivors owned by the new number, retired systems gone, one conversion
task per retirement after its survivor, with the survivor's vendor and the effort the rule
gives, and undecided counterparts kept with their old owner.
Run: check_decisions.py LANDSKAP_BINARY SOURCE_DIR"""
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


def merge(decisions_path, merged_path=None):
    out = ["-o", merged_path, "--summary", merged_path + ".summary.json"] if merged_path else []
    return subprocess.run([binary, "merge", *inputs, "--into", "4626", "--decisions", decisions_path,
                           "--format", "json", *out], capture_output=True, text=True)


# The input systems by id (the first file's, as merge keeps them).
given = {}
for path in inputs:
    for system in json.load(open(path, encoding="utf-8"))["systems"]:
        given.setdefault(system["id"], system)


def check_merged(label, decisions, merged, summary, expected_efforts=None):
    """What docs/merge.md says the merged file holds for these decisions, recomputed here."""
    systems = {s["id"]: s for s in merged["systems"]}
    retirements = 0
    for d in decisions["decisions"]:
        survivor = d["survivor"]
        if systems.get(survivor, {}).get("owner") != "4626":
            failures.append(f"{label}: survivor {survivor} is not owned by 4626")
        for entry in d.get("retire", []):
            retired = entry if isinstance(entry, str) else entry["system"]
            retirements += 1
            if retired in systems:
                failures.append(f"{label}: retired {retired} is still in the merged file")
            task = systems.get("conversion." + retired)
            if task is None:
                failures.append(f"{label}: no conversion task for {retired}")
                continue
            # Effort: the retire entry's, else the decision's, else the retired system's own
            # estimate, else 10 days.
            effort = (entry.get("effort_days") if isinstance(entry, dict) else None)
            if effort is None:
                effort = d.get("effort_days")
            if effort is None:
                effort = given[retired].get("cutover", {}).get("effort_days", 10)
            if expected_efforts is not None and expected_efforts.get(retired) != effort:
                failures.append(f"{label}: by hand {retired} converts in "
                                f"{expected_efforts.get(retired)} days, by the rule {effort}")
            want = {"owner": "4626", "product": "data conversion",
                    "vendor": given[survivor].get("vendor", ""),
                    "domain": given[survivor].get("domain", ""),
                    "after": [survivor], "effort_days": effort}
            have = {"owner": task.get("owner"), "product": task.get("product"),
                    "vendor": task.get("vendor", ""), "domain": task.get("domain", ""),
                    "after": task.get("cutover", {}).get("after"),
                    "effort_days": task.get("cutover", {}).get("effort_days")}
            if have != want:
                failures.append(f"{label}: conversion.{retired} is {have}, not {want}")
    if len(summary["conversions"]) != retirements:
        failures.append(f"{label}: {len(summary['conversions'])} conversions for {retirements} "
                        "retirements")
    return systems


bundled = os.path.join(datasets, "oygarden-decisions.json")
doc = json.load(open(bundled, encoding="utf-8"))
for e in list(validator.iter_errors(doc))[:5]:
    failures.append(f"{bundled}: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
with tempfile.TemporaryDirectory() as tmp:
    merged_path = os.path.join(tmp, "merged.json")
    result = merge(bundled, merged_path)
    if result.returncode != 0:
        failures.append(f"{bundled}: merge exited {result.returncode}: {result.stderr[:500]}")
    else:
        summary = json.load(open(merged_path + ".summary.json", encoding="utf-8"))
        check_merged(bundled, doc, json.load(open(merged_path, encoding="utf-8")), summary)
        # One decision per group of counterparts: nothing is left to propose.
        if summary["proposals"] or summary["undecided"]:
            failures.append(f"{bundled}: proposals or undecided systems are left")

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
    merged_path = os.path.join(tmp, "good-merged.json")
    result = merge(path, merged_path)
    if result.returncode != 0:
        failures.append("the good snippet fails merge: " + result.stderr[:300])
    else:
        summary = json.load(open(merged_path + ".summary.json", encoding="utf-8"))
        # By hand from the snippet: sund.okonomi takes the decision's 10 days, oygarden.okonomi
        # its retire entry's 12.
        systems = check_merged("the good snippet", good, json.load(open(merged_path, encoding="utf-8")),
                               summary, {"sund.okonomi": 10, "oygarden.okonomi": 12})
        efforts = {c["retired"]: (c["effort_days"], c["effort_from"]) for c in summary["conversions"]}
        if efforts != {"sund.okonomi": (10, "decision"), "oygarden.okonomi": (12, "retire entry")}:
            failures.append(f"the good snippet: conversions {efforts}")
        # The other domains are not decided: their counterparts keep their old owners; fjell.bi
        # (okonomi, but a function no other municipality has) is nobody's counterpart: 4626.
        owners = {i: systems.get(i, {}).get("owner") for i in
                  ("fjell.sak-arkiv", "sund.sak-arkiv", "oygarden.sak-arkiv", "fjell.bi")}
        if owners != {"fjell.sak-arkiv": "1246", "sund.sak-arkiv": "1245",
                      "oygarden.sak-arkiv": "1259", "fjell.bi": "4626"}:
            failures.append(f"the good snippet: owners {owners}")
        # The bundled file decides 46 groups, one decision each; the snippet one of them.
        if len(summary["decided"]) != 1 or len(summary["proposals"]) != len(doc["decisions"]) - 1:
            failures.append(f"the good snippet: {len(summary['decided'])} decided, "
                            f"{len(summary['proposals'])} proposals")
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
