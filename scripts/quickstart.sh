#!/usr/bin/env bash
# Quick start: install what is missing, build landskap, and show what breaks in the bundled
# merger (Fjell, Sund and Øygarden → Øygarden, 2020) when the kommunenummer changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target landskap
echo
./build/default/landskap impact datasets/oygarden-2020.json --key kommunenummer
echo
echo "The landskap binary is build/default/landskap; try 'build/default/landskap --help'."
