# Issue 17, findings 7 to 17 against the built binary: -o never replaces an input, a
# write-protected file or a filled-in template, standard output's failures are errors, and CSV,
# Markdown, iCalendar, XML, Mermaid, xlsx and pictures are read back by programs that are not
# landskap (expat, Python's csv, zipfile, a pty, Mermaid's grammar when node is installed).
add_test(NAME output_rules
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/output_rules.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
set_tests_properties(output_rules PROPERTIES TIMEOUT 900)
