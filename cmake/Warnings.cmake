# Project warnings as an interface target, so third-party code and flags stay untouched.
add_library(pebble_warnings INTERFACE)
target_compile_options(pebble_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2)
# GCC 12 reports -Wnull-dereference inside libstdc++ itself at -O2 (std::vector<std::string>
# relocation), which `make run` would show every new user; at -O0 GCC never reports it. Clang's
# check has no such false positives, so the clang builds (fuzzing) keep it.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  target_compile_options(pebble_warnings INTERFACE -Wnull-dereference)
endif()
if(PEBBLE_WERROR)
  target_compile_options(pebble_warnings INTERFACE -Werror)
endif()
