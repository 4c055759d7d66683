# Tests and tools of the web page; include() after src/serve/serve.cmake.
# The page tests also need axe-core, installed once (online) with:
#   npm install --no-save --no-package-lock --prefix tests/serve axe-core@4
# The top-level tests/CMakeLists.txt globs tests/**/*_test.cpp into
# followup_tests, which then needs followup_serve linked in.
find_package(Catch2 2 REQUIRED)
set(FOLLOWUP_SERVE_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
get_filename_component(FOLLOWUP_SERVE_ROOT ${FOLLOWUP_SERVE_TESTS_DIR}/../.. ABSOLUTE)

add_executable(followup_serve_tests ${FOLLOWUP_SERVE_ROOT}/tests/test_main.cpp
  ${FOLLOWUP_SERVE_TESTS_DIR}/server_test.cpp ${FOLLOWUP_SERVE_TESTS_DIR}/guard_test.cpp
  ${FOLLOWUP_SERVE_TESTS_DIR}/api_test.cpp)
target_compile_options(followup_serve_tests PRIVATE ${FOLLOWUP_WARNINGS})
target_link_libraries(followup_serve_tests PRIVATE followup_serve Catch2::Catch2)

# Development server backed by a followup-lint binary (writes temp files: never shipped).
add_executable(followup-serve-dev ${FOLLOWUP_SERVE_TESTS_DIR}/dev_serve_main.cpp
  ${FOLLOWUP_SERVE_TESTS_DIR}/cli_service.cpp)
target_include_directories(followup-serve-dev PRIVATE ${FOLLOWUP_SERVE_ROOT})
target_compile_options(followup-serve-dev PRIVATE ${FOLLOWUP_WARNINGS})
target_link_libraries(followup-serve-dev PRIVATE followup_serve)

add_executable(followup-serve-bench ${FOLLOWUP_SERVE_ROOT}/bench/serve_latency.cpp)
target_compile_options(followup-serve-bench PRIVATE ${FOLLOWUP_WARNINGS})
target_link_libraries(followup-serve-bench PRIVATE followup_serve)
