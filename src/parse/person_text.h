#pragma once
// Reads the free-text author fields of RSS and Dublin Core into a name and an email.
#include <string_view>

#include "parse/parsed_feed.h"

namespace pebble::parse {

// `email (Name)`, `Name (email)`, `Name <email>`, a bare email or a bare name.
Person parse_person_text(std::string_view text);

}  // namespace pebble::parse
