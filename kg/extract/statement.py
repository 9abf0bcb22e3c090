"""Statements: who said what, as the article quotes it.

A statement is anchored on quotation marks (straight or curly, double or single) and a
reporting verb ("said", "told", "warned", "quoted ... as saying", "according to") whose
complement holds the quote, in any order: '"We will respond," he said.', 'X said: "..."',
'"...," said X.', and partial quotes inside reported speech ('Pyongyang would pay for its
"reckless provocations", he said.'). Broadcast transcripts mark soundbites with a speaker
label instead ("MATSUNO (recorded): We issued the alert ..."), which counts as a direct quote.

What the quote is: the quoted words when they are the whole reported content (``direct``);
for a partial quote, the reported clause around it, with the quote marks dropped
(``direct=False``). The clause contains the quoted fragment, so a reader (or a scorer) who
wants either finds it, and one statement is made, not two.

Reported speech without quotation marks ("The JCS said the missile flew 1,000km") is not a
statement here: news repeats it for nearly every fact, and those facts are extracted by the
event extractors with the speaker as their source.

The speaker is the reporting verb's subject: an entity of the table (a capital stands for its
country), a pronoun ("he said": the last person who was the subject of a clause before), a
titled description ("the leader stressed": the person the document gave that title), a body
of a country ("the Japanese government": Japan) or someone speaking for a body ("a spokesperson
for the ministry"). Anonymous sources ("officials said", "a South Korean official") are nobody:
their quotes are left out rather than put in a country's mouth.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract import Context, extractor
from kg.extract.names import fold
from kg.extract.roles import HEADS, find_roles, line_evidence
from kg.extract.temporal import find_times
from kg.records import Statement

REPORTING = {
    "say", "tell", "add", "warn", "stress", "note", "insist", "urge", "claim", "declare",
    "announce", "state", "write", "tweet", "post", "quote", "ask", "reply", "respond", "explain",
    "caution", "vow", "pledge", "argue", "acknowledge", "admit", "confirm", "report", "describe",
    "call", "emphasise", "emphasize", "underline", "underscore", "reiterate", "remark", "comment",
    "complain", "demand", "accuse", "threaten", "criticise", "criticize", "condemn", "denounce",
    "assert", "maintain", "suggest", "predict", "promise", "brand", "label", "conclude", "recall",
    "reveal", "disclose", "answer", "deny", "dismiss", "boast", "lament", "concede",
}
# Subjects that are a country speaking through its institutions: "the Japanese government said".
_BODIES = {"government", "military", "authorities", "army", "navy", "administration", "ministry",
           "cabinet", "regime"}
# Subjects that speak for the body they are "for": "a spokesperson for the ministry said".
_MOUTHS = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "representative"}
_PRONOUNS = {"he", "she", "him", "her"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Quote marks: (open, close) pairs, tried in this order.
_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
# Transcript speaker label at a line start: "MATSUNO (recorded): ...", "KISHIDA: ...".
_LABEL = re.compile(
    r"^(?P<name>[A-Z][A-Z.'\- ]{1,40}?)\s*(?:\((?P<note>[^)\n]{1,40})\))?:[ \t]+(?P<text>.+)$", re.M)
_STUDIO = {"anchor", "host", "presenter", "reporter", "correspondent", "interviewer", "moderator",
           "question", "q", "a", "answer", "narrator", "voice", "editor"}
_LEAD = {"that", "of", "as", "about", "if", "whether", "only", "also", "simply", "just"}


@dataclass
class _Quote:
    start: int       # character offsets of the quoted words, marks excluded
    end: int


def find_quotes(text: str) -> list[_Quote]:
    """Quoted passages of ``text``: curly pairs, then straight pairs within a paragraph.

    Straight double quotes pair in order within a paragraph. Single quotes only count at word
    boundaries ("'fatal consequences'"), so apostrophes ("don't", "allies'") are left alone.
    """
    out: list[_Quote] = []
    for open_, close in _PAIRS:
        pat = rf"{open_}([^{open_}{close}\n]+?){close}(?!\w)" if open_ == "\u2018" else \
            rf"{open_}([^{open_}{close}]+?){close}"
        out += [_Quote(m.start(1), m.end(1)) for m in re.finditer(pat, text)]
    for para in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', para.group())]
        out += [_Quote(para.start() + a + 1, para.start() + b) for a, b in zip(marks[::2], marks[1::2],
                                                                               strict=False)]
        for m in re.finditer(r"(?:^|(?<=[\s(\[\u2014]))'(?=\w)([^'\n]*?\w[.,!?]?)'(?=[\s.,;:!?)\u2014]|$)",
                             para.group()):
            out.append(_Quote(para.start() + m.start(1), para.start() + m.end(1)))
    out = [q for q in out if text[q.start:q.end].strip()]
    # A quote inside a quote ("He said 'no'", in double marks) is part of the outer one.
    out = [q for q in out if not any(o.start < q.start and q.end < o.end for o in out)]
    return sorted(out, key=lambda q: q.start)


def _is_name(text: str) -> bool:
    """A quoted name, not speech: "Freedom Edge", "Hwasong-18"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*|\d[\w-]*", text)]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


class _Speakers:
    """Resolves a reporting verb's subject to an entity key."""

    def __init__(self, ctx: Context, quoted: set[int]):
        self.ctx, self.table, self.doc = ctx, ctx.entities, ctx.doc
        # Actors that were the subject of a clause (outside quotes), in text order: "he" is the
        # last such person, "it" the last such organisation or country.
        self.subjects: list[tuple[int, str]] = []
        for tok in self.doc:
            if tok.dep_ in _SUBJECTS and tok.i not in quoted:
                key = self.table.actor(self.table.entity_of(tok))
                if key is not None:
                    self.subjects.append((tok.i, key))

    def last_subject(self, before: int, person: bool) -> str | None:
        hit = [k for i, k in self.subjects if i < before and (self.table.cls(k) == "Person") == person]
        if hit or not person:
            return hit[-1] if hit else None
        start = self.doc[before].idx
        persons = [m.entity for m in self.table.mentions
                   if m.start < start and self.table.cls(m.entity) == "Person"]
        return persons[-1] if persons else None

    def line_start(self, verb: Token) -> str | None:
        """When the parser ran a headline into the verb's line, its subject is lost: take the
        first actor named on the verb's own line before it ("Kim Yo Jong, the sister ..., said")."""
        lo, _ = _line(self.doc.text, verb.idx, verb.idx)
        if verb.head.idx >= lo or verb.head is verb:
            return None  # a sound parse that found no subject: nobody to guess
        for tok in self.doc[verb.sent.start:verb.i]:
            key = self.table.actor(self.table.entity_of(tok)) if tok.idx >= lo else None
            if key is not None:
                return key
        return None

    def titled(self, noun: Token) -> str | None:
        """"the leader": the person the document titled so, most recently before."""
        holders = [r for r in find_roles(self.ctx) if noun.lower_ in r.title.split()
                   and r.evidence.start < noun.idx]
        return holders[-1].person if holders else None

    def of(self, tok: Token) -> str | None:
        key = self.table.entity_of(tok)
        if key is not None:
            return self.table.actor(key)
        if tok.lower_ in _PRONOUNS or tok.lower_ == "it":
            return self.last_subject(tok.i, person=tok.lower_ != "it")
        for child in tok.children:  # "the state news agency KCNA": the name is an apposition
            if child.dep_ in ("appos", "compound") and self.table.entity_of(child):
                return self.table.actor(self.table.entity_of(child))
        if tok.lower_ in HEADS and any(c.lower_ in ("the", "this") for c in tok.children):
            return self.titled(tok)
        # "a spokesperson for the ministry", "a spokesman for the South Korean government"
        if tok.lower_ in _BODIES or tok.lower_ in _MOUTHS:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    key = self.of(obj)
                    if key is not None and self.table.cls(key) != "Person":
                        return key
        # "the Japanese government", "North Korea's military"; not "a Japanese official", who is
        # one anonymous person, not the country.
        if tok.lower_ in _BODIES:
            for other in (c for c in tok.children if c.dep_ in ("amod", "compound", "poss")):
                key = self.table.actor(self.table.entity_of(other))
                if self.table.cls(key) == "Country":
                    return key
        return None


def _subjects(verb: Token) -> list[Token]:
    """Who does the reporting: the subjects, climbing to the governing verb for participles.

    "X quoted Y as saying" makes Y the speaker; "Kim, who said" the noun the clause describes.
    The model sometimes gives two subjects ("the state news agency KCNA"): both are returned.
    """
    tok: Token | None = verb
    while tok is not None:
        found = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if tok.lemma_ == "quote":  # "X quoted Y as saying", "Y was quoted as saying"
            found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + found
        if found:
            return found
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl") or tok.head is tok:
            return []
        tok = tok.head
    return []


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around text[start:end]: the parser may run lines together."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def _frame(doc: Doc, qspan: Span) -> Token | None:
    """The reporting verb whose clause holds the quote (nearest ancestor outside the quote)."""
    inside = range(qspan.start, qspan.end)
    lo, hi = _line(doc.text, qspan.start_char, qspan.end_char)
    best: tuple[int, Token] | None = None
    for tok in qspan:
        depth = 0
        for anc in tok.ancestors:
            depth += 1
            if anc.i in inside:
                continue
            if not lo <= anc.idx < hi:
                continue  # a run-together line's word: look further up, on the quote's line
            if anc.lemma_ in REPORTING and anc.pos_ in ("VERB", "AUX"):
                if best is None or depth < best[0]:
                    best = (depth, anc)
                break
            if anc.lower_ == "according":
                best = (0, anc)
                break
    if best is None:
        # "According to X, the missile "flew ..."": the phrase hangs off the quoted clause.
        sent = qspan[0].sent
        best = next(((0, t) for t in doc[sent.start:sent.end] if t.lower_ == "according"
                     and t.i not in inside and lo <= t.idx < hi and _according(t) is not None), None)
    return best[1] if best else None


def _whole_sentences(doc: Doc, qspan: Span) -> bool:
    """The quote starts a sentence and nothing but its closing mark follows it in the sentence."""
    first = qspan[0].is_sent_start or (qspan.start > 0 and doc[qspan.start - 1].is_sent_start)
    rest = doc[qspan.end:qspan[-1].sent.end]
    return first and all(t.is_punct or t.is_space for t in rest)


def _according(tok: Token) -> Token | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _content(doc: Doc, verb: Token, qspan: Span, subj: Token | None) -> tuple[int, int]:
    """Character range of what is reported: the verb's complement that holds the quote."""
    for child in verb.children:
        if child is subj or child.dep_ in _SUBJECTS or child.dep_ == "punct":
            continue
        sub = list(child.subtree)
        if sub[0].i <= qspan.start < sub[-1].i + 1 or qspan.start <= sub[0].i < qspan.end:
            lo = min(sub[0].i, qspan.start)
            hi = max(sub[-1].i + 1, qspan.end)
            while lo < hi and (doc[lo].lower_ in _LEAD or doc[lo].is_punct) and lo < qspan.start:
                lo += 1
            first, last = _line(doc.text, qspan.start_char, qspan.end_char)
            return max(first, doc[lo].idx), min(last, doc[hi - 1].idx + len(doc[hi - 1]))
    return qspan.start_char, qspan.end_char


def _around(doc: Doc, according: Token, parts: list[tuple[_Quote, Span]]) -> tuple[int, int]:
    """What "according to X" attributes: the sentence around the quotes, minus that phrase."""
    sent = parts[0][1][0].sent
    phrase = {t.i for t in according.subtree}
    toks = [t for t in sent if t.i not in phrase and not t.is_space]
    while toks and toks[0].is_punct and not toks[0].is_quote:
        toks.pop(0)
    while toks and toks[-1].is_punct and not toks[-1].is_quote:
        toks.pop()
    if not toks:
        return parts[0][0].start, parts[-1][0].end
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _clean(text: str, start: int, end: int, marks: list[int]) -> str:
    """``text[start:end]`` without the quote marks at ``marks`` and without edge punctuation."""
    chars = [c for i, c in enumerate(text[start:end], start) if i not in marks]
    return " ".join("".join(chars).split()).strip(" ,;:\u2014\u2013-").rstrip(".")


def _date(ctx: Context, sents: list[Span], content: tuple[int, int]) -> str | None:
    """The day the frame names ("said on Sunday"), else publication; None for a vague time."""
    pub = ctx.article.published
    if pub is None:
        return None
    start = min(s.start_char for s in sents)
    text = ctx.doc.text[start:max(s.end_char for s in sents)]
    a, b = content[0] - start, content[1] - start
    masked = text[:a] + " " * (b - a) + text[b:]
    for m in find_times(masked, pub):
        if m.kind in ("day", "clock") and m.day is not None:
            return m.day.isoformat()
        if m.kind == "period":
            return None
    return pub.isoformat()


def _transcript(ctx: Context, speakers: _Speakers) -> list[Statement]:
    """Soundbites of a broadcast transcript: "NAME (recorded): words", NAME a person named before."""
    out = []
    persons = {key: ent for key, ent in ctx.entities.entities.items() if ent.cls == "Person"}
    for m in _LABEL.finditer(ctx.doc.text):
        label = fold(m.group("name"))
        if not label or label.split()[-1] in _STUDIO:
            continue
        hits = {k for k, e in persons.items() if set(label.split()) <= set(fold(e.name).split())}
        if len(hits) != 1:
            continue
        key = hits.pop()
        if _is_journalist(ctx, key):
            continue
        span = ctx.doc.char_span(m.start("text"), m.end("text"), alignment_mode="expand")
        if span is None:
            continue
        date = ctx.article.published.isoformat() if ctx.article.published else None
        out.append(Statement(key, " ".join(m.group("text").split()), True, date,
                             (line_evidence(ctx, [span]),)))
    return out


def _is_journalist(ctx: Context, key: str) -> bool:
    """A person the text introduces as one of the programme's own ("correspondent Aiko Sato")."""
    for sent in ctx.doc.sents:
        for span, k in ctx.entities.in_span(sent):
            before = ctx.doc[max(sent.start, span.start - 3):span.start]
            if k == key and any(t.lower_ in _STUDIO for t in before):
                return True
    return False


def find_statements(ctx: Context) -> list[Statement]:
    doc, text = ctx.doc, ctx.doc.text
    quotes = [q for q in find_quotes(text) if not _is_name(text[q.start:q.end])]
    spans = [(q, doc.char_span(q.start, q.end, alignment_mode="expand")) for q in quotes]
    spans = [(q, s) for q, s in spans if s is not None and len(s)]
    quoted = {t.i for _, s in spans for t in s}
    speakers = _Speakers(ctx, quoted)
    # Quotes sharing one reporting verb ('"A," he said, "B."') are one statement.
    grouped: dict[int, list[tuple[_Quote, Span]]] = {}
    last_on_line: dict[int, int] = {}
    for q, qspan in spans:
        verb = _frame(doc, qspan)
        line = _line(text, q.start, q.end)[0]
        if verb is None and line in last_on_line and _whole_sentences(doc, qspan):
            # '"A," he said. "B."': a quote of whole sentences goes on the one before it.
            grouped[last_on_line[line]].append((q, qspan))
        elif verb is not None:
            grouped.setdefault(verb.i, []).append((q, qspan))
            last_on_line[line] = verb.i
    out: list[Statement] = []
    for vi, parts in grouped.items():
        verb = doc[vi]
        subjs = [_according(verb)] if verb.lower_ == "according" else _subjects(verb)
        subj = next((t for t in subjs if t is not None and speakers.of(t)), None)
        speaker = speakers.of(subj) if subj is not None else speakers.line_start(verb)
        if speaker is None or ctx.entities.cls(speaker) not in _SPEAKER_CLASSES:
            continue
        marks = [i for q, _ in parts for i in (q.start - 1, q.end)]
        if verb.lower_ == "according":
            content = _around(doc, verb, parts)
            quote, direct = _clean(text, *content, marks), False
        elif len(parts) > 1:
            # Each part keeps its own sentence end: '"A," he said. "B."' is "A. B".
            pieces = [_clean(text, q.start, q.end, marks) for q, _ in parts]
            quote, direct = " ".join(p + ("." if nxt[:1].isupper() and p[-1:].isalnum() else "")
                                     for p, nxt in zip(pieces, [*pieces[1:], ""], strict=True)), True
            content = (parts[0][0].start, parts[-1][0].end)
        else:
            q, qspan = parts[0]
            content = _content(doc, verb, qspan, subj)
            direct = content[0] >= q.start - 1 and content[1] <= q.end + 1
            quote = _clean(text, q.start, q.end, marks) if direct else _clean(text, *content, marks)
        if len(quote.split()) < 2:
            continue
        sents = list({t.sent.start: t.sent for t in [verb, *(t for _, s in parts for t in s)]}.values())
        sents.sort(key=lambda s: s.start)
        frame = [doc[vi:vi + 1], *(s for _, s in parts)]
        out.append(Statement(speaker, quote, direct, _date(ctx, sents, content),
                             (line_evidence(ctx, frame),)))
    out += _transcript(ctx, speakers)
    return _dedupe(out)


_SPEAKER_CLASSES = {"Person", "Organization", "GovernmentBody", "MilitaryBody", "NewsAgency",
                    "InternationalOrganization", "Country"}


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def _dedupe(stmts: list[Statement]) -> list[Statement]:
    """One statement per speaker and content: a headline's quote repeats the body's."""
    keep: list[Statement] = []
    for s in sorted(stmts, key=lambda s: -len(s.quote)):
        if not any(k.speaker == s.speaker and _words(s.quote) <= _words(k.quote) for k in keep):
            keep.append(s)
    return sorted(keep, key=lambda s: s.evidence[0].start)


@extractor("kg.statement.v1")
def extract_statements(ctx: Context) -> list[Statement]:
    return find_statements(ctx)
