"""The embedded store `kg build` keeps: built atomically, opened read-only, queried by default."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.query import run
from kg.store.embedded import is_store, quad_count, write_store
from tests.store.backends import Dataset


def test_write_store_counts_the_quads(sample: Dataset, tmp_path: Path) -> None:
    assert write_store(sample.nq, tmp_path / "store") == sample.quads
    assert quad_count(tmp_path / "store") == sample.quads


def test_rebuilding_replaces_the_store(sample: Dataset, build: Dataset, tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_store(sample.nq, store)
    write_store(build.nq, store)
    assert quad_count(store) == build.quads
    assert [p.name for p in tmp_path.iterdir()] == ["store"]      # no temporary folders left behind


def test_a_failed_build_keeps_the_previous_store(sample: Dataset, tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_store(sample.nq, store)
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://x/s> <http://x/p> \"no end\n")
    with pytest.raises(KGError) as caught:
        write_store(broken, store)
    assert caught.value.code == "E139"
    assert quad_count(store) == sample.quads
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nq", "store"]


def test_a_folder_that_is_not_a_store_is_never_replaced(sample: Dataset, tmp_path: Path) -> None:
    precious = tmp_path / "store"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine")
    with pytest.raises(KGError) as caught:
        write_store(sample.nq, precious)
    assert caught.value.code == "E139"
    assert (precious / "notes.txt").read_text() == "mine"


def test_readers_share_the_store(sample: Dataset) -> None:
    # Read-only handles: many processes (kg query, kg serve) may read one store at once.
    first = run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=sample.store)
    second = run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=str(sample.store))
    assert first.rows == second.rows and int(str(first.rows[0][0])) == sample.quads
    assert is_store(sample.store)


def test_missing_store_says_run_kg_build(tmp_path: Path) -> None:
    with pytest.raises(KGError) as caught:
        run("ASK {}", store=tmp_path / "nope")
    assert caught.value.code == "E012" and "kg build" in caught.value.message


def test_default_store_is_out_store(sample: Dataset, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "out").mkdir()
    os.symlink(sample.store, tmp_path / "out" / "store")
    monkeypatch.chdir(tmp_path)
    assert run("ASK { ?s a <https://w3id.org/kgnews/ontology#Summit> }").boolean is True
