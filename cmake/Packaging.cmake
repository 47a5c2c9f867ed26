# A Debian package of whatever `cmake --install` installs: `make deb`, or `cpack -G DEB` in a build
# folder. Installs under /usr. Runtime dependencies come from dpkg-shlibdeps when dpkg-dev is there
# (exact, including the ASan runtime of a sanitizer build); else from the bookworm names below.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pebble)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "pebble")
set(CPACK_PACKAGE_CONTACT "pebble maintainers <pebble@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "bookmark and feed store with Prometheus metrics that survive short-lived processes")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, prometheus, prometheus-pushgateway")
find_program(PEBBLE_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(PEBBLE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libstdc++6, libgcc-s1, libsqlite3-0, libpq5, libcurl4, libtinyxml2-9, libspdlog1.10, libfmt9, libprometheus-cpp-core1.0, libnettle8, libmicrohttpd12, zlib1g, libgumbo1")
endif()
include(CPack)
