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
#include "support/clock.h"
#include "support/redact.h"
#include "support/time.h"

namespace pebble::support {

namespace {

// The format setup_logging installed, for log_summary.
LogFormat log_format = LogFormat::kText;

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

// The fields of the event being logged on this thread. spdlog's synchronous logger runs its sinks
// on the caller's thread, so a sink sees exactly the fields of the call that reached it.
thread_local const nlohmann::json* t_event_fields = nullptr;

// `value` with the credentials of every URL in every string masked, at any depth.
nlohmann::json redacted(const nlohmann::json& value) {
  if (value.is_string()) return redact_credentials(value.get_ref<const std::string&>());
  if (!value.is_structured()) return value;
  nlohmann::json copy = value;
  for (auto& member : copy) member = redacted(member);
  return copy;
}

// One JSON record: time, level, command and msg first, then the event's own fields.
std::string json_record(Timestamp time, std::string_view level, const std::string& command,
                        std::string_view message, const nlohmann::json* fields) {
  nlohmann::ordered_json line = {
      {"time", format_iso_micros(time)},
      {"level", level},
      {"command", command},
      {"msg", redact_credentials(message)},
  };
  if (fields != nullptr && fields->is_object()) {
    for (const auto& [key, value] : fields->items()) {
      if (!line.contains(key)) line[key] = redacted(value);
    }
  }
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// One JSON object per line; nlohmann escapes the message, which spdlog patterns cannot do.
class JsonStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit JsonStderrSink(std::string command) : command_(std::move(command)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(message.time.time_since_epoch()).count();
    const spdlog::string_view_t level = spdlog::level::to_string_view(message.level);
    const std::string text =
        json_record(Timestamp{micros}, std::string_view(level.data(), level.size()), command_,
                    std::string_view(message.payload.data(), message.payload.size()), t_event_fields);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }

 private:
  std::string command_;
};

// A field value as logfmt writes it: bare when it is one word, else a quoted JSON string.
std::string logfmt_value(const nlohmann::json& value) {
  if (!value.is_string()) return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string& text = value.get_ref<const std::string&>();
  const bool bare = !text.empty() && text.find_first_of(" \"=\\\t\r\n") == std::string::npos;
  return bare ? text : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// " key=value key=value" of the event's fields, for the end of a text line.
std::string logfmt_fields(const nlohmann::json* fields) {
  std::string text;
  if (fields == nullptr || !fields->is_object()) return text;
  for (const auto& [key, value] : fields->items()) text += " " + key + "=" + logfmt_value(value);
  return text;
}

// The text sink: spdlog's pattern on stderr, with every URL's credentials masked first, so no
// message (a feed URL with user:token@, a database URL libpq echoes) writes a secret.
class TextStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const std::string redacted = redact_credentials(
        std::string(message.payload.data(), message.payload.size()) + logfmt_fields(t_event_fields));
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
  log_format = format;
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

void log_event(LogLevel level, std::string_view message, const nlohmann::json& fields) {
  t_event_fields = &fields;
  spdlog::log(to_spdlog(level), "{}", message);
  t_event_fields = nullptr;
}

void log_summary(std::string_view text, std::string_view message, const nlohmann::json& fields) {
  if (log_format == LogFormat::kJson) {
    log_event(LogLevel::kInfo, message, fields);
  } else {
    spdlog::info("{}", text);
  }
}

void log_fatal(LogFormat format, const std::string& command, std::string_view message, int exit_code) {
  std::string line;
  if (format == LogFormat::kJson) {
    const nlohmann::json fields = {{"exit_code", exit_code}};
    line = json_record(system_clock().now(), "error", command, message, &fields);
  } else {
    line = "pebble" + (command.empty() ? "" : " " + command) + ": " + redact_credentials(message) + "\n";
  }
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace pebble::support
