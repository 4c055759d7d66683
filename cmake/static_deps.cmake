# Which copies of RE2, libphonenumber (with protobuf-lite and Abseil) and
# gumbo the program links: FOLLOWUP_STATIC_DEPS (on by default) takes
# Debian's static archives of the same packages.
#
# Why: a process that loads them as shared libraries maps 13 more files and
# resolves their symbols at every start, about 2 ms of a 4 ms budget for one
# small draft (bench/README.md). ICU, toml++, fmt and md4c stay shared:
# ICU's data alone is 30 MB, and the other three have no archive in Debian.
#
# Defines the imported targets followup::re2, followup::phonenumber and
# followup::gumbo, whichever way they are linked. libphonenumber needs ICU
# after it on the link line: followup_core lists ICU after it.

option(FOLLOWUP_STATIC_DEPS "Link RE2, libphonenumber and gumbo statically (faster start-up)" ON)

function(followup_static_archive var name)
  find_library(${var} NAMES lib${name}.a)
  if(NOT ${var})
    message(FATAL_ERROR "FOLLOWUP_STATIC_DEPS: lib${name}.a not found (the -dev package ships it; "
                        "or configure with -DFOLLOWUP_STATIC_DEPS=OFF)")
  endif()
endfunction()

add_library(followup::re2 INTERFACE IMPORTED)
add_library(followup::phonenumber INTERFACE IMPORTED)
add_library(followup::gumbo INTERFACE IMPORTED)
if(FOLLOWUP_STATIC_DEPS)
  followup_static_archive(FOLLOWUP_RE2_A re2)
  followup_static_archive(FOLLOWUP_PHONENUMBER_A phonenumber)
  followup_static_archive(FOLLOWUP_PROTOBUF_LITE_A protobuf-lite)
  followup_static_archive(FOLLOWUP_GUMBO_A gumbo)
  # What libphonenumber's own shared library names as NEEDED from Abseil,
  # and what those need in turn; the linker takes only the objects used.
  set(absl_archives)
  foreach(part hash city low_level_hash raw_hash_set strings strings_internal int128 throw_delegate
               raw_logging_internal base spinlock_wait)
    followup_static_archive(FOLLOWUP_ABSL_${part}_A absl_${part})
    list(APPEND absl_archives ${FOLLOWUP_ABSL_${part}_A})
  endforeach()
  target_include_directories(followup::re2 INTERFACE ${RE2_INCLUDE_DIRS})
  target_link_libraries(followup::re2 INTERFACE ${FOLLOWUP_RE2_A} Threads::Threads)
  target_link_libraries(followup::phonenumber INTERFACE
                        "$<LINK_GROUP:RESCAN,${FOLLOWUP_PHONENUMBER_A},${FOLLOWUP_PROTOBUF_LITE_A},${absl_archives}>"
                        Threads::Threads)
  target_include_directories(followup::gumbo INTERFACE ${GUMBO_INCLUDE_DIRS})
  target_link_libraries(followup::gumbo INTERFACE ${FOLLOWUP_GUMBO_A})
else()
  target_link_libraries(followup::re2 INTERFACE PkgConfig::RE2)
  target_link_libraries(followup::phonenumber INTERFACE ${PHONENUMBER_LIB})
  target_link_libraries(followup::gumbo INTERFACE PkgConfig::GUMBO)
endif()
