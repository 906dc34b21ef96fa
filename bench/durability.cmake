# Included by bench/CMakeLists.txt: what durability costs (issue 7): loop turns committed to the
# SQLite store (WAL, synchronous=FULL, one transaction per turn) against the in-memory store.
add_executable(durability_bench ${CMAKE_CURRENT_LIST_DIR}/durability_bench.cpp)
target_link_libraries(durability_bench PRIVATE accord_server_lib benchmark::benchmark)
accord_warnings(durability_bench)
