#!/usr/bin/env python3
"""The picture of landskap's rooms, drawn from the build itself, and the check that it is current.

CMake writes the graph of its targets (`cmake --graphviz`); this script keeps landskap's own
libraries and executable, draws each engine room inside an `engine/` box with the links the build
declares (the allowed arrows) and the Debian libraries each one links, and lays it out with
Graphviz through tests/tools/render_dot (the libraries landskap draws with). The result is
docs/architecture.dot and docs/architecture.svg.

  architecture.py --render BIN --update   write docs/architecture.{dot,svg}
  architecture.py --render BIN --check    exit 1 when they differ from what the build says

It also checks the two rules the build cannot see: engine/ holds no source file at its root, and
no source includes a header by a relative path ("../"), which would walk around the rooms.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = os.path.join(ROOT, "docs")

ROOMS = ["model", "file", "formats", "analysis", "plan", "merge", "results"]
ROOM_JOBS = {
    "model": "landscape, dates, text, diagnostics,\\nsuggestions, municipality numbers and names",
    "file": "bytes in, CSV records, the precise and\\nfast loaders, the writer, the catalogue",
    "formats": "Excel, inventory CSV, Archi, SSB change\\ntables in; ArchiMate out",
    "analysis": "the index-based graph, scope, impact,\\nweak points, outage reach, stats",
    "plan": "calendar, precedence, bundles, CPM,\\nlevelling, waves, critical paths",
    "merge": "merge, decisions, diff",
    "results": "the answers' JSON shapes",
}
LAYERS = {
    "landskap_cli": ("cli/", "commands/ (one file each), formats/,\\nthe pipeline and the output layer"),
    "landskap_viz": ("viz/", "Graphviz diagrams, the Gantt chart,\\npages for paper, the HTML page"),
    "landskap_synth": ("synth/", "generated landscapes"),
    "landskap": ("landskap", "the program (cli/main.cc)"),
}
# Debian libraries by the names people know them.
LIBRARY_NAMES = {
    "Boost::headers": "Boost.Graph",
    "Boost::program_options": "Boost.Program_options",
    "nlohmann_json::nlohmann_json": "nlohmann/json",
    "simdjson::simdjson": "simdjson",
    "PkgConfig::LIBZIP": "libzip",
    "PkgConfig::PUGIXML": "pugixml",
    "PkgConfig::GRAPHVIZ": "Graphviz",
    "PkgConfig::CAIRO": "cairo",
    "PkgConfig::RSVG": "librsvg",
    "PkgConfig::XLSXWRITER": "libxlsxwriter",
    "PkgConfig::LIBICAL": "libical",
}


def target_links(build_dir):
    """{target: set(direct link targets)} from `cmake --graphviz`."""
    dot = os.path.join(build_dir, "targets.dot")
    # Ninja, as the presets use: a fresh Debian 12 with scripts/setup.sh has no `make`, which
    # CMake's default generator needs.
    subprocess.run(["cmake", "-G", "Ninja", "-S", ROOT, "-B", build_dir, "-DLANDSKAP_BENCH=OFF",
                    "--graphviz=" + dot], check=True, stdout=subprocess.DEVNULL)
    links = {}
    edge = re.compile(r'^\s*"node\d+" -> "node\d+".*// (\S+) -> (\S+)\s*$')
    with open(dot, encoding="utf-8") as f:
        for line in f:
            m = edge.match(line)
            if m and m.group(1) != m.group(2):
                links.setdefault(m.group(1), set()).add(m.group(2))
    return links


def picture(links):
    ours = ["landskap_" + r for r in ROOMS] + list(LAYERS)
    known = set(links) | {t for used in links.values() for t in used}
    missing = [t for t in ours if t not in known]
    if missing:
        raise SystemExit("architecture.py: the build has no target " + ", ".join(missing))

    def libraries(target):
        return sorted(LIBRARY_NAMES[l] for l in links.get(target, ()) if l in LIBRARY_NAMES)

    def label(title, job, libs):
        text = title + "\\n" + job
        if libs:
            text += "\\n[" + ", ".join(libs) + "]"
        return text

    out = ['digraph "landskap" {',
           '  graph [rankdir=BT, compound=true, fontname="DejaVu Sans", fontsize=11,',
           '         label="landskap: rooms and the arrows the build allows (from cmake --graphviz)",',
           '         labelloc=t, nodesep=0.3, ranksep=0.45];',
           '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", fontname="DejaVu Sans",',
           '        fontsize=10];',
           '  edge [color="#555555", arrowsize=0.7];',
           '  subgraph cluster_engine {',
           '    label="engine/: each room a library; an include against the arrows does not build";',
           '    style="rounded"; color="#0072b2"; fontcolor="#0072b2";']
    for room in ROOMS:
        target = "landskap_" + room
        out.append(f'    "{target}" [label="{label(room + "/", ROOM_JOBS[room], libraries(target))}",'
                   ' fillcolor="#e8f1f8"];')
    out.append("  }")
    for target, (title, job) in sorted(LAYERS.items()):
        out.append(f'  "{target}" [label="{label(title, job, libraries(target))}"];')
    edges = []
    for target in sorted(ours):
        for used in sorted(links.get(target, ())):
            if used.startswith("landskap_") and used in ours:
                edges.append(f'  "{target}" -> "{used}";')
            elif used == "landskap_engine":
                # The whole engine: one arrow to its box.
                edges.append(f'  "{target}" -> "landskap_results" [lhead=cluster_engine];')
    out += sorted(set(edges))
    out.append("}")
    return "\n".join(out) + "\n"


def source_rules():
    problems = []
    for name in sorted(os.listdir(os.path.join(ROOT, "engine"))):
        if os.path.isfile(os.path.join(ROOT, "engine", name)):
            problems.append(f"engine/{name}: a file at engine/'s root; put it in the room of its job")
    for top in ["engine", "cli", "viz", "synth", "tests", "bench"]:
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            if "node_modules" in folder:
                continue
            for name in files:
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        if re.match(r'\s*#\s*include\s*"\.\.?/', line):
                            problems.append(f"{os.path.relpath(path, ROOT)}:{number}: a relative "
                                            "include walks around the rooms; include from the "
                                            "source root (\"engine/model/landscape.h\")")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--render", required=True, help="the render_dot program")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args()

    problems = source_rules()
    with tempfile.TemporaryDirectory() as tmp:
        dot = picture(target_links(os.path.join(tmp, "build")))
        dot_path = os.path.join(tmp, "architecture.dot")
        svg_path = os.path.join(tmp, "architecture.svg")
        with open(dot_path, "w", encoding="utf-8") as f:
            f.write(dot)
        subprocess.run([args.render, dot_path, svg_path], check=True)
        with open(svg_path, encoding="utf-8") as f:
            svg = f.read()
    for line in problems:
        print(line, file=sys.stderr)
    targets = {"architecture.dot": dot, "architecture.svg": svg}
    if args.update:
        for name, text in targets.items():
            with open(os.path.join(DOCS, name), "w", encoding="utf-8") as f:
                f.write(text)
        print("wrote docs/architecture.dot and docs/architecture.svg")
        return 1 if problems else 0
    stale = []
    for name, text in targets.items():
        path = os.path.join(DOCS, name)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current != text:
            stale.append(name)
    for name in stale:
        print(f"docs/{name} is not what the build says; run "
              "python3 tests/scripts/architecture.py --render build/ci/tests/render_dot --update "
              "and review the picture", file=sys.stderr)
    if not stale and not problems:
        print("docs/architecture.dot and .svg match the build; the source rules hold")
    return 1 if stale or problems else 0


if __name__ == "__main__":
    sys.exit(main())
