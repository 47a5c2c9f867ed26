# Project warnings as an interface target, so third-party code and flags stay untouched.
add_library(pebble_warnings INTERFACE)
target_compile_options(pebble_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference -Wformat=2)
if(PEBBLE_WERROR)
  target_compile_options(pebble_warnings INTERFACE -Werror)
endif()
