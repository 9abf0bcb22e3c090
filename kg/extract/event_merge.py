"""Mentions of one event across sentences, merged into events (meetings and exercises alike).

A *mention* is one trigger in one sentence with the arguments found around it. :func:`merge`
groups them: a definite reference with nothing of its own ("the meeting") joins the event talked
about last (one that has already happened, when its clause is in the past); other mentions join
an event only when name, place, date or participants agree. A side meeting is never the summit
it sits in. :func:`fold` gives a group's merged view.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Span, Token

from kg.extract.event_args import EventArgs, dedupe
from kg.records import ORG_CLASSES

TEMPORAL_MARKS = {"since", "before", "after", "until", "till", "when", "while"}


@dataclasses.dataclass
class Mention:
    """One trigger of an event in one sentence, with the arguments found around it."""

    kind: str
    sent: Span
    trigger: Token
    participants: list[str]
    place: str | None = None
    date: str | None = None
    month: str | None = None      # "2023-05": only to keep apart events of different months
    name: str | None = None
    planned: bool = False
    definite: bool = False
    separate: bool = False        # "separate talks with A and with B": one meeting per partner
    fresh: bool = False           # "a combined air drill": indefinite, a new event unless named alike
    parent: int | None = None      # token index of the summit trigger it is on the sidelines of
    sides: int | None = None       # "bilateral" 2, "trilateral" 3: how many sides the text says meet
    headline: bool = False         # told in the article's title line
    session: bool = False          # "talks in an expanded format": one sitting of a summit
    ended: bool = False            # "the summit broke up on Thursday": its date is its last day
    last: str | None = None        # the last day of an event told to have ended on it


def in_headline(args: EventArgs, sent: Span) -> bool:
    """``sent`` is (or holds) the article's title as printed at the top of its text."""
    title = (args.ctx.article.title or "").strip()
    pos = args.ctx.text.find(title) if title else -1
    return pos >= 0 and sent.start_char < pos + len(title) and pos < sent.end_char


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


def _unplaced(args: EventArgs, key: str) -> bool:
    """A place the gazetteer could not locate ("the presidential office in Yongsan"): it may lie
    inside any other place."""
    ent = args.t.entities.get(key)
    return ent is not None and ent.cls in ("City", "Region") and not ent.within and not ent.geonames_id


def _next_day(a: str, b: str) -> bool:
    try:
        return dt.date.fromisoformat(b) - dt.date.fromisoformat(a) == dt.timedelta(days=1)
    except ValueError:
        return False


def compatible(args: EventArgs, m, c) -> bool:
    # "opened their summit on Wednesday" ... "the summit broke up on Thursday": the day a
    # summit ends may be the day after it opened.
    # ("They resumed talks on Thursday": on a day the summit ran.)
    ending = m.date and c.date and (m.ended and not c.ended and _next_day(c.date, m.date)
                                    or c.ended and not m.ended and _next_day(m.date, c.date)
                                    or m.date == c.last or m.last == c.date)
    if m.date and c.date and m.date != c.date and not ending or m.month and c.month and m.month != c.month:
        return False
    if m.place and c.place and not (_within(args, m.place, c.place) or _within(args, c.place, m.place)
                                    or _unplaced(args, m.place) or _unplaced(args, c.place)):
        return False
    return not (m.name and c.name and not same_name(m.name, c.name))


def same_event(args: EventArgs, m, c) -> float:
    """How surely a mention with content is the event of cluster ``c`` (already ``compatible``); 0: not."""
    # "the NCG met in Seoul on Tuesday" ... "Kim co-chaired Tuesday's meeting with Campbell": a
    # definite meeting on a body's day is the body's; its people sit in it. (Not a summit: leaders
    # meet on a forum's sidelines on its day.)
    if m.definite and m.kind == c.kind == "Meeting" and m.date and m.date == c.date and (
            _lone_body(args, m.participants) != _lone_body(args, c.participants)):
        return 3.0
    both = normalise(args, dedupe(m.participants + c.participants))
    mp, cp = set(m.participants) & set(both), set(c.participants) & set(both)
    if m.definite and m.kind == c.kind == "Summit" and len(mp) == 1 and not mp & cp and not m.sides and all(
            args.t.cls(p) == "Person" for p in mp) and not any(
            x.dep_ == "poss" for x in m.trigger.children) and (c.name or any(
                args.t.cls(p) == "InternationalOrganization" for p in cp)):
        # "the NATO summit" ... "the summit was hosted by A": a leader at the bloc's summit (or at
        # a named one: "the Summit for Democracy" ... "Opening the summit in Seoul, A warned"; not
        # "their bilateral summit")
        return 1.0 + 2.0 * bool(m.place and m.place == c.place)
    by_country = bool(mp and cp and not mp & cp)
    if by_country:  # "the South Korea-U.S. meeting" and "talks between Blinken and Cho"
        mp, cp = ({args.nationality.get(p, p) for p in x} for x in (mp, cp))
        if mp != cp:
            return 0.0  # different people of partly the same countries: another meeting
    if m.kind == c.kind == "Summit" and _unnamed_leader(args, mp - cp, cp - mp):
        # "the leaders of South Korea, Japan and China held a summit" ... "President Yoon hosted
        # Kishida and Li at a summit": a leader of no known country stands for the one country left.
        mp = cp = mp | cp
    score = 2.0 * bool(m.place and m.place == c.place) + 2.0 * bool(m.date and m.date in (c.date, c.last))
    score += len(mp & cp)
    return score + 1 if _same(m, c, mp, cp) else 0.0


def _unnamed_leader(args: EventArgs, a: set, b: set) -> bool:
    """One side has one more leader of no known country, the other one more country."""
    if len(a) != 1 or len(b) != 1:
        a, b = b, a
    if len(a) != 1 or len(b) != 1:
        return False
    (x,), (y,) = a, b
    if args.t.cls(y) == "Person":
        x, y = y, x
    # ("President Yoon": a head's title, of no country the text says)
    return args.t.cls(x) == "Person" and args.t.cls(y) == "Country" and args.nationality.get(x) is None \
        and any(x in people for people in args.leaders.values())


def _lone_body(args: EventArgs, keys: list[str]) -> bool:
    """The participants are one organisation alone ("the Security Council met")."""
    return len(set(keys)) == 1 and args.t.cls(keys[0]) in ORG_CLASSES


def _same(m, c, mp: set, cp: set) -> bool:
    if same_name(m.name, c.name):
        return True
    if m.fresh and not c.headline:
        # "a combined air drill" is another exercise -- unless only the headline told of one
        # before ("Marines Hold Live-Fire Drill" ... "the Marines held a live-fire drill ...").
        return False
    if m.separate or c.separate or any(x.lower_ == "separate" for x in m.trigger.children) and not m.definite:
        # ("A and B also held a separate meeting": not the talks they had with C)
        return len(mp) >= 2 and mp == cp
    if m.planned != c.planned and not m.definite:
        return False  # "will hold a summit" is not the meeting they "met" at before
    if m.sides and (c.sides and m.sides != c.sides or len(cp) > m.sides):
        return False  # "Ishiba and Yoon also held their bilateral summit" apart from the trilateral
    nested = not mp or not cp or mp <= cp or cp <= mp
    if not nested and not m.definite and len(mp) >= 2 and len(cp) >= 2 and len(mp ^ cp) >= 2:
        return False  # two meetings in one city on one day, of different people ("2+2 talks")
    if len(mp) >= 2 and mp == cp:
        return True
    if m.kind == "Meeting" and c.kind == "Summit" and not m.definite and not mp <= cp and len(mp) >= 2:
        # ("X visits Seoul for democracy summit" ... "X met Y before the opening of the summit")
        return False
    if c.headline and not m.headline and mp & cp and nested and not (m.planned or c.planned):
        return True  # "A meets B's delegation" over "A met the delegation headed by C on Monday"
    if m.definite and nested:
        return True  # ("his talks with Dong" that add Dong to a meeting of others are another meeting)
    if m.kind == "MilitaryExercise" and nested:  # an article's "drills": its one exercise unless named
        return True
    # "Blinken was in Seoul for a summit on Monday ... met Cho on Monday": a meeting that brings
    # in people the summit does not have is one of its own.
    if m.kind == "Meeting" and c.kind == "Summit" and not mp <= cp:
        return False
    if m.place and m.place == c.place and (m.date and m.date == c.date or mp and cp and nested):
        return True
    return bool(m.date and m.date == c.date and mp and cp and nested and (mp & cp))


def merge(args: EventArgs, mentions: list[Mention]) -> tuple[list[list[Mention]], dict[int, int]]:
    """Mentions grouped into events; also which cluster each trigger ended in."""
    clusters: list[list[Mention]] = []
    where: dict[int, int] = {}
    for m in mentions:
        m.headline = in_headline(args, m.sent)
        bare = m.definite and not (m.participants or m.place or m.date or m.name)
        best, top = None, 0.0
        if bare:
            best = _last_talked_about(args, m, clusters)
        for i in range(len(clusters) - 1, -1, -1):
            c = fold(clusters[i])
            # A side meeting is not the summit it sits in, nor a meeting that sits in no summit.
            # ("plan another summit" in a headline, with no place or day, may be the one planned on
            # the sidelines of a larger one later on.)
            # (A headline that names the side meeting itself is that meeting: "Japan-ROK Foreign
            # Ministers' Meeting" over "held a Japan-ROK Foreign Ministers' Meeting on the margins of".)
            titled = all(x.headline for x in clusters[i]) and same_name(m.name, c.name)
            # (A sitting of a summit takes only "the talks" told after it, not another meeting of the
            # same two people: "Putin and Kim last met in 2023".)
            sitting = any(x.session for x in clusters[i]) and not m.session and not m.definite
            nested = any(x.parent == m.trigger.i or m.parent == x.trigger.i for x in clusters[i]) or (
                m.parent is not None and not titled and all(x.parent is None for x in clusters[i])
                and not (m.planned and c.planned and not c.place and not c.date))
            # "marking one year since the three leaders met": the meeting in a time clause is not
            # the event of the clause it times.
            apart = any(x.sent.start == m.sent.start and _timed(x.trigger) != _timed(m.trigger)
                        for x in clusters[i])
            stop = bare or nested or apart or sitting
            score = 0.0 if stop or not compatible(args, m, c) else same_event(args, m, c)
            if score and m.trigger.lemma_.lower() in {x.trigger.lemma_.lower() for x in clusters[i]}:
                score += 0.5  # "the exercise" rather than "a combined air drill"
            if score > top:  # the best-supported cluster; the latest among equals
                best, top = i, score
        if best is None and m.kind == "Summit" and not (m.participants or m.place or m.date or m.planned):
            # "NATO summit: ..." ... "on the final day of a summit marking its 75th anniversary":
            # a summit of nothing of its own is the one summit the story has told of.
            summits = [i for i, c in enumerate(clusters) if not any(x.parent == m.trigger.i for x in c)
                       and (f := fold(c)).kind == "Summit" and not f.planned and compatible(args, m, f)]
            best = summits[0] if len(summits) == 1 else None
        if best is None and _one_attendee(args, m):
            # "X, who chaired the meeting": one attendee of the event talked about last.
            best = _last_talked_about(args, m, clusters, agreeing=True)
        if best is None:
            if bare:
                continue
            clusters.append([])
            best = len(clusters) - 1
        clusters[best].append(m)
        where[m.trigger.i] = best
    return clusters, where


_SESSION_WORDS = {"emergency", "special", "urgent", "extraordinary", "closed-door"}


def _one_attendee(args: EventArgs, m: Mention) -> bool:
    """"X, who chaired the meeting": a bare definite reference that names only one person in it.
    Those who "joined the talks" are attendees too, however many ("A and B joined the talks on
    the host's side")."""
    joined = m.trigger.dep_ == "dobj" and m.trigger.head.lemma_ == "join" and all(
        args.t.cls(p) == "Person" for p in m.participants)
    return (m.definite and (len(m.participants) == 1 or joined and bool(m.participants))
            and args.t.cls(m.participants[0]) == "Person"
            # ("X told Thursday's emergency meeting": a day that agrees with the event's)
            and not (m.place or m.name
                     or m.date and m.trigger.head.lemma_ not in ("tell", "address", "brief"))
            and not any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ != "DATE"
                        and c.lower_ not in _SESSION_WORDS  # ("the emergency meeting": the one told)
                        for c in m.trigger.children))  # ("that December meeting" is one before)


def _last_talked_about(args: EventArgs, m: Mention, clusters: list[list[Mention]],
                       agreeing: bool = False) -> int | None:
    """"the meeting": the event talked about last, of a fitting kind, with substance, and one that
    has happened when the clause is in the past ("told reporters after the meeting")."""
    past = _past(args, m.trigger)
    # "held talks on the margins of the forum": the forum is not the talks held on its margins
    hosts = [i for i in range(len(clusters)) if not any(x.parent == m.trigger.i for x in clusters[i])
             and not (agreeing and not compatible(args, m, fold(clusters[i])))]  # ("that May meeting")
    ranked = sorted(hosts, key=lambda i: (
        not (past and fold(clusters[i]).planned), m.kind in ("Meeting", fold(clusters[i]).kind),
        m.trigger.lemma_.lower() in _heads(clusters[i]),
        len(fold(clusters[i]).participants) >= 2,
        # ("held separate talks with A and with B ... called the meeting historic": the whole event)
        not all(x.separate for x in clusters[i]),
        clusters[i][-1].trigger.i))
    return ranked[-1] if ranked else None


def _heads(cluster: list[Mention]) -> set[str]:
    """The nouns a cluster's mentions go by, appositions too ("the Shangri-La Dialogue, an annual
    security forum": "the forum" later)."""
    heads = {t.lemma_.lower() for x in cluster for t in (x.trigger, *x.trigger.children)
             if t is x.trigger or t.dep_ == "appos"}
    return heads | {"meeting"} if "meet" in heads else heads  # "the council met" ... "that meeting"


def _timed(tok: Token) -> int | None:
    """The head of the time clause ("since they met", "after the talks") ``tok`` sits in, if any."""
    for a in (tok, *tok.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in a.children):
            return a.i
        if a.dep_ == "pobj" and a.head.lower_ in TEMPORAL_MARKS:
            return a.i
    return None


def _past(args: EventArgs, tok: Token) -> bool:
    """The clause ``tok`` is in tells of the past ("told reporters after the meeting")."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBD" and not args.is_future(verb)


def fold(ms: list[Mention]) -> Mention:
    """The merged view of a cluster's mentions (first value wins for place, date, name)."""
    out = dataclasses.replace(ms[0], participants=list(ms[0].participants))
    for m in ms[1:]:
        out.participants = dedupe(out.participants + m.participants)
        if out.ended and m.date and not m.ended:  # the day it opened, not the day it ended
            out.date, out.ended = m.date, False
        out.ended = out.ended or not out.date and m.ended
        out.last = out.last or m.last
        out.place, out.date, out.name = out.place or m.place, out.date or m.date, out.name or m.name
        out.month = out.month or m.month
        out.sides = out.sides or m.sides
        out.kind = "Summit" if "Summit" in (out.kind, m.kind) else out.kind
        out.planned = out.planned and m.planned
        out.definite = False
        out.headline = out.headline and m.headline
    return out
