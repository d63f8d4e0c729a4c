# docs/architecture.{dot,svg} are what the build's target graph says, engine/ has no files at
# its root, and no source includes by a relative path (tests/scripts/architecture.py).
add_test(NAME architecture_picture_is_current
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/architecture.py
                 --render $<TARGET_FILE:render_dot> --check)
