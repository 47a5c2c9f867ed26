// Character set detection and conversion (BOM > HTTP charset > XML declaration) on fixtures in
// tests/data/feeds/charset/, written by Python's codecs rather than by the code under test.
#include "parse/charset.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "parse/parse_feed.h"
#include "parse/utf8_avx2.h"
#include "support/test_env.h"
#include "support/utf8.h"

namespace {

struct CharsetCase {
  const char* file;
  const char* content_type;
  const char* title;
};

}  // namespace

TEST_CASE("feeds in every common charset arrive as UTF-8", "[feedparse]") {
  const std::string wide = "\u00dcn\u00efc\u00f6d\u00e9 \u2713 \u65e5\u672c \U0001D11E";
  const CharsetCase cases[] = {
      {"iso-8859-1.xml", "", "Caf\u00e9 d\u00e9j\u00e0 vu"},
      {"windows-1252.xml", "", "\u201cSmart\u201d quotes \u2013 \u20ac"},
      {"windows-1251-http.xml", "application/rss+xml; charset=\"windows-1251\"",
       "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440"},
      {"koi8-r.xml", "", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440"},
      {"shift_jis.xml", "", "\u65e5\u672c\u8a9e\u306e\u30d5\u30a3\u30fc\u30c9"},
      {"euc-jp.xml", "text/xml", "\u65e5\u672c\u8a9e\u306e\u30d5\u30a3\u30fc\u30c9"},
      {"euc-kr.xml", "", "\ud55c\uad6d\uc5b4 \ud53c\ub4dc"},
      {"big5.xml", "", "\u7e41\u9ad4\u4e2d\u6587"},
      {"gb2312.xml", "", "\u7b80\u4f53\u4e2d\u6587"},
      {"gbk.xml", "", "\u7b80\u4f53\u4e2d\u6587"},
      {"iso-8859-2.xml", "", "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105"},
      {"iso-8859-7.xml", "", "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1"},
      {"utf-16le-bom.xml", "", wide.c_str()},
      {"utf-16be-bom.xml", "text/xml; charset=iso-8859-1", wide.c_str()},  // the BOM outranks HTTP
      {"utf-16le-nobom.xml", "", wide.c_str()},
      {"utf-32le-bom.xml", "", wide.c_str()},
      {"utf-32be-bom.xml", "", wide.c_str()},
      {"utf-8-bom.xml", "", wide.c_str()},
      // E6 97 is one maximal subpart (one U+FFFD); C0 AF is two (support/utf8.h).
      {"utf-8-invalid.xml", "", "A\uFFFDB\uFFFDC\uFFFD\uFFFDD"},
  };
  for (const CharsetCase& one : cases) {
    INFO(one.file);
    const std::string body =
        pebble::test::read_file(pebble::test::test_data_dir() + "/feeds/charset/" + one.file);
    const pebble::parse::ParsedFeed feed = pebble::parse::parse_feed(body, "", one.content_type);
    CHECK(feed.title == std::string(one.title));
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == std::string(one.title));
  }
}

TEST_CASE("charset labels come from Content-Type and the XML declaration", "[feedparse]") {
  CHECK(pebble::parse::charset_from_content_type("text/xml; Charset=\"KOI8-R\"; foo=bar") == "koi8-r");
  CHECK(pebble::parse::charset_from_content_type("application/rss+xml") == "");
  CHECK(pebble::parse::xml_declared_encoding("  <?xml version='1.0' encoding='Shift_JIS'?><rss/>") ==
        "shift_jis");
  CHECK(pebble::parse::xml_declared_encoding("<rss/>") == "");
}

TEST_CASE("conversion rewrites the declaration and never fails on bad bytes", "[feedparse]") {
  const auto decoded =
      pebble::parse::decode_to_utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE9</a>", "");
  CHECK(decoded.charset == "iso-8859-1");
  CHECK(decoded.text() == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u00e9</a>");
  // Truncated Shift_JIS lead byte at the end, an unknown charset label: replaced or read as UTF-8.
  CHECK(pebble::parse::decode_to_utf8("ab\x82", "text/xml; charset=shift_jis").text() == "ab\uFFFD");
  CHECK(pebble::parse::decode_to_utf8("ok\xFF", "text/xml; charset=x-no-such-charset").text() == "ok\uFFFD");
  CHECK(pebble::support::replace_invalid_utf8("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // a UTF-16 surrogate
  CHECK(pebble::support::replace_invalid_utf8("\xF0\x9D\x84\x9E") == "\U0001D11E");
}

TEST_CASE("the AVX2 UTF-8 check agrees with the portable one at every position", "[feedparse]") {
  // The AVX2 kernel itself where the CPU has it; elsewhere is_valid_utf8 is the portable check.
  const auto checked = [](std::string_view text) {
    return pebble::parse::utf8_avx2::available() ? pebble::parse::utf8_avx2::is_valid(text)
                                                 : pebble::support::is_valid_utf8(text);
  };
  // Each sample is placed at every offset around the 32-byte block boundaries and at the very end,
  // so sequences split across blocks, and ones cut short by the end of the input, are both seen.
  const std::vector<std::string> samples = {
      "\xC3\xA9",     "\xE2\x82\xAC",     "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",  // valid
      "\xC3",         "\xE2\x82",         "\xF0\x9F\x98",     "\x80",              // cut short, stray
      "\xC0\xAF",     "\xE0\x80\xAF",     "\xF0\x80\x80\xAF",                      // overlong
      "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",              // surrogate, too large
      "\xC3\xA9\x80", "\xE2\x82\xAC\xAC",  // one continuation too many
  };
  for (const std::string& sample : samples) {
    for (std::size_t offset = 0; offset < 70; ++offset) {
      for (const std::size_t tail : {std::size_t{0}, std::size_t{1}, std::size_t{40}}) {
        const std::string text = std::string(offset, 'a') + sample + std::string(tail, 'b');
        INFO("sample bytes " << sample.size() << " at offset " << offset << " with " << tail << " after");
        CHECK(checked(text) == pebble::support::is_valid_utf8(text));
      }
    }
  }
  CHECK(checked(std::string(1000, 'x') + "\xE2\x82\xAC" + std::string(1000, 'y')));
  CHECK_FALSE(checked(std::string(1000, 'x') + "\xE2\x82" + std::string(1000, 'y')));
  CHECK(checked(""));
}
