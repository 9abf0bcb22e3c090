"""`kg load` into Oxigraph's server: many graphs per request into its bulk loader, PUT semantics kept.

The proxy (tests/store/proxy.py) passes the server's ``Server: Oxigraph/…`` header on here
(``same_server=True``), logs every request, and injects the faults a plan names.
"""
from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.store.bulk import bulk_endpoint
from kg.store.files import GraphRuns
from kg.store.http import Response
from kg.store.load import load
from tests.store.backends import Backend, Dataset

pytestmark = pytest.mark.server
FAST = {"attempts": 3, "backoff": 0.01, "jobs": 1}


def _first_graph(sample: Dataset) -> str:
    return next(iter(GraphRuns(sample.trig)))[0]  # type: ignore[return-value]


def test_graphs_travel_many_to_a_request(proxy, empty_oxigraph: Backend, sample: Dataset) -> None:
    front = proxy({}, same_server=True)
    for _ in range(2):                         # the second load replaces every graph
        front.log.clear()
        report = load(sample.trig, front.url + "/store", **FAST)
        assert (report.graphs, report.triples) == (len(sample.per_graph), sample.quads)
        assert empty_oxigraph.graph_counts() == sample.per_graph
        # One PUT (whose answer names the server), then one DROP and one POST for all the rest.
        assert [method for method, _ in front.log] == ["PUT", "POST", "POST"]
        assert front.log[1][1] == "/update" and front.log[2][1] == "/store?no_transaction"


def test_other_stores_get_one_put_per_graph(proxy, empty_oxigraph: Backend, sample: Dataset) -> None:
    front = proxy({})                          # hides the Server header: not known to be Oxigraph
    load(sample.trig, front.url + "/store", **FAST)
    assert [method for method, _ in front.log] == ["PUT"] * len(sample.per_graph)
    assert empty_oxigraph.graph_counts() == sample.per_graph


def test_a_big_graph_is_posted_in_batches(proxy, empty_oxigraph: Backend, sample: Dataset) -> None:
    front = proxy({}, same_server=True)
    load(sample.trig, front.url + "/store", batch=30, **FAST)
    posts = [path for method, path in front.log if path == "/store?no_transaction"]
    assert len(posts) > len(sample.per_graph)
    assert empty_oxigraph.graph_counts() == sample.per_graph


def test_a_bulk_post_is_retried(proxy, empty_oxigraph: Backend, sample: Dataset) -> None:
    front = proxy({3: 503}, same_server=True)  # PUT, DROP, then the POST: refused once
    load(sample.trig, front.url + "/store", **FAST)
    assert empty_oxigraph.graph_counts() == sample.per_graph


def test_a_failed_bulk_post_removes_its_graphs(proxy, empty_oxigraph: Backend, sample: Dataset) -> None:
    front = proxy({3: 400}, same_server=True)
    with pytest.raises(KGError) as caught:
        load(sample.trig, front.url + "/store", **FAST)
    assert caught.value.code == "E136"
    assert "were not loaded, their partial copies were removed; 1 other graph(s)" in caught.value.message
    first = _first_graph(sample)
    assert empty_oxigraph.graph_counts() == {first: sample.per_graph[first]}
    assert front.log[3] == ("POST", "/update")  # the undo: the group's graphs dropped again


def test_a_refused_drop_leaves_the_graphs_as_they_were(proxy, empty_oxigraph: Backend,
                                                      sample: Dataset) -> None:
    load(sample.trig, empty_oxigraph.gsp_url)
    front = proxy({2: 400}, same_server=True)
    with pytest.raises(KGError) as caught:
        load(sample.trig, front.url + "/store", **FAST)
    assert caught.value.code == "E136" and "were not changed" in caught.value.message
    assert empty_oxigraph.graph_counts() == sample.per_graph


@pytest.mark.parametrize(("url", "server", "expected"), [
    ("http://h:7878/store", "Oxigraph/0.5.13", ("http://h:7878/store?no_transaction", "http://h:7878/update")),
    ("http://h/db/store", "Oxigraph/0.5.13", ("http://h/db/store?no_transaction", "http://h/db/update")),
    ("http://h:7878/store", "Virtuoso/07.20.3240", None),
    ("http://h:7878/store?graph=x", "Oxigraph/0.5.13", None),      # a query of its own
    ("http://h:7878/data", "Oxigraph/0.5.13", None),               # not Oxigraph's path: a proxy, a rewrite
])
def test_the_bulk_path_is_only_for_oxigraphs_own_endpoint(url: str, server: str, expected) -> None:
    found = bulk_endpoint(url, Response(204, "No Content", b"", {"server": server}))
    assert (found and (found.store_url, found.update_url)) == expected
