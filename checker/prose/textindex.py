"""An index of a case's source texts and recorded quotes, to find a draft's quotations in them.

Every text and every recorded quote is a *passage*. The index maps each word (its case-folded
key) to the passages that hold it, so a quotation is looked for only in the passages that hold
all of its words, found by intersecting their lists from the rarest word up: no text is
scanned for every quote. Those few candidates are cut into words and aligned with the
quotation (:mod:`checker.prose.alignment`: ellipses, bracketed insertions, what makes a match
exact).

Where nothing matches exactly, the passages that hold most of the quotation's less common
words are aligned with it, and the best is a *variant* where rapidfuzz's ratio of the words is
at or above :data:`checker.compare.quotes.QUOTE_PAIR_THRESHOLD`.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from checker.claims.evidence import fold_typography
from checker.claims.loading import LoadFailure, decode_utf8
from checker.compare.quotes import QUOTE_PAIR_THRESHOLD
from checker.model.case import CaseModel, Quote
from checker.prose.alignment import (
    ELLIPSIS_GAP,
    Pattern,
    Words,
    align,
    aligned_share,
    keys_of_text,
    nested,
    same_surface,
)
from checker.prose.containment import Unit, contained, units_of

#: How many of the passages that share the most words are tried for a close match.
VARIANT_CANDIDATES = 8
#: Quotations of fewer words are found exactly or not at all.
_MIN_VARIANT_WORDS = 3
#: A variant is one statement worded otherwise only where this share of the words line up
#: (:func:`checker.prose.alignment.aligned_share`); below it, two statements that share a
#: phrase ("hadn't done anything" and "hadn't done anything wrong" of someone else).
MIN_VARIANT_SHARE = 0.8


@dataclass
class Passage:
    """A source's full text (``quote`` None) or one recorded quote; cut into words only when
    it is a candidate for some quotation."""

    source: str
    file: str
    text: str
    quote: Quote | None = None
    _words: Words | None = field(default=None, repr=False)
    _positions: dict[str, list[int]] | None = field(default=None, repr=False)
    _lines: list[int] | None = field(default=None, repr=False)

    @property
    def words(self) -> Words:
        if self._words is None:
            self._words = Words.of(self.text)
        return self._words

    def positions(self, key: str) -> list[int]:
        if self._positions is None:
            self._positions = {}
            for index, k in enumerate(self.words.keys):
                self._positions.setdefault(k, []).append(index)
        return self._positions.get(key, [])

    def line(self, word: int) -> int:
        """The line of a word: in the text file, or the quote's line in its claim file."""
        if self.quote is not None:
            return self.quote.location.line
        if self._lines is None:
            self._lines = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return bisect.bisect_right(self._lines, self.words.starts[word])

    def excerpt(self, start: int, end: int) -> str:
        """The words ``start`` to ``end`` as printed, typography folded."""
        w = self.words
        return fold_typography(
            self.text[w.starts[start] : w.starts[end - 1] + len(w.words[end - 1])]
        )


@dataclass(frozen=True)
class Hit:
    """Where a quotation was found: a passage's words ``start`` to ``end``."""

    passage: Passage
    start: int
    end: int
    exact: bool
    score: float
    #: How many words line up with the quotation, and their share of the longer side.
    aligned: int = 0
    share: float = 1.0
    #: The words stand inside nested quotes, of the draft's quotation or of the passage.
    nested: bool = False

    @property
    def line(self) -> int:
        return self.passage.line(self.start)

    @property
    def excerpt(self) -> str:
        return self.passage.excerpt(self.start, self.end)


@dataclass(frozen=True)
class Found:
    """Exact matches, matches differing only in punctuation or case, or the best variant."""

    exact: tuple[Hit, ...]
    punctuation: tuple[Hit, ...]
    variant: Hit | None


class TextIndex:
    """Every passage of a case, indexed by its words: word key to the passages that hold it."""

    def __init__(self) -> None:
        self.passages: list[Passage] = []
        self._postings: dict[str, list[int]] = {}
        self._units: dict[str, list[Unit]] | None = None

    @classmethod
    def of_case(cls, model: CaseModel) -> TextIndex:
        """Index the texts that validation could read, and every recorded quote."""
        index = cls()
        for source in model.sources.values():
            if source.text_file is None:
                continue
            try:
                text = decode_utf8(Path(source.text_file).read_bytes())
            except (OSError, LoadFailure):
                continue  # validation has reported it
            index.add(Passage(source.id, source.text_file, text))
        for quote in model.quotes:
            index.add(Passage(quote.source, quote.location.file, " ".join(quote.parts), quote))
        return index

    def add(self, passage: Passage) -> None:
        number = len(self.passages)
        self.passages.append(passage)
        postings = self._postings
        for key in set(keys_of_text(passage.text)):
            if key in postings:
                postings[key].append(number)
            else:
                postings[key] = [number]

    def _candidates(self, pattern: Pattern) -> tuple[list[int], list[int]]:
        """The passages that hold every word of the pattern, rarest word first; and those that
        hold most of its less common words, for a close match."""
        keys = sorted(set(pattern.plain()), key=lambda k: len(self._postings.get(k, ())))
        full: set[int] | None = None
        for key in keys:
            held = self._postings.get(key, ())
            full = set(held) if full is None else full.intersection(held)
            if not full:
                break
        cap = max(VARIANT_CANDIDATES, len(self.passages) // 10)
        telling = [k for k in keys if len(self._postings.get(k, ())) <= cap] or keys[:5]
        counts: Counter[int] = Counter()
        for key in telling:
            counts.update(self._postings.get(key, ()))
        ranked = sorted(
            (item for item in counts.items() if 2 * item[1] >= len(telling)),
            key=lambda pc: (-pc[1], pc[0]),
        )
        return sorted(full or ()), [p for p, _ in ranked[:VARIANT_CANDIDATES]]

    def locate(self, quotation: str) -> Found:
        pattern = Pattern(quotation)
        if pattern.first is None:
            return Found((), (), None)
        full, near = self._candidates(pattern)
        if len(pattern.plain()) < _MIN_VARIANT_WORDS:
            near = []
        exact: list[Hit] = []
        punctuation: list[Hit] = []
        for number in full:
            passage = self.passages[number]
            close: Hit | None = None
            for j in passage.positions(pattern.words.keys[pattern.first]):
                pairs = align(pattern, passage.words, pattern.first, j)
                if pairs is None:
                    continue
                hit = Hit(
                    passage, pairs[0][1], pairs[-1][1] + 1, True, 100.0,
                    nested=self._nested(pattern, quotation, passage, pairs),
                )  # fmt: skip
                if same_surface(pattern, passage.words, pairs):
                    exact.append(hit)
                    break
                close = close or replace(hit, exact=False)
            else:
                if close is not None:
                    punctuation.append(close)
        if exact or punctuation:
            return Found(tuple(exact), tuple(punctuation), None)
        variants = [v for v in (self._variant(pattern, self.passages[p]) for p in near) if v]
        best = max(
            variants,
            key=lambda h: (h.score, h.passage.quote is not None, h.passage.source),
            default=None,
        )
        # A quotation with an ellipsis says where it cut: its pieces are found in order or
        # not at all, and one piece's match does not vouch for the others.
        held = [] if any(pattern.ellipsis) else contained(self.units(), pattern, quotation)
        # A held unit is a match unless a variant lines up more of what a source *quotes*
        # (a full statement worded otherwise that happens to hold a quoted phrase); the words
        # of a source's own prose around its quotation ("While Mr. Comey “went ...”") do not
        # count.
        if held and (best is None or self._quoted(best) <= held[0].unit.size):
            hits = [
                Hit(self.passages[h.unit.passage], h.unit.start, h.unit.end, True, 100.0,
                    nested=h.nested)
                for h in held
            ]  # fmt: skip
            return Found(tuple(hits), (), None)
        return Found((), (), best)

    def variants(self, quotation: str) -> list[Hit]:
        """Every close variant of a quotation among the passages that share most of its words."""
        pattern = Pattern(quotation)
        if pattern.first is None or len(pattern.plain()) < _MIN_VARIANT_WORDS:
            return []
        found = (self._variant(pattern, self.passages[p]) for p in self._candidates(pattern)[1])
        return [v for v in found if v]

    @staticmethod
    def _nested(
        pattern: Pattern, text: str, passage: Passage, pairs: list[tuple[int, int]]
    ) -> bool:
        """Whether matched words stand in nested quotes, of the quotation or of a recorded
        quote (a source text's own quotes are its quotations, not nested ones)."""
        if all(nested(text, pattern.words)[i] for i, _ in pairs):
            return True
        if passage.quote is None:
            return False
        inner = nested(passage.text, passage.words)
        return all(inner[j] for _, j in pairs)

    def _quoted(self, hit: Hit) -> int:
        """How many of a hit's words lie in quoted units of its passage."""
        units = (u for us in self.units().values() for u in us)
        return sum(
            max(0, min(u.end, hit.end) - max(u.start, hit.start))
            for u in units
            if self.passages[u.passage] is hit.passage
        )

    def units(self) -> dict[str, list[Unit]]:
        """Every passage's quoted units by their first word, cut on first need."""
        if self._units is None:
            self._units = {}
            for number, passage in enumerate(self.passages):
                parts = passage.quote.parts if passage.quote is not None else None
                for unit in units_of(number, passage.text, passage.words, parts):
                    key = unit.pattern.words.keys[unit.pattern.first or 0]
                    self._units.setdefault(key, []).append(unit)
        return self._units

    def _variant(self, pattern: Pattern, passage: Passage) -> Hit | None:
        """The passage's words best aligned with the pattern, if they are close enough."""
        keys = passage.words.keys
        offsets: Counter[int] = Counter()
        plain = pattern.plain()
        for p, gram in enumerate(zip(plain, plain[1:], plain[2:], strict=False)):
            for q in passage.positions(gram[0]):
                if tuple(keys[q : q + 3]) == gram:
                    offsets[q - p] += 1
        if not offsets:
            return None
        start = max(offsets.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        # Each ellipsis of the quotation shifts the words after it along the passage.
        reach = 5 + ELLIPSIS_GAP * sum(pattern.ellipsis)
        near = [o for o in offsets if abs(o - start) <= reach] or [start]
        low, high = max(0, min(near) - 5), min(len(keys), max(near) + len(plain) + 5)
        window = keys[low:high]
        blocks = difflib.SequenceMatcher(None, plain, window, autojunk=False).get_matching_blocks()
        matched = [b for b in blocks if b.size]
        if not matched:
            return None
        first, last = low + matched[0].b, low + matched[-1].b + matched[-1].size
        score = fuzz.ratio(" ".join(plain), " ".join(keys[first:last]))
        aligned, share = aligned_share(pattern, passage.words, first, last)
        if score < QUOTE_PAIR_THRESHOLD or share < MIN_VARIANT_SHARE:
            return None
        return Hit(passage, first, last, False, score, aligned, share)
