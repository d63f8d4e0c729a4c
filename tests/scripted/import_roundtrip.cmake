# The bundled landscape written by Python as a Norwegian CSV pair and as an xlsx workbook imports
# back to the same systems and integrations.
add_test(NAME import_roundtrip_python
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/import_roundtrip.py
                 $<TARGET_FILE:landskap> ${CMAKE_SOURCE_DIR})
