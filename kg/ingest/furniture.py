"""Cutting page furniture off the end of an article.

News pages saved as text end with things that are not the article: lists of other stories'
headlines, "Related topics" blocks, a broadcast's trailer of what comes after the break,
copyright lines. Their names must not reach the graph.
The rule is structural, not a list of headlines: from the end of the text, a copyright
line, a related-stories header, or a run of several short headline-like lines (no sentence
ending, starting with a capital or a quote) is furniture, and so is everything after it.
"""
from __future__ import annotations

import re

_COPYRIGHT = re.compile(r"^\s*(©|\(c\)\s|copyright\b|all rights reserved)", re.I)
_RELATED = re.compile(
    r"^\s*(related( stories| topics| articles| coverage| content)?|more on this story|more from|"
    r"read more|top stories|most read|most popular|you may also like|recommended|"
    r"around the bbc|features|elsewhere on|more stories|latest news|related links|read next|"
    r"read this next|what to read next|editor'?s picks|trending( now)?|popular now|our standards|"
    r"most liked|most viewed|most shared|most saved|most emailed|most commented|keep reading|"
    r"paid content|sponsored content|promoted stories|keywords|tags)\b.{0,80}$",
    re.I,
)
# A broadcast's break and its trailer of the next items ("Coming up after the news: ...").
_BREAK = re.compile(r"^\s*(\[break\]|\(break\)|coming up\b|up next\b|still to come\b|after the break\b)",
                    re.I)
# A headline: short, begins with a capital, digit or quote, no full stop at the end. Headlines
# of media items end in a bare word ("... blast. Video"), which the rule allows.
_HEADLINE_START = re.compile(r"^[\"'‘“A-Z0-9$£€]")
_SENTENCE_END = re.compile(r"[.!:;,\"”)]\s*$")
MAX_HEADLINE_WORDS = 16
MIN_HEADLINE_RUN = 3


def _is_headline(line: str) -> bool:
    words = line.split()
    return (0 < len(words) <= MAX_HEADLINE_WORDS and bool(_HEADLINE_START.match(line.strip()))
            and not _SENTENCE_END.search(line))


def _is_prose(line: str) -> bool:
    """A paragraph of running text: longer than a headline, ending as a sentence does."""
    return len(line.split()) > MAX_HEADLINE_WORDS and bool(re.search(r"[.!?\"”]\s*$", line))


def body_end(text: str) -> int:
    """The offset where the article proper ends; ``text[:body_end(text)]`` is the article.

    >>> t = "North Korea fired a missile.\\nOther story one\\nOther story two\\nAnother one here\\n© 2023 X"
    >>> t[:body_end(t)]
    'North Korea fired a missile.'
    """
    lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    cut = len(lines)
    # 1. A copyright line or a related-stories header cuts everything after it.
    for i, line in enumerate(lines):
        if _COPYRIGHT.match(line) or _RELATED.match(line) or _BREAK.match(line):
            # Only in the last part of the page: a quoted "copyright" mid-article is text. A link
            # to one other story ("Read more: How ...") with paragraphs of the article after it is
            # no end: it is blanked in place (:func:`blank_inline_furniture`).
            if i >= len(lines) // 2 and not (_LINK_LINE.match(line) and any(
                    _is_prose(later) for later in lines[i + 1:])):
                cut = i
                break
    # 2. A trailing run of headline-like lines (blank lines allowed between them).
    run_start, run = cut, 0
    i = cut - 1
    while i >= 0:
        line = lines[i].strip()
        if not line:
            i -= 1
            continue
        if not _is_headline(line):
            break
        run += 1
        run_start = i
        i -= 1
    if run >= MIN_HEADLINE_RUN:
        cut = run_start
    end = offsets[cut] if cut < len(lines) else len(text)
    return len(text[:end].rstrip())


# Inside the article: a link to another story ("Read more: How the chip boom began") ...
_LINK_LINE = re.compile(r"^[ \t]*(?:read more|read also|also read|related|see also|watch|listen|more)[ \t]*:"
                        r"[^\n]{1,150}$", re.I | re.M)
# ... or a list of them under a header ("Keep reading" / "list of 3 items" / ... / "end of list").
_LIST_HEADER = re.compile(r"^[ \t]*(?:keep reading|related stories|related articles?|read more|"
                          r"you may also like|recommended stories|more stories)[ \t]*$", re.I | re.M)
_LIST_END = re.compile(r"^[ \t]*end of list[ \t]*$", re.I)
# A photo's caption and credit ("[Photo: Leaders at the Rose Garden. Jane Roe/Getty Images]",
# "Photo/Illustration: Commuters watch the news (Jane Roe)"): the picture's, not the story's.
_CAPTION = re.compile(r"^[ \t]*[\[(]?(?:(?:photo(?:graph)?|image|picture|caption|illustration)s?"
                      r"(?:[ \t]*/[ \t]*\w+)?[ \t]*:|image source[ \t]*,)[^\n]*$", re.I | re.M)
# The credit that ends a caption's line ("Commuters watch the news Image: Jane Roe/AP Photo",
# "... at a station in Seoul. \u00a9 Jane Roe, AFP"): the photographer is not in the story. The
# caption itself tells the story's facts and stays.
_CREDIT_TAIL = re.compile(r"(?:\b(?:image|photo|picture)(?: source)?[ \t]*[:,]|\u00a9)[ \t]*[A-Z]"
                          r"[^\n.!?]{0,70}$", re.I | re.M)
# A section trail ("Features | Security | East Asia"): short capitalised items between bars.
_SECTION_TRAIL = re.compile(r"^[ \t]*[A-Z][\w&' -]{0,30}(?:[ \t]+\|[ \t]+[A-Z][\w&' -]{0,30}){1,6}[ \t]*$",
                            re.M)
# The outlet's own promotion ("Before it's here, it's on the Bloomberg Terminal.", "Sign up for
# our newsletter") and its sharing buttons ("Share this with Facebook Share this with Twitter").
_PROMO = re.compile(r"^[ \t]*(?:before it'?s here, it'?s on the|sign up for|subscribe to|follow us on|"
                    r"get the latest|share this (?:with|on|article|story)|share on)\b[^\n]{0,150}$",
                    re.I | re.M)


# The page's own date stamp ("Date 18.08.2023", "Published: 2023-08-18"): the metadata's.
_DATE_STAMP = re.compile(r"^[ \t]*(?:date|published|updated|posted)[ \t]*:?[ \t]*"
                         r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ \t]*$", re.I | re.M)


def blank_inline_furniture(text: str) -> str:
    """``text`` with the furniture that sits between its paragraphs turned into spaces: a link
    to another story ("Read more: ..."), a header such as "Keep reading" and the lines after it
    up to "end of list" or a blank line, a photo caption, a section trail or the outlet's own
    promotion. Offsets into the text stay what they were.

    >>> blank_inline_furniture("It fired.\\nRead more: Stocks slide\\nIt flew.").split()
    ['It', 'fired.', 'It', 'flew.']
    """
    spans = [(m.start(), m.end()) for m in _LINK_LINE.finditer(text) if not _SENTENCE_END.search(m.group())]
    inline = (_CAPTION, _CREDIT_TAIL, _SECTION_TRAIL, _PROMO, _DATE_STAMP)
    spans += [(m.start(), m.end()) for pattern in inline for m in pattern.finditer(text)]
    for m in _LIST_HEADER.finditer(text):
        end = m.end()
        for line in text[m.end():].split("\n")[1:]:
            if not line.strip() or len(line.split()) > MAX_HEADLINE_WORDS:
                break
            end += 1 + len(line)
            if _LIST_END.match(line):
                break
        spans.append((m.start(), end))
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
