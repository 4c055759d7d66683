# Turns one file into a C++ raw string literal: cmake -DIN=file -DOUT=file.inc -P embed_asset.cmake
# A file that contains the closing delimiter would end the literal early, so it fails the build.
file(READ "${IN}" content)
set(delimiter "fl_asset")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUT}.tmp" "R\"${delimiter}(${content})${delimiter}\"\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
