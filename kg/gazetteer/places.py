"""Place and demonym lookup over the curated index and the GeoNames cities.

Resolution order for a name (first tier that has a hit wins):

0. sovereign country ("Georgia" → the country, not the US state; "Jordan" →
   the country, not the Hong Kong district)
1. curated feature or dependent territory ("Okinawa" → the prefecture, "Jeju"
   → the island, "Sunan" → the Pyongyang district, "Guam" → US territory)
2. a country's capital ("Washington" → Washington, D.C.)
3. a city of >= 1M inhabitants ("New York" → the city)
4. a US state ("California")
5. any other city, most populous first.

Guards: acronym aliases ("US", "DPRK") never match an all-lower-case query
("us"); an acronym-like query ("UN") never matches a tier-5 city; a tier-5
city under 100k inhabitants is skipped when its name is a domain person name
or ordinary English word ("Kim", "Flint", "May");
``blocklist.json``'s generic expressions ("exclusive economic zone") are
never places.  Possessives are tried stripped ("Japan's" → Japan) when the
full form is unknown.
"""

from __future__ import annotations

from functools import lru_cache

from . import fuzzy as _fuzzy
from .cities import cities, city_place
from .model import Place
from .sources import TIER_CITY, TIER_FEATURE, Hit, curated
from .text import is_acronym, normalise, strip_possessive
from .words import is_not_place, is_person_or_common_word

SMALL_CITY = 100_000


def _query_forms(name: str) -> list[tuple[str, str]]:
    """(normalised form, surface form) to try, in order."""
    out = []
    for q in dict.fromkeys([name.strip(), strip_possessive(name)]):
        n = normalise(q)
        if n:
            out.append((n, q))
    return out


def _city_allowed(hit: Hit, norm: str, surface: str) -> bool:
    if hit.tier < TIER_CITY:
        return True
    if is_acronym(surface):
        return False  # "UN" is not the Indian town "Un"
    return -hit.neg_population >= SMALL_CITY or not is_person_or_common_word(norm)


def _hits(norm: str, surface: str, *, all_tiers: bool) -> list[Hit]:
    if is_not_place(norm):
        return []
    # A name written in lower or mixed case is no acronym: "Ri" (a Korean surname) is not "RI".
    lower = surface == surface.lower() or not is_acronym(surface)
    hits = curated().index.get(norm, lower_query=lower)
    if all_tiers or not hits or hits[0].tier > TIER_FEATURE:
        city_hits = cities().index.get(norm, lower_query=lower)
        hits = sorted(hits + [h for h in city_hits if _city_allowed(h, norm, surface)])
    return hits


def place_candidates(name: str) -> tuple[Place, ...]:
    """Every place ``name`` can denote, best first (for disambiguation by context).

    ``place_candidates("Georgia")`` → (Georgia the country, Georgia the US state).
    """
    for norm, surface in _query_forms(name):
        hits = _hits(norm, surface, all_tiers=True)
        if hits:
            places = (place_by_key(h.key) for h in hits)
            return tuple(dict.fromkeys(p for p in places if p is not None))
    return ()


@lru_cache(maxsize=65536)  # entity finding asks the same names again and again
def lookup_place(name: str, *, fuzzy: bool = False) -> Place | None:
    """The place ``name`` most likely denotes, or None.

    With ``fuzzy=True`` a misspelling of a country, capital, big city or curated
    feature is corrected when unambiguous ("Lihuania" → Lithuania); see
    ``fuzzy.py`` for the guards.
    """
    forms = _query_forms(name)
    for norm, surface in forms:
        hits = _hits(norm, surface, all_tiers=False)
        if hits:
            return place_by_key(hits[0].key)
    if fuzzy and forms and not any(_known_name(n) for n, _ in forms):
        key = _fuzzy.correct_place(forms[-1][0])
        return place_by_key(key) if key else None
    return None


def _known_name(norm: str) -> bool:
    """A name the gazetteer knows exactly, even if a guard refused it."""
    return (
        norm in curated().index.names
        or norm in cities().index.names
        or norm in curated().demonyms
        or is_not_place(norm)
    )


@lru_cache(maxsize=65536)  # entity finding asks the same names again and again
def lookup_demonym(word: str, *, fuzzy: bool = False) -> Place | None:
    """Country (or territory) of a nationality adjective / demonym.

    "Japanese" → Japan, "South Korean" / "N. Korean" → the Koreas, "American" /
    "Americans" / "U.S." → United States.  "Korean" alone → South Korea (the
    news convention, consistent with the "Korea" alias).
    """
    cur = curated()
    q = strip_possessive(word)
    norm = normalise(q)
    if not norm:
        return None
    lower = q == q.lower()
    for cand in (norm, *_singulars(norm)):
        key = cur.demonyms.get(cand)
        if key and not (lower and cand in cur.demonym_acronyms):
            return place_by_key(key)
    if fuzzy and not _known_name(norm):
        key = _fuzzy.correct_demonym(norm)
        return place_by_key(key) if key else None
    return None


def _singulars(norm: str) -> list[str]:
    out = []
    if norm.endswith("men"):
        out.append(norm[:-3] + "man")  # Frenchmen
    if norm.endswith("s"):
        out.append(norm[:-1])  # Americans, Filipinos
    return out


def place_by_key(key: str) -> Place | None:
    place = curated().places.get(key)
    if place is not None:
        return place
    if key.startswith("city:"):
        ident = key[5:]
        if ident.isdigit():
            return city_place(int(ident))
    return None
