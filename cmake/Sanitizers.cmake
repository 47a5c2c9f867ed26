# AddressSanitizer + UndefinedBehaviorSanitizer as an interface target (CI builds once with them).
add_library(pebble_sanitizers INTERFACE)
if(PEBBLE_SANITIZE)
  set(PEBBLE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(pebble_sanitizers INTERFACE ${PEBBLE_SANITIZER_FLAGS})
  target_link_options(pebble_sanitizers INTERFACE ${PEBBLE_SANITIZER_FLAGS})
endif()
