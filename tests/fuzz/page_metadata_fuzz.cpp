// libFuzzer target: page_metadata (what it checks: tests/fuzz/fuzz_entries.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pebble::fuzz::run_page_metadata(pebble::fuzz::as_text(data, size));
  return 0;
}
