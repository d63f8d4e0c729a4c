# Issue 19: a fixed date --capacity moves is the same day in every export, --capacity leaves
# external work alone, and the plan and impact workbooks read right (openpyxl).
add_test(NAME plan_exports_agree_on_capacity_moved_dates
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_plan_exports.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
