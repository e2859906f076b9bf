"""Drawing one lane of the HTML report's timeline as inline SVG: a row per value with a mark per
claim (dates and spans), or a series of counts over time, with tooltips and the lane's axis."""

from __future__ import annotations

from collections.abc import Sequence

from checker.reporters.html_lanes import ROW_SOURCES, Item, Lane, rows, who
from checker.reporters.html_style import STATES, esc
from checker.reporters.html_svg import Layout, Placer, TimeScale, clip, ordinal
from checker.reporters.html_svg import axis as draw_axis
from checker.reporters.html_svg import text as svg_text

_ICON = 14
_WORDS = {"best": "best supported", "conflict": "conflict", "disputed": "disputed"}


def _tooltip(lane: Lane, item: Item) -> str:
    value = item.value
    state = STATES[lane.status.state(value)][1]
    parts = [f"{who(value)}: {value.normalized} ({state})"]
    if value.as_of:
        parts.append(f"as of {value.as_of}")
    if value.resolution:
        parts.append(f"resolved: {value.resolution}")
    parts.append(f"{value.file}:{value.line}")
    return "; ".join(parts)


def _mark(
    lane: Lane, items: Sequence[Item], scale: TimeScale, y: float
) -> tuple[str, float, float]:
    """The mark of the claims that hold one value over one span, at row height ``y``, its
    tooltip naming each: (svg, leftmost x, rightmost x)."""
    item = items[0]
    state = lane.status.worst(i.value for i in items)
    # One tooltip line per claim; each escaped alone, so that only these newlines are raw.
    title = f"<title>{chr(10).join(esc(_tooltip(lane, i)) for i in items)}</title>"
    if not item.placed:  # always, or unstated: the whole width, faintly
        return "", scale.left, scale.right
    first = item.first if item.first is not None else scale.start
    last = item.last + 1 if item.last is not None else scale.end
    x0, x1 = scale.x(first), scale.x(last)
    half = _ICON / 2
    shape = (
        f'<use href="#{STATES[state][0]}" x="{{x:.0f}}" y="{y - half:.0f}" '
        f'width="{_ICON}" height="{_ICON}"/>'
    )
    bounded = item.first is not None and item.last is not None
    if bounded and (item.first == item.last or x1 - x0 < _ICON):
        centre = (x0 + x1) / 2
        body = shape.format(x=centre - half)
        return f'<g class="m-{state}">{title}{body}</g>', centre - half, centre + half
    arrow = ""
    if item.last is None:
        arrow += f'<path d="M{x1:.0f} {y:.0f}l-7 -5v10z"/>'
    if item.first is None:
        arrow += f'<path d="M{x0:.0f} {y:.0f}l7 -5v10z"/>'
    bar = (
        f'<rect class="bar m-{state}" x="{x0:.0f}" y="{y - 5:.0f}" '
        f'width="{max(x1 - x0, 2):.0f}" height="10" rx="2"/>'
    )
    # The state's mark stands just before the bar, so that the bar's start stays visible.
    body = bar + arrow + shape.format(x=x0 - _ICON - 1)
    return f'<g class="m-{state}">{title}{body}</g>', x0 - _ICON - 1, x1


def _row_lines(lane: Lane, value: str, items: list[Item]) -> list[tuple[str, str]]:
    state = lane.status.worst(i.value for i in items)
    head = value + (f" {lane.status.fact.unit}" if lane.status.fact.unit else "")
    if state in _WORDS:
        head += f" — {_WORDS[state]}"
    lines = [(head, "t-strong")]
    whos = []
    for item in items:
        said = who(item.value)
        if not item.placed:
            said += " (always)" if item.value.as_of == "always" else " (time unstated)"
        if said not in whos:
            whos.append(said)
    lines += [(who, "t-muted") for who in whos[:ROW_SOURCES]]
    if len(whos) > ROW_SOURCES:
        lines.append((f"and {len(whos) - ROW_SOURCES} more", "t-muted"))
    return lines


def _gantt(lane: Lane, layout: Layout) -> str:
    """A dates or spans lane: a row per value, marks at their times, labels beside them."""
    line = layout.line
    events_h = line + 6 if lane.events else 0.0
    placed = [i for i in lane.items if i.placed]
    scale = TimeScale.around(
        lane.days,
        layout.margin + _ICON,
        layout.width - layout.margin - _ICON,
        any(i.first is None for i in placed),
        any(i.last is None for i in placed),
    )
    body: list[str] = []
    y = events_h + 6
    anchors: dict[str, tuple[float, float]] = {}
    for value, items in rows(lane):
        lines = _row_lines(lane, value, items)
        mid = y + line * 0.5
        spans: dict[tuple[int | None, int | None, bool], list[Item]] = {}
        for item in items:
            spans.setdefault((item.first, item.last, item.placed), []).append(item)
        marks = [_mark(lane, group, scale, mid) for group in spans.values()]
        lo = min(m[1] for m in marks)
        hi = max(m[2] for m in marks)
        width = max(layout.text_width(t, css == "t-strong") for t, css in lines)
        room = layout.width - layout.margin
        if hi + 8 + width <= room:
            x, anchor, start = hi + 8, "start", 0
        elif lo - 8 - width >= layout.margin:
            x, anchor, start = lo - 8, "end", 0
        else:
            x, anchor, start = float(layout.margin), "start", 1
        if any(not i.placed for i in items):
            body.append(
                f'<rect class="bar m-{lane.status.worst(i.value for i in items)}" '
                f'x="{scale.left:.0f}" y="{mid - 2:.0f}" width="{scale.right - scale.left:.0f}" '
                'height="4" stroke-dasharray="4 3"/>'
            )
        body += [m[0] for m in marks]
        for n, (content, css) in enumerate(lines):
            shown = clip(content, layout, room - x) if anchor == "start" else content
            body.append(svg_text(x, y + line * (n + start) + line * 0.75, shown, css, anchor))
        for item in items:
            if item.value.resolution and item.first is not None:
                anchors[item.value.resolution] = (scale.x(item.first + 0.5), mid)
        y += line * (len(lines) + start) + 10
    bottom = y
    overlay = []
    for event in lane.events:
        ex = scale.x(ordinal(event.days[0] or "") + 0.5)
        overlay.append(
            f"<g><title>{esc(event.name)} ({esc(event.days[0] or '')})</title>"
            f'<line class="event" x1="{ex:.0f}" y1="{line:.0f}" x2="{ex:.0f}" y2="{bottom:.0f}"/>'
            + svg_text(ex, line * 0.8, f"{event.id} {event.days[0]}", "event-label", "middle")
            + "</g>"
        )
        for resolution, (mx, my) in sorted(anchors.items()):
            if f"{event.id} (" in resolution:
                overlay.append(
                    f'<path class="link" d="M{ex:.0f} {my:.0f}H{mx - _ICON / 2 - 2:.0f}"/>'
                )
    height = bottom + 8 + line * 1.4
    return _svg(layout, height, [*overlay, draw_axis(scale, layout, events_h, bottom + 4), *body])


def _series(lane: Lane, layout: Layout) -> str:
    """A time-varying number: points at when each value holds, joined in time order."""
    line = layout.line
    placed = [i for i in lane.items if i.placed]
    sources = {i.value.source for i in lane.items}
    head = f"source: {next(iter(sources))}" if len(sources) == 1 else ""
    top = line * 1.2 if head else 4.0
    chart_top, chart_bottom = top + line * 1.6, top + line * 1.6 + 110
    left = layout.margin + layout.text_width("0000000") + 6
    scale = TimeScale.around(
        lane.days,
        left + _ICON,
        layout.width - layout.margin - _ICON,
        any(i.first is None for i in placed),
        any(i.last is None for i in placed),
    )
    numbers = [b for i in lane.items if i.value.number for b in i.value.number if b is not None]
    low = min([0.0, *numbers]) if min(numbers) >= 0 else min(numbers)
    high = max(numbers) if max(numbers) > low else low + 1

    def y_of(number: float) -> float:
        return chart_bottom - (number - low) / (high - low) * (chart_bottom - chart_top)

    body = [svg_text(layout.margin, line, head, "t-muted")] if head else []
    for number in (low, (low + high) / 2, high):
        y = y_of(number)
        body.append(
            f'<line class="grid" x1="{left:.0f}" y1="{y:.0f}" x2="{scale.right:.0f}" y2="{y:.0f}"/>'
        )
        body.append(svg_text(left - 4, y + layout.font * 0.35, f"{number:,.0f}", "t-muted", "end"))
    points = []
    for item in placed:
        bounds = [b for b in item.value.number or () if b is not None]
        first = item.first if item.first is not None else scale.start
        last = item.last + 1 if item.last is not None else scale.end
        points.append(((scale.x(first) + scale.x(last)) / 2, y_of(sum(bounds) / len(bounds)), item))
    points.sort(key=lambda p: (p[0], p[1]))
    if len(points) > 1:
        path = " ".join(f"{x:.0f},{y:.0f}" for x, y, _ in points)
        body.append(f'<polyline class="series" points="{path}"/>')
    placer = Placer(layout, 0.0, chart_bottom + 4, [])
    for x, y, item in points:
        state = lane.status.state(item.value)
        first = item.first if item.first is not None else scale.start
        last = item.last + 1 if item.last is not None else scale.end
        x0, x1 = scale.x(first), scale.x(last)
        placer.boxes.append((x - _ICON / 2, y - _ICON / 2, x + _ICON / 2, y + _ICON / 2))
        body.append(
            f'<g class="m-{state}"><title>{esc(_tooltip(lane, item))}</title>'
            f'<line class="bar" x1="{x0:.0f}" y1="{y:.0f}" x2="{x1:.0f}" y2="{y:.0f}" '
            f'stroke-width="2"/><use href="#{STATES[state][0]}" x="{x - _ICON / 2:.0f}" '
            f'y="{y - _ICON / 2:.0f}" width="{_ICON}" height="{_ICON}"/></g>'
        )
    for x, y, item in points:
        label = item.value.normalized if head else f"{item.value.normalized} · {item.value.source}"
        width = layout.text_width(label, True)
        lx, ly, anchor = placer.place(x, y, width, line)
        body.append(svg_text(lx, ly, label, "t-strong", anchor))
    bottom = chart_bottom + 6
    height = bottom + 8 + line * 1.4
    return _svg(layout, height, [draw_axis(scale, layout, chart_top, bottom), *body])


def _svg(layout: Layout, height: float, parts: Sequence[str]) -> str:
    return (
        f'<svg class="chart {layout.name}" viewBox="0 0 {layout.width} {height:.0f}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">'
        + "".join(parts)
        + "</svg>"
    )


def draw(lane: Lane, layout: Layout) -> str:
    """The lane's SVG at one layout's width."""
    return _series(lane, layout) if lane.kind == "series" else _gantt(lane, layout)
