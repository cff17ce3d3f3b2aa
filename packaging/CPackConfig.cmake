# Packaging: installs the desktop entry, AppStream metainfo, icon and samples, and builds a .deb
# (cpack -G DEB from the build folder) with `preplab` and `preplab-cli`, its dependencies found
# by dpkg-shlibdeps. Included by the top CMakeLists.txt in full (non core-only) builds.
include(GNUInstallDirs)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.preplab.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/io.github.preplab.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/icons/io.github.preplab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/preplab/samples
        FILES_MATCHING PATTERN "*.csv" PATTERN "README.md")

set(CPACK_PACKAGE_NAME "preplab")
set(CPACK_PACKAGE_VENDOR "PrepLab")
set(CPACK_PACKAGE_CONTACT "PrepLab developers <preplab@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "See what data preprocessing does")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Desktop workbench (preplab) and command-line tool (preplab-cli) that profile a table,\n run a recipe of preprocessing steps and show what each step changed.")
set(CPACK_STRIP_FILES ON)
include(CPack)
