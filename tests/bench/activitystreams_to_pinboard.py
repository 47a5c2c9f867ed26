#!/usr/bin/env python3
"""Turns a pebble ActivityStreams export into a Pinboard JSON export of the same bookmarks, so the
import benchmark times the three JSON/HTML readers on one set of data.

usage: activitystreams_to_pinboard.py FILE > pinboard.json
"""
import json
import sys


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as source:
        collection = json.load(source)
    posts = []
    for item in collection["items"]:
        posts.append({
            "href": item["url"],
            "description": item.get("name", ""),
            "extended": item.get("summary") or "",
            "meta": "",
            "hash": "",
            "time": item.get("published", ""),
            "shared": "no" if item.get("private") else "yes",
            "toread": "yes" if item.get("toRead") else "no",
            "tags": " ".join(item.get("tag", [])),
        })
    json.dump(posts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
