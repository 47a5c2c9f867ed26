#include <curl/curl.h>

#include "http/curl_module.h"

namespace pebble::http {

std::string curl_library_version() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  std::string text = info->version;
  std::string features;
  const auto add = [&features](const std::string& name) {
    features += features.empty() ? "" : ", ";
    features += name;
  };
  if (info->ssl_version != nullptr) add(info->ssl_version);
  if (info->nghttp2_version != nullptr) add(std::string("nghttp2/") + info->nghttp2_version);
  if (info->brotli_version != nullptr) add("brotli");
  if (info->zstd_version != nullptr) add("zstd");
  return features.empty() ? text : text + " (" + features + ")";
}

}  // namespace pebble::http
