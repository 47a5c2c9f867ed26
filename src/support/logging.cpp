#include "support/logging.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "support/ascii_text.h"
#include "support/redact.h"
#include "support/time.h"

namespace pebble::support {

namespace {

constexpr std::array<std::pair<std::string_view, LogLevel>, 8> kLevelNames{{
    {"trace", LogLevel::kTrace},
    {"debug", LogLevel::kDebug},
    {"info", LogLevel::kInfo},
    {"warn", LogLevel::kWarn},
    {"warning", LogLevel::kWarn},
    {"error", LogLevel::kError},
    {"critical", LogLevel::kCritical},
    {"off", LogLevel::kOff},
}};

spdlog::level::level_enum to_spdlog(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace:
      return spdlog::level::trace;
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarn:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
    case LogLevel::kCritical:
      return spdlog::level::critical;
    case LogLevel::kOff:
      return spdlog::level::off;
  }
  return spdlog::level::info;
}

// One JSON object per line; nlohmann escapes the message, which spdlog patterns cannot do.
class JsonStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit JsonStderrSink(std::string command) : command_(std::move(command)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(message.time.time_since_epoch()).count();
    nlohmann::json line = {
        {"time", format_iso_micros(Timestamp{micros})},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())},
        {"command", command_},
        {"msg", redact_credentials(std::string_view(message.payload.data(), message.payload.size()))},
    };
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  std::string command_;
};

// The text sink: spdlog's pattern on stderr, with every URL's credentials masked first, so no
// message (a feed URL with user:token@, a database URL libpq echoes) writes a secret.
class TextStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const std::string redacted =
        redact_credentials(std::string_view(message.payload.data(), message.payload.size()));
    spdlog::details::log_msg copy = message;
    copy.payload = spdlog::string_view_t(redacted.data(), redacted.size());
    spdlog::memory_buf_t formatted;
    formatter_->format(copy, formatted);
    std::fwrite(formatted.data(), 1, formatted.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

std::optional<LogLevel> log_level_from_name(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (const auto& [level_name, level] : kLevelNames) {
    if (lower == level_name) return level;
  }
  return std::nullopt;
}

void setup_logging(LogLevel level, LogFormat format, const std::string& command) {
  std::shared_ptr<spdlog::logger> logger;
  if (format == LogFormat::kJson) {
    logger = std::make_shared<spdlog::logger>("pebble", std::make_shared<JsonStderrSink>(command));
  } else {
    logger = std::make_shared<spdlog::logger>("pebble", std::make_shared<TextStderrSink>());
    const std::string prefix = command.empty() ? "pebble" : "pebble " + command;
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ " + prefix + ": %v", spdlog::pattern_time_type::utc);
  }
  logger->set_level(to_spdlog(level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace pebble::support
