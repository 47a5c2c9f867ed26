# AddressSanitizer + UndefinedBehaviorSanitizer as an interface target (CI builds once with them).
# pebble_core links it PUBLIC, the one place it is linked: the binary, the tests, the bench and the
# fuzz library (which copies pebble_core's links) all get it from there. A fuzz build is always
# sanitized: libFuzzer only finds what the sanitizers report.
add_library(pebble_sanitizers INTERFACE)
if(PEBBLE_SANITIZE OR PEBBLE_FUZZ)
  # UBSan recovers by default: make every report fatal, so a test or libFuzzer records it.
  set(PEBBLE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(pebble_sanitizers INTERFACE ${PEBBLE_SANITIZER_FLAGS})
  target_link_options(pebble_sanitizers INTERFACE ${PEBBLE_SANITIZER_FLAGS})
endif()
