"""Resolve time expressions in news text against the article's publication date.

Plain regexes plus our own calendar arithmetic: dateparser's relative-date handling gets the
news conventions wrong (a weekday equal to the publication weekday goes a week back, bare clock
times land on the previous day, "0213 UTC" becomes the year 213), and the explicit forms here
are regular enough not to need it.

Mention kinds (``TimeMention.kind``):

* ``"day"``    a calendar day: explicit date, weekday, yesterday/today, "3 days ago"
* ``"clock"``  a clock time; ``day`` is the local day, ``time`` the datetime (tz-aware when
  the UTC offset is known from a zone, a "(22:10 GMT)" conversion or ``default_utc_offset``)
* ``"month"``  a month without a day ("[in] March", "March 2023"); ``day`` is None
* ``"year"``   a year ("in 2022", "the 2017 test"); ``day`` is None
* ``"period"`` a vague span ("last week", "less than a month ago"); ``day`` is None

Durations ("for 70 minutes", "12 years") are not times and are never emitted.

>>> ms = find_times("It fired at 07:10 (22:10 GMT) on Thursday.", dt.date(2023, 3, 16))
>>> [(m.text, m.kind, literal(m)) for m in ms]
[('07:10 (22:10 GMT)', 'clock', '2023-03-16T07:10:00+09:00'), ('Thursday', 'day', '2023-03-16')]
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimeMention:
    """One time expression found in a text; offsets are character offsets into that text."""

    start: int
    end: int
    text: str
    day: dt.date | None        # resolved calendar day (local), None when not resolvable
    time: dt.datetime | None   # clock time on ``day``; tz-aware only when the offset is known
    kind: str                  # "day" | "clock" | "month" | "year" | "period"


_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# CST/IST are deliberately absent: in Korea/China news they are ambiguous (China vs US Central).
_ZONES = {"gmt": 0, "utc": 0, "z": 0, "kst": 540, "jst": 540, "est": -300, "edt": -240,
          "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "seoul time": 540,
          "tokyo time": 540, "korea time": 540, "japan time": 540, "beijing time": 480}

_WD = r"(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day"
_WD_ANY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Only abbreviations take a dot: the full stop after "in March." is not part of the month.
_MON = (r"(?P<mon>(?:january|february|march|april|may|june|july|august|september|october|november"
        r"|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)")
_YEAR = r"(?P<y>(?:19|20)\d{2})\b"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUMW = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few)"
# A day number must not be a quantity ("May 1,000", "March 5 km", "Aug 3:10").
_DAYNUM = (r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d|:|\s*(?:km|kilomet|miles?|nautical|"
           r"min|minutes|hours?|%|percent|missiles?)\b)")
_AMPM = r"(?:[ap]\.m\.?|[ap]m\b)"
# Clock forms: 07:10 / 7:59 a.m. / 7.30pm / 7 a.m. / military "0213" (only before a zone) / noon.
_TIME = (rf"(?:(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m>[0-5]\d)(?:\s*(?P<ap>{_AMPM}))?"
         rf"|(?P<h12>1[0-2]|0?[1-9])\s*(?P<ap12>{_AMPM})"
         r"|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:h\s*)?(?:gmt|utc|kst|jst|z\b|local))"
         r"|(?P<word>noon|midnight))")
_ZONE = (r"(?P<zone>gmt|utc|kst|jst|est|edt|pst|pdt|bst|cest|cet|z\b|(?:seoul|tokyo|korea|japan"
         r"|pyongyang|beijing)\s+time|local\s+time|local)\b")


def _prefixed(pattern: str, p: str) -> str:
    """Rename every named group so the same sub-pattern can appear twice in one regex."""
    return pattern.replace("(?P<", f"(?P<{p}")


_CLOCK_RE = re.compile(
    rf"(?<![\w:.,]){_TIME}(?:\s*{_ZONE})?"
    # An optional conversion in brackets: "(22:10 GMT)", "(0213 UTC Wednesday)".
    rf"(?:\s*\(\s*(?:or\s+)?{_prefixed(_TIME, 'r')}\s*(?:{_prefixed(_ZONE, 'r')})?[^()]{{0,30}}\))?",
    re.I)
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>last|next|this\s+coming|this|coming|(?:early|late|later|earlier)(?:\s+on)?)\s+)?"
    rf"{_WD}\b{_PART}(?:\s+(?:of\s+)?(?P<wk>last|this|next)\s+week\b)?", re.I)
_MONTH_DAY_RE = re.compile(rf"\b(?:{_WD_ANY},?\s+)?{_MON}\s*{_DAYNUM}(?:,?\s+{_YEAR})?", re.I)
_DAY_MONTH_RE = re.compile(
    rf"\b(?:{_WD_ANY},?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MON}"
    rf"(?:,?\s+{_YEAR})?", re.I)
_ISO_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")
_MONTH_RES = (re.compile(
    r"\b(?:in|since|during|until|by|from|early|late|mid-?|earlier\s+in|later\s+in|(?:the\s+)?"
    rf"(?:end|beginning|middle)\s+of)\s+{_MON}(?!\s*\d{{1,2}}\b)(?:\s+{_YEAR})?", re.I),
    re.compile(rf"\b{_MON}\s+{_YEAR}", re.I))
_MONTH_LEAD = re.compile(r"(?:in|since|during|until|by|from)\s+", re.I)
_YEAR_RE = re.compile(
    rf"(?<![\w,.:$/-])(?<!resolution )(?<!no\. ){_YEAR}(?![,.]\d|\s*(?:gmt|utc|kst|jst|hrs?|hours"
    r"|km|kilomet|miles?|nautical|kg|tons?|tonnes?|met(?:er|re)s?|m)\b)", re.I)
# Fixed offsets in days from publication.
_RELATIVE = [
    (re.compile(r"\b(?:the\s+)?day\s+before\s+yesterday\b", re.I), -2),
    (re.compile(rf"\b(?:(?:early|late|earlier|later)\s+)?yesterday\b{_PART}", re.I), -1),
    (re.compile(r"\blast\s+night\b", re.I), -1),
    (re.compile(r"\b(?:(?:early|late|earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|"
                r"afternoon|evening))\b", re.I), 0),
    (re.compile(rf"\btomorrow\b{_PART}", re.I), 1),
]
_DAYS_AGO_RE = re.compile(r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
                          r"\s+days?\s+ago\b", re.I)
_PERIOD_RE = re.compile(
    r"\b(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+|just\s+|over\s+)?"
    rf"{_NUMW}\s+(?:weeks?|months?|years?|decades?)\s+(?:ago|earlier|before)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?:last|this|next|past|previous|coming)\s+(?:week|weekend|month|"
    r"year)\b|\b(?:earlier|later)\s+(?:in\s+)?the\s+(?:week|month|year)\b"
    r"|\bin\s+recent\s+(?:days|weeks|months|years)\b", re.I)

# Tense cues decide whether a bare weekday/date looks forward ("will meet on Tuesday").
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|be)\s+(?:set|scheduled|expected|due|slated|planned|poised"
    r"|going|likely)\s+to|plans?\s+to|planning\s+to|intends?\s+to|upcoming|(?:scheduled|slated|set)"
    r"\s+(?:for|on)|due\s+(?:on|for))\b", re.I)
_PAST_CUE = re.compile(r"\b(?:said|says|told|met|held|flew|took|fired|was|were|had|did|\w{3,}ed)\b",
                       re.I)
_CLAUSE_SPLIT = re.compile(r"[,;:()]|\.\s|\s(?:and|but|while|whereas|after|before|when)\s", re.I)


def _norm(minutes: int) -> dt.timedelta:
    """UTC offset from a local-minus-UTC clock difference, folded into (-10h, +14h]."""
    d = minutes % 1440
    return dt.timedelta(minutes=d - 1440 if d > 14 * 60 else d)


def _weekday_day(target: int, pub: dt.date, mod: str, wk: str, future: bool) -> dt.date:
    if wk:  # "Thursday last week": the Thursday of the calendar week before publication's
        monday = pub - dt.timedelta(days=pub.weekday())
        return monday + dt.timedelta(days={"last": -7, "this": 0, "next": 7}[wk] + target)
    back, ahead = (pub.weekday() - target) % 7, (target - pub.weekday()) % 7
    if mod == "last":
        # Strictly before publication; not the day before, which a writer calls "on Wednesday"
        # or "yesterday": "last Wednesday" in Thursday's paper is the week before's.
        return pub - dt.timedelta(days=back + 7 if back in (0, 1) else back)
    if mod in ("next", "coming", "this coming"):
        return pub + dt.timedelta(days=ahead or 7)         # strictly after publication
    # Bare / "this" / "early on": on-or-before (news convention), on-or-after when future.
    return pub + dt.timedelta(days=ahead) if future else pub - dt.timedelta(days=back)


def _month_date(mon: str, day: int, year: str | None, pub: dt.date, future: bool) -> dt.date | None:
    month = _MONTHS[mon[:3].lower()]
    try:
        if year:
            return dt.date(int(year), month, day)
        cand = dt.date(pub.year, month, day)
        # No year: the publication year, unless that contradicts the tense.
        if not future and cand > pub:
            cand = dt.date(pub.year - 1, month, day)
        elif future and cand < pub:
            cand = dt.date(pub.year + 1, month, day)
        return cand
    except ValueError:  # "Feb 30", or Feb 29 moved into a non-leap year
        return None


def _zone_offset(zone: str | None, pub: dt.date) -> dt.timedelta | None | str:
    """Offset for a zone word; "local" when the text only says "local time"; None if absent."""
    if not zone:
        return None
    z = " ".join(zone.lower().split())
    if z.startswith("local"):
        return "local"
    if z == "pyongyang time":  # North Korea used UTC+8:30 from Aug 2015 to May 2018
        return dt.timedelta(hours=8, minutes=30 if dt.date(2015, 8, 15) <= pub < dt.date(2018, 5, 5)
                            else 60)
    return dt.timedelta(minutes=_ZONES[z])


def _clock_minutes(m: re.Match[str], p: str = "") -> int | None:
    """Minutes after midnight of the (possibly prefixed) _TIME groups in ``m``, None if absent."""
    g = m.groupdict()
    if g[p + "word"]:
        return 720 if g[p + "word"].lower() == "noon" else 0
    if g[p + "mil"]:
        return int(g[p + "mil"][:2]) * 60 + int(g[p + "mil"][2:])
    if g[p + "h12"]:
        h, mins, ap = int(g[p + "h12"]), 0, g[p + "ap12"]
    elif g[p + "h"]:
        h, mins, ap = int(g[p + "h"]), int(g[p + "m"]), g[p + "ap"]
        if g[p + "sep"] == "." and not ap:  # "1.30" is a decimal number, not a clock time
            return None
    else:
        return None
    if ap and h <= 12:
        h = h % 12 + (12 if ap.lower().startswith("p") else 0)
    return h * 60 + mins


def _clock(m: re.Match[str], day: dt.date, pub: dt.date,
           default: dt.timedelta | None) -> dt.datetime | None:
    local = _clock_minutes(m)
    if local is None:
        return None
    ref = _clock_minutes(m, "r")
    zone, rzone = _zone_offset(m["zone"], pub), _zone_offset(m["rzone"], pub)
    offset: dt.timedelta | None = None
    if ref is not None and rzone == dt.timedelta(0) and zone != dt.timedelta(0):
        offset = _norm(local - ref)                       # "07:10 (22:10 GMT)" -> +09:00
    elif ref is not None and zone == dt.timedelta(0) and rzone is not None:
        local, offset = ref, _norm(ref - local)           # "2259 GMT (7:59 a.m. local)"
    elif isinstance(zone, dt.timedelta):
        offset = zone
    else:
        offset = default                                  # no zone, or just "local time"
    t = dt.time(local // 60, local % 60)
    return dt.datetime.combine(day, t, dt.timezone(offset) if offset is not None else None)


def _is_future(text: str, start: int, end: int) -> bool:
    """Tense of the clause around text[start:end]: the nearest future/past cue decides.

    Looks in the mention's own clause first, then the next ("On Tuesday, Kim will meet ..."),
    then the previous one. Past wins when nothing is found.
    """
    cuts = [0, *(c.end() for c in _CLAUSE_SPLIT.finditer(text)), len(text)]
    spans = list(zip(cuts, cuts[1:], strict=False))
    i = next((k for k, (s, e) in enumerate(spans) if s <= start < e), 0)
    for k in (i, i + 1, i - 1):
        if not 0 <= k < len(spans):
            continue
        s, e = spans[k]
        fut = [(c.start(), c.end()) for c in _FUTURE_CUE.finditer(text, s, e)]
        past = [(c.start(), c.end()) for c in _PAST_CUE.finditer(text, s, e)
                if not any(a <= c.start() < b for a, b in fut) and not start <= c.start() < end]
        cues = [(min(abs(a - end), abs(start - b)), True) for a, b in fut]
        cues += [(min(abs(a - end), abs(start - b)), False) for a, b in past]
        if cues:
            return min(cues)[1]
    return False


# A candidate before overlap resolution: (start, end, priority, kind, day, match).
_Cand = tuple[int, int, int, str, dt.date | None, re.Match[str] | None]


# Every time expression holds a digit or one of these (lower case): most sentences hold none, and
# one look for them is cheaper than the dozen patterns below.
_CUES = ("day", "night", "noon", "morning", "afternoon", "evening", "tomorrow", "week", "month", "year",
         "decade", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = re.compile(r"[0-9]")


def _candidates(text: str, pub: dt.date, future: Callable[[int, int], bool]) -> list[_Cand]:
    out: list[_Cand] = []
    low = text.lower()
    if _DIGIT.search(text) is None and not any(w in low for w in _CUES):
        return out
    for m in _CLOCK_RE.finditer(text):
        if _clock_minutes(m) is not None:
            out.append((m.start(), m.end(), 0, "clock", None, m))
    for m in _WEEKDAY_RE.finditer(text):
        mod = " ".join((m["mod"] or "").lower().split())
        target = _WEEKDAYS.index(m["wd"].lower())
        d: dt.date | None = _weekday_day(target, pub, mod, (m["wk"] or "").lower(),
                                         future(m.start(), m.end()))
        out.append((m.start(), m.end(), 1, "day", d, None))
    for rx in (_MONTH_DAY_RE, _DAY_MONTH_RE):
        for m in rx.finditer(text):
            if not m["mon"][0].isupper():  # "may", "march" in lower case are verbs
                continue
            d = _month_date(m["mon"], int(m["d"]), m["y"], pub, future(m.start(), m.end()))
            if d is not None:
                out.append((m.start(), m.end(), 1, "day", d, None))
    for m in _ISO_RE.finditer(text):
        try:
            out.append((m.start(), m.end(), 1, "day", dt.date(int(m["y"]), int(m["mo"]), int(m["d"])),
                        None))
        except ValueError:
            pass
    for rx, delta in _RELATIVE:
        out += [(m.start(), m.end(), 1, "day", pub + dt.timedelta(days=delta), None)
                for m in rx.finditer(text)]
    for m in _DAYS_AGO_RE.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        out.append((m.start(), m.end(), 1, "day", pub - dt.timedelta(days=n), None))
    out += [(m.start(), m.end(), 2, "period", None, None) for m in _PERIOD_RE.finditer(text)]
    for m in (m for rx in _MONTH_RES for m in rx.finditer(text) if m["mon"][0].isupper()):
        # The preposition only licenses the month ("in May", not "may"); keep it out of the span.
        lead = _MONTH_LEAD.match(m.group())
        out.append((m.start() + (lead.end() if lead else 0), m.end(), 2, "month", None, None))
    out += [(m.start(), m.end(), 3, "year", None, None) for m in _YEAR_RE.finditer(text)]
    # "at 7:02am local time on Thursday (22:02 GMT on Wednesday)": a conversion set apart from its
    # clock by the day names no other time; what it holds is the same moment.
    for p in _CONVERSION.finditer(text):
        if any(c[3] == "clock" and 0 <= p.start() - c[1] <= 40 for c in out):
            out = [c for c in out if not p.start() < c[0] < p.end()]
    return out


_CONVERSION = re.compile(rf"\(\s*{_prefixed(_TIME, 'c')}\s*(?:gmt|utc|z\b)[^()]{{0,30}}\)", re.I)


_YEAR_AFTER = re.compile(r"\s*,?\s*(last|this|next) year\b", re.I)


def year_after(text: str, end: int) -> bool:
    """Whether a year is named right after ``text[:end]`` ("... last year")."""
    return _YEAR_AFTER.match(text, end) is not None


def _with_year(c: _Cand, text: str, pub: dt.date) -> _Cand:
    """"May 27 last year", "October 31 this year": the year named after a year-less date."""
    start, end, prio, kind, day, m = c
    after = _YEAR_AFTER.match(text, end)
    if kind != "day" or day is None or after is None or re.search(r"\d{4}", text[start:end]):
        return c
    year = pub.year + {"last": -1, "this": 0, "next": 1}[after.group(1).lower()]
    try:
        return (start, end, prio, kind, day.replace(year=year), m)
    except ValueError:  # 29 February in a year without one
        return c


_GMT_DAY = re.compile(r"\([^()]{0,25}\b(?:gmt|utc)\s+(?:on\s+)?$", re.I)


def _scan(text: str, pub: dt.date, future: Callable[[int, int], bool],
          default: dt.timedelta | None) -> list[TimeMention]:
    chosen: list[_Cand] = []
    # Longest match wins ("Thursday last week" over "last week"); ties go to lower priority.
    for c in sorted(_candidates(text, pub, future), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort()
    # "(2145-2203 GMT Friday)": the day of a conversion in brackets is Greenwich's, not the
    # story's; it dates nothing (the local clocks before it keep the story's day).
    chosen = [c for c in chosen if not (c[3] == "day" and _GMT_DAY.search(text, 0, c[0]))]
    chosen = [_with_year(c, text, pub) for c in chosen]
    days = [c for c in chosen if c[3] == "day"]
    out = []
    for start, end, _, kind, day, m in chosen:
        time = None
        if kind == "clock" and m is not None:
            # A clock time belongs to the nearest day named in the same text, else publication.
            near = min(days, key=lambda c: max(c[0] - end, start - c[1]), default=None)
            day = near[4] if near else pub
            assert day is not None
            time = _clock(m, day, pub, default)
        out.append(TimeMention(start, end, text[start:end], day, time, kind))
    return out


def find_times(text: str, published: dt.date, *,
               default_utc_offset: dt.timedelta | None = None) -> list[TimeMention]:
    """All time expressions in ``text`` (typically one sentence), in text order.

    Bare weekdays and year-less dates are resolved backwards from ``published`` unless their
    clause is future tense ("will", "is set to", "scheduled for"). Clock times without a zone
    or GMT/UTC conversion use ``default_utc_offset``; without one they stay naive.

    >>> [literal(m) for m in find_times("Kim will meet Putin on Tuesday", dt.date(2023, 9, 11))]
    ['2023-09-12']
    """
    return _scan(text, published, lambda s, e: _is_future(text, s, e), default_utc_offset)


def resolve_day(expr: str, published: dt.date, *, future: bool = False) -> dt.date | None:
    """The calendar day a single expression refers to, or None if it names no day.

    >>> resolve_day("Thursday", dt.date(2023, 3, 16)), resolve_day("last Thursday", dt.date(2023, 3, 16))
    (datetime.date(2023, 3, 16), datetime.date(2023, 3, 9))
    """
    return next((m.day for m in _scan(expr, published, lambda s, e: future, None) if m.day), None)


def literal(m: TimeMention) -> str:
    """ISO lexical form for RDF: xsd:dateTime, xsd:date, or xsd:gYearMonth / xsd:gYear.

    Raises ValueError for mentions with nothing to write (e.g. "last week", "in March").

    >>> literal(TimeMention(3, 11, "Thursday", dt.date(2023, 3, 16), None, "day"))
    '2023-03-16'
    """
    if m.time is not None:
        return m.time.isoformat()
    if m.day is not None:
        return m.day.isoformat()
    y = re.search(r"(?:19|20)\d{2}", m.text)
    if m.kind == "year" and y:
        return y.group()
    mon = re.search(_MON, m.text, re.I)
    if m.kind == "month" and y and mon:
        return f"{y.group()}-{_MONTHS[mon['mon'][:3].lower()]:02d}"
    raise ValueError(f"time mention {m.text!r} has no calendar value")


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of a timeline or factbox: a date heading at the start of a line and the text
    it dates, up to the next heading or blank line. Offsets are into the document's text."""

    start: int        # where the heading starts
    body: int         # where the entry's text starts (after the heading and its dash or colon)
    end: int          # where the entry ends
    day: dt.date


# "SEPT. 28, 2021 - North Korea fires ...", "Jan 11, 2022: Kim watches ...", "11 January 2022 —",
# "2022-01-11:" (or the heading alone on its line): a wire timeline's entry heading. Only a dash
# or colon right after the date makes one: "April 3 (Reuters) - ..." is a dateline.
_HEADING_RE = re.compile(
    rf"^[ \t]*(?:{_MON}\s*{_DAYNUM}(?:,?\s+{_YEAR})?"
    rf"|{_prefixed(_DAYNUM, 'b')}\s+{_prefixed(_MON, 'b')}(?:,?\s+{_prefixed(_YEAR, 'b')})?"
    rf"|{_prefixed(_ISO_RE.pattern, 'c')})"
    r"[ \t]*(?:[-–—:][ \t]*|$)", re.I | re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def timeline_entries(text: str, published: dt.date) -> list[TimelineEntry]:
    """The dated entries of the timelines in ``text`` (a whole document), in text order. An entry
    is told in the historical present ("SEPT. 28, 2021 - North Korea fires ...") and happened on
    its heading's day; a year-less heading is the latest such day up to publication."""
    found = []
    for m in _HEADING_RE.finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v}
        mon = g.get("mon") or g.get("bmon")
        if mon is not None and not mon[0].isupper():
            continue                    # "may 5 -": the verb
        if "cy" in g:
            try:
                day = dt.date(int(g["cy"]), int(g["cmo"]), int(g["cd"]))
            except ValueError:
                continue
        else:
            assert mon is not None
            found_day = _month_date(mon, int(g.get("d") or g["bd"]), g.get("y") or g.get("by"),
                                    published, False)
            if found_day is None:
                continue
            day = found_day
        body = m.end()
        if text[body:body + 1] == "\n":
            # The heading alone on its line: the entry is the next line, if there is one.
            body += 1
            if not text[body:text.find("\n", body) if "\n" in text[body:] else len(text)].strip():
                continue
        found.append((m.start(), body, day))
    if len(found) < 2:
        return []                       # one dated line is no timeline
    out = []
    for k, (start, body, day) in enumerate(found):
        nxt = found[k + 1][0] if k + 1 < len(found) else len(text)
        blank = _BLANK_LINE.search(text, body, nxt)
        out.append(TimelineEntry(start, body, blank.start() if blank else nxt, day))
    return out


# "said on Wednesday it had tested a missile the day before": a day counted back from the day
# named before it in the same sentence (a report's day, the thing reported the day before). Only
# when nothing follows that it could be counted from instead ("the day before the summit" is the
# summit's), and not at the head of a sentence ("The day before, ...": counted from what was told
# last, not from a day).
_DAY_BEFORE_RE = re.compile(
    r"\b(?:the\s+(?:day|night)\s+before|the\s+previous\s+day|(?:a|one)\s+day\s+(?:earlier|before))"
    r"(?=\s*(?:[,.;:)]|$))", re.I)
# "launched an ICBM on July 3 and a week later fired two more": a day counted forward from the
# day named before it in the same sentence ("two days later", "the next day").
_DAYS_LATER_RE = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)\s+later"
    r"|the\s+(?:next|following)\s+day(?=\s*(?:[,.;:)]|$)))\b", re.I)
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"']")


def relative_days(text: str, mentions: list[TimeMention]) -> list[tuple[TimeMention, TimeMention]]:
    """``(mention, anchor)`` for each day counted back ("the day before") or forward ("a week
    later") from another in
    ``text``, whose ``mentions`` (from :func:`find_times`) name the day it counts from."""
    out = []
    found = [(m, -1) for m in _DAY_BEFORE_RE.finditer(text)]
    for m in _DAYS_LATER_RE.finditer(text):
        n = 1 if m["n"] is None else _COUNT_WORDS.get(m["n"].lower()) or int(m["n"])
        found.append((m, n * (7 if (m["unit"] or "").lower().startswith("week") else 1)))
    for m, shift in sorted(found, key=lambda f: f[0].start()):
        if any(o.start < m.end() and m.start() < o.end for o in mentions):
            continue
        anchor = next((o for o in reversed(mentions) if o.kind == "day" and o.day and o.end <= m.start()),
                      None)
        if anchor is None or anchor.day is None or _SENTENCE_END.search(text, anchor.end, m.start() + 1):
            continue
        day = anchor.day + dt.timedelta(days=shift)
        out.append((TimeMention(m.start(), m.end(), m.group(), day, None, "day"), anchor))
    return out
