"""``kg build`` end to end: formats, determinism, atomic writes, one-line errors."""

from __future__ import annotations

import hashlib
import os

import pyoxigraph
import pytest
from rdflib import Dataset

from tests.conftest import kg

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
OXI = {
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module")
def all_formats(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("formats")
    paths = {}
    for suffix in FORMATS:
        path = out / f"graph{suffix}"
        kg("build", str(seeds_dir), "-o", str(path), "-q", "--no-store", check=True)
        paths[suffix] = path
    return paths


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_parses_in_rdflib_and_pyoxigraph(all_formats, suffix):
    path = all_formats[suffix]
    ds = Dataset()
    ds.parse(path, format=FORMATS[suffix])
    assert len(ds) > 500
    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=OXI[suffix])
    assert len(store) > 500


def test_quad_formats_hold_the_same_quads(all_formats):
    def quads(suffix):
        ds = Dataset()
        ds.parse(all_formats[suffix], format=FORMATS[suffix])
        return {(s, p, o, g) for s, p, o, g in ds.quads()}

    assert quads(".trig") == quads(".nq") == quads(".jsonld")


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_two_builds_give_identical_bytes(all_formats, seeds_dir, tmp_path, suffix):
    again = tmp_path / f"again{suffix}"
    # A different hash seed must not change the output.
    env = dict(os.environ, PYTHONHASHSEED="12345")
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(seeds_dir), "-o", str(again), "-q", "--no-store"],
        check=True,
        env=env,
        capture_output=True,
    )
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(again) == digest(all_formats[suffix])


def test_validate_passes_on_the_built_seeds(built_seeds):
    proc = kg("validate", str(built_seeds))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _write(path, data, meta=None):
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    if meta is not None:
        path.with_suffix(".meta.json").write_text(meta)
    return path


@pytest.mark.parametrize(
    "name, data, meta, needle",
    [
        ("missing", None, None, "does not exist"),
        ("e.txt", "", None, "is empty"),
        ("b.txt", b"\x00\x01\x02binary", None, "binary"),
        ("m.txt", "North Korea fired a missile.", "{bad json", "not valid JSON"),
        ("d.txt", "North Korea fired a missile.", '{"published": "yesterday"}', "not a date"),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path, name, data, meta, needle):
    path = tmp_path / name if data is None else _write(tmp_path / name, data, meta)
    proc = kg("build", str(path), "-o", str(tmp_path / "out.trig"))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_unwritable_output_is_a_clear_error(seeds_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = kg("build", str(seeds_dir), "-o", str(blocker / "graph.trig"), "--no-store")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1
    assert "cannot write" in proc.stderr


def test_unknown_format_is_refused(seeds_dir, tmp_path):
    proc = kg("build", str(seeds_dir), "-o", str(tmp_path / "graph.xml"))
    assert proc.returncode != 0 and ".ttl" in proc.stderr


def test_failed_build_keeps_the_previous_output(seeds_dir, tmp_path):
    out = tmp_path / "graph.nq"
    kg("build", str(seeds_dir), "-o", str(out), "-q", "--no-store", check=True)
    before = out.read_bytes()
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    proc = kg("build", str(seeds_dir), str(tmp_path / "bad.txt"), "-o", str(out), "--no-store")
    assert proc.returncode != 0
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_help_lists_every_command():
    out = kg("--help").stdout
    for command in ("build", "query", "viz", "load", "serve", "validate", "stats"):
        assert command in out


def test_parallel_build_gives_the_same_bytes(tmp_path):
    from bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", 24, seed=3)
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    kg("build", str(tmp_path / "corpus"), "-o", str(one), "-q", "--no-store", "--no-cache", check=True)
    kg(
        "build",
        str(tmp_path / "corpus"),
        "-o",
        str(two),
        "-q",
        "--no-store",
        "--no-cache",
        "--n-process",
        "2",
        check=True,
    )
    assert one.read_bytes() == two.read_bytes()
