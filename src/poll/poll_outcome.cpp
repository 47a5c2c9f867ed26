#include "poll/poll_outcome.h"

#include <algorithm>

#include "parse/item_fingerprint.h"
#include "parse/parse_feed.h"
#include "parse/sanitize_items.h"
#include "poll/cache_validators.h"
#include "poll/poll_schedule.h"

namespace pebble::poll {

namespace {

PollErrorReason reason_of(http::FetchFailure failure) {
  switch (failure) {
    case http::FetchFailure::kTimeout:
      return PollErrorReason::kTimeout;
    case http::FetchFailure::kDns:
      return PollErrorReason::kDns;
    case http::FetchFailure::kTls:
      return PollErrorReason::kTls;
    case http::FetchFailure::kTooLarge:
      return PollErrorReason::kTooLarge;
    case http::FetchFailure::kRedirects:
      return PollErrorReason::kRedirects;
    case http::FetchFailure::kConnect:
    case http::FetchFailure::kDenied:
    case http::FetchFailure::kCancelled:
    case http::FetchFailure::kNone:
      break;
  }
  return PollErrorReason::kConnect;
}

void fail(PollOutcome& outcome, PollErrorReason reason, std::string error) {
  outcome.status = PollStatus::kError;
  outcome.reason = reason;
  outcome.error = std::move(error);
}

std::string http_error_text(long status, const std::string& url) {
  return "HTTP " + std::to_string(status) + " from " + url;
}

}  // namespace

const char* poll_status_name(PollStatus status) {
  switch (status) {
    case PollStatus::kSuccess:
      return "success";
    case PollStatus::kNotModified:
      return "not_modified";
    case PollStatus::kNotFound:
      return "not_found";
    case PollStatus::kGone:
      return "gone";
    case PollStatus::kError:
      return "error";
  }
  return "error";
}

const char* poll_error_reason_name(PollErrorReason reason) {
  switch (reason) {
    case PollErrorReason::kNone:
      return "";
    case PollErrorReason::kTimeout:
      return "timeout";
    case PollErrorReason::kDns:
      return "dns";
    case PollErrorReason::kConnect:
      return "connect";
    case PollErrorReason::kTls:
      return "tls";
    case PollErrorReason::kHttp4xx:
      return "http_4xx";
    case PollErrorReason::kHttp5xx:
      return "http_5xx";
    case PollErrorReason::kTooLarge:
      return "too_large";
    case PollErrorReason::kRedirects:
      return "redirects";
    case PollErrorReason::kParse:
      return "parse";
  }
  return "";
}

bool is_failure(const PollOutcome& outcome) {
  return outcome.status == PollStatus::kError || outcome.status == PollStatus::kNotFound;
}

PollOutcome classify_response(const http::FetchResponse& response, const std::string& feed_url,
                              support::Timestamp now, std::size_t max_items,
                              const StoredFingerprints& stored) {
  PollOutcome outcome;
  outcome.duration_seconds = response.duration_seconds;
  if (response.failure != http::FetchFailure::kNone) {
    fail(outcome, reason_of(response.failure), response.error);
    return outcome;
  }
  const long status = response.status;
  outcome.http_status = static_cast<int>(status);
  // Stored and sent back as request headers next time: only values RFC 9110 allows.
  outcome.etag = conforming_entity_tag(response.etag);
  outcome.last_modified = conforming_http_date(response.last_modified);
  if (response.cache_control) outcome.max_age = cache_control_max_age(*response.cache_control);
  if ((status == 429 || status == 503) && response.retry_after) {
    outcome.retry_after = retry_after_time(*response.retry_after, now);
  }
  if (status == 304) {
    outcome.status = PollStatus::kNotModified;
  } else if (status == 410) {
    outcome.status = PollStatus::kGone;
    outcome.error = http_error_text(status, response.final_url);
  } else if (status == 404) {
    fail(outcome, PollErrorReason::kHttp4xx, http_error_text(status, response.final_url));
    outcome.status = PollStatus::kNotFound;
  } else if (status >= 500) {
    fail(outcome, PollErrorReason::kHttp5xx, http_error_text(status, response.final_url));
  } else if (status >= 400) {
    fail(outcome, PollErrorReason::kHttp4xx, http_error_text(status, response.final_url));
  } else if (status >= 300) {
    // A redirect libcurl did not follow: no Location, or a 300 Multiple Choices.
    fail(outcome, PollErrorReason::kRedirects,
         http_error_text(status, response.final_url) + " without a usable Location");
  } else if (status != 200) {
    fail(outcome, PollErrorReason::kParse,
         http_error_text(status, response.final_url) + " is not a feed response");
  } else {
    try {
      // Relative references resolve against xml:base, else Content-Location, else the final URL.
      outcome.feed = parse::parse_feed(
          response.body, parse::document_base_url(response.final_url, response.content_location),
          response.content_type.value_or(""), max_items);
      // Only the items that are kept (--max-items) and not as stored pay for sanitizing.
      parse::fingerprint_items(*outcome.feed);
      if (stored) outcome.unchanged_guids = take_unchanged_items(*outcome.feed, stored, feed_url);
      parse::sanitize_items(*outcome.feed);
      outcome.status = PollStatus::kSuccess;
    } catch (const std::exception& error) {  // FeedParseError, or a resource failure on hostile input
      fail(outcome, PollErrorReason::kParse, response.final_url + ": " + error.what());
      return outcome;
    }
    const auto& hops = response.redirect_statuses;
    const bool permanent = !hops.empty() && std::all_of(hops.begin(), hops.end(),
                                                        [](long hop) { return hop == 301 || hop == 308; });
    if (permanent && response.final_url != feed_url) outcome.moved_to = response.final_url;
  }
  return outcome;
}

}  // namespace pebble::poll
