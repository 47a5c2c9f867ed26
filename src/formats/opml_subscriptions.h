#pragma once
// The subscription list pebble writes (`export --feeds`) and reads back (`import`): OPML 2.0 with
// one rss outline per feed. A feed's first tag is the folder it sits in, every tag is in its
// `category`, and pebble's own attributes keep the disabled state, so an import restores the
// feeds exactly; other readers see an ordinary subscription list.
#include <ostream>
#include <vector>

#include "formats/bookmark_record.h"
#include "formats/bookmark_writer.h"

namespace pebble::formats {

// The XML namespace of pebble's outline attributes (pebble:disabled, pebble:disabledReason). A
// document declaring it on <opml> is a subscription list: its outlines subscribe feeds and make no
// bookmarks.
inline constexpr const char* kPebbleOpmlNamespace = "https://github.com/pebble-feeds/pebble/opml";

// Writes `subscriptions` (in the order given within each folder) as one OPML document.
void write_subscriptions_opml(std::ostream& out, const ExportHeader& header,
                              const std::vector<FeedSubscription>& subscriptions);

}  // namespace pebble::formats
