#include "poll/unchanged_items.h"

#include <nlohmann/json.hpp>  // the fields of log_event (support/logging.h declares json only)

#include "support/error.h"
#include "support/logging.h"

namespace pebble::poll {

std::vector<std::string> take_unchanged_items(parse::ParsedFeed& feed, const StoredFingerprints& stored,
                                              const std::string& feed_url) {
  std::vector<std::string> guids;
  if (feed.items.empty()) return guids;
  guids.reserve(feed.items.size());
  std::unordered_map<std::string, int> occurrences;
  for (const parse::ParsedItem& item : feed.items) {
    guids.push_back(item.guid);
    ++occurrences[item.guid];
  }
  std::unordered_map<std::string, std::string> fingerprints;
  try {
    fingerprints = stored(guids);
  } catch (const support::StoreError& error) {
    // Only work is lost: the poll sanitizes and stores every item, and its own transaction reports
    // a store that is really gone.
    support::log_event(support::LogLevel::kWarn, "cannot read the stored item fingerprints",
                       {{"feed_url", feed_url}, {"error", error.what()}});
    return {};
  }
  std::vector<std::string> unchanged;
  std::erase_if(feed.items, [&](const parse::ParsedItem& item) {
    const auto found = fingerprints.find(item.guid);
    if (found == fingerprints.end() || found->second != item.fingerprint || item.fingerprint.empty() ||
        occurrences[item.guid] > 1)
      return false;
    unchanged.push_back(item.guid);
    return true;
  });
  return unchanged;
}

}  // namespace pebble::poll
