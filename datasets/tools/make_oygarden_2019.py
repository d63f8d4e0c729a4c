#!/usr/bin/env python3
"""Generate the landscapes of Fjell, Sund and Øygarden before the 2020 merger, and the merger's
decisions, from the model in make_oygarden.py (the bundled merged landscape).

    python3 datasets/tools/make_oygarden_2019.py datasets/

writes fjell-2019.json, sund-2019.json, oygarden-2019.json and oygarden-decisions.json there.

Each municipality's file holds:
- its own systems (owner: its old kommunenummer, 1246, 1245 or 1259);
- the national, intermunicipal and vendor systems it uses: those linked to its own systems by a
  chain of integrations that runs through shared systems only;
- the neighbours' systems (Askøy, Bergen) its own systems exchange data with directly;
- every integration between two of these systems, except the merger's own work (the archive
  extracts of Sund and Øygarden to IKA and the ledger migrations into Fjell's økonomi), and the
  cutover.after constraints between them, except the merger's (fjell.sak-arkiv after ika.depot).
One difference is on purpose: Sund's file still calls Microsoft 365 by its 2019 name, Office 365,
so that `landskap merge` has a conflict between the files to report.

The decisions keep Fjell's system in every domain where Fjell has one (Fjell was the largest of
the three and the host of the intermunicipal services), with two exceptions explained in their
notes. Standard library only; deterministic output.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_oygarden as m  # noqa: E402

# Integrations that only exist because of the merger (see make_oygarden.SHARED_FLOWS).
MERGER_ONLY = {
    ("sund.sak-arkiv", "ika.depot"),
    ("oygarden.sak-arkiv", "ika.depot"),
    ("sund.okonomi", "fjell.okonomi"),
    ("oygarden.okonomi", "fjell.okonomi"),
}
MERGER_AFTER = {("fjell.sak-arkiv", "ika.depot")}

NAMES_2019 = {"sund": {"microsoft.m365": "Office 365 (e-post, Teams)"}}

# Domains (by the system's slug) where another municipality's system survives.
SURVIVOR_OVERRIDES = {
    "rekruttering": ("oygarden", "The new municipality recruits through Jobbnorge, which KS's "
                                 "framework agreement covers; Webcruiter is not renewed."),
    "nettsted": ("sund", "Acos Interact is already used by two of the three; Sund's site has "
                         "the newest design and becomes oygarden.kommune.no."),
}
# Conversion effort (days) where it differs from the retired system's own cutover estimate.
EFFORT = {"sak-arkiv": 20, "okonomi": 15, "lonn": 15, "helse-omsorg": 15}


def owner_is_kommunenummer(owner):
    return len(owner) == 4 and owner.isdigit()


def municipality_file(prefix, knr, display, systems, integrations):
    merging = {k for _, k, _, _ in m.MUNICIPALITIES}
    own = {sid for sid, s in systems.items() if s["owner"] == knr}
    shared = {sid for sid, s in systems.items() if not owner_is_kommunenummer(s["owner"])}
    neighbour = {sid for sid, s in systems.items()
                 if owner_is_kommunenummer(s["owner"]) and s["owner"] not in merging}
    flows = [i for i in integrations if (i["from"], i["to"]) not in MERGER_ONLY]
    adjacent = {}
    for i in flows:
        adjacent.setdefault(i["from"], set()).add(i["to"])
        adjacent.setdefault(i["to"], set()).add(i["from"])
    included = set(own)
    todo = list(own)
    while todo:
        sid = todo.pop()
        for other in sorted(adjacent.get(sid, ())):
            if other in included:
                continue
            if other in shared or (other in neighbour and sid in own):
                included.add(other)
                if other in shared:
                    todo.append(other)
    out_systems = []
    for sid in sorted(included):
        s = json.loads(json.dumps(systems[sid]))
        if sid in NAMES_2019.get(prefix, {}):
            s["name"] = NAMES_2019[prefix][sid]
        after = [a for a in s["cutover"].get("after", [])
                 if a in included and (sid, a) not in MERGER_AFTER]
        if after:
            s["cutover"]["after"] = after
        else:
            s["cutover"].pop("after", None)
        out_systems.append(s)
    out_integrations = [i for i in flows if i["from"] in included and i["to"] in included]
    used_keys = set()
    for s in out_systems:
        used_keys.update(s["keys"])
    for i in out_integrations:
        used_keys.update(i["carries"])
    return {
        "format": "landskap/1",
        "name": "%s %s before the merger (2019)" % (display, knr),
        "keys": [{"id": k, "description": d} for k, d in m.KEYS if k in used_keys],
        "systems": out_systems,
        "integrations": out_integrations,
    }


def decisions():
    out = []
    for slug, _name, domain, _keys, _crit, per in m.MUNICIPAL:
        present = [p for p, _, _, _ in m.MUNICIPALITIES if p in per]
        if len(present) < 2:
            continue
        note = "Fjell's system continues (the largest of the three, host of the shared services)."
        survivor = "fjell" if "fjell" in present else present[0]
        if slug in SURVIVOR_OVERRIDES:
            survivor, note = SURVIVOR_OVERRIDES[slug]
        decision = {"domain": domain, "survivor": "%s.%s" % (survivor, slug),
                    "retire": ["%s.%s" % (p, slug) for p in present if p != survivor]}
        if slug in EFFORT:
            decision["effort_days"] = EFFORT[slug]
        decision["note"] = note
        out.append(decision)
    return {"format": "landskap-decisions/1", "into": "4626", "decisions": out}


def write(path, document):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_oygarden_2019.py OUTPUT_FOLDER")
    folder = sys.argv[1]
    systems = m.build_systems()
    integrations = m.build_integrations(systems)
    m.apply_after(systems, integrations)
    for prefix, knr, display, _hub in m.MUNICIPALITIES:
        write(os.path.join(folder, "%s-2019.json" % prefix),
              municipality_file(prefix, knr, display, systems, integrations))
    write(os.path.join(folder, "oygarden-decisions.json"), decisions())


if __name__ == "__main__":
    main()
