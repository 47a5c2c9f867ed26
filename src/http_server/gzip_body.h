#pragma once
// Response compression (RFC 9110 §8.4): deciding from Accept-Encoding, and gzip itself (zlib, only
// here). A /metrics page of a big store shrinks about tenfold. std-only header.
#include <string>
#include <string_view>

namespace pebble::http_server {

// True when an Accept-Encoding value lists gzip (or *) without q=0.
bool accepts_gzip(std::string_view accept_encoding);

// `body` as one gzip member; throws pebble::Error when zlib fails (it does not on valid input).
std::string gzip_compress(std::string_view body);

}  // namespace pebble::http_server
