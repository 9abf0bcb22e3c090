"""Who launched and who reported it: the actor of a launch trigger, and the sources a sentence
cites for what it says ("X said", "according to X", "X reported, citing Y").

Helpers for :mod:`kg.extract.launch`; entities come from the document's
:class:`~kg.extract.entities.EntityTable`.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.entities import EntityTable
from kg.extract.launch_args import is_missile, same_line, site_of
from kg.extract.tokens import span_tokens
from kg.records import ORG_CLASSES, Entity

# "SEOUL, Aug. 31 (Yonhap) --", "WASHINGTON (AP) —", "TOKYO, March 18 (Kyodo) --"
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^\n(]{0,30}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:--|-|–|—)\s")


def _dateline_end(sent: Span) -> int:
    """Character offset where a wire dateline ("SEOUL, Aug. 31 (Yonhap) --") ends, else 0. The
    dateline opens the line, which the parser may have split ("SEOUL," | "South Korea (AP) — ...")."""
    m = _DATELINE.match(sent.text)
    if m:
        return sent.start_char + m.end()
    doc = sent.doc
    line = sent.start
    while line > 0 and "\n" not in doc[line - 1].text_with_ws and sent.start - line < 8:
        line -= 1
    if line == sent.start:
        return 0
    head = doc[line:sent.end].text
    m = _DATELINE.match(head)
    return doc[line].idx + m.end() if m and doc[line].idx + m.end() > sent.start_char else 0


def _the_north(tok: Token, table: EntityTable) -> str | None:
    """"the North" / "the South" in Korea reporting: the one country of the document so named."""
    if tok.lower_ not in ("north", "south") or not any(c.lower_ == "the" for c in tok.children):
        return None
    found = {k for k, e in table.entities.items()
             if e.cls == "Country" and e.name.lower().startswith(tok.lower_)}
    return found.pop() if len(found) == 1 else None


def _actor(c: Token, table: EntityTable) -> str | None:
    """The country ``c`` stands for as a launcher: a country, or a body of one (not a person)."""
    if is_missile(c):
        return None
    key = table.actor(table.entity_of(c)) or _the_north(c, table)
    if key is None:
        return None
    if table.cls(key) == "Country":
        return key
    if table.cls(key) != "Person" and table.entities[key].country:
        return table.entities[key].country
    return None


# Nouns of armed forces that a country's adjective makes that country's: "US forces fired ...".
_FORCES = {"force", "forces", "troop", "troops", "military", "army", "navy", "unit", "units", "soldier",
           "soldiers", "marine", "marines",
           # "South Korean fighter jets fired three air-to-ground missiles": its craft fire for it
           "jet", "jets", "warplane", "warplanes", "aircraft", "bomber", "bombers", "warship",
           "warships", "destroyer", "destroyers", "submarine", "submarines"}


def _national(noun: Token, table: EntityTable) -> list[Token]:
    """The country adjective of a missile or of armed forces ("a South Korean missile", "South
    Korean and US forces": the one next to the noun); not where it was made ("a Russian-made
    missile")."""
    if not (is_missile(noun) or noun.lower_ in _FORCES):
        return []
    out = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
           and c.ent_type_ in ("NORP", "GPE") and "-" not in c.text
           and table.cls(table.entity_of(c)) == "Country"]
    return out[-1:]


def launcher_of(tok: Token, kind: str, table: EntityTable) -> str | None:
    """The country that launched: subject of the active verb, agent of the passive, possessor of
    the noun ("Pyongyang's fourth missile launch"; a capital acting is its country). A military
    or ministry stands for its country; a person (the leader who "oversaw" it) does not."""
    cands: list[Token] = []
    if kind == "verb":
        verb, conj = tok, False
        while True:
            kids = list(verb.children)
            agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            subj = [c for c in kids if c.dep_ == "nsubj"]
            # (a participle's clause shares its subject too: "X has conducted tests, most
            # recently firing ...")
            shares = verb.dep_ in ("xcomp", "conj") or verb.dep_ == "advcl" and verb.tag_ == "VBG"
            if agent or subj or not shares or verb.head.i == verb.i:
                cands = agent or subj
                break
            conj = conj or verb.dep_ == "conj"
            verb = verb.head           # "tried and failed to launch": the subject of "tried"
        up = verb.head
        if conj and verb.dep_ in ("ccomp", "xcomp") and up.i != verb.i and \
                up.lemma_.lower() not in SPEECH_VERBS and not any(_actor(c, table) for c in cands):
            # "the North let its statements do the work and fired two missiles": the parser
            # coordinated the launch with the complement, whose subject launches nothing; it
            # belongs with the governing verb and its subject.
            cands += [c for c in up.children if c.dep_ == "nsubj"]
    else:
        cands = [c for c in tok.children if c.dep_ == "poss"]
        cands += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
    if kind == "verb" and tok.dep_ == "acl" and is_missile(tok.head) and not cands:
        cands = [tok.head]             # "a South Korean missile fired in a drill crashed ..."
    # "A South Korean Hyunmoo-2 missile fired ...", "South Korean and US forces fired ...": the
    # missile or the forces named by their country's adjective are that country's.
    cands = [a for c in cands for a in ([c] if _actor(c, table) else [*_national(c, table), c])]
    lead = _dateline_end(tok.sent) if cands else 0
    # "SEOUL, Dec 18 (Reuters) - North Korea fired": the dateline city is parsed as the subject.
    cands = [a for c in cands for a in ([c] if c.idx >= lead else
             [t for t in c.subtree if t.dep_ == "appos" and t.idx >= lead])]
    for c in cands:
        if (key := _actor(c, table)) is not None:
            return key
    if kind == "noun" and len(cands) == 1 and cands[0].lower_ == "its":
        # "condemned North Korea's missile launches, including its test of an ICBM": the
        # pronoun stands for the country named last before it in the sentence.
        key = next((k for t in reversed(tok.doc[tok.sent.start:cands[0].i])
                    for k in [_actor(t, table)] if k and table.cls(table.entity_of(t)) == "Country"), None)
        if key is not None:
            return key
    if kind == "verb" and len(cands) == 1 and cands[0].lower_ == "it" and tok.sent.start > 0 \
            and tok.dep_ == "ROOT" and tok.doc[tok.sent.start - 1].sent.root.lemma_.lower() \
            not in SPEECH_VERBS:
        # "North Korea has kept up its tests. On Nov. 5, it fired ...": the country the sentence
        # before is about (not one that only spoke there)
        prev = tok.doc[tok.sent.start - 1].sent
        key = next((k for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")
                    for k in [_actor(c, table)] if k and table.cls(k) == "Country"), None)
        if key is not None:
            return key
    # "a launch from North Korea", "a missile launched from North Korea landed ...": only when
    # no actor is named, a country the launch came from is who launched it.
    return site_of(tok, table)[1] if kind == "noun" or not cands else None


# ------------------------------------------------------------------ reporters

SPEECH_VERBS = {"say", "tell", "report", "confirm", "announce", "add", "state", "quote", "claim",
                "disclose", "reveal", "brief", "note", "explain", "estimate", "assess", "detect",
                "acknowledge", "admit"}
_BODY_WORDS = {"defence": "defence ministry", "defense": "defence ministry",
               "foreign": "foreign ministry", "military": "military"}
REPORTER_CLASSES = set(ORG_CLASSES) | {"Country", "Person"}


def _reporter(tok: Token, table: EntityTable) -> list[str]:
    out = []
    for t in [tok, *tok.conjuncts]:
        key = table.entity_of(t)
        if key and table.cls(key) in REPORTER_CLASSES:
            out.append(key)
    return out


def _cited_official(obj: Token, table: EntityTable) -> str | None:
    """"citing a Japanese defence official" → Japan's defence ministry."""
    country = next((table.entity_of(c) for c in obj.lefts if table.cls(table.entity_of(c)) == "Country"),
                   None)
    body = next((_BODY_WORDS[c.lower_] for c in obj.lefts if c.lower_ in _BODY_WORDS), None)
    if not (country and body) or obj.lemma_.lower() not in ("official", "source", "spokesperson",
                                                            "spokesman", "spokeswoman"):
        return None
    org = gazetteer.lookup_national_body(body, country)
    if org is None:
        return None
    if org.key not in table.entities:
        table.entities[org.key] = Entity(key=org.key, cls=org.cls, name=org.name, country=org.country,
                                         aliases=frozenset([org.name]))
    return org.key


def _reported(verb: Token, sent: Span) -> set[int]:
    """Tokens a speech verb reports: its complement ("said it flew"), or the clause it is tucked
    into ("It flew ..., TV Asahi reported"); not its adjuncts ("told ... before it lifted off")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "parataxis") or (c.dep_, c.lower_) == ("prep", "as"):
            out.update(t.i for t in c.subtree)
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.i != verb.i:
        out.update(t.i for t in verb.head.subtree if t.i not in {x.i for x in verb.subtree})
    # "..., the JCS said." with nothing said after it: it reports what comes before the comma,
    # however the parser hung that ("local time and flew about 300 km ..., the JCS said").
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is not None and not out and subj.left_edge.i > sent.start and \
            verb.doc[subj.left_edge.i - 1].text == ",":
        out.update(range(sent.start, subj.left_edge.i - 1))
    return out


def reporters_of(sent: Span, content: list[Token], table: EntityTable, text: str,
                 last: list[str] | None = None) -> list[str]:
    """Who the sentence says told us ``content``: "X said", "according to X", "X reported, citing Y".

    ``text`` is the document's text; ``last`` are the previous sentence's reporters, for a pronoun
    subject ("..., it said").
    """
    if not content:
        return []
    out: list[str] = []
    inside = {t.i for c in content for t in c.subtree} | {c.i for c in content}
    for tok in span_tokens(sent):
        low = tok.lower_
        if not same_line(tok, content[0], text):
            continue
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB" and _tells(tok):
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            scope = _reported(tok, sent)
            subjs = [c for c in tok.children if c.dep_ == "nsubj"]
            if not any(_reporter(s, table) or s.lower_ in ("it", "they") for s in subjs) and \
                    (before := _speaker_before(tok, sent, table, bool(subjs))) is not None:
                # "..., South Korea's Joint Chiefs of Staff (JCS) said", the speaker misparsed;
                # what it said may have become the verb's subject ("local time and flew ...").
                scope |= {t.i for s in subjs for t in s.subtree}
                subjs = [before]
            if not subjs or not (inside & (scope - {t.i for s in subjs for t in s.subtree})):
                continue
            for subj in subjs:            # "the state news agency KCNA said": two subjects
                out += last if subj.lower_ in ("it", "they") and last else _reporter(subj, table)
        elif low == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for c in (c for c in to.children if c.dep_ == "pobj"):
                    # "according to Japan's Ministry of Defense and South Korea's Joint Chiefs of
                    # Staff": the parser may make the first body a modifier of the second.
                    out += [k for n in c.children if n.dep_ == "nmod" and n.i < c.i
                            for k in _reporter(n, table) if table.cls(k) != "Country"]
                    out += _reporter(c, table)
        elif low == "citing":
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj")):
                found = _reporter(obj, table) or [k for k in [_cited_official(obj, table)] if k]
                out += found
    out += _colon_speaker(content[0], table, text)
    return list(dict.fromkeys(out))


# Verbs of naming: "KCNA later described that launch as the first test of ...".
_NAMING_VERBS = {"describe", "call", "hail", "name", "term", "dub"}


def agency_naming(trig: Token, table: EntityTable) -> list[str]:
    """A news agency that names or describes the launch ("KCNA described the launch as ...") tells
    of it, so reports it (a leader or a ministry that calls it a provocation only judges it)."""
    verb = trig.head
    if trig.dep_ != "dobj" or verb.lemma_.lower() not in _NAMING_VERBS:
        return []
    return [k for c in verb.children if c.dep_ == "nsubj" for k in _reporter(c, table)
            if table.cls(k) == "NewsAgency"]


def _tells(verb: Token) -> bool:
    """A speech verb that reports. "detect" does only with the launch as its object ("the JCS
    also detected the launches"): a sighting of the launch is a report of it."""
    if verb.lemma_.lower() != "detect":
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("launch", "launching", "liftoff")
               for c in verb.children)


def _speaker_before(verb: Token, sent: Span, table: EntityTable, has_subject: bool) -> Token | None:
    """The name just before a speech verb, past a bracketed short form: "... , the Joint Chiefs of
    Staff (JCS) said". When the parser gave the verb a subject of its own, only an organisation or
    a person counts (not "Officials in Japan said")."""
    i = verb.i - 1
    doc = verb.doc
    if i > sent.start and doc[i].text == ")":
        while i > sent.start and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < sent.start:
        return None
    key = table.entity_of(doc[i])
    if key is None or (has_subject and table.cls(key) not in REPORTER_CLASSES - {"Country"}):
        return None
    return doc[i]


# "Col. Park Jin-soo (JCS spokesperson): "The missiles flew ...": a speaker's label, a colon and
# the quotation, as transcripts and live blogs give them; a stamp may open the line.
_LABEL = re.compile(r"(?:[\d:.]+\s*(?:[ap]\.?m\.?)?\s*[—–-]\s*)?"
                    r"(?P<who>[^:\"“”\n]{2,100}?)\s*:\s*[\"“][^\"”]*")


def _colon_speaker(tok: Token, table: EntityTable, text: str) -> list[str]:
    """The speaker whose quotation ``tok`` is in, when a label introduces it on its line."""
    start = text.rfind("\n", 0, tok.idx) + 1
    m = _LABEL.fullmatch(text, start, tok.idx)
    if m is None:
        return []
    lo, hi = m.span("who")
    names: list[Token] = []
    i = tok.i - 1
    while i >= 0 and tok.doc[i].idx >= lo:
        if tok.doc[i].idx < hi:
            names.insert(0, tok.doc[i])
        i -= 1
    bracket = next((t.idx for t in names if t.text == "("), hi)
    out: list[str] = []
    for t in names:             # the name before its bracketed title, else the title's body
        key = table.entity_of(t)
        if key and table.cls(key) in REPORTER_CLASSES and key not in out:
            out.append(key)
    first = [k for t in names if t.idx < bracket and (k := table.entity_of(t))]
    return [k for k in out if k in first] or out


def subject_orgs(sent: Span, table: EntityTable) -> list[str]:
    """Organisations a sentence has as subjects, for an "it" that follows: "The JCS has revised
    its count. It now says ..."."""
    return list(dict.fromkeys(k for t in span_tokens(sent) if t.dep_ == "nsubj" for k in _reporter(t, table)
                              if table.cls(k) in ORG_CLASSES))
