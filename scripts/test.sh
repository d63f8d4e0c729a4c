#!/usr/bin/env bash
# The whole test suite from nothing: install what is missing, build with warnings as errors,
# run every test, then build and run the tests again under AddressSanitizer and UBSan, then
# fuzz each file reader for a bounded time (tests/fuzz/run.sh; LANDSKAP_FUZZ_SECONDS each,
# default 60). LANDSKAP_SKIP_ASAN=1 and LANDSKAP_SKIP_FUZZ=1 leave those steps out.
#
# CI mode (LANDSKAP_CI=1, exported by .ci/run): nothing may be left out and nothing may pass
# unseen. The skip switches and LANDSKAP_UPDATE_GOLDEN are refused; a test that skips (its
# input, node, Chromium or NetworkX missing) fails, here and in the tests themselves; the run
# starts and ends on an unchanged git work tree. docs/testing.md says more.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

case "${LANDSKAP_CI:-}" in
  '' | 0) ci=0 ;;
  1) ci=1 ;;
  *)
    echo "test.sh: LANDSKAP_CI='$LANDSKAP_CI': set LANDSKAP_CI=1 for a CI run, or leave it unset" >&2
    exit 2
    ;;
esac

# The work tree as git sees it: files changed since the commit, and files git does not know,
# apart from the build folders (build*/) and npm's node_modules/. Prints them; false when any.
tree_is_clean() {
  local changed untracked
  changed=$(git diff HEAD --name-status)
  untracked=$(git ls-files --others --directory | grep -Ev '^build[^/]*/|(^|/)node_modules/' || true)
  [ -z "$changed" ] && [ -z "$untracked" ] && return 0
  [ -z "$changed" ] || sed 's/^/  changed since the commit: /' <<<"$changed"
  [ -z "$untracked" ] || sed 's/^/  not in git: /' <<<"$untracked"
  return 1
}

if [ "$ci" = 1 ]; then
  refused=0
  for switch in LANDSKAP_SKIP_ASAN LANDSKAP_SKIP_FUZZ LANDSKAP_UPDATE_GOLDEN; do
    [ -n "${!switch+set}" ] || continue
    case "$switch" in
      LANDSKAP_SKIP_ASAN) why="it would leave out the AddressSanitizer build and its tests" ;;
      LANDSKAP_SKIP_FUZZ) why="it would leave out the fuzzers" ;;
      LANDSKAP_UPDATE_GOLDEN) why="it is the switch that rewrites tests/golden, and CI only compares" ;;
    esac
    echo "test.sh: CI (LANDSKAP_CI=1) refuses $switch=${!switch}: $why; unset it." >&2
    refused=1
  done
  [ "$refused" = 0 ] || exit 2
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "test.sh: CI (LANDSKAP_CI=1) runs on a git checkout, and $(pwd) is not one (no .git):" \
      "without it the run cannot show that it changed no file." >&2
    exit 2
  fi
  echo "== CI mode (LANDSKAP_CI=1): a skipped test fails; the work tree must not change"
  if ! tree_is_clean >&2; then
    echo "test.sh: CI runs on a clean checkout, and this work tree differs from $(git rev-parse --short HEAD)" \
      "before the run (above); commit or stash first." >&2
    exit 2
  fi
  # Python writes no __pycache__ into tests/scripts.
  export PYTHONDONTWRITEBYTECODE=1
fi

bash scripts/setup.sh --test

# Runs the tests of a preset and says how many ran. A test that did not run (skipped, or not
# run at all) is listed; in CI it fails the step.
run_ctest() {
  local preset=$1
  local log="build/$preset/ctest.log"
  echo "== ctest --preset $preset: every test of build/$preset (log: $log)"
  local rc=0
  ctest --preset "$preset" -j "$jobs" 2>&1 | tee "$log" || rc=$?
  local total not_run
  total=$(sed -nE 's/.*tests passed, [0-9]+ tests? failed out of ([0-9]+)$/\1/p' "$log" | tail -1)
  not_run=$(grep -E '\*\*\*(Skipped|Not Run)' "$log" | sed -E 's/^ *[0-9]+\/[0-9]+ Test +#[0-9]+: ([^ ]+) .*\*\*\*(Skipped|Not Run).*/\1 (\2)/' || true)
  local count=0
  [ -n "$not_run" ] && count=$(printf '%s\n' "$not_run" | wc -l)
  echo "== ctest --preset $preset: ${total:-0} tests ran, $count did not run, exit $rc"
  if [ "$count" -gt 0 ]; then
    sed 's/^/   did not run: /' <<<"$not_run"
    if [ "$ci" = 1 ]; then
      echo "test.sh: in CI a test that did not run is a failure (the reason is in its output above)" >&2
      rc=1
    fi
  fi
  return "$rc"
}

echo "== build the ci preset (optimised, warnings are errors)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
run_ctest ci

if [ "${LANDSKAP_SKIP_ASAN:-0}" != "1" ]; then
  echo "== build the asan preset (AddressSanitizer, LeakSanitizer, UBSan)"
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  run_ctest asan
else
  echo "== LANDSKAP_SKIP_ASAN=1: the AddressSanitizer build and tests did not run"
fi

if [ "${LANDSKAP_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== fuzz each reader for ${LANDSKAP_FUZZ_SECONDS:-60} s (tests/fuzz/run.sh)"
  bash tests/fuzz/run.sh "${LANDSKAP_FUZZ_SECONDS:-60}"
else
  echo "== LANDSKAP_SKIP_FUZZ=1: the fuzzers did not run"
fi

if [ "$ci" = 1 ]; then
  echo "== the work tree after the run (git diff HEAD, files not in git outside build*/ and node_modules/)"
  if ! tree_is_clean >&2; then
    echo "test.sh: the run changed the work tree (above): a test or a step wrote into the sources" >&2
    exit 1
  fi
  echo "   unchanged"
fi
echo "== all steps passed"
