#!/usr/bin/env python3
"""Writes a Netscape bookmark file of N distinct bookmarks to stdout (tests and benchmarks).

Every bookmark has a unique URL, a title, 0-4 tags from a pool of 200, a description on half of
them, a feed on one in 50, and ADD_DATE/LAST_MODIFIED spread over ten years; every 1000 bookmarks
sit in a folder. Deterministic for a given seed.

usage: generate_netscape.py COUNT [SEED]
"""
import random
import sys


def main() -> None:
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    tags = [f"tag{i:03d}" for i in range(200)]
    out = sys.stdout
    out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
              '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
              "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n")
    for i in range(count):
        if i % 1000 == 0:
            if i:
                out.write("    </DL><p>\n")
            out.write(f"    <DT><H3>Folder {i // 1000}</H3>\n    <DL><p>\n")
        added = 1_400_000_000 + rng.randrange(315_360_000)
        chosen = ",".join(rng.sample(tags, rng.randrange(5)))
        feed = f' FEED="https://site{i % 997}.example/feed.xml"' if i % 50 == 0 else ""
        tag_attribute = f' TAGS="{chosen}"' if chosen else ""
        out.write(f'        <DT><A HREF="https://site{i % 997}.example/articles/{i}?ref=x&amp;page={i % 7}"'
                  f' ADD_DATE="{added}" LAST_MODIFIED="{added + rng.randrange(86400)}"{tag_attribute}{feed}'
                  f' PRIVATE="{i % 3 == 0:d}">Article number {i} about topic {rng.randrange(10_000)}</A>\n')
        if i % 2 == 0:
            out.write(f"        <DD>A description of article {i}: &quot;quoted&quot; text &amp; more words "
                      f"to make it realistic, {rng.random():.6f}\n")
    if count:
        out.write("    </DL><p>\n")
    out.write("</DL><p>\n")


if __name__ == "__main__":
    main()
