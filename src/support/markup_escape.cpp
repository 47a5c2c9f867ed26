#include "support/markup_escape.h"

namespace pebble::support {

namespace {

// What one output context must spell as a reference besides `& < >`.
struct EscapeRules {
  bool quote;       // `"` as `&quot;`
  bool apostrophe;  // `'` as `&#x27;`
  bool layout;      // tab and LF as `&#9;` and `&#10;` (XML attributes normalise them away)
  bool xml;         // CR as `&#13;`, and the control characters XML 1.0 cannot carry dropped
};

std::string escape_with(std::string_view text, EscapeRules rules) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += rules.quote ? "&quot;" : "\"";
        break;
      case '\'':
        out += rules.apostrophe ? "&#x27;" : "'";
        break;
      case '\n':
        out += rules.layout ? "&#10;" : "\n";
        break;
      case '\t':
        out += rules.layout ? "&#9;" : "\t";
        break;
      case '\r':
        out += rules.xml ? "&#13;" : "\r";
        break;
      default:
        if (!rules.xml || static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
  return escape_with(text, {.quote = true, .apostrophe = true, .layout = false, .xml = false});
}

std::string escape_xml_text(std::string_view text) {
  return escape_with(text, {.quote = false, .apostrophe = false, .layout = false, .xml = true});
}

std::string escape_xml_attribute(std::string_view text) {
  return escape_with(text, {.quote = true, .apostrophe = false, .layout = true, .xml = true});
}

}  // namespace pebble::support
