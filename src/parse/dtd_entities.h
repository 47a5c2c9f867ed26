#pragma once
// The general entities a DOCTYPE's internal subset declares (XML 1.0 §4.2), read so that a feed's
// `<!ENTITY id "tag:example.com,">` can be used; external ones (SYSTEM/PUBLIC) are only noted,
// never fetched, and parameter entities are ignored.
#include <map>
#include <string>
#include <string_view>

namespace pebble::parse {

// Entity name → replacement text (as written: references inside are expanded where it is used).
using InternalEntities = std::map<std::string, std::string, std::less<>>;

// The internal entities declared in `doctype` (the whole `<!DOCTYPE … [ … ]>`); the first
// declaration of a name wins, as in XML, and XML's five predefined names cannot be redefined.
InternalEntities read_internal_entities(std::string_view doctype);

}  // namespace pebble::parse
