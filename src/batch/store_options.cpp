#include "batch/store_options.h"

namespace pebble::cli {

StoreOptions store_options(const Config& config) {
  StoreOptions options;
  options.connect_timeout = config.postgres_connect_timeout;
  return options;
}

}  // namespace pebble::cli
