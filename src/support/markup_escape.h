#pragma once
// Escaping text for HTML and XML output: the one family every writer uses. (Prometheus label
// values are another language, escaped in metrics/labels.h.)
#include <string>
#include <string_view>

namespace pebble::support {

// Escapes `& < > " '` as `&amp; &lt; &gt; &quot; &#x27;` (Django's escape, SPEC §5): safe both as
// HTML text and inside a quoted HTML attribute value.
std::string escape_html(std::string_view text);

// XML character data: `& < >` escaped, CR as `&#13;` (a parser would turn it into LF), and the
// control characters XML 1.0 cannot carry dropped.
std::string escape_xml_text(std::string_view text);

// A quoted XML attribute value: as escape_xml_text, plus `"` and the tab and LF an XML parser
// would otherwise normalise to spaces.
std::string escape_xml_attribute(std::string_view text);

}  // namespace pebble::support
