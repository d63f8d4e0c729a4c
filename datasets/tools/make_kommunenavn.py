#!/usr/bin/env python3
"""Writes datasets/kommunenavn.csv: kommunenummer -> municipality name for 2019-2024.

Built from SSB's public classification of municipalities (KLASS 131) as kept in
../shared/reference/kommunenummer/ (see its SOURCE.md); those files are not part of the
project, only the derived table of numbers and names is.

  2019          gardenberg_kommunekoder/utf8/ssb_kommunekoder_2019.csv (SSB's 2019 list)
  2020 - 2023   gardenberg_kommunekoder/utf8/ssb_kommunekoder_2020.csv (SSB's 2020 list; a
                renaming inside 2021-2023 is not in the sources, so the 2020 name is used)
  2024          ssb_gruppering_1994_2024/kommuner-1994-2024.csv: the rows whose code is the
                2024 code of their group (GRUPPEKODE K.<code>), named by GRUPPETEKST

Code 9999 ("Uoppgitt") is left out. Output, sorted by number then first year:
  number;name;first_year;last_year
with consecutive years of the same name joined into one row.

Usage: datasets/tools/make_kommunenavn.py [REFERENCE_DIR] > datasets/kommunenavn.csv
"""
import csv
import os
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "shared", "reference", "kommunenummer")


def ssb_list(year):
    path = os.path.join(ref, "gardenberg_kommunekoder", "utf8", f"ssb_kommunekoder_{year}.csv")
    with open(path, encoding="utf-8") as f:
        return {r["code"]: r["name"].strip() for r in csv.DictReader(f, delimiter=";")
                if r["code"] != "9999" and r["level"] == "1"}


names = {}  # (number, year) -> name
for number, name in ssb_list(2019).items():
    names[(number, 2019)] = name
for number, name in ssb_list(2020).items():
    for year in range(2020, 2024):
        names[(number, year)] = name
with open(os.path.join(ref, "ssb_gruppering_1994_2024", "kommuner-1994-2024.csv"),
          encoding="utf-8") as f:
    for r in csv.DictReader(f):
        group = r["GRUPPEKODE"]
        if group.startswith("K.") and group[2:] == r["KODE"] and r["KODE"] != "9999":
            names[(r["KODE"], 2024)] = r["GRUPPETEKST"].strip()

# The copies in ../shared lost two Sámi letters that SSB's names have: the 2019 and 2020 lists
# went through a one-byte code page (ŋ and š became "?"), and the 2024 grouping through a
# conversion that dropped their marks (ŋ → n, š → s). SSB's KLASS 131 writes "Porsanger -
# Porsáŋgu - Porsanki" (2020, 5436) and "Kárášjohka - Karasjok" (2021, 5437, 5610); these are the
# only names of 2019-2024 with ŋ or š. The table restores them and fails loudly if a source
# changes so that a correction no longer applies.
CORRECTIONS = {
    "Porsá?gu": "Porsáŋgu", "Porsángu": "Porsáŋgu",
    "Kárá?johka": "Kárášjohka", "Kárásjohka": "Kárášjohka",
}
used = set()
for key, name in list(names.items()):
    for wrong, right in CORRECTIONS.items():
        if wrong in name:
            name = name.replace(wrong, right)
            used.add(wrong)
    names[key] = name
assert used == set(CORRECTIONS), f"corrections that no longer apply: {set(CORRECTIONS) - used}"
assert not any("?" in n for n in names.values()), "a name with a lost character"

rows = []
for number in sorted({n for n, _ in names}):
    years = sorted(y for n, y in names if n == number)
    start = years[0]
    for i, year in enumerate(years):
        last = i + 1 == len(years)
        if last or years[i + 1] != year + 1 or names[(number, years[i + 1])] != names[(number, year)]:
            rows.append((number, names[(number, year)], start, year))
            if not last:
                start = years[i + 1]

out = sys.stdout
out.write("# kommunenummer;name;first_year;last_year  (SSB KLASS 131; written by "
          "datasets/tools/make_kommunenavn.py, do not edit)\n")
for number, name, first, last in rows:
    out.write(f"{number};{name};{first};{last}\n")
