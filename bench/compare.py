#!/usr/bin/python3
"""Times landskap against NetworkX and igraph on the same generated landscape file.

Every measurement is its own process under /usr/bin/time -v, so each row's peak memory
(maximum resident set size) belongs to that operation alone. Rows:

  load    landskap validate FILE                      (parse + check + intern ids)
          NetworkX / igraph: json.load + build the graph with the systems and 'carries'
  impact  landskap impact FILE --key K --format json -o OUT   (load + graph + BFS + write)
          NetworkX / igraph: load as above + a multi-source BFS from every holder of K over
          the integrations that carry K (the same thing landskap computes for a file without
          'changes' and no --owner), plus the integrations that carry K into an affected system
  plan    landskap plan FILE --all              (when the binary has it)
  hotspots landskap hotspots FILE --samples N   (when the binary has it)
  --reform N: landskap impact on a second file in which N municipalities merge (scoped)

The affected system and integration counts of the three tools must agree; the script exits 1
when they do not. Run with /usr/bin/python3 (Debian's, with python3-networkx and
python3-igraph), e.g.:

  /usr/bin/python3 bench/compare.py --landskap build/bench/landskap \\
      --synth build/bench/bench/synth_tool --municipalities 356 \\
      --systems-per-municipality 560 --workdir /tmp/landskap-bench
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def worker(args):
    """Runs inside a measured child process: load, and optionally the blast radius."""
    started = time.perf_counter()
    with open(args.file, encoding="utf-8") as f:
        doc = json.load(f)
    key = args.key
    result = {}
    if args.worker == "networkx":
        import networkx as nx

        graph = nx.MultiDiGraph()
        graph.add_nodes_from((s["id"], s) for s in doc["systems"])
        graph.add_edges_from(
            (e["from"], e["to"], {"carries": e.get("carries", [])}) for e in doc["integrations"]
        )
        del doc
        loaded = time.perf_counter()
        result["load_s"] = loaded - started
        if args.impact:
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
            result["step_s"] = time.perf_counter() - loaded
            result["affected"] = len(affected)
            result["integrations"] = integrations
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
        result["load_s"] = loaded - started
        if args.impact:
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
            result["step_s"] = time.perf_counter() - loaded
            result["affected"] = len(reached)
            result["integrations"] = integrations
    print(json.dumps(result))


Measured = collections.namedtuple("Measured", "seconds cpu peak_mb stdout")


def measure(command, label):
    """Runs `command` under /usr/bin/time -v; returns (seconds, peak MB, stdout)."""
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v"] + command, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"compare.py: {label} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    peak_mb = int(match.group(1)) / 1024 if match else float("nan")
    cpu = sum(
        float(m.group(1))
        for m in re.finditer(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr)
    )
    print(f"  {label}: {seconds:.2f} s, {cpu:.2f} s CPU, {peak_mb:.0f} MB", file=sys.stderr,
          flush=True)
    return Measured(seconds, cpu, peak_mb, proc.stdout)


def has_command(landskap, name):
    proc = subprocess.run([landskap, name, "--help"], capture_output=True, check=False)
    return proc.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--landskap", help="the landskap binary")
    parser.add_argument("--synth", help="synth_tool, to generate the file")
    parser.add_argument("--file", help="an existing landscape file (no 'changes') instead")
    parser.add_argument("--municipalities", type=int, default=356)
    parser.add_argument("--systems-per-municipality", type=int, default=560)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--key", default="kommunenummer")
    parser.add_argument("--reform", type=int, default=0,
                        help="also time landskap impact on a second file in which this many "
                             "municipalities merge (scoped; landskap only)")
    parser.add_argument("--samples", type=int, default=100, help="hotspots betweenness samples")
    parser.add_argument("--workdir", help="where the file and outputs go (default: a temp dir)")
    parser.add_argument("--skip", default="",
                        help="comma list of measurements to skip: networkx,igraph,plan,hotspots")
    parser.add_argument("--worker", choices=["networkx", "igraph"], help=argparse.SUPPRESS)
    parser.add_argument("--impact", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    if not args.landskap:
        parser.error("--landskap is required")
    skip = set(filter(None, args.skip.split(",")))

    workdir = args.workdir or tempfile.mkdtemp(prefix="landskap-compare-")
    os.makedirs(workdir, exist_ok=True)
    rows = []  # (operation, tool, Measured, step seconds or None, result)

    path = args.file
    if not path:
        if not args.synth:
            parser.error("give --file, or --synth to generate one")
        path = os.path.join(
            workdir, f"synth-{args.municipalities}x{args.systems_per_municipality}.json"
        )
        command = [
            args.synth,
            "--municipalities", str(args.municipalities),
            "--systems-per-municipality", str(args.systems_per_municipality),
            "--seed", str(args.seed),
            "-o", path,
        ]
        print("generating: " + " ".join(command), file=sys.stderr)
        m = measure(command, "synth_tool")
        rows.append(("generate", "synth_tool", m, None,
                     f"{os.path.getsize(path) / 1e6:.0f} MB file"))
    with open(path, encoding="utf-8") as f:
        head = f.read(1 << 16)
    print(f"file: {path} ({os.path.getsize(path) / 1e6:.0f} MB)", file=sys.stderr)

    landskap = os.path.abspath(args.landskap)
    m = measure([landskap, "validate", path], "landskap validate")
    match = re.search(r"OK: (\d+) systems, (\d+) integrations", m.stdout)
    rows.append(("load", "landskap validate", m, None,
                 match.group(0) if match else m.stdout.strip()))

    impact_out = os.path.join(workdir, "impact.json")
    m = measure(
        [landskap, "impact", path, "--key", args.key, "--format", "json", "-o", impact_out],
        "landskap impact",
    )
    with open(impact_out, encoding="utf-8") as f:
        impact = json.load(f)
    counts = {"landskap": (len(impact["affected"]), len(impact["integrations"]))}
    if '"changes"' in head:
        print("warning: the file lists changes; landskap's answer is scoped and will differ",
              file=sys.stderr)
    rows.append(("impact", "landskap impact", m, None,
                 f"{counts['landskap'][0]} systems, {counts['landskap'][1]} integrations"))

    if args.reform and args.synth:
        reform_path = os.path.join(workdir, f"synth-{args.municipalities}x"
                                   f"{args.systems_per_municipality}-merging{args.reform}.json")
        measure([args.synth, "--municipalities", str(args.municipalities),
                 "--systems-per-municipality", str(args.systems_per_municipality),
                 "--seed", str(args.seed), "--merging", str(args.reform), "-o", reform_path],
                "synth_tool (reform)")
        reform_out = os.path.join(workdir, "impact-reform.json")
        m = measure([landskap, "impact", reform_path, "--key", args.key, "--format", "json",
                     "-o", reform_out], "landskap impact (reform)")
        with open(reform_out, encoding="utf-8") as f:
            reform = json.load(f)
        rows.append((f"impact, {args.reform} merging", "landskap impact", m, None,
                     f"{len(reform['affected'])} systems, {len(reform['integrations'])} "
                     "integrations"))

    if "plan" not in skip and has_command(landskap, "plan"):
        plan_out = os.path.join(workdir, "plan.json")
        m = measure(
            [landskap, "plan", path, "--all", "--format", "json", "-o", plan_out], "landskap plan"
        )
        with open(plan_out, encoding="utf-8") as f:
            plan = json.load(f)
        rows.append(("plan --all", "landskap plan", m, None,
                     f"{len(plan.get('tasks', []))} tasks, {len(plan.get('waves', []))} waves, "
                     f"{len(plan.get('bundles', []))} bundles"))
    if "hotspots" not in skip and has_command(landskap, "hotspots"):
        hot_out = os.path.join(workdir, "hotspots.json")
        m = measure(
            [landskap, "hotspots", path, "--samples", str(args.samples), "--format", "json",
             "-o", hot_out],
            "landskap hotspots",
        )
        rows.append(("hotspots", "landskap hotspots", m, None,
                     f"betweenness from {args.samples} sampled sources"))

    me = os.path.abspath(__file__)
    for tool in ("networkx", "igraph"):
        if tool in skip:
            continue
        base = [sys.executable, me, "--worker", tool, "--file", path, "--key", args.key]
        m = measure(base, f"{tool} load")
        result = json.loads(m.stdout)
        rows.append(("load", tool, m, result["load_s"], ""))
        m = measure(base + ["--impact"], f"{tool} impact")
        result = json.loads(m.stdout)
        counts[tool] = (result["affected"], result["integrations"])
        rows.append(("impact", tool, m, result["step_s"],
                     f"{result['affected']} systems, {result['integrations']} integrations"))

    print()
    header = ("operation", "tool", "seconds", "CPU s", "peak MB", "step s", "result")
    table = [header] + [
        (op, tool, f"{m.seconds:.2f}", f"{m.cpu:.2f}", f"{m.peak_mb:.0f}",
         "" if step is None else f"{step:.2f}", res)
        for op, tool, m, step, res in rows
    ]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for i, r in enumerate(table):
        print("  ".join(c.ljust(w) if j in (0, 1, 6) else c.rjust(w)
                        for j, (c, w) in enumerate(zip(r, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print("\nseconds (wall), CPU s (user + system) and peak MB (maximum resident set size): the "
          "whole process, from /usr/bin/time -v.\nstep s: inside the Python process, json.load "
          "+ graph building (load) or the BFS alone (impact).")
    agreed = len(set(counts.values())) == 1
    print("affected counts " + ("agree: " if agreed else "DISAGREE: ") +
          ", ".join(f"{t} {a} systems / {i} integrations" for t, (a, i) in counts.items()))
    return 0 if agreed else 1


if __name__ == "__main__":
    sys.exit(main())
