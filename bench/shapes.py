#!/usr/bin/env python3
"""The worst input shapes of issue 17, each run by the real binary with its peak memory measured.

The budget (docs/limits.md) is a rule, not a list of patches: no input within the size limits
makes a command use more than ten times the input's size plus 64 MB (for a workbook, the size of
its parts unpacked). This script generates each shape that once broke it, runs landskap on it
under GNU time (/usr/bin/time -f %M: the peak resident memory of that process), and prints
one row per shape: input size, peak memory, the budget, exit code, seconds. Shapes run at two
sizes (n and 4n) so that the time column shows how they grow: about 4 times for linear work.

  bench/shapes.py [--binary build/ci/landskap] [--small] [--keep DIR]

--small runs the smaller sizes only (a quick look; the full run writes ~900 MB of temporary
files and takes a few minutes). Exit code 1 when a shape is over its budget or ended by a signal.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1 << 20
BASE = 64 * MB
FACTOR = 10


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def workbook(path, rows_xml, shared_xml=b""):
    """One sheet 'Systemer'; returns (path, bytes of the parts unpacked)."""
    parts = {
        "xl/workbook.xml": b'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships"><sheets><sheet name="Systemer" sheetId="1" r:id="rId1"/></sheets>'
        b"</workbook>",
        "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Type="http://'
        b"schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        b'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": b"<worksheet><sheetData>" + rows_xml + b"</sheetData></worksheet>",
        "xl/sharedStrings.xml": b"<sst>" + shared_xml + b"</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path, sum(len(d) for d in parts.values())


# --- the shapes: each takes (folder, n) and returns (arguments, input bytes for the budget) ----


def xlsx_column_iv(d, n):
    """One cell in column IV on each of n rows (finding 1)."""
    head = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>System</t></is></c></row>'
            b'<row r="2"><c r="A2" t="inlineStr"><is><t>Sak</t></is></c></row>')
    rows = b"".join(b'<row r="%d"><c r="IV%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
                    for r in range(3, n + 3))
    path, unpacked = workbook(os.path.join(d, "wide.xlsx"), head + rows)
    return ["import", path], unpacked


def xlsx_shared_string(d, n):
    """A shared string of n MB used by 64 cells (finding 2): refused, Excel holds 32 767."""
    rows = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + b"".join(
        b'<row r="%d"><c r="A%d" t="s"><v>1</v></c></row>' % (r, r) for r in range(2, 66))
    shared = b"<si><t>System</t></si><si><t>" + b"a" * (n * MB) + b"</t></si>"
    path, unpacked = workbook(os.path.join(d, "shared.xlsx"), rows, shared)
    return ["import", path], unpacked


def xlsx_shared_string_copies(d, n):
    """A 30 000-character shared string used by n cells: the copies meet the budget."""
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>System</t></is></c></row>' + b"".join(
        b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(2, n + 2))
    path, unpacked = workbook(os.path.join(d, "copies.xlsx"), rows,
                              b"<si><t>" + b"c" * 30000 + b"</t></si>")
    return ["import", path], unpacked


def archi_hub(d, n):
    """n components joined by flows into and out of one interface (finding 3)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<archimate:model '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xmlns:archimate="http://www.archimatetool.com/archimate" name="Hub" id="m">\n'
           '<folder name="Application" id="fa" type="application">\n'
           '<element xsi:type="archimate:ApplicationInterface" name="ESB" id="esb"/>\n']
    out += ['<element xsi:type="archimate:ApplicationComponent" name="C%d" id="c%d"/>\n' % (i, i)
            for i in range(n)]
    out.append('</folder>\n<folder name="Relations" id="fr" type="relations">\n')
    for i in range(n):
        out.append('<element xsi:type="archimate:FlowRelationship" id="in%d" source="c%d" '
                   'target="esb"/>\n<element xsi:type="archimate:FlowRelationship" id="out%d" '
                   'source="esb" target="c%d"/>\n' % (i, i, i, i))
    out.append("</folder>\n</archimate:model>\n")
    data = "".join(out).encode()
    return ["import", write(os.path.join(d, "hub.archimate"), data)], len(data)


def csv_blank_lines(d, n):
    """n MB of line breaks (finding 4)."""
    data = b"\n" * (n * MB)
    return ["import", write(os.path.join(d, "blank.csv"), data)], len(data)


def csv_semicolons(d, n):
    """A header, then n MB of ';' (finding 4)."""
    data = b"System\n" + b";" * (n * MB)
    return ["import", write(os.path.join(d, "semi.csv"), data)], len(data)


def csv_tiny_cells(d, n):
    """n MB of one-character cells ("x;x;x…", 256 a row): the densest a table gets."""
    row = b";".join([b"x"] * 256) + b"\n"
    data = b"System\n" + row * (n * MB // len(row))
    return ["import", write(os.path.join(d, "tiny.csv"), data)], len(data)


def archi_csv_tiny_rows(d, n):
    """Archi's CSV with n MB of the shortest relation rows."""
    elements = b'"ID","Type","Name","Documentation"\n"a","ApplicationComponent","A",""\n'
    row = b'"r","Flow","","a","b"\n'
    relations = b'"ID","Type","Name","Documentation","Source","Target"\n' + row * (n * MB // len(row))
    write(os.path.join(d, "elements.csv"), elements)
    write(os.path.join(d, "relations.csv"), relations)
    return ["import", os.path.join(d, "elements.csv")], len(elements) + len(relations)


def change_table_blank_lines(d, n):
    """A change table (impact --changes) of a header and n MB of line breaks."""
    data = b"old;new\n1246;4626\n" + b"\n" * (n * MB)
    return ["impact", os.path.join(ROOT, "datasets", "tiny.json"), "--key", "kommunenummer",
            "--changes", write(os.path.join(d, "changes.csv"), data)], len(data)


def closures_adjacent(d, n):
    """n adjacent one-day closures with 1 000-character labels (finding 6: a 1.1 GB plan)."""
    import datetime
    day = datetime.date(2019, 9, 2)
    lines = []
    for i in range(n):
        date = (day + datetime.timedelta(days=i)).isoformat()
        lines.append("%s;%s;%d%s\n" % (date, date, i, "x" * 1000))
    data = "".join(lines).encode()
    return ["plan", os.path.join(ROOT, "tests", "data", "plan_small.json"), "--key",
            "kommunenummer", "--closed", write(os.path.join(d, "closed.csv"), data)], len(data)


def closures_yearly(d, n):
    """n three-day closures, one a year, and a fixed date in the last year (the covered years
    grow with the plan: finding 6's quadratic rebuild)."""
    data = "".join("%04d-03-02,%04d-03-04,stengt\n" % (y, y) for y in range(2020, 2020 + n)).encode()
    land = ('{"format": "landskap/1", "keys": [{"id": "kommunenummer"}], "systems": ['
            '{"id": "a", "name": "A", "owner": "1001", "keys": ["kommunenummer"], '
            '"cutover": {"effort_days": 2, "fixed_date": "%04d-03-03"}}]}' % (2020 + n - 1))
    return ["plan", write(os.path.join(d, "land.json"), land.encode()), "--all", "--start",
            "2020-01-01", "--closed", write(os.path.join(d, "yearly.csv"), data)], len(data) + len(land)


SHAPES = [
    ("xlsx column IV, rows", xlsx_column_iv, 250000),
    ("xlsx shared string, MB", xlsx_shared_string, 50),
    ("xlsx copies of a 30 000-char string", xlsx_shared_string_copies, 5000),
    ("Archi hub, components", archi_hub, 5000),
    ("CSV of blank lines, MB", csv_blank_lines, 50),
    ("CSV of ';', MB", csv_semicolons, 50),
    ("CSV of one-char cells, MB", csv_tiny_cells, 4),
    ("Archi CSV, shortest rows, MB", archi_csv_tiny_rows, 4),
    ("change table of blank lines, MB", change_table_blank_lines, 16),
    ("closures, adjacent, long labels", closures_adjacent, 800),
    ("closures, one a year, years", closures_yearly, 250),
]


def run(binary, args, out):
    """Runs the binary; returns (exit code or -signal, peak RSS in bytes, seconds, stderr tail).

    The peak is measured by GNU time (/usr/bin/time -f %M), a small process of its own: a child
    forked from this Python process would count the pages it shares with it (the generated
    inputs) in its own peak before it execs."""
    err_path = out + ".err"
    time_path = out + ".time"
    start = time.monotonic()
    with open(err_path, "wb") as err, open(os.devnull, "wb") as null:
        code = subprocess.call(["/usr/bin/time", "-q", "-f", "%x %M", "-o", time_path, binary] +
                               args + ["-o", out], stdout=null, stderr=err)
    seconds = time.monotonic() - start
    with open(time_path) as f:
        fields = f.read().split()
    # GNU time writes "Command terminated by signal N" first when a signal ended it.
    if "signal" in fields:
        code = -int(fields[fields.index("signal") + 1])
    peak = int(fields[-1]) * 1024
    with open(err_path, "rb") as err:
        tail = err.read()[-300:].decode("utf-8", "replace")
    return code, peak, seconds, tail


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "ci", "landskap"))
    parser.add_argument("--small", action="store_true", help="the smaller sizes only")
    parser.add_argument("--keep", help="keep the generated inputs in this folder")
    a = parser.parse_args()
    folder = a.keep or tempfile.mkdtemp(prefix="landskap-shapes-")
    os.makedirs(folder, exist_ok=True)
    print("| shape | n | input | peak memory | budget | exit | seconds |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    over = False
    try:
        for name, make, n in SHAPES:
            for size in ([n] if a.small else [n, 4 * n]):
                d = os.path.join(folder, "%s-%d" % (make.__name__, size))
                os.makedirs(d, exist_ok=True)
                args, input_bytes = make(d, size)
                code, peak, seconds, tail = run(a.binary, args, os.path.join(d, "out"))
                budget = BASE + FACTOR * input_bytes
                bad = peak > budget or code < 0
                over |= bad
                print("| %s | %d | %.1f MB | %.1f MB | %.0f MB%s | %d | %.2f |" % (
                    name, size, input_bytes / MB, peak / MB, budget / MB,
                    " **over**" if bad else "", code, seconds))
                if code < 0:
                    print("  ended by signal %d: %s" % (-code, tail.strip()), file=sys.stderr)
                if not a.keep:
                    shutil.rmtree(d, ignore_errors=True)
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
