#!/usr/bin/env python3
"""Generates benchmark feeds: gen_feeds.py corpus DIR (large RSS and Atom with content:encoded) or
gen_feeds.py many DIR N (N small RSS files for the polling benchmark)."""
import os
import random
import sys

WORDS = ("feed pebble bookmark parser metric store item channel entry content summary link title "
         "atom rss json curl lease worker poll schedule backoff cache header body").split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def rss(rng, items, name):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
           f"<title>{name}</title><link>https://example.org/{name}</link><description>{text(rng, 12)}</description>"]
    for i in range(items):
        out.append(f"<item><title>{text(rng, 8)}</title><link>https://example.org/{name}/{i}</link>"
                   f"<guid isPermaLink=\"false\">{name}-{i}</guid><pubDate>Tue, 14 Nov 2023 22:13:20 GMT</pubDate>"
                   f"<dc:creator>Author {i % 17}</dc:creator><category>{rng.choice(WORDS)}</category>"
                   f"<description>{text(rng, 40)}</description>"
                   f"<content:encoded><![CDATA[<p>{text(rng, 300)}</p><p>{text(rng, 200)}</p>]]></content:encoded></item>")
    out.append("</channel></rss>\n")
    return "".join(out)


def atom(rng, items, name):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
           f"<title>{name}</title><id>urn:{name}</id><updated>2023-11-14T22:13:20Z</updated>"
           f'<link href="https://example.org/{name}"/>']
    for i in range(items):
        out.append(f"<entry><title>{text(rng, 8)}</title><id>urn:{name}:{i}</id>"
                   f'<link href="https://example.org/{name}/{i}"/><updated>2023-11-14T22:13:20Z</updated>'
                   f"<author><name>Author {i % 17}</name></author><summary>{text(rng, 40)}</summary>"
                   f'<content type="html">&lt;p&gt;{text(rng, 500)}&lt;/p&gt;</content></entry>')
    out.append("</feed>\n")
    return "".join(out)


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(42)
    if mode == "corpus":
        for name, maker, items in (("large_rss.xml", rss, 5000), ("large_atom.xml", atom, 5000),
                                   ("medium_rss.xml", rss, 500)):
            with open(os.path.join(folder, name), "w") as handle:
                handle.write(maker(rng, items, name))
    else:
        for n in range(int(sys.argv[3])):
            with open(os.path.join(folder, f"feed{n}.xml"), "w") as handle:
                handle.write(rss(rng, 20, f"feed{n}"))


if __name__ == "__main__":
    main()
