"""Positions in text: the failure that carries one, offset to line and column, and the limits
both readers hold a file to."""

from __future__ import annotations

import bisect
import re

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

#: How deep mappings and lists may nest. Claim files nest less than ten levels; the limit keeps
#: every recursive step after reading (schema checks, position walks, pickling to workers and to
#: the cache) far below Python's recursion limit.
MAX_DEPTH = 100
#: How many digits a number may be written with. No claim holds a longer one, and Python refuses
#: to turn integers of more than 4,300 digits into text or back.
MAX_DIGITS = 100


class LoadFailure(Exception):
    """A file cannot be turned into data; carries the position of the first problem."""

    def __init__(self, message: str, line: int = 1, column: int = 1, code: str = "syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


def too_deep(line: int, column: int) -> LoadFailure:
    return LoadFailure(f"nesting deeper than {MAX_DEPTH} levels", line, column, code="too-deep")


def too_long(digits: int, line: int, column: int) -> LoadFailure:
    message = f"number too long: {digits:,} digits (at most {MAX_DIGITS})"
    return LoadFailure(message, line, column, code="too-long")


def lone_surrogate(escape: str, line: int, column: int) -> LoadFailure:
    message = f"invalid {escape} escape: a lone surrogate is not a character"
    return LoadFailure(message, line, column, code="surrogate")


class Lines:
    """Offset to (line, column) conversion for one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Pos:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
