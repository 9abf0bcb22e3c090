"""The words of offices: heads ("minister"), the words that build titles from them ("prime",
"defence"), ranks and honorifics that are no part of an office, and :func:`title_word`, which
reads a token as a title word allowing for typos."""
from __future__ import annotations

from rapidfuzz import fuzz, process
from spacy.tokens import Token

from kg.gazetteer.words import english_words

# Office nouns: a title must contain one.
HEADS = {
    "president", "premier", "chancellor", "minister", "secretary", "leader", "spokesperson", "spokesman",
    "spokeswoman", "adviser", "advisor", "ambassador", "envoy", "diplomat", "commander", "chairman",
    "chairwoman", "chair", "chief", "director", "senator", "governor", "mayor", "king", "queen",
    "emperor", "representative", "lawmaker", "researcher", "professor", "analyst", "fellow", "head",
    "administrator", "undersecretary", "strategist", "economist", "coordinator", "manager",
}
# Words that build titles from heads: "chief cabinet secretary", "national security adviser".
MODIFIERS = {
    "prime", "vice", "deputy", "first", "chief", "cabinet", "foreign", "defence", "defense",
    "unification", "interior", "home", "finance", "trade", "economy", "justice", "health", "national",
    "security", "state", "staff", "general", "supreme", "affairs", "principal", "senior", "special",
    "top", "acting", "assistant", "executive", "permanent", "under", "ministry", "department",
    "presidential", "military", "army", "navy", "naval", "air", "force", "forces", "intelligence",
    "nuclear", "press", "joint", "chiefs", "party", "policy", "science", "technology", "energy",
    "industry", "environment", "education", "veterans", "homeland", "attorney", "treasury", "commerce",
    "communications", "strategic", "command", "fleet", "research", "associate", "visiting", "managing",
    "parliamentary", "regional",
    "elect",  # "President-elect": an office of its own, the winner's until the inauguration
}
TITLE_WORDS = HEADS | MODIFIERS
# Words a title may end with after its head: "secretary general", "minister of defence".
TAILS = {"general", "state", "staff", "defence", "defense", "affairs", "elect"}
_VOCAB = sorted(TITLE_WORDS)
# Ranks and honorifics between a title and a name; not part of the office.
RANKS = {"gen", "gen.", "general", "lt", "lt.", "col", "col.", "adm", "adm.", "maj", "maj.", "mr",
         "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sgt", "capt", "capt.",
         "marshal", "admiral", "colonel", "comrade"}
# A title these words precede is not held now ("former President Moon").
NOT_CURRENT = {"former", "ex", "late", "then", "erstwhile", "previous"}
# Nouns that stand for the country the article is about: "the regime's leader".
ANAPHORS = {"regime", "country", "nation", "north", "south", "state", "government", "its",
            "their", "communist", "isolated"}


def title_word(tok: Token, *, near_title: bool = False) -> str | None:
    """The lexicon word ``tok`` is, allowing typos ("Mnister"); None if it is no title word.

    A correctly spelled English word is only corrected next to an exact title word ("Prime
    Minster"), so "resident" never becomes "president".
    """
    low = tok.lower_
    if low in TITLE_WORDS:
        return low
    if not tok.is_alpha or len(low) < 6:
        return None
    hit = process.extractOne(low, _VOCAB, scorer=fuzz.ratio, score_cutoff=85)
    if hit is None or low in (hit[0] + "s", hit[0] + "es"):  # plurals name no one office
        return None
    if low in english_words() and not near_title:
        return None
    return hit[0]
