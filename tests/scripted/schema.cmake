# The JSON Schema and the loader agree on the bundled datasets and on broken snippets.
add_test(NAME schema_agrees_with_loader
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_schema.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})

# The decisions schema and `landskap merge` agree on the bundled decisions and broken snippets.
add_test(NAME decisions_schema_agrees_with_merge
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_decisions.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})

# The pre-merger files and decisions are generated from make_oygarden.py's tables.
add_test(NAME oygarden_2019_files_are_generated
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_oygarden_2019.py
                 ${CMAKE_SOURCE_DIR})

# The split example is generated from make_alesund.py's tables.
add_test(NAME alesund_2024_is_generated
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/check_alesund.py
                 ${CMAKE_SOURCE_DIR})
