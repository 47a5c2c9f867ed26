#!/usr/bin/env python3
"""A scripted loopback feed server for poll-feeds tests: one path per outcome row of SPEC §6 and one
per hostile server. Prints its port on stdout, then serves until killed. GET /__counts returns how
often each path was requested (JSON), for the many-worker tests.

Paths: /feed/NAME (RSS, ETag + Last-Modified, 304 on a match), /gone, /missing, /forbidden,
/error, /ratelimit, /unavailable, /moved/NAME (301 to /feed/NAME), /moved308/NAME, /temp/NAME (302),
/loop, /endless, /trickle, /bomb, /entity, /badutf8, /html, /empty, /binary, /wrongcharset,
/slow/NAME (answers after 3 s); values that must not poison the store: /hugeretry (503 with
Retry-After: 260000000000), /farfuture (an Atom date of 9999-12-31T23:59:59-14:00 and an absurd
max-age), /badvalidators (an ETag with a bare CR and a Last-Modified with a control character),
/items/COUNT (COUNT tiny RSS items dated a second apart, the last one newest); /file/NAME serves
the file NAME of the folder in $FEED_SERVER_FILES as RSS, for tests that change a feed between polls;
/located/NAME, /hop/NAME and /served/deep/NAME serve the fixture tests/data/feeds/NAME with a
Content-Location header, behind a 302, and plainly.

Pages for unfurl and feed discovery: /page/NAME serves tests/data/pages/NAME (Content-Type from
?type=..., else by extension; an ETag and Last-Modified, 304 on a match); /pagehop/NAME is a 302
to it; /bigpage is a page of 10.5 MiB whose head is pages/large_head.html; /endlesspage and
/bombpage (gzip, 5 GB inflated) send that head and then never end; /slowpage answers after 3 s.
/agent/NAME is a feed and /agentpage/NAME a page whose title is the request's User-Agent.
"""
import collections
from html import escape
import itertools
import json
import os
import socketserver
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COUNTS = collections.Counter()
LOCK = threading.Lock()
LAST_MODIFIED = "Tue, 14 Nov 2023 22:13:20 GMT"


def rss(name, items=3):
    entries = "".join(
        f"<item><title>{name} item {i}</title><link>https://example.org/{name}/{i}</link>"
        f"<guid>{name}-{i}</guid><pubDate>Tue, 14 Nov 2023 22:1{i}:00 GMT</pubDate></item>"
        for i in range(items))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{name}</title>'
            f"<link>https://example.org/{name}</link><description>feed {name}</description>"
            f"{entries}</channel></rss>").encode()


PAGES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "pages")
PAGE_TYPES = {".html": "text/html", ".xml": "application/atom+xml", ".png": "image/png"}


def page_file(name):
    with open(os.path.join(PAGES, os.path.basename(name)), "rb") as f:
        return f.read()


def filler(size):
    """Paragraphs of body text, `size` bytes in all, 64 KiB at a time."""
    block = (b"<p>" + b"lorem ipsum dolor sit amet " * 20 + b"</p>\n") * 100
    while size > 0:
        yield block[:size]
        size -= len(block)


ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                          for i in range(1, 10))
               + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def stream(self, chunks, headers=()):
        """Chunked body from a generator; stops quietly when the client hangs up."""
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in chunks:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def feed(self, name):
        etag = f'"{name}-v1"'
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            return self.send(304, headers=[("ETag", etag)])
        self.send(200, rss(name), [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", etag),
                                   ("Last-Modified", LAST_MODIFIED)])

    def fixture(self, head, rest):
        """A fixture of tests/data/feeds: /located/NAME with Content-Location /archive/2024/feed.xml,
        /hop/NAME as a 302 to /served/deep/NAME, which serves it plainly."""
        if head == "hop":
            return self.send(302, headers=[("Location", f"/served/deep/{os.path.basename(rest)}")])
        folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "feeds")
        with open(os.path.join(folder, os.path.basename(rest)), "rb") as f:
            body = f.read()
        headers = [("Content-Type", "application/xml")]
        if head == "located":
            headers.append(("Content-Location", "/archive/2024/feed.xml"))
        return self.send(200, body, headers)

    def page(self, name):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        extension = os.path.splitext(name)[1]
        content_type = query.get("type", [PAGE_TYPES.get(extension, "application/octet-stream")])[0]
        etag = f'"page-{name}"'
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, headers=[("ETag", etag)])
        self.send(200, page_file(name), [("Content-Type", content_type), ("ETag", etag),
                                          ("Last-Modified", LAST_MODIFIED)])

    def big_page(self):
        head = page_file("large_head.html")
        size = 10 * 1024 * 1024 + 512 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        try:
            self.wfile.write(head)
            for chunk in filler(size - len(head)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self):
        path = self.path.split("?")[0]
        with LOCK:
            COUNTS[path] += 1
        parts = path.strip("/").split("/", 1)
        head, rest = parts[0], (parts[1] if len(parts) > 1 else "x")
        xml = [("Content-Type", "application/rss+xml")]
        if path == "/__counts":
            with LOCK:
                body = json.dumps(COUNTS).encode()
            return self.send(200, body, [("Content-Type", "application/json")])
        if head == "feed":
            return self.feed(rest)
        if head == "page":
            return self.page(rest)
        if head == "pagehop":
            query = urllib.parse.urlsplit(self.path).query
            return self.send(302, headers=[("Location", f"/page/{rest}" + (f"?{query}" if query else ""))])
        if head in ("agent", "agentpage"):
            agent = escape(self.headers.get("User-Agent", "(none)"))
            if head == "agentpage":
                body = f"<!DOCTYPE html><html><head><title>{agent}</title></head><body></body></html>"
                return self.send(200, body.encode(), [("Content-Type", "text/html; charset=utf-8")])
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{agent}</title>'
                    f"<link>https://example.org/</link><item><guid>{rest}</guid><title>seen</title></item>"
                    "</channel></rss>")
            return self.send(200, body.encode(), xml)
        if head == "bigpage":
            return self.big_page()
        if head == "slowpage":
            time.sleep(3)
            return self.page("plain.html")
        html = [("Content-Type", "text/html")]
        if head == "endlesspage":
            return self.stream(itertools.chain([page_file("large_head.html")], iter(lambda: next(filler(65536)), None)), html)
        if head == "bombpage":
            def bomb_page():
                compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
                yield compressor.compress(page_file("large_head.html"))
                zeros = b"\0" * (1 << 20)
                for _ in range(5 * 1024):
                    yield compressor.compress(zeros)
                yield compressor.flush()
            return self.stream(bomb_page(), html + [("Content-Encoding", "gzip")])
        if head == "slow":
            time.sleep(3)
            return self.feed(rest)
        if head == "moved":
            return self.send(301, headers=[("Location", f"/feed/{rest}")])
        if head == "moved308":
            return self.send(308, headers=[("Location", f"/moved/{rest}")])
        if head == "temp":
            return self.send(302, headers=[("Location", f"/feed/{rest}")])
        if head == "loop":
            return self.send(301, headers=[("Location", "/loop")])
        simple = {"gone": 410, "missing": 404, "forbidden": 403, "error": 500}
        if head in simple:
            return self.send(simple[head], b"no")
        if head == "ratelimit":
            return self.send(429, b"slow down", [("Retry-After", "7200")])
        if head == "unavailable":
            return self.send(503, b"later", [("Retry-After", "Wed, 01 Jan 2098 00:00:00 GMT")])
        if head == "hugeretry":
            return self.send(503, b"later", [("Retry-After", "260000000000")])
        if head == "farfuture":
            body = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>far</title>'
                    '<id>urn:far</id><updated>9999-12-31T23:59:59-14:00</updated>'
                    '<entry><id>urn:far:1</id><title>far</title><updated>9999-12-31T23:59:59-14:00</updated>'
                    '</entry></feed>').encode()
            return self.send(200, body, [("Content-Type", "application/atom+xml"),
                                         ("Cache-Control", "max-age=99999999999999")])
        if head == "badvalidators":
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                return self.send(500, b"a validator came back")
            return self.send(200, rss("badvalidators"), xml + [("ETag", '"a\rb"'),
                                                               ("Last-Modified", "Tue, 14 Nov 2023 \x01 22:13:20 GMT")])
        if head == "items":
            count = int(rest)
            entries = "".join(f"<item><guid>i{i}</guid><pubDate>{time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime(1_600_000_000 + i))}</pubDate></item>"
                              for i in range(count))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>items</title>{entries}</channel></rss>'
            return self.send(200, body.encode(), xml)
        if head in ("located", "served", "hop"):
            return self.fixture(head, rest)
        if head == "file":
            with open(os.path.join(os.environ["FEED_SERVER_FILES"], os.path.basename(rest)), "rb") as f:
                return self.send(200, f.read(), xml)
        if head == "endless":
            return self.stream((b"<item>" + b"x" * 4096 for _ in iter(int, 1)), xml)
        if head == "trickle":
            def trickle():
                for byte in rss("trickle"):
                    yield bytes([byte])
                    time.sleep(1)
            return self.stream(trickle(), xml)
        if head == "bomb":
            # 5 GB of zeros, compressed as it goes: nothing large ever exists on either side
            # unless the client inflates it without a limit.
            def bomb():
                compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
                zeros = b"\0" * (1 << 20)
                for _ in range(5 * 1024):
                    yield compressor.compress(zeros)
                yield compressor.flush()
            return self.stream(bomb(), xml + [("Content-Encoding", "gzip")])
        if head == "entity":
            return self.send(200, ENTITY_BOMB, xml)
        if head == "badutf8":
            return self.send(200, b'<rss version="2.0"><channel><title>bad \xff\xfe\xc3</title>'
                             b"<item><guid>b1</guid><title>\xed\xa0\x80 surrogate</title></item></channel></rss>", xml)
        if head == "html":
            return self.send(200, b"<!DOCTYPE html><html><head><title>Hi</title></head><body>page</body></html>",
                             [("Content-Type", "text/html")])
        if head == "empty":
            return self.send(200, b"", xml)
        if head == "binary":
            return self.send(200, os.urandom(4096), [("Content-Type", "application/octet-stream")])
        if head == "wrongcharset":
            body = '<?xml version="1.0"?><rss version="2.0"><channel><title>café</title></channel></rss>'
            return self.send(200, body.encode("utf-8"), [("Content-Type", "application/rss+xml; charset=utf-16")])
        self.send(404, b"unknown path")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hanging up on hostile bodies is the point of those paths

    def server_bind(self):
        # HTTPServer.server_bind looks up the FQDN, which can hang for seconds without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def main():
    server = Server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
