"""Typo correction for place names and demonyms (only with ``fuzzy=True``).

NER output contains misspellings ("Lihuania", "Japnaese", "Koera") that
should still resolve, but fuzzy matching against 70k GeoNames names would
turn ordinary words and small towns into false places ("Koera" → the Rwandan
town "Kora").  So a correction is accepted only when *all* guards pass:

* the query is at least 5 characters (short strings have too many neighbours);
* the query is not a known name exactly (the caller checks: exact lookup,
  including names a guard refused, always wins) and is not a correctly
  spelled English word (WordNet lemma list, see ``words.py``) nor a domain
  person name - "Germane" must not become "German", "Chili" not "Chile";
* the candidate shares the query's first letter (typos rarely hit it);
* the candidate is a country name/alias, a curated feature, a demonym, a
  capital or a city of more than 1M inhabitants - never a small town;
* similarity >= 0.80 by *OSA* (optimal string alignment: Levenshtein where an
  adjacent transposition costs one edit), normalised by the longer length,
  i.e. at most one edit per five letters;
* the best score is reached by exactly one place; a tie is broken only by
  rank (a country beats a curated feature beats a city: "Chnia" → China, not
  "Conia", an old name of Konya), otherwise there is no answer.

Why OSA at 0.80 rather than ``fuzz.ratio`` at ~88: ``fuzz.ratio`` is Indel
based, so the most common typo - two swapped letters - costs two edits and
scores 80 for "Koera"/"Korea" and 87.5 for "Japnaese"/"Japanese", below an
88 cutoff, while it would still accept longer, worse matches.  Counting a
transposition as one edit and capping edits per letter is both stricter on
short names and kinder to real typos.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .cities import cities
from .sources import TIER_BIG_CITY, TIER_FEATURE, curated
from .words import english_words, is_person_or_common_word

MIN_LENGTH = 5
CUTOFF = 0.80
_EPS = 1e-6  # 1 - 1/5 is not exactly 0.8 in floating point (nor in rapidfuzz)


@lru_cache(maxsize=1)
def _place_choices() -> dict[str, tuple[int, str]]:
    """normalised name → (tier, place key) for the places a typo may mean."""
    out: dict[str, tuple[int, str]] = {}
    for norm, hits in curated().index.names.items():
        best = hits[0]
        if best.tier <= TIER_FEATURE and not best.acronym:
            out[norm] = (best.tier, best.key)
    for norm, hits in cities().index.names.items():
        best = hits[0]
        if best.tier <= TIER_BIG_CITY and norm not in out:
            out[norm] = (best.tier, best.key)  # capitals and million-plus cities
    return out


@lru_cache(maxsize=1)
def _demonym_choices() -> dict[str, tuple[int, str]]:
    cur = curated()
    return {n: (0, k) for n, k in cur.demonyms.items() if n not in cur.demonym_acronyms}


def is_refused(norm: str) -> bool:
    """Whether a word must not be corrected: too short, an English word or a common name."""
    if len(norm) < MIN_LENGTH or not norm[0].isalpha():
        return True
    words = english_words()
    if norm in words or (norm.endswith("s") and norm[:-1] in words):
        return True
    return is_person_or_common_word(norm)


def _correct(norm: str, choices: dict[str, tuple[int, str]]) -> str | None:
    if is_refused(norm):
        return None
    matches = process.extract(
        norm, choices.keys(), scorer=OSA.normalized_similarity, score_cutoff=CUTOFF - _EPS, limit=20
    )
    found = [(name, score) for name, score, _ in matches if name[:1] == norm[:1]]
    if not found:
        return None
    best = max(score for _, score in found)
    ranked = sorted({choices[name] for name, score in found if score >= best - _EPS})
    top = [key for tier, key in ranked if tier == ranked[0][0]]
    return top[0] if len(top) == 1 else None


def correct_place(norm: str) -> str | None:
    """Key of the place a misspelt, normalised name most likely means."""
    return _correct(norm, _place_choices())


def correct_demonym(norm: str) -> str | None:
    """Key of the country a misspelt demonym most likely refers to."""
    return _correct(norm, _demonym_choices())
