"""Find evidence excerpts and quotes verbatim in a source's full text.

Only typography is forgiven: curly quotes and apostrophes, dashes, ellipses and runs of white
space are folded on both sides before an exact search; case, words and punctuation must match.
A miss reports the closest passage of the text (rapidfuzz's partial alignment), so that the
claim writer sees what the source really says; the search is bounded (see
:meth:`SourceText.closest`), and an excerpt longer than the whole text is not searched for.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

#: What each typographic character folds to. Applied one replacement at a time: str.replace is
#: a fast scan on any text, where str.translate is fast only on ASCII text (a 10 MB text with
#: curly quotes took a second). ASCII white space is made a space here too, so that the
#: substitution of runs meets few pieces (a line break every 90 characters made a million).
_TYPOGRAPHY = (
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u201f", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2015", "-"),
    ("\u2212", "-"),
    ("\u00a0", " "),
    ("\u2026", "..."),
    ("\t", " "),
    ("\n", " "),
    ("\x0b", " "),
    ("\x0c", " "),
    ("\r", " "),
)
_SPACE = re.compile(r"\s{2,}|[^\S ]")  # runs of white space, and any other than a space
_LEADING_SPACE = re.compile(r"\s*")


def fold_typography(text: str) -> str:
    """Fold quotes, dashes and ellipses to ASCII, and white space to single spaces."""
    for char, plain in _TYPOGRAPHY:
        if char in text:
            text = text.replace(char, plain)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Match:
    """Where an excerpt was found: 1-based line and column in the original text."""

    line: int
    column: int


@dataclass(frozen=True)
class Miss:
    """An excerpt that is not in the text, with the closest passage and where it starts.

    ``longer`` is (the excerpt's length, the text's), typography folded, when the excerpt is the
    longer of the two: then no passage is searched for."""

    closest: str
    line: int
    score: float
    longer: tuple[int, int] | None = None


#: Excerpts of up to this many characters are aligned with the whole text in one bit-parallel
#: pass of rapidfuzz, in time linear in the text's length.
SHORT_EXCERPT = 64
#: Longer excerpts are aligned with the whole text while the text's length times the excerpt's
#: squared stays under this (a 170-character excerpt in a 1 MB text, 550 in 100 KB, 1,700 in
#: 10 KB): rapidfuzz's partial alignment costs about that, a fifth of a second at worst.
WHOLE_ALIGNMENT_WORK = 3 * 10**10
#: Past that, only the excerpt's first this many characters are aligned, around where its
#: pieces fit best: the message shows a passage's first 80 characters, not a whole page.
ALIGNED_HEAD = 1000
#: Text offsets are mapped to lines through the number of lines before each block of text.
_BLOCK = 4096
# What folding shortens or lengthens: runs of white space, ellipses. Single white space
# characters fold to one space each, in place.
_BREAKS = re.compile(r"\s{2,}|\u2026")


class SourceText:
    """A source's full text, folded once, with a map back to original lines.

    The map is kept as segments (where folding shifted offsets: a run of white space, an
    ellipsis), not one entry per character: a 9 MB text once took 490 MB and 3 seconds.
    """

    def __init__(self, text: str):
        self.text = text
        self.folded = fold_typography(text)
        self._starts = array("q")  # the folded offset where each segment starts
        self._origins = array("q")  # ... the text offset it stands for
        self._along = bytearray()  # 1: the segment runs along the text; 0: an ellipsis
        lead = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # always matches
        self._segment(0, lead, along=True)
        shift = lead  # text offset minus folded offset, in the current segment
        for match in _BREAKS.finditer(text, lead):
            start, end = match.span()
            if text[start] == "\u2026":  # three dots, all standing for the one character
                self._segment(start - shift, start, along=False)
                self._segment(start - shift + 3, start + 1, along=True)
                shift -= 2
            elif end < len(text):  # one space, standing for the character after the run
                self._segment(start - shift + 1, end, along=True)
                shift += end - start - 1
        self._block_lines: list[int] = []
        self._block_line_starts: list[int] = []

    def _segment(self, start: int, origin: int, *, along: bool) -> None:
        if self._starts and self._starts[-1] == start:  # an ellipsis opens the text
            self._origins[-1], self._along[-1] = origin, along
            return
        self._starts.append(start)
        self._origins.append(origin)
        self._along.append(along)

    @classmethod
    def read(cls, path: Path) -> SourceText:
        return cls(path.read_text(encoding="utf-8-sig"))

    def _offset(self, folded_index: int) -> int:
        """The text offset of the folded character at ``folded_index``; a space stands where
        the character after it does."""
        index = min(folded_index, len(self.folded) - 1)
        if self.folded[index] == " ":
            index += 1
        k = bisect.bisect_right(self._starts, index) - 1
        return self._origins[k] + (index - self._starts[k] if self._along[k] else 0)

    def _position(self, folded_index: int) -> Match:
        if not self.folded:
            return Match(1, 1)
        offset = self._offset(folded_index)
        text = self.text
        if not self._block_lines:  # lines before each block, and where the last one starts
            lines, line_start = 0, 0
            for block in range(0, len(text), _BLOCK):
                self._block_lines.append(lines)
                self._block_line_starts.append(line_start)
                lines += text.count("\n", block, block + _BLOCK)
                newline = text.rfind("\n", block, block + _BLOCK)
                line_start = newline + 1 if newline >= 0 else line_start
        block = offset // _BLOCK
        line = self._block_lines[block] + text.count("\n", block * _BLOCK, offset)
        newline = text.rfind("\n", block * _BLOCK, offset)
        line_start = newline + 1 if newline >= 0 else self._block_line_starts[block]
        return Match(line + 1, offset - line_start + 1)

    def find(self, excerpt: str, start: int = 0) -> tuple[Match, int] | None:
        """Find ``excerpt`` at or after folded offset ``start``; return where, and its end."""
        needle = fold_typography(excerpt)
        if not needle:
            return None
        index = self.folded.find(needle, start)
        if index < 0:
            return None
        return self._position(index), index + len(needle)

    def find_parts(self, parts: tuple[str, ...]) -> tuple[list[Match], int | None]:
        """Find each part in order; the index of the first part not found after the previous."""
        found: list[Match] = []
        cursor = 0
        for number, part in enumerate(parts):
            hit = self.find(part, cursor)
            if hit is None:
                return found, number
            found.append(hit[0])
            cursor = hit[1]
        return found, None

    def closest(self, excerpt: str) -> Miss:
        """The passage of the text closest to ``excerpt``, in time about linear in the text's
        length: an excerpt longer than the text is not searched for, a long one only in part."""
        needle = fold_typography(excerpt)
        text = self.folded
        if not text:
            return Miss("", 1, 0.0)
        if len(needle) > len(text):
            return Miss("", 1, 0.0, longer=(len(needle), len(text)))
        low = 0
        if len(needle) > SHORT_EXCERPT and len(text) * len(needle) ** 2 > WHOLE_ALIGNMENT_WORK:
            needle = needle[:ALIGNED_HEAD]
            low, high = self._around(needle)
            text = text[low:high]
        alignment = fuzz.partial_ratio_alignment(needle, text)
        if alignment is None:
            return Miss("", 1, 0.0)
        start, end = low + alignment.dest_start, low + alignment.dest_end
        return Miss(self.folded[start:end], self._position(start).line, alignment.score)

    def _around(self, needle: str) -> tuple[int, int]:
        """A stretch of the folded text, a little longer than ``needle``, where it fits best:
        where the best fitting of three short pieces of it (its start, middle and end) says it
        would start. Each piece is aligned with the whole text in one linear pass."""
        last = len(needle) - SHORT_EXCERPT
        best = (-1.0, 0)
        for offset in sorted({0, last // 2, last}):
            piece = needle[offset : offset + SHORT_EXCERPT]
            alignment = fuzz.partial_ratio_alignment(piece, self.folded)
            if alignment is not None and alignment.score > best[0]:
                best = (alignment.score, alignment.dest_start - offset)
        start = max(0, best[1] - SHORT_EXCERPT)
        return start, min(len(self.folded), start + len(needle) + 2 * SHORT_EXCERPT)
