# Where `cmake --install` (and `make install PREFIX=...`) puts things, in the places Debian expects:
# the binary and its modules, every man page, the three shell completions, and the contrib/ examples as docs.
install(TARGETS pebble RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The modules the binary loads on demand (support/module_loader.h), where it looks for them.
install(TARGETS ${PEBBLE_MODULES} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/pebble)
# CONFIGURE_DEPENDS: a man page added later is installed without a manual re-configure.
file(GLOB PEBBLE_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.1)
install(FILES ${PEBBLE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/completions/pebble.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME pebble)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_pebble DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/pebble.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# Units, cron file, Prometheus and Grafana files are examples to copy and adapt, not live config:
# their paths (ExecStart=/usr/bin/pebble, localhost ports) are choices an operator makes.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/contrib/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# `make install`/`cpack` in a build folder install what is built instead of first building every
# target (the test suites too); the top Makefile's install and deb targets build pebble first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
