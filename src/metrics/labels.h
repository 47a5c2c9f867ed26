#pragma once
// Canonical label text: the opaque `labels` key the store keeps for a series. It is the label part
// of the text exposition format, `name="value",...`, in the catalogue's label order with values
// escaped as the format requires, so the same labels always give the same key.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metrics/catalogue.h"

namespace pebble::metrics {

// Label name/value pairs as a caller supplies them, in any order.
using LabelPairs = std::vector<std::pair<std::string, std::string>>;

// Escapes a label value for the text format: backslash, double quote and newline.
std::string escape_label_value(std::string_view value);

// The canonical text of `labels` for `family`. Throws pebble::Error when the label names are not
// exactly the family's (missing, extra or repeated).
std::string canonical_labels(const FamilyDef& family, const LabelPairs& labels);

// Parses canonical (or any exposition-style) label text back into pairs, in text order.
// Throws pebble::Error on malformed text.
LabelPairs parse_labels(std::string_view text);

// The text of `labels` in the given order, without checking names against a family.
std::string format_labels(const LabelPairs& labels);

// The `le` text of a histogram bucket bound: the shortest exact decimal ("0.05", "1", "30"), or
// "+Inf" for infinity. The store keys buckets by this text.
std::string bucket_bound_text(double upper_bound);

// Parses an `le` text ("0.05", "+Inf", "1e-3"); nullopt when it is not a number.
std::optional<double> parse_bucket_bound(std::string_view text);

}  // namespace pebble::metrics
