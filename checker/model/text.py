"""Texts and names: folding a text for comparison, when two texts agree, and folding an entity
name for look-up (case, accents, punctuation)."""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

# NFKC leaves these typographic marks alone; quotes in claim files use the plain ASCII ones.
_TYPOGRAPHIC = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "'" * 5 + '"' * 6 + "-" * 7,
)


def normalize_text(text: str) -> str:
    """Fold a text for comparison: NFKC, typographic marks, case, whitespace, end punctuation."""
    # NFKC again after casefold: casefolding can produce sequences NFKC would still change.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    collapsed = " ".join(folded.translate(_TYPOGRAPHIC).split())
    start, end = 0, len(collapsed)
    while start < end and _is_punctuation(collapsed[start], " "):
        start += 1
    while end > start and _is_punctuation(collapsed[end - 1], " "):
        end -= 1
    return collapsed[start:end]


def texts_agree(a: str, b: str, similarity: float) -> bool:
    """Whether two texts are equal after normalisation or at least ``similarity`` (0-100) alike."""
    left, right = normalize_text(a), normalize_text(b)
    return left == right or fuzz.ratio(left, right) >= similarity


@functools.lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """Fold an entity name for lookup: case, accents, punctuation (as spaces) and whitespace.

    Dots and apostrophes inside a word are dropped rather than spaced, so that "U.S." folds
    like "US" and "O'Neil" like "ONeil".
    """
    return fold_ascii(name) if name.isascii() else fold_unicode(name)


def fold_ascii(name: str) -> str:
    """:func:`fold_unicode` of an ASCII name, the common case: no accents, a table for the
    punctuation, and the in-word marks looked for only where there are any."""
    lowered = name.lower()
    if "." in lowered or "'" in lowered:
        lowered = _INWORD_MARKS.sub("", lowered)
    return " ".join(lowered.translate(_ASCII_PUNCTUATION).split())


def fold_unicode(name: str) -> str:
    """:func:`fold_name` of any name."""
    # NFKD before casefold too, so compatibility letters (a mathematical bold A) fold as well.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    decomposed = _INWORD_MARKS.sub("", decomposed)
    kept = (" " if _is_punctuation(char) else char for char in decomposed)
    return " ".join("".join(c for c in kept if not unicodedata.combining(c)).split())


_ASCII_PUNCTUATION = {
    code: " " for code in range(128) if unicodedata.category(chr(code)).startswith("P")
}
_INWORD_MARKS = re.compile(r"(?<=\w)[.'\u2019](?=\w)|(?<=\b\w)\.(?!\w)")


def _is_punctuation(char: str, also: str = "") -> bool:
    return char in also or unicodedata.category(char).startswith("P")
