// The whitespace tinyxml2 9 drops between markup (src/parse/xml_whitespace), as inner_xml prints it
// back: every gap between tags, comments and CDATA sections, at the start and end of an element's
// content and inside an element holding only whitespace, however the tags are spelled and
// whether or not tinyxml2 has decoded the values around it in place since.
#include "parse/xml_whitespace.h"

#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <tinyxml2.h>

#include "parse/feed_xml.h"

namespace {

using pebble::parse::feed_xml::inner_xml;
using pebble::parse::feed_xml::text_of;

// Reads every name and value once, as parsers do: tinyxml2 then decodes them in place and writes
// '\0' over the byte after each, which must not change what the whitespace lookup finds.
void read_everything(const tinyxml2::XMLNode& node) {
  if (const tinyxml2::XMLElement* element = node.ToElement()) {
    (void)element->Name();
    for (const tinyxml2::XMLAttribute* attribute = element->FirstAttribute(); attribute != nullptr;
         attribute = attribute->Next()) {
      (void)attribute->Value();
    }
  } else {
    (void)node.Value();
  }
  for (const tinyxml2::XMLNode* child = node.FirstChild(); child != nullptr; child = child->NextSibling()) {
    read_everything(*child);
  }
}

// `fragment` inside <root>, printed back by inner_xml; with `read_first`, after every value was read.
std::string printed(const std::string& fragment, bool read_first) {
  const std::string xml = "<root>" + fragment + "</root>";
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  REQUIRE(document.Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS);
  if (read_first) read_everything(*document.RootElement());
  return inner_xml(*document.RootElement());
}

std::string text_inside(const std::string& xml_of_root) {
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  REQUIRE(document.Parse(xml_of_root.data(), xml_of_root.size()) == tinyxml2::XML_SUCCESS);
  return text_of(*document.RootElement());
}

// A random fragment in the spelling tinyxml2's printer writes (so it must print back unchanged):
// elements with and without attributes, empty ones as <x/>, text, comments, CDATA, and
// whitespace-only runs between any of them.
class FragmentMaker {
 public:
  explicit FragmentMaker(unsigned seed) : random_(seed) {}

  std::string content(int depth) {
    std::string out;
    const int pieces = pick(0, 4);
    for (int i = 0; i < pieces; ++i) {
      switch (pick(0, depth > 0 ? 5 : 3)) {
        case 0:
          out += whitespace();
          break;
        case 1:
          out += word();
          if (pick(0, 1) == 1) out += whitespace();
          break;
        case 2:
          out += pick(0, 1) == 0 ? "<!--c" + word() + "-->" : "<![CDATA[" + word() + " <x>]]>";
          break;
        default:
          out += element(depth - 1);
      }
    }
    return out;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  std::string whitespace() {
    static const char* const kRuns[] = {" ", "  ", "\n", "\n  ", "\t", " \n\t "};
    return kRuns[pick(0, 5)];
  }

  std::string word() {
    static const char* const kWords[] = {"a", "bold", "x1", "word"};
    return kWords[pick(0, 3)];
  }

  std::string element(int depth) {
    static const char* const kNames[] = {"b", "i", "p", "span", "br"};
    const std::string name = kNames[pick(0, 4)];
    const std::string attributes = pick(0, 2) == 0 ? " class=\"k\"" : "";
    std::string inside = content(depth);
    if (inside.empty()) return "<" + name + attributes + "/>";
    return "<" + name + attributes + ">" + inside + "</" + name + ">";
  }

  std::mt19937 random_;
};

}  // namespace

TEST_CASE("inline XHTML keeps the whitespace between its elements", "[feedparse]") {
  const std::string fragment = "<p><b>bold</b> <i>italic</i></p>";
  CHECK(printed(fragment, false) == fragment);
  CHECK(printed(fragment, true) == fragment);
  CHECK(printed("\n  <p>one</p>\n  <p>two</p>\n", false) == "\n  <p>one</p>\n  <p>two</p>\n");
}

TEST_CASE("dropped whitespace is found however the tags around it are spelled", "[feedparse]") {
  for (const bool read_first : {false, true}) {
    INFO("values read first: " << read_first);
    // An element holding only whitespace keeps it; an empty one prints as <x/>.
    CHECK(printed("<span> </span>", read_first) == "<span> </span>");
    CHECK(printed("<span></span> <b>x</b>", read_first) == "<span/> <b>x</b>");
    CHECK(printed("<span\n>\t</span >", read_first) == "<span>\t</span>");
    // Self-closing tags with and without a space, attributes in either quote, spaced out.
    CHECK(printed("a<br/> <br /> <img src='x' /> <img src = \"y\"/> b", read_first) ==
          "a<br/> <br/> <img src=\"x\"/> <img src=\"y\"/> b");
    CHECK(printed("<a href=\"/x\" > <b>x</b> </a >", read_first) == "<a href=\"/x\"> <b>x</b> </a>");
    // After comments and CDATA sections, and between them.
    CHECK(printed("<!--c--> <b>x</b> <![CDATA[y]]> <!--d--> <i>z</i>", read_first) ==
          "<!--c--> <b>x</b> <![CDATA[y]]> <!--d--> <i>z</i>");
    // At the end of nested content, through several levels of last children.
    CHECK(printed("<p><b><i>x</i>\n</b> </p>\n", read_first) == "<p><b><i>x</i>\n</b> </p>\n");
    CHECK(printed("<p><b><br/> </b>\t</p>", read_first) == "<p><b><br/> </b>\t</p>");
    // Text right after an end tag keeps its own whitespace, references and '>' included.
    CHECK(printed("<b>x</b> &amp; > <i>y</i>", read_first) == "<b>x</b> &amp; &gt; <i>y</i>");
  }
}

TEST_CASE("dropped line ends are normalized as XML reads them", "[feedparse]") {
  CHECK(printed("<b>x</b>\r\n<i>y</i>\r<i>z</i>", false) == "<b>x</b>\n<i>y</i>\n<i>z</i>");
}

TEST_CASE("text split by CDATA sections and comments keeps the whitespace between them", "[feedparse]") {
  CHECK(text_inside("<t><![CDATA[one]]> <![CDATA[two]]></t>") == "one two");
  CHECK(text_inside("<t><![CDATA[one]]>\n<!-- c -->\n<![CDATA[two]]></t>") == "one\n\ntwo");
}

TEST_CASE("random fragments print back unchanged, whitespace and all", "[feedparse]") {
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    const std::string fragment = FragmentMaker(seed).content(4);
    INFO("seed " << seed << ": " << fragment);
    CHECK(printed(fragment, seed % 2 == 0) == fragment);
  }
}
