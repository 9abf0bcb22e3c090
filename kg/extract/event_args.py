"""Event arguments from the dependency parse, and merging an event's mentions within a document.

Shared by the meeting, exercise and other-event extractors. :class:`EventArgs` answers, for one
document: which actors a noun phrase stands for (people, organisations, countries; "the leaders
of X and Y" are the people the text names as their leaders, "the allies" the actors named just
before, "he" the last person named), where (a locative phrase, a place name inside the phrase, the
antecedent of "at the retreat"), when (a time expression attached to the trigger, resolved with
the trigger's tense) and whether a mention is generic ("such exercises", "meet every year").
:func:`merge` groups mentions into events: a definite reference ("the meeting") joins the event
talked about last; other mentions join an event only when place, date, name or participants agree.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import Context
from kg.extract.temporal import find_times, resolve_day
from kg.records import Entity

PLACES = {"City", "Region", "BodyOfWater", "Country"}
LOC_PREPS = {"in", "at", "around", "near", "off", "over", "inside", "across", "on", "to"}
TEMPORAL_PREPS = {"before", "after", "ahead", "following", "since", "until", "amid", "despite", "than"}
# Heads of state/government: "the leaders of X and Y" are these people when the text names them.
HEAD_TITLES = re.compile(r"\b(?:supreme leader|leader|president|prime|premier|chancellor|chairman|king)\b")
TITLE_NOUNS = {"leader", "president", "premier", "minister", "chancellor", "counterpart", "head"}
GROUP_NOUNS = {"ally", "allies", "country", "nation", "side", "government", "neighbour", "neighbor",
               "partner", "two", "both", "pair", "leader", "power"}
ORG_ANAPHORS = {"alliance", "bloc", "organization", "organisation", "grouping", "body"}
NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
HABITUAL = re.compile(r"\b(?:every|each)\s+(?:year|month|week)|\bregularly\b|\bannually\b", re.I)
FUTURE_HEADS = {"set", "due", "expect", "schedule", "plan", "slate", "prepare", "poise", "go", "intend",
                "hope", "aim", "likely"}
# Present tense of these verbs in news is a scheduled future ("Yoon meets Kishida later on Thursday").
SCHEDULED = {"meet", "begin", "start", "hold", "open", "host", "kick", "visit", "launch"}


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Yoon, Kishida and Li")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += conjuncts(c)
    return out


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, coordinated prepositions included ("with Yoon and with Kishida")."""
    return [o for p in conjuncts(prep) for c in p.children if c.dep_ == "pobj" for o in conjuncts(c)]


def verb_in(tok: Token, words) -> bool:
    """``tok``'s lemma is one of ``words``, also when the lemmatiser slips ("staged" -> "stag")."""
    if tok.lemma_.lower() in words:
        return True
    w = tok.lower_
    for end in ("ing", "ed", "es", "s", "d"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[:-len(end)]
            if {stem, stem + "e", stem[:-1]} & set(words):
                return True
    return False


def dedupe(keys) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))


class EventArgs:
    """Argument finding for one document: actors of noun phrases, places, days, tense."""

    def __init__(self, ctx: Context):
        self.ctx, self.doc, self.t = ctx, ctx.doc, ctx.entities
        self.pub: dt.date | None = ctx.article.published
        self.leaders: dict[tuple[str | None, str], list[str]] = {}
        self.nationality: dict[str, str] = {}
        self._titles()
        self.groups = self._groups()

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

    def leader_of(self, country: str | None, title: str = "head") -> str | None:
        cands = self.leaders.get((country, title)) if country else self.leaders.get((None, title))
        if country is None and cands and len(cands) > 1:
            return None
        return cands[0] if cands else None

    def _groups(self) -> list[tuple[int, list[str]]]:
        """Coordinations of two or more actors ("the US and South Korea"), by last token index."""
        out = []
        for tok in self.doc:
            if tok.dep_ == "conj" or not any(c.dep_ == "conj" for c in tok.children):
                continue
            heads = conjuncts(tok)
            keys = [self._entity_actor(h) for h in heads]
            if len(heads) >= 2 and all(keys):
                out.append((max(h.i for h in heads), dedupe(keys)))
        return out

    def _entity_actor(self, tok: Token) -> str | None:
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

    def group(self, tok: Token, n: int | None) -> list[str]:
        """The actors named together just before ``tok`` ("the allies", "the two countries")."""
        floor = self.doc[max(tok.sent.start - 1, 0)].sent.start
        for end, keys in reversed(self.groups):
            if floor <= end < tok.i and (n is None or len(keys) == n):
                return keys
        return []

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
        """Actors a noun phrase (and its conjuncts) stands for: people, organisations, countries."""
        return dedupe(k for h in conjuncts(tok) for k in self._np(h))

    def _np(self, h: Token) -> list[str]:
        low, lemma = h.lower_, h.lemma_.lower()
        if h.tag_ in ("PRP", "PRP$"):
            if low in ("he", "him", "his", "she", "her"):
                return [self.last_person(h)] if self.last_person(h) else []
            return self.group(h, None) if low in ("they", "them", "their") else []
        key = self._entity_actor(h)
        if key:
            return [key]
        if self.t.entity_of(h):  # a place that is not an actor: "in Tokyo"
            return []
        for c in h.children:  # "his Japanese counterpart Yoko Kamikawa"
            if c.dep_ == "appos" and self._entity_actor(c):
                return self.actors(c)
        mods = dedupe(k for c in h.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                      for cc in conjuncts(c) for k in [self._entity_actor(cc)] if k)
        mods += dedupe(k for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in pobjs(c) for k in self._np(o))
        n = next((NUMBERS[c.lower_] for c in h.children if c.lower_ in NUMBERS), None)
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
        if not mods and lemma in ORG_ANAPHORS | {"alliance"} and h.tag_ == "NN":
            for m in reversed(self.t.mentions):
                if m.start < h.idx and self.t.cls(m.entity) == "InternationalOrganization":
                    return [m.entity]
        if not mods and (lemma in GROUP_NOUNS or low in GROUP_NOUNS) and (
                n or any(c.lower_ in ("the", "both") for c in h.children)):
            return self.group(h, n)
        return mods

    def subject(self, verb: Token) -> Token | None:
        subj = self.subjects(verb)
        return subj[0] if subj else None

    def subject_actors(self, verb: Token) -> list[str]:
        return dedupe(k for s in self.subjects(verb) for k in self.actors(s))

    def subjects(self, verb: Token) -> list[Token]:
        """The subjects of ``verb``, climbing control and raising chains ("is set to meet")."""
        v = verb
        for _ in range(5):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                    and c.tag_ not in ("WDT", "WP") and not any(  # a dateline: "CAMP DAVID, Md. (AP) —"
                        t.text in ("\u2014", "--") for t in self.doc[min(c.i, v.i):max(c.i, v.i)])]
            if subj:
                return subj
            if v.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in v.head.children):
                return [c for c in v.head.children if c.dep_ == "dobj"]  # "urged them to ..."
            purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if (v.dep_ in ("xcomp", "acomp", "conj", "ccomp") or purpose) and v.head is not v:
                v = v.head
                continue
            if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
                return [v.head] if not self.place_of(v.head) else []
            return []
        return []

    def span_actors(self, start: int, end: int) -> list[str]:
        """Every actor named in doc[start:end], for phrases the parser tangles ("at which A, B and C")."""
        return dedupe(k if self.t.cls(k) == "Person" else self.t.actor(k)
                      for _, k in self.t.in_span(self.doc[start:end]))

    def with_actors(self, tok: Token, preps=("with", "between", "among")) -> list[str]:
        """Actors of "with"/"between" phrases on ``tok``, or right after it but hung on its verb."""
        near = [c for c in tok.head.children if c.i == tok.right_edge.i + 1] if tok.head is not tok else []
        return dedupe(k for c in [*tok.children, *near] if c.dep_ == "prep" and c.lower_ in preps
                      for o in pobjs(c) for k in self._np(o))

    # ------------------------------------------------------------ where
    def place_of(self, tok: Token, depth: int = 2) -> str | None:
        """The place a noun phrase names: itself, a name inside it, its antecedent, or a place in it."""
        key = self.t.entity_of(tok)
        if key and self.t.cls(key) in PLACES:
            return key
        if key:
            return None
        for c in tok.children:
            k = self.t.entity_of(c)
            if c.dep_ in ("compound", "nmod") and k and self.t.cls(k) in PLACES:
                return k
        if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
            # "at the retreat": the earlier phrase with the same head that named the place.
            for prev in reversed(self.doc[tok.sent.start - 400 if tok.sent.start > 400 else 0:tok.i]):
                if prev.lemma_ == tok.lemma_ and prev.i != tok.i:
                    k = next((self.t.entity_of(c) for c in prev.children if c.dep_ in ("compound", "nmod")
                              and self.t.cls(self.t.entity_of(c)) in PLACES), None)
                    if k:
                        return k
        if depth:  # "in international waters in the East China Sea"; never a whole country
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "off", "near", "around"):
                    for o in pobjs(c)[:1]:
                        k = self.place_of(o, depth - 1)
                        if k and self.t.cls(k) != "Country":
                            return k
        return None

    def place(self, anchors: list[Token], skip: set[int] = frozenset()) -> str | None:
        """A locative argument of the first anchor that has one ("in Tokyo", "around the peninsula")."""
        for a in anchors:
            objs = [o for o in a.children if o.dep_ == "dobj" and a.pos_ == "VERB" and self.actors(o)]
            for c in [*a.children, *(c for o in objs for c in o.children)]:  # "meet Biden in San Francisco"
                if c.dep_ == "prep" and c.lower_ in LOC_PREPS and (c.lower_ != "to" or a.pos_ == "VERB"):
                    for o in pobjs(c)[:1]:
                        if o.i not in skip and o.lemma_ not in ("sideline", "sidelines", "margin"):
                            k = self.place_of(o)
                            if k:
                                return k
            if verb_in(a, {"visit"}):  # "visited Seoul to attend a summit"
                k = next((self.place_of(c, 0) for c in a.children if c.dep_ == "dobj"), None)
                if k:
                    return k
            if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children):
                k = self.place_of(a.head, 0)
                if k:
                    return k
        return None

    # ------------------------------------------------------------ when
    def is_future(self, verb: Token) -> bool:
        v = verb
        for _ in range(4):
            if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in v.children):
                return True
            if verb_in(v, FUTURE_HEADS) and v is not verb:
                return True
            if v.lemma_.lower() in ("upcoming", "planned", "plan", "schedule") and v is not verb:
                return True
            if v.dep_ not in ("xcomp", "acomp", "conj", "auxpass") or v.head is v:
                break
            v = v.head
        return (verb.tag_ in ("VBZ", "VBP") and verb_in(verb, SCHEDULED)
                and not any(c.dep_ == "aux" and c.lemma_ in ("have", "be") for c in verb.children))

    def day(self, sent: Span, anchors: list[Token], future: bool) -> str | None:
        """The day an event happened or starts: a time expression attached to one of ``anchors``."""
        if self.pub is None:
            return None
        keep = {a.i for a in anchors}
        for m in find_times(sent.text, self.pub):
            if m.kind != "day" or m.day is None:
                continue  # a bare clock time's day is only a guess ("09:45 KST" heading a blog entry)
            span = self.doc.char_span(sent.start_char + m.start, sent.start_char + m.end,
                                      alignment_mode="expand")
            if span is None or not self._attached(span.root, keep):
                continue
            before = self.doc[span.start - 1].lower_ if span.start > sent.start else ""
            if before in ("until", "till", "through", "to") or (before == "since" and m.kind == "clock"):
                continue
            day = m.day
            if re.search(r"day\b", m.text, re.I) and not re.search(r"\b(?:last|next|ago|yesterday|"
                                                                     r"today|tomorrow)\b", m.text, re.I):
                day = resolve_day(m.text, self.pub, future=future) or day
            return day.isoformat()
        return None

    def _attached(self, tok: Token, anchors: set[int]) -> bool:
        for _ in range(8):
            if tok.i in anchors:
                return True
            if (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod") or tok.head is tok:
                return False
            tok = tok.head
        return False

    def generic(self, tok: Token, clause: Token) -> bool:
        """"such exercises", "agreed to meet every year", "did not meet": no particular event.

        Only the trigger's and its clause's own words count, not relative clauses inside them
        ("a summit at which they agreed to hold such meetings regularly" is a particular summit).
        """
        if any(c.lower_ in ("such", "any", "no", "every", "each") for c in tok.children):
            return True
        if any(c.dep_ == "neg" or c.lower_ == "if" for c in clause.children):
            return True
        words = [w for c in (*clause.children, *tok.children) if tok not in c.subtree
                 and c.dep_ not in ("relcl", "ccomp", "advcl") for w in c.subtree]
        return bool(HABITUAL.search(" ".join(w.text for w in words)))

    def evidence(self, sents) -> tuple:
        out = {}
        for s in sents:
            out.setdefault(s.start, self.ctx.evidence(s))
        return tuple(out[k] for k in sorted(out))


def clauses_of(tok: Token) -> list[Token]:
    """Relative and participial clauses on a noun phrase ("the summit, which opened in Seoul",
    "a meeting held in Washington"); the parser often hangs them on the phrase's last noun."""
    heads = {tok.i} | {o.i for c in tok.children if c.dep_ == "prep" for o in pobjs(c)}
    return [v for v in tok.subtree if v.dep_ in ("relcl", "acl") and v.pos_ == "VERB" and v.head.i in heads]


def governor(tok: Token) -> tuple[Token | None, str]:
    """The verb a noun trigger is an argument of, and how: ("held", "dobj"), ("discussed", "in")."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head, tok.dep_
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head, tok.head.lower_
    return None, ""


@dataclasses.dataclass
class Mention:
    """One trigger of an event in one sentence, with the arguments found around it."""

    kind: str
    sent: Span
    trigger: Token
    participants: list[str]
    place: str | None = None
    date: str | None = None
    name: str | None = None
    planned: bool = False
    definite: bool = False
    separate: bool = False        # "separate talks with A and with B": one meeting per partner
    fresh: bool = False           # "a combined air drill": indefinite, a new event unless named alike
    parent: int | None = None      # token index of the summit trigger it is on the sidelines of


# ---------------------------------------------------------------------------- merging

def normalise(args: EventArgs, parts: list[str]) -> list[str]:
    """A country drops out when one of its people takes part ("leaders of X and Y" named)."""
    covered = {args.nationality.get(p) for p in parts if args.t.cls(p) == "Person"}
    return [p for p in parts if not (args.t.cls(p) == "Country" and p in covered)]


def _within(args: EventArgs, a: str, b: str) -> bool:
    ent = args.t.entities.get(a)
    return a == b or (ent is not None and b in (ent.within, ent.country))


def same_name(a: str | None, b: str | None) -> bool:
    """Equal names, or one the initials of the other ("UFS", "Ulchi Freedom Shield")."""
    if not a or not b:
        return False
    fa, fb = a.lower(), b.lower()
    initials = ("".join(w[0] for w in fa.split()), "".join(w[0] for w in fb.split()))
    return fa == fb or fa == initials[1] or fb == initials[0]


def compatible(args: EventArgs, m, c) -> bool:
    if m.date and c.date and m.date != c.date:
        return False
    if m.place and c.place and not (_within(args, m.place, c.place) or _within(args, c.place, m.place)):
        return False
    return not (m.name and c.name and not same_name(m.name, c.name))


def same_event(args: EventArgs, m, c) -> float:
    """How surely a mention with content is the event of cluster ``c`` (already ``compatible``); 0: not."""
    both = normalise(args, dedupe(m.participants + c.participants))
    mp, cp = set(m.participants) & set(both), set(c.participants) & set(both)
    score = 2.0 * bool(m.place and m.place == c.place) + 2.0 * bool(m.date and m.date == c.date)
    score += len(mp & cp)
    return score + 1 if _same(m, c, mp, cp) else 0.0


def _same(m, c, mp: set, cp: set) -> bool:
    if same_name(m.name, c.name):
        return True
    if m.fresh:
        return False
    if m.separate or c.separate:
        return len(mp) >= 2 and mp == cp
    nested = not mp or not cp or mp <= cp or cp <= mp
    if len(mp) >= 2 and mp == cp:
        return True
    if m.definite and (nested or mp & cp):
        return True
    if m.kind == "MilitaryExercise" and nested:  # an article's "drills": its one exercise unless named
        return True
    if m.place and m.place == c.place and (m.date and m.date == c.date or mp and cp and nested):
        return True
    return bool(m.date and m.date == c.date and mp and cp and nested and (mp & cp))


def merge(args: EventArgs, mentions: list[Mention]) -> tuple[list[list[Mention]], dict[int, int]]:
    """Mentions grouped into events; also which cluster each trigger ended in."""
    clusters: list[list[Mention]] = []
    where: dict[int, int] = {}
    for m in mentions:
        bare = m.definite and not (m.participants or m.place or m.date or m.name)
        best, top = None, 0.0
        if bare:  # "the meeting": the event talked about last, of a fitting kind, with substance
            ranked = sorted(range(len(clusters)), key=lambda i: (
                m.kind in ("Meeting", fold(clusters[i]).kind), len(fold(clusters[i]).participants) >= 2,
                m.trigger.lemma_.lower() in {x.trigger.lemma_.lower() for x in clusters[i]},
                clusters[i][-1].trigger.i))
            best = ranked[-1] if ranked else None
        for i in range(len(clusters) - 1, -1, -1):
            c = fold(clusters[i])
            nested = any(x.parent == m.trigger.i or m.parent == x.trigger.i for x in clusters[i])
            score = 0.0 if bare or nested or not compatible(args, m, c) else same_event(args, m, c)
            if score and m.trigger.lemma_.lower() in {x.trigger.lemma_.lower() for x in clusters[i]}:
                score += 0.5  # "the exercise" rather than "a combined air drill"
            if score > top:  # the best-supported cluster; the latest among equals
                best, top = i, score
        if best is None:
            if bare:
                continue
            clusters.append([])
            best = len(clusters) - 1
        clusters[best].append(m)
        where[m.trigger.i] = best
    return clusters, where


def fold(ms: list[Mention]) -> Mention:
    """The merged view of a cluster's mentions (first value wins for place, date, name)."""
    out = dataclasses.replace(ms[0], participants=list(ms[0].participants))
    for m in ms[1:]:
        out.participants = dedupe(out.participants + m.participants)
        out.place, out.date, out.name = out.place or m.place, out.date or m.date, out.name or m.name
        out.kind = "Summit" if "Summit" in (out.kind, m.kind) else out.kind
        out.planned = out.planned and m.planned
        out.definite = False
    return out
