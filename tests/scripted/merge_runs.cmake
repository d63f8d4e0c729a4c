# Issue 17's "done when" for merge: the reproducer, --propose then --decisions on small and on
# the bundled files, and 50 random merges of the merge fuzzer's seed landscapes, each of which
# validates and plans (tests/scripts/merge_runs.py).
add_test(NAME merge_runs_validate_and_plan
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/merge_runs.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
