"""Event arguments from the dependency parse: who, where, when, and whether it is an event at all.

Shared by the meeting, exercise and other-event extractors. :class:`EventArgs` answers, for one
document: which actors a noun phrase stands for (people, organisations, countries; "the leaders
of X and Y" are the people the text names as their leaders, "the allies" the actors named just
before, "he" the last person named), where (a locative phrase, a place name inside the phrase, the
antecedent of "at the retreat"), when (a time expression attached to the trigger, resolved with
the trigger's tense) and whether a mention is generic ("such exercises", "meet every year").
Where and when live in :mod:`kg.extract.event_setting`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import cast

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import Context
from kg.extract.event_setting import SIDELINES, Clock, Places, conjuncts, is_future, pobjs
from kg.extract.roles import find_roles
from kg.extract.tokens import tokens
from kg.records import Entity, Evidence

TEMPORAL_PREPS = {"before", "after", "ahead", "following", "since", "until", "amid", "despite", "than"}
# Heads of state/government: "the leaders of X and Y" are these people when the text names them.
HEAD_TITLES = re.compile(r"\b(?:supreme leader|leader|president|prime|premier|chancellor|chairman|king)\b")
TITLE_NOUNS = {"leader", "president", "premier", "minister", "chancellor", "counterpart", "head"}
GROUP_NOUNS = {"ally", "allies", "country", "nation", "side", "government", "neighbour", "neighbor",
               "partner", "two", "both", "pair", "leader", "power"}
# Counted plurals that stand for the states or the people named earlier ("the three countries",
# "the two ministers").
STATE_NOUNS = {"country", "nation", "ally", "neighbour", "neighbor", "partner", "government", "power"}
PEOPLE_NOUNS = {"minister", "official", "envoy", "diplomat", "counterpart", "negotiator", "secretary",
                "chief", "delegate", "commander", "spokesperson", "lawmaker", "man", "woman"}
ORG_ANAPHORS = {"alliance", "bloc", "organization", "organisation", "grouping", "body"}
NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
HABITUAL = re.compile(r"\b(?:every|each)\s+(?:year|month|week)|\b(?:regularly|annually|routinely|usually|"
                      r"typically|twice)\b|\b(?:in\s+recent|for|over\s+the)\s+(?:years|decades)\b"
                      r"|\b(?:two|three|four|five|several|many|\d+)\s+times\b", re.I)
# "regular exercises", "routine drills": a practice, not one event.
RECURRING = {"regular", "routine", "periodic", "frequent", "recurring", "annual", "yearly"}


def dedupe(keys) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))


class EventArgs(Places):
    """Argument finding for one document: actors of noun phrases, places, days, tense."""

    def __init__(self, ctx: Context):
        self.ctx, self.doc, self.t = ctx, ctx.doc, ctx.entities
        self.pub: dt.date | None = ctx.article.published
        self.leaders: dict[tuple[str | None, str], list[str]] = {}
        self.nationality: dict[str, str] = {}
        self.clock = Clock(ctx.doc, self.pub, ctx.sentences)
        self._titles()
        self.groups = self._groups()
        self._roles()

    @classmethod
    def of(cls, ctx: Context) -> EventArgs:
        if "event_args" not in ctx.cache:
            ctx.cache["event_args"] = cls(ctx)
        return ctx.cache["event_args"]

    # ------------------------------------------------------------ who
    def _titles(self) -> None:
        """Titles and nationalities from the words before each person's name.

        "South Korean President Yoon Suk Yeol", "Japan's Prime Minister Fumio Kishida",
        "Japnaese chief cabinet secretary Hirokazu Matsuno", "leader Kim Jong Un".
        """
        for m in self.t.mentions:
            if self.t.cls(m.entity) != "Person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            words: list[str]
            words, country, i = [], None, span.start - 1
            while i >= max(span.sent.start, span.start - 7):
                tok, key = self.doc[i], self.t.entity_of(self.doc[i])
                if key and self.t.cls(key) == "Country":
                    country = country or key
                elif tok.text in ("'s", "\u2019s", "-") or tok.lower_ in ("of", "state", "the"):
                    pass
                elif key is None and tok.is_alpha and (tok.is_title or tok.is_lower) and tok.pos_ != "VERB":
                    if tok.is_lower and tok.lower_ not in ("chief", "cabinet", "secretary", "leader",
                                                            "minister", "president", "premier", "prime"):
                        break
                    words.insert(0, tok.lower_)
                else:
                    break
                i -= 1
            title = " ".join(words)
            if country:
                self.nationality.setdefault(m.entity, country)
            if HEAD_TITLES.search(title) and not re.search(r"\b(?:vice|deputy|former)\b", title):
                rank = 0 if re.search(r"leader|president|chairman|king", title) else 1
                for k in ([(country, "head")] if country else []) + [(None, title.split()[-1])]:
                    lst = self.leaders.setdefault(k, [])
                    if m.entity not in lst:
                        lst.insert(rank if rank == 0 else len(lst), m.entity)

    def _roles(self) -> None:
        """Titles given after a name or left bare ("Japan's prime minister, Fumio Kishida", an
        American wire's "President Joe Biden"): the roles the document states say whose they are."""
        for role in find_roles(self.ctx):
            ent = self.t.entities.get(role.org)
            country = role.org if self.t.cls(role.org) == "Country" else ent.country if ent else None
            if country is None:
                continue
            self.nationality.setdefault(role.person, country)
            if self.t.cls(role.org) == "Country" and HEAD_TITLES.search(role.title) and not re.search(
                    r"\b(?:vice|deputy|former)\b", role.title):
                heads = self.leaders.setdefault((country, "head"), [])
                if role.person not in heads:
                    heads.append(role.person)

    def is_head(self, key: str) -> bool:
        """A head of state or government, by the titles the document gives."""
        return any(key in people for (country, _), people in self.leaders.items() if country)

    def leader_of(self, country: str | None, title: str = "head") -> str | None:
        cands = self.leaders.get((country, title)) if country else self.leaders.get((None, title))
        if country is None and cands and len(cands) > 1:
            return None
        return cands[0] if cands else None

    def _groups(self) -> list[tuple[int, list[str]]]:
        """Coordinations of two or more actors ("the US and South Korea"), by last token index."""
        out = []
        # The first conjunct of each coordination: the head of a "conj" that is no "conj" itself
        # (one pass over the tokens, not one over every token's children).
        firsts = sorted({t.head.i for t in tokens(self.doc) if t.dep_ == "conj"})
        for tok in (tokens(self.doc)[i] for i in firsts):
            if tok.dep_ == "conj":
                continue
            heads = conjuncts(tok)
            if tok.dep_ == "appos" and self.entity_actor(tok.head):
                heads = [tok.head, *heads]  # "South Korea, the US and Japan", parsed as an apposition
            # "Kamikawa and her South Korean counterpart Cho Tae-yul": the apposition names the member.
            keys = [self.entity_actor(h) or next((k for c in h.children if c.dep_ == "appos"
                                                  for k in [self.entity_actor(c)] if k), None)
                    for h in heads]
            # ("Vientiane, Laos": a capital and its country name one actor, no group of two.)
            if len(heads) >= 2 and all(keys) and len(set(keys)) >= 2:
                out.append((max(h.i for h in heads), dedupe(keys)))
        return out

    def entity_actor(self, tok: Token) -> str | None:
        key = self.t.entity_of(tok)
        if key is None and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            # A country name the model left untagged ("South Korea-U.S. exercise").
            place = gazetteer.lookup_place(tok.text)
            if place is not None and place.cls == "Country":
                self.t.add(tok.doc[tok.i:tok.i + 1], Entity(
                    key=place.key, cls=place.cls, name=place.name, within=place.within,
                    geonames_id=place.geonames_id, iso_code=place.iso_code))
                key = place.key
        if key is None:
            return None
        return key if self.t.cls(key) == "Person" else self.t.actor(key)

    def group(self, tok: Token, n: int | None, cls: set[str] | None = None) -> list[str]:
        """The actors named together just before ``tok`` ("the allies", "the two countries").

        With a number ("the three countries", "the two ministers"), a list of exactly that many
        actors of the fitting class further back counts too: a story names its parties once, in
        the lead, and counts them paragraphs later."""
        floor = self.doc[max(tok.sent.start - 1, 0)].sent.start
        for end, keys in reversed(self.groups):
            if floor <= end < tok.i and (n is None or len(keys) == n):
                return keys
        if n is None or cls is None:
            return []
        for end, keys in reversed(self.groups):
            if end < tok.i and len(keys) == n and all(self.t.cls(k) in cls for k in keys):
                return keys
        return []

    def last_people(self, tok: Token, n: int | None, skip: frozenset[str] = frozenset()) -> list[str]:
        """"the three leaders" with no list before it: the last three people named in the last few
        sentences, other than ``skip``."""
        if not n:
            return []
        floor = self.doc[max(tok.sent.start - 1, 0)].sent.start
        for _ in range(3):
            floor = self.doc[max(floor - 1, 0)].sent.start
        out: list[str] = []
        for m in reversed(self.t.mentions):
            if self.doc[floor].idx <= m.start < tok.idx and self.t.cls(m.entity) == "Person" and (
                    m.entity not in skip) and (
                    m.entity not in out) and not self._possessor(m):
                out.append(m.entity)
        return out[:n][::-1] if len(out) >= n else []

    def _possessor(self, m) -> bool:
        """A person named only as a possessor ("Yoon's adviser"): not one of "the three"."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "poss"

    def last_heads(self, tok: Token) -> list[str]:
        """"The leaders agreed ..." with no number and no list just before: the heads of state or
        government named in the last few sentences, when there are two or more."""
        floor = tok.sent.start
        for _ in range(3):
            floor = self.doc[max(floor - 1, 0)].sent.start
        out = dedupe(m.entity for m in self.t.mentions if self.doc[floor].idx <= m.start < tok.idx
                     and self.t.cls(m.entity) == "Person"
                     and any(m.entity in v for v in self.leaders.values()))
        return out if len(out) >= 2 else []

    def last_person(self, tok: Token) -> str | None:
        """He/she: the last person named before ``tok``, in this or the previous two sentences."""
        floor = tok.sent.start
        for _ in range(2):
            floor = self.doc[max(floor - 1, 0)].sent.start
        for m in reversed(self.t.mentions):
            if m.start < tok.idx and self.t.cls(m.entity) == "Person":
                return m.entity if m.start >= self.doc[floor].idx else None
        return None

    def actors(self, tok: Token) -> list[str]:
        """Actors a noun phrase (and its conjuncts) stands for: people, organisations, countries.

        A first conjunct the parser hung on the last one as a modifier counts too ("Prime Minister
        Fumio Kishida and President Yoon Suk Yeol", with "Kishida" a modifier of "Yeol")."""
        heads = [x for h in conjuncts(tok) for x in (*self._tangled(h), h) if not self._second_title(x)]
        # "Chang, Yoon's adviser, and Okano": a conjunct the parser hung on the apposition.
        # ("Biden, Yoon and Kishida" with "Yoon" an apposition: a list member too.)
        heads += [x for h in list(heads) for c in h.children if c.dep_ == "appos" and len(conjuncts(c)) > 1
                  for x in conjuncts(c)[0 if self.t.entity_of(c) else 1:] if not self._second_title(x)]
        heads += [x for h in list(heads) for x in self._apposed_list(h)]
        return dedupe(k for h in heads for k in self._np(h))

    def _second_title(self, tok: Token) -> bool:
        """"A, general secretary of the party and president of the state": a bare title the parser
        joined to the name, itself in apposition, is the person's second office, no one else."""
        first = tok.head
        titled = tok.lemma_.lower() in TITLE_NOUNS | {"secretary", "chairman", "chair"}
        bare = not any(c.dep_ in ("det", "poss") for c in tok.children)
        # (or "A, general secretary of X and president of Y", parsed as a list of titles)
        named = self.t.cls(self.t.entity_of(first)) == "Person" and any(
            c.dep_ == "appos" for c in first.children) or first.dep_ == "appos" and first.pos_ == "NOUN" \
            and self.t.entity_of(first) is None
        return tok.dep_ == "conj" and tok.pos_ == "NOUN" and titled and bare and named

    def _apposed_list(self, tok: Token) -> list[Token]:
        """"Mr Biden, the Japanese prime minister, Fumio Kishida, and the South Korean president, Yoon
        Suk Yeol": a list the parser chained through appositions; the names along the chain."""
        found, todo = [], [c for c in tok.children if c.dep_ == "appos"]
        joined = False
        while todo:
            t = todo.pop()
            joined |= any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)
            if self.t.entity_of(t) and self.t.cls(self.t.entity_of(t)) == "Person":
                found.append(t)
            todo += [c for c in t.children if c.dep_ in ("appos", "conj")]
        return found if joined and len({self.t.entity_of(t) for t in found}) >= 2 else []

    def _tangled(self, tok: Token) -> list[Token]:
        """Names inside a modifier of ``tok`` that holds its own "and": conjuncts the parser hung on
        the last one ("President Yoon Suk Yeol and US President Joe Biden", all under "Biden")."""
        return [d for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i
                and any(x.dep_ == "cc" for x in c.subtree)
                for d in c.subtree if self.t.entity_of(d) and self.t.entity_of(d.head) != self.t.entity_of(d)]

    def _np(self, h: Token) -> list[str]:
        low, lemma = h.lower_, h.lemma_.lower()
        if h.tag_ in ("PRP", "PRP$"):
            if low in ("his", "her") and h.dep_ == "poss":
                # "Lee will ... head to Washington for his first summit with Trump": the clause's
                # own subject, before the last person named (Trump's host in the clause before).
                verb = next((a for a in h.ancestors if a.pos_ in ("VERB", "AUX")), None)
                own = [k for s in (self.subjects(verb) if verb is not None else []) if h not in s.subtree
                       for k in [self.entity_actor(s)] if k and self.t.cls(k) == "Person"]
                if len(own) == 1:
                    return own
            if low in ("he", "she") and h.dep_ in ("nsubj", "conj") and h.i == h.sent.start:
                # "A took office after the removal of his predecessor, B. He and C first met":
                # a sentence's opening "he" is the person the sentence before was about.
                before = self._previous_subject(h)
                if before is not None:
                    return [before]
            if low in ("he", "she") and h.dep_ in ("nsubj", "nsubjpass") and h.head.dep_ == "relcl" and any(
                    c.lower_ in ("where", "when") for c in h.head.children):
                # "The Russian leader left for Hanoi, where he was to hold talks with To": the
                # subject of the clause the place or time hangs on, not the last person named.
                main = next((a for a in h.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                own = [k for s in (self.subjects(main) if main is not None else []) if s.tag_ != "PRP"
                       for k in self.actors(s) if self.t.cls(k) == "Person"]
                if len(own) == 1:
                    return own
            if low in ("he", "him", "his", "she", "her"):
                return [person] if (person := self.last_person(h)) else []
            if low in ("they", "them", "their"):
                return self._subject_of_clause(h) or self.group(h, None) or self._last_subject(h)
            return []
        key = self.entity_actor(h)
        if key:
            return [key]
        if self.t.entity_of(h):  # a place that is not an actor: "in Tokyo"
            return []
        if lemma in ("delegation", "team", "mission"):
            # "a Chinese delegation headed by A": the one who leads it stands for it
            led = [k for c in h.children if c.dep_ == "acl" and c.lemma_.lower() in ("head", "lead")
                   for a in c.children if a.dep_ == "agent" for o in pobjs(a) for k in self.actors(o)
                   if self.t.cls(k) == "Person"]
            if led:
                for c in h.children:  # (a "Chinese delegation" is led by a Chinese official)
                    country = self.entity_actor(c) if c.dep_ in ("amod", "compound", "nmod") else None
                    for k in led:
                        if country and self.t.cls(country) == "Country":
                            self.nationality.setdefault(k, country)
                return led
        for c in h.children:  # "his Japanese counterpart Yoko Kamikawa"
            if c.dep_ == "appos" and self.entity_actor(c):
                # "G7 ministers, among them A and B": the group is there besides the ones named.
                among = any(p.dep_ == "prep" and p.lower_ == "among" for p in (*h.children, *c.children))
                group = [k for m in h.children if among and m.dep_ in ("nmod", "compound", "poss")
                         for k in [self.entity_actor(m)] if k]
                return dedupe(group + self.actors(c))
        mods = dedupe(k for c in h.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                      for cc in (*_hyphened(c), *conjuncts(c)) for k in [self.entity_actor(cc)] if k)
        mods += dedupe(k for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       for o in pobjs(c) for k in self._np(o))
        # "the allies' defence chiefs": the allies named before.
        mods += dedupe(k for c in h.children if c.dep_ == "poss" and c.tag_ == "NNS" and not mods
                       and c.lemma_.lower() in GROUP_NOUNS for k in self._np(c))
        n = next((NUMBERS[c.lower_] for c in h.children if c.lower_ in NUMBERS), None)
        if lemma == "pair" and not mods and any(c.lower_ == "the" for c in h.children):
            # "the pair were joined by X": the two people named together last
            return self.group(h, 2, {"Person"}) or self.last_people(h, 2)
        if low in NUMBERS and not mods and h.pos_ in ("NUM", "NOUN") and any(
                c.lower_ == "the" for c in h.children):
            # "The three are scheduled to meet": the three actors (or people) just named.
            return self.group(h, NUMBERS[low]) or self.last_people(h, NUMBERS[low])
        if lemma == "counterpart" and (named := self._named_after(h)):
            return named
        head = lemma in TITLE_NOUNS - {"minister"} or (lemma == "minister" and any(
            c.lower_ == "prime" for c in h.children))
        if head and mods:
            # "the leaders of X and Y": the people, when the text names them; a lone "the North
            # Korean leader" may be the only leader the text names.
            alone = self.leader_of(None, lemma) if h.tag_ == "NN" else None
            return [self.leader_of(k) or alone or k if self.t.cls(k) == "Country" else k for k in mods]
        if head and h.tag_ == "NN" and any(c.lower_ == "the" for c in h.children):
            who = self.leader_of(None, lemma)
            return [who] if who else []
        if not mods and lemma in ORG_ANAPHORS and h.tag_ == "NN":  # "the alliance": the last one named
            for m in reversed(self.t.mentions):
                if m.start < h.idx and self.t.cls(m.entity) == "InternationalOrganization":
                    return [m.entity]
        definite = any(c.lower_ in ("the", "both") for c in h.children)
        if not mods and n and definite and lemma in PEOPLE_NOUNS:  # "the two ministers"
            # The clause's own subject is the other side ("X will meet the two ministers").
            verb = next((a for a in h.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subjects = self.subjects(verb) if verb is not None else []
            skip = frozenset() if any(h in s.subtree for s in subjects) else frozenset(
                k for s in subjects for k in self.actors(s))
            return self.group(h, n, {"Person"}) or self.last_people(h, n, skip)
        if not mods and (lemma in GROUP_NOUNS or low in GROUP_NOUNS) and (
                n or any(c.lower_ in ("the", "both") for c in h.children)):
            keys = self.group(h, n, {"Country"} if lemma in STATE_NOUNS else
                              {"Person", "Country"} if lemma == "leader" else None)
            if lemma == "leader":  # "the three leaders": people, or the leaders of the countries named
                # leader_of may give None: keys is used only once all(keys) holds
                keys = cast(list[str], [k if self.t.cls(k) == "Person" else self.leader_of(k) for k in keys])
                if not n and keys and all(keys):  # "A spoke with B and C. The leaders ...": A too
                    heads = self.last_heads(h)
                    keys = heads if set(keys) < set(heads) else keys
                # ("the two leaders" are two people: not one who leads both a party and a state)
                if keys and all(keys) and (not n or len(set(keys)) == n):
                    return keys
                return self.last_people(h, n) if n else self.last_heads(h)
            return keys
        return mods

    def _named_after(self, h: Token) -> list[str]:
        """"his counterparts, Takeo Akiba and Kim Sung-han,": the people named right after the noun
        phrase, however the parser hung them."""
        i = h.right_edge.i + 1
        if i >= len(self.doc) or self.doc[i].text != ",":
            return []
        out: list[str] = []
        for tok in self.doc[i + 1:h.sent.end]:
            key = self.t.entity_of(tok)
            if key is not None and self.t.cls(key) == "Person":
                out.append(key)
            elif not (tok.text in (",", "-") or tok.lower_ == "and" or tok.ent_type_ == "PERSON"):
                break
        return dedupe(out)

    def _previous_subject(self, pron: Token) -> str | None:
        """The one person the sentence before ``pron``'s has as its main subject."""
        if pron.sent.start == 0:
            return None
        root = self.doc[pron.sent.start - 1].sent.root
        keys = [k for c in root.children if c.dep_ == "nsubj" for k in self.actors(c)]
        return keys[0] if len(keys) == 1 and self.t.cls(keys[0]) == "Person" else None

    def _last_subject(self, pron: Token) -> list[str]:
        """"The two leaders first held talks .... They then continued ...": the plural subject of
        the sentence before, when it names two or more actors."""
        if pron.sent.start == 0:
            return []
        root = self.doc[pron.sent.start - 1].sent.root
        keys = [k for c in root.children if c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS")
                or c.dep_ == "nsubj" and any(x.dep_ == "conj" for x in c.children) for k in self.actors(c)]
        return dedupe(keys) if len(set(keys)) >= 2 else []

    def _subject_of_clause(self, pron: Token) -> list[str]:
        """"The leaders of X, Y and Z marked the anniversary of their summit": "their" is the
        clause's plural subject, when that names two or more actors before the pronoun."""
        verb = next((a for a in pron.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for s in [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []:
            if s.i < pron.i and pron not in s.subtree and s.tag_ not in ("PRP", "WP", "WDT"):
                keys = self.actors(s)
                # "A told B at the start of their talks": the subject and the object together.
                if len(keys) == 1:
                    assert verb is not None  # the loop runs only over its subjects
                    keys += [k for o in verb.children if o.dep_ == "dobj" and o.i < pron.i
                             and o.tag_ not in ("PRP", "WP", "WDT") for k in self.actors(o) if k not in keys]
                    # "A told a news conference with B after their talks": A and B
                    keys += [k for o in verb.children if o.dep_ == "dobj" and o.i < pron.i and len(keys) == 1
                             for k in self.with_actors(o) if k not in keys]
                if len(keys) >= 2:
                    return keys
        return []

    def subject(self, verb: Token) -> Token | None:
        subj = self.subjects(verb)
        return subj[0] if subj else None

    def subject_actors(self, verb: Token) -> list[str]:
        return dedupe(k for s in self.subjects(verb) for k in self.actors(s))

    def subjects(self, verb: Token) -> list[Token]:
        """The subjects of ``verb``, climbing control and raising chains ("is set to meet")."""
        v = verb
        for _ in range(5):
            subj = [c for c in v.children
                    if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.tag_ not in ("WDT", "WP")]
            # A dateline ("SEOUL, South Korea \u2013 Yoon and Duda agreed"): the parser makes the
            # city the subject; the real subject is the conjuncts after the dash.
            subj = [x for c in subj for x in self._after_dateline(c, v)]
            if subj:
                return subj
            # "an agreement reached by the leaders at a summit": a passive's agent does the deed.
            agents = [o for c in v.children if c.dep_ == "agent" for o in pobjs(c)]
            if agents:
                return agents
            if v.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in v.head.children):
                return [c for c in v.head.children if c.dep_ == "dobj"]  # "urged them to ..."
            purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            # "Yoon and Duda agreed ..., signing deals at a summit": a participle shares the subject.
            participle = v.dep_ == "advcl" and v.tag_ == "VBG" and not any(
                c.dep_ == "mark" for c in v.children)
            # "will fly to Tokyo ..., then head to Washington": a verb the parser could not label
            # ("dep") shares its head's subject too.
            loose = v.dep_ == "dep" and v.pos_ == "VERB" and v.head.pos_ == "VERB"
            if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" and v.head.head.pos_ == "VERB":
                v = v.head.head  # "met X on Monday before joining Y": the gerund shares the subject
                continue
            if (v.dep_ in ("xcomp", "acomp", "conj", "ccomp") or purpose or participle or loose) \
                    and v.head is not v:
                v = v.head
                continue
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                return [v.head] if not self.place_of(v.head) else []
            return []
        return []

    def _after_dateline(self, subj: Token, verb: Token) -> list[Token]:
        lo, hi = min(subj.i, verb.i), max(subj.i, verb.i)
        dash = next((t.i for t in self.doc[lo:hi] if t.text in ("\u2014", "\u2013", "--")), None)
        if dash is None:
            return [subj]
        # the first phrase after the dash that the parser hung on the place before it
        if subj.i > dash:
            return []
        return [x for x in subj.subtree if dash < x.i < verb.i and x.head.i < dash][:1]

    def span_actors(self, start: int, end: int) -> list[str]:
        """Every actor named in doc[start:end], for phrases the parser tangles ("at which A, B and C")."""
        return dedupe(k if self.t.cls(k) == "Person" else self.t.actor(k)
                      for _, k in self.t.in_span(self.doc[start:end]))

    def with_actors(self, tok: Token, preps=("with", "between", "among")) -> list[str]:
        """Actors of "with"/"between" phrases on ``tok``, or right after it but hung on its verb."""
        near = [c for c in tok.head.children if c.i == tok.right_edge.i + 1] if tok.head is not tok else []
        found = [c for c in [*tok.children, *near] if c.dep_ == "prep" and c.lower_ in preps]
        # "a meeting on its sidelines with X": the parser hangs the "with" on "sidelines"
        found += [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "at")
                  for o in pobjs(p) if o.lower_ in SIDELINES for c in o.children
                  if c.dep_ == "prep" and c.lower_ in preps]
        if found and tok.head is not tok:
            # "held talks with A and then with B": the parser makes the second "with" a conjunct
            # of the verb.
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            found += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps
                      and c.i > found[0].i]
        objs = [o for c in found for o in pobjs(c)]
        # "held a meeting with A, Secretary of State, and B, Minister of ...": after a long
        # apposition the parser hangs the last conjunct on the verb.
        objs += [x for c in found if tok.head.i != tok.i for x in tok.head.children
                 if x.dep_ in ("dobj", "conj") and x.i > c.right_edge.i and self.t.entity_of(x)
                 and self.t.cls(self.t.entity_of(x)) == "Person"
                 and [w.lower_ for w in self.doc[c.right_edge.i + 1:x.left_edge.i]] in (["and"],
                                                                                   [",", "and"])]
        # "with A and B expected to attend": the subjects of the clause the preposition takes.
        clauses = [v for c in found for v in c.children if v.dep_ == "pcomp"]
        clauses += [v for v in [*tok.children, *near] if v.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in preps for m in v.children)]
        objs += [o for v in clauses for s in v.children if s.dep_ == "nsubj" for o in conjuncts(s)]
        return dedupe(k for o in objs for k in self.actors(o))

    # ------------------------------------------------------------ when
    def is_future(self, verb: Token) -> bool:
        return is_future(verb)

    def day(self, sent: Span, anchors: list[Token], future: bool) -> str | None:
        return self.clock.when(sent, anchors, future)[0]

    def when(self, sent: Span, anchors: list[Token], future: bool) -> tuple[str | None, str | None]:
        """(day, "YYYY-MM") of an event: see :meth:`kg.extract.event_time.Clock.when`."""
        return self.clock.when(sent, anchors, future)

    def generic(self, tok: Token, clause: Token) -> bool:
        """"such exercises", "agreed to meet every year", "did not meet": no particular event.

        Only the trigger's and its clause's own words count, not relative clauses inside them
        ("a summit at which they agreed to hold such meetings regularly" is a particular summit).
        """
        if any(c.lower_ in ("such", "any", "no", "every", "each") for c in tok.children):
            return True
        # ("held annual security talks on Wednesday": talks are one round, told in the past)
        one_round = tok.lower_ == "talks" and clause.tag_ == "VBD" and tok.head.i == clause.i
        if tok.tag_ == "NNS" and any(c.lower_ in RECURRING for c in tok.children) and not one_round:
            return True  # "stage regular exercises"
        if any(c.dep_ == "neg" or c.lower_ == "if" for c in clause.children):
            return True
        words = [w for c in (*clause.children, *tok.children) if tok not in c.subtree
                 and c.dep_ not in ("relcl", "ccomp", "advcl") for w in c.subtree]
        return bool(HABITUAL.search(" ".join(w.text for w in words)))

    def evidence(self, sents) -> tuple:
        out: dict[int, Evidence] = {}
        for s in sents:
            out.setdefault(s.start, self.ctx.evidence(s))
        return tuple(out[k] for k in sorted(out))


_MESSAGES = {"statement", "report", "interview", "speech", "letter", "message", "commentary", "editorial",
             "post", "broadcast", "briefing"}


def clauses_of(tok: Token) -> list[Token]:
    """Relative and participial clauses on a noun phrase ("the summit, which opened in Seoul",
    "a meeting held in Washington"); the parser often hangs them on the phrase's last noun."""
    # (Not a message's clause: "dismissed the meeting in a statement carried by KCNA on Sunday" tells
    # when the statement ran.)
    heads = {tok.i} | {o.i for c in tok.children if c.dep_ == "prep" and c.lower_ not in TEMPORAL_PREPS
                       for o in pobjs(c) if o.lemma_.lower() not in _MESSAGES}
    # "the Shangri-La Dialogue, the region's top security forum, which opens on May 31"
    heads |= {c.i for c in tok.children if c.dep_ == "appos"}
    out = [v for v in tok.subtree if v.dep_ in ("relcl", "acl") and v.pos_ == "VERB" and v.head.i in heads]
    # "denounced the meeting of the NCG, held in Washington last Friday": a participle right after
    # the object, which the parser hangs on the verb.
    after = tok.right_edge.i + 1
    if tok.dep_ == "dobj" and after + 1 < len(tok.doc) and tok.doc[after].text == ",":
        out += [v for v in tok.head.children if v.i == after + 1 and v.dep_ == "advcl" and v.tag_ == "VBN"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children)]
    # "... of the Shangri-La Dialogue, the region's top forum, which opens on May 31": an apposition
    # right after the phrase that the parser hung on the verb as an object.
    comma = after - 1 if tok.doc[after - 1].text == "," else after  # (the comma may hang on the phrase)
    if comma + 1 < len(tok.doc) and tok.doc[comma].text == ",":
        out += [v for x in tok.doc[comma + 1:tok.sent.end] if x.left_edge.i == comma + 1 and x.pos_ == "NOUN"
                and x.dep_ in ("dobj", "npadvmod", "appos") and x.head.i != tok.i and x.head.pos_ == "VERB"
                for v in x.children if v.dep_ == "relcl" and v.pos_ == "VERB"]
    return out


def _hyphened(tok: Token) -> list[Token]:
    """The modifier joined to ``tok`` by a hyphen ("South Korea" in "South Korea-US ...")."""
    return [c for c in tok.children if c.dep_ in ("nmod", "compound", "amod") and c.i < tok.i
            and tok.doc[c.right_edge.i + 1].text == "-"]


# The parts of an event's course that stand for it ("at the opening of the summit").
_PHASES = {"opening", "start", "close", "closing", "end"}
# "after two hours of talks": a stretch of time is the talks' own, the verb governs them
SPANS = {"hour", "minute", "day", "week"}


def governor(tok: Token) -> tuple[Token | None, str]:
    """The verb a noun trigger is an argument of, and how: ("held", "dobj"), ("discussed", "in")."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head, tok.dep_
    if tok.dep_ == "npadvmod" and tok.head.pos_ == "VERB":  # a misparsed object: "kick off the X 24 exercise"
        return tok.head, "dobj"
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head, tok.head.lower_
    obj = tok.head.head if tok.dep_ == "pobj" else None
    if obj is not None and tok.head.lower_ == "of" and obj.lemma_.lower() in _PHASES and obj is not tok:
        return governor(obj)  # "joined Y at the opening of the summit": the summit is the verb's
    if obj is not None and tok.head.lower_ == "of" and obj.lemma_.lower() in SPANS and obj.tag_ == "NNS":
        return governor(obj)  # "After three hours of talks, A and B signed": the talks are "after"'s
    if obj is not None and tok.head.lower_ in ("in", "over", "via") and obj.dep_ == "dobj" and (
            obj.head.pos_ == "VERB"):  # "condemned the launch in phone talks": the talks are the verb's
        return obj.head, tok.head.lower_
    return None, ""
