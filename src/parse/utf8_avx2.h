#pragma once
// UTF-8 validation 32 bytes at a time with AVX2, for CPUs that have it (checked at run time, so
// the binary still runs on any x86-64 and builds anywhere): the whole-body check every XML feed
// gets would otherwise cost half as much as parsing the XML.
#include <string_view>

namespace pebble::parse::utf8_avx2 {

// Whether this CPU can run is_valid (always false off x86-64).
bool available();

// Whether `bytes` is well-formed UTF-8, by the same rules as pebble::is_valid_utf8; only callable
// when available().
bool is_valid(std::string_view bytes);

}  // namespace pebble::parse::utf8_avx2
