#!/usr/bin/python3
"""Issue 19, item 5: merge decisions in Excel. `merge --propose x.xlsx` writes a workbook with a
drop-down of systems in the survivor column; edited in a spreadsheet (here openpyxl: another
survivor, an effort), `--decisions x.xlsx` gives byte for byte the landscape that the same edit
made in the JSON proposal gives; a bad cell is an error naming sheet!cell, all at once, exit 2,
nothing written. Run: check_decisions_workbook.py LANDSKAP_BINARY SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

binary, source = sys.argv[1], sys.argv[2]
datasets = os.path.join(source, "datasets")
FILES = [os.path.join(datasets, f) for f in ("fjell-2019.json", "sund-2019.json",
                                             "oygarden-2019.json")]
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def merge(*args):
    return subprocess.run([binary, "merge", *FILES, "--into", "4626", *args],
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    p = lambda name: os.path.join(tmp, name)
    check("propose xlsx", merge("--propose", p("forslag.xlsx")).returncode, 0)
    check("propose json", merge("--propose", p("forslag.json")).returncode, 0)
    wb = openpyxl.load_workbook(p("forslag.xlsx"))
    check("sheets", wb.sheetnames, ["Beslutninger", "Systemer", "Om"])
    ws = wb["Beslutninger"]
    check("header", [c.value for c in ws[1]],
          ["Domene", "Overlever", "Avvikles", "Innsats (dager)", "Merknad"])
    proposal = json.load(open(p("forslag.json"), encoding="utf-8"))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # The workbook holds the JSON proposal, decision by decision.
    check("rows", [(r[0], r[1], r[2]) for r in rows],
          [(d.get("domain"), d["survivor"], ", ".join(d["retire"]) or None)
           for d in proposal["decisions"]])
    check("into", [c.value for c in wb["Om"][2]], ["Ny kommune", "4626"])
    systems = sorted({d["survivor"] for d in proposal["decisions"]} |
                     {r for d in proposal["decisions"] for r in d["retire"]})
    check("drop-down list", [r[0] for r in wb["Systemer"].iter_rows(min_row=2, values_only=True)],
          systems)
    validations = ws.data_validations.dataValidation
    check("drop-down", [(v.type, str(v.sqref).split(":")[0], v.formula1) for v in validations],
          [("list", "B2", f"Systemer!$A$2:$A${len(systems) + 1}")])

    # The same edit in both forms: barnehage survives in Sund, with 12.5 days per retirement.
    first = proposal["decisions"][0]
    check("first decision", (first.get("domain"), first["survivor"]),
          ("barnehage", "fjell.barnehage"))
    ws["B2"] = "sund.barnehage"
    ws["C2"] = "fjell.barnehage; oygarden.barnehage"
    ws["D2"] = 12.5
    wb.save(p("endret.xlsx"))
    first["survivor"] = "sund.barnehage"
    first["retire"] = ["fjell.barnehage", "oygarden.barnehage"]
    first["effort_days"] = 12.5
    json.dump(proposal, open(p("endret.json"), "w", encoding="utf-8"), ensure_ascii=False)
    a = merge("--decisions", p("endret.xlsx"), "-o", p("a.json"))
    b = merge("--decisions", p("endret.json"), "-o", p("b.json"))
    check("merge with the workbook", (a.returncode, a.stderr.count("error")), (0, 0))
    check("merge with the JSON", b.returncode, 0)
    merged = open(p("a.json"), "rb").read() if os.path.exists(p("a.json")) else b""
    check("the same landscape", merged == open(p("b.json"), "rb").read(), True)
    ids = {s["id"]: s for s in json.loads(merged or b"{}").get("systems", [])}
    check("Sund's barnehage survives", ("sund.barnehage" in ids, "fjell.barnehage" in ids),
          (True, False))

    # Bad cells: each named by sheet and cell, all at once; nothing written.
    wb = openpyxl.load_workbook(p("forslag.xlsx"))
    ws = wb["Beslutninger"]
    ws["D3"] = "ti dager"
    ws["D5"] = -1
    wb.save(p("feil.xlsx"))
    r = merge("--decisions", p("feil.xlsx"), "-o", p("c.json"))
    label = p("feil.xlsx")
    check("bad cells exit", r.returncode, 2)
    check("bad cells named", [line.split(": error: ")[0] for line in r.stderr.splitlines()
                              if ": error: " in line],
          [label + ":Beslutninger!D3", label + ":Beslutninger!D5"])
    check("nothing written", os.path.exists(p("c.json")), False)
    # The merge's own checks name the cell too.
    wb = openpyxl.load_workbook(p("forslag.xlsx"))
    ws = wb["Beslutninger"]
    ws["B2"] = "sund.barnehagen"
    ws["C3"] = ws["C3"].value + ", " + ws["B3"].value
    wb.save(p("feil2.xlsx"))
    r = merge("--decisions", p("feil2.xlsx"), "-o", p("d.json"))
    label = p("feil2.xlsx")
    check("unknown survivor named", any(line.startswith(
        label + ":Beslutninger!B2: error: unknown system 'sund.barnehagen' (did you mean "
        "'sund.barnehage'?)") for line in r.stderr.splitlines()), True)
    check("survivor retired named", any(line.startswith(label + ":Beslutninger!C3: error: ")
                                        for line in r.stderr.splitlines()), True)
    # A workbook without the sheet.
    other = openpyxl.Workbook()
    other.active.title = "Ark1"
    other.save(p("tom.xlsx"))
    r = merge("--decisions", p("tom.xlsx"))
    check("no sheet Beslutninger", (r.returncode, "no sheet \"Beslutninger\"" in r.stderr),
          (2, True))

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("decisions workbook round-trips")
