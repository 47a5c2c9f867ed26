#!/usr/bin/env python3
"""Hostile connection patterns against a server on 127.0.0.1:PORT, for the serve_* attack tests.
Prints one JSON object on stdout; the calling test asserts on it.

  slowloris PORT SOCKETS SECONDS   SOCKETS connections, each from its own source address
                                   (127.0.1.1, 127.0.1.2, ...), send one byte of a request and then
                                   nothing; one the server closes is opened again, so the pressure
                                   lasts SECONDS. Meanwhile GET /healthz is probed every 0.5 s.
                                   -> {"probes", "failed", "slowest_seconds", "fewest_open"}
  idle PORT SOCKETS                SOCKETS connections from 127.0.0.1 that send nothing, held; then
                                   GET /healthz from 127.0.0.2.
                                   -> {"opened", "still_open", "probe_status", "probe_seconds"}
"""
import json
import select
import socket
import sys
import time

PROBE_TIMEOUT = 5.0


def connect(port, source, payload=b""):
    """A connection to 127.0.0.1:port from `source`; None when the connect fails."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((source, 0))
        sock.settimeout(2)
        sock.connect(("127.0.0.1", port))
        if payload:
            sock.sendall(payload)
        sock.setblocking(False)
        return sock
    except OSError:
        sock.close()
        return None


def closed_by_peer(sock):
    """True when the server closed or reset the connection (it is readable with EOF or an error)."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        return sock.recv(4096) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def probe(port, source="127.0.0.1"):
    """(status, seconds) of one GET /healthz; status 0 when it failed or took over PROBE_TIMEOUT."""
    started = time.monotonic()
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((source, 0))
        sock.settimeout(PROBE_TIMEOUT)
        sock.connect(("127.0.0.1", port))
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
        answer = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        sock.close()
        status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.") else 0
    except (OSError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - started


def slowloris(port, count, seconds):
    sources = ["127.0.1.%d" % (index % 250 + 1) if index < 250 else "127.0.2.%d" % (index % 250 + 1)
               for index in range(count)]
    sockets = [connect(port, source, b"G") for source in sources]
    probes = failed = 0
    slowest = 0.0
    fewest_open = count
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for index, sock in enumerate(sockets):
            if sock is None or closed_by_peer(sock):
                if sock is not None:
                    sock.close()
                sockets[index] = connect(port, sources[index], b"G")
        fewest_open = min(fewest_open, sum(1 for sock in sockets if sock is not None))
        status, took = probe(port)
        probes += 1
        slowest = max(slowest, took)
        if status != 200:
            failed += 1
        time.sleep(max(0.0, 0.5 - took))
    for sock in sockets:
        if sock is not None:
            sock.close()
    return {"probes": probes, "failed": failed, "slowest_seconds": round(slowest, 3),
            "fewest_open": fewest_open}


def idle(port, count):
    sockets = [sock for sock in (connect(port, "127.0.0.1") for _ in range(count)) if sock is not None]
    time.sleep(1.0)  # lets the server accept all of them and close what it refuses
    still_open = sum(1 for sock in sockets if not closed_by_peer(sock))
    status, took = probe(port, "127.0.0.2")
    for sock in sockets:
        sock.close()
    return {"opened": len(sockets), "still_open": still_open, "probe_status": status,
            "probe_seconds": round(took, 3)}


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "slowloris":
        result = slowloris(port, int(sys.argv[3]), float(sys.argv[4]))
    elif mode == "idle":
        result = idle(port, int(sys.argv[3]))
    else:
        sys.exit("usage: socket_pressure.py slowloris PORT SOCKETS SECONDS | idle PORT SOCKETS")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
