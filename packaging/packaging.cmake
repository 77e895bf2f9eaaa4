# Installing paperset and packaging it as a .deb (docs/cli.md "Installing").
#
#   cmake --install build --prefix /usr/local     (or any prefix; the tree can be moved)
#   cd build && cpack -G DEB                       (paperset_VERSION_ARCH.deb)
#
# FHS layout under the prefix: bin/paperset; share/paperset/{layouts,fonts,icc} (the data
# the program finds relative to itself: PAPERSET_DATA_RELATIVE below); the man page, the
# bash completion, and share/doc/paperset/ (README, docs, licence, examples).
include(GNUInstallDirs)

set(PAPERSET_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/paperset")
set(PAPERSET_DOC_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/doc/paperset")
# The data folder as seen from the program's folder ("../share/paperset"): compiled into
# the program, so an installed tree works wherever it is copied.
file(RELATIVE_PATH PAPERSET_DATA_RELATIVE "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${PAPERSET_DATA_INSTALL_DIR}")
target_compile_definitions(paperset PRIVATE PAPERSET_DATA_RELATIVE="${PAPERSET_DATA_RELATIVE}"
  PAPERSET_BUILD_DIR="${CMAKE_BINARY_DIR}")

install(TARGETS paperset RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY layouts/ DESTINATION ${PAPERSET_DATA_INSTALL_DIR}/layouts FILES_MATCHING PATTERN "*.xml")
install(FILES fonts/fontmap.xml DESTINATION ${PAPERSET_DATA_INSTALL_DIR}/fonts)
install(FILES data/icc/paperset-newsprint-tr002.icc data/icc/paperset-coated-fogra39.icc data/icc/README.md DESTINATION ${PAPERSET_DATA_INSTALL_DIR}/icc)

# The man page, compressed as Debian policy §12.1 asks (gzip -n: no name or time stamp,
# so the package is the same bytes each time).
find_program(PAPERSET_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/paperset.1.gz
  COMMAND ${PAPERSET_GZIP} -9n -c ${CMAKE_SOURCE_DIR}/docs/paperset.1 > ${CMAKE_BINARY_DIR}/paperset.1.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/docs/paperset.1 VERBATIM)
add_custom_target(paperset_man ALL DEPENDS ${CMAKE_BINARY_DIR}/paperset.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/paperset.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES packaging/paperset.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME paperset)

install(FILES README.md DESTINATION ${PAPERSET_DOC_INSTALL_DIR})
install(FILES LICENSE DESTINATION ${PAPERSET_DOC_INSTALL_DIR} RENAME copyright)
install(DIRECTORY docs/ DESTINATION ${PAPERSET_DOC_INSTALL_DIR}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY samples/ DESTINATION ${PAPERSET_DOC_INSTALL_DIR}/examples PATTERN "*.py" EXCLUDE)

# ---- the Debian package ----
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME paperset)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the paperset authors")
set(CPACK_PACKAGE_CONTACT "paperset maintainers <maintainers@paperset.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chinese newspaper layout and typesetting engine: XML issue to print-ready PDF/X-4")
set(CPACK_PACKAGE_DESCRIPTION "paperset reads an XML description of a newspaper issue, shapes Chinese and Latin
text with HarfBuzz, composes it to the rules of Chinese typography (CLREQ), flows
columns, headlines, photos and captions on each page's grid, and writes PDF/X-4 that a
printing plant accepts as is, with PNG proofs and a JSON build report.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # paperset_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries the program links (libharfbuzz0b, libcairo2, libqpdf29 …) are
# found by dpkg-shlibdeps; what it reads at run time is declared here: the fonts the
# font map names (fonts/fontmap.xml).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, fonts-lxgw-wenkai")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "poppler-utils, qpdf")
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
include(CPack)
