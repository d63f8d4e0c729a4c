#!/usr/bin/env bash
# Builds the `fuzz` preset and runs each libFuzzer target for a bounded time.
#   tests/fuzz/run.sh [SECONDS]     SECONDS per fuzzer, default 60
# The seeds (tests/fuzz/corpus/<target>, and past findings from tests/fuzz/regressions/<target>)
# are copied into build/fuzz/corpus/<target> first, so the inputs a run finds stay in the build
# folder and never land in the source tree. Prints executions per second and the outcome per
# fuzzer; exits 1 when one found a crash, a leak or a timeout, with the path of
# the input that triggers it (turn it into a regression file: tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
case "$seconds" in '' | *[!0-9]*) echo "usage: tests/fuzz/run.sh [SECONDS]" >&2; exit 2 ;; esac

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

build=build/fuzz
status=0
ran=0
found=()
for target in load changes xlsx csv archi_xml archi_csv merge diff decisions plan_exports closures split_decisions decisions_workbook; do
  case "$target" in
    load) dict=landskap.dict ;;
    changes) dict=changes.dict ;;
    xlsx) dict=xlsx.dict ;;
    csv) dict=inventory.dict ;;
    archi_xml) dict=archimate.dict ;;
    archi_csv) dict=archi_csv.dict ;;
    merge | diff) dict=landskap+decisions.dict ;;
    decisions) dict=decisions.dict ;;
    plan_exports) dict=landskap.dict ;;
    closures) dict=closures.dict ;;
    split_decisions) dict=split_decisions.dict ;;
    decisions_workbook) dict=xlsx.dict ;;
  esac
  # merge and diff read several files: the format's names and the form feed between files.
  dict_path="tests/fuzz/$dict"
  if [ "$dict" = landskap+decisions.dict ]; then
    dict_path="$build/landskap+decisions.dict"
    cat tests/fuzz/landskap.dict tests/fuzz/decisions.dict >"$dict_path"
  fi
  corpus="$build/corpus/$target"
  artifacts="$build/findings/$target/"
  log="$build/fuzz-$target.log"
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/
  # Past findings are seeds too: the fuzzer keeps mutating around the bugs already fixed.
  if [ -d tests/fuzz/regressions/"$target" ]; then
    cp -n tests/fuzz/regressions/"$target"/* "$corpus"/
  fi
  echo "== ${target}_fuzzer: $seconds s (log: $log)"
  rc=0
  # Leaks are findings too (nothing to suppress: the fuzzers link no Graphviz).
  ASAN_OPTIONS="detect_leaks=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/tests/fuzz/${target}_fuzzer" "$corpus" \
    -dict="$dict_path" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  echo "   ${runs:-?} executions, ${speed:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) files"
  ran=$((ran + 1))
  if [ "$rc" -ne 0 ]; then
    status=1
    found+=("$target")
    grep -E '^==[0-9]+==ERROR|SUMMARY|invariant violated|runtime error|ALARM' "$log" | head -5 || true
    found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "   FOUND a problem (exit $rc); input: ${found:-see $log}"
    echo "   replay: $build/tests/fuzz/${target}_fuzzer ${found:-INPUT}"
  else
    echo "   no crash found"
  fi
done
echo "== $ran fuzzers ran $seconds s each; ${#found[@]} found a problem${found:+ (${found[*]})}"
exit "$status"
