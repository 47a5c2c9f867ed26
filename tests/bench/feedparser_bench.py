#!/usr/bin/env python3
"""Times Python feedparser (python3-feedparser, the web app's parser) on the given files: one line
per file, `file bytes items seconds` (best of --repeat runs)."""
import sys
import time

import feedparser


def main():
    repeat = 3
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            body = handle.read()
        best = None
        items = 0
        for _ in range(repeat):
            started = time.perf_counter()
            parsed = feedparser.parse(body)
            elapsed = time.perf_counter() - started
            items = len(parsed.entries)
            best = elapsed if best is None else min(best, elapsed)
        print(path, len(body), items, f"{best:.6f}", flush=True)


if __name__ == "__main__":
    main()
