"""Guards: everything registered has a test, and every shipped query runs on the built seeds."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.extract import EXTRACTORS, load_all
from kg.ingest import READERS, read_articles
from kg.rdf.serialize import FORMATS

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
CONTRACT_QUERIES = {"entities", "roles", "launches", "meetings", "statements", "places", "events", "evidence"}


def test_every_extractor_module_has_a_test_module():
    load_all()
    modules = {EXTRACTORS[name].__module__.rsplit(".", 1)[-1] for name in EXTRACTORS}
    missing = {m for m in modules if not (ROOT / "tests" / "extract" / f"test_{m}.py").exists()}
    assert not missing, f"extractor modules without tests: {sorted(missing)}"


def test_every_output_format_is_tested():
    from tests.test_cli_build import FORMATS as TESTED
    assert set(FORMATS) == set(TESTED)


def test_every_input_reader_is_tested():
    read_articles([ROOT / "data" / "articles"])  # registers the readers
    source = (ROOT / "tests" / "ingest" / "test_readers.py").read_text()
    for suffix in READERS:
        assert f'{suffix}"' in source or f"{suffix}'" in source, f"no test reads a {suffix} file"


def test_the_contract_queries_are_shipped():
    assert CONTRACT_QUERIES <= {q.stem for q in QUERIES}


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_every_shipped_query_runs_on_the_built_seeds(built_seeds, query):
    text = query.read_text()
    assert text.startswith("# "), "the first line describes the query"
    ds = Dataset(default_union=True)
    ds.parse(built_seeds, format="trig")
    if "# @param" in text:
        pytest.skip("parameterised query: tested with --bind in tests/test_query.py")
    rows = list(ds.query(text))
    assert rows, f"{query.name} returned nothing on the seeds"
