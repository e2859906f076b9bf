"""Positions in text: the failure that carries one, and offset to line and column."""

from __future__ import annotations

import bisect
import re

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]


class LoadFailure(Exception):
    """A file cannot be turned into data; carries the position of the first problem."""

    def __init__(self, message: str, line: int = 1, column: int = 1, code: str = "syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


class Lines:
    """Offset to (line, column) conversion for one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Pos:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
