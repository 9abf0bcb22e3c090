"""Datasets and real triple-store servers for the store tests.

Servers run on 127.0.0.1 on free ports, are started by the fixtures and stopped after: the
Oxigraph server from the PyPI ``oxigraph`` package, and Virtuoso from Debian's
``virtuoso-opensource`` (installed by scripts/install-system-deps.sh), with its own
virtuoso.ini and database files in a temporary directory.
"""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.store.http import Auth
from kg.store.serve import OxigraphServer, free_port
from tests.store.backends import Backend, Dataset, make_dataset
from tests.store.proxy import proxies

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).parent / "data" / "sample.trig"
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> Dataset:
    """The hand-made sample, with the ontology in its own named graph as the build puts it."""
    quads = list(ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads += [ox.Quad(t.subject, t.predicate, t.object, onto)
              for t in ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE)]
    return make_dataset("sample", quads, tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def build(built_seeds, tmp_path_factory) -> Dataset:
    """The real `kg build` of the shipped articles (tests/conftest.py builds it once)."""
    quads = list(ox.parse(path=str(built_seeds), format=ox.RdfFormat.TRIG))
    return make_dataset("build", quads, tmp_path_factory.mktemp("build-copy"))


@pytest.fixture(scope="session", params=["sample", "build"])
def dataset(request) -> Dataset:
    return request.getfixturevalue(request.param)


# ---------------------------------------------------------------- servers

@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A writable Oxigraph server (union default graph, as `kg serve` runs it)."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    args = ["serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with OxigraphServer(args, "127.0.0.1", port) as server:
        yield Backend("oxigraph", f"{server.url}/query", f"{server.url}/store", f"{server.url}/update")


@pytest.fixture
def empty_oxigraph(oxigraph_server: Backend) -> Backend:
    oxigraph_server.clear()
    oxigraph_server.holds = None  # type: ignore[attr-defined]  # test_backends' cache: now stale
    return oxigraph_server


@pytest.fixture
def proxy(empty_oxigraph: Backend):
    """``proxy(plan, same_server=False)``: a proxy in front of the emptied Oxigraph server."""
    with proxies(empty_oxigraph.gsp_url.rsplit("/", 1)[0]) as make:
        yield make


def virtuoso_ini(directory: Path, http_port: int, sql_port: int) -> Path:
    """Debian's virtuoso.ini with the database in ``directory`` and both ports on 127.0.0.1."""
    values = {
        ("Database", "DatabaseFile"): directory / "virtuoso.db",
        ("Database", "ErrorLogFile"): directory / "virtuoso.log",
        ("Database", "LockFile"): directory / "virtuoso.lck",
        ("Database", "TransactionFile"): directory / "virtuoso.trx",
        ("Database", "xa_persistent_file"): directory / "virtuoso.pxa",
        ("TempDatabase", "DatabaseFile"): directory / "virtuoso-temp.db",
        ("TempDatabase", "TransactionFile"): directory / "virtuoso-temp.trx",
        ("Parameters", "ServerPort"): f"127.0.0.1:{sql_port}",
        ("Parameters", "DirsAllowed"): f"., {directory}, /usr/share/virtuoso-opensource-7/vad",
        ("HTTPServer", "ServerPort"): f"127.0.0.1:{http_port}",
        ("HTTPServer", "ServerRoot"): directory / "vsp",
    }
    (directory / "vsp").mkdir(exist_ok=True)
    section, lines = "", []
    for line in VIRTUOSO_INI.read_text().splitlines():
        if m := re.match(r"\s*\[(.+)\]", line):
            section = m[1]
        if (m := re.match(r"\s*(\w+)\s*=", line)) and (section, m[1]) in values:
            line = f"{m[1]} = {values[(section, m[1])]}"
        lines.append(line)
    ini = directory / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n")
    return ini


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Virtuoso on free ports; GSP and Update need Digest auth (dba/dba) on the *-auth paths."""
    if VIRTUOSO is None or not VIRTUOSO_INI.is_file():
        pytest.skip("Virtuoso is not installed (virtuoso-t missing): run scripts/install-system-deps.sh")
    directory = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = virtuoso_ini(directory, http_port, sql_port)
    log = (directory / "stdout.log").open("wb")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=directory,
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for(f"{base}/sparql?query=ASK%7B%7D", proc, directory / "stdout.log", timeout=120)
        yield Backend("virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", f"{base}/sparql-auth",
                      Auth("dba", "dba", "digest"))
    finally:
        proc.send_signal(signal.SIGTERM)       # Virtuoso checkpoints and exits on SIGTERM
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"Virtuoso exited ({proc.returncode}): {said}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - 127.0.0.1 only
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    said = log.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"Virtuoso did not answer within {timeout} s: {said}")


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    # The servers are local: a proxy from the environment must not see (or break) the traffic.
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
