#include "parse/person_text.h"

#include "parse/feed_xml.h"

namespace pebble::parse {

namespace {

bool looks_like_email(std::string_view text) {
  return text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos;
}

std::string strip_mailto(std::string text) {
  if (text.rfind("mailto:", 0) == 0) text.erase(0, 7);
  return text;
}

}  // namespace

Person parse_person_text(std::string_view raw) {
  const std::string text = feed_xml::trim(raw);
  Person person;
  const std::size_t open_paren = text.find('(');
  const std::size_t open_angle = text.find('<');
  if (open_paren != std::string::npos && text.back() == ')') {
    const std::string outer = feed_xml::trim(std::string_view(text).substr(0, open_paren));
    const std::string inner =
        feed_xml::trim(std::string_view(text).substr(open_paren + 1, text.size() - open_paren - 2));
    if (looks_like_email(outer)) {
      person.email = strip_mailto(outer);
      person.name = inner;
    } else if (looks_like_email(inner)) {
      person.name = outer;
      person.email = strip_mailto(inner);
    } else {
      person.name = text;
    }
  } else if (open_angle != std::string::npos && text.back() == '>') {
    person.name = feed_xml::trim(std::string_view(text).substr(0, open_angle));
    person.email = strip_mailto(
        feed_xml::trim(std::string_view(text).substr(open_angle + 1, text.size() - open_angle - 2)));
    if (person.name.size() >= 2 && person.name.front() == '"' && person.name.back() == '"') {
      person.name = person.name.substr(1, person.name.size() - 2);
    }
  } else if (looks_like_email(text)) {
    person.email = strip_mailto(text);
  } else {
    person.name = text;
  }
  return person;
}

}  // namespace pebble::parse
