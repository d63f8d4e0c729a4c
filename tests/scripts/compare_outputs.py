#!/usr/bin/env python3
"""Runs every landskap command on the bundled datasets and compares the answers of two builds.

A refactoring that moves code must not change what users get. This script runs one fixed list of
invocations (every command, every output format, the options that steer each analysis) with a
binary, keeps each answer, its messages and its exit code in a folder, and reports every byte that
differs between two such folders.

  compare_outputs.py snapshot BIN OUTDIR     run the invocations with BIN into OUTDIR
  compare_outputs.py compare DIR_A DIR_B     list the differences; exit 1 when there are any
  compare_outputs.py BIN_A BIN_B             both snapshots in temporary folders, then compare

Outputs that carry the moment they were made (the creation date inside a PDF, an .xlsx or an
iCalendar file) are compared after removing those dates, and the workshop page without the lines
of its embedded JavaScript that are only a comment (they name source files); everything else
byte for byte.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "datasets")
TESTDATA = os.path.join(ROOT, "tests", "data")

OY = os.path.join(DATA, "oygarden-2020.json")
OY19 = os.path.join(DATA, "oygarden-2019.json")
TINY = os.path.join(DATA, "tiny.json")
FJELL = os.path.join(DATA, "fjell-2019.json")
SUND = os.path.join(DATA, "sund-2019.json")
DECISIONS = os.path.join(DATA, "oygarden-decisions.json")
HOSTILE = os.path.join(TESTDATA, "hostile.json")
CONTROL = os.path.join(TESTDATA, "control_chars.json")
PLAN_SMALL = os.path.join(TESTDATA, "plan_small.json")
SCOPE = os.path.join(TESTDATA, "scope.json")
ARCHI = os.path.join(TESTDATA, "archi")

KEY = ["--key", "kommunenummer"]
CAL = ["--start", "2019-08-01", "--deadline", "2020-01-01"]

# (name, arguments); "{out}" is the output file's path inside the snapshot folder.
CASES = []


def case(name, *args):
    CASES.append((name, list(args)))


for data_name, path in [("oy", OY), ("tiny", TINY), ("hostile", HOSTILE), ("control", CONTROL),
                        ("scope", SCOPE), ("plansmall", PLAN_SMALL), ("oy19", OY19)]:
    case(f"validate_{data_name}", "validate", path)
    case(f"stats_{data_name}.txt", "stats", path)
    case(f"stats_{data_name}.json", "stats", path, "--format", "json")
    case(f"fmt_{data_name}.json", "fmt", path)
    case(f"impact_{data_name}.txt", "impact", path, *KEY)
    case(f"impact_{data_name}.json", "impact", path, *KEY, "--format", "json")
    case(f"impact_{data_name}.csv", "impact", path, *KEY, "--format", "csv")
    case(f"impact_{data_name}.md", "impact", path, *KEY, "--format", "markdown")
    case(f"plan_{data_name}.txt", "plan", path, *KEY, *CAL)
    case(f"plan_{data_name}.json", "plan", path, *KEY, *CAL, "--format", "json")
    case(f"hotspots_{data_name}.txt", "hotspots", path)
    case(f"hotspots_{data_name}.json", "hotspots", path, "--format", "json")
    case(f"render_{data_name}.dot", "render", path, *KEY, "-o", "{out}")
    case(f"report_{data_name}.html", "report", path, *KEY, *CAL, "-o", "{out}")

# impact: every selection and direction.
case("impact_oy_through_all.txt", "impact", OY, *KEY, "--through-all")
case("impact_oy_depth1.txt", "impact", OY, *KEY, "--depth", "1")
case("impact_oy_owner.txt", "impact", OY, *KEY, "--owner", "1246,1245")
case("impact_tiny_system_both.txt", "impact", TINY, "--system", "integrasjonsplattform",
     "--direction", "both")
case("impact_tiny_system_up.json", "impact", TINY, "--system", "integrasjonsplattform",
     "--direction", "up", "--format", "json")
case("impact_oy_en.md", "impact", OY, *KEY, "--format", "markdown", "--lang", "en")
case("impact_oy.xlsx", "impact", OY, *KEY, "-o", "{out}")
case("impact_oy19_changes.txt", "impact", OY19, *KEY, "--changes",
     os.path.join(ROOT, "tests", "fuzz", "corpus", "changes", "ssb_2019_2020.csv"))

# plan: every format and every capacity.
for fmt in ["table", "markdown", "csv", "json", "mermaid"]:
    case(f"plan_oy_cap.{fmt}", "plan", OY, *KEY, *CAL, "--capacity", "3", "--vendor-capacity",
         "2", "--format", fmt)
case("plan_oy_all.txt", "plan", OY, "--all", *CAL)
case("plan_oy_owner_cap.txt", "plan", OY, *KEY, *CAL, "--owner-capacity", "2")
case("plan_oy.ics", "plan", OY, *KEY, *CAL, "-o", "{out}")
case("plan_oy.xml", "plan", OY, *KEY, *CAL, "-o", "{out}")
case("plan_oy.xlsx", "plan", OY, *KEY, *CAL, "--capacity", "4", "-o", "{out}")
case("plan_oy_calendar_days.txt", "plan", OY, *KEY, *CAL, "--calendar", "all-days")
case("plan_oy_en.md", "plan", OY, *KEY, *CAL, "--format", "markdown", "--lang", "en")
case("plan_tiny_default_effort.txt", "plan", TINY, *KEY, "--default-effort", "3", *CAL)

# hotspots.
case("hotspots_oy_towards.txt", "hotspots", OY, "--towards", "nav.modia")
case("hotspots_oy_towards.json", "hotspots", OY, "--towards", "folkeregisteret", "--format",
     "json")
case("hotspots_oy_top0.csv", "hotspots", OY, "--top", "0", "--format", "csv")
case("hotspots_oy_samples.txt", "hotspots", OY, "--samples", "50", "--seed", "7")

# pictures: every kind, in DOT (the layout's input) and SVG (its output).
case("render_oy_plain.dot", "render", OY, "-o", "{out}")
case("render_oy_plain.svg", "render", TINY, "-o", "{out}")
case("render_oy_domain.dot", "render", OY, "--cluster", "domain", "-o", "{out}")
case("render_oy_focus.dot", "render", OY, "--focus", "plattform.integrasjon", "--hops",
     "1", "-o", "{out}")
case("render_oy_focus.svg", "render", OY, "--focus", "plattform.integrasjon", "--hops",
     "1", "-o", "{out}")
case("render_oy_plan.dot", "render", OY, *KEY, *CAL, "--plan", "-o", "{out}")
case("render_oy_gantt.svg", "render", OY, *KEY, *CAL, "--gantt", "-o", "{out}")
case("render_oy_gantt_vendor.svg", "render", OY, *KEY, *CAL, "--gantt", "--lanes", "vendor",
     "-o", "{out}")
case("render_oy_gantt.pdf", "render", OY, *KEY, *CAL, "--gantt", "--page", "A3",
     "--landscape", "-o", "{out}")
case("render_oy_overview.dot", "render", OY, *KEY, "--collapse", "owner", "-o", "{out}")
case("render_oy_overview_vendor.svg", "render", OY, *KEY, "--collapse", "vendor", "-o", "{out}")
case("render_oy_affected.dot", "render", OY, *KEY, "--only-affected", "-o", "{out}")
case("render_oy_affected.svg", "render", OY, *KEY, "--only-affected", "-o", "{out}")
case("render_oy_diff.dot", "render", OY, "--diff", OY19, "-o", "{out}")
case("render_tiny_edge_labels.dot", "render", TINY, *KEY, "--edge-labels", "--no-legend",
     "-o", "{out}")
case("render_tiny_en.svg", "render", TINY, *KEY, "--lang", "en", "--title", "T <&>", "-o",
     "{out}")
case("render_tiny.png", "render", TINY, *KEY, "-o", "{out}")
case("render_oy_affected_a3.pdf", "render", OY, *KEY, "--only-affected", "--page", "A3",
     "--landscape", "-o", "{out}")
case("report_oy_cap.html", "report", OY, *KEY, *CAL, "--capacity", "3", "-o", "{out}")
case("report_oy_en.html", "report", OY, *KEY, *CAL, "--lang", "en", "-o", "{out}")

# merge and diff.
case("merge_oy.json", "merge", FJELL, SUND, os.path.join(DATA, "oygarden-2019.json"), "--into",
     "4626", "--name", "Øygarden", "-o", "{out}")
case("merge_oy_decided.json", "merge", FJELL, SUND, OY19, "--into", "4626", "--decisions",
     DECISIONS, "--effective", "2020-01-01", "-o", "{out}")
case("merge_oy_summary.md", "merge", FJELL, SUND, OY19, "--into", "4626", "--decisions",
     DECISIONS, "-o", os.devnull, "--format", "markdown")
case("merge_oy_summary.json", "merge", FJELL, SUND, OY19, "--into", "4626", "--decisions",
     DECISIONS, "-o", os.devnull, "--format", "json")
case("merge_oy_propose.json", "merge", FJELL, SUND, "--into", "4626", "--propose", "{out}",
     "-o", os.devnull)
ALESUND = os.path.join(DATA, "alesund-2024.json")
case("split_alesund.json", "split", ALESUND, "-o", "{out}")
case("split_alesund_decided.json", "split", ALESUND, "--decisions",
     os.path.join(DATA, "alesund-split-decisions.json"), "-o", "{out}")
case("split_alesund_summary.md", "split", ALESUND, "--format", "markdown")
case("split_alesund_summary.json", "split", ALESUND, "--format", "json")
case("split_alesund_propose.json", "split", ALESUND, "--propose", "{out}", "-o", os.devnull)
case("diff_oy.txt", "diff", OY19, OY)
case("diff_oy.json", "diff", OY19, OY, "--format", "json")
case("diff_oy.csv", "diff", OY19, OY, "--format", "csv")
case("diff_oy.md", "diff", OY19, OY, "--format", "markdown")
case("diff_tiny_same.txt", "diff", TINY, TINY)

# import, template, export, synth.
for name in sorted(os.listdir(ARCHI)) if os.path.isdir(ARCHI) else []:
    path = os.path.join(ARCHI, name)
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    case(f"import_archi_{safe}.json", "import", path, "-o", "{out}")
case("template.xlsx", "template", "-o", "{out}")
case("export_oy.xml", "export", OY, *KEY, "-o", "{out}")
case("export_tiny.xml", "export", TINY, "-o", "{out}")
case("synth_small.json", "synth", "--municipalities", "3", "--systems-per-municipality", "20",
     "--merging", "2", "--seed", "5")
case("synth_small_file", "synth", "--municipalities", "2", "--systems-per-municipality",
     "12", "--seed", "9", "-o", "{out}.json")

# Errors: messages and exit codes are answers too.
case("err_missing_file", "impact", "/nonexistent/x.json", *KEY)
case("err_bad_key", "impact", TINY, "--key", "kommunenumer")
case("err_bad_system", "impact", TINY, "--system", "integrasjonsplatform")
case("err_bad_option", "plan", TINY, "--capcity", "3")
case("err_format_conflict", "impact", TINY, *KEY, "--format", "json", "-o", "x.csv")
case("help", "--help")
for command in ["validate", "stats", "impact", "plan", "hotspots", "render", "report", "fmt",
                "merge", "split", "diff", "synth", "import", "template", "export"]:
    case(f"help_{command}", command, "--help")


def snapshot(binary, outdir):
    outdir = os.path.abspath(outdir)
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC", SOURCE_DATE_EPOCH="0")
    env.pop("LANDSKAP_UPDATE_GOLDEN", None)
    for name, args in CASES:
        out = os.path.join(outdir, name)
        argv = [binary] + [a.replace("{out}", out) for a in args]
        # A fixed working folder: messages may name relative paths.
        proc = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=600)
        with open(os.path.join(outdir, name + ".stdout"), "wb") as f:
            f.write(proc.stdout.replace(outdir.encode(), b"OUT"))
        with open(os.path.join(outdir, name + ".stderr"), "wb") as f:
            f.write(proc.stderr.replace(binary.encode(), b"BIN").replace(outdir.encode(), b"OUT"))
        with open(os.path.join(outdir, name + ".exit"), "w") as f:
            f.write(f"{proc.returncode}\n")
    return len(CASES)


# Creation and modification moments that a writer stamps into its file.
DATE_PATTERNS = [
    re.compile(rb"/CreationDate \(D:[^)]*\)"),
    re.compile(rb"/ModDate \(D:[^)]*\)"),
    re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>"),
    re.compile(rb"DTSTAMP:[0-9TZ]+"),
    re.compile(rb"<CreationDate>[^<]*</CreationDate>"),
]


def normalised(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"PK":  # a workbook: compare its parts, not the zip's own timestamps
        parts = []
        with zipfile.ZipFile(path) as z:
            for info in sorted(z.infolist(), key=lambda i: i.filename):
                parts.append(info.filename.encode() + b"\n" + z.read(info.filename))
        data = b"\n--\n".join(parts)
    for pattern in DATE_PATTERNS:
        data = pattern.sub(b"<date>", data)
    if path.endswith(".html"):
        # The page embeds viz/assets/*.js with their comments, which name source files; a
        # comment is not behaviour, so lines that are only a comment are left out.
        data = re.sub(rb"(?m)^[ \t]*//[^\n]*\n", b"", data)
    return data


def compare(a, b):
    names = sorted(set(os.listdir(a)) | set(os.listdir(b)))
    differences = []
    for name in names:
        pa, pb = os.path.join(a, name), os.path.join(b, name)
        if not os.path.exists(pa) or not os.path.exists(pb):
            differences.append(f"{name}: only in {'the second' if os.path.exists(pb) else 'the first'}")
        elif normalised(pa) != normalised(pb):
            differences.append(f"{name}: differs")
    return names, differences


def main(argv):
    if len(argv) == 4 and argv[1] == "snapshot":
        n = snapshot(os.path.abspath(argv[2]), argv[3])
        print(f"{n} invocations written to {argv[3]}")
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        names, differences = compare(argv[2], argv[3])
    elif len(argv) == 3:
        with tempfile.TemporaryDirectory() as tmp:
            da, db = os.path.join(tmp, "a"), os.path.join(tmp, "b")
            snapshot(os.path.abspath(argv[1]), da)
            snapshot(os.path.abspath(argv[2]), db)
            names, differences = compare(da, db)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for line in differences:
        print(line)
    print(f"{len(CASES)} invocations, {len(names)} files compared, {len(differences)} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
