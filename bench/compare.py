#!/usr/bin/python3
"""Times landskap against igraph and NetworkX on generated landscapes and writes the table.

For each size (municipalities x 560 systems, made by `landskap synth`), every measurement is its
own process under /usr/bin/time -v, repeated --repeat times; the table shows medians of wall
seconds, CPU seconds (user + system: the fair figure on a shared machine) and peak memory
(maximum resident set size). Rows:

  landskap validate FILE                                    (load and check)
  landskap impact FILE --key K --format json -o OUT         (load + graph + BFS + write)
  landskap plan FILE --all --format json -o OUT
  landskap hotspots FILE --samples 256 --format json -o OUT (both cores)
  landskap render FILE --focus ID --hops 1 -o OUT.svg       (a municipal system, 1 hop)
  igraph / NetworkX: json.load, build the graph, multi-source BFS from every holder of K over
      the integrations that carry K, write the affected ids: the same question as `impact`
      on a file without changes.

The affected sets of the three tools must be equal (compared id by id); the script exits 1 when
they are not. NetworkX is slow at national size: it runs once there, or not at all with
--networkx-max. Run with Debian's /usr/bin/python3 (python3-igraph, python3-networkx):

  /usr/bin/python3 bench/compare.py --landskap build/ci/landskap --sizes 1,43,356 \\
      --repeat 3 --workdir /tmp/landskap-bench --markdown docs/performance.md
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

SYSTEMS_PER_MUNICIPALITY = 560


def worker(args):
    """Runs inside a measured child process: load, the blast radius, write the affected ids."""
    started = time.perf_counter()
    with open(args.file, encoding="utf-8") as f:
        doc = json.load(f)
    key = args.key
    if args.worker == "networkx":
        import networkx as nx

        graph = nx.MultiDiGraph()
        graph.add_nodes_from((s["id"], s) for s in doc["systems"])
        graph.add_edges_from(
            (e["from"], e["to"], {"carries": e.get("carries", [])}) for e in doc["integrations"]
        )
        del doc
        loaded = time.perf_counter()
        seeds = [n for n, data in graph.nodes(data=True) if key in data.get("keys", [])]
        view = nx.subgraph_view(
            graph, filter_edge=lambda u, v, k: key in graph[u][v][k]["carries"]
        )
        affected = set()
        for layer in nx.bfs_layers(view, seeds):
            affected.update(layer)
        integrations = sum(
            1 for _, v, c in graph.edges(data="carries") if key in c and v in affected
        )
        ids = affected
    else:
        import igraph as ig

        systems = doc["systems"]
        index = {s["id"]: i for i, s in enumerate(systems)}
        edges = [(index[e["from"]], index[e["to"]]) for e in doc["integrations"]]
        carries = [e.get("carries", []) for e in doc["integrations"]]
        graph = ig.Graph(n=len(systems), edges=edges, directed=True)
        graph.vs["id"] = [s["id"] for s in systems]
        graph.vs["keys"] = [s.get("keys", []) for s in systems]
        graph.es["carries"] = carries
        del doc, systems, edges, carries, index
        loaded = time.perf_counter()
        n = graph.vcount()
        seeds = [v.index for v in graph.vs if key in v["keys"]]
        carrying = [e.index for e in graph.es if key in e["carries"]]
        sub = graph.subgraph_edges(carrying, delete_vertices=False)
        # A virtual source joined to every seed turns the multi-source BFS into one BFS.
        sub.add_vertices(1)
        sub.add_edges([(n, s) for s in seeds])
        reached = set(sub.subcomponent(n, mode="out"))
        reached.discard(n)
        integrations = sum(1 for e in carrying if graph.es[e].target in reached)
        ids = {graph.vs[v]["id"] for v in reached}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"affected": sorted(ids), "integrations": integrations}, f)
    print(json.dumps({"load_s": loaded - started, "step_s": time.perf_counter() - loaded}))


def measure(command):
    """One run under /usr/bin/time -v: (wall s, CPU s, peak MB, stdout)."""
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v"] + command, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"compare.py: {' '.join(command)} failed ({proc.returncode}):\n"
                 f"{proc.stderr[-2000:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    peak_mb = int(match.group(1)) / 1024 if match else float("nan")
    cpu = sum(
        float(m.group(1))
        for m in re.finditer(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr)
    )
    return seconds, cpu, peak_mb, proc.stdout


class Row:
    def __init__(self, size, operation, tool, command, runs):
        self.size, self.operation, self.tool, self.command = size, operation, tool, command
        self.runs = runs
        self.wall = statistics.median(r[0] for r in runs)
        self.cpu = statistics.median(r[1] for r in runs)
        self.peak = max(r[2] for r in runs)
        self.result = ""


def run(size, operation, tool, command, repeat, log):
    runs = []
    for i in range(repeat):
        runs.append(measure(command))
        print(f"  {size:>3} {operation:<9} {tool:<9} run {i + 1}: {runs[-1][0]:.2f} s, "
              f"{runs[-1][1]:.2f} s CPU, {runs[-1][2]:.0f} MB", file=log, flush=True)
    return Row(size, operation, tool, command, runs)


def first_municipal_system(path):
    """The id of the first municipal system: `landskap synth` writes one system a line."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if '"kind": "municipal"' in line:
                return json.loads(line.strip().rstrip(","))["id"]
    sys.exit(f"compare.py: no municipal system in {path}")


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    gxx = subprocess.run(["g++", "--version"], capture_output=True, text=True, check=False)
    versions = []
    for module in ("igraph", "networkx"):
        try:
            versions.append(f"python-{module} {__import__(module).__version__}")
        except ImportError:
            versions.append(f"python-{module} missing")
    return {
        "cpu": f"{os.cpu_count()} cores ({model})",
        "memory": f"{mem_gb:.0f} GB",
        "os": platform.platform(),
        "compiler": gxx.stdout.splitlines()[0] if gxx.stdout else "g++ ?",
        "python": f"Python {platform.python_version()}, " + ", ".join(versions),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--landskap", help="the landskap binary (Release or RelWithDebInfo)")
    parser.add_argument("--sizes", default="1,43,356", help="municipalities, comma separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--key", default="kommunenummer")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--samples", type=int, default=256, help="hotspots sampled sources")
    parser.add_argument("--networkx-max", type=int, default=356,
                        help="largest size NetworkX runs at (once above 43)")
    parser.add_argument("--workdir", help="where files and outputs go (default: a temp dir)")
    parser.add_argument("--markdown", help="also write the report as Markdown to this file")
    parser.add_argument("--render-only", metavar="WORKDIR",
                        help="write the report again from WORKDIR/results.json of an earlier run")
    parser.add_argument("--worker", choices=["networkx", "igraph"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    if args.render_only:
        with open(os.path.join(args.render_only, "results.json"), encoding="utf-8") as f:
            saved = json.load(f)
        rows = []
        for r in saved["rows"]:
            row = Row(r["size"], r["operation"], r["tool"], r["command"], r["runs"])
            row.result = r["result"]
            rows.append(row)
        agreement = [(size, same, {t: tuple(c) for t, c in counts.items()})
                     for size, same, counts in saved["agreement"]]
        report = render(rows, agreement, saved["commands"], args, saved["machine"])
        print(report)
        if args.markdown:
            with open(args.markdown, "w", encoding="utf-8") as f:
                f.write(report)
        return 0 if all(a[1] for a in agreement) else 1
    if not args.landskap:
        parser.error("--landskap is required")
    landskap = os.path.abspath(args.landskap)
    workdir = args.workdir or tempfile.mkdtemp(prefix="landskap-compare-")
    os.makedirs(workdir, exist_ok=True)
    log = sys.stderr
    me = os.path.abspath(__file__)
    rows, agreement, commands = [], [], []

    for size in [int(s) for s in args.sizes.split(",")]:
        path = os.path.join(workdir, f"synth-{size}x{SYSTEMS_PER_MUNICIPALITY}.json")
        synth = [landskap, "synth", "--municipalities", str(size), "--systems-per-municipality",
                 str(SYSTEMS_PER_MUNICIPALITY), "--seed", str(args.seed), "-o", path]
        if not os.path.exists(path):
            subprocess.run(synth, check=True, capture_output=True)
        commands.append("landskap " + " ".join(synth[1:]))
        with open(path, encoding="utf-8") as f:
            head = f.read(1 << 16)
        if '"changes"' in head:
            sys.exit(f"compare.py: {path} lists changes; the comparison needs a file without")
        print(f"{size} municipalities: {path} ({os.path.getsize(path) / 1e6:.0f} MB)", file=log)
        out = lambda name: os.path.join(workdir, f"{name}-{size}")  # noqa: E731
        focus = first_municipal_system(path)
        landskap_rows = [
            ("validate", [landskap, "validate", path]),
            ("impact", [landskap, "impact", path, "--key", args.key, "--format", "json", "-o",
                        out("impact") + ".json"]),
            ("plan --all", [landskap, "plan", path, "--all", "--format", "json", "-o",
                            out("plan") + ".json"]),
            ("hotspots", [landskap, "hotspots", path, "--samples", str(args.samples),
                          "--format", "json", "-o", out("hotspots") + ".json"]),
            ("render focus", [landskap, "render", path, "--focus", focus, "--hops", "1", "-o",
                              out("focus") + ".svg"]),
        ]
        for operation, command in landskap_rows:
            rows.append(run(size, operation, "landskap", command, args.repeat, log))
        with open(out("impact") + ".json", encoding="utf-8") as f:
            impact = json.load(f)
        sets = {"landskap": ({a["id"] for a in impact["affected"]}, len(impact["integrations"]))}
        rows[-4].result = f"{len(sets['landskap'][0])} affected"

        for tool in ("igraph", "networkx"):
            if tool == "networkx" and size > args.networkx_max:
                continue
            repeat = 1 if tool == "networkx" and size > 43 else args.repeat
            answer = out(tool) + ".json"
            command = [sys.executable, me, "--worker", tool, "--file", path, "--key", args.key,
                       "--out", answer]
            row = run(size, "impact", tool, command, repeat, log)
            with open(answer, encoding="utf-8") as f:
                result = json.load(f)
            sets[tool] = (set(result["affected"]), result["integrations"])
            row.result = f"{len(sets[tool][0])} affected" + (" (1 run)" if repeat == 1 else "")
            rows.append(row)
        same = all(s == sets["landskap"] for s in sets.values())
        agreement.append((size, same, {t: (len(s[0]), s[1]) for t, s in sets.items()}))

    # The measurements, so the report can be written again (--render-only) without rerunning.
    with open(os.path.join(workdir, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": [{"size": r.size, "operation": r.operation, "tool": r.tool,
                             "command": r.command, "runs": r.runs, "result": r.result}
                            for r in rows],
                   "agreement": agreement, "commands": commands, "machine": machine()}, f)
    report = render(rows, agreement, commands, args, machine())
    print(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(report)
    return 0 if all(a[1] for a in agreement) else 1


def render(rows, agreement, commands, args, info):
    lines = [
        "# Performance: landskap, igraph and NetworkX on generated landscapes",
        "",
        "Written by `bench/compare.py` (do not edit by hand; run it again). Each figure is the "
        f"median of {args.repeat} runs (NetworkX: one run above 43 municipalities), each run "
        "its own process under `/usr/bin/time -v`. **The machine is shared with other builds, "
        "so wall seconds are noisy; CPU seconds (user + system) are the fair comparison.** "
        "Peak MB is the largest maximum resident set size of the runs. The targets are judged "
        "on CPU seconds for that reason. `render focus` draws the first municipal system, the "
        "municipality's integration platform: its hub, with a neighbour in nearly every "
        "system of the municipality (the worst case for a focus picture).",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}; memory {info['memory']}; load average at the end: {info['load']}",
        f"- {info['os']}; {info['compiler']}; {info['python']}",
        "",
        "## Files",
        "",
    ]
    lines += [f"    {c if c.startswith('landskap ') else 'landskap ' + c}" for c in commands]
    lines += [
        "",
        "## Table",
        "",
        "Ratio: the igraph (or NetworkX) figure divided by landskap's `impact` on the same file.",
        "",
        "| municipalities | operation | tool | wall s | CPU s | peak MB | ratio wall | ratio CPU | result |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    impact = {(r.size): r for r in rows if r.operation == "impact" and r.tool == "landskap"}
    for r in rows:
        ratio_wall = ratio_cpu = ""
        if r.tool != "landskap":
            base = impact[r.size]
            ratio_wall = f"{r.wall / base.wall:.1f}×"
            # /usr/bin/time counts CPU in hundredths: below that there is no ratio to give.
            ratio_cpu = f"{r.cpu / base.cpu:.1f}×" if base.cpu > 0 else "(< 0.01 s)"
        lines.append(f"| {r.size} | {r.operation} | {r.tool} | {r.wall:.2f} | {r.cpu:.2f} | "
                     f"{r.peak:.0f} | {ratio_wall} | {ratio_cpu} | {r.result} |")
    lines += ["", "## Same answer", ""]
    for size, same, counts in agreement:
        detail = ", ".join(f"{t} {a} systems / {i} integrations" for t, (a, i) in counts.items())
        lines.append(f"- {size} municipalities: affected sets {'EQUAL' if same else 'DIFFER'} "
                     f"({detail})")
    lines += ["", "## Targets (issue 11), at the largest size", ""]
    top = max(r.size for r in rows)
    by = {(r.operation, r.tool): r for r in rows if r.size == top}
    imp = by.get(("impact", "landskap"))
    checks = []
    if ("impact", "igraph") in by:
        ig = by[("impact", "igraph")]
        checks.append((f"impact at least 10× faster than igraph: {ig.wall / imp.wall:.1f}× wall, "
                       f"{ig.cpu / imp.cpu:.1f}× CPU", ig.cpu / imp.cpu >= 10))
    checks.append((f"impact peak memory ≤ 500 MB: {imp.peak:.0f} MB", imp.peak <= 500))
    v = by[("validate", "landskap")]
    checks.append((f"validate ≤ 1 s: {v.cpu:.2f} s CPU ({v.wall:.2f} s wall)", v.cpu <= 1))
    p = by[("plan --all", "landskap")]
    checks.append((f"plan --all within 2× of impact: {p.cpu / imp.cpu:.2f}× CPU",
                   p.cpu <= 2 * imp.cpu))
    h = by[("hotspots", "landskap")]
    checks.append((f"hotspots --samples {args.samples} ≤ 10 s: {h.cpu:.2f} s CPU in all "
                   f"({h.wall:.2f} s wall on the shared machine)", h.cpu <= 10))
    f = by[("render focus", "landskap")]
    checks.append((f"render --focus ID --hops 1 ≤ 1 s: {f.cpu:.2f} s CPU ({f.wall:.2f} s wall)",
                   f.cpu <= 1))
    for text, met in checks:
        lines.append(f"- {'met' if met else '**not met**'}: {text}")
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "performance_notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            lines += ["", f.read().rstrip()]
    lines += ["", "## Commands", "", "```sh", "/usr/bin/python3 bench/compare.py --landskap "
              f"build/ci/landskap --sizes {args.sizes} --repeat {args.repeat} --samples "
              f"{args.samples} --markdown docs/performance.md", "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
