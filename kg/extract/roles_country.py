"""Whose office a bare title is: "Defence Minister X" names no country, the document does.

In this order (the first that answers wins; :func:`bare_title_org`):

1. an office only one country has ("chief cabinet secretary");
2. a live blog's place tag opening the entry ("09:10 — Seoul: Defence Minister X ..."; not the
   story's own dateline), a "side" or "delegation" named before it ("on the Russian side by
   Foreign Minister X"), or a place opening the sentence ("In Seoul, Acting President X ...");
   or the country that reacted in the sentence just before ("Seoul condemned the launch. Foreign
   Minister X called it ...");
3. a ministry of the same kind named in the same paragraph ("Japan's Defence Ministry said
   ... Defence Minister X"), or a body of the office's field in the same sentence ("South Korea's
   National Security Council met, chaired by national security adviser X");
4. for "leader", the country that acts as the subject of a clause before it in the sentence
   ("North Korea fired ..., and leader X watched"), else the reporting source's (5.: "KCNA said
   leader X ..."), else the one the document most often makes the subject of an action (not of
   saying or reacting), else the topic country
   (:func:`topic_country`);
5. the country of the source reporting the clause: "KCNA said Premier X inspected ...", "state
   media said ..." (the topic country's); or the country a trip goes to, for the host met there
   ("travel to Washington for a summit with President X");
6. the publisher's country (metadata, else the agency in a wire dateline), if it has the office
   (a monarchy has no president): national media leave their own officials unqualified (an
   American wire's "President X", a Japanese broadcaster's "Prime Minister X") if the article
   names that country at all; else the dateline's country ("SEOUL, May 2 (Reuters) -":
   Reuters's Britain is not in a story about Korea); failing that (the US has no ministers), the
   country a broadcast's correspondent reports from ("X reports from Seoul");
7. the one country the sentence before names in the same paragraph, other than the launcher's
   and those the sentence itself names ("South Korean President X convened the NSC in Seoul.
   Defence Minister Y said ...");
8. a ministry of the same kind named anywhere in the document.

The same person's qualified title elsewhere in the document comes before all of these (in
:func:`kg.extract.roles.find_roles`), and a country that the sentence gives another holder of the
same title ("Defence Minister X, ... and Japanese Defence Minister Y") is not this one's. Failing
all, no role: a wrong country costs more than a miss.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from kg import gazetteer
from kg.extract import Context
from kg.extract.bodies import opening_place
from kg.extract.entities import EntityTable
from kg.extract.entity_table import country_of
from kg.extract.event_setting import MOVE
from kg.extract.names import fold
from kg.extract.roles_lexicon import HEADS, title_word
from kg.extract.tokens import tokens
from kg.records import ORG_CLASSES, Entity

LEADER_TITLES = {"leader", "supreme leader"}
# Offices only one country has, so a bare one says the country (general knowledge, not names).
NATIONAL_OFFICES = {"chief cabinet secretary": "country:JP", "unification minister": "country:KR",
                    "secretary of state": "country:US"}
_HEAD_WORDS = {"minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "director",
               "chief", "head", "vice", "deputy"}
# "09:10 — Seoul: ...", "TOKYO: ...": a place that opens a live blog's entry.
_PLACE_TAG = re.compile(r"^[ \t]*(?:\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*[\u2014\u2013|-]+\s*)?"
                        r"(?P<place>[A-Z][A-Za-z .'-]{1,30}?)\s*(?::|[\u2014\u2013]|--)\s", re.M)


def body_country(table: EntityTable, key: str) -> str | None:
    """The country a body of the table belongs to (the table's word, else the gazetteer's)."""
    ent, org = table.entities.get(key), gazetteer.org_by_key(key)
    return (ent.country if ent is not None else None) or (org.country if org is not None else None)


def _country_of_place(name: str) -> str | None:
    place = gazetteer.lookup_place(name.strip().title()) or gazetteer.lookup_place(name.strip())
    return _as_country(place.key) if place is not None else None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The block of lines around ``pos`` between blank lines."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return start + 2 if start >= 0 else 0, len(text) if end < 0 else end


def place_tag(ctx: Context, span: Span) -> str | None:
    """The country of a place tag on a line of the paragraph, up to the mention's line."""
    text = ctx.text
    start, _ = _paragraph(text, span.start_char)
    stop = text.find("\n", span.start_char)
    block = text[start:len(text) if stop < 0 else stop]
    for m in _PLACE_TAG.finditer(block):
        if not text[:start + m.start()].strip():
            continue  # the story's dateline ("SEOUL – Prime Minister X ..."): where the reporter is
        country = _country_of_place(m.group("place"))
        if country is not None:
            return country
    return None


def reacting_before(ctx: Context, span: Span) -> str | None:
    """"Seoul condemned the launch. Foreign Minister X called it ...": the country that reacts in
    the sentence just before speaks through the minister who follows."""
    if span.sent.start == 0 or "minister" not in span.sent.text.lower():
        return None
    prev, table = ctx.doc[span.sent.start - 1].sent, ctx.entities
    if "\n\n" in ctx.text[prev.start_char:span.sent.start_char]:
        return None  # another paragraph
    for tok in prev:
        if tok.dep_ == "nsubj" and tok.head.lemma_ in _REACTING and tok.head.dep_ == "ROOT":
            return _as_country(table.actor(table.entity_of(tok)))
    return None


# "on the Russian side by Foreign Minister X", "the South Korean delegation, led by Minister X".
_SIDE_NOUNS = {"side", "delegation", "team", "camp"}


def side_country(ctx: Context, span: Span) -> str | None:
    """The country of the nearest "side" or "delegation" named before ``span`` in its sentence
    ("attended on the Russian side by Foreign Minister X and Defence Minister Y"), else of the
    one in the clause ``span`` is the subject of ("Minister X and Minister Y sat on the Chilean
    side")."""
    table = ctx.entities
    for tok in reversed(ctx.doc[span.sent.start:span.start]):
        if tok.lower_ in _SIDE_NOUNS and tok.pos_ == "NOUN":
            for mod in tok.children:
                if mod.i < tok.i and mod.dep_ in ("amod", "compound", "poss", "nmod"):
                    country = _as_country(table.actor(table.entity_of(mod)))
                    if country is not None:
                        return country
    verb = _verb_of(span.root)
    if verb is None or verb[1] not in ("nsubj", "nsubjpass"):
        return None
    for tok in ctx.doc[span.end:span.sent.end]:
        if tok.lower_ in _SIDE_NOUNS and tok.pos_ == "NOUN" and (_verb_of(tok) or (None,))[0] == verb[0]:
            for mod in tok.children:
                if mod.i < tok.i and mod.dep_ in ("amod", "compound", "poss", "nmod"):
                    country = _as_country(table.actor(table.entity_of(mod)))
                    if country is not None:
                        return country
    return None


def represented_country(ctx: Context, span: Span) -> str | None:
    """"Chile was represented by Foreign Minister X", "X represented Chile": whose office it is."""
    table, tok = ctx.entities, span.root
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_ == "represent":
        subj = [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]
    elif tok.dep_ == "nsubj" and tok.head.lemma_ == "represent":
        subj = [c for c in tok.head.children if c.dep_ == "dobj"]
    else:
        return None
    return next((c for c in (_as_country(table.actor(table.entity_of(t))) for t in subj) if c), None)


def _verb_of(tok):
    """(the nearest verb that ``tok`` depends on, the dependency of the word below it)."""
    while tok.head.i != tok.i:
        if tok.head.pos_ in ("VERB", "AUX"):
            return tok.head, tok.dep_
        tok = tok.head
    return None


_TALK_NOUNS = {"summit", "talks", "meeting", "meetings", "visit"}


def host_country(ctx: Context, span: Span) -> str | None:
    """"Yoon will travel to Washington for a summit with President X": X hosts, in the country the
    trip goes to."""
    tok = span.root
    if tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.head.head.lower_ not in _TALK_NOUNS:
        return None
    noun = tok.head.head
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if verb is None or verb.lemma_.lower() not in MOVE:
        return None
    table = ctx.entities
    dests = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
             if o.dep_ == "pobj"]
    dests += [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() == "visit"]
    for d in dests:
        key = table.entity_of(d)
        if table.cls(key) in ("Country", "City", "Region"):
            return country_of(table, key)
    return None


def previous_country(ctx: Context, span: Span) -> str | None:
    """The one country the sentence before names, in the same paragraph, other than the one the
    article makes act (the launcher of "North Korea fired ..."): "South Korean President X convened
    the NSC in Seoul. Defence Minister Y said ..." (news keeps a paragraph on one country's
    officials)."""
    if span.sent.start == 0:
        return None
    prev, table = ctx.doc[span.sent.start - 1].sent, ctx.entities
    if "\n\n" in ctx.text[prev.start_char:span.sent.start_char]:
        return None  # another paragraph
    found, subjects = set(), set()
    for mention, key in table.in_span(prev):
        cls = table.cls(key)
        country = country_of(table, key) if cls in ("Country", "City", "Region") else \
            table.entities[key].country if cls in ORG_CLASSES else None  # as the text qualifies it
        found.add(country)
        if _is_subject(mention):
            subjects.add(country)
    found -= {None, actor_country(ctx)}
    # "President X hosted Japanese Prime Minister Y": a country the sentence itself names as
    # someone else's qualifier is not this one's; a country it makes a subject ("Y said Japan had
    # not tried ...") may well be.
    found -= {key for mention, key in table.in_span(span.sent)
              if table.cls(key) == "Country" and _qualifies_person(table, mention)}
    if len(found) > 1:
        # "Matsuno said Tokyo had lodged a protest through its embassy in Beijing. Defence Minister
        # Y ...": the country that acted, not the place it acted in.
        found &= subjects
    return found.pop() if len(found) == 1 else None


def _is_subject(mention: Span) -> bool:
    tok = mention.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "France and Britain demanded": both
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _qualifies_person(table: EntityTable, mention: Span) -> bool:
    """"Japanese Prime Minister Y", "Japan's Y": the country is a person's or an office's, not
    the subject of a clause ("said Japan had not ...") or a thing's ("Japanese territory")."""
    head = mention.root.head
    return mention.root.dep_ in ("amod", "compound", "poss", "nmod") and head.i != mention.root.i and (
        table.cls(table.entity_of(head)) == "Person" or title_word(head) is not None)


def _qualifies_official(table: EntityTable, mention: Span) -> bool:
    """"Germany's Foreign Minister X", "German Chancellor X": the country qualifies a person or an
    office, not a body ("Japan's Defense Ministry") or a thing."""
    head = mention.root.head
    return mention.root.dep_ in ("amod", "compound", "poss", "nmod") and head.i != mention.root.i and (
        table.cls(table.entity_of(head)) == "Person" or title_word(head) in HEADS)


def ministry_country(ctx: Context, title: str, within: tuple[int, int] | None = None) -> str | None:
    """The country of the one ministry of this kind the document (or ``within``) names."""
    words = set(fold(title).replace("defence", "defense").split()) - _HEAD_WORDS
    if "minister" not in title or not words:
        return None
    countries = set()
    table = ctx.entities
    for m in table.mentions:
        ent = table.entities.get(m.entity)
        if ent is None or within is not None and not within[0] <= m.start < within[1]:
            continue
        name = fold(ent.name).replace("defence", "defense").split()
        if ent.country and ent.cls in ORG_CLASSES and "ministry" in name and words <= set(name):
            countries.add(ent.country)
    return countries.pop() if len(countries) == 1 else None


def field_body_country(ctx: Context, title: str, span: Span) -> str | None:
    """"South Korea's National Security Council met, chaired by national security adviser X": the
    country of the one national body the sentence names whose name has the office's field."""
    words = set(fold(title).replace("defence", "defense").split()) - _HEAD_WORDS - {"adviser", "advisor"}
    if "minister" in title or not words:
        return None  # a ministry's (:func:`ministry_country`)
    countries = set()
    for _, key in ctx.entities.in_span(span.sent):
        ent = ctx.entities.entities.get(key)
        if ent is not None and ent.country and ent.cls in ORG_CLASSES and \
                words <= set(fold(ent.name).replace("defence", "defense").split()):
            countries.add(ent.country)
    return countries.pop() if len(countries) == 1 else None


_SAYING = {"say", "tell", "report", "announce", "claim", "add", "state", "quote", "confirm"}
# "state media said ...": the media of the state the article is about.
_MEDIA = {"media", "television", "tv", "radio", "agency", "newspaper", "outlet", "outlets", "press"}


# Verbs of reacting: a country that condemns a launch is not the one the story is about.
_REACTING = {"condemn", "denounce", "criticize", "criticise", "protest", "urge", "call", "warn",
             "welcome", "express", "respond", "react", "vow", "pledge", "slam", "accuse", "demand",
             "lodge", "detect", "monitor", "track"}


def _acts(tok) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ not in _SAYING | _REACTING


def local_country(ctx: Context, span: Span) -> str | None:
    """The country that acts as the subject of a clause before ``span`` in its sentence: "North
    Korea fired ..., and leader X watched". A country that only speaks or reacts ("Seoul said",
    "Japan condemned") is not the one whose leader the sentence means."""
    table, doc = ctx.entities, ctx.doc
    for tok in reversed(doc[span.sent.start:span.start]):
        if _acts(tok):
            key = table.actor(table.entity_of(tok))
            if table.cls(key) == "Country":
                return key
    return None


def actor_country(ctx: Context) -> str | None:
    """The country the document most often makes the subject of an action (not of saying)."""
    if "actor_country" in ctx.cache:
        return ctx.cache["actor_country"]
    count: Counter[str | None]
    table, count = ctx.entities, Counter()
    for tok in tokens(ctx.doc):
        key = table.actor(table.entity_of(tok)) if _acts(tok) else None
        if table.cls(key) == "Country":
            count[key] += 1
    top = count.most_common(2)
    ctx.cache["actor_country"] = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    return ctx.cache["actor_country"]


def reporter_country(ctx: Context, span: Span) -> str | None:
    """The country of the source that reports the clause the title is in: "KCNA said Premier
    X inspected ...", "state media said ..." (the topic country's media)."""
    table = ctx.entities
    for anc in span.root.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or anc.lemma_ not in _SAYING:
            continue
        # The nearest subject: a wire's dateline ("SEOUL, April 3 (Reuters) - X said") may parse as one.
        for subj in sorted((c for c in anc.children if c.dep_ == "nsubj"), key=lambda c: abs(anc.i - c.i)):
            key = table.actor(table.entity_of(subj))
            if table.cls(key) == "Country":
                return key
            if key is not None and body_country(table, key):
                return body_country(table, key)
            if subj.lower_ in _MEDIA and any(c.lower_ == "state" for c in subj.children):
                return topic_country(ctx)
        return None
    return None


def topic_country(ctx: Context) -> str | None:
    """The country the article is about, for "the regime's leader" and a bare "leader".

    Mention counts alone (:meth:`EntityTable.salient_country`) favour whoever is reacting
    most; the topic is also the headline's first country and the subject of clauses. A capital
    counts for its country ("Pyongyang said").
    """
    if "topic_country" in ctx.cache:
        return ctx.cache["topic_country"]
    score: Counter[str | None]
    table, score = ctx.entities, Counter()
    for sent in ctx.sentences:
        for span, key in table.in_span(sent):
            country = table.actor(key)
            if table.cls(country) == "Country":
                score[country] += 1 + (span.root.dep_ in ("nsubj", "nsubjpass"))
    words = re.findall(r"[\w.'\u2019-]+", ctx.article.title or "")
    first, taken = True, 0
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i < taken:
                break  # "Korea" of "North Korea" is no second country
            name = " ".join(words[i:i + n]).rstrip(".:,") if i + n <= len(words) else ""
            place = name and (gazetteer.lookup_place(name) or gazetteer.lookup_demonym(name))
            if not place or (place.cls != "Country" and not (place.within or "").startswith("country:")):
                continue
            country = place.key if place.cls == "Country" else place.within
            if place.cls == "Country" or country in table.entities:
                score[country] += 3 if first else 1
                first = False
            taken = i + n
            break
    best = score.most_common(1)[0][0] if score else table.salient_country()
    ctx.cache["topic_country"] = best
    return best


# "SEOUL, Jan 30 (Reuters) -", "CAMP DAVID, Md. (AP) —": a wire dateline's place and agency.
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]{2,30}?)\s*(?:,[^()\n]{0,30})?"
                       r"(?:\((?P<agency>[^()\n]{2,40})\))?\s*(?:--|-|\u2014|\u2013)", re.M)


def _as_country(key: str | None) -> str | None:
    """``key`` if a country, else the country a place lies in ("Camp David" → Maryland → US)."""
    for _ in range(4):
        place = gazetteer.place_by_key(key) if key else None
        if key is None or key.startswith("country:") or place is None:
            return key if key and key.startswith("country:") else None
        key = place.within
    return None


def publisher_country(ctx: Context) -> str | None:
    """The publisher's country (metadata, else the agency in the dateline), else the dateline's."""
    if "publisher_country" in ctx.cache:
        return ctx.cache["publisher_country"]
    dateline = _DATELINE.search(ctx.text[:600])
    names = re.split(r"[,;/()]| with | and ", ctx.article.source or "")
    names += [dateline.group("agency")] if dateline and dateline.group("agency") else []
    # A home country the story names only where it qualifies its own official ("Germany's Foreign
    # Minister X said in Berlin ...") is not where the story is: the paper writes of it as of any
    # other, and its bare titles are the story's people's, not the publisher's officials.
    table, named = ctx.entities, set()
    for sent in ctx.sentences:
        here = table.in_span(sent)
        own = {table.actor(k) for mention, k in here if table.cls(k) == "Country"
               and _qualifies_official(table, mention)}
        named |= {table.actor(k) for _, k in here} - own
    found: str | None = None
    # "NHK WORLD-JAPAN", "Yonhap News TV": the publisher's name may be a brand's first words.
    names = [" ".join(words[:n]) for name in names if (words := re.split(r"[\s\u2013\u2014-]+", name.strip()))
             for n in range(len(words), 0, -1)]
    for name in (n.strip() for n in names):
        org = gazetteer.lookup_org(name) if name else None
        # A foreign wire's home ("SEOUL (Reuters)") is not the story's unless the story names it.
        if org is not None and org.country in named:
            found = org.country
            break
    if found is None and dateline:
        place = gazetteer.lookup_place(dateline.group("place").strip().title())
        found = _as_country(place.key) if place is not None else None
    ctx.cache["publisher_country"] = found
    return found


# "VOA's X reports from Seoul", "our correspondent in Seoul", "Our Seoul correspondent X": where a
# broadcast's report comes from.
_REPORT_FROM = re.compile(r"\b(?:reports?|reporting)\s+from\s+(?P<a>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})"
                          r"|\bcorrespondents?\s+in\s+(?P<b>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})"
                          r"|\b(?P<c>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})[ \t]+correspondents?\b")


def report_country(ctx: Context, span: Span) -> str | None:
    """The country a broadcast's report comes from, for what is said after the anchor hands over
    ("... reports from Seoul. ... Foreign Minister X said ..."): a correspondent abroad leaves the
    officials of the country they report from unqualified, as a paper does its own."""
    found = None
    for m in _REPORT_FROM.finditer(ctx.text, 0, span.start_char):
        words = (m.group("a") or m.group("b") or m.group("c")).split()
        # "Our Seoul correspondent": the place is the last words before "correspondent"
        found = next((c for n in range(len(words)) if (c := _country_of_place(" ".join(words[n:])))), None) \
            or found
    return found


def bare_title_org(ctx: Context, title: str, span: Span, *, guess: bool = True) -> str | None:
    """The country of a bare title at ``span`` (see the module docstring), or None. Without
    ``guess``, only what the text itself says (no publisher, no sentence before, no ministry
    named elsewhere)."""
    if title in NATIONAL_OFFICES:
        return NATIONAL_OFFICES[title]
    found = place_tag(ctx, span) or side_country(ctx, span) or represented_country(ctx, span) \
        or opening_place(ctx.entities, span) \
        or reacting_before(ctx, span) or ministry_country(ctx, title, _paragraph(ctx.text, span.start_char)) \
        or field_body_country(ctx, title, span)
    if found is None and title in LEADER_TITLES:
        # "KCNA reported that leader X ...": the reporting media's country before the story's.
        found = local_country(ctx, span) or reporter_country(ctx, span) or actor_country(ctx) \
            or topic_country(ctx)
    found = found or reporter_country(ctx, span) or host_country(ctx, span)
    if not guess:
        return found
    pub = publisher_country(ctx)
    if pub is not None and not has_office(pub, title):
        pub = None  # a British paper's "President Putin" is not Britain's: it has none
    report = report_country(ctx, span)
    if report is not None and not has_office(report, title):
        report = None
    prev = previous_country(ctx, span)
    if prev is not None and not has_office(prev, title):
        prev = None  # "US President X spoke. ... Deputy Prime Minister Y": not the US's, it has none
    return found or pub or report or prev or ministry_country(ctx, title)


# General knowledge: monarchies have no president, presidential republics no prime minister.
_NO_PRESIDENT = {"GB", "JP", "ES", "NL", "BE", "SE", "NO", "DK", "TH", "KH", "SA", "JO", "MA", "AU", "CA",
                 "NZ", "LU", "BT", "BN", "MY", "QA", "KW", "BH", "OM"}
_NO_PRIME_MINISTER = {"US", "MX", "BR", "AR", "CL", "CO", "ID", "PH", "IR", "AF", "EC", "VE"}
# Its cabinet are secretaries: an American paper's "Foreign Minister X" is someone else's.
_NO_MINISTERS = {"US"}


def has_office(country: str, title: str) -> bool:
    code = country.removeprefix("country:")
    words = title.removesuffix("-elect").split()  # a president-elect's country has a president
    if "president" in words and words[-1] == "president":
        return code not in _NO_PRESIDENT
    if title.endswith("prime minister"):
        return code not in _NO_PRIME_MINISTER
    if words[-1] == "minister":
        return code not in _NO_MINISTERS
    return True


def ensure(table: EntityTable, key: str) -> None:
    """Put a country or body the gazetteer gave us into the table, so the role's org has a label."""
    if key in table.entities:
        return
    place, org = gazetteer.place_by_key(key), gazetteer.org_by_key(key)
    if place is not None:
        table.entities[key] = Entity(key=key, cls=place.cls, name=place.name, within=place.within,
                                     geonames_id=place.geonames_id, iso_code=place.iso_code)
    elif org is not None:
        table.entities[key] = Entity(key=key, cls=org.cls, name=org.name, country=org.country,
                                     aliases=frozenset([org.name]))
