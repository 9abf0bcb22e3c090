"""A small HTTP proxy in front of a real server, for the `kg load` tests: it injects faults and logs.

Request number n (1-based) gets ``plan[n]``: an error status, or "hangup"; every other request is
forwarded. Each request's method and path is logged in :attr:`FaultyProxy.log`. The upstream's
``Server`` header is passed on only with ``same_server=True``: without it the proxy looks like
some other store, which is how the loader's Oxigraph-only bulk path is kept out of a test.
"""
from __future__ import annotations

import http.client
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FaultyProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, plan: dict[int, int | str], same_server: bool = False) -> None:
        self.upstream = urllib.parse.urlsplit(upstream)
        self.plan, self.seen, self.same_server = plan, 0, same_server
        self.log: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultyProxy
    upstream_server: str | None = None

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def version_string(self) -> str:
        return self.upstream_server or super().version_string()

    def _any(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.seen += 1
            self.server.log.append((self.command, self.path))
            fault = self.server.plan.get(self.server.seen)
        self.upstream_server = None
        if fault == "hangup":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if isinstance(fault, int):
            self.send_response(fault)
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b"injected err")
            return
        up = http.client.HTTPConnection(self.server.upstream.hostname, self.server.upstream.port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        up.request(self.command, self.path, body=body or None, headers=headers)
        answer = up.getresponse()
        data = answer.read()
        if self.server.same_server:
            self.upstream_server = answer.getheader("server")
        self.send_response(answer.status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        up.close()

    do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815 - http.server's naming


@contextmanager
def proxies(upstream: str) -> Iterator:
    """``make(plan, same_server=False)`` starts a proxy to ``upstream``; all are stopped at the end."""
    servers: list[FaultyProxy] = []

    def make(plan: dict[int, int | str], same_server: bool = False) -> FaultyProxy:
        server = FaultyProxy(upstream, plan, same_server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    try:
        yield make
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
