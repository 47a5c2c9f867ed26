#!/usr/bin/env python3
"""Generates the pages of the unfurl benchmark: gen_pages.py DIR N BASE_URL writes DIR/www/pageI.html
for I < N and DIR/bookmarks.html, a Netscape bookmark file of their URLs under BASE_URL.

Each page is shaped like an article page in the wild, about 40 KB: a head with a charset, a title,
a description, Open Graph and Twitter card tags, icons, a stylesheet, a feed and a comments feed,
an inline script of 6 KB, then a body of paragraphs, navigation and a footer."""
import os
import random
import sys

WORDS = ("page pebble bookmark unfurl metadata title description image feed article news blog post "
         "café naïve résumé Zürich déjà-vu 東京 データ über").split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def page(rng, index):
    title = f"Article {index}: {text(rng, 6)}"
    head = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Example Site</title>
<meta name="description" content="{text(rng, 25)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{text(rng, 30)}">
<meta property="og:site_name" content="Example Site">
<meta property="og:image" content="/images/{index}.jpg">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{title}">
<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/favicon-32.png" sizes="32x32">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="alternate" type="application/rss+xml" title="Example Site" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed.xml">
<script>window.analytics = {{ queue: [] }}; /* {"x" * 6000} */</script>
</head>
"""
    paragraphs = "".join(f"<p>{text(rng, 60)} <a href=\"/tags/{rng.choice(WORDS)}\">more</a></p>\n" for _ in range(70))
    body = (f"<body><header><nav>{''.join(f'<a href=/s{i}>section {i}</a> ' for i in range(20))}</nav></header>"
            f"<main><article><h1>{title}</h1>\n{paragraphs}</article></main><footer>{text(rng, 40)}</footer></body></html>\n")
    return head + body


def main():
    folder, count, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(15)
    os.makedirs(os.path.join(folder, "www"), exist_ok=True)
    lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<DL><p>"]
    for index in range(count):
        with open(os.path.join(folder, "www", f"page{index}.html"), "w", encoding="utf-8") as out:
            out.write(page(rng, index))
        lines.append(f'<DT><A HREF="{base}/page{index}.html" ADD_DATE="{1700000000 + index}"></A>')
    lines.append("</DL><p>")
    with open(os.path.join(folder, "bookmarks.html"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
