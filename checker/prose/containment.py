"""Quoted units of a case's passages, to find those a draft's quotation holds whole.

Outlets quote one statement at different lengths: one prints a sentence, another a phrase of
it. A draft quotation that holds a whole *unit* (a part of a recorded quote, or a quotation
printed in a source's text, one paragraph's piece of it) quotes those words right; the words
around them are more of the same statement, which that source did not print, not a change of
it. So such a quotation is a match, not a misquote of the shorter one. A unit must have
:data:`MIN_UNIT_WORDS` words: a word or two (a scare-quoted term) is in too many statements to
say which one a draft quotes.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from checker.prose.alignment import Pattern, Words, align, nested
from checker.prose.drafts import read_draft

#: A unit of fewer words is not enough to say a quotation holds a source's statement.
MIN_UNIT_WORDS = 3


@dataclass(frozen=True)
class Unit:
    """A passage's words ``start`` to ``end`` that its source printed as one quoted piece."""

    passage: int
    start: int
    end: int
    pattern: Pattern
    size: int


@dataclass(frozen=True)
class Held:
    """A unit a quotation holds; ``nested`` where it stands inside the quotation's own single
    quotes (words its speaker reports another saying)."""

    unit: Unit
    nested: bool


def _spans(text: str, parts: Sequence[str] | None) -> list[tuple[int, int]]:
    """The character spans of the quoted pieces: each part of a recorded quote (joined by one
    space in the passage), or each paragraph's piece of each quotation of a text."""
    if parts is not None:
        spans, offset = [], 0
        for part in parts:
            spans.append((offset, offset + len(part)))
            offset += len(part) + 1
        return spans
    return [span for q in read_draft(text).quotations for span in q.spans]


def units_of(number: int, text: str, words: Words, parts: Sequence[str] | None) -> list[Unit]:
    """The units of one passage (``parts`` are a recorded quote's, None for a source text)."""
    out = []
    for start, end in _spans(text, parts):
        first = bisect.bisect_left(words.starts, start)
        last = bisect.bisect_left(words.starts, end)
        pattern = Pattern(text[start:end])
        size = len(pattern.plain())
        if first < last and size >= MIN_UNIT_WORDS and pattern.first is not None:
            out.append(Unit(number, first, last, pattern, size))
    return out


def contained(units: dict[str, list[Unit]], quotation: Pattern, text: str) -> list[Held]:
    """The longest units that the quotation (``text``) holds whole, in order (their own
    ellipses and insertions allowed, the quotation's bracketed words skipped)."""
    best: list[Held] = []
    words = quotation.words
    inner = nested(text, words)
    tried: set[int] = set()
    for key in set(words.keys):
        for unit in units.get(key, ()):
            if id(unit) in tried or (best and unit.size < best[0].unit.size):
                continue
            tried.add(id(unit))
            first = unit.pattern.first
            assert first is not None
            for j in (j for j, k in enumerate(words.keys) if k == key):
                pairs = align(unit.pattern, words, first, j)
                if pairs is None:
                    continue
                if best and unit.size > best[0].unit.size:
                    best = []
                best.append(Held(unit, all(inner[q] for _, q in pairs)))
                break
    return sorted(best, key=lambda h: (h.unit.passage, h.unit.start))
