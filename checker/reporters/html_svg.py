"""Drawing helpers for the HTML report's inline SVG: layouts, a time scale with calendar
ticks, text measured without a browser, and label placement that avoids overlaps."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from checker.reporters.html_style import esc

# Calendar steps for axis ticks, finest first: (count, unit).
_STEPS = (
    (1, "d"), (2, "d"), (7, "d"), (14, "d"), (1, "m"), (2, "m"), (3, "m"), (6, "m"),
    (1, "y"), (2, "y"), (5, "y"), (10, "y"), (20, "y"), (50, "y"), (100, "y"), (200, "y"),
    (500, "y"), (1000, "y"), (2000, "y"), (5000, "y"),
)  # fmt: skip
_UNIT_DAYS = {"d": 1.0, "m": 30.44, "y": 365.25}


@dataclass(frozen=True)
class Layout:
    """One rendering width. Each chart is drawn twice, wide and narrow, and the style sheet
    shows the one that fits the screen: a single drawing scaled to a phone would shrink its
    text below reading size."""

    name: str
    width: int
    font: float
    max_ticks: int
    margin: int = 12

    @property
    def line(self) -> float:
        return self.font * 1.35

    def text_width(self, text: str, bold: bool = False) -> float:
        """An upper estimate of ``text``'s width: no font metrics are at hand, so err wide."""
        return len(text) * self.font * (0.64 if bold else 0.6)


WIDE = Layout("wide", 960, 13, 8)
NARROW = Layout("narrow", 340, 12, 3, 8)


def ordinal(iso: str) -> int:
    return datetime.date.fromisoformat(iso).toordinal()


def iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


@dataclass(frozen=True)
class TimeScale:
    """Days ``start`` to ``end`` (ordinals, end exclusive) onto x from ``left`` to ``right``."""

    start: int
    end: int
    left: float
    right: float

    def x(self, day: float) -> float:
        return self.left + (day - self.start) / (self.end - self.start) * (self.right - self.left)

    @classmethod
    def around(
        cls, days: Sequence[int], left: float, right: float, open_left: bool, open_right: bool
    ) -> TimeScale:
        """A scale padded around ``days``, with room to show where an open span runs off."""
        low, high = min(days), max(days) + 1
        pad = max((high - low) * 0.06, 2.0)
        run = max((high - low) * 0.25, 20.0)
        start = int(low - pad - (run if open_left else 0))
        end = int(high + pad + (run if open_right else 0)) + 1
        # Within the calendar: ordinals run from 1 (0001-01-01) to 9999-12-31.
        start, end = max(start, 1), min(end, datetime.date.max.toordinal())
        return cls(start, max(end, start + 1), left, right)


def _step(start: int, end: int, max_ticks: int) -> tuple[int, str]:
    for count, unit in _STEPS:
        if (end - start) / (count * _UNIT_DAYS[unit]) <= max_ticks:
            return count, unit
    return _STEPS[-1]


def ticks(scale: TimeScale, max_ticks: int) -> list[tuple[int, str]]:
    """Calendar ticks within the scale: (day, label), at most ``max_ticks`` of them."""
    count, unit = _step(scale.start, scale.end, max_ticks)
    first = datetime.date.fromordinal(scale.start)
    out: list[tuple[int, str]] = []
    if unit == "d":
        start = first.toordinal()
        if count >= 7:  # weeks start on Mondays
            start += -first.weekday() % 7
        for tick in range(start, scale.end, count):
            out.append((tick, datetime.date.fromordinal(tick).isoformat()))
    elif unit == "m":
        index = first.year * 12 + first.month - 1 + (first.day > 1)
        index += -index % count
        while index // 12 <= datetime.MAXYEAR:
            day = datetime.date(index // 12, index % 12 + 1, 1)
            if day.toordinal() >= scale.end:
                break
            out.append((day.toordinal(), day.isoformat()[:7]))
            index += count
    else:
        year = first.year + (first.timetuple().tm_yday > 1)
        year += -year % count
        while year <= datetime.MAXYEAR and datetime.date(year, 1, 1).toordinal() < scale.end:
            out.append((datetime.date(year, 1, 1).toordinal(), str(year)))
            year += count
    return out


def axis(scale: TimeScale, layout: Layout, top: float, bottom: float) -> str:
    """Grid lines from ``top`` down, and the axis line with tick labels at ``bottom``."""
    parts = [
        f'<line class="axis" x1="{scale.left:.0f}" y1="{bottom:.0f}" '
        f'x2="{scale.right:.0f}" y2="{bottom:.0f}"/>'
    ]
    for day, label in ticks(scale, layout.max_ticks):
        x = scale.x(day)
        width = layout.text_width(label)
        anchor = "middle"
        if x - width / 2 < 0:
            anchor = "start"
        elif x + width / 2 > layout.width:
            anchor = "end"
        parts.append(
            f'<line class="grid" x1="{x:.0f}" y1="{top:.0f}" x2="{x:.0f}" y2="{bottom:.0f}"/>'
            f'<line class="axis" x1="{x:.0f}" y1="{bottom:.0f}" '
            f'x2="{x:.0f}" y2="{bottom + 4:.0f}"/>'
            f'<text class="t-muted" x="{x:.0f}" y="{bottom + 4 + layout.line:.0f}" '
            f'text-anchor="{anchor}">{esc(label)}</text>'
        )
    return "".join(parts)


def text(x: float, y: float, content: str, css: str = "", anchor: str = "start") -> str:
    klass = f' class="{css}"' if css else ""
    align = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text{klass} x="{x:.0f}" y="{y:.0f}"{align}>{esc(content)}</text>'


def clip(content: str, layout: Layout, room: float) -> str:
    """``content`` cut with an ellipsis to fit ``room``; the full text is in the caption."""
    if layout.text_width(content) <= room:
        return content
    keep = max(int(room / (layout.font * 0.6)) - 1, 1)
    return content[:keep] + "…"


@dataclass
class Placer:
    """Places label boxes where they overlap neither each other nor the chart's edges."""

    layout: Layout
    top: float
    bottom: float
    boxes: list[tuple[float, float, float, float]]

    def free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        if x0 < 0 or x1 > self.layout.width or y0 < self.top or y1 > self.bottom:
            return False
        return all(x1 <= a or b <= x0 or y1 <= c or d <= y0 for a, c, b, d in self.boxes)

    def place(self, x: float, y: float, width: float, height: float) -> tuple[float, float, str]:
        """Where to put a label of this size near the point (x, y): (x, baseline, anchor)."""
        gap = 7.0
        candidates = (
            (x - width / 2, y - gap - height, "middle"),
            (x - width / 2, y + gap, "middle"),
            (x + gap, y - height / 2, "start"),
            (x - gap - width, y - height / 2, "end"),
            (x - width / 2, y - gap - 2 * height, "middle"),
            (x - width / 2, y + gap + height, "middle"),
        )
        for left, top, anchor in candidates:
            box = (left, top, left + width, top + height)
            if self.free(box):
                self.boxes.append(box)
                ax = {"middle": left + width / 2, "start": left, "end": left + width}[anchor]
                return ax, top + height * 0.8, anchor
        left, top, anchor = candidates[0]
        return x, top + height * 0.8, "middle"
