// OPML 1.0/2.0 → ParsedBookmark (SPEC §4). OPML subscription lists are small, so the document is
// parsed whole with tinyxml2 (capped at 64 MiB); a malformed or truncated file therefore fails
// before any item is delivered.
//
// Outline → bookmark: an outline with xmlUrl is a feed bookmark (url = htmlUrl, else url, else
// xmlUrl; feed_url = xmlUrl); type="link" with url is a plain bookmark. Attribute names are matched
// without regard to case because real files misspell them (xmlurl, XMLURL). category is a
// comma-separated list; a `/a/b` path becomes the tag `a/b`. Outlines holding outlines are folders.
// Every outline with xmlUrl is also a feed subscription (title, site, category and folders as
// tags, pebble's disabled state); in pebble's own subscription list (opml_subscriptions.h) it is
// only that.
#include <algorithm>
#include <cctype>
#include <vector>

#include <tinyxml2.h>

#include "domain/url.h"
#include "formats/bookmark_readers.h"
#include "formats/opml_subscriptions.h"
#include "formats/tag_list.h"
#include "formats/utf8_input.h"
#include "support/ascii_text.h"
#include "support/dates.h"

namespace pebble::formats {

namespace {

constexpr std::size_t kMaxOpmlBytes = 64u << 20;

const char* find_attribute(const tinyxml2::XMLElement& element, std::string_view name) {
  for (const tinyxml2::XMLAttribute* attribute = element.FirstAttribute(); attribute != nullptr;
       attribute = attribute->Next()) {
    if (support::equals_ignoring_ascii_case(attribute->Name(), name)) return attribute->Value();
  }
  return nullptr;
}

std::string trimmed_attribute(const tinyxml2::XMLElement& element, std::string_view name) {
  const char* value = find_attribute(element, name);
  return value == nullptr ? std::string() : std::string(trim_whitespace(value));
}

std::optional<support::Timestamp> parse_opml_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto parsed = support::parse_feed_date(text)) return parsed;
  return support::parse_iso8601(text);
}

class OpmlReader {
 public:
  OpmlReader(const ReaderOptions& options, BookmarkSink& sink) : options_(options), sink_(sink) {}

  void walk(const tinyxml2::XMLElement& parent, std::vector<std::string>& folders) {
    for (const tinyxml2::XMLElement* child = parent.FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
      if (!support::equals_ignoring_ascii_case(child->Name(), "outline")) continue;
      visit(*child);
      if (child->FirstChildElement() != nullptr) {
        const char* title = find_attribute(*child, "title");
        std::string name(trim_whitespace(title != nullptr ? title : ""));
        if (name.empty()) name = trimmed_attribute(*child, "text");
        folders.push_back(name);
        walk(*child, folders);
        folders.pop_back();
      }
    }
  }

  void set_folders(const std::vector<std::string>* folders) { folders_ = folders; }

  // A pebble subscription list (opml_subscriptions.h): outlines subscribe feeds and make no bookmarks.
  void set_subscriptions_only(bool only) { subscriptions_only_ = only; }

 private:
  void visit(const tinyxml2::XMLElement& outline) {
    const std::string xml_url = trimmed_attribute(outline, "xmlUrl");
    const std::string url = trimmed_attribute(outline, "url");
    const bool is_link =
        support::equals_ignoring_ascii_case(trimmed_attribute(outline, "type").c_str(), "link");
    if (xml_url.empty() && !is_link) return;
    const std::size_t index = next_index_++;
    if (!xml_url.empty()) sink_.on_subscription(subscription(outline, index, xml_url));
    if (subscriptions_only_) return;
    ParsedBookmark parsed;
    parsed.index = index;
    domain::BookmarkInput& bookmark = parsed.bookmark;
    const char* title = find_attribute(outline, "title");
    bookmark.title = title != nullptr ? title : trimmed_attribute(outline, "text");
    bookmark.url = trimmed_attribute(outline, "htmlUrl");
    if (bookmark.url.empty()) bookmark.url = url;
    if (bookmark.url.empty()) bookmark.url = xml_url;
    if (bookmark.url.empty()) {
      sink_.on_failure(
          ItemFailure{parsed.index,
                      "line " + std::to_string(outline.GetLineNum()) + ": outline of type link without url",
                      {},
                      bookmark.title});
      return;
    }
    if (!xml_url.empty()) bookmark.feed_url = xml_url;
    if (const char* note = find_attribute(outline, "_note"); note != nullptr && *note != '\0') {
      bookmark.description = note;
    }
    if (const char* category = find_attribute(outline, "category"))
      bookmark.tags = split_tag_list(category, true);
    bookmark.created_at = parse_opml_date(trimmed_attribute(outline, "created"));
    bookmark.updated_at = parse_opml_date(trimmed_attribute(outline, "updated"));
    bookmark.is_private = trimmed_attribute(outline, "private") == "true";
    bookmark.to_read = trimmed_attribute(outline, "toRead") == "true";
    if (folders_ != nullptr) parsed.folder_path = *folders_;
    if (options_.folder_tags) {
      for (const std::string& folder : parsed.folder_path) add_tag(bookmark.tags, folder);
    }
    bookmark.unique_hash = domain::url_unique_hash(bookmark.url);
    sink_.on_bookmark(std::move(parsed));
  }

  // The feed an outline with an xmlUrl subscribes: its title, site, category tags and the folders
  // it sits in as tags (the subscription lists of feed readers keep categories as folders), and
  // pebble's disabled state.
  FeedSubscription subscription(const tinyxml2::XMLElement& outline, std::size_t index,
                                const std::string& xml_url) const {
    FeedSubscription feed;
    feed.index = index;
    feed.url = xml_url;
    const char* title = find_attribute(outline, "title");
    std::string name =
        title != nullptr ? std::string(trim_whitespace(title)) : trimmed_attribute(outline, "text");
    if (!name.empty()) feed.title = std::move(name);
    if (std::string site = trimmed_attribute(outline, "htmlUrl"); !site.empty())
      feed.site_url = std::move(site);
    if (const char* category = find_attribute(outline, "category"))
      feed.tags = split_tag_list(category, true);
    if (folders_ != nullptr) {
      for (const std::string& folder : *folders_) add_tag(feed.tags, folder);
    }
    feed.disabled = trimmed_attribute(outline, "pebble:disabled") == "true";
    if (feed.disabled) {
      if (const char* reason = find_attribute(outline, "pebble:disabledReason"))
        feed.disabled_reason = reason;
    }
    return feed;
  }

  const ReaderOptions& options_;
  BookmarkSink& sink_;
  std::size_t next_index_ = 0;
  const std::vector<std::string>* folders_ = nullptr;
  bool subscriptions_only_ = false;
};

std::string read_capped(std::istream& in, const ReaderOptions& options, BookmarkSink& sink) {
  Utf8InputBuffer buffer(in, options.chunk_bytes);
  std::istream repaired(&buffer);
  std::string text;
  std::string chunk(options.chunk_bytes, '\0');
  while (repaired.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || repaired.gcount() > 0) {
    text.append(chunk, 0, static_cast<std::size_t>(repaired.gcount()));
    sink.on_progress(text.size());
    if (text.size() > kMaxOpmlBytes) {
      throw FormatError(describe_position(buffer.position()) + ": OPML file larger than 64 MiB");
    }
  }
  return text;
}

// "line N, byte B" where B is the offset of the start of line N in `text`.
std::string line_position(const std::string& text, int line) {
  line = std::max(line, 1);
  std::size_t offset = 0;
  for (int current = 1; current < line && offset < text.size(); ++current) {
    const std::size_t newline = text.find('\n', offset);
    offset = newline == std::string::npos ? text.size() : newline + 1;
  }
  return describe_position(InputPosition{static_cast<std::uint64_t>(line), offset});
}

}  // namespace

void read_opml(std::istream& in, const ReaderOptions& options, BookmarkSink& sink) {
  const std::string text = read_capped(in, options, sink);
  tinyxml2::XMLDocument document;
  if (document.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
    const std::string reason = text.empty() ? "empty input" : document.ErrorName();
    throw FormatError(line_position(text, document.ErrorLineNum()) + ": not a valid OPML file: " + reason);
  }
  const tinyxml2::XMLElement* root = document.RootElement();
  if (root == nullptr || !support::equals_ignoring_ascii_case(root->Name(), "opml")) {
    throw FormatError(line_position(text, root != nullptr ? root->GetLineNum() : 1) +
                      ": not an OPML file: the root element is not <opml>");
  }
  const tinyxml2::XMLElement* body = root->FirstChildElement();
  while (body != nullptr && !support::equals_ignoring_ascii_case(body->Name(), "body"))
    body = body->NextSiblingElement();
  if (body == nullptr)
    throw FormatError(line_position(text, root->GetLineNum()) + ": not an OPML file: no <body>");
  OpmlReader reader(options, sink);
  std::vector<std::string> folders;
  reader.set_folders(&folders);
  const char* pebble_namespace = root->Attribute("xmlns:pebble");
  reader.set_subscriptions_only(pebble_namespace != nullptr &&
                                std::string_view(pebble_namespace) == kPebbleOpmlNamespace);
  reader.walk(*body, folders);
}

}  // namespace pebble::formats
