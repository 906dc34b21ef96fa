# Included by bench/CMakeLists.txt: protocol encode/decode and per-viewer delivery (issue 6).
add_executable(protocol_bench ${CMAKE_CURRENT_LIST_DIR}/protocol_bench.cpp)
target_link_libraries(protocol_bench PRIVATE accord_protocol benchmark::benchmark
  nlohmann_json::nlohmann_json PkgConfig::XXHASH)
accord_warnings(protocol_bench)

# What encryption costs (issue 16): seal + open per message, and the key exchange.
add_executable(secure_channel_bench ${CMAKE_CURRENT_LIST_DIR}/secure_channel_bench.cpp)
target_link_libraries(secure_channel_bench PRIVATE accord_net benchmark::benchmark)
accord_warnings(secure_channel_bench)
