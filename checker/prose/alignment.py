"""Cut texts into words and align a quotation with a passage, word by word.

A text's words are its ``\\w+`` runs (with inner apostrophes), each with its key (case-folded,
curly apostrophe folded), the punctuation after it (typography folded as
:mod:`checker.claims.evidence` folds it) and whether it stands inside brackets. The alignment:

- an ellipsis ("..." or "…") in the quotation lets up to :data:`ELLIPSIS_GAP` words of the
  passage be left out at that point, so the pieces must appear in order, close together;
- a bracketed insertion in the quotation ("[seven]", "(ICE)") stands for up to
  :data:`BRACKET_GAP` words of the passage, and a passage's own bracketed words may be left
  out or matched;
- the match is *exact* when the words, their case and the punctuation between them are the
  same, except the case of the first word and the punctuation at either end.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.claims.evidence import fold_typography

#: Words an ellipsis may stand for ("close together").
ELLIPSIS_GAP = 40
#: Words a bracketed insertion of the quotation may stand for.
BRACKET_GAP = 3
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_BRACKETS = str.maketrans("", "", "[]()")

#: Words whose change leaves a quotation's meaning (a misquote is then a warning, not an error).
#: Negations and numbers are meaning words, and so not here.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "so", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "into", "onto", "as", "than", "that", "this", "these", "those", "there",
    "here", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "am", "has",
    "have", "had", "do", "does", "did", "i", "me", "my", "we", "us", "our", "you", "your", "he",
    "him", "his", "she", "her", "they", "them", "their", "who", "whom", "which", "what", "just",
    "very", "really", "also", "too", "quite", "then", "well", "oh", "um", "uh",
})  # fmt: skip


@dataclass
class Words:
    """A text cut into words: keys, words as printed, the punctuation after each, bracketed
    (inserted) flags and offsets."""

    keys: list[str]
    words: list[str]
    gaps: list[str]
    inserted: list[bool]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> Words:
        keys: list[str] = []
        words: list[str] = []
        gaps: list[str] = []
        inserted: list[bool] = []
        starts: list[int] = []
        depth, previous = 0, 0
        for match in _WORD.finditer(text):
            between = text[previous : match.start()]
            if words:  # most words are followed by a space: fold only what is more
                gaps.append("".join(fold_typography(between).split()) if between.strip() else "")
            if between.count("\n") >= 2:
                depth = 0
            for char in between:
                if char in "[(":
                    depth += 1
                elif char in "])" and depth:
                    depth -= 1
            word = match.group().replace("\u2019", "'")
            words.append(word)
            keys.append(word.casefold())
            inserted.append(depth > 0)
            starts.append(match.start())
            previous = match.end()
        if words:
            gaps.append("".join(fold_typography(text[previous:]).split()))
        return cls(keys, words, gaps, inserted, starts)


class Pattern:
    """A quotation's words: ellipses mark gaps, bracketed words are insertions."""

    def __init__(self, text: str):
        self.words = Words.of(text)
        self.ellipsis = ["..." in gap for gap in self.words.gaps]
        self.first = next((i for i, x in enumerate(self.words.inserted) if not x), None)

    def plain(self) -> list[str]:
        return [k for k, i in zip(self.words.keys, self.words.inserted, strict=True) if not i]


def align(pattern: Pattern, passage: Words, i: int, j: int) -> list[tuple[int, int]] | None:
    """Match the pattern's words from ``i`` at the passage's word ``j``: the matched pairs."""
    keys, inserted = passage.keys, passage.inserted
    want, n, m = pattern.words.keys, len(pattern.words.keys), len(keys)
    pairs: list[tuple[int, int]] = []
    while i < n:
        if pattern.words.inserted[i]:
            k = i
            while k < n and pattern.words.inserted[k]:
                k += 1
            for gap in range(min(BRACKET_GAP, m - j) + 1):
                rest = align(pattern, passage, k, j + gap)
                if rest is not None:
                    return pairs + rest
            return None
        if i != pattern.first and pattern.ellipsis[i - 1]:
            for gap in range(min(ELLIPSIS_GAP, m - j)):
                if keys[j + gap] == want[i]:
                    rest = align(pattern, passage, i + 1, j + gap + 1)
                    if rest is not None:
                        return [*pairs, (i, j + gap), *rest]
            return None
        while j < m and keys[j] != want[i] and inserted[j]:
            j += 1
        if j >= m or keys[j] != want[i]:
            return None
        pairs.append((i, j))
        i, j = i + 1, j + 1
    return pairs


def same_surface(pattern: Pattern, theirs: Words, pairs: list[tuple[int, int]]) -> bool:
    ours = pattern.words
    for number, (i, j) in enumerate(pairs):
        if number and ours.words[i] != theirs.words[j]:
            return False
        if number + 1 == len(pairs):
            break
        i2, j2 = pairs[number + 1]
        if i2 != i + 1 or j2 != j + 1 or pattern.ellipsis[i]:
            continue
        if ours.gaps[i].translate(_BRACKETS) != theirs.gaps[j].translate(_BRACKETS):
            return False
    return True


def keys_of_text(text: str) -> list[str]:
    """Every word key of a text, bracketed or not (what :class:`Words` would give, faster)."""
    return _WORD.findall(text.replace("\u2019", "'").casefold())


def changed_words(old: Iterable[str], new: Iterable[str]) -> list[str]:
    """The words (keys) that differ between two word sequences, removed and added."""
    a, b = list(old), list(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out += a[i1:i2] + b[j1:j2]
    return out


def keys_of(text: str) -> list[str]:
    """The plain (not bracketed) word keys of a text."""
    words = Words.of(text)
    return [k for k, i in zip(words.keys, words.inserted, strict=True) if not i]


def aligned_share(pattern: Pattern, passage: Words, start: int, end: int) -> tuple[int, float]:
    """How many of the pattern's words line up with the passage's words ``start`` to ``end``,
    and that count's share of the longer side. Words one side leaves out at the other side's
    ellipsis are not counted as unaligned: an ellipsis says words were cut there."""
    a = [(k, e) for k, e, i in zip(pattern.words.keys, pattern.ellipsis, pattern.words.inserted,
                                   strict=True) if not i]  # fmt: skip
    b = [
        (passage.keys[j], "..." in passage.gaps[j])
        for j in range(start, end)
        if not passage.inserted[j]
    ]
    matcher = difflib.SequenceMatcher(None, [k for k, _ in a], [k for k, _ in b], autojunk=False)
    aligned = forgiven_a = forgiven_b = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            aligned += i2 - i1
            continue
        if j1 and b[j1 - 1][1]:
            forgiven_a += i2 - i1
        if i1 and a[i1 - 1][1]:
            forgiven_b += j2 - j1
    longer = max(len(a) - forgiven_a, len(b) - forgiven_b, 1)
    return aligned, aligned / longer


def nested(text: str, words: Words) -> list[bool]:
    """Which words stand inside single quotes of a quotation ('I need loyalty,' in Comey's
    memo): words its speaker reports someone else saying. An apostrophe inside a word is part
    of the word (:class:`Words`), so a single quote mark between words opens or closes."""
    out: list[bool] = []
    depth, previous = 0, 0
    for start in words.starts:
        for index in range(previous, start):
            char = text[index]
            before = text[index - 1] if index else " "
            if char == "\u2018" or (char == "'" and (before.isspace() or before in "([\u2014")):
                depth += 1
            elif char in "\u2019'" and depth:
                depth -= 1
        out.append(depth > 0)
        previous = start
    return out
