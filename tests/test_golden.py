"""The seeds' graph against the reviewed expected graph in tests/data/golden/.

Any change to what extraction finds shows here as a readable diff of triples, to be reviewed
and, if intended, accepted with `make golden` (see tests/data/golden/README.md).
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

GOLDEN = Path(__file__).resolve().parent / "data" / "golden" / "seeds.nq"


def _article_graphs(path: Path) -> Graph:
    """Everything but the ontology graph, as one graph (the ontology has tests of its own)."""
    ds = Dataset()
    ds.parse(path, format="nquads")
    g = Graph()
    for s, p, o, ctx in ds.quads():
        if not str(ctx).endswith("/graph/ontology"):
            g.add((s, p, o))
    return g


def test_seeds_graph_matches_the_golden_graph(seeds_dir, tmp_path):
    from tests.conftest import kg

    out = tmp_path / "seeds.nq"
    kg("build", str(seeds_dir), "-o", str(out), "-q", "--no-store", check=True)
    got, want = to_isomorphic(_article_graphs(out)), to_isomorphic(_article_graphs(GOLDEN))
    if got != want:
        _, missing, extra = graph_diff(want, got)
        lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(missing)][:40]
        lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(extra)][:40]
        raise AssertionError("the seeds' graph changed (run `make golden` if intended):\n" + "\n".join(lines))
