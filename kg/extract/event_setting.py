"""Where and when an event took place, and the parse helpers the event extractors share.

Used through :class:`kg.extract.event_args.EventArgs` (``place``, ``when``, ``day``, ``is_future``).
A place is a locative phrase on one of the event's anchors, a place name inside it, or the
antecedent of "at the retreat" / "where he met ...". A time
expression counts when it hangs on one of the event's anchors (its trigger, the trigger's clauses,
the verb governing it); the trigger's tense resolves a bare weekday. An event with no time of its
own may be timed against another: "fired missiles early Wednesday, hours before Yoon welcomed
Albanese" (the same day), "the launch came a day after Seoul opened the exercise" (the day before
the launch, whose day an earlier sentence gives).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc, Span, Token

from kg.extract.entity_table import PLACE_KIND_NOUNS
from kg.extract.temporal import TimeMention, find_times, resolve_day, year_after

if TYPE_CHECKING:
    from kg.extract.entity_table import EntityTable

PLACES = {"City", "Region", "BodyOfWater", "Country"}
LOC_PREPS = {"in", "at", "around", "near", "off", "over", "inside", "across", "on", "to"}
# Verbs of going somewhere ("will travel to Seoul to meet X", "fly to Tokyo for a summit").
MOVE = {"travel", "fly", "go", "come", "head", "arrive", "visit", "return"}
SIDELINES = {"sideline", "sidelines", "margin", "margins"}
# Nouns that name a place by an "of" phrase: "the island of Capri".
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
FUTURE_HEADS = {"set", "due", "expect", "schedule", "plan", "slate", "prepare", "poise", "go", "intend",
                "hope", "aim", "likely", "agree", "decide", "vow", "pledge", "promise"}
# Present tense of these verbs in news is a scheduled future ("Yoon meets Kishida later on Thursday").
SCHEDULED = {"meet", "begin", "start", "hold", "open", "host", "kick", "visit", "launch"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "hours after", "a day before", "two weeks after": how many days lie between the two events.
_SPANS = {"hour": 0, "minute": 0, "moment": 0, "day": 1, "week": 7}
ENDING = {"end", "wrap", "conclude", "finish", "complete", "close"}
_SOON = {"shortly", "soon", "immediately", "right", "just"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_EXPLICIT = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:last|next|ago|yesterday|today|tonight|tomorrow)\b", re.I)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Yoon, Kishida and Li")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += conjuncts(c)
    return out


def pobjs(prep: Token) -> list[Token]:
    """Objects of a preposition, coordinated prepositions included ("with Yoon and with Kishida").
    "with visiting President X" is parsed as a gerund ("with [visiting X]"): X is the object."""
    out = []
    for p in conjuncts(prep):
        for c in p.children:
            if c.dep_ == "pobj":
                out += conjuncts(c)
            elif c.dep_ == "pcomp" and c.lower_ == "visiting":
                out += [o for d in c.children if d.dep_ == "dobj" for o in conjuncts(d)]
    return out


def start_clauses(verb: Token) -> list[Token]:
    """A participle on ``verb`` that tells when its event started ("fired two missiles ...,
    starting at around 3:30 a.m. on Wednesday", "conducted a drill, beginning at 14:00 today")."""
    return [v for v in verb.children if v.dep_ == "advcl" and v.tag_ == "VBG"
            and verb_in(v, {"begin", "start"}) and not any(c.dep_ == "mark" for c in v.children)]


def participle_hosts(verb: Token) -> list[Token]:
    """The clause a participle without subject hangs on, and the main verb above it: it tells of
    the same time ("agreed Friday to hold drills, pledging cooperation at a summit": the summit is
    Friday's). Climbs coordinated and controlled verbs ("to consult ... and to hold")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "mark") for c in verb.children):
        return []
    return main_clause(verb.head)


def main_clause(verb: Token) -> list[Token]:
    """``verb`` and the verbs it is coordinated with or controlled by, up to the main one ("agreed
    Monday to consult ... and to hold ...": hold, consult, agreed; "fired on Monday, officials
    said, as ...": said, fired)."""
    out, v = [verb], verb
    while v.dep_ in ("conj", "xcomp", "parataxis") and v.head is not v and len(out) < 4:
        v = v.head
        out.append(v)
    return out


def verb_in(tok: Token, words) -> bool:
    """``tok``'s lemma is one of ``words``, also when the lemmatiser slips ("staged" -> "stag")."""
    return not _verb_forms(tok.lemma_, tok.lower_).isdisjoint(words)


@functools.lru_cache(maxsize=65536)
def _verb_forms(lemma: str, word: str) -> frozenset[str]:
    """The lemma and the stems a verb form may have ("staged": stag, stage, sta...): worked out
    once per word, since every extractor asks of every verb."""
    forms = {lemma.lower()}
    for end in ("ing", "ed", "es", "s", "d"):
        if word.endswith(end) and len(word) > len(end) + 2:
            stem = word[:-len(end)]
            forms.update((stem, stem + "e", stem[:-1]))
    return frozenset(forms)


def month_of(text: str, pub: dt.date, future: bool) -> str | None:
    """"May" -> "2023-05": the year given, else the nearest one on the side of the tense."""
    name = re.search(r"[a-z]{3}", text.lower())
    if name is None or name.group() not in _MONTHS:
        return None
    month = _MONTHS.index(name.group()) + 1
    year = re.search(r"(?:19|20)\d{2}", text)
    shift = (future and month < pub.month) - (not future and month > pub.month)
    y = int(year.group()) if year else pub.year + shift
    return f"{y}-{month:02d}"


def is_future(verb: Token) -> bool:
    v = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in v.children):
            return True
        if verb_in(v, FUTURE_HEADS) and v is not verb:
            return True
        if v.lemma_.lower() in ("upcoming", "planned", "plan", "schedule") and v is not verb:
            return True
        # "will travel to Seoul to meet X": a purpose clause shares its verb's tense.
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        loose = v.dep_ == "dep" and v.pos_ == "VERB" and v.head.pos_ == "VERB"  # ", then head to ..."
        if v.dep_ not in ("xcomp", "acomp", "conj", "auxpass") and not purpose and not loose or v.head is v:
            break
        v = v.head
    return (verb.tag_ in ("VBZ", "VBP") and verb_in(verb, SCHEDULED)
            and not any(c.dep_ == "aux" and c.lemma_ in ("have", "be") for c in verb.children))


class Places:
    """Where: mixed into :class:`kg.extract.event_args.EventArgs` (needs ``doc``, ``t``, ``actors``)."""

    doc: Doc
    t: EntityTable

    if TYPE_CHECKING:
        def actors(self, tok: Token) -> list[str]: ...

    def place_of(self, tok: Token, depth: int = 2) -> str | None:
        """The place a noun phrase names: itself, a name inside it, its antecedent, or a place in it."""
        key = self.t.entity_of(tok)
        if key and self.t.cls(key) in PLACES:
            return key
        if key:
            return None
        for c in tok.children:
            k = self.t.entity_of(c)
            if c.dep_ in ("compound", "nmod") and k and self.t.cls(k) in PLACES - {"Country"}:
                return k
        if tok.lemma_.lower() in PLACE_KIND_NOUNS:  # "on the island of Capri", "the city of Busan"
            k = next((k for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)[:1]
                      for k in [self.t.entity_of(o)] if k and self.t.cls(k) in PLACES - {"Country"}), None)
            if k:
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
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "off", "near",
                                                                                     "around")]
            preps += [p for c in tok.children if c.dep_ == "advmod" and c.lower_ in COMPASS  # "south of X"
                      for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
            for p in preps:
                for o in pobjs(p)[:1]:
                    k = self.place_of(o, depth - 1)
                    if k and self.t.cls(k) != "Country":
                        return k
        return None

    def _sidelines_place(self, tok: Token) -> str | None:
        """"on the sidelines of the forum in Vientiane": where the larger meeting is."""
        heads = [tok, *(o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p))]
        return next((k for h in heads for q in h.children if q.dep_ == "prep" and q.lower_ in ("in", "at")
                     for x in pobjs(q)[:1] if (k := self.place_of(x))), None)

    def place(self, anchors: list[Token], skip: set[int] | frozenset[int] = frozenset()) -> str | None:
        """A locative argument of the first anchor that has one ("in Tokyo", "around the peninsula")."""
        for a in anchors:
            objs = [o for o in a.children if o.dep_ == "dobj" and a.pos_ == "VERB" and self.actors(o)]
            objs += [o for c in a.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                     for o in pobjs(c)]
            near = [*a.children, *(c for o in objs for c in o.children)]  # "meet Biden in San Francisco"
            # "met for the first time in Seoul"
            near += [g for c in a.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)
                     if o.lemma_ == "time" for g in o.children]
            # "talks with visiting President X in Y": the gerund holds the place
            near += [g for c in a.children if c.dep_ == "prep" and c.lower_ == "with" for v in c.children
                     if v.dep_ == "pcomp" and v.lower_ == "visiting" for g in v.children]
            near += [c for h in near if h.dep_ == "advmod" and h.lower_ in ("here", "there")
                     for c in h.children]
            for c in near:  # "hosted Li and Kishida here in Seoul"
                if c.dep_ == "prep" and c.lower_ in LOC_PREPS and (c.lower_ != "to" or a.pos_ == "VERB"):
                    for o in pobjs(c)[:1]:
                        if o.i in skip:
                            continue
                        k = self._sidelines_place(o) if o.lemma_ in SIDELINES else self.place_of(o)
                        if k and c.lower_ == "on" and c.head.i == a.i and a.pos_ in ("NOUN", "PROPN") \
                                and self.t.cls(k) == "Country":
                            continue  # "a meeting on North Korea": what it is about, not where
                        if k:
                            return k
            # "held talks during Yoon's state visit to Washington": where the visit went
            k = next((k for c in a.children if c.dep_ == "prep" and c.lower_ == "during"
                      for o in pobjs(c)[:1] if o.lemma_.lower() in ("visit", "trip", "tour")
                      for p in o.children if p.dep_ == "prep" and p.lower_ == "to"
                      for x in pobjs(p)[:1] if (k := self.place_of(x))), None)
            if k:
                return k
            if verb_in(a, {"visit"}):  # "visited Seoul to attend a summit"
                k = next((self.place_of(c, 0) for c in a.children if c.dep_ == "dobj"), None)
                if k:
                    return k
            if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children):
                # "travelled to the Vostochny cosmodrome in Russia's far east, where he met ...": the
                # place the clause hangs on, else where the verb before it went.
                k = self.place_of(a.head, 0) or next((self.place([v]) for v in a.head.ancestors
                                                      if v.pos_ == "VERB"), None)
                city = self.place_of(a.head.head, 0) if a.head.dep_ in ("conj", "appos") else None
                if k and self.t.cls(k) == "Country" and city and self.t.entities[city].within == k:
                    k = city  # "flew in from Vientiane, Laos, where they met X": the city, not its country
                if k:
                    return k
        return None


class Clock:
    """Days of events in one document published on ``pub``."""

    def __init__(self, doc: Doc, pub: dt.date | None, sentences: list[Span]):
        self.doc, self.pub, self.sentences = doc, pub, sentences
        self._times: dict[int, list[TimeMention]] = {}

    def times(self, sent: Span) -> list[TimeMention]:
        if sent.start not in self._times:
            # An article without a publication date has no days to resolve relative dates
            # against: its events stay undated rather than dated by the day of the build.
            self._times[sent.start] = find_times(sent.text, self.pub) if self.pub is not None else []
        return self._times[sent.start]

    def when(self, sent: Span, anchors: list[Token], future: bool) -> tuple[str | None, str | None]:
        """(day, "YYYY-MM") an event happened or starts: a time expression attached to an anchor,
        else a day told relative to another event's ("hours before ...").

        The month also comes from a month alone ("in May"); it only keeps apart events the text
        sets in different months ("the first summit since May, when the leaders met in Hiroshima").
        """
        if self.pub is None:
            return None, None
        day, month = self.attached(sent, anchors, future)
        if day is None and month is None:
            rel = self.relative(sent, anchors)
            if rel is not None:
                return rel.isoformat(), rel.isoformat()[:7]
        return (day.isoformat() if day else None), month

    def attached(self, sent: Span, anchors: list[Token], future: bool,
                 since: bool = True) -> tuple[dt.date | None, str | None]:
        """The day (and month) of a time expression hung on one of ``anchors``; ``since``: also a
        start ("have been drilling since Monday")."""
        # "since May, when X met": the clause hangs on the time expression it describes.
        described = {a.head.i for a in anchors if a.dep_ == "relcl"}
        keep = {a.i for a in anchors} | described
        pub = cast(dt.date, self.pub)  # times() finds nothing without one
        month = None
        # "PYONGYANG, July 27 (Xinhua) -- X met Y on Wednesday": the dateline's day is when the story
        # was filed; a day of the sentence proper comes first.
        dash = next((t.idx - sent.start_char for t in sent[:16] if t.text in ("--", "\u2014", "\u2013")), -1)
        filed = sent[0].is_upper and len(sent[0]) > 2 and dash >= 0
        times = sorted(self.times(sent), key=lambda m: filed and m.end <= dash)
        for m in times:
            if m.kind not in ("day", "month") or (m.kind == "day" and m.day is None):
                continue  # a bare clock time's day is only a guess ("09:45 KST" heading a blog entry)
            span = self.doc.char_span(sent.start_char + m.start, sent.start_char + m.end,
                                      alignment_mode="expand")
            if span is None or not _attached(span.root, keep):
                continue
            before = self.doc[span.start - 1].lower_ if span.start > sent.start else ""
            bound = before == "since" and (not since or span.root.head.head.pos_ in ("NOUN", "PROPN")
                                           and span.root.i not in described)
            if before in ("until", "till", "through", "to") or bound:
                continue  # an end, or "the first summit since May": a bound, not the event's time
            if m.kind == "month":
                if not _earlier_event(span.root, keep):
                    month = month or month_of(m.text, pub, future)
                continue
            day = m.day
            if not _EXPLICIT.search(m.text) and not year_after(sent.text, m.end):
                # the trigger's own tense decides "Thursday", "Aug. 25" (not "May 7 last year"); a
                # clause of its own may set it ahead ("the forum, which opens on May 31")
                verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
                # (and one in the past tense sets it back: "hold their exercise, which began on
                # August 21")
                past = verb is not None and verb.tag_ == "VBD" and verb.dep_ in ("relcl", "advcl", "conj")
                ahead = future and not past or verb is not None and verb.dep_ == "relcl" and is_future(verb)
                day = resolve_day(m.text, pub, future=ahead) or day
            assert day is not None  # a "day" mention without a day was skipped above
            return day, day.isoformat()[:7]
        # "arrived in Lima on Friday and met X": a verb joined to another shares its day when it
        # has none of its own.
        heads = [a.head for a in anchors if a.dep_ == "conj" and a.pos_ == "VERB" and a.head.pos_ == "VERB"
                 and a.head.i != a.i and a.head.i not in keep]
        if month is None and heads:
            return self.attached(sent, heads, future, since)
        return None, month

    def story_day(self, sent: Span, anchors: list[Token]) -> dt.date | None:
        """A clock time without a day hung on one of ``anchors`` ("staged a drill from 3 p.m."):
        news tells the hours of the day it reports, so the day of the story's lead (the first
        day its opening sentences name), else of publication. None without such a clock."""
        keep = {a.i for a in anchors}
        clocked = False
        for m in self.times(sent):
            span = self.doc.char_span(sent.start_char + m.start, sent.start_char + m.end,
                                      alignment_mode="expand")
            if m.kind == "clock" and span is not None and _attached(span.root, keep):
                clocked = True
        if not clocked:
            return None
        for lead in self.sentences[:4]:
            day = next((m.day for m in self.times(lead) if m.kind == "day" and m.day is not None), None)
            if day is not None:
                return day
        return self.pub

    # ------------------------------------------------------------ relative days
    def relative(self, sent: Span, anchors: list[Token]) -> dt.date | None:
        """"X fired ... early Wednesday, hours before Y welcomed Z": Y's day is X's.

        A clause "N days/hours before|after <clause>" hangs on the main clause, whose event is the
        reference; a phrase "hours after the launch" names the reference itself. Hours, minutes
        and "shortly" keep the day; "a day", "two days", "a week" shift it. "Two days after the
        allies wrapped up the drills" dates their end, not their start: no day.
        """
        for a in anchors:
            if a.pos_ not in ("VERB", "AUX") or verb_in(a, ENDING):
                continue
            mark = next((c for c in a.children if c.dep_ == "mark" and c.lower_ in ("before", "after")), None)
            if mark is not None and a.dep_ == "advcl":
                gap = _gap(mark)
                # "came weeks after X fired on March 16, hours before Y met Z": the parser hangs the
                # second time clause on the main verb; it times the dated clause right before it.
                prior = [c for c in a.head.children if c.dep_ == "advcl" and c.i < a.i
                         and c.right_edge.i >= a.left_edge.i - 2] if gap is not None else []
                ref = self.attached(sent, prior[-1:], is_future(prior[-1]))[0] if prior else None
                ref = ref or (self._day_of_clause(a.head) if gap is not None else None)
                if ref is not None:  # the anchor's clause is the time clause: "hours after [it]"
                    assert gap is not None
                    return ref - dt.timedelta(days=gap if mark.lower_ == "after" else -gap)
            # "convened a meeting within hours of the launch": the launch's day
            for w in (c for c in a.children if c.dep_ == "prep" and c.lower_ == "within"):
                span = _pobj(w)
                of = next((c for c in span.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                    if span is not None and span.lemma_.lower() in ("hour", "minute", "moment") else None
                ref = self.day_of_event(o) if of is not None and (o := _pobj(of)) is not None else None
                if ref is not None:
                    return ref
            for prep in _time_preps(a):
                gap = _gap(prep)
                ref = self.day_of_event(o) if gap is not None and (o := _pobj(prep)) is not None else None
                if ref is not None:  # "a day after the launch, they met": the anchor follows it
                    assert gap is not None
                    return ref + dt.timedelta(days=gap if prep.lower_ == "after" else -gap)
            for v in a.children:  # "they met hours after North Korea fired ... on Monday"
                mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ in ("before", "after")
                             ), None) if v.dep_ == "advcl" else None
                gap = _gap(mark) if mark is not None else None
                ref = self.attached(v.sent, [v], is_future(v))[0] if gap is not None else None
                if ref is not None:
                    assert gap is not None and mark is not None
                    return ref + dt.timedelta(days=gap if mark.lower_ == "after" else -gap)
        return None

    def _day_of_clause(self, verb: Token) -> dt.date | None:
        """A main clause's day: its own time, else its subject's ("The launch came ...")."""
        day, _ = self.attached(verb.sent, [verb], is_future(verb))
        if day is not None:
            return day
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ == "PRP" and verb.dep_ == "conj":
            # "Tuesday's launches were ..., and they came a day after ...": the first clause's subject
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
        return self.day_of_event(subj) if subj is not None else None

    def day_of_event(self, noun: Token) -> dt.date | None:
        """The day of a definite event noun ("the launch", "Monday's test"): its own time, else the
        day the nearest earlier sentence mentioning it gives ("carried out the launch on Tuesday",
        "the missile was fired on Monday" for "the firing"), else the day of the main clause of one
        of the sentences just before ("North Korea fired a missile on Tuesday. Hours after the
        launch, ...")."""
        if noun.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in noun.children):
            return None
        day, _ = self.attached(noun.sent, [noun], False, since=False)
        if day is not None:
            return day
        earlier = [s for s in self.sentences if s.end <= noun.sent.start][::-1]
        # (the same word first; then, for a launch, a verb of firing: "fired the missile on Thursday")
        for fired in [set(), *([_FIRED[noun.lemma_.lower()]] if noun.lemma_.lower() in _FIRED else [])]:
            for s in earlier:
                same = [t for t in s if t.pos_ in ("NOUN", "VERB") and (
                    (t.lemma_ == noun.lemma_ or t.pos_ == "VERB" and verb_in(noun, {t.lemma_})) if not fired
                    else t.pos_ == "VERB" and verb_in(t, fired))]
                for t in same:
                    anchors = [t, t.head] if t.dep_ in ("dobj", "nsubj", "nsubjpass", "compound") else [t]
                    anchors += start_clauses(t) if t.pos_ == "VERB" else []
                    day, _ = self.attached(s, anchors, False, since=False)
                    if day is not None:
                        return day
                if same and (day := self._main_day(s)) is not None:  # "Monday night's explosion ... launch"
                    return day
        return next((d for s in earlier[:3] if (d := self._main_day(s)) is not None), None)

    def _main_day(self, sent: Span) -> dt.date | None:
        """The day a sentence's main clause happened on ("North Korea fired a missile on Tuesday")."""
        return self.attached(sent, [sent.root], is_future(sent.root), since=False)[0]


# Event nouns told earlier by another verb ("North Korea fired the missile on Thursday ... The
# launch came a day after ...").
_FIRED = {"launch": {"fire", "launch"}, "firing": {"fire", "launch"}, "test": {"fire", "test", "launch"}}

# Participles that only time the clause they hang on ("On July 27, commencing at 11 a.m., X held a
# meeting with Y": the day is the meeting's).
_TIMING = {"commence", "start", "begin", "last", "run"}


def _attached(tok: Token, anchors: set[int]) -> bool:
    for _ in range(8):
        if tok.i in anchors:
            return True
        if tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_ in _TIMING \
                and tok.head.i in anchors and not any(c.dep_ in ("nsubj", "mark") for c in tok.children):
            return True
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _earlier_event(tok: Token, anchors: set[int]) -> bool:
    """A month inside "after X's visit to Tokyo in March" is the month of that visit, not of the
    event the "after" phrase times."""
    for a in tok.ancestors:
        if a.i in anchors or a.pos_ in ("VERB", "AUX"):
            return False
        if a.pos_ == "NOUN" and a.dep_ == "pobj" and a.head.lower_ in ("after", "since", "following") \
                and any(c.dep_ == "poss" for c in a.children):
            return True
    return False


def _gap(word: Token) -> int | None:
    """Days between two events from the words before "before"/"after": "hours" 0, "two days" 2."""
    doc = word.doc
    prev = doc[word.i - 1] if word.i > word.sent.start else None
    if prev is None:
        return None
    if prev.lower_ in _SOON:
        return 0
    unit = _SPANS.get(prev.lemma_.lower())
    if unit is None:
        return None
    if unit == 0:
        return 0
    count = doc[prev.i - 1] if prev.i > word.sent.start else None
    if count is None:
        return None
    n = _COUNTS.get(count.lower_) or (int(count.text) if count.text.isdigit() else None)
    return n * unit if n else None


def _time_preps(verb: Token) -> list[Token]:
    """"before"/"after" phrases on ``verb``, also hung on a measure ("Hours after the launch, ...")."""
    out = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("before", "after")]
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.lemma_.lower() in _SPANS:
            out += [p for p in c.children if p.dep_ == "prep" and p.lower_ in ("before", "after")]
    return out


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)
