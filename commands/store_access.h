#pragma once
// How the read commands reach the store: opened as the batch commands open it, but never created
// (a typo'd path is an error, not a new empty store) and with nothing else started: no metrics
// recorder, no curl, no Pushgateway client, so a listing costs the query and little more.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace pebble::cli {

// The store of `config`, which must exist.
std::unique_ptr<store::Store> open_existing_store(const config::Config& config);

// `--limit N` as a store limit: nullopt for 0 (no limit).
std::optional<std::int64_t> optional_limit(std::int64_t limit);

}  // namespace pebble::cli
