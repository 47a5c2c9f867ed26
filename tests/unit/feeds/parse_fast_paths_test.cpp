// The shortcuts that spare copying clean feeds: is_valid_utf8 must agree with an independent
// decoder (src/domain's Python-compatible one), and needs_entity_rewrite must answer yes whenever
// rewrite_entities would change the text, at every offset the word-at-a-time scans can meet.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "domain/unicode_text.h"
#include "feeds/charset.h"
#include "feeds/html_entities.h"
#include "feeds/parse_feed.h"

namespace {

bool valid_by_reference(std::string_view bytes) {
  return pebble::unicode::replace_invalid_utf8(bytes) == bytes;
}

// `piece` after `padding` ASCII bytes and before a few more: lands the piece at each position of
// an eight-byte block and straddling two.
std::string padded(std::size_t padding, std::string_view piece) {
  return std::string(padding, 'a') + std::string(piece) + "bcdefghij";
}

}  // namespace

TEST_CASE("is_valid_utf8 agrees with the reference decoder", "[feedparse]") {
  std::vector<std::string> pieces;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      for (const int third : {0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0}) {
        for (const int fourth : {0x41, 0x80, 0xBF}) {
          pieces.push_back({static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third),
                            static_cast<char>(fourth)});
        }
      }
      pieces.push_back({static_cast<char>(lead), static_cast<char>(second)});  // truncated at the end
    }
  }
  std::size_t valid = 0;
  for (const std::string& piece : pieces) {
    for (const std::size_t padding : {std::size_t{0}, std::size_t{5}, std::size_t{7}}) {
      const std::string text = padded(padding, piece);
      INFO("padding " << padding << " piece bytes " << piece.size());
      REQUIRE(pebble::is_valid_utf8(text) == valid_by_reference(text));
      valid += pebble::is_valid_utf8(text) ? 1 : 0;
    }
    REQUIRE(pebble::is_valid_utf8(piece) == valid_by_reference(piece));
  }
  CHECK(valid > 1000);  // the cases include plenty of both answers
  CHECK(pebble::is_valid_utf8("caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9D\x84\x9E"));
  CHECK_FALSE(pebble::is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(pebble::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(pebble::is_valid_utf8("\xE0\x80\xAF"));      // overlong
  CHECK_FALSE(pebble::is_valid_utf8("abcdefgh\xC3"));      // truncated after a whole block
}

TEST_CASE("needs_entity_rewrite says yes exactly when the rewrite changes the text", "[feedparse]") {
  // Without CDATA or comments, where the scan may say yes for text the rewrite leaves alone.
  const std::vector<std::string> fragments = {"text ",
                                              "&amp;",
                                              "&lt;",
                                              "&quot;",
                                              "&#233;",
                                              "&#xE9;",
                                              "&#0;",
                                              "&#x110000;",
                                              "&#12a;",
                                              "&nbsp;",
                                              "&eacute;",
                                              "&unknown;",
                                              "& ",
                                              "&;",
                                              "&#;",
                                              "\x01",
                                              "\t",
                                              "\n",
                                              "\r",
                                              "caf\xC3\xA9",
                                              "!",
                                              "<b>",
                                              "</b>",
                                              "<!DOCTYPE rss>",
                                              "<!doctype x [<!ENTITY a 'b'>]>",
                                              "<a href=\"x?a=1&amp;b=2\">",
                                              std::string("\0", 1),
                                              "&" + std::string(40, 'x') + ";",
                                              "\x7F"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
  std::uniform_int_distribution<std::size_t> clean_pick(0, 4);  // only the first, kept fragments
  std::size_t clean = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text = "<rss>";
    const bool only_kept = round % 2 == 0;
    const std::size_t count = 1 + static_cast<std::size_t>(round) % 13;
    for (std::size_t i = 0; i < count; ++i) text += fragments[only_kept ? clean_pick(random) : pick(random)];
    text += "</rss>";
    const bool changes = pebble::rewrite_entities(text) != text;
    INFO(text);
    REQUIRE(pebble::needs_entity_rewrite(text) == changes);
    clean += changes ? 0 : 1;
  }
  CHECK(clean >= 2000);
  // CDATA and comments: a yes there only costs the copy; a no must still mean "unchanged".
  for (const std::string text :
       {"<![CDATA[&nbsp; <!DOCTYPE x>]]>", "<!-- &bogus; -->", "<![CDATA[a\x01]]>"}) {
    if (!pebble::needs_entity_rewrite(text)) CHECK(pebble::rewrite_entities(text) == text);
  }
  CHECK(pebble::needs_entity_rewrite("<![CDATA[a\x01]]>"));
}

TEST_CASE("clean and messy feeds parse alike", "[feedparse]") {
  const std::string clean =
      "<rss><channel><item><title>Caf\xC3\xA9 &amp; &#8217;bar&#8217;</title><guid>1</guid></item>"
      "</channel></rss>";
  const std::string messy =
      "<rss><channel><item><title>Caf&eacute; &amp; &rsquo;bar&rsquo;</title><guid>1</guid></item>"
      "</channel></rss>";
  const auto clean_feed = pebble::parse_feed(clean, "https://example.org/", "");
  const auto messy_feed = pebble::parse_feed(messy, "https://example.org/", "");
  REQUIRE(clean_feed.items.size() == 1);
  REQUIRE(messy_feed.items.size() == 1);
  CHECK(clean_feed.items[0].title ==
        "Caf\xC3\xA9 & \xE2\x80\x99"
        "bar\xE2\x80\x99");
  CHECK(messy_feed.items[0].title == clean_feed.items[0].title);
  // Valid UTF-8 is used in place; invalid bytes still become U+FFFD.
  const auto broken = pebble::parse_feed("<rss><channel><title>a\xFFz</title></channel></rss>", "", "");
  CHECK(broken.title == "a\xEF\xBF\xBDz");
}
