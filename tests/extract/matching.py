"""Matching extracted records against expected ones, shared by the event extractors' tests."""
from __future__ import annotations

from collections.abc import Callable


def match_records(got: list[dict], want: list[dict], norm: Callable[[str, object], object]) -> None:
    """Every wanted record matches a distinct extracted one, and nothing else was extracted.

    ``norm(key, value)`` turns an expected value into the form the extracted records use.
    """
    assert len(got) == len(want), got
    free = list(got)
    for expected in want:
        hit = next((r for r in free if all(r[k] == norm(k, v) for k, v in expected.items())), None)
        assert hit is not None, (expected, free)
        free.remove(hit)
