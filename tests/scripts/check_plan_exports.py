#!/usr/bin/python3
"""Issue 19, item 6: a fixed date that --capacity moves is a warning on the terminal and the same
day in every export (table, JSON, MS Project XML, iCalendar, Mermaid, workbook); --capacity limits
our work only (external tasks are other owners' staff); the plan workbook has a summary sheet
"Sammendrag", dates rather than day offsets, ours/external, waited for and the fixed dates; the
impact workbook speaks the sheet's language. The workbooks are read with openpyxl.
Run: check_plan_exports.py LANDSKAP_BINARY SOURCE_DIR

Hand computation for tests/data/plan_fixed_capacity.json, --all --start 2023-08-01 --calendar
all-days --capacity 1 --deadline 2023-08-07, no integrations (every task in wave 1):
  ours (1246): sak 4 days, arkiv 3, visma-flyt-skole 2 fixed 2023-08-03 (day 2);
  external: matrikkelen (Kartverket) 3 days fixed 2023-08-01 (day 0), altinn (Digdir) 2 days.
  Critical path: finish day 4 (sak), 2023-08-04. Latest starts: sak 0, arkiv 1, matrikkelen 1,
  altinn 2, visma-flyt-skole 2.
  Placing least latest start first, then id: sak days 0-3; arkiv waits for the one place until
  day 4 (2023-08-05..07); matrikkelen and altinn are not ours: days 0-2 and 0-1; visma-flyt-skole
  is ready on day 2 but the place is taken until day 7: 2023-08-08..09, its fixed date moved by
  --capacity, 2 days after the deadline. Bottleneck --capacity: 2 systems waited 4 + 5 = 9 days.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

binary, source = sys.argv[1], sys.argv[2]
landscape = os.path.join(source, "tests", "data", "plan_fixed_capacity.json")
PLAN = ["plan", landscape, "--all", "--start", "2023-08-01", "--calendar", "all-days",
        "--capacity", "1", "--deadline", "2023-08-07"]
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def run(*args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"landskap {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r


def d(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d")


# (start, finish) of each task, by hand.
WANT = {"sak": ("2023-08-01", "2023-08-04"), "arkiv": ("2023-08-05", "2023-08-07"),
        "matrikkelen": ("2023-08-01", "2023-08-03"), "altinn": ("2023-08-01", "2023-08-02"),
        "visma-flyt-skole": ("2023-08-08", "2023-08-09")}
WARNING = ("Visma Flyt Skole: fixed date 2023-08-03 moved to 2023-08-08 by --capacity")

with tempfile.TemporaryDirectory() as tmp:
    # The terminal: the table on stdout, the warning on stderr, once.
    table = run(*PLAN)
    check("warnings on the terminal",
          [line.split(": warning: ", 1)[1] for line in table.stderr.splitlines()
           if ": warning: " in line], [WARNING])
    rows = {}
    for line in table.stdout.splitlines():
        cells = line.split()
        if len(cells) > 7 and cells[1] in WANT:
            rows[cells[1]] = cells
    for sid, (start, finish) in WANT.items():
        dates = [c for c in rows.get(sid, []) if re.fullmatch(r"\d{4}-\d\d-\d\d", c)]
        check(f"table start/finish of {sid}", dates[:2], [start, finish])
    check("table note of visma-flyt-skole",
          "fixed date 2023-08-03 moved by all work (--capacity)" in table.stdout, True)

    # JSON.
    plan = json.loads(run(*PLAN, "--format", "json").stdout or "{}")
    tasks = {t["id"]: t for t in plan.get("tasks", [])}
    for sid, (start, finish) in WANT.items():
        t = tasks.get(sid, {})
        check(f"JSON dates of {sid}", (t.get("start_date"), t.get("finish_date")), (start, finish))
    vfs = tasks.get("visma-flyt-skole", {})
    check("JSON fixed date", (vfs.get("fixed_date"), vfs.get("fixed_date_moved")),
          ("2023-08-03", True))
    check("JSON matrikkelen's fixed date kept",
          (tasks.get("matrikkelen", {}).get("fixed_date"),
           tasks.get("matrikkelen", {}).get("fixed_date_moved")), ("2023-08-01", False))
    check("JSON finish", (plan.get("finish_date"), plan.get("unconstrained_finish_date")),
          ("2023-08-09", "2023-08-04"))
    check("JSON bottleneck", plan.get("bottleneck"), {"of": "all", "name": ""})

    # MS Project XML: the task starts, and is constrained to start, on the moved day.
    xml_path = os.path.join(tmp, "plan.xml")
    run(*PLAN, "-o", xml_path)
    import xml.etree.ElementTree as ET
    ns = {"p": "http://schemas.microsoft.com/project"}
    xml_tasks = {}
    for task in ET.parse(xml_path).getroot().iterfind("p:Tasks/p:Task", ns):
        notes = task.findtext("p:Notes", "", ns)
        xml_tasks[notes.split(";")[0]] = task
    for sid, (start, finish) in WANT.items():
        task = xml_tasks.get(sid)
        got = (task.findtext("p:Start", "", ns), task.findtext("p:Finish", "", ns)) \
            if task is not None else None
        check(f"MS Project dates of {sid}", got, (start + "T08:00:00", finish + "T17:00:00"))
    task = xml_tasks.get("visma-flyt-skole")
    if task is not None:
        check("MS Project constraint", (task.findtext("p:ConstraintType", "", ns),
                                        task.findtext("p:ConstraintDate", "", ns)),
              ("2", "2023-08-08T08:00:00"))
        check("MS Project notes name the move",
              "fixed start date 2023-08-03 moved to 2023-08-08 by --capacity"
              in task.findtext("p:Notes", "", ns), True)

    # iCalendar: the fixed-start event is on the day the task starts, and its text says the
    # fixed date was moved (it used to call 2023-08-17 "its fixed date 2023-08-01").
    ics_path = os.path.join(tmp, "plan.ics")
    run(*PLAN, "-o", ics_path)
    text = open(ics_path, encoding="utf-8", newline="").read()
    text = text.replace("\r\n", "\n").replace("\n ", "")  # unfold
    events = {}
    for block in text.split("BEGIN:VEVENT")[1:]:
        fields = dict(line.split(":", 1) for line in block.splitlines() if ":" in line)
        events[fields.get("UID")] = fields
    vfs_event = events.get("fixed-visma-flyt-skole@landskap", {})
    check("iCalendar DTSTART of the moved fixed date", vfs_event.get("DTSTART;VALUE=DATE"),
          "20230808")
    check("iCalendar text of the moved fixed date", vfs_event.get("DESCRIPTION", "").startswith(
        "visma-flyt-skole starts on 2023-08-08\\, not on its fixed date (cutover.fixed_date "
        "2023-08-03): moved by --capacity"), True)
    check("iCalendar matrikkelen on its fixed date",
          events.get("fixed-matrikkelen@landskap", {}).get("DTSTART;VALUE=DATE"), "20230801")

    # Mermaid: each task's line starts on its day.
    mmd_path = os.path.join(tmp, "plan.mmd")
    run(*PLAN, "-o", mmd_path)
    mermaid = open(mmd_path, encoding="utf-8").read()
    for sid, (start, _) in WANT.items():
        lines = [l for l in mermaid.splitlines() if f"({sid}) :" in l]
        check(f"Mermaid start of {sid}",
              [l.split(", ")[-2] for l in lines], [start])
    check("Mermaid comment on the move",
          "fixed date 2023-08-03 moved to 2023-08-08 by --capacity" in mermaid, True)

    # The workbook, bokmål (the default): summary first, then the tasks with dates.
    xlsx_path = os.path.join(tmp, "plan.xlsx")
    run(*PLAN, "-o", xlsx_path)
    wb = openpyxl.load_workbook(xlsx_path)
    check("plan workbook sheets", wb.sheetnames, ["Sammendrag", "Plan", "Bølger", "Bunter"])
    summary = {r[0]: r[1:] for r in wb["Sammendrag"].iter_rows(min_row=2, values_only=True)}
    check("Sammendrag header", [c.value for c in wb["Sammendrag"][1]],
          ["Hva", "Verdi", "Systemer"])
    for what, want in [("Ferdig uten kapasitetsgrenser", d("2023-08-04")),
                       ("Ferdig med kapasitetsgrenser", d("2023-08-09")),
                       ("Dager uten kapasitetsgrenser", 4), ("Dager med kapasitetsgrenser", 9),
                       ("Frist", d("2023-08-07")), ("Frist holdt", "nei"),
                       ("Systemer ferdige etter fristen", 1), ("Forsinket med (dager)", 2),
                       ("Flaskehals", "alt arbeid (--capacity)"),
                       ("Dager ventet på flaskehalsen", 9), ("Våre systemer", 3),
                       ("Eksterne avhengigheter", 2), ("Faste datoer flyttet av kapasitet", 1),
                       ("Innsats for eier 1246 Fjell (dagsverk)", 9),
                       ("Innsats for eier Kartverket (dagsverk)", 3),
                       ("Innsats for eier Digdir (dagsverk)", 2),
                       ("Innsats for leverandør Tieto (dagsverk)", 7),
                       ("Innsats for leverandør Visma (dagsverk)", 2),
                       ("Innsats for systemer uten leverandør (dagsverk)", 5)]:
        check(f"Sammendrag {what}", summary.get(what, [None])[0], want)
    check("Sammendrag bottleneck systems", summary.get("Flaskehals", [None, None])[1], 2)
    sheet = wb["Plan"]
    header = [c.value for c in sheet[1]]
    tasks = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    for sid, (start, finish) in WANT.items():
        t = tasks.get(sid, {})
        check(f"workbook dates of {sid}", (t.get("Startdato"), t.get("Sluttdato")),
              (d(start), d(finish)))
    # Earliest and latest start and finish as dates (the critical path's, by hand above).
    for sid, es, ef, ls, lf in [("sak", "2023-08-01", "2023-08-04", "2023-08-01", "2023-08-04"),
                                ("arkiv", "2023-08-01", "2023-08-03", "2023-08-02", "2023-08-04"),
                                ("matrikkelen", "2023-08-01", "2023-08-03", "2023-08-02",
                                 "2023-08-04"),
                                ("visma-flyt-skole", "2023-08-03", "2023-08-04", "2023-08-03",
                                 "2023-08-04")]:
        t = tasks.get(sid, {})
        check(f"workbook earliest/latest of {sid}",
              [t.get(h) for h in ("Tidligste start", "Tidligste slutt", "Seneste start",
                                  "Seneste slutt")], [d(es), d(ef), d(ls), d(lf)])
    for sid, work, waited, days in [("sak", "vår", None, 0),
                                    ("arkiv", "vår", "alt arbeid (--capacity)", 4),
                                    ("visma-flyt-skole", "vår", "alt arbeid (--capacity)", 5),
                                    ("matrikkelen", "ekstern", None, 0),
                                    ("altinn", "ekstern", None, 0)]:
        t = tasks.get(sid, {})
        check(f"workbook work and wait of {sid}",
              (t.get("Arbeid"), t.get("Ventet på"), t.get("Dager ventet")), (work, waited, days))
    t = tasks.get("visma-flyt-skole", {})
    check("workbook fixed date of visma-flyt-skole",
          (t.get("Fast dato"), t.get("Fast dato flyttet av kapasitet"), t.get("Flyttet av"),
           t.get("Kritisk")), (d("2023-08-03"), "ja", "alt arbeid (--capacity)", "ja"))
    t = tasks.get("matrikkelen", {})
    check("workbook fixed date of matrikkelen",
          (t.get("Fast dato"), t.get("Fast dato flyttet av kapasitet"), t.get("Flyttet av")),
          (d("2023-08-01"), "nei", None))

    # English with --lang en.
    en_path = os.path.join(tmp, "plan-en.xlsx")
    run(*PLAN, "--lang", "en", "-o", en_path)
    wb = openpyxl.load_workbook(en_path)
    check("English sheets", wb.sheetnames, ["Summary", "Plan", "Waves", "Bundles"])
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    check("English bottleneck", summary.get("Bottleneck"), "all work (--capacity)")
    check("English deadline met", summary.get("Deadline met"), "no")
    header = [c.value for c in wb["Plan"][1]]
    tasks = {r[0]: dict(zip(header, r)) for r in wb["Plan"].iter_rows(min_row=2, values_only=True)}
    check("English work column", (tasks.get("sak", {}).get("Work"),
                                  tasks.get("altinn", {}).get("Work")), ("ours", "external"))

    # The impact workbook: criticality and reason in the sheet's language.
    for lang, want in [([], ("kritisk", "har nøkkelen")),
                       (["--lang", "en"], ("critical", "holds the key"))]:
        path = os.path.join(tmp, f"impact{len(lang)}.xlsx")
        run("impact", landscape, "--key", "kommunenummer", *lang, "-o", path)
        ws = openpyxl.load_workbook(path).worksheets[0]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        check(f"impact workbook {lang}", [(r[0], r[3], r[5]) for r in rows],
              [("sak", *want)])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("plan exports agree")
