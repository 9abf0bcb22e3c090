"""Misspelt names of places the article names correctly elsewhere.

News copy has typos ("It was the first time a J-Alert had been issued for Okianwa"), and the
model reads an unknown one-word name as a person or an organisation. The gazetteer corrects
typos only towards big places (see :mod:`kg.gazetteer.fuzzy`); the article's own places are
better candidates still: a word one edit in five away from a place the same article names is
that place, not a new entity.
"""

from __future__ import annotations

import dataclasses

from rapidfuzz.distance import OSA

from kg import gazetteer
from kg.extract.entity_table import EntityTable
from kg.extract.names import fold
from kg.gazetteer.fuzzy import CUTOFF, MIN_LENGTH, is_refused

_PLACE_CLASSES = {"Country", "City", "Region", "BodyOfWater"}
_EPS = 1e-6


def _made_up(key: str) -> bool:
    """A key made from the text's own words (no gazetteer or registry record behind it)."""
    return key.startswith(("person:", "org:")) or (
        key.startswith(("city:", "region:", "water:")) and gazetteer.place_by_key(key) is None)


def merge_misspelt_places(table: EntityTable) -> None:
    """Point every mention of a one-word name that misspells a place of the article at that place."""
    names: dict[str, set[str]] = {}
    for key, ent in table.entities.items():
        if ent.cls in _PLACE_CLASSES and not _made_up(key):
            for name in {ent.name, *ent.aliases}:
                names.setdefault(fold(name), set()).add(key)
    if not names:
        return
    by_entity: dict[str, list[int]] = {}
    for i, m in enumerate(table.mentions):
        by_entity.setdefault(m.entity, []).append(i)
    for key, indexes in by_entity.items():
        found = table.entities.get(key)
        if found is None or not _made_up(key):
            continue
        word = fold(found.name)
        if len(word) < MIN_LENGTH or not word.isalpha() or is_refused(word):
            continue
        if any(" " in table.mentions[i].text.strip() for i in indexes):
            continue  # a name of two words or more is a name of its own
        hits = {place for name, keys in names.items() if name[:1] == word[:1]
                and OSA.normalized_similarity(word, name) >= CUTOFF - _EPS for place in keys}
        if len(hits) != 1:
            continue
        place = hits.pop()
        for i in indexes:
            m = table.mentions[i]
            table.mentions[i] = dataclasses.replace(m, entity=place)
            for tok, (span, owner) in list(table._by_token.items()):
                if owner == key:
                    table._by_token[tok] = (span, place)
        target = table.entities[place]
        table.entities[place] = dataclasses.replace(target, aliases=target.aliases | {found.name})
        del table.entities[key]
