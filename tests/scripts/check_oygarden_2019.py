#!/usr/bin/python3
"""The bundled pre-merger files and decisions are what datasets/tools/make_oygarden_2019.py
writes, byte for byte, so that the tables in make_oygarden.py stay the one source of the story.
Run: check_oygarden_2019.py SOURCE_DIR"""
import filecmp
import os
import subprocess
import sys
import tempfile

source = sys.argv[1]
names = ["fjell-2019.json", "sund-2019.json", "oygarden-2019.json", "oygarden-decisions.json"]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(source, "datasets", "tools", "make_oygarden_2019.py"),
                    tmp], check=True)
    differ = [n for n in names
              if not filecmp.cmp(os.path.join(tmp, n), os.path.join(source, "datasets", n), shallow=False)]
for n in differ:
    print(f"datasets/{n} differs from what make_oygarden_2019.py writes; regenerate it")
sys.exit(1 if differ else 0)
