#pragma once
// The StoreOptions a run's Config asks for, so every command that opens a store (the batch
// runner, serve, metrics-show) opens it the same way.
#include "config/config.h"
#include "store/open_store.h"

namespace pebble::batch {

// The options of open_store for `config` (PGCONNECT_TIMEOUT, read by config/).
store::StoreOptions store_options(const config::Config& config);

}  // namespace pebble::batch
