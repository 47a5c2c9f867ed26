#include "store_access.h"

#include "batch/store_options.h"
#include "store/open_store.h"

namespace pebble::cli {

std::unique_ptr<store::Store> open_existing_store(const config::Config& config) {
  store::StoreOptions options = batch::store_options(config);
  options.must_exist = true;  // reading a typo'd path must not create an empty store
  return store::open_store(config.database_url, options);
}

std::optional<std::int64_t> optional_limit(std::int64_t limit) {
  if (limit <= 0) return std::nullopt;
  return limit;
}

}  // namespace pebble::cli
