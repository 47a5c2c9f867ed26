#include "metrics/text_parser.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>

#include "metrics/labels.h"
#include "support/error.h"

namespace pebble::metrics {
namespace {

// One sample line split into its parts.
struct SampleLine {
  std::string name;
  LabelPairs labels;
  double value = 0;
};

[[noreturn]] void fail(std::size_t line_number, const std::string& what) {
  throw support::Error("metrics text: line " + std::to_string(line_number) + ": " + what);
}

double parse_value(std::string_view text, std::size_t line_number) {
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (auto value = parse_bucket_bound(text)) return *value;
  fail(line_number, "not a number: " + std::string(text));
}

SampleLine parse_sample(std::string_view line, std::size_t line_number) {
  SampleLine sample;
  std::size_t position = line.find_first_of("{ \t");
  if (position == std::string_view::npos) fail(line_number, "a sample needs a value");
  sample.name = std::string(line.substr(0, position));
  if (line[position] == '{') {
    std::size_t end = position + 1;
    bool quoted = false;
    for (; end < line.size(); ++end) {
      if (quoted && line[end] == '\\') {
        ++end;
      } else if (line[end] == '"') {
        quoted = !quoted;
      } else if (!quoted && line[end] == '}') {
        break;
      }
    }
    if (end >= line.size()) fail(line_number, "unterminated label set");
    try {
      sample.labels = parse_labels(line.substr(position + 1, end - position - 1));
    } catch (const support::Error& error) {
      fail(line_number, error.what());
    }
    position = end + 1;
  }
  std::string_view rest = line.substr(position);
  rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
  std::string_view value = rest.substr(0, rest.find_first_of(" \t"));  // a timestamp may follow
  sample.value = parse_value(value, line_number);
  return sample;
}

prometheus::MetricType type_from_text(std::string_view text) {
  if (text == "counter") return prometheus::MetricType::Counter;
  if (text == "gauge") return prometheus::MetricType::Gauge;
  if (text == "histogram") return prometheus::MetricType::Histogram;
  if (text == "summary") return prometheus::MetricType::Summary;
  return prometheus::MetricType::Untyped;
}

std::string unescape_help(std::string_view text) {
  std::string help;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '\\' && index + 1 < text.size() &&
        (text[index + 1] == 'n' || text[index + 1] == '\\')) {
      help += text[++index] == 'n' ? '\n' : '\\';
    } else {
      help += text[index];
    }
  }
  return help;
}

// Builds the families line by line.
class Parser {
 public:
  void comment(std::string_view line) {
    std::string_view body = line.substr(1);
    body.remove_prefix(std::min(body.find_first_not_of(' '), body.size()));
    bool help = body.starts_with("HELP ");
    if (!help && !body.starts_with("TYPE ")) return;  // any other comment
    body.remove_prefix(5);
    std::size_t space = body.find(' ');
    std::string name(body.substr(0, space));
    std::string_view rest = space == std::string_view::npos ? "" : body.substr(space + 1);
    prometheus::MetricFamily& family = family_named(name);
    if (help) {
      family.help = unescape_help(rest);
    } else {
      family.type = type_from_text(rest);
    }
  }

  void sample(const SampleLine& line) {
    for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
      if (!line.name.ends_with(suffix)) continue;
      std::string base = line.name.substr(0, line.name.size() - suffix.size());
      auto found = index_.find(base);
      if (found != index_.end() && families_[found->second].type == prometheus::MetricType::Histogram) {
        histogram_sample(families_[found->second], suffix, line);
        return;
      }
    }
    prometheus::MetricFamily& family = family_named(line.name);
    prometheus::ClientMetric metric;
    for (const auto& [name, value] : line.labels) metric.label.push_back({name, value});
    metric.counter.value = metric.gauge.value = metric.untyped.value = line.value;
    family.metric.push_back(std::move(metric));
  }

  std::vector<prometheus::MetricFamily> take() {
    for (auto& family : families_) {
      for (auto& metric : family.metric) {
        std::sort(metric.histogram.bucket.begin(), metric.histogram.bucket.end(),
                  [](const auto& left, const auto& right) { return left.upper_bound < right.upper_bound; });
      }
    }
    return std::move(families_);
  }

 private:
  prometheus::MetricFamily& family_named(const std::string& name) {
    auto [found, inserted] = index_.emplace(name, families_.size());
    if (inserted)
      families_.push_back(prometheus::MetricFamily{name, "", prometheus::MetricType::Untyped, {}});
    return families_[found->second];
  }

  void histogram_sample(prometheus::MetricFamily& family, std::string_view suffix, const SampleLine& line) {
    LabelPairs labels;
    std::optional<double> upper_bound;
    for (const auto& pair : line.labels) {
      if (pair.first == "le") {
        upper_bound = parse_bucket_bound(pair.second);
      } else {
        labels.push_back(pair);
      }
    }
    std::vector<prometheus::ClientMetric::Label> metric_labels;
    for (const auto& [name, value] : labels) metric_labels.push_back({name, value});
    auto metric = std::find_if(family.metric.begin(), family.metric.end(),
                               [&](const auto& candidate) { return candidate.label == metric_labels; });
    if (metric == family.metric.end()) {
      family.metric.emplace_back();
      family.metric.back().label = metric_labels;
      metric = family.metric.end() - 1;
    }
    if (suffix == "_sum") {
      metric->histogram.sample_sum = line.value;
    } else if (suffix == "_count") {
      metric->histogram.sample_count = static_cast<std::uint64_t>(line.value);
    } else if (upper_bound) {
      metric->histogram.bucket.push_back({static_cast<std::uint64_t>(line.value), *upper_bound});
    }
  }

  std::vector<prometheus::MetricFamily> families_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace

std::vector<prometheus::MetricFamily> parse_text(std::string_view text) {
  Parser parser;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.front() == '#') {
      parser.comment(line);
    } else {
      parser.sample(parse_sample(line, line_number));
    }
  }
  return parser.take();
}

}  // namespace pebble::metrics
