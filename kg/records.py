"""Typed records: what extraction finds, before anything is a triple.

Extractors return these; :mod:`kg.resolve` merges them across articles; only :mod:`kg.rdf`
knows how they become RDF. Entities are referred to by their canonical ``key`` (see
:func:`kg.resolve.entity_key`), so records stay small, hashable and serialisable.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Entity classes (ontology local names) by family.
PLACE_CLASSES = {"Country", "City", "Region", "BodyOfWater"}
ORG_CLASSES = {"Organization", "GovernmentBody", "MilitaryBody", "NewsAgency", "InternationalOrganization"}


@dataclass(frozen=True)
class Article:
    """One article as read from disk, with page furniture already cut away.

    ``text`` is the article body that offsets refer to; it is a prefix (for .txt) or the
    extracted main text (for .html) of what was on disk.
    """

    id: str                     # stable: from the URL, else the content hash
    text: str
    published: dt.date | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str = ""              # where it was read from, for messages only
    name: str = ""              # file name (NAME.txt), or NAME.jsonl#line
    content_hash: str = ""      # sha256 of text


@dataclass(frozen=True)
class Evidence:
    """The sentence of an article that states a fact, verbatim, with its character offsets."""

    article: str                # Article.id
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Entity:
    """A named thing, canonical within the whole corpus once resolved."""

    key: str                    # "person:fumio-kishida", "country:kp", "org:jp:ministry-of-defense"
    cls: str                    # most specific ontology class local name
    name: str                   # preferred label
    aliases: frozenset[str] = frozenset()
    within: str | None = None   # key of the place it lies in
    country: str | None = None  # key of the country a national body belongs to
    geonames_id: int | None = None
    iso_code: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of an article that names an entity."""

    start: int
    end: int
    text: str
    entity: str                 # Entity.key


@dataclass(frozen=True)
class Role:
    person: str
    title: str                  # lower case: "prime minister"
    org: str
    evidence: Evidence
    # The org is the document's best guess for a bare title ("President X" in an American paper),
    # not a country the text states: another article's stated country overrides it (resolve).
    guessed: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class MissileLaunch:
    launcher: str | None
    missiles: tuple[str, ...] = ()
    count: int | None = None
    site: str | None = None
    landing: tuple[str, ...] = ()
    range_km: float | None = None
    apogee_km: float | None = None
    flight_minutes: float | None = None
    date: str | None = None     # ISO lexical: "2023-03-16" or "2023-03-16T07:10:00+09:00"
    reporters: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    TYPE = "MissileLaunch"


@dataclass(frozen=True)
class Meeting:
    kind: str = "Meeting"       # "Meeting" | "Summit"
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    planned: bool = False
    name: str | None = None     # "NATO summit"
    part_of: Meeting | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def TYPE(self) -> str:  # noqa: N802 - same name as the class attribute of the others
        return self.kind


@dataclass(frozen=True)
class Statement:
    speaker: str | None
    quote: str
    direct: bool = True
    date: str | None = None
    evidence: tuple[Evidence, ...] = ()
    TYPE = "Statement"


@dataclass(frozen=True)
class MilitaryExercise:
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    name: str | None = None
    evidence: tuple[Evidence, ...] = ()
    TYPE = "MilitaryExercise"


@dataclass(frozen=True)
class OtherEvent:
    """Warnings, sanctions, protests, agreements: an actor, a target, a place, a date."""

    kind: str                   # ontology class local name: "Warning", "Sanction", ...
    participants: tuple[str, ...] = ()
    target: str | None = None
    place: str | None = None
    date: str | None = None
    name: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def TYPE(self) -> str:  # noqa: N802
        return self.kind


EventRecord = MissileLaunch | Meeting | Statement | MilitaryExercise | OtherEvent


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
