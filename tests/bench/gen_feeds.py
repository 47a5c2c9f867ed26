#!/usr/bin/env python3
"""Generates benchmark feeds: gen_feeds.py corpus DIR (one file per feed shape, see SHAPES) or
gen_feeds.py many DIR N (N small RSS files for the polling benchmark).

The corpus is shaped like feeds in the wild: pretty-printed, non-ASCII text, numeric character
references, escaped HTML in descriptions, full posts in content:encoded CDATA, relative links that
must be resolved, and one RSS file with HTML named entities (&nbsp;) that XML lacks, which sends
pebble down its slower rewriting path."""
import json
import os
import random
import sys

WORDS = ("feed pebble bookmark parser metric store item channel entry content summary link title "
         "atom rss json curl lease worker poll schedule backoff cache header body "
         "café naïve résumé Zürich déjà-vu 東京 データ über").split()

RSS_NAMESPACES = ('xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"')


def text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def post_html(rng, paragraphs, words):
    return "".join(f"<p>{text(rng, words)} &#8217;{rng.choice(WORDS)}&#8217; &amp; "
                   f'<a href="/tags/{rng.choice(WORDS[:20])}">more</a></p>\n' for _ in range(paragraphs))


def escaped(html):
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_item(rng, name, i, about, extra):
    """An RSS 2.0 or 1.0 item: what both share, with `extra` lines between link and content."""
    return (f"  <item{about}>\n    <title>{text(rng, 8)}</title>\n"
            f"    <link>https://example.org/{name}/{i}/</link>\n{extra}"
            f"    <content:encoded><![CDATA[{post_html(rng, 6, 80)}]]></content:encoded>\n  </item>\n")


def rss(rng, items, name, messy=False):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<rss version="2.0" {RSS_NAMESPACES}>\n<channel>\n'
           f"  <title>{name}</title>\n  <link>https://example.org/{name}/</link>\n"
           f"  <description>{text(rng, 12)}</description>\n"
           f'  <atom:link href="https://example.org/{name}/feed" rel="self" type="application/rss+xml"/>\n']
    for i in range(items):
        description = escaped(f"<p>{text(rng, 40)}</p>")
        if messy:  # HTML entities that XML does not define, outside CDATA
            description = f"{text(rng, 20)}&nbsp;&mdash; {text(rng, 20)}&hellip;"
        enclosure = (f'    <enclosure url="/media/{i}.mp3" length="{1000 + i}" type="audio/mpeg"/>\n'
                     if i % 10 == 0 else "")
        out.append(rss_item(rng, name, i, "", f'    <guid isPermaLink="false">{name}-{i}</guid>\n'
                            f"    <pubDate>Tue, {1 + i % 28:02d} Nov 2023 22:13:{i % 60:02d} +0000</pubDate>\n"
                            f"    <dc:creator><![CDATA[Author {i % 17}]]></dc:creator>\n"
                            f"    <category>{rng.choice(WORDS)}</category><category>{rng.choice(WORDS)}</category>\n"
                            f"    <description>{description}</description>\n{enclosure}"))
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def atom(rng, items, name):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n'
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/{name}/">\n'
           f"  <title>{name}</title>\n  <id>urn:{name}</id>\n  <updated>2023-11-14T22:13:20Z</updated>\n"
           f'  <link href="https://example.org/{name}/"/>\n  <author><name>Site Owner</name></author>\n']
    for i in range(items):
        out.append(f"  <entry>\n    <title type=\"html\">{escaped(text(rng, 8))}</title>\n"
                   f"    <id>urn:{name}:{i}</id>\n"
                   f'    <link rel="alternate" type="text/html" href="posts/{i}/"/>\n'
                   f"    <published>2023-11-{1 + i % 28:02d}T22:13:20+01:00</published>\n"
                   f"    <updated>2023-11-14T22:13:{i % 60:02d}Z</updated>\n"
                   f"    <author><name>Author {i % 17}</name><email>a{i % 17}@example.org</email></author>\n"
                   f'    <category term="{rng.choice(WORDS)}"/>\n'
                   f"    <summary>{text(rng, 40)}</summary>\n"
                   f'    <content type="html">{escaped(post_html(rng, 6, 80))}</content>\n  </entry>\n')
    out.append("</feed>\n")
    return "".join(out)


def rdf(rng, items, name):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
           f'  <channel rdf:about="https://example.org/{name}/">\n    <title>{name}</title>\n'
           f"    <link>https://example.org/{name}/</link>\n    <description>{text(rng, 12)}</description>\n"
           "  </channel>\n"]
    for i in range(items):
        out.append(rss_item(rng, name, i, f' rdf:about="https://example.org/{name}/{i}/"',
                            f"    <dc:date>2023-11-{1 + i % 28:02d}T22:13:20+09:00</dc:date>\n"
                            f"    <dc:creator>Author {i % 17}</dc:creator>\n    <dc:subject>{rng.choice(WORDS)}</dc:subject>\n"
                            f"    <description>{text(rng, 40)}</description>\n"))
    out.append("</rdf:RDF>\n")
    return "".join(out)


def json_feed(rng, items, name):
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": name,
            "home_page_url": f"https://example.org/{name}/", "feed_url": f"https://example.org/{name}/feed.json",
            "items": [{"id": f"{name}-{i}", "url": f"https://example.org/{name}/{i}/", "title": text(rng, 8),
                       "summary": text(rng, 40), "content_html": post_html(rng, 6, 80),
                       "date_published": f"2023-11-{1 + i % 28:02d}T22:13:20Z",
                       "authors": [{"name": f"Author {i % 17}"}], "tags": [rng.choice(WORDS)]}
                      for i in range(items)]}
    return json.dumps(feed, ensure_ascii=False, indent=1)


# (file name, generator, items): the large files measure throughput, the medium ones the size a
# busy real feed has, messy_rss the rewriting path.
SHAPES = (("large_rss.xml", rss, 5000), ("large_atom.xml", atom, 5000), ("large_rdf.xml", rdf, 2000),
          ("large_json.json", json_feed, 2000), ("medium_rss.xml", rss, 500), ("messy_rss.xml",
                                                                               lambda r, n, f: rss(r, n, f, True), 500))


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(42)
    if mode == "corpus":
        for name, maker, items in SHAPES:
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write(maker(rng, items, name))
    else:
        for n in range(int(sys.argv[3])):
            with open(os.path.join(folder, f"feed{n}.xml"), "w", encoding="utf-8") as handle:
                handle.write(rss(rng, 20, f"feed{n}"))


if __name__ == "__main__":
    main()
