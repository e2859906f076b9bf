"""Words of a sentence and of an excerpt, and which of them line up (the base of claim matching).

An excerpt's words are aligned with a sentence's by difflib on words; a sentence word within a
spelling slip of an excerpt word counts as that word (rapidfuzz), and every number counts as
every other, so that the words around a value hold its place whatever the value is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.prose.prosevalues import TOKEN

#: Words that carry no meaning of their own for matching (the value's words are left out too).
STOP = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "as", "that", "which", "who", "whom", "this", "these", "those", "it", "its", "is",
    "was", "are", "were", "be", "been", "being", "has", "have", "had", "he", "she", "they",
    "his", "her", "their", "i", "we", "our", "said", "says", "told", "also", "then", "than",
    "there", "here", "into", "over", "after", "before",
})  # fmt: skip
#: What every number is, for aligning words.
NUMBER = "<number>"
#: A sentence word this close (rapidfuzz ratio) to an excerpt word is taken as that word.
SPELLING = 88.0


@dataclass(frozen=True)
class Words:
    """A text's words, folded, with their character spans."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> Words:
        found = list(TOKEN.finditer(text))
        folded = tuple(m.group().casefold().replace("\u2019", "'") for m in found)
        return cls(tuple(w.removesuffix("'s") for w in folded), tuple(m.span() for m in found))

    def index(self, start: int, end: int) -> tuple[int, int]:
        """The word range covering characters [start, end)."""
        inside = [i for i, (s, e) in enumerate(self.spans) if s < end and start < e]
        return (inside[0], inside[-1] + 1) if inside else (0, 0)


def aligned(ev: tuple[str, ...], sentence: tuple[str, ...]) -> dict[int, int]:
    """Excerpt word index -> sentence word index, for the words the two share in order; a
    sentence word within a spelling slip of an excerpt word ("Philip", "Phillip") is that word."""
    # Numbers align with numbers, whatever they are: "from 1966 to 1978" lines up with "from 1967
    # to 1979" word for word, so the words around each value hold it in place.
    ev = tuple(NUMBER if w[0].isdigit() else w for w in ev)
    vocabulary = set(ev)
    spelled = []
    for word in (NUMBER if w[0].isdigit() else w for w in sentence):
        if word not in vocabulary and len(word) >= 5:
            close = [v for v in vocabulary if len(v) >= 5 and fuzz.ratio(word, v) >= SPELLING]
            word = close[0] if len(close) == 1 else word
        spelled.append(word)
    matcher = difflib.SequenceMatcher(None, ev, spelled, autojunk=False)
    return {
        a + k: b + k
        for a, b, size in matcher.get_matching_blocks()
        for k in range(size)
        if (ev[a + k] not in STOP and ev[a + k] != NUMBER) or size > 1
    }


def meaning(word: str) -> bool:
    """Whether an excerpt word counts towards a match: not a stop word, and not a number (the
    other end of "from 1967 to 1979" is a value too, which a draft may print otherwise)."""
    return word not in STOP and not word[0].isdigit()
