"""`kg load` when the store fails: bounded retries, one clear line, never a half graph reported done.

Failures are injected by a small proxy in front of a real Oxigraph server (tests/store/proxy.py):
it forwards every request except the ones its plan names, which it answers with an error status
or by hanging up. What the store holds afterwards is read from the real server. The proxy hides
that the server is Oxigraph, so these tests see the standard Graph Store path, one PUT per graph;
test_load_bulk.py tests Oxigraph's own.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.store.load import load
from kg.store.serve import free_port
from tests.store.backends import Backend, Dataset

pytestmark = pytest.mark.server
ARTICLE = "https://w3id.org/kgnews/graph/article/bbc-icbm"   # the sample's biggest article graph


FAST = {"attempts": 3, "backoff": 0.01, "jobs": 1}


def test_unreachable_endpoint_is_one_line_after_bounded_retries(sample: Dataset) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"        # nothing listens there
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "kg", "load", str(sample.trig), "--endpoint", url,
                           "--retries", "2"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "E135" in done.stderr and "3 attempt(s)" in done.stderr and "connection refused" in done.stderr
    assert time.monotonic() - start < 20          # 0.5 s + 1 s of backoff, not forever


@pytest.mark.parametrize("fault", [503, 500, "hangup"])
def test_transient_failures_are_retried(proxy, empty_oxigraph: Backend, sample: Dataset, fault) -> None:
    front = proxy({1: fault, 2: fault})
    report = load(sample.trig, front.url + "/store", **FAST)
    assert report.triples == sample.quads
    assert empty_oxigraph.graph_counts() == sample.per_graph


def test_retries_are_bounded_and_leave_the_store_as_it_was(proxy, empty_oxigraph: Backend,
                                                          sample: Dataset) -> None:
    load(sample.trig, empty_oxigraph.gsp_url)
    front = proxy({n: 503 for n in range(1, 100)})
    with pytest.raises(KGError) as caught:
        load(sample.trig, front.url + "/store", **FAST)
    assert caught.value.code == "E136" and "HTTP 503" in caught.value.message
    assert "was not changed; nothing else was loaded" in caught.value.message
    assert "scratch" not in caught.value.message
    assert front.seen == 3                        # three attempts at the first graph, then stop
    assert empty_oxigraph.graph_counts() == sample.per_graph


def test_gsp_failure_inside_a_graph_removes_the_partial_graph(proxy, empty_oxigraph: Backend,
                                                             sample: Dataset, tmp_path: Path) -> None:
    only_article = _one_graph(sample, ARTICLE, tmp_path)
    front = proxy({3: 400})                       # PUT batch 1, POST batch 2, then batch 3 refused
    with pytest.raises(KGError) as caught:
        load(only_article, front.url + "/store", batch=10, **FAST)
    assert caught.value.code == "E136"
    assert f"graph <{ARTICLE}> was not loaded, its partial copy was removed" in caught.value.message
    assert empty_oxigraph.graph_counts() == {}


def test_update_failure_inside_a_graph_keeps_the_previous_graph(proxy, empty_oxigraph: Backend,
                                                               sample: Dataset, tmp_path: Path) -> None:
    load(sample.trig, empty_oxigraph.gsp_url)
    before = empty_oxigraph.graph_counts()
    only_article = _one_graph(sample, ARTICLE, tmp_path, drop_quotes=True)
    front = proxy({3: 400})                       # scratch batch 1, batch 2, then batch 3 refused
    with pytest.raises(KGError) as caught:
        load(only_article, front.url + "/update", update=True, batch=10, **FAST)
    assert caught.value.code == "E136"
    assert f"graph <{ARTICLE}> was not changed" in caught.value.message
    assert empty_oxigraph.graph_counts() == before    # old graph intact, scratch graph dropped


def _one_graph(sample: Dataset, graph: str, tmp_path: Path, drop_quotes: bool = False) -> Path:
    """The sample's lines of one named graph, as an N-Quads file."""
    lines = [line for line in sample.nq.read_text().splitlines() if line.endswith(f"<{graph}> .")]
    if drop_quotes:
        lines = [line for line in lines if "ontology#quote>" not in line]
    path = tmp_path / "one.nq"
    path.write_text("\n".join(lines) + "\n")
    return path
