# landskap hotspots agrees with NetworkX (articulation points, bridges, exact betweenness,
# fan-in/fan-out, dominators) on random landscapes, including parallel integrations and a
# disconnected part.
add_test(NAME hotspots_agree_with_networkx
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/scripts/hotspots_networkx.py
                 $<TARGET_FILE:landskap>)
