#pragma once
// Build identity, generated at configure time (cmake/version.cpp.in).

namespace pebble::support {

// The project version, e.g. "0.1.0".
const char* version();
// The short git revision the binary was built from, or "unknown".
const char* git_revision();

}  // namespace pebble::support
