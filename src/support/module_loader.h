#pragma once
// The parts of pebble that link heavy libraries (libpq, libcurl, libmicrohttpd with GnuTLS) are
// modules, pebble-<name>.so, opened with dlopen the first time a command needs one: loading those
// libraries and their dependencies costs more than the rest of the process start, and `pebble
// --version`, `pebble feeds list` or an import into SQLite never use them.

namespace pebble::support {

// The address of the extern "C" entry point `symbol` of module `name`: from the running program
// itself when the module's code is linked in (the test programs link it statically), else from
// pebble-<name>.so in the installed module folder relative to the executable, else beside the
// executable (a build tree). Throws Error naming the file and the loader's reason when the module is
// missing or cannot be loaded.
void* module_entry(const char* name, const char* symbol);

// The table of functions module `name` hands out through its entry point `symbol`, an
// extern "C" `const Table* symbol()`; loaded as module_entry says.
template <typename Table>
const Table& module_table(const char* name, const char* symbol) {
  using Entry = const Table* (*)();
  // POSIX guarantees that an address from dlsym converts to the function pointer it names.
  return *reinterpret_cast<Entry>(module_entry(name, symbol))();
}

}  // namespace pebble::support
