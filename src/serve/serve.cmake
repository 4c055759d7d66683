# The web page of `followup-lint serve`: include(src/serve/serve.cmake) from
# the top-level CMakeLists.txt, then link followup_serve into the binary.
# Needs Debian's libcpp-httplib-dev (a compiled library: its .pc flags must
# match the header) and nlohmann_json.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)

set(FOLLOWUP_SERVE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(FOLLOWUP_SERVE_GENERATED ${CMAKE_BINARY_DIR}/generated)
set(FOLLOWUP_SERVE_INCS)
foreach(asset index.html app.js style.css)
  set(inc ${FOLLOWUP_SERVE_GENERATED}/serve_assets/${asset}.inc)
  add_custom_command(
    OUTPUT ${inc}
    COMMAND ${CMAKE_COMMAND} -DIN=${FOLLOWUP_SERVE_DIR}/assets/${asset} -DOUT=${inc}
            -P ${FOLLOWUP_SERVE_DIR}/embed_asset.cmake
    DEPENDS ${FOLLOWUP_SERVE_DIR}/assets/${asset} ${FOLLOWUP_SERVE_DIR}/embed_asset.cmake
    COMMENT "Embedding src/serve/assets/${asset}")
  list(APPEND FOLLOWUP_SERVE_INCS ${inc})
endforeach()

add_library(followup_serve STATIC
  ${FOLLOWUP_SERVE_DIR}/api.cpp ${FOLLOWUP_SERVE_DIR}/assets.cpp ${FOLLOWUP_SERVE_DIR}/guard.cpp
  ${FOLLOWUP_SERVE_DIR}/server.cpp ${FOLLOWUP_SERVE_DIR}/site.cpp
  ${FOLLOWUP_SERVE_DIR}/worker_pool.cpp ${FOLLOWUP_SERVE_INCS})
target_include_directories(followup_serve PUBLIC ${FOLLOWUP_SERVE_DIR}/..
                           PRIVATE ${FOLLOWUP_SERVE_GENERATED})
target_compile_features(followup_serve PUBLIC cxx_std_20)
if(DEFINED FOLLOWUP_WARNINGS)
  target_compile_options(followup_serve PRIVATE ${FOLLOWUP_WARNINGS})
endif()
target_link_libraries(followup_serve PUBLIC PkgConfig::HTTPLIB nlohmann_json::nlohmann_json followup_platform
                      Threads::Threads)
