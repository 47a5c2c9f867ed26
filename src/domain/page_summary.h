#pragma once
// What a web page says about itself, as unfurling reads it (issue #15): the title and description a
// bookmark added without them takes.
#include <optional>
#include <string>

namespace pebble::domain {

// A page's own title and description, when it has them.
struct PageSummary {
  std::optional<std::string> title;
  std::optional<std::string> description;
};

}  // namespace pebble::domain
