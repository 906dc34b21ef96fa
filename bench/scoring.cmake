# Included by bench/CMakeLists.txt: the scoring benchmark (issue 4).
add_executable(scoring_bench ${CMAKE_CURRENT_LIST_DIR}/scoring_bench.cpp)
target_link_libraries(scoring_bench PRIVATE accord_scoring benchmark::benchmark
  nlohmann_json::nlohmann_json)
target_compile_definitions(scoring_bench PRIVATE ACCORD_ASSET_DIR="${ACCORD_ASSET_DIR}"
  ACCORD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
accord_warnings(scoring_bench)
