// Items a feed sends unchanged (poll/unchanged_items.h, parse/item_fingerprint.h): their fingerprint
// is taken before sanitizing and covers everything that decides what is stored; the ones whose
// fingerprint is the stored one leave the document unsanitized, in one lookup; and the sanitizer's
// output is pinned to kSanitizerRevision, so a change to it makes stored items be sanitized again.
#include "poll/unchanged_items.h"

#include <catch2/catch.hpp>

#include "html/sanitize.h"
#include "parse/item_fingerprint.h"
#include "poll/poll_outcome.h"
#include "support/error.h"
#include "support/sha256.h"

namespace {

using pebble::parse::ParsedItem;
using pebble::poll::StoredFingerprints;
using Fingerprints = std::unordered_map<std::string, std::string>;

const pebble::support::Timestamp kNow = pebble::support::Timestamp::from_seconds(1'700'000'000);
const std::string kUrl = "https://example.org/blog/feed.xml";

// Items a, b, c and, twice, d; every description carries a script and a relative link.
const std::string kRss = [] {
  std::string rss = "<rss version=\"2.0\"><channel><title>T</title>";
  for (const char* guid : {"a", "b", "c", "d", "d"}) {
    rss += std::string("<item><guid>") + guid + "</guid><title>" + guid +
           "</title><description>&lt;p&gt;Text &lt;a href=\"post-" + guid +
           "\"&gt;link&lt;/a&gt;&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description></item>";
  }
  return rss + "</channel></rss>";
}();

pebble::http::FetchResponse fetched_feed() {
  pebble::http::FetchResponse fetched;
  fetched.status = 200;
  fetched.body = kRss;
  fetched.final_url = kUrl;
  return fetched;
}

std::vector<std::string> guids_of(const std::vector<ParsedItem>& items) {
  std::vector<std::string> guids;
  for (const ParsedItem& item : items) guids.push_back(item.guid);
  return guids;
}

}  // namespace

TEST_CASE("items whose fingerprint is stored stay out of sanitizing; the others are sanitized", "[poller]") {
  // Without stored fingerprints (feeds add, a dry run) every item is fingerprinted and sanitized.
  const auto first = pebble::poll::classify_response(fetched_feed(), kUrl, kNow);
  REQUIRE(first.feed.has_value());
  REQUIRE(first.feed->items.size() == 5);
  CHECK(first.unchanged_guids.empty());
  for (const ParsedItem& item : first.feed->items) {
    CHECK(item.fingerprint.size() == 64);
    CHECK(item.summary->find("script") == std::string::npos);
  }
  const std::string fingerprint_a = first.feed->items[0].fingerprint;
  const std::string fingerprint_d = first.feed->items[3].fingerprint;

  std::vector<std::vector<std::string>> asked;
  const StoredFingerprints stored = [&](const std::vector<std::string>& guids) {
    asked.push_back(guids);
    return Fingerprints{{"a", fingerprint_a}, {"b", "an older version of b"}, {"d", fingerprint_d}};
  };
  const auto again = pebble::poll::classify_response(fetched_feed(), kUrl, kNow, SIZE_MAX, stored);
  // One lookup for every guid of the document.
  CHECK(asked == std::vector<std::vector<std::string>>{{"a", "b", "c", "d", "d"}});
  // a is as stored; b changed, c is new, and d stays: which of its two versions the row holds is
  // not known.
  CHECK(again.unchanged_guids == std::vector<std::string>{"a"});
  REQUIRE(again.feed.has_value());
  CHECK(guids_of(again.feed->items) == std::vector<std::string>{"b", "c", "d", "d"});
  for (const ParsedItem& item : again.feed->items) {
    CHECK(item.summary == "<p>Text <a href=\"https://example.org/blog/post-" + item.guid + "\">link</a></p>");
  }
}

TEST_CASE("a store that cannot give the fingerprints costs only the sanitizing", "[poller]") {
  const StoredFingerprints failing = [](const std::vector<std::string>&) -> Fingerprints {
    throw pebble::support::StoreError("connection lost");
  };
  const auto outcome = pebble::poll::classify_response(fetched_feed(), kUrl, kNow, SIZE_MAX, failing);
  CHECK(outcome.status == pebble::poll::PollStatus::kSuccess);
  CHECK(outcome.unchanged_guids.empty());
  REQUIRE(outcome.feed.has_value());
  CHECK(outcome.feed->items.size() == 5);
}

TEST_CASE("an item's fingerprint covers every stored field and the bases its HTML resolves against",
          "[poller]") {
  ParsedItem item;
  item.guid = "g";
  item.title = "Title";
  item.content = "<p>x</p>";
  const std::string base = "https://example.org/feed";
  const std::string fingerprint = pebble::parse::item_fingerprint(item, base);
  CHECK(pebble::parse::item_fingerprint(item, base) == fingerprint);
  CHECK(pebble::parse::item_fingerprint(item, "https://mirror.example.net/feed") != fingerprint);
  const std::vector<std::function<void(ParsedItem&)>> changes = {
      [](ParsedItem& changed) { changed.guid = "h"; },
      [](ParsedItem& changed) { changed.link = "https://example.org/g"; },
      [](ParsedItem& changed) { changed.title = "Title!"; },
      [](ParsedItem& changed) { changed.title = std::nullopt; },
      [](ParsedItem& changed) { changed.summary = ""; },
      [](ParsedItem& changed) { changed.content = "<p>y</p>"; },
      [](ParsedItem& changed) { changed.content_type = pebble::parse::TextType::kText; },
      [](ParsedItem& changed) { changed.author = "Ann"; },
      [](ParsedItem& changed) { changed.published = kNow; },
      [](ParsedItem& changed) { changed.updated = kNow; },
      [](ParsedItem& changed) { changed.categories = {"c"}; },
      [](ParsedItem& changed) {
        changed.enclosures = {{"https://example.org/a.mp3", "audio/mpeg", 1}};
      },
      [](ParsedItem& changed) { changed.content_base = "https://example.org/other/"; },
      [](ParsedItem& changed) { changed.base = "https://example.org/other/"; },
      // Fields that run into each other must not read alike: "Title" + "" vs "Titl" + "e".
      [](ParsedItem& changed) {
        changed.title = "Titl";
        changed.summary = "e";
      },
  };
  for (std::size_t index = 0; index < changes.size(); ++index) {
    INFO("change " << index);
    ParsedItem changed = item;
    changes[index](changed);
    CHECK(pebble::parse::item_fingerprint(changed, base) != fingerprint);
  }
}

// A tripwire: when this digest changes, sanitize_html (or the gumbo under it) writes something else
// for some input, and items stored by the older sanitizer must be sanitized again. Raise
// kSanitizerRevision in parse/item_fingerprint.h and pin the new digest next to it.
TEST_CASE("the sanitizer's output is pinned to kSanitizerRevision", "[poller]") {
  std::vector<std::string> samples = {
      "<p>Text <b>bold</b> <i>italic</i></p>",
      "<script>alert(1)</script><style>p{}</style><p onclick=\"x()\">kept</p><!-- comment -->",
      R"(<a href="rel/path?q=1#f" title="t" target="_blank">a</a><img src="/i.png" srcset="a.png 1x, b.png 2x" alt="i">)",
      R"html(<a href="javascript:alert(1)">js</a><img src="data:image/png;base64,AAAA"><a href="data:x">d</a>)html",
      "<p style=\"color: red; background: url(x); position: fixed\">styled</p>",
      "<form><input value=\"v\">field</form><object>fallback</object><blink>b</blink>",
      "<iframe><p>fallback <b>markup</b></p></iframe>",
      "<svg width=\"10\"><a xlink:href=\"/x\"><circle r=\"5\"/></a><set attributeName=\"href\"/></svg>",
      "<math><mi>x</mi><mo>=</mo><mn>1</mn></math>",
      "<table><tr><td colspan=\"2\">cell</td></tr></table><pre>\n\ncode</pre><br><hr>",
      "<p>&amp; &lt; &gt; &quot; &nbsp; &eacute; &#8217; &#x1F600;</p>",
  };
  std::string deep;
  for (int depth = 0; depth < 300; ++depth) deep += "<div><b>";
  samples.push_back(deep + "too deep &amp; kept as text");
  std::string printed;
  for (const std::string& sample : samples) {
    printed += pebble::html::sanitize_html(sample, "https://example.org/posts/1");
    printed += '\n';
  }
  const std::string digest = pebble::support::sha256_hex(printed);
  INFO("sanitized samples:\n" << printed << "digest " << digest);
  CHECK(pebble::parse::kSanitizerRevision == 1);
  CHECK(digest == "9ab4a0ade238cf1229a7a34d45de459da16ee9110554fe3da3d30dd461631b33");
}
