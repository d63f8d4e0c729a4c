#!/usr/bin/python3
"""Checks `landskap hotspots --format json` against NetworkX on random landscapes.

Usage: hotspots_networkx.py LANDSKAP_BINARY

Compares articulation points (with the systems each one cuts off), bridges (an unordered pair
of systems joined by more than one integration is never a bridge), exact betweenness
(networkx.betweenness_centrality(normalized=False) on the directed simple graph) within 1e-9,
fan-in/fan-out, dominators towards several targets (networkx.immediate_dominators on the
reversed graph), and what an outage breaks (networkx.descendants: the systems downstream, how
many are critical, the weight by criticality; the same on 1 and 2 threads). Exits 1 with every disagreement listed, 0 when all agree.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

failures = []
# The criticality of system s{i} is CRITICALITY[i % 5]; WEIGHT is the documented outage weight.
CRITICALITY = ["critical", "", "high", "low", "medium"]
WEIGHT = {"critical": 8, "high": 4, "medium": 2, "low": 1, "": 1}


def fail(graph, message):
    failures.append(f"{graph}: {message}")


def random_edges(rng, n, m):
    edges = []
    while len(edges) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            edges.append((a, b))
    return edges


def landscapes():
    """(name, number of systems, integrations as (from, to) index pairs)."""
    out = []
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        out.append((f"random-60-150-seed{seed}", 60, random_edges(rng, 60, 150)))
    # Sparse: many single points of failure and bridges.
    rng = random.Random(4)
    out.append(("sparse-60-70", 60, random_edges(rng, 60, 70)))
    # Parallel integrations (repeats and both directions), a separate part and isolated systems:
    # 0..39 are one random part, 40..49 a second part, 50..54 have no integrations.
    rng = random.Random(5)
    edges = random_edges(rng, 40, 60)
    edges += [(a, b) for a, b in edges[:10]]  # exact repeats
    edges += [(b, a) for a, b in edges[10:20]]  # the other direction
    edges += [(40 + a, 40 + b) for a, b in random_edges(rng, 10, 12)]
    out.append(("parallel-and-disconnected", 55, edges))
    return out


def write_landscape(path, n, edges):
    doc = {
        "format": "landskap/1",
        "systems": [{"id": f"s{i}", **({"criticality": CRITICALITY[i % 5]} if CRITICALITY[i % 5] else {})}
                    for i in range(n)],
        "integrations": [{"id": f"e{k}", "from": f"s{a}", "to": f"s{b}"}
                         for k, (a, b) in enumerate(edges)],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)


def run(binary, path, *extra):
    result = subprocess.run([binary, "hotspots", path, "--format", "json", "--top", "0", *extra],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"landskap hotspots failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check_cuts(name, n, edges, out):
    ug = nx.Graph()
    ug.add_nodes_from(f"s{i}" for i in range(n))
    multiplicity = {}
    integration = {}
    for k, (a, b) in enumerate(edges):
        if a == b:
            continue
        pair = frozenset((f"s{a}", f"s{b}"))
        multiplicity[pair] = multiplicity.get(pair, 0) + 1
        integration[pair] = f"e{k}"
        ug.add_edge(f"s{a}", f"s{b}")

    expected_points = {}
    for v in nx.articulation_points(ug):
        group = nx.node_connected_component(ug, v) - {v}
        sizes = [len(c) for c in nx.connected_components(ug.subgraph(group))]
        expected_points[v] = (len(group) - max(sizes), len(sizes))
    got_points = {p["id"]: (p["cut_off"], p["parts"]) for p in out["articulation_points"]}
    if got_points != expected_points:
        fail(name, f"articulation points differ:\n  landskap {sorted(got_points.items())}\n"
                   f"  networkx {sorted(expected_points.items())}")

    expected_bridges = {}
    for a, b in nx.bridges(ug):
        pair = frozenset((a, b))
        if multiplicity[pair] > 1:
            continue  # parallel integrations: a redundant link in the landscape
        cut = ug.copy()
        cut.remove_edge(a, b)
        side_a, side_b = len(nx.node_connected_component(cut, a)), len(nx.node_connected_component(cut, b))
        expected_bridges[integration[pair]] = (pair, min(side_a, side_b))
    got_bridges = {b["id"]: (frozenset((b["from"], b["to"])), b["cut_off"]) for b in out["bridges"]}
    if got_bridges != expected_bridges:
        fail(name, f"bridges differ:\n  landskap {sorted(got_bridges)}\n  networkx {sorted(expected_bridges)}")
    if out["summary"]["connected_groups"] != nx.number_connected_components(ug):
        fail(name, "connected groups differ")


def directed(n, edges):
    dg = nx.DiGraph()
    dg.add_nodes_from(f"s{i}" for i in range(n))
    dg.add_edges_from((f"s{a}", f"s{b}") for a, b in edges if a != b)
    return dg


def check_betweenness(name, n, edges, out):
    b = out["betweenness"]
    if not b["exact"] or b["samples"] != n or b["seed"] is not None:
        fail(name, f"expected exact betweenness over {n} systems, got {b['exact']}, {b['samples']}")
    expected = nx.betweenness_centrality(directed(n, edges), normalized=False)
    got = {r["id"]: r["score"] for r in b["ranking"]}
    if set(got) != set(expected):
        fail(name, "betweenness ranking does not list every system")
    for v, score in expected.items():
        if v in got and not close(got[v], score):
            fail(name, f"betweenness of {v}: landskap {got[v]!r}, networkx {score!r}")
    ranking = [(-r["score"], r["id"]) for r in b["ranking"]]
    if ranking != sorted(ranking):
        fail(name, "betweenness ranking is not ordered by score, then id")


def check_fan(name, n, edges, out):
    mg = nx.MultiDiGraph()
    mg.add_nodes_from(f"s{i}" for i in range(n))
    mg.add_edges_from((f"s{a}", f"s{b}") for a, b in edges)
    dg = directed(n, edges)
    for f in out["fan"]:
        v = f["id"]
        expected = (mg.in_degree(v), mg.out_degree(v), dg.in_degree(v), dg.out_degree(v))
        got = (f["fan_in"], f["fan_out"], f["providers"], f["consumers"])
        if got != expected:
            fail(name, f"fan of {v}: landskap {got}, networkx {expected}")
    if len(out["fan"]) != n:
        fail(name, "fan does not list every system")


def check_dominators(name, n, edges, target, out):
    reversed_graph = directed(n, edges).reverse(copy=True)
    idom = nx.immediate_dominators(reversed_graph, target)
    reaching = {v for v in idom if v != target}
    d = out["dominators"]
    routes = {r["id"]: r for r in d["routes"]}
    if set(routes) != reaching or d["reaching"] != len(reaching):
        fail(name, f"towards {target}: systems with a route differ: landskap {sorted(routes)}, "
                   f"networkx {sorted(reaching)}")
        return
    dependents = {v: 0 for v in reaching}
    for v in reaching:
        chain = []
        x = idom[v]
        while x != target:
            chain.append(x)
            dependents[x] += 1
            x = idom[x]
        if routes[v]["next"] != idom[v] or routes[v]["through"] != chain:
            fail(name, f"towards {target}: route of {v}: landskap next {routes[v]['next']} "
                       f"through {routes[v]['through']}, networkx next {idom[v]} through {chain}")
    expected = sorted(((-c, v) for v, c in dependents.items() if c > 0))
    got = [(-r["dependents"], r["id"]) for r in d["ranking"]]
    if got != expected:
        fail(name, f"towards {target}: dependents ranking differs:\n  landskap {got}\n  networkx {expected}")


def check_outage(name, n, edges, out):
    o = out["outage"]
    if not o["exact"]:
        fail(name, "expected the outage reach of every system to be exact")
    dg = directed(n, edges)
    expected = {}
    for v in dg.nodes:
        down = nx.descendants(dg, v)
        if down:
            crit = [CRITICALITY[int(w[1:]) % 5] for w in down]
            expected[v] = (len(down), crit.count("critical"), sum(WEIGHT[c] for c in crit))
    got = {r["id"]: (r["lose_data"], r["critical"], r["weight"]) for r in o["ranking"]}
    if got != expected:
        diff = sorted(set(got.items()) ^ set(expected.items()))[:10]
        fail(name, f"outage reach differs from networkx.descendants (first differences): {diff}")
    ranking = [(-r["weight"], -r["lose_data"], r["id"]) for r in o["ranking"]]
    if ranking != sorted(ranking):
        fail(name, "outage ranking is not ordered by weight, then systems, then id")


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="landskap-hotspots-") as tmp:
        for name, n, edges in landscapes():
            path = os.path.join(tmp, name + ".json")
            write_landscape(path, n, edges)
            out = run(binary, path)
            check_cuts(name, n, edges, out)
            check_betweenness(name, n, edges, out)
            check_fan(name, n, edges, out)
            check_outage(name, n, edges, out)
            if run(binary, path, "--threads", "1") != run(binary, path, "--threads", "2"):
                fail(name, "hotspots on 1 and on 2 threads differ")
            for target in ("s0", "s7", "s42"):
                check_dominators(name, n, edges, target, run(binary, path, "--towards", target))
            # A sampled run says what it did and repeats itself exactly.
            sampled = run(binary, path, "--samples", "12", "--seed", "5")
            b = sampled["betweenness"]
            if b["exact"] or b["samples"] != 12 or b["seed"] != 5:
                fail(name, f"sampled run reports exact={b['exact']} samples={b['samples']} seed={b['seed']}")
            if sampled != run(binary, path, "--samples", "12", "--seed", "5"):
                fail(name, "two sampled runs with the same seed differ")
            print(f"{name}: {n} systems, {len(edges)} integrations, "
                  f"{len(out['articulation_points'])} articulation points, {len(out['bridges'])} bridges")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(f"{len(failures)} disagreements with NetworkX", file=sys.stderr)
        return 1
    print("landskap hotspots agrees with NetworkX")
    return 0


if __name__ == "__main__":
    sys.exit(main())
