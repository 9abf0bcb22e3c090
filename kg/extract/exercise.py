"""Military exercises: who drills, where, from when, under which name.

Triggers are the nouns of the trade ("exercise", "drills", "war games", "manoeuvres"). A name is
the run of capitalised words just before the noun ("the annual Ulchi Freedom Shield exercise",
"the 11-day UFS exercise"); countries in front of it are participants ("the joint US exercises",
"South Korea-U.S. ... exercise"), as are the subjects of the verbs that hold an exercise ("the US
and South Korea have been carrying out drills"), "by"/"with"/"involving" phrases. The date is
when it started ("Since Monday", "began on Aug. 21", "ran from March 4 to March 14").

One exercise is usually mentioned several times ("joint navy drills" ... "drills around the
Korean peninsula" ... "the joint US exercises"): mentions are merged as meetings are
(:func:`kg.extract.event_args.merge`); an indefinite "a combined air drill" is a new exercise,
"such exercises" none. A later sentence naming a known exercise without the noun ("will take
part in Freedom Edge") adds its evidence.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg import gazetteer
from kg.extract import Context, extractor
from kg.extract.event_args import (
    TEMPORAL_PREPS,
    EventArgs,
    Mention,
    clauses_of,
    dedupe,
    fold,
    governor,
    merge,
    verb_in,
)
from kg.records import MilitaryExercise

NOUNS = {"exercise", "drill", "wargame", "manoeuvre", "maneuver", "manoeuvres", "maneuvers"}
# Verbs whose subject is a participant of the exercise they govern.
CONDUCT = {"hold", "conduct", "carry", "stage", "begin", "start", "kick", "launch", "wrap", "end", "finish",
           "complete", "continue", "resume", "join", "run", "perform", "mount", "undertake", "participate",
           "take", "go", "engage", "fly", "sail", "practice", "practise", "organize", "organise",
           "plan", "expand", "scale", "open"}
ACTOR_PREPS = ("with", "between", "among", "by")


def _trigger(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "game" or tok.lower_ == "games":  # "war games"
        return any(c.lower_ in ("war", "war-") for c in tok.children)
    return lemma in NOUNS or tok.lower_ in NOUNS


def _name(args: EventArgs, tok: Token) -> str | None:
    """Capitalised words right before the noun, countries excluded: "Ulchi Freedom Shield"."""
    words: list[Token] = []
    acronym = None
    i = tok.i - 1
    while i >= tok.sent.start:
        w = args.doc[i]
        if w.text == ")" and i - 2 >= tok.sent.start and args.doc[i - 2].text == "(":
            acronym = acronym or args.doc[i - 1].text  # "(UFS)"
            i -= 3
            continue
        key = args._entity_actor(w)
        if not (w.is_alpha and w.text[0].isupper() and w.pos_ == "PROPN") or args.t.cls(key) == "Country" or (
                gazetteer.lookup_demonym(w.text) or w.is_sent_start):
            break
        words.insert(0, w)
        i -= 1
    return " ".join(w.text for w in words) or acronym


def _countries(args: EventArgs, keys: list[str]) -> list[str]:
    """Exercises are between states: a national body or a person stands for their country."""
    out = []
    for k in keys:
        cls = args.t.cls(k)
        ent = args.t.entities.get(k)
        if cls == "Country":
            out.append(k)
        elif cls == "Person":
            out.append(args.nationality.get(k))
        elif ent is not None and ent.country:
            out.append(ent.country)
    return dedupe(out)


def _mention(args: EventArgs, tok: Token) -> Mention | None:
    if tok.dep_ in ("appos", "conj") and (_trigger(tok.head) or any(
            _trigger(a) for a in tok.head.ancestors if a.sent == tok.sent)):
        return None  # "..., a largely computer-simulated drill that ...": the same exercise again
    gov, rel = governor(tok)
    clause = gov if gov is not None and rel not in TEMPORAL_PREPS else tok
    if args.generic(tok, clause):
        return None
    name = _name(args, tok)
    named = set(range(tok.i - len((name or "").split()) - 3, tok.i))
    # Countries before the noun ("the joint US exercises", "South Korea-U.S. ... exercise").
    keys = [k for w in args.doc[tok.left_edge.i:tok.i] if w.i not in named or args.t.cls(
        args.t.entity_of(w)) == "Country" for k in args.actors(w) if w.dep_ != "poss"
        and (w.head == tok or w.head.i in range(tok.left_edge.i, tok.i))]
    keys += [k for c in tok.children if c.dep_ == "poss" for k in args.actors(c)]
    keys += args.with_actors(tok, ACTOR_PREPS)
    keys += [k for v in tok.children if v.dep_ == "acl" and v.lemma_ == "involve"
             for c in v.children if c.dep_ == "dobj" for k in args.actors(c)]
    anchors = [tok] + clauses_of(tok)
    if gov is not None and rel not in TEMPORAL_PREPS:
        anchors.append(gov)
        if verb_in(gov, CONDUCT) and (rel == "dobj" or rel in ("in", "with", "during", "for")):
            keys += args.subject_actors(gov)
        keys += args.with_actors(gov, ("with",))
    m = Mention("MilitaryExercise", tok.sent, tok, _countries(args, dedupe(keys)), name=name)
    m.definite = any(c.lower_ in ("the", "this", "that", "these", "its", "their") or c.dep_ == "poss"
                     for c in tok.children)
    m.fresh = any(c.lower_ in ("a", "an", "another", "separate") for c in tok.children) and not name
    m.place = args.place(anchors, skip=named)
    m.date = args.day(tok.sent, anchors, any(args.is_future(a) for a in anchors if a.pos_ in ("VERB", "AUX")))
    return m


@extractor("kg.military_exercise.v1")
def extract_exercises(ctx: Context) -> list[MilitaryExercise]:
    args = EventArgs.of(ctx)
    mentions = [m for tok in args.doc if _trigger(tok) and (m := _mention(args, tok)) is not None]
    clusters, _ = merge(args, mentions)
    out = []
    for cluster in clusters:
        v = fold(cluster)
        if not (v.participants or v.name):
            continue  # "drills" with nobody and nothing to tell them apart: not an event we can name
        sents = [m.sent for m in cluster]
        names = {n for m in cluster if m.name for n in (m.name,)}
        for n in names:  # "will take part in Freedom Edge": the name alone, later
            sents += [s for s in args.doc.sents if re.search(rf"\b{re.escape(n)}\b", s.text)]
        out.append(MilitaryExercise(participants=tuple(v.participants), place=v.place, date=v.date,
                                    name=v.name, evidence=args.evidence(sents)))
    return out
