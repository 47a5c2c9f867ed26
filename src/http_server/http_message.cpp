#include "http_server/http_message.h"

#include <algorithm>

namespace pebble::http_server {

namespace {

char lower_ascii(char letter) {
  return letter >= 'A' && letter <= 'Z' ? static_cast<char>(letter - 'A' + 'a') : letter;
}

}  // namespace

bool header_name_equals(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(),
                    [](char a, char b) { return lower_ascii(a) == lower_ascii(b); });
}

std::optional<std::string> HttpHeaders::get(std::string_view name) const {
  for (const auto& [field_name, value] : fields_) {
    if (header_name_equals(field_name, name)) return value;
  }
  return std::nullopt;
}

std::vector<std::string> HttpHeaders::get_all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [field_name, value] : fields_) {
    if (header_name_equals(field_name, name)) values.push_back(value);
  }
  return values;
}

void HttpHeaders::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::set(std::string name, std::string value) {
  std::erase_if(fields_, [&](const auto& field) { return header_name_equals(field.first, name); });
  add(std::move(name), std::move(value));
}

HttpResponse make_response(int status, std::string body, std::string content_type) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers.set("Content-Type", std::move(content_type));
  return response;
}

}  // namespace pebble::http_server
