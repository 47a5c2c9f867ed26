#include "support/clock.h"

namespace pebble::support {

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace pebble::support
