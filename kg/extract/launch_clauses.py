"""Clauses about a missile told before: "It flew ...", "the missile reached ...", "one of them
reached ...", "The missiles were detected at ...".

A sentence without a launch verb of its own can still say where the missile went, how far and
high it flew and who said so. These helpers find such clauses for :mod:`kg.extract.launch`;
each clause is a list of verbs that share one subject ("flew ... before falling into the sea").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import launch_args as args
from kg.extract.launch_actors import SPEECH_VERBS
from kg.extract.launch_time import OBSERVE_VERBS
from kg.extract.tokens import span_tokens

DEBRIS = {"fragment", "debris", "wreckage", "piece", "part", "object", "stage"}
_ORDINALS = {"first", "second", "third", "latter", "former", "last"}
# "one of them", "each of the missiles", "both of them": a part of the missiles told before.
_PARTITIVES = {"one", "each", "both", "two", "three"}
# Pronouns that may stand for the missiles told before; a bare "both" or "each" ("Both flew
# about 350 km") too, checked like "they" for a clause of flight.
_PRONOUNS = {"it", "they", "both", "each"}
# Words of how high a missile flew, which its flight had ("its maximum altitude was ..."); not its
# range, which may be what it could reach.
_HEIGHTS = {"altitude", "apogee", "height"}
# "the same missiles", "such missiles": the kind, not the missiles that were fired.
_KIND_MODS = {"same", "such", "similar"}
# Observing a missile is a report of its launch, and when it was seen is when it was fired:
# "The missiles were detected at around 7 a.m.".
SIGHTING_VERBS = {"detect", "spot", "report"}
# Verbs of seeing whose "-ing" complement happened when they did ("saw debris falling into ...").
PERCEPTION_VERBS = SIGHTING_VERBS | {"see", "observe", "watch", "track", "monitor"}


def clause(verb: Token) -> list[Token]:
    """A verb with the verbs that share its subject: "flew ... before falling into the sea"."""
    out, todo = [], [verb]
    while todo:
        v = todo.pop()
        out.append(v)
        kids = [*v.children, *(g for c in v.children if c.dep_ == "prep"
                               for g in c.children if g.dep_ == "pcomp")]
        for c in kids:
            if c.dep_ == "ccomp" and any(g.tag_ == "WP" and g.dep_ == "nsubj" for g in c.children):
                todo.append(c)          # "fired what appeared to be a missile ... off its coast"
            elif c.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp") and c.pos_ in ("VERB", "AUX", "ADJ") \
                    and c.lemma_.lower() not in SPEECH_VERBS and not any(
                        g.dep_ in ("nsubj", "nsubjpass") and not _distributive(g, c) for g in c.children):
                todo.append(c)          # a verb with a subject of its own is a clause of its own
    return sorted(out, key=lambda t: t.i)


def _distributive(subj: Token, verb: Token) -> bool:
    """"fired two missiles, each flying about 400 km": a participle whose subject is "each" or
    "both" shares out the main clause's object; it is that clause's, not one of its own."""
    return subj.lower_ in ("each", "both") and not list(subj.children) and verb.tag_ == "VBG" \
        and verb.dep_ == "advcl"


def about_missile(t: Token | None) -> bool:
    """A subject that stands for the missile: "it", "the missile", "fragments", "the first",
    "one of them"."""
    if t is None or any(c.lower_ in _KIND_MODS for c in t.children if c.dep_ in ("amod", "det")):
        return False
    if args.is_missile(t) or t.lemma_.lower() in DEBRIS or t.lower_ in ("it", "they"):
        return True
    if t.lower_ in _PRONOUNS and t.pos_ in ("PRON", "DET") and not list(t.children):
        return True                     # "Both flew about 350 km"
    if t.lower_ == "one" and t.dep_ in ("nsubj", "nsubjpass") and not list(t.children):
        return True                     # "One flew about 600 km": one of the missiles told before
    if t.lower_ in _ORDINALS and any(c.lower_ == "the" for c in t.children):
        return True
    if t.lemma_.lower() in _HEIGHTS and any(
            c.dep_ == "poss" and (c.lower_ in ("its", "their") or args.is_missile(c)) for c in t.children):
        return True                     # "its maximum altitude was about 100 km": how high it flew
    if t.lemma_.lower() in ("time", "duration") and any(c.lower_ == "flight" for c in t.children) and any(
            c.dep_ == "poss" and (c.lower_ in ("its", "their") or args.is_missile(c)) for c in t.children):
        return True                     # "Its flight time of 86 minutes was ...": how long it flew
    return t.lower_ in _PARTITIVES and any(
        c.dep_ == "prep" and c.lower_ == "of"
        and any(g.lower_ == "them" or about_missile(g) for g in c.children) for c in t.children)


def continues(sent: Span, text: str) -> bool:
    """Whether ``sent`` carries on the sentence before it on the same line: the parser splits
    after abbreviations ("at around 6:50 a.m. | local time and flew about 350 km ...")."""
    first = sent[0]
    if not (first.is_alpha and first.is_lower) or sent.start_char == 0:
        return False
    return "\n" not in text[max(0, sent.start_char - 3):sent.start_char]


def _past(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or aux & {"was", "were", "had", "has", "have", "did"}:
        return True
    # "the rocket lost thrust": a past tense the tagger took for a participle, with a subject
    # of its own and no auxiliary.
    return verb.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in verb.children)


def _own_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun is in; a participle modifying a noun ("lost thrust", misparsed
    as an adjective) does not make a clause."""
    return next((a for a in tok.ancestors
                 if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("amod", "compound")), None)


def referring(sent: Span, used: set[int], text: str) -> list[list[Token]]:
    """Clauses about a missile told before, each as its verbs: "It flew ...", "the missile
    reached ...", "detected numerous fragments falling into the Yellow Sea"."""
    out: list[list[Token]] = []
    used = set(used)
    carried = continues(sent, text)
    for tok in span_tokens(sent):
        if tok.pos_ not in ("VERB", "AUX") or tok.i in used:
            continue
        lemma = tok.lemma_.lower()
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        # "the JCS reported several cruise missiles over the Yellow Sea": a report of missiles
        # seen is a sighting; other words of saying tell no flight.
        if lemma in SPEECH_VERBS and lemma != "detect" and not (lemma == "report" and about_missile(obj)):
            continue
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj = next((s for s in subjs if about_missile(s)), subjs[0] if subjs else None)
        finite = tok
        if subj is None and tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN"):
            subj, finite = tok.head, tok.head.head     # "fragments falling into ..."
        elif tok.dep_ == "ccomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in PERCEPTION_VERBS:
            finite = tok.head           # "saw debris falling into ...": the seeing is its tense
        # "... at around 6:50 a.m. | local time and flew about 350 km": the subject is the
        # previous sentence's.
        implicit = carried and subj is None and lemma in args.FLIGHT_VERBS and tok.tag_ == "VBD"
        if not implicit and not about_missile(subj) and not (about_missile(obj) and lemma in OBSERVE_VERBS):
            continue
        if not (implicit or _past(finite)) or any(c.tag_ == "MD" for c in finite.children):
            continue
        verbs = clause(tok)
        # "it" is the missile only in a clause of flight or one that names a missile class.
        if subj is not None and subj.lower_ in _PRONOUNS | {"one"} and not any(
                v.lemma_.lower() in args.FLIGHT_VERBS or args.aloft(v)
                or any(args.is_missile(t) for t in v.subtree) for v in verbs):
            continue
        out.append(verbs)
        used.update(v.i for v in verbs)
    return out


def missiles_in(verbs: list[Token], taken: set[int]) -> list[Token]:
    """Missiles named in a clause about the missile, not already another unit's."""
    own = {v.i for v in verbs}
    heads = [t for v in verbs for t in v.subtree if args.is_missile(t) and t.i not in taken
             and (verb := _own_verb(t)) is not None and verb.i in own]
    return list(dict.fromkeys(heads))


def stray_flights(trig: Token, heads: list[Token]) -> list[Token]:
    """Relative clauses of flight the parser hung on a noun near the missile rather than on it:
    "fired a missile from the Pyongyang area that flew some 570 km before falling into ..."."""
    own = {h.i for h in heads}
    return [t for t in trig.subtree if t.dep_ == "relcl" and t.lemma_.lower() in args.FLIGHT_VERBS
            and t.head.i not in own and not args.is_missile(t.head)
            and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in t.children)]
