#pragma once
// The few Unicode operations URL normalization needs to agree with Python's str methods, over UTF-8
// bytes. Bytes that are not valid UTF-8 (which a Python str can never hold) are passed through;
// decoding, repair and encoding are support/utf8.h.
#include <string>
#include <string_view>

namespace pebble::domain::unicode {

// Python's str.lower() over the valid UTF-8 in `text` (without the final-sigma context rule).
std::string to_lower(std::string_view text);

// True when NFKC turns `code_point` into text containing one of / ? # @ : (urlsplit rejects those
// in a netloc).
bool nfkc_yields_url_delimiter(char32_t code_point);

}  // namespace pebble::domain::unicode
