"""Turning Oxigraph's solutions into rows: the shared-term fast path gives what from_oxigraph gives."""
from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest

from kg.query.result import Term, from_oxigraph, select_from_oxigraph

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    a, p = ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p")
    for o in (ox.NamedNode(EX + "b"), ox.Literal("plain"), ox.Literal("chat", language="fr"),
              ox.Literal("6000", datatype=ox.NamedNode(XSD + "decimal")), ox.BlankNode("n1")):
        s.add(ox.Quad(a, p, o))
    s.add(ox.Quad(ox.NamedNode(EX + "c"), p, ox.NamedNode(EX + "b")))
    return s


QUERY = f"SELECT ?s ?o ?missing WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?o <{EX}none> ?missing }} }}"


def test_rows_are_the_terms_from_oxigraph_gives(store: ox.Store) -> None:
    expected = [tuple(from_oxigraph(t) for t in solution) for solution in store.query(QUERY)]
    result = select_from_oxigraph(store.query(QUERY))
    assert result.vars == ["s", "o", "missing"]
    assert result.rows == expected
    kinds = {row[1].kind for row in result.rows if row[1] is not None}
    assert kinds == {"uri", "literal", "bnode"} and all(row[2] is None for row in result.rows)
    assert Term("literal", "chat", None, "fr") in {row[1] for row in result.rows}
    assert Term("literal", "6000", XSD + "decimal") in {row[1] for row in result.rows}
    assert Term("literal", "plain") in {row[1] for row in result.rows}     # xsd:string stays implicit


def test_a_repeated_term_is_one_object(store: ox.Store) -> None:
    rows = select_from_oxigraph(store.query(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}")).rows
    b = [row[0] for row in rows if row[0] == Term("uri", EX + "b")]
    assert len(b) == 2 and b[0] is b[1]


class _Failing:
    """Solutions that break off mid-way, as a store read error would."""

    variables = [ox.Variable("x")]

    def __iter__(self):  # noqa: ANN204
        yield [ox.NamedNode(EX + "a")]
        raise OSError("read error")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(store: ox.Store, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        select_from_oxigraph(store.query(QUERY))
        assert gc.isenabled() is enabled
        with pytest.raises(OSError):
            select_from_oxigraph(_Failing())  # type: ignore[arg-type]
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
