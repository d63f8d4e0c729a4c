#!/usr/bin/python3
"""Issue 17's "done when" for merge, run with the built binary: the issue's reproducer, --propose
then --decisions on three small files and on the bundled ones, and 50 random merges of the
landscapes in the merge fuzzer's seed corpus (tests/fuzz/corpus/merge, files split at form
feeds), each proposed, then decided with its own proposal. Every merge that succeeds must write a
file that validates and that `plan --all` and `plan --key kommunenummer` order; a merge that is
refused must exit 2 with one of the reasons docs/merge.md gives, never crash.
Run: merge_runs.py LANDSKAP_BINARY SOURCE_DIR"""
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

binary, source = sys.argv[1], sys.argv[2]
failures = []
# What merge refuses on purpose (docs/merge.md), as its messages say it.
REASONS = ["are the same file", "is the same landscape as", "one id cannot name both",
           "own systems need different ids", "make a cycle in the cutover order",
           "cannot tell which municipality", "no system in this file is owned by a kommunenummer"]


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=120)


def check_merged(label, path):
    """The merged file validates and plans."""
    ok = True
    validate = run("validate", path)
    if validate.returncode != 0 or not validate.stdout.startswith("OK: "):
        failures.append(f"{label}: validate exited {validate.returncode}: {validate.stderr[:300]}")
        ok = False
    for plan_args in (["--all"], ["--key", "kommunenummer", "--start", "2019-08-01"]):
        plan = run("plan", path, *plan_args, "--format", "json")
        if plan.returncode != 0:
            failures.append(f"{label}: plan {' '.join(plan_args)} exited {plan.returncode}: "
                            f"{plan.stderr[:300]}")
            ok = False
    return ok


def propose_then_decide(label, files, into, tmp):
    """--propose, then --decisions with the proposal. Returns 'merged', 'refused' or 'failed'."""
    proposal = os.path.join(tmp, "p.json")
    merged = os.path.join(tmp, "m.json")
    for f in (proposal, merged):
        if os.path.exists(f):
            os.remove(f)
    first = run("merge", *files, "--into", into, "--propose", proposal)
    steps = [("--propose", first)]
    if first.returncode == 0:
        steps.append(("--decisions", run("merge", *files, "--into", into, "--decisions", proposal,
                                         "-o", merged, "--summary", merged + ".md")))
    for step, result in steps:
        if result.returncode == 0:
            continue
        if result.returncode == 2 and any(r in result.stderr for r in REASONS):
            return "refused"
        failures.append(f"{label}: merge {step} exited {result.returncode}: {result.stderr[:400]}")
        return "failed"
    return "merged" if check_merged(label, merged) else "failed"


with tempfile.TemporaryDirectory() as tmp:
    # The reproducer: two municipalities, two systems each, both domains decided.
    corpus = os.path.join(source, "tests", "fuzz", "corpus", "merge")
    parts = open(os.path.join(corpus, "issue17-two-retirements.txt"), encoding="utf-8").read().split("\f")
    names = [os.path.join(tmp, n) for n in ("a.json", "b.json", "d.json")]
    for name, text in zip(names, parts):
        open(name, "w", encoding="utf-8").write(text)
    m = os.path.join(tmp, "repro.json")
    result = run("merge", names[0], names[1], "--into", "1003", "--name", "Ny", "--decisions",
                 names[2], "-o", m)
    if result.returncode != 0:
        failures.append(f"reproducer: merge exited {result.returncode}: {result.stderr[:300]}")
    else:
        check_merged("reproducer", m)
    print(f"reproducer: exit {result.returncode}")

    datasets = os.path.join(source, "datasets")
    bundled = [os.path.join(datasets, f) for f in ("fjell-2019.json", "sund-2019.json", "oygarden-2019.json")]
    outcome = propose_then_decide("bundled", bundled, "4626", tmp)
    print(f"bundled, propose then decide: {outcome}")
    if outcome != "merged":
        failures.append(f"bundled: {outcome}")

    # The corpus's landscapes, each once (by content).
    pool = {}
    for path in sorted(glob.glob(os.path.join(corpus, "*"))):
        for i, text in enumerate(open(path, encoding="utf-8").read().split("\f")):
            if "landskap-decisions" in text or text in pool.values():
                continue
            name = os.path.join(tmp, f"{os.path.basename(path)}.{i}.json")
            open(name, "w", encoding="utf-8").write(text)
            if run("validate", name).returncode == 0:
                pool[name] = text
    xyz = [p for p in pool if os.path.basename(p).startswith("propose-then-decide-three")]
    outcome = propose_then_decide("three small files", xyz, "2004", tmp)
    print(f"three small files, propose then decide: {outcome}")
    if outcome != "merged":
        failures.append(f"three small files: {outcome}")

    rng = random.Random(17)
    files = sorted(pool)
    counts = {"merged": 0, "refused": 0, "failed": 0}
    attempts = 0
    while counts["merged"] < 50 and attempts < 300:
        attempts += 1
        pick = rng.sample(files, rng.randint(2, min(4, len(files))))
        outcome = propose_then_decide("random merge of " + ", ".join(os.path.basename(p) for p in pick),
                                      pick, "4626", tmp)
        counts[outcome] += 1
    print(f"{len(pool)} landscapes in the corpus; {attempts} random merges: {counts['merged']} "
          f"merged, validated and planned, {counts['refused']} refused with a reason, "
          f"{counts['failed']} failed")
    if counts["merged"] < 50:
        failures.append(f"only {counts['merged']} of {attempts} random merges went through")

for f in failures:
    print(f)
sys.exit(1 if failures else 0)
