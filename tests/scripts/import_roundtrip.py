#!/usr/bin/env python3
"""The bundled Øygarden landscape, written by Python as a Norwegian CSV pair (Windows-1252, ';')
and as an Excel workbook (zip of SpreadsheetML parts, dates as serial numbers), imported with
`landskap import`: the result must hold the same systems and integrations, field by field.
Python writes the sources, so the reader is checked against another program's files.

Usage: import_roundtrip.py LANDSKAP SOURCE_DIR
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

KINDS = {"national": "nasjonal", "municipal": "kommunal", "intermunicipal": "interkommunal",
         "vendor": "leverandør"}
LEVELS = {"low": "lav", "medium": "middels", "high": "høy", "critical": "kritisk"}
SYSTEM_HEADERS = ["ID", "System", "Type", "Eier", "Leverandør", "Produkt", "Fagområde", "Nøkler",
                  "Kritikalitet", "Innsats (dager)", "Etter", "Fast dato"]
INTEGRATION_HEADERS = ["ID", "Fra", "Til", "Bærer", "Protokoll", "Kritikalitet"]


def system_row(s, date_as):
    c = s.get("cutover", {})
    effort = c.get("effort_days")
    return [s["id"], s.get("name", ""), KINDS.get(s.get("kind", ""), ""), s.get("owner", ""),
            s.get("vendor", ""), s.get("product", ""), s.get("domain", ""),
            "; ".join(s.get("keys", [])), LEVELS.get(s.get("criticality", ""), ""),
            effort, ", ".join(c.get("after", [])), date_as(c.get("fixed_date"))]


def integration_row(i):
    return [i.get("id", ""), i["from"], i["to"], ", ".join(i.get("carries", [])),
            i.get("protocol", ""), LEVELS.get(i.get("criticality", ""), "")]


def write_csv(d, folder):
    def norwegian_date(iso):
        return "" if not iso else f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"
    with open(os.path.join(folder, "systemer.csv"), "w", newline="", encoding="cp1252") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(SYSTEM_HEADERS)
        for s in d["systems"]:
            row = system_row(s, norwegian_date)
            row[9] = "" if row[9] is None else str(row[9]).replace(".", ",")
            w.writerow(row)
    with open(os.path.join(folder, "integrasjoner.csv"), "w", newline="", encoding="cp1252") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(INTEGRATION_HEADERS)
        for i in d["integrations"]:
            w.writerow(integration_row(i))


def col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows):
    out = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           "<sheetData>"]
    for r, row in enumerate(rows, 1):
        out.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(d, path):
    def serial(iso):  # Excel 1900 date system: day 0 is 1899-12-30 for dates after March 1900
        if not iso:
            return None
        return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days
    systems = [SYSTEM_HEADERS] + [system_row(s, serial) for s in d["systems"]]
    integrations = [INTEGRATION_HEADERS] + [integration_row(i) for i in d["integrations"]]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="Systemer" sheetId="1" r:id="rId1"/>'
                   '<sheet name="Integrasjoner" sheetId="2" r:id="rId2"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
                   'org/officeDocument/2006/relationships/worksheet" Target="worksheets/s1.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s2.xml"/>'
                   "</Relationships>")
        z.writestr("xl/worksheets/s1.xml", sheet_xml(systems))
        z.writestr("xl/worksheets/s2.xml", sheet_xml(integrations))


def norm_system(s):
    c = s.get("cutover", {})
    return (s["id"], s.get("name", ""), s.get("kind", ""), s.get("owner", ""), s.get("vendor", ""),
            s.get("product", ""), s.get("domain", ""), tuple(sorted(s.get("keys", []))),
            s.get("criticality", ""), c.get("effort_days"), tuple(c.get("after", [])),
            c.get("fixed_date"))


def norm_integration(i):
    return (i.get("id", ""), i["from"], i["to"], tuple(sorted(i.get("carries", []))),
            i.get("protocol", ""), i.get("criticality", ""))


def check(binary, sources, want, label):
    out = subprocess.run([binary, "import", *sources], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"{label}: import failed ({out.returncode}):\n{out.stderr}")
        return False
    got = json.loads(out.stdout)
    ok = True
    for part, norm in (("systems", norm_system), ("integrations", norm_integration)):
        a = sorted(map(norm, want[part]))
        b = sorted(map(norm, got[part]))
        if a != b:
            ok = False
            diff = [(x, y) for x, y in zip(a, b) if x != y][:3]
            print(f"{label}: {part} differ ({len(a)} expected, {len(b)} imported): {diff}")
    if ok:
        print(f"{label}: {len(got['systems'])} systems, {len(got['integrations'])} integrations "
              "as in the original")
    return ok


def main():
    binary, source = sys.argv[1], sys.argv[2]
    want = json.load(open(os.path.join(source, "datasets", "oygarden-2020.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        write_csv(want, folder)
        write_xlsx(want, os.path.join(folder, "inventar.xlsx"))
        ok = check(binary, [os.path.join(folder, "integrasjoner.csv"),
                            os.path.join(folder, "systemer.csv")], want, "CSV (Windows-1252)")
        ok &= check(binary, [os.path.join(folder, "inventar.xlsx")], want, "xlsx")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
