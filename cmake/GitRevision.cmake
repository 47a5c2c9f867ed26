# Generates version.cpp holding the project version and the git revision at configure time.
find_package(Git QUIET)
set(PEBBLE_GIT_REVISION "unknown")
if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} OUTPUT_VARIABLE PEBBLE_GIT_REVISION
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT PEBBLE_GIT_REVISION)
    set(PEBBLE_GIT_REVISION "unknown")
  endif()
endif()
set(PEBBLE_GENERATED_VERSION_CPP ${PROJECT_BINARY_DIR}/generated/version.cpp)
configure_file(${PROJECT_SOURCE_DIR}/cmake/version.cpp.in ${PEBBLE_GENERATED_VERSION_CPP} @ONLY)
