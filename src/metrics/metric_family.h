#pragma once
// prometheus-cpp's MetricFamily, the value metrics/ hands out (exposition, text format, table):
// code outside src/metrics/ includes this header, never prometheus-cpp itself, so the library
// stays in its one room (tests/cli/layering_test.sh) and an upgrade is checked in one folder.
#include <prometheus/metric_family.h>
