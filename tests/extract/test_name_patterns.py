"""The gazetteer's multi-word name patterns, factored by first character for speed, find exactly
what the plain longest-first alternation finds."""
from __future__ import annotations

import re

import pytest

from kg.extract import places
from tests.conftest import SEEDS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
    "Missiles fell in the sea of japan and the EAST CHINA SEA, near the Korean Peninsula.",
    "The U.S. Forces Korea and United Nations Command; the National Security Council met.",
    "La Pérouse Strait, la pérouse strait, Strait of Hormuz. Yellow Sea-bound. (KCNA) AFP",
]


def _plain(names: set[str], flags: int, template: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(template.format(alternatives), flags)


@pytest.mark.parametrize("ignore_case, template",
                         [(True, r"\b(?:{})\b"), (False, r"(?<![\w.])(?:{})(?![\w])")])
def test_factored_alternation_matches_like_the_plain_one(ignore_case, template):
    names = {"Sea of Japan", "Sea of Okhotsk", "Sea", "East China Sea", "East Sea", "Korean Peninsula",
             "La Pérouse Strait", "Strait of Hormuz", "Yellow Sea", "U.S. Forces Korea", "United Nations",
             "United Nations Command", "National Security Council", "Security Council", "KCNA", "AFP"}
    flags = re.I if ignore_case else 0
    factored = re.compile(template.format(places._alternation(names, ignore_case=ignore_case)), flags)
    plain = _plain(names, flags, template)
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shipped_patterns_find_the_seeds_names():
    text = " ".join(TEXTS)
    assert places._feature_pattern().search(text) and places._org_pattern().search(text)
