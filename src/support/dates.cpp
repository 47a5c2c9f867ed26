#include "support/dates.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "support/ascii_text.h"

namespace pebble::support {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

struct NamedZone {
  std::string_view name;
  int offset_minutes;
};

// RFC 822 names plus the abbreviations feeds commonly use instead of numeric offsets.
constexpr std::array<NamedZone, 22> kZones = {{
    {"ut", 0},      {"utc", 0},     {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240},
    {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
    {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"bst", 60},   {"cet", 60},   {"cest", 120},
    {"eet", 120},   {"eest", 180},  {"jst", 540},  {"ist", 330},
}};

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool all_alpha(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits.substr(0, 9)) value = value * 10 + (c - '0');
  return value;
}

bool is_leap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// The fields a date names, filled in by whichever syntax recognised them.
struct DateFields {
  std::int64_t year = -1;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::int64_t micros = 0;
  int offset_minutes = 0;
};

// The instant of fields already checked for range; a leap second counts as :59.
Timestamp instant_of(const DateFields& f) {
  const std::int64_t days =
      days_from_civil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day));
  const std::int64_t seconds = days * 86400 + f.hour * 3600 + f.minute * 60 +
                               (f.second == 60 ? 59 : f.second) -
                               static_cast<std::int64_t>(f.offset_minutes) * 60;
  return Timestamp{seconds * 1000000 + f.micros};
}

std::optional<Timestamp> to_timestamp(const DateFields& f) {
  if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1 ||
      f.day > days_in_month(f.year, f.month) || f.hour > 24 || f.minute > 59 || f.second > 60) {
    return std::nullopt;
  }
  return instant_of(f);
}

// `+hhmm`, `-hh:mm`, `+hh`: minutes east of UTC.
std::optional<int> numeric_offset(std::string_view text) {
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  std::string digits;
  for (const char c : text.substr(1)) {
    if (c == ':') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  int hours = 0;
  int minutes = 0;
  if (digits.size() == 4) {
    hours = to_int(std::string_view(digits).substr(0, 2));
    minutes = to_int(std::string_view(digits).substr(2));
  } else if (digits.size() == 2 || digits.size() == 1) {
    hours = to_int(digits);
  } else if (digits.size() == 3) {  // "+530": a dropped leading zero
    hours = to_int(std::string_view(digits).substr(0, 1));
    minutes = to_int(std::string_view(digits).substr(1));
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return (text[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
}

std::optional<int> named_offset(std::string_view lower) {
  for (const NamedZone& zone : kZones) {
    if (zone.name == lower) return zone.offset_minutes;
  }
  // RFC 2822 §4.3: the military letters were defined with the wrong sign in RFC 822, so
  // they carry no usable offset and count as UTC.
  if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z' && lower[0] != 'j') return 0;
  return std::nullopt;
}

// Whether `digits` is one clock field: two digits, or with `lenient` one or two.
bool is_clock_field(std::string_view digits, bool lenient) {
  return (digits.size() == 2 || (lenient && digits.size() == 1)) && all_digits(digits);
}

// `hh:mm[:ss[.frac]]`; `lenient` also accepts single-digit fields (`9:05`).
bool read_clock(std::string_view text, DateFields& fields, bool lenient = true) {
  const std::size_t first = text.find(':');
  if (first == std::string_view::npos || !is_clock_field(text.substr(0, first), lenient)) return false;
  fields.hour = to_int(text.substr(0, first));
  std::string_view rest = text.substr(first + 1);
  const std::size_t second_colon = rest.find(':');
  const std::string_view minute = rest.substr(0, second_colon);
  if (!is_clock_field(minute, lenient)) return false;
  fields.minute = to_int(minute);
  if (second_colon == std::string_view::npos) return true;
  rest = rest.substr(second_colon + 1);
  const std::size_t dot = rest.find_first_of(".,");
  const std::string_view second = rest.substr(0, dot);
  if (!is_clock_field(second, lenient)) return false;
  fields.second = to_int(second);
  if (dot != std::string_view::npos) {
    const std::string_view fraction = rest.substr(dot + 1);
    if (!all_digits(fraction)) return false;
    std::int64_t scale = 100000;
    for (const char c : fraction.substr(0, 6)) {
      fields.micros += (c - '0') * scale;
      scale /= 10;
    }
  }
  return true;
}

// RFC 3339's zone in the strict mode: `Z`, `±HH:MM`, `±HHMM`, or `±HH` (PostgreSQL prints
// whole-hour zones as `+00`); minutes east of UTC.
std::optional<int> strict_offset(std::string_view zone) {
  if (zone == "Z" || zone == "z") return 0;
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-') || !all_digits(zone.substr(1, 2))) {
    return std::nullopt;
  }
  std::string_view minutes = zone.substr(3);
  if (!minutes.empty() && minutes[0] == ':') minutes.remove_prefix(1);
  if (!minutes.empty() && (minutes.size() != 2 || !all_digits(minutes))) return std::nullopt;
  const int hour = to_int(zone.substr(1, 2));
  const int minute = minutes.empty() ? 0 : to_int(minutes);
  if (hour > 23 || minute > 59) return std::nullopt;
  return (zone[0] == '-' ? -1 : 1) * (hour * 60 + minute);
}

// The strict mode's ranges: a day up to 31 in any month (as before; days_from_civil rolls it
// over), hours up to 23, any four-digit year.
std::optional<Timestamp> to_strict_timestamp(const DateFields& f) {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 23 || f.minute > 59 ||
      f.second > 60) {
    return std::nullopt;
  }
  return instant_of(f);
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view text, Iso8601Mode mode) {
  const bool lenient = mode == Iso8601Mode::lenient;
  DateFields fields;
  if (text.size() < 4 || !all_digits(text.substr(0, 4))) return std::nullopt;
  fields.year = to_int(text.substr(0, 4));
  fields.month = 1;
  fields.day = 1;
  std::size_t pos = 4;
  const auto two_digits_after = [&](char separator) -> std::optional<int> {
    if (pos + 3 > text.size() || (text[pos] != separator) || !all_digits(text.substr(pos + 1, 2))) {
      return std::nullopt;
    }
    const int value = to_int(text.substr(pos + 1, 2));
    pos += 3;
    return value;
  };
  const char separator = lenient && pos < text.size() && text[pos] == '/' ? '/' : '-';
  if (pos < text.size() || !lenient) {
    const auto month = two_digits_after(separator);
    if (!month) return std::nullopt;
    fields.month = *month;
    if (pos < text.size() || !lenient) {
      const auto day = two_digits_after(separator);
      if (!day) return std::nullopt;
      fields.day = *day;
    }
  }
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
    std::string_view rest = text.substr(pos + 1);
    while (lenient && !rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    std::size_t clock_end = 0;
    while (clock_end < rest.size() &&
           (std::isdigit(static_cast<unsigned char>(rest[clock_end])) || rest[clock_end] == ':' ||
            rest[clock_end] == '.' || rest[clock_end] == ',')) {
      ++clock_end;
    }
    if (!read_clock(rest.substr(0, clock_end), fields, lenient)) return std::nullopt;
    std::string_view zone = rest.substr(clock_end);
    while (lenient && !zone.empty() && zone[0] == ' ') zone.remove_prefix(1);
    if (!zone.empty()) {
      auto offset = lenient ? numeric_offset(zone) : strict_offset(zone);
      if (!offset && lenient && all_alpha(zone)) offset = named_offset(ascii_lower(zone));
      if (!offset) return std::nullopt;
      fields.offset_minutes = *offset;
    }
  }
  return lenient ? to_timestamp(fields) : to_strict_timestamp(fields);
}

namespace {

std::optional<int> month_from_name(std::string_view lower) {
  if (lower.size() < 3 || !all_alpha(lower)) return std::nullopt;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (lower.substr(0, 3) == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

std::vector<std::string> rfc822_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  int comment_depth = 0;
  for (const char c : text) {
    if (c == '(') ++comment_depth;
    const bool separator = comment_depth > 0 || c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' ||
                           (c == '-' && !current.empty() && current.find(':') == std::string::npos);
    if (c == ')' && comment_depth > 0) --comment_depth;
    if (separator) {
      if (!current.empty()) tokens.push_back(ascii_lower(current));
      current.clear();
    } else if (c != '.' || current.find(':') != std::string::npos) {
      current += c;  // "Jan." loses its dot, "10:00:00.5" keeps it
    }
  }
  if (!current.empty()) tokens.push_back(ascii_lower(current));
  return tokens;
}

// RFC 822 / 1123 and their relatives: `[Wkd,] D Mon YY[YY] hh:mm[:ss] [zone]` in any reasonable
// token order (asctime's `Mon D hh:mm:ss YYYY` too); weekdays are ignored, unknown tokens skipped.
std::optional<Timestamp> parse_rfc822_like(std::string_view text) {
  DateFields fields;
  std::vector<std::string> numbers;
  bool have_clock = false;
  bool have_zone = false;
  bool afternoon = false;
  bool morning = false;
  for (const std::string& token : rfc822_tokens(text)) {
    if (token.find(':') != std::string::npos && !have_clock) {
      std::string_view clock = token;
      if (const std::size_t sign = clock.find_first_of("+-z", 1); sign != std::string_view::npos) {
        const auto offset = numeric_offset(clock.substr(sign));
        if (offset || clock.substr(sign) == "z") {
          fields.offset_minutes = offset.value_or(0);
          have_zone = true;
        }
        clock = clock.substr(0, sign);
      }
      if (!read_clock(clock, fields)) return std::nullopt;
      have_clock = true;
    } else if (all_digits(token)) {
      numbers.push_back(token);
    } else if (const auto month = month_from_name(token); month && fields.month == 0) {
      fields.month = *month;
    } else if (token == "pm" || token == "am") {
      (token == "pm" ? afternoon : morning) = true;
    } else if (!have_zone && (token[0] == '+' || token[0] == '-')) {
      if (const auto offset = numeric_offset(token)) {
        fields.offset_minutes += *offset;
        have_zone = true;
      }
    } else if (!have_zone && all_alpha(token) && fields.month != 0) {
      if (const auto offset = named_offset(token)) {
        fields.offset_minutes = *offset;
        have_zone = true;
      }
    }
  }
  if (fields.month == 0 || numbers.size() < 2) return std::nullopt;
  // The day is the first number of one or two digits; the year is the other (4 digits win).
  std::size_t year_index = numbers[0].size() > 2 ? 0 : 1;
  const std::string& year_text = numbers[year_index];
  const std::string& day_text = numbers[year_index == 0 ? 1 : 0];
  if (day_text.size() > 2 || year_text.size() > 4) return std::nullopt;
  fields.day = to_int(day_text);
  fields.year = to_int(year_text);
  if (year_text.size() <= 2) fields.year += fields.year < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  if (year_text.size() == 3) fields.year += 1900;
  if (afternoon && fields.hour < 12) fields.hour += 12;
  if (morning && fields.hour == 12) fields.hour = 0;
  return to_timestamp(fields);
}

}  // namespace

std::optional<Timestamp> parse_feed_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 200) return std::nullopt;
  if (auto iso = parse_iso8601(text, Iso8601Mode::lenient)) return iso;
  return parse_rfc822_like(text);
}

}  // namespace pebble::support
