// The batch runner against a real sqlite::memory: store and a fake Pushgateway: what it records,
// what it pushes and which exit code it returns (SPEC §8).
#include "batch/batch_job.h"

#include <memory>
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "metrics/exposition.h"
#include "metrics/row_write_counters.h"
#include "store/open_store.h"

using pebble::config::Config;
using pebble::store::Store;
using pebble::support::Error;
using pebble::support::ExitCode;
using pebble::support::ManualClock;
using pebble::support::Timestamp;
using namespace pebble::batch;

namespace {

constexpr std::int64_t kStart = 1700000000;

// A Pushgateway that keeps every request and answers with `result`.
class FakePusher : public pebble::http::MetricsPusher {
 public:
  pebble::http::PushResult push(const pebble::http::PushRequest& request) override {
    requests.push_back(request);
    return result;
  }
  std::vector<pebble::http::PushRequest> requests;
  pebble::http::PushResult result{true, 1, 200, ""};
};

// What every test runs on: a fresh store, a clock at kStart, a fake Pushgateway and a Config
// naming it.
struct Harness {
  std::unique_ptr<Store> store = pebble::store::open_store("sqlite::memory:");
  ManualClock clock{Timestamp::from_seconds(kStart)};
  FakePusher pusher;
  Config config = [] {
    Config gateway_config;
    gateway_config.database_url = "sqlite::memory:";
    gateway_config.pushgateway_url = "http://gateway.test:9091";
    return gateway_config;
  }();
  // What after_recorded was told about the push; nullopt while it has not been called.
  std::optional<bool> reported_push;

  // Work that records one user insert, takes 5 s and ends with `status` and `code`; it reports
  // its after_recorded call into reported_push.
  BatchWork work_ending(JobStatus status, ExitCode code) {
    BatchWork work;
    work.run = [this, status, code](BatchContext& context) {
      pebble::metrics::record_inserts(context.recorder, pebble::metrics::kModelUser);
      clock.advance(std::chrono::seconds(5));
      return BatchOutcome{status, {{"items", 3}}, code};
    };
    work.after_recorded = [this](Store&, bool pushed) { reported_push = pushed; };
    return work;
  }

  // run_batch_job_on with this harness.
  ExitCode run(std::string_view command, const BatchWork& work) {
    return run_batch_job_on(*store, config, command, work, pusher, clock);
  }

  // run() for work that must throw: the pebble::Error it rethrew.
  Error run_throwing(std::string_view command, const BatchWork& work) {
    try {
      run(command, work);
    } catch (const Error& error) {
      return error;
    }
    FAIL("the work's error was not rethrown");
    return Error("unreachable");
  }

  // The store's only job run.
  pebble::domain::JobRun only_run() {
    const auto runs = store->latest_job_runs();
    REQUIRE(runs.size() == 1);
    return runs.front().last_run;
  }

  // The stored value of one counter series, 0 when absent.
  double counter(const std::string& command, const std::string& family, const std::string& labels = "") {
    for (const auto& value : store->read_counters()) {
      if (value.command == command && value.family == family && value.labels == labels) return value.value;
    }
    return 0;
  }
};

}  // namespace

TEST_CASE_METHOD(Harness, "a finished run is recorded with its metrics and pushed under job/pebble/command",
                 "[batch]") {
  CHECK(run("import", work_ending(JobStatus::kPartial, ExitCode::kPartial)) == ExitCode::kPartial);

  const pebble::domain::JobRun job_run = only_run();
  CHECK(job_run.command == "import");
  CHECK(job_run.status == "partial");
  CHECK(job_run.summary_json == R"({"items":3})");
  CHECK(job_run.started_at == Timestamp::from_seconds(kStart));
  CHECK(job_run.finished_at == Timestamp::from_seconds(kStart + 5));
  CHECK(store->read_counters().size() == 1);
  CHECK(counter("import", "pebble_model_inserts_total", R"(model="user")") == 1);

  REQUIRE(pusher.requests.size() == 1);
  const pebble::http::PushRequest& request = pusher.requests.front();
  CHECK(request.base_url == "http://gateway.test:9091");
  CHECK(request.grouping == pebble::http::GroupingKey{{"job", "pebble"}, {"command", "import"}});
  CHECK(request.timeout == config.push_timeout);
  CHECK(request.body == *pebble::metrics::render_push_body(*store, config.metrics, "import", clock));
  CHECK_THAT(request.body, Catch::Contains("\npebble_model_inserts_total{model=\"user\"} 1\n"));
  CHECK(reported_push == true);
}

TEST_CASE_METHOD(Harness, "nothing is pushed without a Pushgateway or with metrics disabled", "[batch]") {
  SECTION("no Pushgateway configured") {
    config.pushgateway_url.reset();
  }
  SECTION("metrics disabled") {
    config.metrics.enabled = false;
  }

  CHECK(run("export", work_ending(JobStatus::kOk, ExitCode::kOk)) == ExitCode::kOk);
  CHECK(pusher.requests.empty());
  CHECK(reported_push == false);
  CHECK(only_run().status == "ok");
}

TEST_CASE_METHOD(Harness, "a failed push is counted in the store and fails the run only with --push-required",
                 "[batch]") {
  pusher.result = {false, 2, 503, "HTTP 503"};
  const BatchWork work = work_ending(JobStatus::kOk, ExitCode::kOk);

  CHECK(run("poll-feeds", work) == ExitCode::kOk);
  CHECK(counter("poll-feeds", "pebble_pushgateway_push_failures_total") == 1);
  CHECK(reported_push == false);

  config.push_required = true;
  CHECK(run("poll-feeds", work) == ExitCode::kFailure);
  CHECK(counter("poll-feeds", "pebble_pushgateway_push_failures_total") == 2);
  CHECK(pusher.requests.size() == 2);
  CHECK(only_run().status == "ok");  // the push never changes what the run was
}

TEST_CASE_METHOD(Harness, "a dry run records and pushes nothing", "[batch]") {
  BatchWork work = work_ending(JobStatus::kOk, ExitCode::kInterrupted);
  work.dry_run = true;
  SECTION("when it returns") {
    CHECK(run("import", work) == ExitCode::kInterrupted);
    CHECK_FALSE(reported_push.has_value());
  }
  SECTION("when it throws") {
    work.run = [](BatchContext&) -> BatchOutcome { throw Error("unreadable", ExitCode::kUsage); };
    CHECK(run_throwing("import", work).code() == ExitCode::kUsage);
  }
  CHECK(store->latest_job_runs().empty());
  CHECK(store->read_counters().empty());
  CHECK(pusher.requests.empty());
}

TEST_CASE_METHOD(Harness, "a thrown error is recorded as a failed run, pushed and rethrown with its own code",
                 "[batch]") {
  pusher.result = {false, 1, 0, "connection refused"};
  config.push_required = true;  // a failed push must not replace the error's code
  BatchWork work = work_ending(JobStatus::kOk, ExitCode::kOk);
  work.run = [this](BatchContext& context) -> BatchOutcome {
    pebble::metrics::record_inserts(context.recorder, pebble::metrics::kModelUser);
    clock.advance(std::chrono::seconds(2));
    throw pebble::support::UsageError("--tag: a tag name may not be empty");
  };

  const Error error = run_throwing("export", work);
  CHECK(error.code() == ExitCode::kUsage);
  CHECK(std::string(error.what()) == "--tag: a tag name may not be empty");
  const pebble::domain::JobRun job_run = only_run();
  CHECK(job_run.status == "failed");
  CHECK(job_run.summary_json == R"({"error":"--tag: a tag name may not be empty"})");
  CHECK(job_run.finished_at == Timestamp::from_seconds(kStart + 2));
  CHECK(counter("export", "pebble_model_inserts_total", R"(model="user")") == 1);  // flushed with the run
  CHECK(pusher.requests.size() == 1);
  CHECK(counter("export", "pebble_pushgateway_push_failures_total") == 1);
  CHECK_FALSE(reported_push.has_value());
}

TEST_CASE_METHOD(Harness, "an interruption keeps what the work finished, with the status the command chose",
                 "[batch]") {
  BatchWork work;
  work.run = [](BatchContext& context) -> BatchOutcome {
    context.summary["bookmarks"] = {{"created", 3}};
    throw Error("interrupted after step 1", ExitCode::kInterrupted);
  };
  std::string expected_status = "failed";
  SECTION("failed by default") {}
  SECTION("partial when the command says so") {
    work.interrupted_status = JobStatus::kPartial;
    expected_status = "partial";
  }

  CHECK(run_throwing("test-metrics", work).code() == ExitCode::kInterrupted);
  const pebble::domain::JobRun job_run = only_run();
  CHECK(job_run.status == expected_status);
  CHECK(job_run.summary_json == R"({"bookmarks":{"created":3},"error":"interrupted after step 1"})");
  CHECK(pusher.requests.size() == 1);
}
