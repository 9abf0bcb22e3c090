"""Roles: who holds which office of which organisation or country.

News names officials in a few fixed shapes, and these rules read those shapes, not names:

* a title before the name, with its qualifier before that: "South Korean President Yoon Suk
  Yeol", "Japan's Prime Minister Fumio Kishida", "UN Secretary-General Antonio Guterres",
  "JCS Chairman Gen. Kim Seung-kyum"; or with the body between: "the head of the Missile
  Administration, Jang Chang Ha", "U.S. Ambassador to Japan X" (the posting is no qualifier);
* an apposition after the name, after a comma (and an age: "X, 52, a professor at ...") or in
  parentheses: "Shin Won-sik, South Korea's defence minister,", "Paul Smith, commander of the
  Pacific Fleet,", "Col. X (JCS spokesperson)"; descriptions joined by "and a|the" are read
  one by one ("the sister of Y and a vice department director of the ruling party"), and
  lower-case nouns before the head belong to the office ("a missile analyst at ORG");
* a speaker label's note: "SHIGERU ISHIBA (Japanese Prime Minister): ...".

The qualifier is an entity of the table (country, organisation; a capital stands for its
country), a demonym (fuzzy, so "Japnaese" is Japan), an anaphor ("the regime's", "the
country's", "its"), which means the article's topic country, or a person's possessive
("President Yoon's national security adviser"), which means that person's country. Title words
are matched against a lexicon of general offices (:mod:`kg.extract.roles_lexicon`), fuzzily, so
"Prime Mnister" still reads as a title.

A bare title ("Defence Minister Shin Won-sik") says no country. It takes the same person's
qualified title elsewhere in the document (the same office, else the one country their other
offices are of), else the rules of :mod:`kg.extract.roles_country` (a live blog's place tag,
a ministry named nearby, the reporting source, the publisher, ...). Failing all that no role
is emitted: a wrong country costs more than a miss.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import Context, extractor
from kg.extract.entities import EntityTable
from kg.extract.names import fold
from kg.extract.roles_country import (
    bare_title_org,
    body_country,
    ensure,
    has_office,
    publisher_country,
    topic_country,
)
from kg.extract.roles_evidence import line_evidence
from kg.extract.roles_lexicon import (
    ANAPHORS,
    HEADS,
    NOT_CURRENT,
    RANKS,
    TAILS,
    TITLE_WORDS,
    title_word,
)
from kg.extract.statement_labels import find_labels
from kg.records import ORG_CLASSES, Entity, Role

_HYPHENS = {"-", "\u2010", "\u2011"}
_LIST_END = {",", ":", ";", ".", "-", "\u2013", "\u2014", ")"}
_POSSESSIVE = {"'s", "\u2019s", "'"}
__all__ = ["HEADS", "find_roles", "line_evidence", "title_word"]


@dataclass
class _Cand:
    person: str
    title: str
    org: str | None
    salient: bool        # the qualifier was an anaphor ("the regime's")
    span: Span           # the person's mention
    via: str | None = None  # the office is of this person's country: "the president's adviser"
    past: bool = False   # an office held before: "former foreign minister X", "X served as ..."


class _Reader:
    """Reads titles around the person mentions of one document."""

    def __init__(self, ctx: Context):
        self.ctx, self.doc, self.table = ctx, ctx.doc, ctx.entities

    # ----------------------------------------------------------- qualifiers

    def _as_org(self, key: str | None) -> str | None:
        """A country or organisation an office can belong to (a capital means its country)."""
        key = self.table.actor(key)
        cls = self.table.cls(key)
        return key if cls == "Country" or cls in ORG_CLASSES else None

    def _anaphor(self, tok: Token) -> bool:
        return tok.lower_ in ANAPHORS and self.table.entity_of(tok) is None or (
            fold(tok.text) in ("north", "south") and self.table.cls(self.table.entity_of(tok)) != "Country")

    def _demonym(self, i: int) -> str | None:
        """Country of a demonym ending at token ``i`` ("South Korean", "Japnaese")."""
        for start in (i - 1, i):
            if start >= self.doc[i].sent.start and self.doc[start].text[:1].isupper():
                place = gazetteer.lookup_demonym(self.doc[start:i + 1].text, fuzzy=True)
                if place is not None and place.cls == "Country":
                    return place.key
        return None

    def qualifier_before(self, i: int) -> tuple[str | None, bool]:
        """(org, salient) for the words ending at token ``i``, just before a title."""
        doc, sent_start = self.doc, self.doc[i].sent.start
        if i < sent_start:
            return None, False
        tok = doc[i]
        if tok.lower_ in _POSSESSIVE and i - 1 >= sent_start:
            owner = doc[i - 1]
            if owner.lower_ in _BODY_WORDS and self.table.entity_of(owner) is None:
                # "Koo, the ministry's spokesperson": the ministry named just before
                return _last_body(self.ctx, owner.lower_, doc[i - 1:i]), False
            if self._anaphor(owner):
                return None, True
            return self._as_org(self.table.entity_of(owner)), False
        if tok.lower_ == "its":
            # "North Korea has condemned the drills. Its leader X ...": the country that was the
            # subject just before, in this sentence or the last, not the article's topic.
            prev = doc[max(sent_start - 1, 0)].sent.start
            subj = [self.table.actor(self.table.entity_of(t)) for t in doc[prev:i]
                    if t.dep_ in ("nsubj", "nsubjpass")]
            subj = [k for k in subj if self.table.cls(k) == "Country"]
            if subj:
                return subj[-1], False
        if tok.lower_ in ("its", "their"):
            return None, True
        key = self.table.entity_of(tok)
        if key is not None:
            return self._as_org(key), False
        if tok.text[:1].isupper():
            return self._demonym(i), False
        return None, False

    # ----------------------------------------------------------- titles

    def _is_title_tok(self, tok: Token, near: bool) -> str | None:
        """Title word of ``tok``, unless it belongs to a named entity that is more than a title."""
        word = title_word(tok, near_title=near)
        if word is None:
            return None
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if word == "under" and (nxt is None or nxt.lower_ not in ("secretary", "-")):
            return None  # "under secretary", not "defense minister under Prime Minister X"
        span = self.table.span_of(tok)
        # The model sometimes tags "State" (of "Secretary of State") as an organisation.
        if span is not None and not all(title_word(t) for t in span):
            return None
        return word

    def _rank_dot(self, i: int) -> bool:
        """The full stop of an abbreviated rank the tokenizer split off ("Col" "." Lee)."""
        doc = self.doc
        return doc[i].text == "." and i > doc[i].sent.start and doc[i - 1].lower_ + "." in RANKS \
            and not doc[i - 1].whitespace_

    def _run(self, i: int, step: int) -> tuple[list[str], int]:
        """Title words from token ``i`` walking by ``step`` (-1 back, +1 on), in text order, and
        the index where the run stopped. "Secretary-General" and "Secretary of State" join."""
        doc, sent = self.doc, self.doc[i].sent
        words: list[str] = []
        while sent.start <= i < sent.end:
            tok, nxt = doc[i], i + step
            ahead = sent.start <= nxt < sent.end
            hyphen = tok.text in _HYPHENS and not tok.whitespace_ and not doc[i - 1].whitespace_
            if words and ahead and (hyphen or tok.lower_ == "of" or self._portfolio_for(i, step, words)) \
                    and self._is_title_tok(doc[nxt], True):
                words.append("-" if hyphen else tok.lower_)
            else:
                word = self._is_title_tok(tok, bool(words) or (ahead and doc[nxt].lower_ in TITLE_WORDS))
                if word is None:
                    break
                words.append(word)
            i = nxt
        return (words[::-1] if step < 0 else words), i

    def _portfolio_for(self, i: int, step: int, words: list[str]) -> bool:
        """ "Minister for Foreign Affairs": a "for" at token ``i`` joins the portfolio to the office,
        if no office follows it (not "a spokesman for Defence Minister X")."""
        if self.doc[i].lower_ != "for":
            return False
        after = words if step < 0 else self._run(i + 1, 1)[0]
        return not HEADS & set(after)

    def title_before(self, start: int) -> tuple[list[str], int] | None:
        """Title words ending just before token ``start`` (ranks skipped), and the first one's index."""
        doc, sent_start = self.doc, self.doc[start].sent.start
        i = start - 1
        # "Gen." is a rank; "General" after "Secretary"/"Secretary-" is part of the office.
        while i > sent_start and (doc[i].lower_ in RANKS or self._rank_dot(i)) and not (
                doc[i].lower_.rstrip(".") in ("general", "gen") and (doc[i - 1].text in _HYPHENS or doc[
                    i - 1].lower_ in ("secretary", "director", "attorney"))):
            i -= 1
        comma = i > sent_start and doc[i].text == "," and title_word(doc[i - 1])
        if comma:
            i -= 1  # "the country's leader, Kim Jong-un,": the title comes first, then the name
        if i < sent_start:
            return None
        words, stop = self._run(i, -1)
        if comma and self._for_another(stop):
            return None
        return (words, stop + 1) if HEADS & set(words) else None

    def _for_another(self, i: int) -> bool:
        """ "a spokesperson for the UN secretary-general, X": the title before the comma is the
        object of another office's preposition, and X holds that other office."""
        doc, s0 = self.doc, self.doc[i].sent.start if i >= 0 else 0
        while i >= s0 and (doc[i].lower_ in ("the", "a", "an") or doc[i].lower_ in _POSSESSIVE
                           or self.table.entity_of(doc[i]) or doc[i].text[:1].isupper()):
            i -= 1  # the qualifier: "the UN", "Japan's"
        return i - 1 >= s0 and doc[i].lower_ in ("for", "to", "of") and bool(title_word(doc[i - 1]))

    def title_after(self, i: int) -> tuple[list[str], int] | None:
        """Title words starting at token ``i`` and the index after them."""
        words, stop = self._run(i, 1)
        if not words or not (words[-1] in HEADS or (words[-1] in TAILS and HEADS & set(words))):
            return None
        return words, stop

    def _org_named_at(self, i: int) -> str | None:
        """The one entity named by the proper-noun phrase at token ``i`` ("the Pacific Fleet")."""
        doc, end = self.doc, self.doc[i].sent.end
        i += i < end and doc[i].lower_ == "the"
        # "the ruling Workers' Party", "the main opposition Democratic Party"
        while i < end and doc[i].is_lower and doc[i].is_alpha and doc[i].dep_ in ("amod", "compound"):
            i += 1
        span = self.table.span_of(doc[i]) if i < end else None
        if span is not None and self.table.cls(self.table.entity_of(doc[i])) in ORG_CLASSES:
            # "of the Workers' Party of Korea Central Committee": a body of the organisation,
            # named after it, is the organisation's.
            k = span.end
            while k < end and k < span.end + 3 and doc[k].is_title and doc[k].is_alpha:
                k += 1
            if k > span.end and doc[k - 1].lower_ in _SUB_BODIES and (k == end or not doc[k].is_title):
                return self.table.entity_of(doc[i])
        # The phrase must end where the entity does: "U.S. Forces Korea" is not the US.
        if span is None or (span.end < end and doc[span.end].is_title and doc[span.end].is_alpha):
            return None
        owner = self._as_org(self.table.entity_of(doc[i]))
        if owner is not None and span.end + 1 < end and doc[span.end].lower_ in _POSSESSIVE:
            # "of Japan's National Security Secretariat": the office is the body's, not Japan's.
            body = self._org_named_at(span.end + 1)
            if body is not None and self.table.cls(body) != "Country":
                return body
        return owner

    # ----------------------------------------------------------- candidates

    def list_member(self, span: Span, key: str) -> _Cand | None:
        """ "the defence ministers – X of South Korea and Y of Poland –": a plural title
        before a list of names, each followed by "of|from" the body or country whose office it is,
        or after its country's possessive ("... and Japan's Z –")."""
        doc, s0, end = self.doc, span.sent.start, span.sent.end
        ends = span.end >= end or doc[span.end].text in _LIST_END or doc[span.end].lower_ == "and"
        if span.end + 1 < end and doc[span.end].lower_ in ("of", "from"):
            org = self._org_named_at(span.end + 1)
            after = self.table.span_of(doc[span.end + 1 + (doc[span.end + 1].lower_ == "the")])
            if org is None or after is None or (after.end < end and doc[after.end].text not in _LIST_END
                                                and doc[after.end].lower_ != "and"):
                return None
            i = span.start - 1
        elif ends and span.start - 2 > s0 and doc[span.start - 1].lower_ in _POSSESSIVE:
            owner = self.table.span_of(doc[span.start - 2])
            org = self._as_org(self.table.entity_of(doc[span.start - 2]))
            if owner is None or self.table.cls(org) != "Country":
                return None
            i = owner.start - 1
        else:
            return None
        while i > s0 and (doc[i].lower_ in ("of", "from", "and", "the", ",") or doc[i].lower_ in _POSSESSIVE
                          or doc[i].ent_type_ or self.table.entity_of(doc[i])):
            i -= 1  # back over the earlier members: "X of South Korea and"
        i -= doc[i].text in _LIST_END and doc[i].text != "," and i > s0
        head = doc[i].lower_
        if not (head.endswith("s") and head[:-1] in HEADS) or doc[i - 1].lower_ in NOT_CURRENT:
            return None
        words = self._run(i - 1, -1)[0] if i > s0 and self._is_title_tok(doc[i - 1], True) else []
        if any(t.lower_ in NOT_CURRENT for t in doc[max(s0, i - len(words) - 2):i]):
            return None
        return _Cand(key, _join(words + [head[:-1]]), org, False, span)

    def counterpart(self, span: Span, key: str) -> tuple[str, str, Span] | None:
        """ "Yoon and his Polish counterpart X": (the country, the person whose counterpart X is,
        X's mention); X holds that person's office, of the country named before "counterpart"."""
        doc, s0 = self.doc, span.sent.start
        i = span.start - 1
        plural = self._listed_counterpart(span)
        if plural is not None:
            i, org = plural
        else:
            i -= doc[i].text == "," and i > s0  # "her South Korean counterpart, Cho Tae-yul"
            if i - 1 <= s0 or doc[i].lower_ != "counterpart":
                return None
            org, _ = self.qualifier_before(i - 1)
        if org is None or self.table.cls(org) != "Country":
            return None
        j = i - 2 if doc[i - 1].lower_ in _POSSESSIVE else i - 1
        while j >= s0 and not (doc[j].lower_ in ("his", "her", "their") or doc[j].lower_ in _POSSESSIVE):
            j -= 1
            if j < i - 5:
                return None
        if j < s0:
            return None
        if doc[j].lower_ in _POSSESSIVE:
            other = self.table.entity_of(doc[j - 1]) if j > s0 else None
        else:  # "his": the nearest person named before it in the sentence
            other = next((k for sp, k in reversed(self.table.in_span(doc[s0:j]))
                          if self.table.cls(k) == "Person"), None)
        if other is None or self.table.cls(other) != "Person" or other == key:
            return None
        return org, other, span

    def _listed_counterpart(self, span: Span) -> tuple[int, str | None] | None:
        """"his Japanese and South Korean counterparts, Hayashi and Park": (index of
        "counterparts", the country in the same place of its list as ``span`` in the names')."""
        doc, s0 = self.doc, span.sent.start
        i = span.start - 1
        while i > s0 and (doc[i].text == "," or doc[i].lower_ == "and" or self.table.entity_of(doc[i])):
            key = self.table.entity_of(doc[i])
            if key is not None and self.table.cls(key) == "Person":
                person = self.table.span_of(doc[i])
                assert person is not None  # a token with an entity has its span
                i = person.start
            i -= 1
        if doc[i].lower_ != "counterparts" or doc[i + 1].text != ",":
            return None
        countries: list[str]
        j, countries = i - 1, []
        while j > s0 and doc[j].lower_ not in ("his", "her", "their") and doc[j].lower_ not in _POSSESSIVE:
            if doc[j].lower_ != "and" and (country := self._demonym(j)) and country not in countries:
                countries.insert(0, country)
            j -= 1
        names = []
        for tok in doc[i + 2:span.sent.end]:
            key = self.table.entity_of(tok)
            if key is not None and self.table.cls(key) == "Person":
                person = self.table.span_of(tok)
                assert person is not None
                names.append(person.start)
            elif not (tok.text == "," or tok.lower_ == "and" or key is not None):
                break
        names = list(dict.fromkeys(names))
        if span.start not in names or len(names) != len(countries):
            return None
        return i, countries[names.index(span.start)]

    def before_of(self, span: Span, key: str) -> _Cand | None:
        """ "the head of the Missile Administration, Jang Chang Ha," and "U.S. Ambassador to
        Japan Rahm Emanuel": the office's body, or the posting, stands between title and name."""
        doc, s0 = self.doc, span.sent.start
        i = span.start - 1
        comma = i >= s0 and doc[i].text == ","
        i -= comma
        named = self.table.span_of(doc[i]) if i >= s0 else None
        if named is None and i > s0 and not comma and doc[i].pos_ == "PROPN" and not title_word(doc[i]):
            # "US Ambassador to the UN X": a posting the table has no entity for is still one,
            # ended by the name; only a "to" may stand before it (checked below).
            k = i
            while k - 1 > s0 and doc[k - 1].pos_ == "PROPN" and not title_word(doc[k - 1]) \
                    and self.table.entity_of(doc[k - 1]) is None:
                k -= 1
            to = k - 1 - (doc[k - 1].lower_ == "the")
            named = doc[k:i + 1] if to > s0 and doc[to].lower_ == "to" else None
        if named is None or named.end != i + 1 or self.table.cls(self.table.entity_of(doc[i])) == "Person":
            return None
        j = named.start - 1 - (named.start - 1 >= s0 and doc[named.start - 1].lower_ == "the")
        if j <= s0 or doc[j].lower_ not in ("of", "at", "to") or (doc[j].lower_ == "to") == comma:
            return None
        found = self.title_before(j)
        if found is None or any(t.lower_ in NOT_CURRENT for t in doc[max(s0, found[1] - 3):found[1]]):
            return None
        words, first = found
        if doc[j].lower_ == "to":  # the posting is not the office's country: its qualifier is
            if words[-1] not in ("ambassador", "envoy"):
                return None
            org, salient = self.qualifier_before(first - 1 - (doc[first - 1].lower_ == "the"))
            return _Cand(key, _join(words), org, salient, span)
        org = self._as_org(self.table.entity_of(doc[i]))
        return _Cand(key, _join(words), org, False, span) if org else None

    def _bare_start(self, c: _Cand) -> int | None:
        """Index of the first word of ``c``'s bare title right before its name, if it is one."""
        found = self.title_before(c.span.start)
        return found[1] if found is not None and _join(found[0]) == c.title else None

    def listed_after(self, c: _Cand, cands: list[_Cand]) -> str | None:
        """ "Vietnamese President X and Prime Minister Y", "US Secretary of State X, National
        Security Adviser Y": a bare title listed right after a person whose title names a country
        is an office of that country too (if it has that office)."""
        doc, s0 = self.doc, c.span.sent.start
        i = self._bare_start(c)
        if i is None:
            return None
        i -= 1
        while i > s0 and (doc[i].text == "," or doc[i].lower_ == "and"):
            i -= 1
        if i == (self._bare_start(c) or 0) - 1:
            return None  # nothing joins them: not a list
        other = self.table.entity_of(doc[i])
        if self.table.cls(other) != "Person" or other == c.person:
            return None
        found = {o.org for o in cands if o.person == other and o.span.sent == c.span.sent and not o.salient
                 and o.via is None and self.table.cls(o.org) == "Country"}
        org = found.pop() if len(found) == 1 else None
        return org if org is not None and has_office(org, c.title) else None

    def principal_country(self, c: _Cand) -> str | None:
        """ "North Korean Foreign Minister X gave a news conference. ... Standing beside him, Vice
        Foreign Minister Y said": a deputy's bare title is of the country whose principal of that
        office the text names just before (in its sentence or the two before)."""
        words = c.title.split()
        k = 0
        while k < len(words) - 1 and words[k] in ("vice", "deputy", "first"):
            k += 1
        if k == 0 or self._bare_start(c) is None:
            return None
        principal, doc = words[k:], self.doc
        floor = c.span.sent.start
        for _ in range(2):
            floor = doc[max(floor - 1, 0)].sent.start
        found = None
        for tok in doc[floor:c.span.start]:
            if title_word(tok) != principal[-1]:
                continue
            run = self.title_before(tok.i + 1)
            if run is None or run[0] != principal or run[1] <= doc[run[1]].sent.start:
                continue
            q = run[1] - 1 - (doc[run[1] - 1].lower_ == "the")
            org, _ = self.qualifier_before(q)
            found = org if self.table.cls(org) == "Country" else found
        return found

    def before(self, span: Span, key: str) -> _Cand | None:
        found = self.title_before(span.start)
        if found is None:
            return self.before_of(span, key)
        words, first = found
        # A minister's portfolio may be any noun: "vaccine minister X", "digital minister X".
        while words[-1] == "minister" and first - 1 > span.sent.start and self.doc[first - 1].is_lower \
                and self.doc[first - 1].pos_ == "NOUN" and self.doc[first - 1].dep_ == "compound":
            first -= 1
            words = [self.doc[first].lower_, *words]
        if any(t.lower_ in NOT_CURRENT for t in self.doc[max(span.sent.start, first - 3):first]):
            # "former foreign minister X", "then-Japanese Prime Minister X": an office held before,
            # still one the person held (kept apart from the offices held now); not a dead
            # person's ("the late leader X").
            org, salient = self.qualifier_before(first - 1)
            dead = any(t.lower_ == "late" for t in self.doc[max(span.sent.start, first - 3):first])
            return None if salient or dead else _Cand(key, _join(words), org, False, span, past=True)
        q = first - 1
        if q >= span.sent.start and self.doc[q].lower_ == "the":
            q -= 1
        if q > span.sent.start and self.doc[q].lower_ in _POSSESSIVE and \
                self.table.cls(self.table.entity_of(self.doc[q - 1])) == "Person":
            # "Yoon's national security adviser Cho": an office of Yoon's country
            return _Cand(key, _join(words), None, False, span, self.table.entity_of(self.doc[q - 1]))
        org, salient = self.qualifier_before(q)
        if not salient and (org is None or self._unknown_org(org)):
            # Offices outside the lexicon, between a qualifier and a known head: "India's
            # External Affairs Minister" (which the model may take for an organisation).
            extra: list[str] = []
            while q >= span.sent.start and len(extra) < 4 and self._office_word(self.doc[q]):
                extra.insert(0, self.doc[q].lower_)
                q -= 1
                outer, anaphor = self.qualifier_before(q)
                if anaphor or (outer and not self._unknown_org(outer)):
                    words, org, salient = extra + words, outer, anaphor
                    break
        if org is None and not salient:
            org = self._country_after(span)
        return _Cand(key, _join(words), org, salient, span)

    def _country_after(self, span: Span) -> str | None:
        """"Prime Minister Han Duck-soo of South Korea": the country right after the name."""
        doc, end = self.doc, span.end
        if end + 1 >= span.sent.end or doc[end].lower_ != "of":
            return None
        key = self.table.entity_of(doc[end + 1 + (doc[end + 1].lower_ == "the")])
        return key if self.table.cls(key) == "Country" else None

    def _unknown_org(self, key: str) -> bool:
        return self.table.cls(key) == "Organization" and gazetteer.org_by_key(key) is None

    def _office_word(self, tok: Token) -> bool:
        """A word an office name may have: Title-case ("External") or a lower-case noun."""
        key = self.table.entity_of(tok)
        return tok.is_alpha and (key is None or self._unknown_org(key)) and (
            tok.is_title or (tok.is_lower and tok.pos_ == "NOUN"))

    def after(self, span: Span, key: str) -> list[_Cand]:
        """ "X, [the] [qualifier] title [of|at ORG],", "X (title)" after the name; descriptions
        joined by "and a|the" ("the sister of Y and a director of Z") are read one by one."""
        doc, end, at = self.doc, span.sent.end, span.end
        if at + 3 < end and doc[at].text == "," and doc[at + 1].like_num and doc[at + 2].text == ",":
            at += 2  # "Park Won-gon, 52, a professor at ...": an age comes first
        if at + 1 >= end or doc[at].text not in (",", "("):
            return []
        paren, stop, depth = doc[at].text == "(", at + 1, 0
        while stop < end:
            text = doc[stop].text
            if text == ")" and depth == 0:
                break
            depth += (text == "(") - (text == ")")
            if not paren and depth == 0 and text in (",", ";", ".", "\u2014", "\u2013"):
                break
            stop += 1
        if (heads := self._heads_body(span, key, at, stop)) is not None:
            return [heads]
        if not paren and self._names_next(stop):
            return []  # "Mr Biden, the Japanese prime minister, Fumio Kishida, and ...": Kishida's
        first = at + 1
        if not paren and first + 2 < stop and doc[first].lower_ == "who" and doc[first + 1].lower_ == "is":
            # "X, who is also finance minister and ...": the clause's predicate is an office now
            first += 2 + (doc[first + 2].lower_ in ("also", "now", "currently"))
        # "and vice department director of ...": a title right after "and" starts one too; not
        # after a verb, where "and" joins a clause's objects ("... who impeached the president and
        # the prime minister").
        starts = [first] + [t.i + 1 for t in doc[first:stop - 1]
                            if t.lower_ == "and" and (doc[t.i + 1].lower_ in ("a", "an", "the")
                                                      or self._is_title_tok(doc[t.i + 1], False))
                            and not any(v.pos_ == "VERB" for v in doc[first:t.i])]
        # "X, a former intelligence chief who is now vice chairman of ...": the description's own
        # relative clause gives the office held now.
        starts += [t.i + 2 + (doc[t.i + 2].lower_ in ("also", "now", "currently"))
                   for t in doc[first + 1:stop - 3] if t.lower_ == "who" and doc[t.i + 1].lower_ == "is"]
        return [c for c in (self._description(span, key, i, stop) for i in starts) if c]

    def served_as(self, span: Span, key: str) -> _Cand | None:
        """ "X served as chief cabinet secretary in the 1990s", "X, who served as defense minister
        under Y,": the office the clause names (held before if the verb is past)."""
        doc, end = self.doc, span.sent.end
        i = span.end
        if i + 1 < end and doc[i].text == ",":  # "Y's father, X, served as", "X, who served as"
            i += 1 + (doc[i + 1].lower_ == "who")
        if i + 2 >= end or doc[i].lemma_ != "serve" or doc[i].pos_ != "VERB" or doc[i + 1].lower_ != "as":
            return None
        stop = i + 2
        # The description runs to the first word that is no part of an office's phrase.
        while stop < end and not (doc[stop].is_punct or doc[stop].pos_ in ("ADP", "SCONJ", "VERB", "AUX")
                                  and doc[stop].lower_ not in ("of", "at", "for", "to")):
            stop += 1
        c = self._description(span, key, i + 2, stop)
        return dataclasses.replace(c, past=doc[i].tag_ == "VBD") if c is not None else None

    def _heads_body(self, span: Span, key: str, at: int, stop: int) -> _Cand | None:
        """ "X, who heads the presidential National Security Office,": the head of the body named,
        which must end the clause (not "who heads Japan's delegation")."""
        doc = self.doc
        if not (doc[at].text == "," and at + 3 < stop and doc[at + 1].lower_ == "who"
                and doc[at + 2].tag_ == "VBZ" and doc[at + 2].lemma_ in _HEADING):  # not "who led"
            return None
        org = self._org_named_at(at + 3)
        if org is None or self.table.entity_of(doc[stop - 1]) != org:
            return None
        return _Cand(key, _HEADING[doc[at + 2].lemma_], org, False, span)

    def _names_next(self, i: int) -> bool:
        """A person's name right after the comma at ``i``: the apposition before it is theirs."""
        j = i + 1
        if j < len(self.doc) and self.doc[j].lower_ in ("mr", "mrs", "ms", "dr"):
            j += 1
        return i < len(self.doc) and self.doc[i].text == "," and j < len(self.doc) and \
            self.table.cls(self.table.entity_of(self.doc[j])) == "Person"

    def _possessor(self, i: int, stop: int) -> tuple[str | None, int]:
        """ "[President] Yoon Suk Yeol's adviser": the person whose office it is, and the index
        after the possessive."""
        doc = self.doc
        for j in range(i, min(i + 4, stop)):
            pspan, key = self.table.span_of(doc[j]), self.table.entity_of(doc[j])
            if pspan is not None and self.table.cls(key) == "Person":
                if pspan.end < stop and doc[pspan.end].lower_ in _POSSESSIVE and all(
                        self._is_title_tok(t, False) or t.lower_ in RANKS for t in doc[i:pspan.start]):
                    return key, pspan.end + 1
                break
        return None, i

    def _description(self, span: Span, key: str, i: int, stop: int) -> _Cand | None:
        """One description of an apposition, from token ``i`` to ``stop`` at most."""
        doc = self.doc
        if i < stop and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        via, i = self._possessor(i, stop)
        # "the ministry's spokesperson": a body word with a possessive qualifies the title after it.
        k = next((j for j in range(i, min(i + 7, stop)) if self._is_title_tok(doc[j], False)
                  and not (j + 1 < stop and doc[j + 1].lower_ in _POSSESSIVE)), None)
        if k is None or any(t.lower_ in NOT_CURRENT for t in doc[i:k + 1]):
            return None
        # Lower-case nouns just before the title are part of the office: "a missile analyst".
        m = k
        while m > i and doc[m - 1].is_lower and doc[m - 1].pos_ == "NOUN" and doc[m - 1].dep_ == "compound":
            m -= 1
        # So are capitalised words between a possessive and the title: "the Council's Asia-Pacific
        # coordinator".
        p = m
        while p > i and self.table.cls(self.table.entity_of(doc[p - 1])) in (None, "Region") and (
                doc[p - 1].text in _HYPHENS or doc[p - 1].is_title and doc[p - 1].is_alpha):
            p -= 1
        if p < m and p > i and doc[p - 1].lower_ in _POSSESSIVE:
            m = p
        # A lower-case adjective first is no qualifier, nor part of the office: "a nonproliferation
        # researcher at the X Institute" (only an office at a named body may have one, below).
        lead = i
        while lead < m and doc[lead].is_lower and doc[lead].pos_ == "ADJ" and doc[lead].dep_ == "amod":
            lead += 1
        # An adjective between the qualifier and the office is neither: "North Korea's nominal
        # head of state" (not one that puts the office off: "Japan's next prime minister").
        q = m
        while q > lead + 1 and doc[q - 1].is_lower and doc[q - 1].pos_ == "ADJ" \
                and doc[q - 1].dep_ == "amod" and doc[q - 1].lower_ not in _NOT_HELD \
                and doc[q - 2].lower_ in _POSSESSIVE:
            q -= 1
        # Otherwise only a qualifier may stand between: "South Korea's", "the US", "the country's".
        if not all(self.table.entity_of(t) or t.lower_ in _POSSESSIVE or t.text[:1].isupper()
                   or self._anaphor(t) for t in doc[lead:q]):
            return None
        found = self.title_after(k)
        if found is not None and found[1] > stop:
            # The office ends with the description: "served as defense minister | under Prime
            # Minister Y" ("under" may also build a title: "under secretary").
            words = found[0][:stop - k]
            found = (words, stop) if words and words[-1] in HEADS else None
        if found is None:
            return None
        words, j = found
        words = [t.lower_ for t in doc[m:k]] + words
        org, salient = self.qualifier_before(q - 1) if q > lead else (None, False)
        if j < stop and doc[j].lower_ in ("of", "at", "for"):
            # "a professor of North Korean studies at Ewha University": the field, then the place
            at = next((t.i for t in doc[j + 1:stop] if t.lower_ == "at"), None) \
                if doc[j].lower_ == "of" else None
            named = (self._org_named_at(at + 1) if at is not None else None) or self._org_named_at(j + 1)
            field: Span | list[Token] = doc[j + 1:at] if at is not None else []
            if named and 0 < len(field) <= 3 and all(
                    t.is_title and t.is_alpha and self.table.entity_of(t) is None for t in field):
                # "Director of Operations at the JCS": a capitalised field names the office itself.
                words = [*words, "of", *(t.lower_ for t in field)]
            elif named and at is None and self._unknown_org(named):
                # "president of the State Affairs of the DPRK": a body the gazetteer does not know,
                # of a country named after it, is part of that country's office.
                body = self.table.span_of(doc[j + 1 + (doc[j + 1].lower_ == "the")])
                country = self._org_named_at(body.end + 1) if body is not None and body.end + 1 < stop \
                    and doc[body.end].lower_ == "of" else None
                # (A party "of" a country is a party: "the Communist Party of Cuba" holds its offices.)
                if self.table.cls(country) == "Country" and body is not None \
                        and doc[body.end - 1].lower_ != "party":
                    words, named = [*words, "of", *(t.lower_ for t in doc[j + 1:body.end])], country
            elif named is None and at is None:
                # The same with a body's name that is no entity at all (common words: "the State
                # Affairs"), up to the "of" before the country.
                start = j + 1 + (j + 1 < stop and doc[j + 1].lower_ == "the")
                end = start
                while end < stop and doc[end].is_title and doc[end].is_alpha \
                        and self.table.entity_of(doc[end]) is None:
                    end += 1
                country = self._org_named_at(end + 1) if start < end <= start + 4 and end + 1 < stop \
                    and doc[end].lower_ == "of" else None
                if self.table.cls(country) == "Country":
                    words, named = [*words, "of", *(t.lower_ for t in doc[j + 1:end])], country
                elif country is not None and doc[end - 1].lower_ in _SUB_BODIES and \
                        "party" in fold(self.table.entities[country].name).split():
                    # "director of the Central Committee of the Workers' Party": a party's organ is
                    # the party's (as in :meth:`_org_named_at`); a state body's is its own ("the
                    # Standing Committee of the Assembly").
                    named = country
            return _Cand(key, _join(words), named, False, span) if named else None
        if lead > i:
            return None  # "X, a prominent analyst,": whose office is unsaid
        if j < stop and doc[j].lower_ == "to" and words[-1] in ("ambassador", "envoy"):
            j = stop  # "the US ambassador to Japan": the posting; the office is the qualifier's
        if m < k and org is None and not salient and via is None:
            return None  # "the company chairman": an office of whatever body, not a country's
        # A bare title must end the description: not "X, a leader in ...".
        if j < stop and doc[j].text not in (":", "-") and doc[j].lower_ not in ("and", "who", "said", "says"):
            return None
        return _Cand(key, _join(words), None if via else org, salient and not via, span, via)


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-")


# Adjectives of an office not (yet) held: "Japan's next prime minister".
_NOT_HELD = {"next", "incoming", "future", "likely", "possible", "potential", "presumptive", "would-be",
             "prospective", "designated", "putative"}
# Verbs of heading a body and the office they give: "who heads the X Office".
_HEADING = {"head": "head", "lead": "leader", "chair": "chair"}
_BODY_WORDS = ("ministry", "department", "agency", "office", "council", "command")
# Bodies inside an organisation, named after it: "the Party Central Committee".
_SUB_BODIES = {"committee", "commission", "politburo", "presidium", "secretariat", "bureau"}


# Offices with a country-specific name: a counterpart abroad holds the generic one.
_GENERIC_OFFICES = {"secretary of state": "foreign minister", "foreign secretary": "foreign minister",
                    "defense secretary": "defense minister", "defence secretary": "defense minister",
                    "secretary of defense": "defense minister",
                    "minister for foreign affairs": "foreign minister"}


def _last_body(ctx: Context, word: str, span: Span) -> str | None:
    """The last body named as a ``word`` ("ministry") in the sentence or the two before ``span``."""
    table, doc = ctx.entities, ctx.doc
    floor = span.sent.start
    for _ in range(2):
        floor = doc[max(floor - 1, 0)].sent.start
    for m in reversed(table.mentions):
        ent = table.entities.get(m.entity)
        if m.start >= span.start_char or m.start < doc[floor].idx or ent is None:
            continue
        if ent.cls in ORG_CLASSES and word in fold(ent.name).split():
            return m.entity
    return None


def _held_by_other(cands: list[_Cand], c: _Cand, org: str) -> bool:
    return any(o.person != c.person and o.title == c.title and o.org == org and o.span.sent == c.span.sent
               for o in cands)


def _body_in_title(table: EntityTable, title: str, org: str) -> tuple[str, str]:
    """ "Chinese foreign ministry spokesperson": the office is the ministry's, not China's.

    The words up to the body noun name a national body of the country (by the gazetteer); the
    rest is the title. Without a known body, the title stays whole and the country holds it.
    """
    words = title.split()
    cut = max((i for i, w in enumerate(words) if w in _BODY_WORDS), default=None)
    if cut is None or not HEADS & set(words[cut + 1:]):
        return title, org
    if table.cls(org) != "Country":
        named = gazetteer.lookup_org(" ".join(words[:cut + 1]))
        # "State Department spokesperson" held by the State Department: the title is the rest.
        return (" ".join(words[cut + 1:]), org) if named is not None and named.key == org else (title, org)
    body = gazetteer.lookup_national_body(" ".join(words[:cut + 1]), org)
    if body is None:
        return title, org
    if body.key not in table.entities:
        # Named only inside the title: label it as written ("China's Foreign Ministry").
        country = table.entities.get(org)
        written = " ".join(w[:1].upper() + w[1:] for w in words[:cut + 1])
        name = f"{country.name}'s {written}" if country is not None else body.name
        table.entities[body.key] = Entity(key=body.key, cls=body.cls, name=name, country=body.country,
                                          aliases=frozenset([name]))
    return " ".join(words[cut + 1:]), body.key


def _named_body(title: str) -> str | None:
    """ "State Department spokesperson": a body named without its country that the gazetteer
    knows as one country's ("State Department" is the American one). It holds the office; the
    article's home country, or the publisher's, must not claim it."""
    words = title.split()
    cut = max((i for i, w in enumerate(words) if w in _BODY_WORDS), default=None)
    if cut is None or not HEADS & set(words[cut + 1:]):
        return None
    body = gazetteer.lookup_org(" ".join(words[:cut + 1]))
    return body.key if body is not None and body.country else None


def _label_notes(ctx: Context, reader: _Reader) -> list[_Cand]:
    """A speaker label's note: "SHIGERU ISHIBA (Japanese Prime Minister): ...", "Col. Park
    (army spokesperson): ..." (the name itself may be no mention the entity table has)."""
    out = []
    for label in find_labels(ctx):
        note = ctx.doc.char_span(*label.note, alignment_mode="expand") if label.note else None
        name = ctx.doc.char_span(*label.name, alignment_mode="expand")
        if note is None or name is None or ctx.entities.cls(label.speaker) != "Person":
            continue
        found = reader.title_before(note.end) if title_word(note[-1]) else None
        if found is None or found[1] < note.start:
            continue
        words, first = found
        org, salient = reader.qualifier_before(first - 1) if first > note.start else (None, False)
        out.append(_Cand(label.speaker, _join(words), org, salient, name))
    return out


def _via(roles: dict[tuple[str, str, str], Role], person: str) -> str | None:
    """The country (else the one body) that ``person`` holds an office of."""
    orgs = {org for p, _, org in roles if p == person}
    return next(iter(orgs)) if len(orgs) == 1 else None


# "The foreign ministers of the United States, South Korea and Japan — A, B and C — met ...": the
# offices of a list of countries, held by a list of people, in order.
_RESPECTIVE = re.compile(r"\b(?P<title>(?:[a-z]+ ){0,2}[a-z]+?)s of (?P<orgs>[^\u2014\u2013()]{3,120}?)"
                         r"\s*[\u2014\u2013]\s*(?P<people>[^\u2014\u2013()]{3,120}?)\s*[\u2014\u2013]")


def _listed(ctx: Context, m: re.Match[str], group: str, cls: set[str]) -> list[tuple[Span, str]] | None:
    """The entities named in ``group`` of ``m``, if there are any and all are of ``cls``."""
    span = ctx.doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
    found = ctx.entities.in_span(span) if span is not None else []
    return found if found and all(ctx.entities.cls(k) in cls for _, k in found) else None


def _respectively(ctx: Context) -> list[_Cand]:
    out = []
    for m in _RESPECTIVE.finditer(ctx.text):
        title = m.group("title")
        if title.split()[-1] not in HEADS:
            continue
        orgs = _listed(ctx, m, "orgs", {"Country"} | set(ORG_CLASSES))
        people = _listed(ctx, m, "people", {"Person"})
        if orgs and people and len(orgs) == len(people) >= 2:
            out += [_Cand(person, title, org, False, pspan) for (pspan, person), (_, org) in
                    zip(people, orgs, strict=True)]
    return out


def find_roles(ctx: Context) -> list[Role]:
    """Every role the document states, once per (person, title, org), with its first sentence."""
    if "roles" in ctx.cache:
        return ctx.cache["roles"]
    reader, table = _Reader(ctx), ctx.entities
    cands: list[_Cand] = []
    counterparts: list[tuple[str, str, Span]] = []
    for sent in ctx.sentences:
        for span, key in table.in_span(sent):
            if table.cls(key) != "Person":
                continue
            cands += [c for c in (reader.before(span, key), *reader.after(span, key),
                                  reader.list_member(span, key), reader.served_as(span, key)) if c]
            if (cp := reader.counterpart(span, key)) is not None:
                counterparts.append(cp)
    cands += _label_notes(ctx, reader)
    cands += _respectively(ctx)
    past = [c for c in cands if c.past]
    cands = [c for c in cands if not c.past]
    known = {(c.person, c.title): c.org for c in cands if c.org}
    # A person's country, from a qualified title: their bare titles are that country's offices.
    countries: dict[str, set[str]] = {}
    for c in cands:
        country = c.org if table.cls(c.org) == "Country" else body_country(table, c.org) if c.org else None
        if country:
            countries.setdefault(c.person, set()).add(country)
    roles: dict[tuple[str, str, str], Role] = {}
    # Offices of a person's country ("the president's adviser") last: the person's first. An
    # anaphor ("Hayashi, the government's top spokesperson") is the country of the person's other
    # offices, so those come before it.
    # Qualified titles first: a bare title's country is a guess that must not take an office the
    # text gives someone else.
    # Among bare titles, those the text places come before guesses ("President X" in an American
    # paper is America's only if the text gives the office to no one else).
    # A bare title listed right after a qualified one is placed by its list before anything else.
    listed = {id(c): o for c in cands if c.org is None and not c.salient and c.via is None
              and (o := reader.listed_after(c, cands))}
    placed = {id(c) for c in cands if c.org is None and not c.salient and c.via is None
              and bare_title_org(ctx, c.title, c.span, guess=False) is not None} | set(listed)
    for c in sorted(cands, key=lambda c: (c.via is not None, c.salient and c.org is None, c.org is None,
                                          id(c) not in placed)):
        org = c.org
        guessed = False
        if org is None and c.salient:
            held = {o if table.cls(o) == "Country" else body_country(table, o)
                    for p, _, o in roles if p == c.person} - {None}
            org = next(iter(held)) if len(held) == 1 else topic_country(ctx)
            guessed = len(held) != 1
        if org is None and c.via is not None:
            org = _via(roles, c.via)
        elif org is None:
            own = countries.get(c.person, set())
            org = known.get((c.person, c.title)) or _named_body(c.title) \
                or (next(iter(own)) if len(own) == 1 else None)
            if org is None and c.title.split()[0] in _BODY_WORDS and len(c.title.split()) > 1:
                # "ministry spokesperson X" after "South Korea's Unification Ministry said ...":
                # the body named just before holds the office.
                org = _last_body(ctx, c.title.split()[0], c.span)
                title = " ".join(c.title.split()[1:]) if org else c.title
                if org is not None:
                    roles.setdefault((c.person, title, org), Role(c.person, title, org,
                                                                  line_evidence(ctx, [c.span])))
                    continue
            if org is None:
                # The same office of the same person, told again later ("President Lee" after
                # "President Lee Jae-myung"), is the office the first telling found.
                org = next((o for p, t, o in roles if p == c.person and t == c.title), None)
            if org is None and c.title.endswith("-elect"):
                org = _successor_of(roles, table, c)
            if org is None and id(c) in listed and not _taken(cands, c, listed[id(c)], roles):
                org = listed[id(c)]
            elif org is None and id(c) not in placed:
                org = reader.principal_country(c)
                guessed = org is not None
            if org is None:
                org = bare_title_org(ctx, c.title, c.span)
                guessed = id(c) not in placed

                if org is not None and _taken(cands, c, org, roles):
                    org = publisher_country(ctx)
                    org = None if org is None or _taken(cands, c, org, roles) else org
        if org is None:
            continue
        title, org = _body_in_title(table, c.title, org)
        ensure(table, org)
        if title != c.title and c.title.endswith(" " + title) and table.cls(org) != "Country":
            # "State Department spokesperson": the body as the text writes it is one of its names
            written = " ".join(w[:1].upper() + w[1:] for w in c.title[:-len(title) - 1].split())
            ent = table.entities[org]
            table.entities[org] = dataclasses.replace(ent, aliases=ent.aliases | {written})
        roles.setdefault((c.person, title, org), Role(c.person, title, org, line_evidence(ctx, [c.span]),
                                                      guessed=guessed and table.cls(org) == "Country"))
    # "Yoon and his Polish counterpart X": X holds Yoon's office, of the country named.
    for country, other, span in counterparts:
        person = table.entity_of(span[0])
        titles = {t for p, t, o in roles if p == other and table.cls(o) == "Country"}
        if person is not None and len(titles) == 1 and not any(p == person for p, _, _ in roles):
            title = titles.pop()
            title = _GENERIC_OFFICES.get(title, title)
            roles.setdefault((person, title, country),
                             Role(person, title, country, line_evidence(ctx, [span])))
    # "Minister Cho" after "Minister of Foreign Affairs Cho": the short title is the full one's.
    ctx.cache["roles"] = [r for (p, t, o), r in roles.items() if not any(
        p2 == p and o2 == o and set(t.split()) < set(t2.split()) for p2, t2, o2 in roles)]
    ctx.cache["past_roles"] = _past_roles(ctx, past, countries, roles)
    return ctx.cache["roles"]


def _past_roles(ctx: Context, past: list[_Cand], countries: dict[str, set[str]],
                roles: dict[tuple[str, str, str], Role]) -> list[Role]:
    """Offices held before ("former foreign minister X"): of the country the text names, else of
    the person's country (by their offices now), else as for a bare title. Kept apart from
    :func:`find_roles`, whose callers want who holds an office now."""
    table = ctx.entities
    out: dict[tuple[str, str, str], Role] = {}
    for c in past:
        own = countries.get(c.person, set())
        org = c.org or (next(iter(own)) if len(own) == 1 else None) \
            or bare_title_org(ctx, c.title, c.span, guess=False)
        guessed = org is None
        org = org or bare_title_org(ctx, c.title, c.span)
        if org is None:
            continue
        title, org = _body_in_title(table, c.title, org)
        ensure(table, org)
        if (c.person, title, org) not in roles:
            out.setdefault((c.person, title, org), Role(c.person, title, org, line_evidence(ctx, [c.span]),
                                                        guessed=guessed and table.cls(org) == "Country"))
    return list(out.values())


def _successor_of(roles: dict[tuple[str, str, str], Role], table: EntityTable, c: _Cand) -> str | None:
    """ "President-elect X" succeeds the president the text names: the one in the same sentence
    ("Biden's last summit before President-elect X takes office"), else the "outgoing" one, else
    the country of every holder of that office in the document."""
    office = c.title.removesuffix("-elect")
    found = [(r, o) for (p, t, o), r in roles.items()
             if t == office and p != c.person and table.cls(o) == "Country"]
    # The holder named last before the elect in the sentence: "in what was likely X's last summit
    # with Y before President-elect Z takes office".
    before = [key for span, key in table.in_span(c.span.sent) if span.start < c.span.start
              and any(r.person == key for r, _ in found)]
    here = set(before[-1:])
    for pick in (lambda r: r.person in here, lambda r: "outgoing " + office in r.evidence.sentence.lower()):
        countries = {o for r, o in found if pick(r)}
        if len(countries) == 1:
            return countries.pop()
    countries = {o for _, o in found}
    return countries.pop() if len(countries) == 1 else None


def _taken(cands: list[_Cand], c: _Cand, org: str, roles: dict) -> bool:
    """"Defense Minister Shin, ... and Japanese Defense Minister Kihara": the office the sentence
    gives another person of a named country is not this one's; nor is an office a country has
    one holder of, given to someone else already ("President Biden met ... President Yoon" in an
    American paper)."""
    return _held_by_other(cands, c, org) or c.title in SINGLE_OFFICES and any(
        t == c.title and o == org and p != c.person for p, t, o in roles)


# Offices one person holds at a time in a country.
SINGLE_OFFICES = {"president", "prime minister", "vice president", "chief cabinet secretary", "premier",
                  "foreign minister", "defense minister", "defence minister", "secretary of state",
                  "defense secretary", "national security adviser", "unification minister", "chancellor",
                  "foreign secretary", "leader", "supreme leader"}


@extractor("kg.role.v1")
def extract_roles(ctx: Context) -> list[Role]:
    return list(find_roles(ctx)) + ctx.cache["past_roles"]
