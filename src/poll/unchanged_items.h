#pragma once
// The items a feed sent again exactly as before: a server without validators answers 200 with the
// same document at every poll, and sanitizing its items again (gumbo: ~0.2 ms an item) and
// rewriting their rows would change nothing. Their fingerprints (parse/item_fingerprint.h) are
// compared with the ones stored, read in one query, before anything is sanitized.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "parse/parsed_feed.h"

namespace pebble::poll {

// The source fingerprints the store holds for those of `guids` it has, by guid
// (FeedStore::item_fingerprints of the feed being polled).
using StoredFingerprints =
    std::function<std::unordered_map<std::string, std::string>(const std::vector<std::string>& guids)>;

// Moves out of `feed` the items whose fingerprint is the one stored for their guid, and returns
// their guids (to be marked seen). A guid the document holds twice is never taken: which of the
// two the row holds is not known. When the store cannot answer, nothing is taken (logged): every
// item is then sanitized and written, as without this step. `feed_url` names the feed in the log.
std::vector<std::string> take_unchanged_items(parse::ParsedFeed& feed, const StoredFingerprints& stored,
                                              const std::string& feed_url);

}  // namespace pebble::poll
