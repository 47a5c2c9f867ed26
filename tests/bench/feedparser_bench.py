#!/usr/bin/env python3
"""Times Python feedparser (python3-feedparser, the web app's parser) on the given files: one line
per file, `file bytes items seconds` (the median of 3 runs, like pebble_feed_parse_bench). Debian's
feedparser 6.0 cannot read JSON Feed, so a .json file gets `file bytes 0 0` (not measured)."""
import statistics
import sys
import time

import feedparser


def main():
    repeat = 3
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            body = handle.read()
        if path.endswith(".json"):
            print(path, len(body), 0, 0, flush=True)
            continue
        times = []
        items = 0
        for _ in range(repeat):
            started = time.perf_counter()
            parsed = feedparser.parse(body)
            times.append(time.perf_counter() - started)
            items = len(parsed.entries)
        print(path, len(body), items, f"{statistics.median(times):.6f}", flush=True)


if __name__ == "__main__":
    main()
