#pragma once
// Private to the postgres_*.cpp files: JSON text as read back from jsonb columns.
#include <string>

namespace pebble::store {

// jsonb re-spaces what it stores (`{"a": 1}`); this returns the compact form callers write and the
// SQLite store hands back verbatim, so both backends return the same text.
std::string compact_json(const std::string& jsonb_text);

}  // namespace pebble::store
