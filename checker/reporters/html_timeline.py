"""The timeline of the HTML report: one lane per dated fact (subject · property), each on its
own time axis, drawn at two widths (`html_lanes`, `html_lane_draw`), with a caption and the
values as a table.

Lanes of facts with findings, and series, are shown first; the rest are folded into
`<details>` groups, and past `MAX_LANES` only counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.compare.report import Report
from checker.reporters.html_lane_draw import draw
from checker.reporters.html_lanes import Lane, build_lane, rows, who
from checker.reporters.html_status import FactStatus
from checker.reporters.html_style import esc, icon, state_icon
from checker.reporters.html_svg import NARROW, WIDE, iso

SHOWN_LANES = 30
GROUP_LANES = 25
MAX_LANES = 200


def _table(lane: Lane) -> str:
    body = []
    for item in lane.items:
        value = item.value
        when = value.normalized if lane.kind == "dates" else value.as_of or "unstated"
        body.append(
            f"<tr><td>{esc(value.normalized)}</td>"
            f"<td>{state_icon(lane.status.state(value), visible=True)}</td>"
            f"<td>{esc(who(value))}</td><td>{esc(when)}</td>"
            f"<td><code>{esc(f'{value.file}:{value.line}')}</code></td></tr>"
        )
    return (
        '<details><summary>The values as a table</summary><div class="scroll"><table>'
        '<thead><tr><th scope="col">Value</th><th scope="col">State</th>'
        '<th scope="col">Source</th><th scope="col">When</th><th scope="col">Claim</th></tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div></details>"
    )


def _caption(lane: Lane) -> str:
    parts = []
    resolved: dict[str, list[str]] = {}
    for value in lane.status.fact.values:
        if value.resolution:
            by = (
                f"{value.attributed_to} per {value.source}" if value.attributed_to else value.source
            )
            resolved.setdefault(value.resolution, []).append(by)
    for resolution, sayers in resolved.items():
        parts.append(
            f'<p class="cap">{icon("i-relative")} Relative date: {esc(resolution)} '
            f"({esc('; '.join(sayers))})</p>"
        )
    counts = {v: len(items) for v, items in rows(lane)}
    summary = "; ".join(f"{value}: {n} claim{'s' if n != 1 else ''}" for value, n in counts.items())
    parts.append(f'<p class="cap">{esc(summary)}</p>')
    return "".join(parts)


def render_lane(lane: Lane, number: int, card_ids: Mapping[int, str]) -> str:
    status = lane.status
    links = "".join(
        f' <a class="badge kind" href="#{card_ids[index]}">{esc(finding.kind)}</a>'
        for index, finding in status.findings
    )
    kind = {"dates": "dates", "series": "a series over time", "spans": "values over time"}
    return (
        f'<section class="lane" aria-labelledby="lane-{number}">'
        f'<h3 id="lane-{number}">{esc(status.topic)}{links} '
        f'<span class="note">({kind[lane.kind]})</span></h3>'
        f"{draw(lane, WIDE)}{draw(lane, NARROW)}{_caption(lane)}{_table(lane)}</section>"
    )


def render_timeline(
    report: Report, statuses: Sequence[FactStatus], card_ids: Mapping[int, str]
) -> str:
    """The timeline section's content (below its heading)."""
    lanes = [lane for s in statuses if (lane := build_lane(s, report.events)) is not None]
    if not lanes:
        return "<p>No dated facts.</p>"
    series = {(t.subject, t.property) for t in report.timelines}
    first = [
        lane
        for lane in lanes
        if lane.status.findings or (lane.status.fact.subject, lane.status.fact.property) in series
    ]
    rest = [lane for lane in lanes if lane not in first]
    first.sort(key=lambda lane: (lane.start, lane.status.topic))
    rest.sort(key=lambda lane: (lane.start, lane.status.topic))
    shown, folded = first[:SHOWN_LANES], first[SHOWN_LANES:] + rest
    dropped = max(len(shown) + len(folded) - MAX_LANES, 0)
    folded = folded[: len(folded) - dropped]
    parts = [
        '<p class="note">One lane per dated fact, each on its own time axis. Hover a mark or '
        "open a lane's table for each claim's source and line.</p>",
        '<ul class="legend" aria-label="Legend of the timeline">'
        + "".join(
            f"<li>{state_icon(s, visible=True)}</li>"
            for s in ("best", "agree", "conflict", "disputed", "single")
        )
        + f"<li>{icon('i-relative')} relative date, resolved</li></ul>",
    ]
    number = 0
    for lane in shown:
        number += 1
        parts.append(render_lane(lane, number, card_ids))
    for start in range(0, len(folded), GROUP_LANES):
        group = folded[start : start + GROUP_LANES]
        years = f"{iso(group[0].start)[:4]}\N{EN DASH}{iso(group[-1].start)[:4]}"
        lanes_html = []
        for lane in group:
            number += 1
            lanes_html.append(render_lane(lane, number, card_ids))
        first_n, last_n = start + 1, start + len(group)
        label = f"{'More dated' if shown else 'Dated'} facts {first_n}\N{EN DASH}{last_n} "
        parts.append(
            f"<details><summary>{esc(label)}of {len(folded)} ({years})</summary>"
            + "".join(lanes_html)
            + "</details>"
        )
    if dropped:
        parts.append(
            f'<p class="note">{dropped} more dated facts are not drawn; the agreement matrix '
            "lists every fact.</p>"
        )
    return "\n".join(parts)
