#!/usr/bin/env bash
# The whole test suite from nothing: install what is missing, build with warnings as errors,
# run every test, then build and run the tests again under AddressSanitizer and UBSan, then
# fuzz each file reader for a bounded time (tests/fuzz/run.sh; LANDSKAP_FUZZ_SECONDS each,
# default 60). LANDSKAP_SKIP_ASAN=1 and LANDSKAP_SKIP_FUZZ=1 leave those steps out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
jobs=$(nproc)

cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"

if [ "${LANDSKAP_SKIP_ASAN:-0}" != "1" ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs"
fi

if [ "${LANDSKAP_SKIP_FUZZ:-0}" != "1" ]; then
  bash tests/fuzz/run.sh "${LANDSKAP_FUZZ_SECONDS:-60}"
fi
