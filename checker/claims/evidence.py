"""Find evidence excerpts and quotes verbatim in a source's full text.

Only typography is forgiven: curly quotes and apostrophes, dashes, ellipses and runs of white
space are folded on both sides before an exact search; case, words and punctuation must match.
A miss reports the closest passage of the text (rapidfuzz's partial alignment), so that the
claim writer sees what the source really says.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

_TYPOGRAPHY = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")


def fold_typography(text: str) -> str:
    """Fold quotes, dashes and ellipses to ASCII, and white space to single spaces."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY).replace("\u2026", "...")).strip()


@dataclass(frozen=True)
class Match:
    """Where an excerpt was found: 1-based line and column in the original text."""

    line: int
    column: int


@dataclass(frozen=True)
class Miss:
    """An excerpt that is not in the text, with the closest passage and where it starts."""

    closest: str
    line: int
    score: float


class SourceText:
    """A source's full text, folded once, with a map back to original lines."""

    def __init__(self, text: str):
        self.text = text
        folded: list[str] = []
        origin: list[int] = []
        pending_space = False
        for index, char in enumerate(text):
            if char.isspace() or char == "\u00a0":
                pending_space = bool(folded)
                continue
            if pending_space:
                folded.append(" ")
                origin.append(index)
                pending_space = False
            piece = "..." if char == "\u2026" else char.translate(_TYPOGRAPHY)
            folded.extend(piece)
            origin.extend([index] * len(piece))
        self.folded = "".join(folded)
        self._origin = origin
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        return cls(path.read_text(encoding="utf-8-sig"))

    def _position(self, folded_index: int) -> Match:
        offset = self._origin[folded_index] if self._origin else 0
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return Match(line + 1, offset - self._line_starts[line] + 1)

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
        needle = fold_typography(excerpt)
        alignment = fuzz.partial_ratio_alignment(needle, self.folded)
        if alignment is None or not self.folded:
            return Miss("", 1, 0.0)
        passage = self.folded[alignment.dest_start : alignment.dest_end]
        return Miss(passage, self._position(alignment.dest_start).line, alignment.score)
