"""Values where a claim's excerpt holds its own: the dates and numbers of an aligned region.

When a sentence is aligned with an excerpt, the excerpt's value words map to a region of the
sentence: the words just after the last aligned word before the value, up to the first aligned
word after it (a few words on where only one side is aligned). A date or number of the
property's type printed there is the draft's value; a bare year counts as a date here
("served from 1967 to 1979"), since the excerpt put a date in that place.
"""

from __future__ import annotations

import re

from checker.model.case import Value
from checker.prose.prosevalues import Date, dates, numbers

#: How far (in words) the aligned words may stand from the excerpt's value.
ANCHOR_WORDS = 4

_YEAR = re.compile(r"(?<![\w$.,/-])(?:1[89]|20)\d\d(?![\w%/-]|[.,]\d)")


def all_dates(text: str) -> list[tuple[int, int, Date]]:
    """The dates of :func:`dates`, and bare years ("from 1967 to 1979"): where an excerpt
    aligns a date, a bare year there is one."""
    found = list(dates(text))
    for m in _YEAR.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), (int(m.group()), 0, None)))
    return sorted(found)


def region(pairs: dict[int, int], low: int, high: int, length: int) -> tuple[int, int] | None:
    """The sentence's words that stand where the excerpt's value words [low, high) stand."""
    before = [b for a, b in pairs.items() if low - ANCHOR_WORDS <= a < low]
    inside = [b for a, b in pairs.items() if low <= a < high]
    after = [b for a, b in pairs.items() if high <= a < high + ANCHOR_WORDS]
    start = max(before) + 1 if before else (min(inside) if inside else None)
    end = min(after) if after else (max(inside) + 1 if inside else None)
    if start is None and end is None:
        return None
    width = high - low + 2
    if start is None:
        start = max(0, (end or 0) - width)
    if end is None or end <= start:
        end = min(length, start + width)
    return (start, end) if start < end else None


def read_value(prose: str, kind: str, start: int, end: int) -> tuple[int, int, Value | Date] | None:
    """The first value of the type that overlaps the region [start, end) of the prose."""
    found = all_dates(prose)
    if kind == "date":
        inside = [d for d in found if d[0] < end and start < d[1]]
        return inside[0] if inside else None
    taken = [(s, e) for s, e, _ in found]
    for s, e, number in numbers(prose, taken):
        if s < end and start < e:
            return s, e, number
    return None
