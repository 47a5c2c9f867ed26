#include "support/module_loader.h"

#include <dlfcn.h>
#include <filesystem>
#include <string>
#include <vector>

#include "support/error.h"

// The folder of installed modules relative to the folder of the installed binary
// (e.g. "../lib/x86_64-linux-gnu/pebble"), set by CMake from GNUInstallDirs.
#ifndef PEBBLE_MODULE_DIR_FROM_BINARY
#define PEBBLE_MODULE_DIR_FROM_BINARY "../lib/pebble"
#endif

namespace pebble::support {

namespace {

std::filesystem::path executable_folder() {
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : executable.parent_path();
}

}  // namespace

void* module_entry(const char* name, const char* symbol) {
  if (void* linked = dlsym(RTLD_DEFAULT, symbol)) return linked;
  const std::string file = std::string("pebble-") + name + ".so";
  const std::filesystem::path folder = executable_folder();
  const std::vector<std::filesystem::path> candidates = {
      (folder / PEBBLE_MODULE_DIR_FROM_BINARY / file).lexically_normal(), folder / file};
  for (const std::filesystem::path& candidate : candidates) {
    std::error_code error;
    if (!std::filesystem::exists(candidate, error)) continue;
    // RTLD_NOW: a module that does not fit this binary fails here, with the loader's reason, and not
    // at its first call. Never closed: its code runs until the process ends.
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* reason = dlerror();
      throw Error("cannot load the " + std::string(name) + " module " + candidate.string() + ": " +
                  (reason != nullptr ? reason : "unknown reason"));
    }
    if (void* entry = dlsym(handle, symbol)) return entry;
    throw Error("the " + std::string(name) + " module " + candidate.string() + " has no entry point " +
                symbol + ": it does not belong to this pebble; reinstall pebble");
  }
  throw Error("the " + std::string(name) + " module " + file + " is not installed (looked in " +
              candidates.front().parent_path().string() + " and " + folder.string() + "); reinstall pebble");
}

}  // namespace pebble::support
