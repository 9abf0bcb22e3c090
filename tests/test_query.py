"""`kg query` and kg.query: finding queries, binding parameters, engines, formats, errors."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import KGError
from kg.query import Term, format_result, list_queries, parse_binds, resolve, resolve_query, run, run_named
from kg.query.binds import parse_value, where_brace, with_values
from kg.query.shipped import QUERIES_DIR, shipped
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from tests.store.backends import Dataset, make_dataset
from tests.store.canon import canon

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "store" / "data" / "sample.trig"
BINDS = {"entity": {"name": "Kishida"}}
MINE = {  # the four queries beyond the contract's eight, and the variables each promises
    "timeline": ["date", "event", "type", "name", "actors", "places", "articles"],
    "said-about": ["statement", "speaker", "speakerLabel", "quote", "date", "event", "eventType", "eventDate",
                   "basis"],
    "co-participants": ["actor1", "actor1Label", "actor2", "actor2Label", "events", "eventTypes"],
    "entity": ["entity", "entityLabel", "direction", "property", "propertyLabel", "value", "valueLabel"],
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Dataset:
    quads = list(ox.parse(path=str(SAMPLE), format=ox.RdfFormat.TRIG))
    onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads += [ox.Quad(t.subject, t.predicate, t.object, onto)
              for t in ox.parse(path=str(ROOT / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE)]
    return make_dataset("sample", quads, tmp_path_factory.mktemp("query-sample"))


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", "query", *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


# ---------------------------------------------------------------- finding the query

def test_a_shipped_name_a_file_and_text_all_resolve(tmp_path: Path) -> None:
    text, source = resolve_query("launches")
    assert source == "queries/launches.rq" and "MissileLaunch" in text
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT * WHERE { ?s ?p ?o }")
    assert resolve_query(str(rq)) == ("SELECT * WHERE { ?s ?p ?o }", str(rq))
    assert resolve_query("ASK { ?s ?p ?o }")[1] == "query text"


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KGError) as caught:
        resolve("lanches")
    assert caught.value.code == "E009" and "launches" in caught.value.message


def test_a_missing_rq_file_is_named() -> None:
    with pytest.raises(KGError) as caught:
        resolve("nowhere/q.rq")
    assert caught.value.code == "E130" and "nowhere/q.rq" in caught.value.message


def test_every_shipped_query_describes_itself() -> None:
    queries = dict(list_queries())
    assert set(queries) == set(shipped()) and set(MINE) <= set(queries)
    assert all(desc and not desc.startswith("PREFIX") for desc in queries.values()), queries
    listed = kg("--list")
    assert listed.returncode == 0
    for name, desc in queries.items():
        assert f"{name} " in listed.stdout and desc in listed.stdout
    assert "[--bind name=…]" in listed.stdout


def test_queries_folder_is_found_from_the_package() -> None:
    assert QUERIES_DIR == ROOT / "queries"


# ---------------------------------------------------------------- engines agree

@pytest.mark.parametrize("name", sorted(shipped()))
def test_shipped_query_same_on_store_files_and_rdflib(sample: Dataset, name: str) -> None:
    text, source = resolve_query(name)
    binds = BINDS.get(name, {})
    on_store = run(text, store=sample.store, binds=binds, source=source)
    on_files = run(text, graphs=[sample.trig], binds=binds)
    on_rdflib = run(text, graphs=[sample.nq], engine="rdflib", binds=binds)
    assert canon(on_store) == canon(on_files) == canon(on_rdflib)
    assert len(on_store.rows) > 0, f"{name} finds nothing in the sample"
    if name in MINE:
        assert on_store.vars == MINE[name]


def test_timeline_is_in_date_order(sample: Dataset) -> None:
    dates = [str(t) for t in run_named("timeline", store=sample.store).column("date")]
    assert dates == sorted(dates) and dates[0] == "2023-03-13"


def test_co_participants_are_the_network_edges(sample: Dataset) -> None:
    rows = run_named("co-participants", store=sample.store).records()
    pair = {(r["actor1Label"], r["actor2Label"]): r for r in rows}
    assert pair[("Fumio Kishida", "Yoon Suk Yeol")]["events"] == "2"       # Tokyo summit, Vilnius meeting
    assert ("South Korea", "United States") in pair
    assert not any("North Korea" in key for key in pair)                   # launches have one actor


def test_said_about_prefers_the_stated_tie(sample: Dataset) -> None:
    rows = run_named("said-about", store=sample.store).records()
    yoon = [r for r in rows if r["speakerLabel"] == "Yoon Suk Yeol"]
    assert [(r["event"].rsplit("/", 1)[1], r["basis"]) for r in yoon] == [("a1", "about")]
    matsuno = {r["event"].rsplit("/", 1)[1] for r in rows if r["speakerLabel"] == "Hirokazu Matsuno"}
    assert "a2" in matsuno and "st2" not in matsuno           # a statement is not an event it is about


# ---------------------------------------------------------------- parameters

def test_entity_by_name_and_by_iri(sample: Dataset) -> None:
    by_name = run_named("entity", binds={"name": "kishida"}, store=sample.store)
    iri = "https://w3id.org/kgnews/id/person/fumio-kishida"
    assert {r["entity"] for r in by_name.records()} == {iri}
    facts = {(r["direction"], r["property"].rsplit("#", 1)[-1], r["value"].rsplit("/", 1)[-1])
             for r in by_name.records()}
    assert ("in", "participant", "s1") in facts and ("out", "holdsRole", "r1") in facts
    by_iri = run_named("entity", binds={"name": parse_value(f"<{iri}>")}, store=sample.store)
    assert canon(by_iri) == canon(by_name)


def test_a_bound_value_is_data_not_query_text(sample: Dataset) -> None:
    hostile = 'x" } } DROP ALL ; SELECT * { ?a ?b "'
    result = run_named("entity", binds={"name": hostile}, store=sample.store)
    assert result.rows == []


def test_a_missing_parameter_is_named(sample: Dataset) -> None:
    with pytest.raises(KGError) as caught:
        run_named("entity", store=sample.store)
    assert caught.value.code == "E133" and "--bind name=" in caught.value.message


def test_binding_a_variable_the_query_lacks_is_an_error(sample: Dataset) -> None:
    with pytest.raises(KGError) as caught:
        run("SELECT ?s WHERE { ?s ?p ?o }", binds={"nmae": "x"}, store=sample.store)
    assert caught.value.code == "E131"


@pytest.mark.parametrize("value,term", [
    ("Kishida", Term("literal", "Kishida")),
    ("<https://example.org/x>", Term("uri", "https://example.org/x")),
    ("id:country/kp", Term("uri", "https://w3id.org/kgnews/id/country/kp")),
    ('"6000"^^xsd:decimal', Term("literal", "6000", "http://www.w3.org/2001/XMLSchema#decimal")),
    ('"Kishida"@en', Term("literal", "Kishida", None, "en")),
    ("a=b", Term("literal", "a=b")),
])
def test_bind_values(value: str, term: Term) -> None:
    assert parse_binds([f"v={value}"]) == {"v": term}


def test_bad_bind_syntax() -> None:
    with pytest.raises(KGError) as caught:
        parse_binds(["no-equals-sign"])
    assert caught.value.code == "E017"


@pytest.mark.parametrize("query,opens", [
    ("SELECT * WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ("SELECT (EXISTS { ?a ?b ?c } AS ?x) WHERE { ?s ?p ?o }", "{ ?s ?p ?o }"),
    ('CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o } # }', '{ ?s ?p ?o } # }'),
    ("PREFIX e: <http://x/a#> ASK { ?s e:p ?o }", "{ ?s e:p ?o }"),
])
def test_values_open_the_outer_where_group(query: str, opens: str) -> None:
    at = where_brace(query)
    assert at is not None and query[at:] == opens
    assert "VALUES (?o)" in with_values(query, {"o": "x"})


# ---------------------------------------------------------------- formats

def test_csv_is_a_header_then_one_row_per_result(sample: Dataset) -> None:
    result = run_named("launches", store=sample.store)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == result.vars and len(rows) == len(result.rows) + 1
    assert "North Korea" in {r[rows[0].index("launcherLabel")] for r in rows[1:]}


def test_tsv_uses_sparql_terms(sample: Dataset) -> None:
    lines = format_result(run_named("events", store=sample.store), "tsv").splitlines()
    assert lines[0] == "?event\t?type\t?date"
    assert '"2023-03-13"^^<http://www.w3.org/2001/XMLSchema#date>' in "\n".join(lines)


def test_json_is_sparql_results_json(sample: Dataset) -> None:
    data = json.loads(format_result(run_named("launches", store=sample.store), "json"))
    assert data["head"]["vars"][:2] == ["launch", "date"]
    first = data["results"]["bindings"][0]
    assert first["launch"]["type"] == "uri"
    assert first["rangeKm"] == {"type": "literal", "value": "1000",
                                "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}


def test_ask_prints_true_or_false(sample: Dataset) -> None:
    yes = run("ASK { ?s a kg:Summit }", store=sample.store)
    no = run("ASK { ?s a kg:Sanction }", store=sample.store)
    assert (format_result(yes, "table"), format_result(no, "csv")) == ("true\n", "false\n")
    assert json.loads(format_result(yes, "json")) == {"head": {}, "boolean": True}


def test_construct_prints_turtle(sample: Dataset) -> None:
    result = run("CONSTRUCT { ?c a kg:Country } WHERE { ?c a kg:Country }", store=sample.store)
    graph = rdflib.Graph().parse(data=format_result(result, "table"), format="turtle")
    assert len(graph) == 4


def test_table_is_aligned_with_short_names(sample: Dataset) -> None:
    text = format_result(run_named("roles", store=sample.store), "table")
    header, rule, *rows = text.splitlines()
    assert header.split() == ["person", "personLabel", "title", "org", "orgLabel"]
    assert set(rule) <= {"-", " "} and rows[0].startswith("id:person/")


# ---------------------------------------------------------------- the command line

def test_cli_runs_a_shipped_query_on_a_store(sample: Dataset) -> None:
    done = kg("entity", "--bind", "name=Kishida", "--store", str(sample.store), "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("entity,entityLabel,direction")


def test_cli_queries_files(sample: Dataset) -> None:
    done = kg("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(SAMPLE),
              str(ROOT / "ontology" / "kg.ttl"), "--format", "tsv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == str(sample.quads)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_syntax_error_names_line_and_column(sample: Dataset, engine: str) -> None:
    done = kg("SELECT ?s WHERE {\n  ?s ?p \n}", "--graph", str(sample.trig), "--engine", engine)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "E013" in done.stderr
    assert "line 3, column" in done.stderr or "line 2, column" in done.stderr


def test_no_store_is_one_line(tmp_path: Path) -> None:
    done = kg("events", "--store", str(tmp_path / "missing"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "E012" in done.stderr
