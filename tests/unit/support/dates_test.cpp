#include "support/dates.h"

#include <catch2/catch.hpp>

namespace {

std::string parsed(std::string_view text) {
  const auto value = pebble::support::parse_feed_date(text);
  return value ? pebble::support::format_iso_micros(*value) : "null";
}

}  // namespace

TEST_CASE("RFC 822 dates and their real-world variants", "[feedparse]") {
  CHECK(parsed("Thu, 01 Jan 2004 19:48:21 GMT") == "2004-01-01T19:48:21.000000Z");
  CHECK(parsed("Thu, 01 Jan 2004 19:48:21 +0000") == "2004-01-01T19:48:21.000000Z");
  CHECK(parsed("Tue, 10 Jun 2003 04:00:00 -0400") == "2003-06-10T08:00:00.000000Z");
  CHECK(parsed("Tue, 10 Jun 2003 04:00:00 +05:30") == "2003-06-09T22:30:00.000000Z");
  CHECK(parsed("Tue, 10 Jun 2003 04:00 EDT") == "2003-06-10T08:00:00.000000Z");    // no seconds
  CHECK(parsed("10 Jun 2003 04:00:00 PST") == "2003-06-10T12:00:00.000000Z");      // no weekday
  CHECK(parsed("Fri, 10 Jun 2003 04:00:00 UT") == "2003-06-10T04:00:00.000000Z");  // wrong weekday
  CHECK(parsed("Tue, 10 Jun 03 04:00:00 GMT") == "2003-06-10T04:00:00.000000Z");   // two-digit year
  CHECK(parsed("Sat, 1 Jan 99 00:00:00 GMT") == "1999-01-01T00:00:00.000000Z");
  CHECK(parsed("Wed, 5 March 2008 10:00:00 CST") == "2008-03-05T16:00:00.000000Z");  // full month name
  CHECK(parsed("  Mon,   07  Jul  2008   10:00:00   MDT  ") == "2008-07-07T16:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 -0700 (PDT)") == "2008-07-07T17:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 Z") == "2008-07-07T10:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 A") == "2008-07-07T10:00:00.000000Z");  // military: UTC (RFC 2822)
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 CDT") == "2008-07-07T15:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 MST") == "2008-07-07T17:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 PDT") == "2008-07-07T17:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00 EST") == "2008-07-07T15:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul 2008 10:00:00") == "2008-07-07T10:00:00.000000Z");  // no zone: UTC
  CHECK(parsed("Mon Jul  7 10:00:00 2008") == "2008-07-07T10:00:00.000000Z");   // asctime
  CHECK(parsed("07-Jul-2008 10:00:00 +0100") == "2008-07-07T09:00:00.000000Z");
  CHECK(parsed("Mon, 07 Jul. 2008 3:04:05 PM GMT") == "2008-07-07T15:04:05.000000Z");
}

TEST_CASE("RFC 3339, ISO 8601 and W3CDTF dates", "[feedparse]") {
  CHECK(parsed("2003-12-13T18:30:02Z") == "2003-12-13T18:30:02.000000Z");
  CHECK(parsed("2003-12-13T18:30:02.25Z") == "2003-12-13T18:30:02.250000Z");
  CHECK(parsed("2003-12-13T18:30:02+01:00") == "2003-12-13T17:30:02.000000Z");
  CHECK(parsed("2003-12-13T18:30-05:00") == "2003-12-13T23:30:00.000000Z");  // no seconds
  CHECK(parsed("2003-12-13T18:30:02+0100") == "2003-12-13T17:30:02.000000Z");
  CHECK(parsed("2003-12-13t18:30:02z") == "2003-12-13T18:30:02.000000Z");
  CHECK(parsed("2003-12-13") == "2003-12-13T00:00:00.000000Z");
  CHECK(parsed("2003-12") == "2003-12-01T00:00:00.000000Z");
  CHECK(parsed("2003") == "2003-01-01T00:00:00.000000Z");
  CHECK(parsed("2003-12-13 18:30:02") == "2003-12-13T18:30:02.000000Z");
  CHECK(parsed("2003-12-13 18:30:02 UTC") == "2003-12-13T18:30:02.000000Z");
  CHECK(parsed("2003-12-13 18:30:02 +0200") == "2003-12-13T16:30:02.000000Z");
  CHECK(parsed("2003/12/13 18:30") == "2003-12-13T18:30:00.000000Z");
  CHECK(parsed("2004-02-29T00:00:00Z") == "2004-02-29T00:00:00.000000Z");
}

TEST_CASE("unparseable dates are null, never a crash", "[feedparse]") {
  for (const char* garbage : {"",
                              "   ",
                              "yesterday",
                              "2003-02-30",
                              "2003-13-01",
                              "2003-12-13T25:00:00Z",
                              "Thu, 32 Jan 2004 19:48:21 GMT",
                              "Thu, 01 Foo 2004 19:48:21 GMT",
                              "01 Jan",
                              "99:99:99",
                              "2003-12-13T18:30:02+99:00",
                              "Jan 2004",
                              "\xff\xfe",
                              "1:2:3:4:5",
                              "Thu, 01 Jan 20045 19:48:21 GMT",
                              "-",
                              "+",
                              "::::",
                              "T",
                              "2003-1-1"}) {
    INFO(garbage);
    CHECK(parsed(garbage) == "null");
  }
  CHECK(parsed(std::string(10000, '9')) == "null");
}
