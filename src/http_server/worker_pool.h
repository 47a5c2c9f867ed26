#pragma once
// A fixed set of threads running queued jobs in order: where HttpServer runs its handlers, off the
// event-loop thread. std-only.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pebble::http_server {

// The pool; jobs submitted before stop() all run.
class WorkerPool {
 public:
  // Starts `threads` threads (at least one).
  explicit WorkerPool(int threads);
  // Runs what is queued, then joins.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues a job; it must not throw.
  void submit(std::function<void()> job);
  // Lets the threads finish every queued job, then joins them. Safe to call twice.
  void stop();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool exiting_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pebble::http_server
