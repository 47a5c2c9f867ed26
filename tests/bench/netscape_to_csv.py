#!/usr/bin/env python3
"""Turns a file from generate_netscape.py into CSV rows of the bookmarks table's columns, for the
sqlite3 `.import` floor of the import benchmark.

usage: netscape_to_csv.py FILE > rows.csv
"""
import csv
import datetime
import hashlib
import html
import re
import sys

LINK = re.compile(r'<DT><A HREF="([^"]*)" ADD_DATE="(\d+)" LAST_MODIFIED="(\d+)"[^>]*PRIVATE="(\d)">(.*)</A>')


def iso(seconds: str) -> str:
    moment = datetime.datetime.fromtimestamp(int(seconds), datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def main() -> None:
    writer = csv.writer(sys.stdout)
    row = None
    with open(sys.argv[1], encoding="utf-8") as source:
        for line in source:
            match = LINK.search(line)
            if match:
                if row:
                    writer.writerow(row)
                url = html.unescape(match.group(1))
                row = [1, url, hashlib.sha256(url.encode()).hexdigest(), html.unescape(match.group(5)), "", "",
                       match.group(4), 0, iso(match.group(2)), iso(match.group(3))]
            elif row and line.lstrip().startswith("<DD>"):
                row[4] = html.unescape(line.strip()[4:])
    if row:
        writer.writerow(row)


if __name__ == "__main__":
    main()
