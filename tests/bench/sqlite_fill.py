#!/usr/bin/env python3
"""Runs a benchmark's generated SQL on a pebble SQLite store: sqlite_fill.py DATABASE SQL_FILE.

Through Python's sqlite3 rather than the sqlite3 shell: the feed_items triggers call
pebble_reader_text, which pebble registers on its own connections (store/reader_text.h). The
benchmarks' values hold no markup and no references, so the text a reader sees of each is the
value itself."""
import sqlite3
import sys


def main():
    database, sql_file = sys.argv[1], sys.argv[2]
    connection = sqlite3.connect(database, isolation_level=None)
    connection.create_function("pebble_reader_text", 2, lambda value, value_type: value, deterministic=True)
    with open(sql_file, encoding="utf-8") as sql:
        connection.executescript(sql.read())
    connection.close()


if __name__ == "__main__":
    main()
