#include "batch/store_options.h"

namespace pebble::batch {

store::StoreOptions store_options(const config::Config& config) {
  store::StoreOptions options;
  options.connect_timeout = config.postgres_connect_timeout;
  return options;
}

}  // namespace pebble::batch
