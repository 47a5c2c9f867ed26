#pragma once
// The ETag and Last-Modified a server sent, checked before they are stored and sent back as
// If-None-Match / If-Modified-Since: a value with a bare CR or another control character would be
// written into the next request's headers, so what does not conform to RFC 9110 is dropped.
#include <optional>
#include <string>
#include <string_view>

namespace pebble::poll {

// Whether `value` is an entity-tag: [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / %x80-FF.
bool is_entity_tag(std::string_view value);

// Whether `value` is an HTTP-date a recipient accepts (IMF-fixdate, or the obsolete RFC 850 and
// asctime forms): visible ASCII and spaces only, and a date the feed date parser reads.
bool is_http_date(std::string_view value);

// The value when it is an entity-tag, else nullopt.
std::optional<std::string> conforming_entity_tag(const std::optional<std::string>& value);

// The value when it is an HTTP-date, else nullopt.
std::optional<std::string> conforming_http_date(const std::optional<std::string>& value);

}  // namespace pebble::poll
