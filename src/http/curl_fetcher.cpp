// The libcurl multi-interface Fetcher: one event loop drives every transfer; our own queue enforces
// --concurrency and --per-host (counting transfers, which HTTP/2 multiplexing would otherwise hide
// from CURLMOPT_MAX_HOST_CONNECTIONS), and one multi handle keeps connections alive between batches.
#include <deque>
#include <map>
#include <memory>

#include <curl/curl.h>

#include "http/curl_init.h"
#include "http/curl_module.h"
#include "http/curl_transfer.h"
#include "http/http_client.h"
#include "http/user_agent.h"
#include "support/error.h"

namespace pebble::http {

namespace {

class CurlFetcher : public Fetcher {
 public:
  explicit CurlFetcher(const FetcherOptions& options) : options_(options) {
    if (options_.user_agent.empty()) options_.user_agent = default_user_agent();
    ensure_curl_initialized();
    multi_ = curl_multi_init();
    if (multi_ == nullptr) throw support::Error("cannot initialise the libcurl multi handle");
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options_.per_host));
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.concurrency * 2));
  }
  ~CurlFetcher() override { curl_multi_cleanup(multi_); }
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;

  void fetch_all(const std::vector<FetchRequest>& requests, const FetchDone& done,
                 const std::atomic<bool>* stop) override {
    Batch batch(multi_);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      batch.pending.push_back(i);
      batch.hosts.push_back(url_host(requests[i].url));
    }
    while (!batch.pending.empty() || !batch.active.empty()) {
      if (stop != nullptr && stop->load()) {
        cancel_everything(batch, requests, done);
        return;
      }
      start_more(batch, requests);
      int running = 0;
      curl_multi_perform(multi_, &running);
      report_finished(batch, done);
      if (!batch.active.empty()) curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
    }
  }

 private:
  // The transfers of one fetch_all call; whatever is still attached when it ends (an exception from
  // `done`) is detached from the multi handle before the easy handles are freed.
  struct Batch {
    explicit Batch(CURLM* multi_handle) : multi(multi_handle) {}
    ~Batch() {
      for (auto& [handle, transfer] : active) curl_multi_remove_handle(multi, handle);
    }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    CURLM* multi;
    std::deque<std::size_t> pending;
    std::map<CURL*, std::unique_ptr<CurlTransfer>> active;
    std::vector<std::string> hosts;  // per request index
    std::map<std::string, int> active_per_host;
  };

  void start_more(Batch& batch, const std::vector<FetchRequest>& requests) {
    for (auto it = batch.pending.begin();
         it != batch.pending.end() && static_cast<int>(batch.active.size()) < options_.concurrency;) {
      int& host_count = batch.active_per_host[batch.hosts[*it]];
      if (host_count >= options_.per_host) {
        ++it;
        continue;
      }
      auto transfer = std::make_unique<CurlTransfer>(*it, requests[*it], options_);
      ++host_count;
      curl_multi_add_handle(multi_, transfer->handle());
      batch.active.emplace(transfer->handle(), std::move(transfer));
      it = batch.pending.erase(it);
    }
  }

  void report_finished(Batch& batch, const FetchDone& done) {
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto found = batch.active.find(message->easy_handle);
      if (found == batch.active.end()) continue;
      const CURLcode code = message->data.result;
      std::unique_ptr<CurlTransfer> transfer = std::move(found->second);
      batch.active.erase(found);
      curl_multi_remove_handle(multi_, transfer->handle());
      --batch.active_per_host[transfer->host()];
      done(transfer->index(), transfer->finish(static_cast<int>(code)));
    }
  }

  void cancel_everything(Batch& batch, const std::vector<FetchRequest>& requests, const FetchDone& done) {
    while (!batch.active.empty()) {
      auto first = batch.active.begin();
      std::unique_ptr<CurlTransfer> transfer = std::move(first->second);
      batch.active.erase(first);
      curl_multi_remove_handle(multi_, transfer->handle());
      done(transfer->index(), transfer->cancel());
    }
    while (!batch.pending.empty()) {
      const std::size_t index = batch.pending.front();
      batch.pending.pop_front();
      done(index, CurlTransfer(index, requests[index], options_).cancel());
    }
  }

  FetcherOptions options_;
  CURLM* multi_ = nullptr;
};

}  // namespace

std::unique_ptr<Fetcher> new_curl_fetcher(const FetcherOptions& options) {
  return std::make_unique<CurlFetcher>(options);
}

}  // namespace pebble::http
