"""`kg serve`: a read-only SPARQL endpoint over the built store, run as a user runs it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.query import resolve, run
from kg.store.embedded import write_store
from kg.store.serve import free_port
from tests.store.backends import Dataset
from tests.store.canon import canon

pytestmark = pytest.mark.server


def start(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture
def served(sample: Dataset, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str], Path]]:
    """`kg serve` on a free port over a private copy of the sample store: (query URL, process, store)."""
    store = tmp_path / "store"
    write_store(sample.nq, store)
    port = free_port()
    proc = start(store, "--port", str(port))
    try:
        assert proc.stdout is not None
        yield proc.stdout.readline().strip(), proc, store
    finally:
        stop(proc)


def test_first_line_is_the_query_url_on_localhost(served) -> None:
    url, proc, _ = served
    assert url.startswith("http://127.0.0.1:") and url.endswith("/query")
    assert proc.poll() is None


def test_shipped_queries_answer_as_on_the_store(served, sample: Dataset) -> None:
    url, _, _ = served
    for name in ("events", "launches", "timeline", "co-participants"):
        text = resolve(name).text
        assert canon(run(text, endpoint=url)) == canon(run(text, store=sample.store)), name


def test_sparqlwrapper_sees_every_named_graph(served, sample: Dataset) -> None:
    url, _, _ = served
    sw = SPARQLWrapper(url)
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")   # no GRAPH: the union of the graphs
    sw.setReturnFormat(JSON)
    answer = sw.queryAndConvert()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == sample.quads  # type: ignore[index]


@pytest.mark.parametrize("method,path,body,ctype", [
    ("POST", "/update", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
    ("POST", "/update", b"INSERT DATA { <http://x/s> <http://x/p> 1 }", "application/sparql-update"),
    ("PUT", "/store?default", b"<http://x/s> <http://x/p> 1 .", "application/n-triples"),
    ("DELETE", "/store?graph=https%3A%2F%2Fw3id.org%2Fkgnews%2Fgraph%2Fentities", b"", ""),
])
def test_updates_are_refused_and_change_nothing(served, sample: Dataset, method, path, body, ctype) -> None:
    url, _, _ = served
    base = url.rsplit("/", 1)[0]
    request = urllib.request.Request(base + path, data=body or None, method=method,
                                     headers={"Content-Type": ctype} if ctype else {})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310 - 127.0.0.1
    refused.value.close()
    assert refused.value.code >= 400
    count = run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=url)
    assert int(str(count.rows[0][0])) == sample.quads


def test_a_rebuild_while_serving_does_not_disturb_the_server(served, sample: Dataset) -> None:
    url, proc, store = served
    write_store(sample.nq, store)          # swaps a new store in under the running server
    assert run("ASK { ?s a ?t }", endpoint=url).boolean is True
    assert proc.poll() is None


def test_interrupt_stops_the_server_and_frees_the_port(served) -> None:
    url, proc, _ = served
    proc.send_signal(signal.SIGINT)
    # Generous: the stop is prompt when the machine is idle (well under a second), but a busy
    # CI runner has taken over 20 s to schedule the shutdown of the server and its snapshot.
    assert proc.wait(timeout=90) == 0
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2)  # noqa: S310


def test_a_busy_port_is_one_clear_line(served, sample: Dataset) -> None:
    url, _, _ = served
    port = urllib.parse.urlsplit(url).port
    second = start(sample.store, "--port", str(port))
    try:
        out, err = second.communicate(timeout=60)
    finally:
        stop(second)
    assert second.returncode == 2
    assert out == ""
    assert err.count("\n") == 1 and "E138" in err


def test_no_store_is_one_clear_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "nothing")],
                          capture_output=True, text=True, timeout=60, env={**os.environ})
    assert done.returncode == 2
    assert "E012" in done.stderr and "kg build" in done.stderr
