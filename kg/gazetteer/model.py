"""Value types returned by the gazetteer (immutable, hashable)."""

from __future__ import annotations

from dataclasses import dataclass

PLACE_CLASSES = ("Country", "City", "Region", "BodyOfWater")
ORG_CLASSES = (
    "Organization",
    "GovernmentBody",
    "MilitaryBody",
    "NewsAgency",
    "InternationalOrganization",
)


@dataclass(frozen=True)
class Place:
    key: str  # "country:KP", "city:1871859", "water:sea-of-japan", "region:hokkaido"
    name: str  # canonical English name
    cls: str  # one of PLACE_CLASSES
    within: str | None  # key of the containing place, None if none / spans several
    aliases: tuple[str, ...]  # known surface forms (canonical name first)
    geonames_id: int | None = None
    iso_code: str | None = None  # ISO 3166-1 alpha-2 (countries and territories)


@dataclass(frozen=True)
class Org:
    key: str  # "org:un", "org:jp:ministry-of-defense"
    name: str
    cls: str  # one of ORG_CLASSES
    country: str | None  # key of the country a national body belongs to
    aliases: tuple[str, ...]
