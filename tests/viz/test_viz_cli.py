"""`kg viz` and `kg stats` as a user runs them: files written, one-line errors, table and JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "data" / "sample.trig"


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


def test_viz_writes_the_page_and_says_what_it_drew(tmp_path: Path):
    out = tmp_path / "deep" / "graph.html"
    proc = kg("viz", str(SAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert proc.stderr.strip() == f"wrote {out}: 26 nodes, 33 links"


def test_viz_defaults_to_out_graph_trig(tmp_path: Path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.trig").write_bytes(SAMPLE.read_bytes())
    proc = kg("viz", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "graph.html").is_file() and proc.stderr == ""


def test_viz_focus_and_max_nodes_are_reported(tmp_path: Path):
    proc = kg("viz", str(SAMPLE), "-o", str(tmp_path / "f.html"), "--focus", "Kishida", "--depth", "1")
    assert "4 nodes" in proc.stderr and "'Fumio Kishida' (depth 1)" in proc.stderr
    proc = kg("viz", str(SAMPLE), "-o", str(tmp_path / "m.html"), "--max-nodes", "10")
    assert "16 less central nodes left out (of 26)" in proc.stderr


@pytest.mark.parametrize(("args", "code"), [
    (["missing.trig"], "E060"),
    ([str(SAMPLE), "--focus", "Atlantis"], "E062"),
    ([str(SAMPLE), "--focus", "Korea"], "E063"),
    ([str(SAMPLE), "--max-nodes", "-1"], "E064"),
])
def test_viz_errors_are_one_line(tmp_path: Path, args, code):
    proc = kg("viz", *args, "-o", str(tmp_path / "x.html"))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and f"error {code}:" in proc.stderr
    assert not (tmp_path / "x.html").exists()


def test_stats_table_has_every_section():
    proc = kg("stats", str(SAMPLE))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("17 entities, 9 events, 33 links from 2 articles")
    for title in ("By class", "Most central actors", "Communities (actors who share events)", "Busiest days"):
        assert f"\n{title}\n" in out
    assert "Missile launch" in out and "North Korea" in out and "2023-03-16" in out


def test_stats_json_is_machine_readable():
    proc = kg("stats", str(SAMPLE), "--format", "json", "--top", "2")
    data = json.loads(proc.stdout)
    assert set(data) == {"graph", "totals", "classes", "central_actors", "communities", "busiest_days"}
    assert len(data["central_actors"]) == 2 and len(data["busiest_days"]) == 2
    assert data["busiest_days"][0] == {"date": "2023-03-16", "events": 3,
                                       "by_class": {"Meeting": 1, "Missile launch": 1, "Statement": 1}}


def test_stats_errors_are_one_line():
    proc = kg("stats", "missing.trig")
    assert proc.returncode == 2 and "error E060:" in proc.stderr
    proc = kg("stats", str(SAMPLE), "--top", "0")
    assert proc.returncode == 2 and "error E064:" in proc.stderr


def test_viz_refuses_a_folder_as_output(tmp_path: Path):
    proc = kg("viz", str(SAMPLE), "-o", str(tmp_path))
    assert proc.returncode == 2 and "error E007:" in proc.stderr and "folder" in proc.stderr
    assert list(tmp_path.parent.glob(tmp_path.name + ".tmp")) == []
