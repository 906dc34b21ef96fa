# Included by bench/CMakeLists.txt: protocol encode/decode and per-viewer delivery (issue 6).
add_executable(protocol_bench ${CMAKE_CURRENT_LIST_DIR}/protocol_bench.cpp)
target_link_libraries(protocol_bench PRIVATE accord_protocol benchmark::benchmark)
accord_warnings(protocol_bench)
