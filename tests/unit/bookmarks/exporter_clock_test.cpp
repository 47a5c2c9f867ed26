// The exporter with a ManualClock: the document is dated by the injected clock, and --since counts
// back from it (SPEC §5), so neither depends on when the test runs.
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bookmarks/exporter.h"
#include "bookmarks/option_values.h"
#include "domain/url.h"
#include "store/open_store.h"
#include "support/clock.h"

namespace {

// 2026-03-01T12:00:00Z.
constexpr pebble::support::Timestamp kStart{1'772'366'400'000'000};

pebble::domain::BookmarkInput bookmark_created_at(const std::string& url,
                                                  pebble::support::Timestamp created_at) {
  pebble::domain::BookmarkInput input;
  input.url = url;
  input.unique_hash = pebble::domain::url_unique_hash(url);
  input.title = url;
  input.created_at = created_at;
  input.updated_at = created_at;
  return input;
}

// alice's store: one bookmark two hours before kStart, one thirty minutes before.
std::unique_ptr<pebble::store::Store> alice_store() {
  auto store = pebble::store::open_store("sqlite::memory:");
  pebble::store::Transaction transaction(*store, pebble::store::TxMode::kWrite);
  const auto user = store->get_or_create_user("alice").first;
  store->upsert_bookmarks(user.id,
                          {bookmark_created_at("https://old.example/",
                                               pebble::support::Timestamp{kStart.micros - 7'200'000'000LL}),
                           bookmark_created_at("https://new.example/",
                                               pebble::support::Timestamp{kStart.micros - 1'800'000'000LL})},
                          pebble::domain::DuplicatePolicy::kOverwrite);
  transaction.commit();
  return store;
}

nlohmann::json export_json(pebble::store::Store& store, pebble::bookmarks::ExportRequest request,
                           const pebble::support::Clock& clock) {
  request.user = "alice";
  request.format = pebble::formats::BookmarkFormat::kActivityStreams;
  pebble::metrics::MetricsRecorder recorder{"export", pebble::config::MetricsSettings{}};
  std::ostringstream out;
  pebble::bookmarks::export_bookmarks(store, request, recorder, out, clock);
  return nlohmann::json::parse(out.str());
}

std::vector<std::string> urls_of(const nlohmann::json& document) {
  std::vector<std::string> urls;
  for (const auto& item : document.at("items")) urls.push_back(item.at("url"));
  return urls;
}

}  // namespace

TEST_CASE("the export is dated by the injected clock", "[bookmarks]") {
  const auto store = alice_store();
  pebble::support::ManualClock clock{kStart};
  CHECK(export_json(*store, {}, clock).at("published") == "2026-03-01T12:00:00Z");
  clock.advance(std::chrono::hours(24));
  CHECK(export_json(*store, {}, clock).at("published") == "2026-03-02T12:00:00Z");
}

TEST_CASE("export since: counts back from the clock's now", "[bookmarks]") {
  const auto store = alice_store();
  pebble::support::ManualClock clock{kStart};
  pebble::bookmarks::ExportRequest request;
  request.since = pebble::bookmarks::parse_since("1h", clock.now());
  CHECK(urls_of(export_json(*store, request, clock)) == std::vector<std::string>{"https://new.example/"});
  request.since = pebble::bookmarks::parse_since("3h", clock.now());
  CHECK(urls_of(export_json(*store, request, clock)) ==
        std::vector<std::string>{"https://new.example/", "https://old.example/"});
  clock.advance(std::chrono::hours(1));  // now the newer bookmark is 90 minutes old
  request.since = pebble::bookmarks::parse_since("1h", clock.now());
  CHECK(urls_of(export_json(*store, request, clock)).empty());
}
