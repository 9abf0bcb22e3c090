"""Fixtures shared by the whole suite: the seed articles and one build of them per session."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"


def kg(*args: str, cwd: Path | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess, as a user would."""
    proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory) -> Path:
    """A private copy of the shipped articles."""
    dest = tmp_path_factory.mktemp("seeds")
    for f in SEEDS.iterdir():
        shutil.copy(f, dest / f.name)
    return dest


@pytest.fixture(scope="session")
def built_seeds(seeds_dir, tmp_path_factory) -> Path:
    """``kg build`` of the seed articles, once per session: the .trig path (a store beside it)."""
    out = tmp_path_factory.mktemp("build") / "graph.trig"
    kg("build", str(seeds_dir), "-o", str(out), "-q", check=True)
    return out
