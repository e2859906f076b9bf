"""The agreement matrix of the HTML report: sources as columns, facts as rows, each cell that
source's value marked best supported, agrees, conflict, disputed, single source or absent.

A large case stays usable: at most `MAX_COLUMNS` sources are columns (those most involved in
findings; the rest are named in a note), facts with findings come first, and the rest are
folded into `<details>` groups of `GROUP_ROWS` rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from checker.compare.report import FactValue, Report
from checker.reporters.html_status import STATE_OF_KIND, FactStatus
from checker.reporters.html_style import esc, state_icon
from checker.reporters.table import plural

MAX_COLUMNS = 12
GROUP_ROWS = 100
#: Up to this many facts, every row is shown unfolded.
OPEN_ROWS = 40
#: Claims shown in one cell; the rest are counted.
CELL_VALUES = 4


def _columns(report: Report, statuses: Sequence[FactStatus]) -> tuple[list[str], list[str]]:
    """The sources shown as columns, and those left out (most involved in findings first)."""
    ids = sorted({s.id for s in report.sources})
    if len(ids) <= MAX_COLUMNS:
        return ids, []
    in_findings: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    for finding in report.findings:
        in_findings.update({c.source for c in finding.claims})
    for status in statuses:
        claims.update(v.source for v in status.fact.values)
    ranked = sorted(ids, key=lambda s: (-in_findings[s], -claims[s], s))
    shown = set(ranked[:MAX_COLUMNS])
    return [s for s in ids if s in shown], [s for s in ids if s not in shown]


def _who(value: FactValue) -> str:
    parts = []
    if value.attributed_to:
        parts.append(f"per {value.attributed_to}")
    if value.as_of:
        parts.append("always" if value.as_of == "always" else f"as of {value.as_of}")
    if value.resolution:
        parts.append("relative date")
    if value.hedged:
        parts.append("hedged")
    return "; ".join(parts)


def _cell(status: FactStatus, values: list[FactValue] | None, unit: str | None) -> str:
    if not values:
        # The dash is drawn by the style sheet: a large matrix is mostly absent cells.
        return '<td class="na"><span class="sr-only">absent</span></td>'
    # Claims that read the same (one source saying a thing twice) are one line.
    lines: dict[tuple[str, str, str], int] = {}
    for value in values:
        key = (status.state(value), value.normalized, _who(value))
        lines[key] = lines.get(key, 0) + 1
    out = []
    for (state, normalized, who), count in list(lines.items())[:CELL_VALUES]:
        shown = normalized + (f" {unit}" if unit else "")
        notes = [who] if who else []
        if count > 1:
            notes.append(f"{count} claims")
        extra = f' <span class="who">{esc("; ".join(notes))}</span>' if notes else ""
        out.append(f'<div class="v">{state_icon(state)}<span>{esc(shown)}{extra}</span></div>')
    if len(lines) > CELL_VALUES:
        out.append(f'<div class="v who">and {len(lines) - CELL_VALUES} more</div>')
    return f'<td class="c-{status.worst(values)}">{"".join(out)}</td>'


def _finding_note(status: FactStatus, card_ids: Mapping[int, str]) -> str:
    """Below the fact's name: its findings, linked to their cards, or how many carry it."""
    if status.findings:
        links = []
        for index, finding in status.findings:
            state = STATE_OF_KIND.get(finding.kind)
            mark = state_icon(state, said=False) if state else ""
            links.append(f'<a href="#{card_ids[index]}">{mark}{esc(finding.kind)}</a>')
        return f'<span class="help">{" ".join(links)}</span>'
    if len(status.sources) >= 2:
        return f'<span class="help">{state_icon("agree", said=False)}agree</span>'
    return f'<span class="help">{state_icon("single", said=False)}single source</span>'


def _table(
    caption: str,
    rows: Sequence[FactStatus],
    columns: Sequence[str],
    card_ids: Mapping[int, str],
) -> str:
    head = "".join(f'<th scope="col">{esc(source)}</th>' for source in columns)
    body = []
    for status in rows:
        by_source = status.by_source()
        cells = "".join(_cell(status, by_source.get(s), status.fact.unit) for s in columns)
        css = ' class="has-finding"' if status.findings else ""
        body.append(
            f'<tr{css}><th scope="row">{esc(status.topic)}'
            f"{_finding_note(status, card_ids)}</th>{cells}</tr>"
        )
    return (
        f'<div class="scroll" role="region" tabindex="0" aria-label="{esc(caption)}">'
        f'<table class="matrix"><caption>{esc(caption)}</caption>'
        f'<thead><tr><th scope="col">Fact (subject · property) and finding</th>'
        f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _groups(
    title: str,
    rows: Sequence[FactStatus],
    columns: Sequence[str],
    card_ids: Mapping[int, str],
    open_first: bool,
) -> list[str]:
    out = []
    for start in range(0, len(rows), GROUP_ROWS):
        chunk = rows[start : start + GROUP_ROWS]
        span = f"{start + 1}\N{EN DASH}{start + len(chunk)} of {len(rows)}"
        if len(rows) <= GROUP_ROWS:
            span = plural(len(rows), "fact")
        caption = f"{title}, {span}" if len(rows) > GROUP_ROWS else title
        table = _table(caption, chunk, columns, card_ids)
        if open_first and start == 0:
            out.append(table)
        else:
            out.append(f"<details><summary>{esc(title)}: {esc(span)}</summary>{table}</details>")
    return out


LEGEND = (
    '<ul class="legend" aria-label="Legend of the matrix">'
    + "".join(
        f"<li>{state_icon(state, visible=True)}</li>"
        for state in ("best", "agree", "conflict", "disputed", "single", "absent")
    )
    + "</ul>"
)


def render_matrix(
    report: Report, statuses: Sequence[FactStatus], card_ids: Mapping[int, str]
) -> str:
    """The matrix section's content (below its heading)."""
    if not statuses:
        return "<p>No facts to compare.</p>"
    columns, left_out = _columns(report, statuses)
    parts = [
        '<p class="note">Each cell is what one source says about a fact, with its state; '
        "a cell with several claims (several speakers, or values at different times) lists "
        "each. Facts with findings come first.</p>",
        LEGEND,
    ]
    if left_out:
        parts.append(
            f'<p class="note">{len(columns)} of {len(columns) + len(left_out)} sources are '
            "shown as columns (those most involved in findings); every finding card lists all "
            "of its sources.</p>"
            f"<details><summary>The {len(left_out)} sources not shown as columns</summary>"
            f'<p class="mono">{esc(", ".join(left_out))}</p></details>'
        )
    with_findings = [s for s in statuses if s.findings]
    shared = [s for s in statuses if not s.findings and len(s.sources) >= 2]
    single = [s for s in statuses if not s.findings and len(s.sources) < 2]
    small = len(statuses) <= OPEN_ROWS
    if with_findings:
        parts += _groups("Facts with findings", with_findings, columns, card_ids, True)
    if shared:
        title = "Facts that several sources carry, in agreement"
        parts += _groups(title, shared, columns, card_ids, small)
    if single:
        parts += _groups("Facts that one source carries", single, columns, card_ids, small)
    return "\n".join(parts)
