// The curl half of the push client. The easy interface is enough: one PUT at the end of a command.
#include "http/push_client.h"

#include <algorithm>
#include <memory>
#include <thread>

#include <curl/curl.h>

#include "http/curl_init.h"
#include "http/curl_module.h"
#include "support/error.h"
#include "support/redact.h"
#include "support/version.h"

namespace pebble::http {

namespace {

// At most this much of a response body is kept, for the first line of an error text.
constexpr std::size_t kMaxCapturedBody = 4096;
constexpr std::size_t kMaxErrorDetail = 200;
// A short pause before the retry, so a Pushgateway that is restarting gets a moment.
constexpr auto kRetryPause = std::chrono::milliseconds(200);

// The result of one HTTP request.
struct Attempt {
  bool ok = false;
  bool worth_retrying = true;
  long http_status = 0;
  std::string error;
};

// Collects the response body (bounded) so it never reaches stdout, curl's default.
std::size_t capture_body(char* data, std::size_t size, std::size_t count, void* user_data) {
  auto* body = static_cast<std::string*>(user_data);
  const std::size_t bytes = size * count;
  if (body->size() < kMaxCapturedBody) body->append(data, std::min(bytes, kMaxCapturedBody - body->size()));
  return bytes;
}

// The first line of a response body, printable and short, for an error message.
std::string first_line(std::string_view body) {
  std::string line(body.substr(0, std::min(body.find('\n'), kMaxErrorDetail)));
  std::replace_if(
      line.begin(), line.end(), [](char letter) { return static_cast<unsigned char>(letter) < 0x20; }, ' ');
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// `text` (a Pushgateway's answer may quote the request) without the URL's secret or any userinfo.
std::string scrub_credentials(std::string text, std::string_view url) {
  return support::redact_credentials(support::scrub(std::move(text), support::secret_in_url(url)));
}

Attempt attempt_push(const std::string& url, const PushRequest& request) {
  Attempt attempt;
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  curl_slist* header_list = curl_slist_append(nullptr, "Content-Type: text/plain; version=0.0.4");
  header_list = curl_slist_append(header_list, "Expect:");  // no 100-continue round trip
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(header_list,
                                                                            &curl_slist_free_all);
  if (!curl || !headers) {
    attempt.error = "cannot initialise libcurl";
    return attempt;
  }
  std::string response_body;
  char error_buffer[CURL_ERROR_SIZE] = {};
  const std::string user_agent = std::string("pebble/") + support::version();
  const long timeout_ms = static_cast<long>(request.timeout.count());
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &capture_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response_body);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);

  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    attempt.error =
        error_buffer[0] != '\0' ? std::string(error_buffer) : std::string(curl_easy_strerror(code));
    return attempt;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &attempt.http_status);
  if (attempt.http_status >= 200 && attempt.http_status < 300) {
    attempt.ok = true;
    return attempt;
  }
  attempt.error = "HTTP " + std::to_string(attempt.http_status);
  if (attempt.http_status >= 300 && attempt.http_status < 400) attempt.error += " redirect (not followed)";
  if (const std::string detail = first_line(response_body); !detail.empty()) attempt.error += ": " + detail;
  const long status = attempt.http_status;
  attempt.worth_retrying = status >= 500 || status == 408 || status == 429 || status < 300;
  return attempt;
}

}  // namespace

PushResult curl_push(const PushRequest& request) {
  PushResult result;
  try {
    ensure_curl_initialized();
  } catch (const support::Error& failure) {
    result.error = failure.what();
    return result;
  }
  std::string base = request.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string shown_base = support::redact_credentials(base);
  if (base.empty()) {
    result.error = "push failed: no Pushgateway URL";
    return result;
  }
  std::string url;
  try {
    url = base + grouping_path(request.grouping);
  } catch (const support::Error& failure) {
    result.error = "push to " + shown_base + " failed: " + failure.what();
    return result;
  }
  const int max_attempts = 1 + std::max(0, request.retries);
  Attempt attempt;
  while (result.attempts < max_attempts) {
    if (result.attempts > 0) std::this_thread::sleep_for(kRetryPause);
    attempt = attempt_push(url, request);
    ++result.attempts;
    if (attempt.ok || !attempt.worth_retrying) break;
  }
  result.ok = attempt.ok;
  result.http_status = attempt.http_status;
  if (!result.ok) {
    const std::string tries =
        result.attempts == 1 ? "1 attempt" : std::to_string(result.attempts) + " attempts";
    result.error = scrub_credentials(
        "push to " + support::redact_credentials(url) + " failed after " + tries + ": " + attempt.error,
        base);
  }
  return result;
}

}  // namespace pebble::http
