# The workshop page in a real browser: Debian's chromium, headless, driven by playwright-core
# from tests/browser (installed there by `npm ci --prefix tests/browser` when node_modules is
# missing; no browser download). Clicks systems and compares the highlight with `landskap impact
# --system ID --direction both`, checks search, pan and zoom, the key impact and plan views, and
# that a page of hostile names runs no script. Skipped (exit 77) only when chromium or node is
# not installed. Screenshots and pages land in the build folder's report_browser/.
find_program(LANDSKAP_NODE node)
if(LANDSKAP_NODE)
  add_test(NAME report_browser
           COMMAND ${LANDSKAP_NODE} ${CMAKE_SOURCE_DIR}/tests/browser/report_test.mjs
                   --landskap $<TARGET_FILE:landskap>
                   --source ${CMAKE_SOURCE_DIR}
                   --work ${CMAKE_CURRENT_BINARY_DIR}/report_browser
                   --dataset ${CMAKE_SOURCE_DIR}/datasets/oygarden-2020.json)
else()
  add_test(NAME report_browser
           COMMAND sh -c "echo 'SKIP: node is not installed (Debian: apt-get install nodejs npm)'; exit 77")
endif()
set_tests_properties(report_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
                     # npm ci may write tests/browser/node_modules: one at a time.
                     RESOURCE_LOCK landskap_browser_npm)
