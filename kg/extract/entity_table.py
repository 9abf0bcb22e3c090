"""The entity table of one document: its entities, where it names them, and the helpers
that build entities from gazetteer records. See :mod:`kg.extract.entities` for how it is filled."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.places import capitals
from kg.extract.tokens import span_tokens
from kg.records import Entity, Mention

MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


WATER_HEADS = {"sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "sound", "lake", "river"}


REGION_HEADS = {
    "peninsula",
    "cape",
    "island",
    "islands",
    "province",
    "prefecture",
    "region",
    "coast",
    "county",
    "state",
    "territory",
    "archipelago",
    "zone",
    "oblast",
    "krai",
    # Facilities are places too; the ontology has no class of its own for them.
    "cosmodrome",
    "station",
    "base",
    "site",
    "airport",
    "port",
    "complex",
    "facility",
    "ground",
    "grounds",
    "range",
    "camp",
    "shipyard",
    "district",
}


# "the island of Capri", "the border town of Khasan": a noun that says what kind of place follows.
PLACE_KIND_NOUNS = {"island": "Region", "province": "Region", "county": "Region", "region": "Region",
                    "prefecture": "Region", "district": "Region", "town": "City", "city": "City",
                    "village": "City", "port": "City", "station": "City"}


@dataclass
class EntityTable:
    """The entities of one document and where it names them."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _by_token: dict[int, tuple[Span, str]] = field(default_factory=dict)
    # Where the article is written from: its agency's country or its dateline's. A body named
    # without a country ("the Joint Chiefs of Staff said") is that country's.
    home_country: str | None = None
    # The people of a transcript's crew (their keys): a surname in the story is not theirs.
    crew: set[str] = field(default_factory=set)
    # spaCy rebuilds Doc.text on every access: read it once.
    text: str = ""

    def entity_of(self, token: Token) -> str | None:
        """The key of the entity a token is part of, if any."""
        hit = self._by_token.get(token.i)
        return hit[1] if hit else None

    def span_of(self, token: Token) -> Span | None:
        hit = self._by_token.get(token.i)
        return hit[0] if hit else None

    def in_span(self, span: Span) -> list[tuple[Span, str]]:
        """Entity mentions inside ``span``, in text order, each once."""
        out, seen = [], set()
        for tok in span_tokens(span):
            hit = self._by_token.get(tok.i)
            if hit and hit[0].start not in seen:
                seen.add(hit[0].start)
                out.append(hit)
        return out

    def cls(self, key: str | None) -> str | None:
        return self.entities[key].cls if key in self.entities else None

    def actor(self, key: str | None) -> str | None:
        """The actor a mention stands for: a capital acting is its country ("Pyongyang would pay")."""
        if key is None or key not in self.entities:
            return None
        ent = self.entities[key]
        if ent.cls == "City" and key in capitals():
            return ent.within
        if ent.cls in ("Region", "BodyOfWater", "City"):
            return None
        return key

    def salient_country(self) -> str | None:
        """The country the document names most often (ties: the first named)."""
        counts = Counter(m.entity for m in self.mentions if self.cls(m.entity) == "Country")
        return counts.most_common(1)[0][0] if counts else None

    # ------------------------------------------------------------ building

    def taken(self, span: Span) -> bool:
        """Some token of ``span`` is part of an entity already."""
        return any(i in self._by_token for i in range(span.start, span.end))

    def add(self, span: Span, entity: Entity, *, alias: bool = True) -> None:
        if self.taken(span):
            return  # the first, more specific reading of a token wins
        old = self.entities.get(entity.key)
        aliases = {span.text} if alias else set()
        if (
            entity.country
            and entity.cls in ("GovernmentBody", "MilitaryBody")
            and aliases
            and not names_country(span.text)
        ):
            # "Defense Ministry" alone names no one body: the country-qualified forms stand in.
            aliases = set()
        base = old if old is not None else entity  # the first reading of a key keeps its type and name
        entity = dataclasses.replace(base, aliases=base.aliases | aliases)
        self.entities[entity.key] = entity
        for i in range(span.start, span.end):
            self._by_token[i] = (span, entity.key)
        self.mentions.append(Mention(span.start_char, span.end_char, span.text, entity.key))
        # Containing places enter the table too, so "within" always points at a known node.
        for parent in (entity.within,):
            if parent and parent not in self.entities:
                place = gazetteer.place_by_key(parent)
                if place is not None:
                    self.entities[parent] = place_entity(place, alias=False)


def country_of(table: EntityTable, key: str | None) -> str | None:
    """The country a place lies in, climbing ``within`` (a country is its own)."""
    seen = set()
    while key and key not in seen:
        seen.add(key)
        ent = table.entities.get(key) or known_place(key)
        if ent is None:
            return None
        if ent.cls == "Country":
            return key
        key = ent.within
    return None


def gazetteer_country(key: str | None) -> str | None:
    """The country a gazetteer place lies in, climbing ``within`` ("CAMP DAVID, Md." → US)."""
    seen: set[str] = set()
    while key and key not in seen:
        seen.add(key)
        place = gazetteer.place_by_key(key)
        if place is None:
            return None
        if place.cls == "Country":
            return key
        key = place.within
    return None


def known_place(key: str) -> Entity | None:
    place = gazetteer.place_by_key(key)
    return place_entity(place, alias=False) if place is not None else None


def names_country(text: str) -> bool:
    """Whether a phrase names a country, by name or adjective ("Japan's", "Japanese")."""
    words = text.replace("\u2019", "'").replace("'s", "").split()
    return any(
        getattr(gazetteer.lookup_place(" ".join(words[i:j])), "cls", None) == "Country"
        or gazetteer.lookup_demonym(" ".join(words[i:j])) is not None
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 3) + 1)
    )


def place_entity(place: gazetteer.Place, *, alias: bool = True) -> Entity:
    return Entity(
        key=place.key,
        cls=place.cls,
        name=place.name,
        within=place.within,
        geonames_id=place.geonames_id,
        iso_code=place.iso_code,
        aliases=frozenset([place.name]) if alias else frozenset(),
    )


def org_entity(org: gazetteer.Org) -> Entity:
    # A national body's first aliases are its "<Country> <Body>", "<Country>'s <Body>" and
    # "<Demonym> <Body>" forms in both word orders; the rest (MOFA, ...) add nothing for search.
    aliases = org.aliases if org.country and org.cls in ("GovernmentBody", "MilitaryBody") else ()
    return Entity(
        key=org.key, cls=org.cls, name=org.name, country=org.country, aliases=frozenset([org.name, *aliases])
    )
