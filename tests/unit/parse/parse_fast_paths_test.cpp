// The shortcuts that spare copying clean feeds: is_valid_utf8_fast must agree with an independent
// decoder (support/utf8's step decoder), and character data decoded as it is read must come
// out as the whole-document rewrite followed by tinyxml2's own decoding would have it.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <tinyxml2.h>

#include "parse/charset.h"
#include "parse/html_entities.h"
#include "parse/parse_feed.h"
#include "support/utf8.h"

namespace {

// Step by step with the toolkit's decoder: a path independent of the validators' lead tables.
bool valid_by_reference(std::string_view bytes) {
  for (std::size_t offset = 0; offset < bytes.size();) {
    const pebble::support::Utf8Step step = pebble::support::decode_utf8_step(bytes, offset);
    if (!step.valid) return false;
    offset += step.length;
  }
  return true;
}

// `piece` after `padding` ASCII bytes and before a few more: lands the piece at each position of
// an eight-byte block and straddling two.
std::string padded(std::size_t padding, std::string_view piece) {
  return std::string(padding, 'a') + std::string(piece) + "bcdefghij";
}

}  // namespace

TEST_CASE("is_valid_utf8_fast agrees with the reference decoder", "[feedparse]") {
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
      REQUIRE(pebble::parse::is_valid_utf8_fast(text) == valid_by_reference(text));
      valid += pebble::parse::is_valid_utf8_fast(text) ? 1 : 0;
    }
    REQUIRE(pebble::parse::is_valid_utf8_fast(piece) == valid_by_reference(piece));
  }
  CHECK(valid > 1000);  // the cases include plenty of both answers
  CHECK(pebble::parse::is_valid_utf8_fast("caf\xC3\xA9 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9D\x84\x9E"));
  CHECK_FALSE(pebble::parse::is_valid_utf8_fast("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(pebble::parse::is_valid_utf8_fast("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(pebble::parse::is_valid_utf8_fast("\xE0\x80\xAF"));      // overlong
  CHECK_FALSE(pebble::parse::is_valid_utf8_fast("abcdefgh\xC3"));      // truncated after a whole block
}

TEST_CASE("character data decodes as the whole-document rewrite and tinyxml2 decode it", "[feedparse]") {
  // The slow path (rewrite the document, let tinyxml2 decode) is the reference for the fast one.
  const std::vector<std::string> fragments = {"text ",
                                              "&amp;",
                                              "&lt;",
                                              "&quot;",
                                              "&apos;",
                                              "&#233;",
                                              "&#xE9;",
                                              "&#x1F600;",
                                              "&#0;",
                                              "&#xD800;",
                                              "&#x110000;",
                                              "&#12a;",
                                              "&nbsp;",
                                              "&eacute;",
                                              "&unknown;",
                                              "& ",
                                              "&;",
                                              "&#;",
                                              "&amp",
                                              "\x01",
                                              "\t",
                                              "\n",
                                              "\r",
                                              "\r\n",
                                              "caf\xC3\xA9",
                                              "!",
                                              std::string("\0", 1),
                                              "&" + std::string(40, 'x') + ";",
                                              "\x7F"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
  for (int round = 0; round < 4000; ++round) {
    std::string text = "[";  // never only whitespace, which tinyxml2 would not keep as a text node
    const std::size_t count = 1 + static_cast<std::size_t>(round) % 13;
    for (std::size_t i = 0; i < count; ++i) text += fragments[pick(random)];
    text += "]";
    // tinyxml2 also folds LF CR into one LF, which XML (2.11) does not: pebble keeps both ends.
    std::string kept = text;  // as the rewrite leaves it: without the control characters XML forbids
    std::erase_if(kept, [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
    if (kept.find("\n\r") != std::string::npos) continue;
    tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
    const std::string rewritten = pebble::parse::rewrite_entities("<a>" + text + "</a>");
    REQUIRE(document.Parse(rewritten.data(), rewritten.size()) == tinyxml2::XML_SUCCESS);
    std::string decoded;
    pebble::parse::append_character_data(text, true, true, decoded);
    INFO(text);
    REQUIRE(decoded == document.RootElement()->GetText());
  }
  std::string cdata;
  pebble::parse::append_character_data("&amp; a\r\nb\x01", false, true, cdata);
  CHECK(cdata == "&amp; a\nb");
  std::string line_ends;
  pebble::parse::append_character_data("a\n\rb\rc\r\nd", true, true, line_ends);
  CHECK(line_ends == "a\n\nb\nc\nd");
}

TEST_CASE("clean and messy feeds parse alike", "[feedparse]") {
  const std::string clean =
      "<rss><channel><item><title>Caf\xC3\xA9 &amp; &#8217;bar&#8217;</title><guid>1</guid></item>"
      "</channel></rss>";
  const std::string messy =
      "<rss><channel><item><title>Caf&eacute; &amp; &rsquo;bar&rsquo;</title><guid>1</guid></item>"
      "</channel></rss>";
  const auto clean_feed = pebble::parse::parse_feed(clean, "https://example.org/", "");
  const auto messy_feed = pebble::parse::parse_feed(messy, "https://example.org/", "");
  REQUIRE(clean_feed.items.size() == 1);
  REQUIRE(messy_feed.items.size() == 1);
  CHECK(clean_feed.items[0].title ==
        "Caf\xC3\xA9 & \xE2\x80\x99"
        "bar\xE2\x80\x99");
  CHECK(messy_feed.items[0].title == clean_feed.items[0].title);
  // A NUL would end tinyxml2's C string: the failed parse is retried without it. After the root
  // it ends nothing that matters.
  const auto with_nul =
      pebble::parse::parse_feed(std::string("<rss><channel><title>a\0b</title></channel></rss>", 48), "", "");
  CHECK(with_nul.title == "ab");
  const auto nul_after =
      pebble::parse::parse_feed(std::string("<rss><channel><title>t</title></channel></rss>\0x", 48), "", "");
  CHECK(nul_after.title == "t");
  // Valid UTF-8 is used in place; invalid bytes still become U+FFFD.
  const auto broken =
      pebble::parse::parse_feed("<rss><channel><title>a\xFFz</title></channel></rss>", "", "");
  CHECK(broken.title == "a\xEF\xBF\xBDz");
}
