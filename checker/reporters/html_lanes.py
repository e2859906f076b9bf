"""One lane of the HTML report's timeline: the claims of one fact placed on a time axis
(:mod:`checker.reporters.html_lane_draw` draws it as inline SVG).

A date fact's lane has a row per value, each source's claim a mark at its date (a bar for a
span) labelled with the source; conflicting values get the conflict colour and mark, the
best-supported value the star. Relative dates are drawn where they resolve, linked to the
event they count from. A time-varying number (the 287(g) counts) is a series; other
time-varying facts are bars over when each value holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.compare.report import Event, FactValue
from checker.reporters.html_status import FactStatus
from checker.reporters.html_svg import ordinal

#: Source lines under one value; the rest are counted.
ROW_SOURCES = 4


@dataclass(frozen=True)
class Item:
    """One claim on the time axis: first and last day (None: open), or no time at all."""

    value: FactValue
    first: int | None
    last: int | None
    placed: bool


@dataclass(frozen=True)
class Lane:
    status: FactStatus
    kind: str  # "dates", "series" or "spans"
    items: tuple[Item, ...]
    events: tuple[Event, ...]

    @property
    def days(self) -> list[int]:
        out = [d for i in self.items for d in (i.first, i.last) if d is not None]
        return out + [ordinal(e.days[0]) for e in self.events if e.days[0]]

    @property
    def start(self) -> int:
        return min(self.days)


def _item(value: FactValue, span: tuple[str | None, str | None] | None) -> Item:
    if span is None:
        return Item(value, None, None, False)
    first, last = (ordinal(day) if day else None for day in span)
    return Item(value, first, last, True)


def build_lane(status: FactStatus, events: Sequence[Event]) -> Lane | None:
    """The lane of a fact, or None where nothing about it has a date."""
    fact = status.fact
    if fact.type == "date":
        kind, items = "dates", [_item(v, v.days) for v in fact.values]
    elif fact.time_varying:
        numbers = fact.type == "number" and all(v.number for v in fact.values)
        kind, items = ("series" if numbers else "spans"), [_item(v, v.when) for v in fact.values]
    else:
        return None
    if not any(i.first is not None or i.last is not None for i in items):
        return None
    resolutions = " ".join(v.resolution or "" for v in fact.values)
    used = tuple(e for e in events if e.days[0] and f"{e.id} (" in resolutions)
    return Lane(status, kind, tuple(items), used)


def who(value: FactValue) -> str:
    who = f"{value.attributed_to} per {value.source}" if value.attributed_to else value.source
    if value.resolution:
        who += " (relative date)"
    if value.hedged:
        who += " (hedged)"
    return who


def rows(lane: Lane) -> list[tuple[str, list[Item]]]:
    by_value: dict[str, list[Item]] = {}
    for item in lane.items:
        by_value.setdefault(item.value.normalized, []).append(item)

    def first_day(value: str) -> tuple[int, str]:
        days = [i.first or i.last or 0 for i in by_value[value] if i.placed]
        return (min(days) if days else 0, value)

    return [(value, by_value[value]) for value in sorted(by_value, key=first_day)]
