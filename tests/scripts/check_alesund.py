#!/usr/bin/python3
"""datasets/alesund-2024.json is what datasets/tools/make_alesund.py writes, byte for byte, so
that the script's tables stay the one source of the split example.
Run: check_alesund.py SOURCE_DIR"""
import os
import subprocess
import sys

source = sys.argv[1]
written = subprocess.run([sys.executable, os.path.join(source, "datasets", "tools", "make_alesund.py")],
                         check=True, stdout=subprocess.PIPE).stdout
with open(os.path.join(source, "datasets", "alesund-2024.json"), "rb") as f:
    committed = f.read()
if written != committed:
    print("datasets/alesund-2024.json differs from what make_alesund.py writes; regenerate it:\n"
          "  python3 datasets/tools/make_alesund.py > datasets/alesund-2024.json")
    sys.exit(1)
