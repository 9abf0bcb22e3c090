"""A small HTTP client for talking to triple stores: keep-alive, Basic or Digest auth, bounded retries.

Why not urllib: its Digest handler answers a fresh 401 challenge on every request, so each
upload would be sent twice; here the server's nonce is reused (RFC 7616 ``nc`` counting) and
a request body crosses the wire once. Keep-alive matters too: `kg load` makes one request per
named graph, and a dataset has thousands of them.
"""
from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

RETRY_STATUS = {429, 500, 502, 503, 504}   # overloaded, deadlocked (Virtuoso says 500), restarting


@dataclass(frozen=True)
class Auth:
    user: str
    password: str
    scheme: str | None = None       # "basic", "digest", or None: answer whatever the server asks for


@dataclass
class Response:
    status: int
    reason: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self, limit: int = 300) -> str:
        """The body's first lines, as one line, for an error message."""
        text = self.body.decode("utf-8", "replace")
        text = re.sub(r"<[^>]+>", " ", text)     # servers answer errors in HTML too
        return " ".join(text.split())[:limit] or self.reason


class UnreachableError(Exception):
    """No answer after every attempt: connection refused, reset or timed out."""

    def __init__(self, url: str, attempts: int, detail: str) -> None:
        super().__init__(f"{url}: {detail} after {attempts} attempt(s)")
        self.url, self.attempts, self.detail = url, attempts, detail


class _Digest:
    def __init__(self, challenge: str) -> None:
        self.params = {k: a or b for k, a, b in re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]*))', challenge)}
        self.count = 0

    def header(self, auth: Auth, method: str, uri: str) -> str:
        p = self.params
        algorithm = p.get("algorithm", "MD5")
        digest = hashlib.sha256 if algorithm.upper().startswith("SHA-256") else hashlib.md5

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        self.count += 1
        nc, cnonce = f"{self.count:08x}", os.urandom(8).hex()
        ha1, ha2 = h(f"{auth.user}:{p.get('realm', '')}:{auth.password}"), h(f"{method}:{uri}")
        fields = {"username": auth.user, "realm": p.get("realm", ""), "nonce": p.get("nonce", ""), "uri": uri}
        if "auth" in p.get("qop", "").split(","):
            fields["response"] = h(f"{ha1}:{p['nonce']}:{nc}:{cnonce}:auth:{ha2}")
            extra = f', qop=auth, nc={nc}, cnonce="{cnonce}"'
        else:
            fields["response"] = h(f"{ha1}:{p.get('nonce', '')}:{ha2}")
            extra = ""
        if "opaque" in p:
            fields["opaque"] = p["opaque"]
        quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
        return f"Digest {quoted}, algorithm={algorithm}{extra}"


class Client:
    """Requests to one server over one kept-alive connection, retried with exponential backoff."""

    def __init__(self, auth: Auth | None = None, *, timeout: float = 300.0, attempts: int = 4,
                 backoff: float = 0.5, sleep: Callable[[float], None] = time.sleep) -> None:
        self.auth, self.timeout, self.attempts = auth, timeout, attempts
        self.backoff, self.sleep = backoff, sleep
        self._conn: http.client.HTTPConnection | None = None
        self._origin: tuple[str, str, int | None] | None = None
        self._digest: _Digest | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> Response:
        """Send, answering one auth challenge; retry on no answer or an overloaded server."""
        delay, last = self.backoff, "no attempt made"
        for attempt in range(1, self.attempts + 1):
            try:
                response = self._authorised(method, url, body, dict(headers or {}))
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                last = _describe(exc)
            else:
                if response.status not in RETRY_STATUS or attempt == self.attempts:
                    return response
                last = f"HTTP {response.status} {response.text(120)}"
            if attempt < self.attempts:
                self.sleep(delay)
                delay = min(delay * 2, 8.0)
        raise UnreachableError(url, self.attempts, last)

    def _authorised(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        target = _target(url)
        if self.auth is not None:
            if self.auth.scheme == "basic":
                headers["Authorization"] = _basic(self.auth)
            elif self._digest is not None:
                headers["Authorization"] = self._digest.header(self.auth, method, target)
        response = self._send(method, url, body, headers)
        if response.status != 401 or self.auth is None:
            return response
        challenge = response.headers.get("www-authenticate", "")
        if challenge.lower().startswith("digest") and self.auth.scheme in (None, "digest"):
            self._digest = _Digest(challenge)
            headers["Authorization"] = self._digest.header(self.auth, method, target)
        elif challenge.lower().startswith("basic") and self.auth.scheme in (None, "basic"):
            headers["Authorization"] = _basic(self.auth)
        else:
            return response
        return self._send(method, url, body, headers)

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        conn, reused = self._connection(url)
        try:
            return _exchange(conn, method, _target(url), body, headers)
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            if not reused:
                raise
            # The server closed an idle kept-alive connection (Virtuoso does after a 401):
            # not a failure of the server, so reconnect at once and send again.
            self.close()
            conn, _ = self._connection(url)
            return _exchange(conn, method, _target(url), body, headers)

    def _connection(self, url: str) -> tuple[http.client.HTTPConnection, bool]:
        parts = urllib.parse.urlsplit(url)
        origin = (parts.scheme, parts.hostname or "", parts.port)
        if self._conn is not None and origin == self._origin:
            return self._conn, True
        self.close()
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        self._conn, self._origin = cls(parts.hostname or "", parts.port, timeout=self.timeout), origin
        return self._conn, False


def _exchange(conn: http.client.HTTPConnection, method: str, target: str, body: bytes | None,
              headers: dict[str, str]) -> Response:
    conn.request(method, target, body=body, headers=headers)
    raw = conn.getresponse()
    data = raw.read()
    if raw.getheader("connection", "").lower() == "close":
        conn.close()
    return Response(raw.status, raw.reason, data, {k.lower(): v for k, v in raw.getheaders()})


def _target(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _basic(auth: Auth) -> str:
    return "Basic " + base64.b64encode(f"{auth.user}:{auth.password}".encode()).decode("ascii")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
