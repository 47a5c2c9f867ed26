// HttpServer: the engine of the httpd module behind the std-only class every user sees.
#include "http_server/http_server.h"

#include "http_server/httpd_module.h"
#include "support/module_loader.h"

namespace pebble::http_server {

const HttpdModule& httpd_module() {
  static const HttpdModule& module = support::module_table<HttpdModule>("httpd", kHttpdModuleEntry);
  return module;
}

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : engine_(httpd_module().make_engine(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::start() {
  return engine_->start();
}

void HttpServer::stop() {
  engine_->stop();
}

std::uint16_t HttpServer::port() const {
  return engine_->port();
}

std::string HttpServer::address() const {
  return engine_->address();
}

std::string HttpServer::scheme() const {
  return engine_->scheme();
}

}  // namespace pebble::http_server
