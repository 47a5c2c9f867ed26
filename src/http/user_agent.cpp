#include "http/user_agent.h"

#include "support/version.h"

namespace pebble {

std::string default_user_agent() {
  return std::string("pebble/") + version() + " (+" + kProjectUrl + ")";
}

}  // namespace pebble
