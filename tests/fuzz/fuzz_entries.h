#pragma once
// What each libFuzzer target does with one input, shared with the Catch2 test that replays the
// saved crash inputs (tests/unit/fuzz_regressions_test.cpp), so a fixed finding stays fixed in the
// ordinary ASan build too. Expected rejections (pebble::Error: FeedParseError, FormatError) are
// caught here; anything else escaping, a crash or a sanitizer report is a finding.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/url.h"
#include "formats/bookmark_readers.h"
#include "html/allow_list.h"
#include "html/css_filter.h"
#include "html/html_document.h"
#include "html/sanitize.h"
#include "html/url_attributes.h"
#include "parse/charset.h"
#include "parse/parse_feed.h"
#include "parse/sanitize_items.h"
#include "parse/utf8_avx2.h"
#include "support/dates.h"
#include "support/error.h"
#include "support/time.h"
#include "support/utf8.h"
#include "unfurl/html_metadata.h"
#include "unfurl/metadata_rules.h"

namespace pebble::fuzz {

// A property the code under test broke; deliberately not a pebble::Error, so it escapes the target.
class InvariantBroken : public std::logic_error {
 public:
  explicit InvariantBroken(const std::string& what) : std::logic_error(what) {}
};

// libFuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Keeps a compact description of everything a reader delivered, so two runs can be compared.
class TranscriptSink : public formats::BookmarkSink {
 public:
  void on_bookmark(formats::ParsedBookmark bookmark) override {
    const domain::BookmarkInput& input = bookmark.bookmark;
    transcript_ += "B" + std::to_string(bookmark.index) + " " + input.url + " " + input.unique_hash + " " +
                   input.title + " " + input.description.value_or("-") + " " + input.feed_url.value_or("-") +
                   (input.is_private ? " p" : " -") + (input.to_read ? " r" : " -") +
                   (input.created_at ? std::to_string(input.created_at->micros) : " -") +
                   (input.updated_at ? std::to_string(input.updated_at->micros) : " -");
    for (const std::string& tag : input.tags) transcript_ += " #" + tag;
    for (const std::string& folder : bookmark.folder_path) transcript_ += " /" + folder;
    transcript_ += "\n";
  }
  void on_failure(formats::ItemFailure failure) override {
    transcript_ += "F" + std::to_string(failure.index) + " " + failure.error + " " + failure.url + " " +
                   failure.title + "\n";
  }
  // What was delivered, ending with the error that stopped the read, if any.
  std::string& transcript() { return transcript_; }

 private:
  std::string transcript_;
};

// A bookmark reader's signature.
using ReaderFunction = void (*)(std::istream&, const formats::ReaderOptions&, formats::BookmarkSink&);

// Runs `reader` over `text` with `options`; the transcript of items and the final error, if any.
inline std::string read_transcript(ReaderFunction reader, std::string_view text,
                                   const formats::ReaderOptions& options) {
  std::istringstream in{std::string(text)};
  TranscriptSink sink;
  try {
    reader(in, options, sink);
  } catch (const support::Error& error) {
    sink.transcript() += std::string("E ") + error.what() + "\n";
  }
  return std::move(sink.transcript());
}

// A reader must deliver the same items whatever the size of the chunks it reads: the input is read
// with the default 64 KiB chunks and again with 3-byte chunks (every token crosses a boundary).
// The same items with tight limits and folder tags only have to be survived.
inline void run_reader(ReaderFunction reader, std::string_view text) {
  const formats::ReaderOptions defaults;
  formats::ReaderOptions tiny_chunks;
  tiny_chunks.chunk_bytes = 3;
  const std::string whole = read_transcript(reader, text, defaults);
  const std::string chunked = read_transcript(reader, text, tiny_chunks);
  if (whole != chunked) {
    throw InvariantBroken("reader output depends on the chunk size:\n--- 64 KiB chunks\n" + whole +
                          "--- 3-byte chunks\n" + chunked);
  }
  formats::ReaderOptions tight;
  tight.folder_tags = true;
  tight.chunk_bytes = 7;
  tight.max_token_bytes = 64;
  tight.max_item_bytes = 256;
  read_transcript(reader, text, tight);
}

// Every string a parsed feed holds, the way the store would get it.
inline std::vector<std::string_view> texts_of(const parse::ParsedFeed& feed) {
  std::vector<std::string_view> texts;
  const auto add = [&texts](const std::optional<std::string>& text) {
    if (text) texts.emplace_back(*text);
  };
  add(feed.title);
  add(feed.link);
  add(feed.description);
  for (const parse::ParsedItem& item : feed.items) {
    texts.emplace_back(item.guid);
    for (const auto* text : {&item.link, &item.title, &item.summary, &item.content, &item.author}) add(*text);
    for (const std::string& category : item.categories) texts.emplace_back(category);
    for (const auto* list : {&item.enclosures, &item.media}) {
      for (const parse::Enclosure& enclosure : *list)
        texts.insert(texts.end(), {enclosure.url, enclosure.type});
    }
    for (const parse::Person& person : item.authors)
      texts.insert(texts.end(), {person.name, person.email, person.uri});
  }
  return texts;
}

// Whether sanitized markup, read again by an HTML5 parser, holds only what the allow-lists keep:
// markup that turns into something else when reparsed (mutation XSS) would show up here.
inline void check_sanitized(std::string_view sanitized) {
  if (!support::is_valid_utf8(sanitized)) throw InvariantBroken("sanitized HTML is not UTF-8");
  html::HtmlDocument::parse_fragment(sanitized).for_each_element([&](const html::HtmlElement& element) {
    const std::string name = element.name();
    const std::string_view space_name = element.space();
    if (space_name == "html" && name == "html") return;  // the fragment's own root
    const html::ElementSpace space = space_name == "svg"    ? html::ElementSpace::kSvg
                                     : space_name == "math" ? html::ElementSpace::kMathMl
                                                            : html::ElementSpace::kHtml;
    const std::string where = "<" + name + "> in " + std::string(sanitized);
    if (html::element_rule(space, name) != html::ElementRule::kKeep) throw InvariantBroken("kept " + where);
    for (const auto& [attribute, value] : element.attributes()) {
      if (attribute == "xmlns" || attribute == "xmlns:xlink") continue;
      if (!html::is_allowed_attribute(space, attribute))
        throw InvariantBroken("kept attribute " + attribute + " of " + where);
      const bool unsafe_url = html::is_url_attribute(attribute) && !html::safe_url(value, "", true);
      const bool unsafe_style = attribute == "style" && !html::filter_style(value);
      if (unsafe_url || unsafe_style)
        throw InvariantBroken("kept " + attribute + "=" + value + " of " + where);
    }
  });
}

// The feed parser with a content type that says XML (charset sniffed from the body), then the
// sanitizing step the poller runs (base64 content, DTD entities and xml:base all reach it). The
// AVX2 UTF-8 check must agree with the portable one, whatever the bytes every text parsed out must
// be valid UTF-8 (bad sequences replaced, entities decoded to real characters), and every HTML
// value must read back as allow-listed markup.
inline void run_feed_xml(std::string_view body) {
  if (parse::utf8_avx2::available() && parse::utf8_avx2::is_valid(body) != support::is_valid_utf8(body)) {
    throw InvariantBroken("the AVX2 and portable UTF-8 checks disagree");
  }
  try {
    parse::ParsedFeed feed = parse::parse_feed(body, "https://example.org/feed/", "application/rss+xml");
    parse::sanitize_items(feed);
    for (const std::string_view text : texts_of(feed)) {
      if (!support::is_valid_utf8(text))
        throw InvariantBroken("parsed text is not UTF-8: " + std::string(text));
    }
    for (const parse::ParsedItem& item : feed.items) {
      for (const auto& [value, type] :
           {std::pair{&item.title, item.title_type}, std::pair{&item.summary, item.summary_type},
            std::pair{&item.content, item.content_type}}) {
        if (*value && type == parse::TextType::kHtml) check_sanitized(**value);
      }
    }
  } catch (const support::Error&) {
  }
}

// The feed parser with a content type that says JSON, so `[` roots are tried as JSON too.
inline void run_feed_json(std::string_view body) {
  try {
    parse::parse_feed(body, "https://example.org/feed.json", "application/feed+json");
  } catch (const support::Error&) {
  }
}

// The HTML sanitizer on content as a feed would carry it: UTF-8, as parse_feed hands every value on.
inline void run_html_sanitize(std::string_view bytes) {
  check_sanitized(
      html::sanitize_html(support::replace_invalid_utf8(bytes), "https://example.org/blog/post/"));
}

// A page's metadata as unfurl reads it, with its charset taken from the page (the first byte picks
// a Content-Type header too): every text is UTF-8, one line and within its limit, every URL an
// absolute http(s) URL with a host, no blank or control character and within its limit, every
// feed of a feed type.
inline void run_page_metadata(std::string_view bytes) {
  constexpr std::string_view kTypes[] = {"text/html", "text/html; charset=utf-8", "text/html; charset=koi8-r",
                                         "application/xhtml+xml; charset=utf-16", ""};
  const std::string_view type = bytes.empty() ? "" : kTypes[static_cast<unsigned char>(bytes[0]) % 5];
  const domain::PageMetadata metadata =
      unfurl::read_html_metadata(bytes, type, "https://example.org/blog/post/?a=1");
  const auto check_text = [](const std::optional<std::string>& text, std::size_t limit) {
    if (!text) return;
    if (!support::is_valid_utf8(*text) || text->empty() || text->size() > limit)
      throw InvariantBroken("page text out of shape: " + *text);
    for (const char c : *text) {
      if (static_cast<unsigned char>(c) < ' ' || c == 0x7F)
        throw InvariantBroken("control character in " + *text);
    }
  };
  // Written out here rather than through domain::is_http_url, the filter the reader applies: the
  // check must not share the code it checks.
  const auto check_url = [](const std::string& url) {
    std::string scheme = url.substr(0, url.find(':'));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const std::string_view rest = std::string_view(url).substr(std::min(url.size(), scheme.size() + 1));
    const bool host = rest.size() > 2 && rest.starts_with("//") && rest.find_first_of("/?#", 2) != 2;
    const bool blank = std::any_of(url.begin(), url.end(),
                                   [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7F; });
    if (!(scheme == "http" || scheme == "https") || !host || blank || url.size() > unfurl::kMaxUrlBytes ||
        !support::is_valid_utf8(url))
      throw InvariantBroken("page URL out of shape: " + url);
  };
  check_text(metadata.title, unfurl::kMaxTitleBytes);
  check_text(metadata.description, unfurl::kMaxDescriptionBytes);
  check_text(metadata.site_name, unfurl::kMaxSiteNameBytes);
  for (const auto* url : {&metadata.image, &metadata.favicon}) {
    if (*url) check_url(**url);
  }
  for (const domain::AnnouncedFeed& feed : metadata.feeds) {
    check_url(feed.url);
    if (!unfurl::is_feed_type(feed.type)) throw InvariantBroken("announced feed of type " + feed.type);
    check_text(feed.title, unfurl::kMaxTitleBytes);
  }
}

// Netscape bookmark HTML.
inline void run_netscape(std::string_view text) {
  run_reader(&formats::read_netscape, text);
}

// ActivityStreams 2.0 JSON.
inline void run_activitystreams(std::string_view text) {
  run_reader(&formats::read_activitystreams, text);
}

// OPML 1.0/2.0.
inline void run_opml(std::string_view text) {
  run_reader(&formats::read_opml, text);
}

// Pinboard JSON.
inline void run_pinboard(std::string_view text) {
  run_reader(&formats::read_pinboard, text);
}

// Sniffing, then the reader it picks through read_bookmarks' look-ahead buffer.
inline void run_detect_format(std::string_view text) {
  formats::detect_format(text);
  run_reader(
      [](std::istream& in, const formats::ReaderOptions& options, formats::BookmarkSink& sink) {
        formats::read_bookmarks(in, formats::BookmarkFormat::kUnknown, options, sink);
      },
      text);
}

// Normalization never throws (a URL it cannot parse comes back unchanged). It is not idempotent by
// design (SPEC §3 removes ONE trailing '/': `a//` -> `a/` -> `a`), so that is not checked.
inline void run_url(std::string_view url) {
  domain::normalize_url(url);
  domain::url_unique_hash(url);
}

// Both date parsers never throw; what they accept can be formatted, and within years 1-9999 the
// storage form reads back as the same instant.
inline void check_date(std::string_view text, std::optional<support::Timestamp> parsed) {
  if (!parsed) return;
  support::format_rfc3339(*parsed);
  support::format_rfc822(*parsed);
  const std::string stored = support::format_iso_micros(*parsed);
  constexpr std::int64_t kMicrosPerDay = 86400LL * 1000000;
  const std::int64_t first = support::days_from_civil(1, 1, 1) * kMicrosPerDay;
  const std::int64_t last = support::days_from_civil(10000, 1, 1) * kMicrosPerDay;
  if (parsed->micros < first || parsed->micros >= last) return;
  const std::optional<support::Timestamp> again = support::parse_iso8601(stored);
  if (!again || *again != *parsed) {
    throw InvariantBroken("'" + std::string(text) + "' is stored as '" + stored + "', which reads back " +
                          (again ? std::to_string(again->micros) : "as nothing") + " instead of " +
                          std::to_string(parsed->micros));
  }
}

// parse_feed_date and parse_iso8601 on the same text.
inline void run_dates(std::string_view text) {
  check_date(text, support::parse_feed_date(text));
  check_date(text, support::parse_iso8601(text));
}

// One fuzz target: its name (tests/fuzz/<name>_fuzz.cpp, tests/data/fuzz-regressions/<name>/) and entry.
struct Target {
  std::string_view name;
  void (*run)(std::string_view);
};

// Every target, for the regression test.
inline constexpr Target kTargets[] = {
    {"feed_xml", &run_feed_xml},
    {"feed_json", &run_feed_json},
    {"html_sanitize", &run_html_sanitize},
    {"page_metadata", &run_page_metadata},
    {"netscape", &run_netscape},
    {"activitystreams", &run_activitystreams},
    {"opml", &run_opml},
    {"pinboard", &run_pinboard},
    {"detect_format", &run_detect_format},
    {"url", &run_url},
    {"dates", &run_dates},
};

}  // namespace pebble::fuzz
