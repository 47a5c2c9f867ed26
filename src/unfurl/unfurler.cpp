#include "unfurl/unfurler.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "support/logging.h"

namespace pebble::unfurl {

namespace {

// A warning per page that could not be read; a debug line (-v) per page that was.
void log_page(const PageReport& report) {
  const bool failed = report.read.status != domain::UnfurlStatus::kSuccess;
  if (!failed && !spdlog::should_log(spdlog::level::debug)) return;
  nlohmann::json fields = {{"url", report.target.url},
                           {"status", domain::unfurl_status_name(report.read.status)},
                           {"duration_seconds", report.read.duration_seconds}};
  if (report.read.http_status) fields["http_status"] = *report.read.http_status;
  if (failed) fields["error"] = report.read.error;
  support::log_event(failed ? support::LogLevel::kWarn : support::LogLevel::kDebug,
                     failed ? "unfurl failed" : "page unfurled", fields);
}

// The conditional GET of a bookmark unfurled before; a first unfurl asks unconditionally.
http::FetchRequest request_for(const store::UnfurlTarget& target) {
  http::FetchRequest request{target.url, std::nullopt, std::nullopt};
  if (target.previous && target.previous->unfurled_at) {
    request.etag = target.previous->etag;
    request.last_modified = target.previous->last_modified;
  }
  return request;
}

}  // namespace

std::size_t UnfurlSummary::failed() const {
  const auto success = by_status.find(domain::unfurl_status_name(domain::UnfurlStatus::kSuccess));
  return pages - (success == by_status.end() ? 0 : success->second);
}

Unfurler::Unfurler(UnfurlStores stores, http::Fetcher& fetcher, metrics::MetricsRecorder& recorder,
                   UnfurlOptions options, const support::Clock& clock)
    : stores_(stores),
      fetcher_(fetcher),
      recorder_(recorder),
      options_(std::move(options)),
      clock_(clock),
      started_(std::chrono::steady_clock::now()) {
  options_.batch_size = std::max<std::size_t>(options_.batch_size, 1);
  for (const domain::UnfurlStatus status :
       {domain::UnfurlStatus::kSuccess, domain::UnfurlStatus::kNotFound, domain::UnfurlStatus::kError,
        domain::UnfurlStatus::kNotHtml, domain::UnfurlStatus::kBlocked}) {
    summary_.by_status[domain::unfurl_status_name(status)] = 0;
  }
}

void Unfurler::unfurl(const std::vector<store::UnfurlTarget>& targets, const PageSink& sink,
                      const std::atomic<bool>* stop) {
  for (std::size_t start = 0; start < targets.size() && !summary_.interrupted; start += options_.batch_size) {
    const auto end =
        targets.begin() + static_cast<std::ptrdiff_t>(std::min(targets.size(), start + options_.batch_size));
    unfurl_batch({targets.begin() + static_cast<std::ptrdiff_t>(start), end}, sink, stop);
  }
}

void Unfurler::unfurl_owner(std::int64_t owner_id, bool missing_only, std::optional<std::int64_t> limit,
                            const PageSink& sink, const std::atomic<bool>* stop) {
  std::int64_t after_id = 0;
  std::int64_t left = limit.value_or(INT64_MAX);
  while (left > 0 && !summary_.interrupted) {
    const std::size_t want = static_cast<std::size_t>(
        std::min<std::int64_t>(left, static_cast<std::int64_t>(options_.batch_size)));
    const std::vector<store::UnfurlTarget> targets =
        stores_.unfurls.unfurl_targets(owner_id, missing_only, after_id, want);
    if (targets.empty()) break;
    after_id = targets.back().bookmark_id;  // keyset: a page that stays missing is not met again
    left -= static_cast<std::int64_t>(targets.size());
    unfurl_batch(targets, sink, stop);
  }
}

void Unfurler::unfurl_batch(const std::vector<store::UnfurlTarget>& targets, const PageSink& sink,
                            const std::atomic<bool>* stop) {
  std::vector<http::FetchRequest> requests;
  requests.reserve(targets.size());
  for (const store::UnfurlTarget& target : targets) requests.push_back(request_for(target));
  fetcher_.fetch_all(
      requests,
      [&](std::size_t index, http::FetchResponse response) {
        if (response.failure == http::FetchFailure::kCancelled) {
          summary_.interrupted = true;  // an unfinished page is left as it was
          return;
        }
        PageReport report;
        report.target = targets[index];
        report.read = read_page(response, report.target.url);
        report.written =
            write_unfurl(stores_, recorder_, report.target, report.read, options_.write, clock_.now());
        log_page(report);
        count(report);
        if (sink) sink(report);
      },
      stop);
  if (stop != nullptr && stop->load()) summary_.interrupted = true;
}

void Unfurler::count(const PageReport& report) {
  ++summary_.pages;
  ++summary_.by_status[domain::unfurl_status_name(report.read.status)];
  if (report.written.filled.title) ++summary_.titles_filled;
  if (report.written.filled.description) ++summary_.descriptions_filled;
  if (report.written.filled.feed_url) ++summary_.feed_urls_filled;
  if (report.written.feed_subscribed) ++summary_.feeds_subscribed;
}

UnfurlSummary Unfurler::summary() const {
  UnfurlSummary summary = summary_;
  // Wall time on the steady clock: how long the run took, whatever `clock` says the date is.
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return summary;
}

}  // namespace pebble::unfurl
