"""Named entities of one document: found by the model, corrected, typed and resolved.

The statistical model is a start, not an answer. It cuts names short ("Yoon Suk" for "Yoon
Suk Yeol"), types surnames as organisations ("Matsuno"), misses lower-case national bodies
("Japan's defence ministry") and reads typos as unknown places ("Lihuania"). This module
fixes those with span repairs, the gazetteer (:mod:`kg.gazetteer`) and in-document agreement:
a surname belongs to the one full name in the document that contains it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.extract.places import capitals, find_feature_names
from kg.extract.names import (
    NOT_ORGS, extend_name, fold, name_tokens, slug, strip_leading, strip_possessive,
)
from kg.records import Entity, Mention

MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}

# Generic national bodies the model often misses in lower case: "Japan's defence ministry".
_BODY_HEADS = (r"joint chiefs of staff|(?:defen[cs]e|foreign|unification|interior|finance|trade|"
               r"foreign affairs|home affairs) ministry|ministry of (?:defen[cs]e|foreign affairs|"
               r"unification|national defen[cs]e)|coast guard|national security council|"
               r"state department|defen[cs]e department|department of (?:defen[cs]e|state)|"
               r"national police agency|meteorological agency|space agency|"
               r"nuclear safety commission|national intelligence service|cabinet office")
_BODY = re.compile(rf"\b(?:the\s+)?(?P<head>{_BODY_HEADS})\b", re.I)
_WATER_HEADS = {"sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "sound", "lake", "river"}
_REGION_HEADS = {"peninsula", "island", "islands", "province", "prefecture", "region", "coast",
                 "county", "state", "territory", "archipelago", "zone"}


@dataclass
class EntityTable:
    """The entities of one document and where it names them."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _by_token: dict[int, tuple[Span, str]] = field(default_factory=dict)

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
        for tok in span:
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

    def add(self, span: Span, entity: Entity, *, alias: bool = True) -> None:
        if any(t.i in self._by_token for t in span):
            return  # the first, more specific reading of a token wins
        old = self.entities.get(entity.key)
        aliases = {span.text} if alias else set()
        if old is not None:
            entity = Entity(key=old.key, cls=old.cls, name=old.name, aliases=old.aliases | aliases,
                            within=old.within, country=old.country, geonames_id=old.geonames_id,
                            iso_code=old.iso_code)
        else:
            entity = Entity(key=entity.key, cls=entity.cls, name=entity.name,
                            aliases=entity.aliases | aliases, within=entity.within, country=entity.country,
                            geonames_id=entity.geonames_id, iso_code=entity.iso_code)
        self.entities[entity.key] = entity
        for tok in span:
            self._by_token[tok.i] = (span, entity.key)
        self.mentions.append(Mention(span.start_char, span.end_char, span.text, entity.key))
        # Containing places enter the table too, so "within" always points at a known node.
        for parent in (entity.within, entity.country):
            if parent and parent not in self.entities:
                place = gazetteer.place_by_key(parent)
                if place is not None:
                    self.entities[parent] = _place_entity(place, alias=False)


def _place_entity(place: gazetteer.Place, *, alias: bool = True) -> Entity:
    return Entity(key=place.key, cls=place.cls, name=place.name, within=place.within,
                  geonames_id=place.geonames_id, iso_code=place.iso_code,
                  aliases=frozenset([place.name]) if alias else frozenset())


def _org_entity(org: gazetteer.Org) -> Entity:
    return Entity(key=org.key, cls=org.cls, name=org.name, country=org.country,
                  aliases=frozenset([org.name]))


def _country_before(doc: Doc, start: int, table: EntityTable, window: int = 8) -> str | None:
    """The country named (or adjective) just before a national body, in the same sentence."""
    sent_start = doc[start].sent.start
    for i in range(start - 1, max(sent_start, start - window) - 1, -1):
        key = table.entity_of(doc[i])
        if key and table.cls(key) == "Country":
            return key
        place = gazetteer.lookup_demonym(doc[i].text, fuzzy=True) if doc[i].text[:1].isupper() else None
        if place is not None and place.cls == "Country":
            return place.key
    return None


def _place_class_by_head(text: str, label: str) -> str:
    head = fold(text).split()[-1] if fold(text) else ""
    first = fold(text).split()[0] if fold(text) else ""
    if head in _WATER_HEADS or first in {"sea", "gulf", "bay", "strait", "lake"}:
        return "BodyOfWater"
    if head in _REGION_HEADS or label == "LOC":
        return "Region"
    return "City"


def _clean(ent: Span) -> Span | None:
    span = strip_leading(strip_possessive(ent))
    if ent.label_ == "PERSON":
        span = extend_name(span)
    if ent.label_ == "ORG" and span.start > 0:
        prev = span.doc[span.start - 1]
        # "TV Asahi": the model keeps only "Asahi"; a short all-caps word before is the name's.
        if prev.is_upper and prev.is_alpha and len(prev) <= 4 and prev.ent_type_ == "" and not prev.is_sent_start:
            span = span.doc[prev.i:span.end]
    text = span.text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return None
    if ent.label_ == "PERSON" and any(c.isdigit() for c in text):
        return None  # "Hwasong-18" is a missile, not a person
    return span


def find_entities(doc: Doc) -> EntityTable:
    """All entity mentions of ``doc``, typed and resolved within the document."""
    table = EntityTable(doc)
    spans = [(s, e.label_) for e in doc.ents if e.label_ in MODEL_LABELS and (s := _clean(e)) is not None]
    # Full names first, so surnames can be resolved against them.
    full_names = _full_names(spans)
    for span, label in spans:
        _add_span(table, span, label, full_names)
    _add_national_bodies(table)
    _add_gazetteer_phrases(table)
    table.mentions.sort(key=lambda m: (m.start, m.end))
    return table


def _full_names(spans: list[tuple[Span, str]]) -> dict[str, Entity]:
    """Person names of two words or more, keyed by their folded form."""
    out: dict[str, Entity] = {}
    for span, label in spans:
        if label == "PERSON" and len(name_tokens(span.text)) >= 2:
            key = "person:" + slug(span.text)
            out.setdefault(fold(span.text), Entity(key=key, cls="Person", name=span.text))
    return out


def _person_for(text: str, full_names: dict[str, Entity]) -> Entity | None | bool:
    """The one full name containing ``text``'s words; ``False`` if several do (ambiguous)."""
    words = name_tokens(text)
    hits = {e.key: e for f, e in full_names.items() if set(words) <= set(f.split()) and f != " ".join(words)}
    if len(hits) > 1:
        return False
    if hits:
        return next(iter(hits.values()))
    return None


def _add_span(table: EntityTable, span: Span, label: str, full_names: dict[str, Entity]) -> None:
    text = span.text
    folded = fold(text)
    if label in ("GPE", "LOC", "FAC"):
        place = gazetteer.lookup_place(text, fuzzy=True)
        if place is not None:
            table.add(span, _place_entity(place))
            return
        person = _person_for(text, full_names)
        if person:
            table.add(span, person)
            return
        cls = _place_class_by_head(text, label)
        prefix = {"BodyOfWater": "water", "Region": "region", "City": "city"}[cls]
        table.add(span, Entity(key=f"{prefix}:{slug(text)}", cls=cls, name=text))
        return
    if label == "NORP":
        place = gazetteer.lookup_demonym(text, fuzzy=True) or gazetteer.lookup_place(text, fuzzy=True)
        if place is not None and place.cls == "Country":
            table.add(span, _place_entity(place), alias=False)
        return
    if label == "ORG":
        if folded in NOT_ORGS:
            return
        person = _person_for(text, full_names)
        if person:
            table.add(span, person)
            return
        org = gazetteer.lookup_org(text)
        if org is None:
            org = gazetteer.lookup_national_body(text, _country_before(span.doc, span.start, table))
        if org is not None:
            table.add(span, _org_entity(org))
            return
        place = gazetteer.lookup_place(text)
        if place is not None:
            table.add(span, _place_entity(place))
            return
        table.add(span, Entity(key="org:" + slug(text), cls="Organization", name=text))
        return
    # PERSON
    place = gazetteer.lookup_place(text) if len(name_tokens(text)) == 1 else None
    if place is not None and place.cls == "Country":
        table.add(span, _place_entity(place))
        return
    person = _person_for(text, full_names)
    if person is False:
        return  # "Kim" with two Kims in the article: better unnamed than wrong
    if person is None:
        person = full_names.get(folded) or Entity(key="person:" + slug(text), cls="Person", name=text)
    table.add(span, person)


def _add_national_bodies(table: EntityTable) -> None:
    """Lower-case national bodies ("Japan's defence ministry"), and "the ministry said" anaphora."""
    doc = table.doc
    last_by_head: dict[str, str] = {}
    for m in _BODY.finditer(doc.text):
        span = doc.char_span(m.start("head"), m.end("head"), alignment_mode="expand")
        if span is None:
            continue
        if any(t.i in table._by_token for t in span):
            key = table.entity_of(span[0])
            if key:
                last_by_head[_head_word(m.group("head"))] = key
            continue
        country = _country_before(doc, span.start, table, window=3)
        org = gazetteer.lookup_national_body(m.group("head"), country) if country else None
        if org is not None:
            table.add(span, _org_entity(org))
            last_by_head[_head_word(m.group("head"))] = org.key
    # "the ministry said": the last body of that kind named before.
    for m in re.finditer(r"\bthe (ministry|coast guard|agency|council|department)\b", doc.text, re.I):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        key = _last_body(table, m.start(), m.group(1).lower())
        if span is not None and key and not any(t.i in table._by_token for t in span):
            table.add(span, table.entities[key], alias=False)


def _head_word(head: str) -> str:
    return fold(head).split()[-1]


def _last_body(table: EntityTable, before: int, head: str) -> str | None:
    best = None
    for mention in table.mentions:
        if mention.start < before and head in fold(table.entities[mention.entity].name):
            best = mention.entity
    return best


def _add_gazetteer_phrases(table: EntityTable) -> None:
    """Regions and seas the model missed ("the Korean peninsula"): the gazetteer's multi-word names."""
    doc = table.doc
    for start, end, place in find_feature_names(doc.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text[:1].isupper() or any(t.i in table._by_token for t in span):
            continue
        table.add(span, _place_entity(place))

