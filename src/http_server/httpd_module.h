#pragma once
// The httpd module, pebble-httpd.so (mhd_engine.cpp, gzip_body.cpp, libmicrohttpd with GnuTLS, zlib):
// the engine HttpServer runs on. std-only, so http_server.cpp can load it without seeing
// libmicrohttpd (support/module_loader.h says why it is a module).
#include <cstdint>
#include <memory>
#include <string>

#include "http_server/http_server.h"

namespace pebble::http_server {

// A running HTTP server; HttpServer's methods, which say what each does, forward to it.
class ServerEngine {
 public:
  virtual ~ServerEngine() = default;
  virtual std::uint16_t start() = 0;
  virtual void stop() = 0;
  virtual std::uint16_t port() const = 0;
  virtual std::string address() const = 0;
  virtual std::string scheme() const = 0;
};

// The module's functions.
struct HttpdModule {
  // A server with these options and handler, not yet started.
  std::unique_ptr<ServerEngine> (*make_engine)(ServerOptions options, Handler handler);
};

// The name of its entry point, extern "C" const HttpdModule* pebble_httpd_module().
inline constexpr const char* kHttpdModuleEntry = "pebble_httpd_module";

// The module's functions, loaded on first use (support::module_table).
const HttpdModule& httpd_module();

}  // namespace pebble::http_server
