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
from kg.extract.names import (
    NOT_ORGS,
    extend_name,
    fold,
    is_common_word,
    name_tokens,
    slug,
    strip_leading,
    strip_possessive,
)
from kg.extract.people import surname_spans, titled_names
from kg.extract.places import capitals, find_feature_names, find_org_names
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
# Wire-copy markers in capitals that the model reads as names ("(END)", "ANALYSIS -").
_WIRE_MARKERS = {"end", "update", "updated", "analysis", "exclusive", "breaking", "corrected", "refile",
                 "urgent", "factbox", "wrapup", "photo", "video", "live", "advisory", "news", "more"}
# Names of events, not of organisations: "Ulchi Freedom Shield", "Summit for Democracy".
_EVENT_HEADS = {"shield", "edge", "exercise", "exercises", "drill", "drills", "summit", "games",
                "olympics", "forum", "conference", "dialogue", "talks", "war", "resolve", "storm",
                "guardian", "strike", "eagle", "dragon", "tiger", "response", "falcon"}
_EVENT_NOUNS = {"exercise", "exercises", "drill", "drills", "summit", "talks", "war", "games", "meeting"}
_WATER_HEADS = {"sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "sound", "lake", "river"}
_REGION_HEADS = {"peninsula", "island", "islands", "province", "prefecture", "region", "coast",
                 "county", "state", "territory", "archipelago", "zone", "oblast", "krai",
                 # Facilities are places too; the ontology has no class of its own for them.
                 "cosmodrome", "station", "base", "site", "airport", "port", "complex", "facility",
                 "ground", "grounds", "range", "camp", "shipyard", "district"}
# One-word "organisations" that are parts of titles or generic bodies ("Secretary of State").
_GENERIC_ORGS = {"state", "defense", "defence", "cabinet", "government", "ministry", "parliament",
                 "military", "army", "navy", "police", "treasury", "justice", "interior", "foreign",
                 "presidency", "office", "council", "assembly", "court", "administration", "regime",
                 "command", "forces", "party", "agency", "department", "unification"}
_TITLE_WORDS = {"chairman", "chairwoman", "chair", "chief", "spokesman", "spokeswoman", "spokesperson",
                "commander", "minister", "secretary", "president", "director", "head", "official",
                "officials", "ambassador", "envoy", "general"}


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
        if entity.country and entity.cls in ("GovernmentBody", "MilitaryBody") and aliases \
                and not _names_country(span.text):
            # "Defense Ministry" alone names no one body: the country-qualified forms stand in.
            aliases = set()
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
        for parent in (entity.within,):
            if parent and parent not in self.entities:
                place = gazetteer.place_by_key(parent)
                if place is not None:
                    self.entities[parent] = _place_entity(place, alias=False)


_PLACE_RANK = {"City": 1, "Region": 2, "Country": 3}
_CONTAINS = re.compile(r"^,?\s*(?:in|in the|area in|area of|district of|region of|province of|"
                       r"the capital of|capital of|a city in|a town in|a village in|county in|district in)?\s*$",
                       re.I)


def _country_of(table: EntityTable, key: str | None) -> str | None:
    """The country a place lies in, climbing ``within`` (a country is its own)."""
    seen = set()
    while key and key not in seen:
        seen.add(key)
        ent = table.entities.get(key) or _known_place(key)
        if ent is None:
            return None
        if ent.cls == "Country":
            return key
        key = ent.within
    return None


def _gazetteer_country(key: str | None) -> str | None:
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


def _known_place(key: str) -> Entity | None:
    place = gazetteer.place_by_key(key)
    return _place_entity(place, alias=False) if place is not None else None


def _add_containment(table: EntityTable) -> None:
    """The containing place an article states: "Hamhung in South Hamgyong Province", "Sapporo,
    Hokkaido", "Russia's Amur region". It replaces the gazetteer's coarser one (a country) when
    both agree on the country, so ``kg:within`` names the most specific place the text gives."""
    doc, mentions = table.doc, sorted(table.mentions, key=lambda m: m.start)
    for n, (inner, outer) in enumerate(zip(mentions, mentions[1:], strict=False)):
        a, b = table.entities.get(inner.entity), table.entities.get(outer.entity)
        if a is None or b is None or a.key == b.key:
            continue
        gap = table.text[inner.end:outer.start]
        possessive = re.fullmatch(r"['\u2019]s\s+", gap) is not None
        if possessive:
            a, b = b, a  # "Russia's Amur region": the second lies in the first
        elif re.fullmatch(r",?\s+off\s+", gap) and "island" in fold(a.name):
            pass  # "Okushiri island, off Hokkaido": an island belongs to the land it lies off
        elif not _CONTAINS.match(gap):
            continue
        elif n + 2 < len(mentions) and re.fullmatch(r"['\u2019]s\s+", table.text[outer.end:mentions[n + 2].start]):
            # "the Vostochny Cosmodrome in Russia's Amur region": it lies in the region.
            b = table.entities.get(mentions[n + 2].entity) or b
        rank_a, rank_b = _PLACE_RANK.get(a.cls, 0), _PLACE_RANK.get(b.cls, 0)
        stated = possessive or " in" in gap or "of" in gap
        # A larger kind of place contains a smaller; a region may lie in a region or a district
        # in a city only when the text says so ("in", "of", a possessive), not in a list.
        if not rank_a or not (rank_b > rank_a or stated and (rank_a == rank_b == 2 or (a.cls, b.cls) == ("Region", "City"))):
            continue
        country_a, country_b = _country_of(table, a.within) if a.within else None, _country_of(table, b.key)
        if country_a and country_b and country_a != country_b:
            continue  # the text and the gazetteer disagree: a list of places, not containment
        if a.within and a.within != country_a and a.within != b.key:
            continue  # already more specific than a country
        table.entities[a.key] = Entity(key=a.key, cls=a.cls, name=a.name, aliases=a.aliases, within=b.key,
                                       country=a.country, geonames_id=a.geonames_id, iso_code=a.iso_code)


def _merge_countryless_bodies(table: EntityTable) -> None:
    """ "Joint Chiefs of Staff" with no country named is the article's country-specific one, if
    the article names exactly one body of that name with its country."""
    bodies: dict[str, list[str]] = {}
    for key, ent in table.entities.items():
        if ent.country and ent.cls in ("GovernmentBody", "MilitaryBody"):
            for alias in ent.aliases | {ent.name}:
                bodies.setdefault(fold(alias), []).append(key)
    remap = {}
    for key, ent in table.entities.items():
        if key.startswith("org:") and not ent.country:
            hosts = set(bodies.get(fold(ent.name), []))
            if len(hosts) == 1:
                remap[key] = hosts.pop()
    if not remap:
        return
    for i, (span, key) in list(table._by_token.items()):
        if key in remap:
            table._by_token[i] = (span, remap[key])
    table.mentions = [Mention(m.start, m.end, m.text, remap.get(m.entity, m.entity)) for m in table.mentions]
    for old, new in remap.items():
        ent = table.entities.pop(old)
        host = table.entities[new]
        table.entities[new] = Entity(key=host.key, cls=host.cls, name=host.name, aliases=host.aliases | ent.aliases,
                                     within=host.within, country=host.country, geonames_id=host.geonames_id,
                                     iso_code=host.iso_code)


def _drop_unmentioned_countries(table: EntityTable) -> None:
    """An organisation's country is linked only when the article names it: AFP needn't bring France."""
    named = {m.entity for m in table.mentions}
    for key, ent in list(table.entities.items()):
        if ent.country and ent.country not in named:
            table.entities[key] = Entity(key=ent.key, cls=ent.cls, name=ent.name, aliases=ent.aliases,
                                         within=ent.within, country=None, geonames_id=ent.geonames_id,
                                         iso_code=ent.iso_code)


def _names_country(text: str) -> bool:
    """Whether a phrase names a country, by name or adjective ("Japan's", "Japanese")."""
    words = text.replace("\u2019", "'").replace("'s", "").split()
    return any(gazetteer.lookup_place(" ".join(words[i:j])) is not None
               and gazetteer.lookup_place(" ".join(words[i:j])).cls == "Country"
               or gazetteer.lookup_demonym(" ".join(words[i:j])) is not None
               for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1))


def _place_entity(place: gazetteer.Place, *, alias: bool = True) -> Entity:
    return Entity(key=place.key, cls=place.cls, name=place.name, within=place.within,
                  geonames_id=place.geonames_id, iso_code=place.iso_code,
                  aliases=frozenset([place.name]) if alias else frozenset())


def _org_entity(org: gazetteer.Org) -> Entity:
    # A national body's first aliases are its "<Country> <Body>", "<Country>'s <Body>" and
    # "<Demonym> <Body>" forms in both word orders; the rest (MOFA, ...) add nothing for search.
    aliases = org.aliases if org.country and org.cls in ("GovernmentBody", "MilitaryBody") else ()
    return Entity(key=org.key, cls=org.cls, name=org.name, country=org.country,
                  aliases=frozenset([org.name, *aliases]))


def _country_before(doc: Doc, start: int, table: EntityTable, window: int = 3) -> str | None:
    """The country that qualifies a national body: a possessive or adjective right before it
    ("Japan's Coast Guard", "the Japanese Coast Guard", "Seoul's Joint Chiefs"), not any country
    nearby ("... and Japan, the JCS said")."""
    i = start - 1
    while i >= 0 and start - i <= window and doc[i].lower_ in {"the", "'s", "\u2019s", "'", "\u2019"}:
        i -= 1
    if i < 0 or doc[i].is_sent_start and doc[i].lower_ in {"the"}:
        return None
    key = table.entity_of(doc[i])
    if key and table.cls(key) == "Country":
        return key
    if key and table.cls(key) == "City" and doc[i + 1].lower_ in {"'s", "\u2019s"}:
        return table.actor(key)  # "Seoul's Joint Chiefs of Staff": a capital for its country
    if doc[i].text[:1].isupper():
        place = gazetteer.lookup_demonym(doc[i].text, fuzzy=True)
        if place is not None and place.cls == "Country":
            return place.key
    return None


def _body_country(table: EntityTable, span: Span) -> str | None:
    """The country of a national body: named just before it ("Japan's Coast Guard"), or shared
    with the body it is coordinated with ("Japan's Coast Guard and Defense Ministry"), or that
    of the body with the same head named earlier in the article."""
    doc = span.doc
    country = _country_before(doc, span.start, table, window=3)
    if country:
        return country
    if span.start >= 2 and doc[span.start - 1].lower_ in {"and", ",", "&"}:
        key = table.entity_of(doc[span.start - 2])
        if key and table.entities[key].country:
            return table.entities[key].country
    head = fold(span.text).split()[-1] if fold(span.text) else ""
    for mention in reversed(table.mentions):
        ent = table.entities.get(mention.entity)
        if ent is None or not ent.country or mention.start >= span.start_char:
            continue
        # The body of that kind named before ("the ministry"), or the one these initials stand
        # for ("the JCS" after "South Korea's Joint Chiefs of Staff").
        if head in fold(ent.name) or (span.text.isupper() and span.text in _acronyms_of(ent)):
            return ent.country
    return table.home_country


def _place_class_by_head(text: str, label: str) -> str:
    head = fold(text).split()[-1] if fold(text) else ""
    first = fold(text).split()[0] if fold(text) else ""
    if head in _WATER_HEADS or first in {"sea", "gulf", "bay", "strait", "lake"}:
        return "BodyOfWater"
    if head in _REGION_HEADS or label in ("LOC", "FAC"):
        return "Region"
    return "City"


def _is_event_name(span: Span) -> bool:
    """ "Ulchi Freedom Shield (exercise)", "Summit for Democracy": names of events, not actors."""
    words = fold(span.text).split()
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if nxt in _EVENT_NOUNS or (span.end + 1 < len(span.doc) and span.doc[span.end].text == "("
                               and span.doc[span.end + 2].lower_ in _EVENT_NOUNS if span.end + 2 < len(span.doc)
                               else False):
        return gazetteer.lookup_org(span.text) is None
    return bool(words) and (words[-1] in _EVENT_HEADS or words[0] in {"summit", "exercise", "operation"}) \
        and gazetteer.lookup_org(span.text) is None


def _label(ent: Span, span: Span) -> str:
    """The model's label, unless the repaired span ends in a place's head ("Vostochny cosmodrome")."""
    last = span[-1].lower_
    if ent.label_ in ("ORG", "PERSON") and span.end > ent.end and (last in _REGION_HEADS or last in _WATER_HEADS):
        return "LOC"
    return ent.label_


def _clean(ent: Span) -> Span | None:
    span = strip_leading(strip_possessive(ent), honorifics=ent.label_ == "PERSON")
    if fold(span.text) in NOT_ORGS:
        return None
    if ent.label_ == "PERSON":
        span = extend_name(span)
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG") and span.end < len(span.doc):
        nxt = span.doc[span.end]
        # "Amur region", "Korean peninsula": the model stops before a lower-case head noun.
        if (nxt.lower_ in _REGION_HEADS or nxt.lower_ in _WATER_HEADS) and (nxt.is_lower or ent.label_ != "ORG"):
            span = span.doc[span.start:span.end + 1]
    if ent.label_ == "ORG":
        # "JCS Chairman": a title after an organisation's name is not part of it.
        end = span.end
        while end - span.start > 1 and span.doc[end - 1].lower_ in _TITLE_WORDS:
            end -= 1
        span = span.doc[span.start:end]
        # "National Assembly committee": lower-case words after a name are not part of it
        # (unless the whole is a known name: "Workers' party").
        while (end - span.start > 1 and span.doc[end - 1].is_lower and span.doc[end - 1].is_alpha
               and gazetteer.lookup_org(span.doc[span.start:end].text) is None):
            end -= 1
        span = span.doc[span.start:end]
        if len(span) == 1 and span[0].lower_ in _GENERIC_ORGS:
            return None
        # "South Korea-" of "South Korea-U.S. drills"
    while len(span) > 1 and span[-1].text in {"-", "\u2013"}:
        span = span.doc[span.start:span.end - 1]
    if ent.label_ == "ORG" and span.start > 0:
        prev = span.doc[span.start - 1]
        # "TV Asahi": the model keeps only "Asahi"; a short all-caps word before is the name's.
        if prev.is_upper and prev.is_alpha and 2 <= len(prev) <= 4 and prev.ent_type_ == "" and not prev.is_sent_start:
            span = span.doc[prev.i:span.end]
    text = span.text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()) or "\n" in text:
        return None  # a name never runs across a line break: the model joined a heading to a line
    if text.isupper() and fold(text) in _WIRE_MARKERS:
        return None
    if _is_event_name(span):
        return None
    if ent.label_ == "PERSON" and (any(c.isdigit() for c in text) or re.match(r"^[A-Z]-", text)):
        return None  # "Hwasong-18" is a missile and "J-Alert" a warning system, not people
    return span


def _home_country(doc: Doc, source: str | None) -> str | None:
    """Where the article is written from: its dateline's country ("SEOUL, Jan 30 (Reuters) -"),
    else its publisher's (Yonhap is Korean; a wire service is from anywhere, so it comes second)."""
    # A dateline opens one of the first lines (a headline may stand above it).
    dateline = re.search(r"^\s*([A-Z][A-Z .'-]{2,30}?)(?:,| \(|\s+[-\u2013\u2014])", doc.text[:600], re.M)
    if dateline:
        place = gazetteer.lookup_place(dateline.group(1).strip().title())
        if place is not None:
            return _gazetteer_country(place.key)
    for name in re.split(r"[,;/()]| with | and ", source or ""):
        org = gazetteer.lookup_org(name.strip()) if name.strip() else None
        if org is not None and org.country:
            return org.country
    return None


def find_entities(doc: Doc, source: str | None = None) -> EntityTable:
    """All entity mentions of ``doc``, typed and resolved within the document.

    ``source`` is the article's publisher as its metadata names it ("Yonhap"), which tells
    the country of bodies the text names without one.
    """
    table = EntityTable(doc, text=doc.text)
    table.home_country = _home_country(doc, source)
    _add_gazetteer_phrases(table)
    _add_org_phrases(table)
    spans = [(s, _label(e, s)) for e in doc.ents if e.label_ in MODEL_LABELS and (s := _clean(e)) is not None]
    # Names beside an office are people, whatever the model read there ("Marcus Hale, a
    # missile analyst", typed as an organisation).
    titled = titled_names(doc)
    taken = {t.i for span in titled for t in span}
    spans = [(span, "PERSON") for span in titled] + [(s, lab) for s, lab in spans if not any(t.i in taken for t in s)]
    # Full names first, so surnames can be resolved against them.
    full_names = _full_names(spans)
    for span, label in spans:
        _add_span(table, span, label, full_names)
    for span, folded in surname_spans(doc, set(table._by_token), full_names):
        table.add(span, full_names[folded])
    _add_national_bodies(table)
    _add_unlabelled_places(table)
    _add_compass_countries(table)
    _add_acronyms(table)
    _merge_countryless_bodies(table)
    _add_containment(table)
    _drop_unmentioned_countries(table)
    table.mentions.sort(key=lambda m: (m.start, m.end))
    return table


def _full_names(spans: list[tuple[Span, str]]) -> dict[str, Entity]:
    """Person names of two words or more, keyed by their folded form."""
    out: dict[str, Entity] = {}
    for span, label in spans:
        if label == "PERSON" and len(span.text.split()) >= 2 \
                and gazetteer.lookup_place(span.text) is None and gazetteer.lookup_org(span.text) is None \
                and not _names_a_place(span):
            key = "person:" + slug(_name_order(span.text, out))
            out.setdefault(fold(span.text), Entity(key=key, cls="Person", name=span.text))
    return out


def _names_a_place(span: Span) -> bool:
    """Whether a word of ``span`` is a country, region or sea ("Tohoku Shinkansen")."""
    return any((p := gazetteer.lookup_place(t.text)) is not None and p.cls in ("Country", "Region", "BodyOfWater")
               for t in span if t.text[:1].isupper())


def _name_order(name: str, known: dict[str, Entity]) -> str:
    """ "Ishiba Shigeru" (family name first) is the same person as "Shigeru Ishiba": the first
    order seen names the key."""
    words = sorted(name_tokens(name))
    for folded, ent in known.items():
        if sorted(folded.split()) == words:
            return ent.name
    return name


def _person_for(text: str, full_names: dict[str, Entity]) -> Entity | None | bool:
    """The one full name containing ``text``'s words; ``False`` if several do (ambiguous)."""
    if text.isupper():
        return None  # an acronym ("UN") is never part of a person's name ("Kim Jong Un")
    words = name_tokens(text)
    # A short form is a name's first word (Korean and Chinese surnames: "Yoon") or last (most
    # others: "Kishida"), or its first words ("Yoon Suk" cut short by the model).
    hits = {e.key: e for f, e in full_names.items()
            if f != " ".join(words) and (f.split()[:len(words)] == words or f.split()[-len(words):] == words)}
    if len(hits) > 1:
        return False
    if hits:
        return next(iter(hits.values()))
    return None


def _lookup_place_head(text: str) -> gazetteer.Place | None:
    """A place by name, or by its name without a trailing head ("Jagang Province" → "Jagang")."""
    place = gazetteer.lookup_place(text, fuzzy=True)
    words = text.split()
    if place is None and len(words) > 1 and words[-1].lower() in _REGION_HEADS | {"city", "district"}:
        place = gazetteer.lookup_place(" ".join(words[:-1]))
        if place is not None and place.cls == "City" and words[-1].lower() != "city":
            return None  # "Aomori Prefecture" is not the city of Aomori (the caller types it)
    return place


def _compass_country(table: EntityTable, word: str) -> str | None:
    """ "the North" in an article about North Korea is North Korea: the one named country starting so."""
    hits = {m.entity for m in table.mentions if table.cls(m.entity) == "Country"
            and fold(table.entities[m.entity].name).split()[0] == word}
    return hits.pop() if len(hits) == 1 else None


def _add_unlabelled_places(table: EntityTable) -> None:
    """Proper nouns the model left untagged ("from the Hamhung area") that the gazetteer knows
    exactly, kept only when the place's country is named in the article too: a coincidental
    match with some town abroad ("Kora" in India) is thereby left out."""
    doc = table.doc
    named_countries = {m.entity for m in table.mentions if table.cls(m.entity) == "Country"}
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in table._by_token or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in table._by_token and j - i < 4:
            j += 1
        span = doc[i:j]
        place = gazetteer.lookup_place(span.text)
        if place is not None and place.cls in ("City", "Region", "BodyOfWater") and not span.text.isupper():
            country = _country_of(table, place.within) if place.within else None
            if country in named_countries:
                table.add(span, _place_entity(place))
        i = j


def _add_compass_countries(table: EntityTable) -> None:
    """ "the North's third launch": the model tags no entity there."""
    for m in re.finditer(r"\b[Tt]he (North|South)\b(?! (?:Korea|Sudan|Pole|Atlantic|Pacific|China|Sea))", table.text):
        span = table.doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        key = _compass_country(table, m.group(1).lower())
        if span is not None and key and not any(t.i in table._by_token for t in span):
            table.add(span, table.entities[key])


def _add_span(table: EntityTable, span: Span, label: str, full_names: dict[str, Entity]) -> None:
    text = span.text
    folded = fold(text)
    if text.isupper() and len(text) > 4 and " " in text or (label == "PERSON" and text.isupper()):
        # A dateline ("CAMP DAVID, Md. (AP)") or a transcript's speaker tag ("MATSUNO:"): read
        # it in title case, and keep it only if it names a known place or a person of the article.
        titled = text.title()
        org = gazetteer.lookup_org(text)
        if org is not None:
            table.add(span, _org_entity(org))
            return
        place = gazetteer.lookup_place(titled)
        # An acronym ("UN") is never a person's name part, whatever the model's label.
        person = None if len(text) <= 5 and " " not in text else (_person_for(titled, full_names)
                                                                    or full_names.get(folded))
        if person:
            table.add(span, person)
        elif place is not None:
            table.add(span, _place_entity(place))
        return
    if folded in {"north", "south"}:
        key = _compass_country(table, folded)
        if key:
            table.add(span, table.entities[key])
        return
    if label in ("GPE", "LOC", "FAC"):
        org = gazetteer.lookup_org(text)
        if org is not None and org.cls != "Organization" or org is not None and text.isupper():
            # "the White House" (also an old name of Casablanca), "UN": the organisation.
            table.add(span, _org_entity(org))
            return
        place = _lookup_place_head(text)
        if place is not None:
            table.add(span, _place_entity(place))
            return
        org = gazetteer.lookup_org(text)  # "G7 countries": the model reads G7 as a place
        if org is not None:
            table.add(span, _org_entity(org))
            return
        person = _person_for(text, full_names)
        if person:
            table.add(span, person)
            return
        if label == "GPE" and len(span) <= 2 and span.root.dep_ in ("nsubj", "nsubjpass") \
                and span.root.head.pos_ in ("VERB", "AUX"):
            # A place the gazetteer doesn't know, acting as the subject of a verb, is more
            # likely a person the model misread ("Kishida said").
            table.add(span, Entity(key="person:" + slug(text), cls="Person", name=text))
            return
        cls = _place_class_by_head(text, label)
        prefix = {"BodyOfWater": "water", "Region": "region", "City": "city"}[cls]
        # "Aomori Prefecture": unknown as such, but its stem names a place of a known country.
        stem = gazetteer.lookup_place(" ".join(text.split()[:-1])) if len(text.split()) > 1 else None
        within = (stem.key if stem.cls == "Country" else _country_of(table, stem.within)) if stem else None
        if within and not any(m.entity == within for m in table.mentions):
            within = None  # "Amur region": a namesake town abroad says nothing of where it is
        table.add(span, Entity(key=f"{prefix}:{slug(text)}", cls=cls, name=text, within=within))
        return
    if label == "NORP":
        place = gazetteer.lookup_demonym(text, fuzzy=True) or gazetteer.lookup_place(text, fuzzy=True)
        if place is not None and place.cls == "Country":
            table.add(span, _place_entity(place), alias=False)
            return
        org = gazetteer.lookup_org(text)  # "(Yonhap)": the model reads the agency as a nationality
        if org is not None:
            table.add(span, _org_entity(org))
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
            org = gazetteer.lookup_national_body(text, _body_country(table, span))
        if org is not None:
            table.add(span, _org_entity(org))
            return
        # A place the model read as an organisation, possibly misspelt ("Okinwa").
        place = gazetteer.lookup_place(text) or gazetteer.lookup_place(text, fuzzy=True)
        if place is not None:
            table.add(span, _place_entity(place))
            return
        if len(span) == 1 and not text.isupper() and is_common_word(text):
            return  # "Newest entries at the bottom"
        table.add(span, Entity(key="org:" + slug(text), cls="Organization", name=text))
        return
    # PERSON: the model reads some places as people ("Hamhung", "Camp David").
    person = _person_for(text, full_names)
    if not person and len(span) > 1 and folded not in full_names and _names_a_place(span):
        return  # "Tohoku Shinkansen": a thing named after a place, not a person
    place = gazetteer.lookup_place(text)
    if place is not None and not person and folded not in full_names:
        table.add(span, _place_entity(place))
        return
    if person is False:
        return  # "Kim" with two Kims in the article: better unnamed than wrong
    if person is None:
        person = full_names.get(folded)
        if person is None:
            if len(span) == 1 and is_common_word(text):
                return  # "Sirens sounded": a capitalised word at a sentence start, not a name
            person = Entity(key="person:" + slug(text), cls="Person", name=text)
    table.add(span, person)


def _add_national_bodies(table: EntityTable) -> None:
    """Lower-case national bodies ("Japan's defence ministry"), and "the ministry said" anaphora."""
    doc = table.doc
    last_by_head: dict[str, str] = {}
    for m in _BODY.finditer(table.text):
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
    for m in re.finditer(r"\bthe (ministry|coast guard|agency|council|department)\b", table.text, re.I):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        key = _last_body(table, m.start(), m.group(1).lower())
        if span is not None and key and not any(t.i in table._by_token for t in span):
            table.add(span, table.entities[key], alias=False)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]?[A-Z]{1,6})\)")


def _add_acronyms(table: EntityTable) -> None:
    """ "Joint Chiefs of Staff (JCS)": the acronym names the entity before it, everywhere in the text."""
    doc = table.doc
    defined: dict[str, str | None] = {}
    for m in _ACRONYM.finditer(table.text):
        paren = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if paren is None or len(paren) == 0 or paren[0].i == 0:
            continue
        prev = doc[paren[0].i - 1]
        key = table.entity_of(prev)
        span = table.span_of(prev)
        if key and span is not None and table.cls(key) not in ("Person", None) \
                and _initials(span.text) == m.group(1).upper():
            defined[m.group(1)] = key
        elif key is None:
            # The acronym of something that is not an entity ("Ulchi Freedom Shield (UFS)",
            # an exercise) is not one either.
            words = [t.text for t in doc[max(0, prev.i - 5):prev.i + 1] if t.text[:1].isupper()]
            if any(_initials(" ".join(words[i:])) == m.group(1).upper() for i in range(len(words))):
                defined[m.group(1)] = None
    # An acronym the article never spells out ("the JCS said" after "Joint Chiefs of Staff"):
    # the one organisation of the article whose initials it is.
    for m in re.finditer(r"\b([A-Z]{2,6})\b", table.text):
        acronym = m.group(1)
        if acronym in defined or gazetteer.lookup_org(acronym) is not None:
            continue
        owners = {k for k, e in table.entities.items() if e.cls not in ("Person", "Country", "City", "Region",
                  "BodyOfWater") and acronym in _acronyms_of(e)}
        if len(owners) == 1:
            defined[acronym] = owners.pop()
    if not defined:
        return
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, sorted(defined))) + r")\b", table.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None:
            continue
        # The model's own reading of the acronym (often a wrong one) gives way, with whatever
        # it glued to it ("JCS Chairman" read as a person).
        for tok in span:
            hit = table._by_token.get(tok.i)
            if hit is not None:
                for t in hit[0]:
                    table._by_token.pop(t.i, None)
                table.mentions = [x for x in table.mentions
                                  if not (x.start == hit[0].start_char and x.end == hit[0].end_char)]
        if defined[m.group(1)] is not None:
            table.add(span, table.entities[defined[m.group(1)]])
    for key in list(table.entities):
        if key not in {x.entity for x in table.mentions} and not _is_parent(table, key):
            del table.entities[key]


def bare_names(ent: Entity) -> set[str]:
    """An organisation's names with and without its country ("South Korea Joint Chiefs of
    Staff" and "Joint Chiefs of Staff")."""
    names = set(ent.aliases | {ent.name})
    country = gazetteer.place_by_key(ent.country) if ent.country else None
    if country is not None:
        for cname in (country.name, *country.aliases):
            names |= {re.sub(rf"^{re.escape(cname)}(?:'s)?\s+|\s+of\s+{re.escape(cname)}$", "", n)
                      for n in names}
    return names


def _acronyms_of(ent: Entity) -> set[str]:
    """The initials of an organisation's names, with and without its country ("SKJCS", "JCS")."""
    return {_initials(n) for n in bare_names(ent)}


def _initials(name: str) -> str:
    """ "Joint Chiefs of Staff" → "JCS"; "US Forces Korea" → "USFK" (acronyms inside keep all letters)."""
    out = []
    for word in re.findall(r"[A-Za-z][A-Za-z.]*", name):
        if word.lower() in {"of", "the", "and", "for", "on", "in"}:
            continue
        letters = word.replace(".", "")
        out.append(letters if letters.isupper() else letters[0].upper())
    return "".join(out)


def _is_parent(table: EntityTable, key: str) -> bool:
    return any(e.within == key or e.country == key for e in table.entities.values())


def _head_word(head: str) -> str:
    return fold(head).split()[-1]


def _last_body(table: EntityTable, before: int, head: str) -> str | None:
    """The body of that kind named nearest before ``before`` ("the ministry" → the last ministry)."""
    best, best_start = None, -1
    for mention in table.mentions:
        if best_start < mention.start < before and head in fold(table.entities[mention.entity].name):
            best, best_start = mention.entity, mention.start
    return best


def _add_org_phrases(table: EntityTable) -> None:
    """Well-known organisations whose names the model splits ("U.S. Forces Korea")."""
    doc = table.doc
    for start, end, org in find_org_names(table.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and not any(t.i in table._by_token for t in span):
            table.add(span, _org_entity(org))


def _add_gazetteer_phrases(table: EntityTable) -> None:
    """Regions and seas the model missed ("the Korean peninsula"): the gazetteer's multi-word names."""
    doc = table.doc
    for start, end, place in find_feature_names(table.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text[:1].isupper() or any(t.i in table._by_token for t in span):
            continue
        table.add(span, _place_entity(place))

