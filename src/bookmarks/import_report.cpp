#include "bookmarks/import_report.h"

#include <cstdio>

namespace pebble::bookmarks {

namespace {

std::size_t reported_failures(const ImportSummary& summary) {
  return std::min(summary.tally.failures.size(), kReportedFailureLimit);
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

}  // namespace

nlohmann::json summary_json(const ImportSummary& summary) {
  const ImportTally& tally = summary.tally;
  nlohmann::json failures = nlohmann::json::array();
  for (std::size_t i = 0; i < reported_failures(summary); ++i) {
    const formats::ItemFailure& failure = tally.failures[i];
    failures.push_back(
        {{"index", failure.index}, {"error", failure.error}, {"url", failure.url}, {"title", failure.title}});
  }
  nlohmann::json json = {{"source", summary.source},   {"format", summary.format},
                         {"dry_run", summary.dry_run}, {"status", summary.status},
                         {"total", tally.total},       {"created", tally.created},
                         {"updated", tally.updated},   {"skipped", tally.skipped},
                         {"failed", tally.failed},     {"feeds_created", tally.feeds_created},
                         {"failures", failures},       {"duration_seconds", summary.seconds}};
  json["job_id"] = summary.dry_run ? nlohmann::json() : nlohmann::json(summary.job_id);
  return json;
}

std::string summary_text(const ImportSummary& summary) {
  const ImportTally& tally = summary.tally;
  std::string text = summary.dry_run
                         ? "dry run (nothing written): "
                         : "import job " + std::to_string(summary.job_id) + " " + summary.status + ": ";
  text += summary.source + " (" + summary.format + "): ";
  const char* verb = summary.dry_run ? " would be " : " ";
  text += std::to_string(tally.total) + " item(s): " + std::to_string(tally.created) + verb + "created, " +
          std::to_string(tally.updated) + verb + "updated, " + std::to_string(tally.skipped) + verb +
          "skipped, " + std::to_string(tally.failed) + " failed; " + std::to_string(tally.feeds_created) +
          " feed(s)" + verb + "added; " + seconds_text(summary.seconds) + " s\n";
  for (std::size_t i = 0; i < reported_failures(summary); ++i) {
    const formats::ItemFailure& failure = tally.failures[i];
    text += "  item " + std::to_string(failure.index) + ": " + failure.error;
    if (!failure.url.empty()) text += " (" + failure.url + ")";
    text += "\n";
  }
  if (tally.failed > static_cast<std::int64_t>(reported_failures(summary))) {
    text += "  ... and " +
            std::to_string(tally.failed - static_cast<std::int64_t>(reported_failures(summary))) + " more" +
            (summary.dry_run ? ""
                             : " (up to " + std::to_string(kStoredFailureLimit) +
                                   " are kept in import_jobs.failed_details)") +
            "\n";
  }
  return text;
}

}  // namespace pebble::bookmarks
