"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the built store.

The engine is Oxigraph's own server (``oxigraph serve-read-only``, from the PyPI ``oxigraph``
package), started with ``--union-default-graph`` so queries without GRAPH see every named
graph, as `kg query` does. It serves a *snapshot* of the store: hard links to the store's
files (RocksDB never rewrites a file in place) in a temporary directory. So the server holds
no lock on the build's store, a `kg build` meanwhile can swap in a new store, and the server
keeps answering from a consistent snapshot until it is restarted.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kg.errors import error
from kg.store.embedded import is_store


def oxigraph_program() -> str:
    """The ``oxigraph`` server program: beside this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise error("E137", detail=f"not beside {sys.executable} nor on PATH")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def base_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def snapshot(store_dir: Path, dest: Path) -> Path:
    """Hard-link the store's files into ``dest`` (copy where links are impossible)."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(store_dir, dest, copy_function=link)
    return dest


def _port_taken(host: str, port: int) -> str | None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def _die_with_parent() -> None:
    # Linux: the server gets SIGTERM if `kg serve` dies, even by SIGKILL, so no server outlives it.
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class OxigraphServer:
    """An Oxigraph server process on ``host:port``, ready when :meth:`start` returns."""

    def __init__(self, args: Sequence[str], host: str, port: int, *,
                 log: Callable[[str], None] | None = None) -> None:
        self.args, self.host, self.port, self.log = list(args), host, port, log
        self.url = base_url(host, port)
        self.process: subprocess.Popen[bytes] | None = None
        self._lines: list[str] = []
        self._ready = False

    def start(self, timeout: float = 30.0) -> OxigraphServer:
        # Another server on the port would answer the readiness probe for us: refuse it first.
        port_taken = _port_taken(self.host, self.port)
        if port_taken:
            raise error("E138", host=self.host, port=self.port, detail=port_taken)
        self.process = subprocess.Popen(
            [oxigraph_program(), *self.args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        self._pump_thread = threading.Thread(target=self._pump, daemon=True)
        self._pump_thread.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                time.sleep(0.05)       # let the pump collect the last words
                said = " ".join(" ".join(self._lines).split("Stack backtrace")[0].split())[-300:]
                detail = said or f"exit code {self.process.returncode}"
                raise error("E138", host=self.host, port=self.port, detail=detail)
            if self._answers() and self.process.poll() is None:
                self._ready = True
                return self
            time.sleep(0.05)
        self.stop()
        raise error("E138", host=self.host, port=self.port, detail=f"no answer within {timeout:.0f} s")

    def _pump(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode("utf-8", "replace").rstrip()
            self._lines.append(line)
            if self.log and self._ready:     # before that, failures become one E138 line
                self.log(line)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1) as r:  # noqa: S310
                return bool(r.status == 200)
        except OSError:
            return False

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._pump_thread.join(timeout=5)
        if self.process.stderr is not None:
            self.process.stderr.close()

    def __enter__(self) -> OxigraphServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def read_only_server(store_dir: Path, host: str = "127.0.0.1", port: int | None = None,
                     log: Callable[[str], None] | None = None) -> Iterator[OxigraphServer]:
    """Serve a snapshot of the built store read-only; yields the running server."""
    store_dir = Path(store_dir)
    if not is_store(store_dir):
        raise error("E012", path=store_dir)
    port = port if port is not None else free_port(host)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        snap = snapshot(store_dir, Path(tmp) / "store")
        args = ["serve-read-only", "--location", str(snap), "--bind", f"{base_url(host, port)[7:]}",
                "--union-default-graph"]
        with OxigraphServer(args, host, port, log=log) as server:
            yield server


def serve(store_dir: Path, host: str = "127.0.0.1", port: int = 7878,
          ready: Callable[[str], None] = print) -> int:
    """Run until interrupted; ``ready`` gets the query endpoint's URL once it answers."""
    # SIGTERM (from a service manager, or `kill`) ends the server as Ctrl-C does, snapshot removed.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        with read_only_server(store_dir, host, port, log=lambda line: print(line, file=sys.stderr)) as server:
            ready(f"{server.url}/query")
            return server.wait()
    except KeyboardInterrupt:
        return 0
