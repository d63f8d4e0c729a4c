#!/usr/bin/python3
"""Times every picture `landskap render` draws, on generated landscapes of growing size.

Issue 20 asks that every picture of a landscape up to 1 000 systems and 5 000 integrations renders
in under 5 s. This is the benchmark that says whether it does (a benchmark, not a timed test: the
build machine is shared). For each size, `landskap synth --municipalities 1` makes the file (one
municipality and the national and vendor systems around it: 37 municipal systems give 70 in all,
120 give 153, 150 give 183 (the issue's mid-sized municipality), 267 give 300, 967 give 1 000), the
bundled merger is added, and each picture command runs in its own process under /usr/bin/time
with a timeout. The table shows wall seconds and CPU seconds (user + system: the fair figure on a
shared machine); a run that hit the timeout shows "> T s". Exit status 1 when any picture took
--limit seconds or more of CPU time or hit the timeout.

  /usr/bin/python3 bench/render_sizes.py --landskap build/ci/landskap --workdir /tmp/render-bench \\
      [--sizes 37,120,150,267,967] [--timeout 60] [--limit 5] [--markdown OUT.md]
"""

import argparse
import os
import subprocess
import sys

PICTURES = [
    ("whole, svg", ["-o", "{out}.svg"]),
    ("whole, png", ["-o", "{out}.png"]),
    ("whole, A3 pdf", ["--page", "A3", "--landscape", "-o", "{out}.pdf"]),
    ("--key kommunenummer, svg", ["--key", "kommunenummer", "-o", "{out}.svg"]),
    ("--only-affected, svg", ["--key", "kommunenummer", "--only-affected", "-o", "{out}.svg"]),
    ("--plan, svg", ["--key", "kommunenummer", "--plan", "-o", "{out}.svg"]),
    ("--collapse owner, svg", ["--collapse", "owner", "-o", "{out}.svg"]),
    ("--gantt, svg", ["--key", "kommunenummer", "--gantt", "-o", "{out}.svg"]),
]


def timed(command, timeout):
    """(wall seconds, cpu seconds, timed out) of one process, by GNU time."""
    times = command[0] + ".time"
    wrapped = ["/usr/bin/time", "-f", "%e %U %S", "-o", times, "timeout", str(timeout)] + command[1:]
    result = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with open(times) as f:
        last = f.read().strip().splitlines()[-1].split()
    wall, user, system = (float(x) for x in last[-3:])
    if result.returncode not in (0, 124):
        sys.exit("failed: %s\n%s" % (" ".join(command[1:]), result.stderr))
    return wall, user + system, result.returncode == 124


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--landskap", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--sizes", default="37,120,150,267,967",
                        help="municipal systems per generated landscape")
    parser.add_argument("--merger", default=os.path.join(os.path.dirname(__file__), "..",
                                                         "datasets", "oygarden-2020.json"))
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--limit", type=float, default=5.0)
    parser.add_argument("--markdown")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    binary = os.path.abspath(args.landskap)

    files = [("Øygarden 2020 (bundled)", os.path.abspath(args.merger))]
    for size in (int(s) for s in args.sizes.split(",")):
        path = os.path.join(args.workdir, "synth-%d.json" % size)
        subprocess.run([binary, "synth", "--municipalities", "1", "--systems-per-municipality",
                        str(size), "--seed", "3", "-o", path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files.append(("synth 1 × %d" % size, path))

    rows, over = [], []
    for name, path in files:
        stats = subprocess.run([binary, "stats", path], capture_output=True, text=True).stdout
        shape = next((line for line in stats.splitlines() if "integrations" in line), "")
        shape = shape.split(",")[0] + "," + shape.split(",")[1] if "," in shape else shape
        for picture, extra in PICTURES:
            out = os.path.join(args.workdir, "picture")
            command = [os.path.join(args.workdir, "run")] + [binary, "render", path] + [
                x.format(out=out) for x in extra]
            wall, cpu, timed_out = timed(command, args.timeout)
            wall_text = "> %d s" % args.timeout if timed_out else "%.2f s" % wall
            rows.append("| %s (%s) | %s | %s | %.2f s |" % (name, shape, picture, wall_text, cpu))
            print(rows[-1], flush=True)
            if timed_out or cpu >= args.limit:
                over.append("%s: %s" % (name, picture))

    table = ["| landscape | picture | wall | CPU |", "|---|---|---|---|"] + rows
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("\n".join(table) + "\n")
    if over:
        print("%d pictures took %.0f s of CPU or more: %s" % (len(over), args.limit, "; ".join(over)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
