"""``kg build --update``: adding articles one at a time gives the same bytes as all at once."""
from __future__ import annotations

import shutil

from tests.conftest import SEEDS, kg


def test_update_one_at_a_time_equals_building_all(tmp_path):
    names = sorted({p.name.split(".")[0] for p in SEEDS.glob("*.txt")})
    batches = []
    for name in names:
        d = tmp_path / name
        d.mkdir()
        for f in SEEDS.glob(f"{name}.*"):
            shutil.copy(f, d / f.name)
        batches.append(d)
    step = tmp_path / "step" / "graph.nq"
    kg("build", str(batches[0]), "-o", str(step), "-q", check=True)
    for batch in batches[1:]:
        kg("build", "--update", str(batch), "-o", str(step), "-q", check=True)
    whole = tmp_path / "whole" / "graph.nq"
    kg("build", *map(str, batches), "-o", str(whole), "-q", check=True)
    assert step.read_bytes() == whole.read_bytes()


def test_update_skips_articles_already_held(tmp_path, seeds_dir):
    out = tmp_path / "graph.nq"
    kg("build", str(seeds_dir), "-o", str(out), "-q", check=True)
    before = out.read_bytes()
    kg("build", "--update", str(seeds_dir), "-o", str(out), "-q", check=True)
    assert out.read_bytes() == before


def test_update_without_new_input_rewrites_the_same_graph(tmp_path, seeds_dir):
    out = tmp_path / "graph.trig"
    kg("build", str(seeds_dir), "-o", str(out), "-q", check=True)
    before = out.read_bytes()
    kg("build", "--update", "-o", str(out), "-q", check=True)
    assert out.read_bytes() == before
