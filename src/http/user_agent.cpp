#include "http/user_agent.h"

#include "support/version.h"

namespace pebble::http {

std::string default_user_agent() {
  return std::string("pebble/") + support::version() + " (+" + kProjectUrl + ")";
}

}  // namespace pebble::http
