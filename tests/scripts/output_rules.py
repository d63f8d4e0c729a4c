#!/usr/bin/env python3
"""Issue 17, findings 7 to 17, against the real binary: outputs never cost the user a file, and
every writer escapes for its reader. Each check runs landskap as a user would and reads what it
wrote with a program that is not landskap: Python's expat for XML, its csv module as a
spreadsheet splits a row, zipfile for the workbook, a pty for "the terminal", and, when node is
installed, Mermaid's own gantt grammar compiled by jison (tests/data/mermaid/). Works as root
(CI runs as root): a file without any write bit counts as not writable.

Usage: output_rules.py LANDSKAP SOURCE_DIR
Prints one line per finding and exits 1 when one of them fails.
"""
import csv
import hashlib
import io
import json
import os
import pty
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

LANDSKAP, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
TINY = os.path.join(SOURCE, "datasets", "tiny.json")
ZWSP = "\u200b"
failures = []


def run(args, stdout=None, preexec=None, cwd=None, timeout=300):
    return subprocess.run([LANDSKAP] + args, stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, preexec_fn=preexec, cwd=cwd, timeout=timeout)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(finding, ok, what):
    print(f"{'PASS' if ok else 'FAIL'} {finding}: {what}")
    if not ok:
        failures.append(finding)


def landscape(path, names, long_name=None):
    """A landscape whose municipal systems have `names`, in one chain of integrations."""
    systems = [{"id": f"s{i}", "name": n, "kind": "municipal", "owner": "1001",
                "keys": ["kommunenummer"], "cutover": {"effort_days": 2}}
               for i, n in enumerate(names)]
    integrations = [{"id": f"i{i}", "from": f"s{i}", "to": f"s{i + 1}",
                     "carries": ["kommunenummer"]} for i in range(len(names) - 1)]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "landskap/1", "name": long_name or "Hostile names",
                   "keys": [{"id": "kommunenummer", "description": ""}],
                   "changes": [{"key": "kommunenummer", "from": "1001", "to": "1003",
                                "effective": "2020-06-01"}],
                   "systems": systems, "integrations": integrations}, f, ensure_ascii=False)


HOSTILE = ["Sak og arkiv", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
           "a *b* [l](javascript:alert(3)) & co", "Sak;=1+1", "Lønn\t=2+2", "Arkiv,=3+3",
           "=HYPERLINK(\"http://x\")", " -1+2", "@SUM(1)", "+47", "-12.5", "Call center",
           "Click & Collect", "Gantt-verktøy", "2020-01-01 migrering", "Section for plan og bygg",
           "Title of the thing", "Includes alt", "Excludes barnehage", "dateFormat omregner",
           "5% rabatt", "%% kommentar", "a%b", "href \"x\" portal", "accDescr {x",
           "accTitle: x", "topAxis", "weekday monday", "Sak\ufffearkiv", "Lønn\uffff",
           "Sak\x1b[31mRED\x07bell\x7fdel", "Linje\nskift"]


def finding_7(tmp):
    full = open("/dev/full", "wb")
    r = run(["fmt", TINY], stdout=full)
    check(7, r.returncode == 2 and b"standard output" in r.stderr,
          f"fmt > /dev/full exits {r.returncode} ({r.stderr.decode().strip()[:80]})")
    r = run(["validate", TINY], stdout=full)
    check(7, r.returncode == 2 and b"standard output" in r.stderr,
          f"validate > /dev/full exits {r.returncode}")
    r = run(["synth", "--municipalities", "2", "--systems-per-municipality", "3"], stdout=full)
    check(7, r.returncode == 2 and b"systems (" not in r.stderr,
          f"synth > /dev/full exits {r.returncode} and reports nothing it did not write")

    def small_disk():  # a full disk under '>': a 1 KB file-size limit, SIGXFSZ ignored
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
    with open(os.path.join(tmp, "synth.json"), "wb") as out:
        r = run(["synth", "--municipalities", "2", "--systems-per-municipality", "50"],
                stdout=out, preexec=small_disk)
    check(7, r.returncode == 2 and b"systems (" not in r.stderr,
          f"synth > file on a full disk exits {r.returncode}")


def finding_8(tmp):
    land = os.path.join(tmp, "in.json")

    def fresh():  # the input as it was, with a symbolic and a hard link to it
        for name in ("in.json", "link.json", "hard.json"):
            if os.path.lexists(os.path.join(tmp, name)):
                os.unlink(os.path.join(tmp, name))
        shutil.copy(TINY, land)
        os.symlink(land, os.path.join(tmp, "link.json"))
        os.link(land, os.path.join(tmp, "hard.json"))
    fresh()
    before = digest(land)
    other = os.path.join(tmp, "b.json")
    shutil.copy(TINY, other)
    commands = [["stats", "in.json"], ["impact", "in.json", "--key", "kommunenummer"],
                ["plan", "in.json", "--key", "kommunenummer"], ["hotspots", "in.json"],
                ["diff", "b.json", "in.json"]]
    for command in commands:
        for out in ["in.json", "./in.json", land, "link.json", "hard.json"]:
            fresh()
            r = run(command + ["-o", out], cwd=tmp)
            check(8, r.returncode == 2 and digest(land) == before,
                  f"{command[0]} -o {'ABS' if out == land else out} exits {r.returncode}, input kept")
    closed = os.path.join(tmp, "closed.csv")
    with open(closed, "w") as f:
        f.write("2019-12-23,2019-12-31\n")
    closed_before = digest(closed)
    r = run(["plan", "in.json", "--key", "kommunenummer", "--closed", "closed.csv",
             "-o", "./closed.csv"], cwd=tmp)
    check(8, r.returncode == 2 and digest(closed) == closed_before,
          f"plan --closed F -o ./F exits {r.returncode}")
    r = run(["render", "in.json", "--diff", "b.json", "-o", "./b.json", "--format", "svg"],
            cwd=tmp)
    check(8, r.returncode == 2, f"render --diff F -o ./F exits {r.returncode}")
    fresh()
    r = run(["merge", "in.json", "b.json", "--into", "4626", "-o", "./in.json"], cwd=tmp)
    check(8, r.returncode == 2 and digest(land) == before, f"merge -o ./input exits {r.returncode}")
    fresh()
    r = run(["fmt", "in.json", "-o", "in.json"], cwd=tmp)
    check(8, r.returncode == 0, f"fmt in place still works (exit {r.returncode})")


def finding_9(tmp):
    target = os.path.join(tmp, "ro.txt")
    with open(target, "w") as f:
        f.write("keep me\n")
    os.chmod(target, 0o444)
    r = run(["stats", TINY, "-o", target])
    with open(target) as f:
        kept = f.read() == "keep me\n"
    check(9, r.returncode == 2 and kept and b"may not be written" in r.stderr,
          f"stats -o a 0444 file exits {r.returncode}, file kept: {kept}")
    os.chmod(target, 0o644)
    r = run(["stats", TINY, "-o", target])
    with open(target) as f:
        replaced = f.read() != "keep me\n"
    check(9, r.returncode == 0 and replaced, f"a 0644 file is replaced (exit {r.returncode})")


def finding_10(tmp):
    book = os.path.join(tmp, "inventar.xlsx")
    with open(book, "wb") as f:
        f.write(b"filled in by hand")
    r = run(["template", "-o", book])
    check(10, r.returncode == 2 and digest(book) == hashlib.sha256(b"filled in by hand").hexdigest(),
          f"template over an existing file exits {r.returncode}, file kept")
    r = run(["template", "-o", book, "--force"])
    check(10, r.returncode == 0 and zipfile.is_zipfile(book), f"--force replaces it ({r.returncode})")
    fresh = os.path.join(tmp, "ny.xlsx")
    r = run(["template", "-o", fresh])
    check(10, r.returncode == 0 and zipfile.is_zipfile(fresh), f"a new file is written ({r.returncode})")


def finding_11(tmp):
    for command, out in [(["plan", TINY, "--key", "kommunenummer"], "plan.docx"),
                         (["impact", TINY, "--key", "kommunenummer"], "impact.xls")]:
        r = run(command + ["-o", os.path.join(tmp, out)])
        check(11, r.returncode == 2 and not os.path.exists(os.path.join(tmp, out))
              and b"no format ends in" in r.stderr, f"{command[0]} -o {out} exits {r.returncode}")
    r = run(["stats", TINY, "--format", "json", "-o", os.path.join(tmp, "stats.dat")])
    ok = r.returncode == 0
    if ok:
        with open(os.path.join(tmp, "stats.dat")) as f:
            json.load(f)
    check(11, ok, f"--format json -o stats.dat is allowed (exit {r.returncode})")
    r = run(["stats", TINY, "-o", os.path.join(tmp, "stats")])
    check(11, r.returncode == 0, f"-o without an ending writes the table (exit {r.returncode})")
    # report onto a terminal: stdout is a pty.
    master, slave = pty.openpty()
    p = subprocess.Popen([LANDSKAP, "report", TINY], stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    shown = b""
    try:
        while True:  # read as it comes, or a full pty would block the program
            chunk = os.read(master, 65536)
            if not chunk:
                break
            shown += chunk
    except OSError:  # EIO: the program has closed the terminal
        pass
    err = p.stderr.read()
    code = p.wait(timeout=120)
    os.close(master)
    check(11, code == 2 and len(shown) < 1000 and b"-o" in err,
          f"report onto a terminal exits {code} after {len(shown)} bytes")


def mermaid_lines(text):
    return [line for line in text.split("\n") if re.match(r"^    \S.* :(milestone, )?(crit, )?t\d+, ", line)]


def finding_12(tmp, land):
    out = os.path.join(tmp, "plan.mmd")
    r = run(["plan", land, "--key", "kommunenummer", "--start", "2020-01-06", "-o", out])
    if r.returncode != 0:
        check(12, False, f"plan -o plan.mmd exits {r.returncode}")
        return
    text = open(out, encoding="utf-8").read()
    tasks = mermaid_lines(text)
    check(12, len(tasks) == len(HOSTILE) and all(t.startswith("    " + ZWSP) for t in tasks)
          and all("%" not in t for t in tasks),
          f"{len(tasks)} of {len(HOSTILE)} task lines start with U+200B and hold no '%'")
    node = shutil.which("node")
    if not node:
        print("SKIP 12: node is not installed; Mermaid's own grammar not run")
        return
    checker = os.path.join(SOURCE, "tests", "data", "mermaid", "check_gantt.js")
    r = subprocess.run([node, checker, out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        parsed = json.loads(r.stdout)
    except ValueError:
        parsed = {"error": r.stdout.decode() + r.stderr.decode()}
    ok = "error" not in parsed and len(parsed["tasks"]) == len(HOSTILE) and \
        all(s.startswith("Wave ") for s in parsed["sections"]) and \
        sorted(parsed["settings"]) == ["axisFormat", "dateFormat", "excludes", "title"]
    check(12, ok, "Mermaid's grammar reads every name as a task: "
          + (parsed.get("error") or f"{len(parsed['tasks'])} tasks, settings {parsed['settings']}")[:160])


def finding_13(tmp, land):
    out = os.path.join(tmp, "plan.xml")
    r = run(["plan", land, "--key", "kommunenummer", "--start", "2020-01-06", "-o", out])
    try:
        root = ET.parse(out).getroot()
        names = [t.findtext("{http://schemas.microsoft.com/project}Name")
                 for t in root.iter("{http://schemas.microsoft.com/project}Task")]
        ok = r.returncode == 0 and len(names) == len(HOSTILE) + 1
        what = f"{len(names)} tasks"
    except (ET.ParseError, OSError) as e:
        ok, what = False, str(e)[:100]
    check(13, ok, f"MS Project XML is well-formed for expat: {what}")
    out = os.path.join(tmp, "model.xml")
    r = run(["export", "archimate", land, "-o", out])
    try:
        root = ET.parse(out).getroot()
        n = len([e for e in root.iter() if e.tag.endswith("}element")])
        ok, what = r.returncode == 0 and n == len(HOSTILE), f"{n} elements"
    except (ET.ParseError, OSError) as e:
        ok, what = False, str(e)[:100]
    check(13, ok, f"ArchiMate export is well-formed for expat: {what}")


def finding_14(tmp, land):
    r = run(["impact", land, "--key", "kommunenummer", "--format", "csv"])
    text = r.stdout.decode("utf-8")
    bad = []
    for separator in [";", ","]:  # Norwegian Excel splits .csv on ';', others on ','
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            for field in row:
                start = field.lstrip(" \t\r\n")
                if start[:1] in ("=", "+", "-", "@") and not re.fullmatch(r"-[0-9.]+", field):
                    bad.append((separator, field))
    check(14, r.returncode == 0 and not bad,
          f"no field read with ';' or ',' starts a formula: {bad[:2]}")


def finding_15(tmp, land):
    for command in (["impact", land, "--key", "kommunenummer"],
                    ["plan", land, "--key", "kommunenummer"]):
        r = run(command + ["--format", "markdown"])
        text = r.stdout.decode("utf-8")
        check(15, r.returncode == 0 and "<script" not in text and "<img" not in text
              and "&lt;script&gt;" in text, f"{command[0]} markdown writes no raw HTML")


def finding_16(tmp, land):
    out = os.path.join(tmp, "plan.ics")
    # Fixed dates make events with the names in their summaries.
    data = json.load(open(land, encoding="utf-8"))
    for s in data["systems"]:
        s["cutover"]["fixed_date"] = "2020-02-03"
    data["integrations"] = []  # so that every fixed date can be met
    fixed = os.path.join(tmp, "fixed.json")
    json.dump(data, open(fixed, "w", encoding="utf-8"), ensure_ascii=False)
    r = run(["plan", fixed, "--key", "kommunenummer", "-o", out])
    raw = open(out, "rb").read() if os.path.exists(out) else b""
    controls = [b for b in raw if (b < 0x20 and b not in (9, 10, 13)) or b == 0x7F]
    summaries = raw.count(b"SUMMARY:Fixed start: ")
    check(16, r.returncode == 0 and not controls and summaries == len(HOSTILE),
          f"iCalendar: {len(controls)} control bytes, {summaries} fixed-start summaries")


def finding_17(tmp):
    long40 = "S" * 40000
    land = os.path.join(tmp, "long.json")
    landscape(land, ["Sak og arkiv", long40, "Lønn"])
    book = os.path.join(tmp, "impact.xlsx")
    r = run(["impact", land, "--key", "kommunenummer", "-o", book])
    strings = ""
    if r.returncode == 0:
        with zipfile.ZipFile(book) as z:
            strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    cut = re.search(r"<t>(S+)\u2026</t>", strings)
    check(17, r.returncode == 0 and cut is not None and len(cut.group(1)) + 1 == 32767
          and b"shortened" in r.stderr,
          f"xlsx: the 40 000-character name is cut to 32 767 with a mark and a note "
          f"(exit {r.returncode})")
    for name, length in [("long40000.json", 40000), ("long8000.json", 8000)]:
        path = os.path.join(tmp, name)
        landscape(path, ["Sak og arkiv", "S" * length, "Lønn"], long_name="T" * length)
        svg = os.path.join(tmp, name + ".svg")
        r = run(["render", path, "-o", svg], timeout=120)
        width = 0.0
        full = False
        if r.returncode == 0:
            text = open(svg, encoding="utf-8").read()
            m = re.search(r'<svg width="([0-9.]+)pt"', text)
            width = float(m.group(1)) if m else 0.0
            full = ("S" * length) in text  # the whole name stays in the tooltip
        check(17, r.returncode == 0 and 0 < width < 3000 and full,  # it was 60 000 pt
              f"render with a {length}-character name: exit {r.returncode}, {width:.0f} pt wide, "
              f"whole name in the tooltip: {full}")
    path = os.path.join(tmp, "long40000.json")
    r = run(["report", path, "-o", os.path.join(tmp, "report.html")], timeout=120)
    check(17, r.returncode == 0, f"report with a 40 000-character name exits {r.returncode}")
    r = run(["render", path, "--gantt", "--start", "2020-01-06", "-o",
             os.path.join(tmp, "gantt.svg")], timeout=120)
    check(17, r.returncode == 0, f"the Gantt chart with a 40 000-character name exits {r.returncode}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        land = os.path.join(tmp, "hostile.json")
        landscape(land, HOSTILE)
        r = run(["validate", land])
        if r.returncode != 0:
            print("the hostile landscape does not validate: " + r.stderr.decode())
            return 1
        for finding in (finding_7, finding_8, finding_9, finding_10, finding_11, finding_17):
            folder = os.path.join(tmp, finding.__name__)
            os.mkdir(folder)
            finding(folder)
        for finding in (finding_12, finding_13, finding_14, finding_15, finding_16):
            folder = os.path.join(tmp, finding.__name__)
            os.mkdir(folder)
            finding(folder, land)
    failed = sorted(set(failures))
    print(f"{len(failed)} of 11 findings failed" + (f": {failed}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
