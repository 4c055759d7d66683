# What `cmake --install` puts in place, and the Debian package CPack builds
# from it (`cpack -G DEB` in the build folder; tests/slow/package_test.cpp
# unpacks it and runs it).
include(GNUInstallDirs)

install(TARGETS followup-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# platform/module.cpp looks for the modules in ../lib/followup-lint beside the program.
install(TARGETS followup-lint-serve followup-lint-mail LIBRARY DESTINATION lib/followup-lint)

# The man page is help2man's reading of --help and --version, so it says
# what the program says; without help2man the build goes on without it.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/followup-lint.1
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --source=followup-lint
            "--name=lint the notes you send after a job interview"
            --include=${CMAKE_SOURCE_DIR}/share/man/followup-lint.h2m
            --output=${CMAKE_BINARY_DIR}/followup-lint.1 $<TARGET_FILE:followup-lint>
    DEPENDS followup-lint ${CMAKE_SOURCE_DIR}/share/man/followup-lint.h2m
    COMMENT "Writing the man page from --help")
  add_custom_target(man_page ALL DEPENDS ${CMAKE_BINARY_DIR}/followup-lint.1)
  install(FILES ${CMAKE_BINARY_DIR}/followup-lint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

install(FILES share/completions/followup-lint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME followup-lint)
install(FILES share/completions/_followup-lint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES share/completions/followup-lint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(DIRECTORY editors/ DESTINATION ${CMAKE_INSTALL_DATADIR}/followup-lint/editors
        PATTERN "node_modules" EXCLUDE PATTERN "out" EXCLUDE)
install(FILES README.md CHANGELOG.md LICENSE ARCHITECTURE.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES docs/ci.md docs/rules.md docs/robustness.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(CPACK_PACKAGE_NAME followup-lint)
set(CPACK_PACKAGE_VENDOR "The followup-lint authors")
set(CPACK_PACKAGE_CONTACT "The followup-lint authors <followup-lint@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for the notes sent after a job interview")
set(CPACK_PACKAGE_DESCRIPTION "followup-lint checks thank-you notes, status inquiries and replies to
 rejections: salutation, paragraphs, closing and signature, with precise
 positions, reasons and safe fixes; a language server and a local web page.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# dpkg-shlibdeps reads the libraries the program and its modules link to, so
# the Depends line names exactly the packages they come from.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/followup-lint/followup-lint")
include(CPack)
