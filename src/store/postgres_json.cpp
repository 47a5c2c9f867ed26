#include "store/postgres_json.h"

#include <nlohmann/json.hpp>

#include "support/error.h"

namespace pebble::store {

std::string compact_json(const std::string& jsonb_text) {
  const auto parsed = nlohmann::json::parse(jsonb_text, nullptr, false);
  if (parsed.is_discarded())
    throw support::StoreError("PostgreSQL returned invalid JSON: " + jsonb_text.substr(0, 80));
  return parsed.dump();
}

}  // namespace pebble::store
