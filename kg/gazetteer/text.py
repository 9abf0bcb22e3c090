"""String folding shared by every gazetteer index.

``normalise`` is the single key function: two surface forms that normalise to
the same string are considered the same name.  It folds case, accents
(``Wŏnsan`` → ``wonsan``), apostrophes (``P'yŏngyang``, ``Sinp’o``), dotted
abbreviations (``U.S.`` → ``us``, ``N. Korea`` → ``n korea``), hyphens and other
punctuation (→ one space) and a leading English article ("the").
"""

from __future__ import annotations

import re
import unicodedata

_DOTTED_ABBREV = re.compile(r"\b(?:[a-z]\.){2,}")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# letters NFKD does not decompose, typographic punctuation and spaces
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "´": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
        "·": " ",
        "＝": " ",
    }
)
# after folding only ASCII is left: apostrophes vanish, other punctuation → space
_PUNCT = str.maketrans({c: " " for c in '!"#$%&()*+,-./:;<=>?@[\\]^_{|}~'} | {"'": None})


def fold(text: str, *, lower: bool = True) -> str:
    """Fold accents (and by default case); non-Latin characters are dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        text = text.encode("ascii", "ignore").decode("ascii")
    return text.lower() if lower else text


def normalise(name: str) -> str:
    """Fold a surface form to its index key (see module docstring)."""
    s = fold(name)
    if "." in s:
        s = _DOTTED_ABBREV.sub(lambda m: m.group().replace(".", ""), s)
    s = " ".join(s.translate(_PUNCT).split())
    if s.startswith("the "):
        s = s[4:]
    return s


def possessive(name: str) -> str:
    """"Japan" -> "Japan's", "the Philippines" -> "the Philippines'"."""
    return name + ("'" if name.endswith("s") else "'s")


def strip_possessive(text: str) -> str:
    """``"Japan's"`` → ``"Japan"``; ``"the Philippines'"`` → ``"the Philippines"``."""
    text = text.strip()
    m = _POSSESSIVE.search(text)
    if not m:
        return text
    return text[: m.start()] + ("s" if m.group().startswith("s") else "")


def variants(alias: str) -> set[str]:
    """Index keys for one alias: its normal form, plus a hyphen-joined form.

    Korean and Japanese romanisations are written both with and without the
    hyphen ("Tongchang-ri" / "Tongchangri", "Jeju-do" / "Jejudo"), so an alias
    containing a hyphen is also indexed with the hyphen removed.
    """
    out = {normalise(alias)}
    if "-" in alias:
        out.add(normalise(alias.replace("-", "")))
    out.discard("")
    return out


def is_acronym(alias: str) -> bool:
    """True for all-capital abbreviations such as "US", "U.N.", "DPRK", "WHO".

    Acronym aliases only match queries written as acronyms, so the pronoun "us", the
    word "who" or the surname "Ri" never resolve to the United States, WHO or Rhode Island.
    """
    letters = alias.replace(".", "").replace(" ", "").replace("-", "")
    return 1 < len(letters) <= 6 and letters.isalpha() and letters.isupper()


def slugify(text: str) -> str:
    """Stable key fragment: ``"Sea of Japan"`` → ``"sea-of-japan"``."""
    return normalise(text).replace(" ", "-")
