#include "formats/rfc822_date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <sstream>

namespace pebble {

namespace {

constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kWeekdays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Offset of `zone` from UTC in minutes, or nullopt.
std::optional<int> zone_offset_minutes(const std::string& zone) {
  static const std::array<std::pair<const char*, int>, 12> kNamedZones{{{"GMT", 0},
                                                                        {"UT", 0},
                                                                        {"UTC", 0},
                                                                        {"Z", 0},
                                                                        {"EST", -300},
                                                                        {"EDT", -240},
                                                                        {"CST", -360},
                                                                        {"CDT", -300},
                                                                        {"MST", -420},
                                                                        {"MDT", -360},
                                                                        {"PST", -480},
                                                                        {"PDT", -420}}};
  for (const auto& [name, minutes] : kNamedZones) {
    if (equals_ignoring_case(zone, name)) return minutes;
  }
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    for (std::size_t i = 1; i < 5; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(zone[i]))) return std::nullopt;
    }
    const int minutes = std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(3, 2));
    return zone[0] == '-' ? -minutes : minutes;
  }
  return std::nullopt;
}

}  // namespace

std::string format_rfc822(Timestamp t) {
  const std::int64_t seconds = t.seconds();
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const std::int64_t second_of_day = seconds - days * 86400;
  // Reuse the ISO formatter for the civil date, then reorder its fields.
  const std::string iso = format_rfc3339(t);  // YYYY-MM-DDTHH:MM:SSZ
  const int month = std::stoi(iso.substr(iso.size() - 15, 2));
  const std::string year = iso.substr(0, iso.size() - 16);
  const std::string day = iso.substr(iso.size() - 12, 2);
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%s, %s %s %s %02d:%02d:%02d GMT", kWeekdays[weekday], day.c_str(),
                kMonths[static_cast<std::size_t>(month - 1)], year.c_str(),
                static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day % 3600 / 60),
                static_cast<int>(second_of_day % 60));
  return buffer;
}

std::optional<Timestamp> parse_rfc822(std::string_view text) {
  std::string cleaned(text);
  const std::size_t comma = cleaned.find(',');
  if (comma != std::string::npos) cleaned = cleaned.substr(comma + 1);
  std::istringstream in(cleaned);
  int day = 0;
  std::string month_name;
  long long year = 0;
  std::string time;
  std::string zone = "GMT";
  if (!(in >> day >> month_name >> year >> time)) return std::nullopt;
  in >> zone;
  std::size_t month = 0;
  while (month < kMonths.size() && !equals_ignoring_case(month_name.substr(0, 3), kMonths[month])) ++month;
  if (month == kMonths.size() || day < 1 || day > 31) return std::nullopt;
  if (year < 100) year += year < 50 ? 2000 : 1900;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (std::sscanf(time.c_str(), "%2d:%2d:%2d", &hour, &minute, &second) < 2) return std::nullopt;
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const std::optional<int> offset = zone_offset_minutes(zone);
  if (!offset) return std::nullopt;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month + 1), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - *offset * 60;
  return Timestamp::from_seconds(seconds);
}

}  // namespace pebble
