# Issue 19: merge decisions in Excel: --propose x.xlsx, edited with openpyxl, --decisions x.xlsx
# gives the landscape of the same edit in JSON; bad cells are named.
add_test(NAME merge_decisions_workbook_round_trips
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_decisions_workbook.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
