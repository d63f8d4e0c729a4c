# The split decisions schema and `landskap split` agree on what --propose writes and on broken
# snippets.
add_test(NAME split_decisions_schema_agrees_with_split
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_split_decisions.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
