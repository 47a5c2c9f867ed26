#pragma once
// How an unfurl reports: the --json object and the stdout line of each page, and the summary line
// and job_runs summary of a run.
#include <string>

#include <nlohmann/json.hpp>

#include "unfurl/unfurler.h"

namespace pebble::unfurl {

// The --json object of one page: bookmark, outcome, what the page says and which fields were filled.
nlohmann::ordered_json page_report_json(const PageReport& report);

// The stdout line of a page that was read: "unfurled bookmark 5 URL: TITLE (filled title, feed_url)".
std::string page_report_line(const PageReport& report);

// "unfurled 12 page(s) in 1.40 s: 9 success, 1 not_found, 1 error, 1 not_html, 0 blocked; filled 7
// title(s), 5 description(s), 3 feed URL(s) (2 new feed(s))".
std::string unfurl_summary_text(const UnfurlSummary& summary);

// The summary as job_runs.summary JSON.
nlohmann::json unfurl_summary_json(const UnfurlSummary& summary);

}  // namespace pebble::unfurl
