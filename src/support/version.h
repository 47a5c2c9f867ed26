#pragma once
// Build identity, generated at configure time (cmake/version.cpp.in).

namespace pebble::support {

// The project version, e.g. "0.1.0".
const char* version();
// The short git revision the binary was built from, or "unknown".
const char* git_revision();
// The libpq and libcurl versions the modules were built against, e.g. "15.10" and "7.88.1": what
// `pebble --version` names without loading the modules (support/module_loader.h).
const char* built_with_libpq();
const char* built_with_libcurl();

}  // namespace pebble::support
