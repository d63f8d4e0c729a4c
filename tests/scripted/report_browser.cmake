# The workshop page in a real browser: Debian's chromium, headless, driven by playwright-core
# from tests/browser (installed there by `npm ci --prefix tests/browser` when node_modules is
# missing; no browser download). Clicks systems and compares the highlight with `landskap impact
# --system ID --direction both`, checks search, pan and zoom, the key impact and plan views, and
# that a page of hostile names runs no script. Skipped (exit 77) only when chromium or node is
# not installed, and failed instead in CI (LANDSKAP_CI=1, read when the test runs); fails with
# the needed version when node is too old for the locked playwright-core. Screenshots and pages
# land in the build folder's report_browser/.
find_program(LANDSKAP_NODE node)

# The oldest Node.js the test runs on is the locked playwright-core's engines.node (">=18").
set(landskap_browser_lock ${CMAKE_SOURCE_DIR}/tests/browser/package-lock.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${landskap_browser_lock})
file(READ ${landskap_browser_lock} landskap_browser_lock_json)
string(JSON landskap_node_engine GET "${landskap_browser_lock_json}"
       packages node_modules/playwright-core engines node)
string(REGEX MATCH "[0-9]+" LANDSKAP_NODE_MIN_MAJOR "${landskap_node_engine}")

set(landskap_node_problem "")
if(LANDSKAP_NODE)
  execute_process(COMMAND ${LANDSKAP_NODE} --version
                  OUTPUT_VARIABLE landskap_node_version OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE landskap_node_result ERROR_QUIET)
  string(REGEX MATCH "^v([0-9]+)\\." landskap_node_match "${landskap_node_version}")
  if(NOT landskap_node_result EQUAL 0 OR NOT landskap_node_match)
    set(landskap_node_problem
        "${LANDSKAP_NODE} --version did not print a version; the browser test needs Node.js ${LANDSKAP_NODE_MIN_MAJOR} or newer")
  elseif(CMAKE_MATCH_1 LESS LANDSKAP_NODE_MIN_MAJOR)
    set(landskap_node_problem
        "${LANDSKAP_NODE} is Node.js ${landskap_node_version}; the browser test (playwright-core in tests/browser/package-lock.json) needs Node.js ${LANDSKAP_NODE_MIN_MAJOR} or newer")
  endif()
endif()

if(NOT LANDSKAP_NODE)
  add_test(NAME report_browser
           COMMAND sh -c "if [ x$LANDSKAP_CI = x1 ]; then echo 'FAIL: node was not found when the build was configured (Debian: apt-get install nodejs npm, then configure again); in CI (LANDSKAP_CI=1) the browser test must run'; exit 1; fi; echo 'SKIP: node is not installed (Debian: apt-get install nodejs npm)'; exit 77")
elseif(landskap_node_problem)
  message(WARNING "report_browser will fail: ${landskap_node_problem}")
  add_test(NAME report_browser
           COMMAND sh -c "echo 'FAIL: ${landskap_node_problem}'; exit 1")
else()
  add_test(NAME report_browser
           COMMAND ${LANDSKAP_NODE} ${CMAKE_SOURCE_DIR}/tests/browser/report_test.mjs
                   --landskap $<TARGET_FILE:landskap>
                   --source ${CMAKE_SOURCE_DIR}
                   --work ${CMAKE_CURRENT_BINARY_DIR}/report_browser
                   --dataset ${CMAKE_SOURCE_DIR}/datasets/oygarden-2020.json)
endif()
set_tests_properties(report_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
                     # npm ci may write tests/browser/node_modules: one at a time.
                     RESOURCE_LOCK landskap_browser_npm)
