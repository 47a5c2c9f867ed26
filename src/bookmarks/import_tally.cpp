#include "bookmarks/import_tally.h"

#include <nlohmann/json.hpp>

namespace pebble::bookmarks {

namespace {

// Keeps stored details small: a 100 MB url must not become a 100 MB JSON column.
constexpr std::size_t kDetailFieldBytes = 500;

std::string shortened(std::string text) {
  if (text.size() <= kDetailFieldBytes) return text;
  std::size_t cut = kDetailFieldBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  text.resize(cut);
  return text + "...";
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void add_failure(ImportTally& tally, formats::ItemFailure failure) {
  ++tally.failed;
  if (tally.failures.size() >= kStoredFailureLimit) return;
  failure.url = shortened(std::move(failure.url));
  failure.title = shortened(std::move(failure.title));
  failure.error = shortened(std::move(failure.error));
  tally.failures.push_back(std::move(failure));
}

std::string failed_details_json(const ImportTally& tally) {
  nlohmann::json list = nlohmann::json::array();
  for (const formats::ItemFailure& failure : tally.failures) {
    list.push_back(
        {{"index", failure.index}, {"error", failure.error}, {"url", failure.url}, {"title", failure.title}});
  }
  return dump(list);
}

std::string options_json(const ImportRequest& request) {
  return dump(
      {{"format",
        request.format == formats::BookmarkFormat::kUnknown ? "auto" : formats::format_name(request.format)},
       {"duplicates", duplicate_policy_name(request.duplicates)},
       {"tags", request.tags},
       {"folder_tags", request.folder_tags},
       {"batch_size", request.batch_size},
       {"failed_details_limit", kStoredFailureLimit}});
}

const char* duplicate_policy_name(domain::DuplicatePolicy policy) {
  switch (policy) {
    case domain::DuplicatePolicy::kSkip:
      return "skip";
    case domain::DuplicatePolicy::kOverwrite:
      return "overwrite";
    case domain::DuplicatePolicy::kMerge:
      return "merge";
  }
  return "skip";
}

}  // namespace pebble::bookmarks
