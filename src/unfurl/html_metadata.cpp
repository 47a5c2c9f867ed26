#include "unfurl/html_metadata.h"

#include "html/html_document.h"
#include "parse/charset.h"
#include "support/ascii_text.h"
#include "support/utf8.h"
#include "unfurl/metadata_rules.h"
#include "unfurl/page_tags.h"

namespace pebble::unfurl {

namespace {

bool starts_with_byte_order_mark(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

bool is_utf8_label(const std::string& label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
}

// The page up to its <body> start tag (the head, where the metadata is).
std::string_view head_part(std::string_view text) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (!support::starts_with_ignoring_ascii_case(text.substr(at + 1), "body")) continue;
    const std::size_t after = at + 5;
    if (after >= text.size()) break;
    const char next = text[after];
    if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\r' ||
        next == '\f')
      return text.substr(0, at);
  }
  return text;
}

// Whether bytes that are not valid UTF-8 hold no multi-byte UTF-8 sequence at all, while holding
// other high bytes: Latin-1 or windows-1252 text, never UTF-8 with a stray or cut byte.
bool reads_as_latin1(std::string_view bytes) {
  bool invalid = false;
  for (std::size_t at = 0; at < bytes.size();) {
    if (static_cast<unsigned char>(bytes[at]) < 0x80) {
      ++at;
      continue;
    }
    const support::Utf8Step step = support::decode_utf8_step(bytes, at);
    if (step.valid) return false;
    invalid = invalid || !step.truncated;
    at += step.length;
  }
  return invalid;
}

domain::PageMetadata metadata_of(std::string_view utf8_text, const std::string& page_url) {
  return metadata_from_tags(collect_page_tags(html::HtmlDocument::parse_page(utf8_text)), page_url);
}

// `bytes` decoded from `label` (iconv through parse/charset.h) and read.
domain::PageMetadata decoded_metadata(std::string_view bytes, const std::string& label,
                                      const std::string& page_url) {
  const parse::DecodedText decoded = parse::decode_to_utf8(bytes, "text/html; charset=" + label);
  return metadata_of(head_part(decoded.text()), page_url);
}

}  // namespace

domain::PageMetadata read_html_metadata(std::string_view body, std::string_view content_type,
                                        const std::string& page_url) {
  const std::string_view window = body.substr(0, kHeadWindowBytes);
  std::string label = parse::charset_from_content_type(content_type);
  if (starts_with_byte_order_mark(window) || (!label.empty() && !is_utf8_label(label))) {
    // The bytes are decoded before the <body> tag is looked for: in UTF-16 it is not ASCII.
    const parse::DecodedText decoded = parse::decode_to_utf8(window, content_type);
    return metadata_of(head_part(decoded.text()), page_url);
  }
  const std::string_view head = head_part(window);
  if (label.empty()) {
    // No charset from the server: the page's own <meta charset>, read from the raw bytes (the
    // HTML standard's prescan: the tags are ASCII in every charset a page may declare there).
    const PageTags tags = collect_page_tags(html::HtmlDocument::parse_page(head));
    label = tags.charset.value_or("");
    // A page cannot be UTF-16 once its <meta> was readable as ASCII (HTML standard, "utf-8" then).
    if (label.starts_with("utf-16")) label = "utf-8";
    if (!label.empty() && !is_utf8_label(label)) return decoded_metadata(head, label, page_url);
    if (parse::is_valid_utf8_fast(head)) return metadata_from_tags(tags, page_url);
    if (label.empty()) return decoded_metadata(head, "windows-1252", page_url);
  }
  if (parse::is_valid_utf8_fast(head)) return metadata_of(head, page_url);
  if (reads_as_latin1(head)) return decoded_metadata(head, "windows-1252", page_url);
  // UTF-8 with some broken bytes: each becomes U+FFFD.
  return metadata_of(support::replace_invalid_utf8(head), page_url);
}

std::string html_fragment_text(std::string_view markup) {
  std::string text;
  bool first = true;
  html::HtmlDocument::parse_fragment(markup).for_each_element([&](const html::HtmlElement& element) {
    if (first) text = element.text();  // the root holds all of it
    first = false;
  });
  return text;
}

}  // namespace pebble::unfurl
