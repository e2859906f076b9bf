"""Render a Report as plain-text tables for a terminal 100 columns wide (no colour codes).

Also home of the small phrasing helpers the Markdown reporter shares: the summary line, a
finding's topic and a value as written.

Every cell and every line below the table passes through :func:`_wrap` or :func:`_indented`,
which escape it as plain text (:mod:`checker.runtime.escape`): an input's newline shows as
``\\n`` and cannot start a line. Text the report itself spreads over lines (the values of a
finding, the lines of a diff) reaches them as a sequence of lines.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from tabulate import tabulate

from checker.compare.report import VALUE_KINDS, Finding, Report
from checker.runtime.escape import text, text_output

#: Every line of the table report fits in this many columns.
WIDTH = 100
#: tabulate's "simple" format joins cells with two spaces and pads each header by two.
_GAP = 2
_INDENT = "    "

#: A cell or a block: one line of text, or the report's own lines, each of which may wrap.
Lines = str | Sequence[str]


def _lines(block: Lines) -> list[str]:
    """Each line escaped as plain text, so that an input's newline stays inside its line; the
    empty string is no line at all."""
    lines = ([block] if block else []) if isinstance(block, str) else block
    return [text(line) for line in lines]


def plural(n: int, word: str) -> str:
    # "info" is a mass noun: "2 info", not "2 infos".
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def summary_line(report: Report) -> str:
    """`3 errors, 5 warnings, 2 info in 5 sources`."""
    counts = report.count_by_severity()
    parts = [plural(counts.get(label, 0), label) for label in ("error", "warning", "info")]
    return f"{', '.join(parts)} in {plural(len(report.sources), 'source')}"


def topic_of(subject: str | None, prop: str | None) -> str:
    """`subject · property`, or what there is of it."""
    return " · ".join(part for part in (subject, prop) if part is not None)


def topic(finding: Finding) -> str:
    """A finding's `subject · property`; its sources for a finding about neither."""
    return topic_of(finding.subject, finding.property) or ", ".join(finding.sources)


def written(value: Any) -> str:
    """A value as the claim file writes it, in YAML flow style (`{approx: 50}`, `true`); the
    parts of a split quote are joined with ` / `."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {written(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return " / ".join(written(item) for item in value)
    return str(value)


class _Wrapper(textwrap.TextWrapper):
    """A wrapper that, where it may break words at hyphens, may also break them after `_` and
    `/`: snake_case property ids and date ranges then wrap at their joints, not mid-word."""

    def _split(self, text: str) -> list[str]:
        chunks = super()._split(text)
        if not self.break_on_hyphens:
            return chunks
        return [piece for chunk in chunks for piece in re.split(r"(?<=[_/])", chunk) if piece]


def _wrap(cell: Lines, width: int) -> str:
    lines: list[str] = []
    for paragraph in _lines(cell) or [""]:
        # Ids are hyphenated: keep them whole unless one is too long for the column.
        whole = all(len(word) <= width for word in paragraph.split())
        wrapper = _Wrapper(width, break_on_hyphens=not whole)
        lines.extend(wrapper.wrap(paragraph) or [""])
    return "\n".join(lines)


def _indented(block: Lines, indent: str = _INDENT) -> list[str]:
    """Wrap ``block`` to the report width below a heading, keeping each line's own indent."""
    out: list[str] = []
    for line in _lines(block):
        stripped = line.lstrip(" ")
        lead = indent + line[: len(line) - len(stripped)]
        out.extend(
            textwrap.wrap(
                stripped,
                WIDTH,
                initial_indent=lead,
                subsequent_indent=lead + "  ",
                break_on_hyphens=False,
            )
            or [lead.rstrip()]
        )
    return out


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[Lines]], fixed: Sequence[int | None]
) -> str:
    """A "simple" table exactly as wide as the report, its cells wrapped to their columns."""
    widths = _fit(headers, fixed)
    wrapped = [[_wrap(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    return tabulate(wrapped, headers=list(headers), tablefmt="simple", disable_numparse=True)


def _fit(headers: Sequence[str], fixed: Sequence[int | None]) -> list[int]:
    """Column widths: the ``fixed`` ones as given, the rest of the report width shared equally
    among the columns given as None."""
    free = [i for i, width in enumerate(fixed) if width is None]
    room = WIDTH - _GAP * (len(fixed) - 1) - sum(width or 0 for width in fixed)
    widths = [room // len(free) if width is None else width for width in fixed]
    # tabulate pads every header by _GAP: a column is never narrower than that.
    assert all(w >= len(h) + _GAP for h, w in zip(headers, widths, strict=True)), widths
    return widths


def _values(finding: Finding) -> list[str]:
    by_value: dict[str, list[str]] = {}
    for claim in finding.claims:
        # A name's normalized form is the entity it resolved to, already the subject.
        value = written(claim.value) if claim.kind == "name" else claim.normalized
        sources = by_value.setdefault(value, [])
        if claim.source not in sources:
            sources.append(claim.source)
    return [f"{value} ({', '.join(sources)})" for value, sources in by_value.items()]


def _best(finding: Finding) -> str:
    best = finding.best_supported
    if best is not None:
        return f"{best.normalized} ({plural(best.independent_sources, 'source')})"
    return "balanced" if finding.kind in VALUE_KINDS else ""


def _findings(report: Report) -> list[str]:
    # A long kind wraps at its hyphens ("contested-" / "assertion") to leave room for values.
    fixed = [10, 14, 20, None, 16]
    rows: list[list[Lines]] = [
        [f.severity.label, f.kind, topic(f), _values(f), _best(f)] for f in report.findings
    ]
    headers = ["severity", "kind", "subject · property", "values (sources)", "best supported"]
    lines = [_table(headers, rows, fixed), ""]
    for finding in report.findings:
        lines.extend(_indented(f"{finding.severity.label} {finding.kind}: {topic(finding)}", ""))
        lines.extend(_indented(finding.message))
        if finding.hedged:
            lines.extend(_indented("severity lowered: the disagreeing claims are all hedged"))
        best = finding.best_supported
        if best is not None:
            reasons = f" ({'; '.join(best.reasons)})" if best.reasons else ""
            lines.extend(_indented(f"best supported: {best.normalized}{reasons}"))
        elif finding.kind in VALUE_KINDS:
            lines.extend(_indented("best supported: none, the evidence is balanced"))
        for side, sources in finding.sides:
            lines.extend(_indented(f"side {side}: {', '.join(sources)}"))
        for resolution in finding.resolutions:
            lines.extend(_indented(f"resolved: {resolution}"))
        if finding.diff is not None:
            lines.extend(_indented("diff:"))
            lines.extend(_indented(finding.diff.split("\n"), _INDENT * 2))
        lines.append("")
    return lines


#: The terminal shows at most this many corroborated, single-source and timeline facts each;
#: a large case's thousands of agreeing facts belong in the JSON, Markdown or HTML report.
SECTION_LIMIT = 40


def _more(shown: int, total: int, what: str) -> list[str]:
    if total <= shown:
        return [""]
    return [
        f"... and {total - shown:,} more {what} (all of them: --format json, markdown or html)",
        "",
    ]


def _others(report: Report) -> list[str]:
    lines: list[str] = []
    if report.corroborated:
        rows = [
            [
                topic_of(c.subject, c.property),
                c.normalized,
                ", ".join(c.sources),
                str(c.independent_sources),
            ]
            for c in report.corroborated[:SECTION_LIMIT]
        ]
        headers = ["corroborated", "value", "sources", "independent"]
        lines += [_table(headers, rows, [None, None, None, 13])]
        lines += _more(len(rows), len(report.corroborated), "corroborated facts")
    if report.single_source:
        rows = [
            [topic_of(s.subject, s.property), s.normalized, ", ".join(s.sources)]
            for s in report.single_source[:SECTION_LIMIT]
        ]
        lines += [_table(["single source", "value", "sources"], rows, [None] * 3)]
        lines += _more(len(rows), len(report.single_source), "single-source facts")
    if report.timelines:
        shown = report.timelines[:SECTION_LIMIT]
        rows = [
            [
                topic_of(t.subject, t.property) if i == 0 else "",
                p.as_of or "unstated",
                p.normalized,
                ", ".join(p.sources),
            ]
            for t in shown
            for i, p in enumerate(t.points)
        ]
        headers = ["timeline", "as of", "value", "sources"]
        lines += [_table(headers, rows, [None, 21, None, None])]
        lines += _more(len(shown), len(report.timelines), "timelines")
    return lines


class TableReporter:
    """`--format table` (the default): for reading in a terminal."""

    name = "table"

    def render(self, report: Report) -> str:
        lines = _findings(report) if report.findings else [_no_findings(report), ""]
        lines += _others(report)
        lines.append(summary_line(report))
        lines += coverage_lines(report)
        return text_output("\n".join(lines) + "\n")


def _no_findings(report: Report) -> str:
    # A draft check says how much it read: "no findings" of a draft it could not read is no
    # assurance at all.
    if report.coverage is None:
        return "No findings."
    return "No findings in what could be checked (see below)."


#: Unchecked items a terminal report lists; the JSON report lists every one.
COVERAGE_LINES = 20


def coverage_lines(report: Report) -> list[str]:
    """For a draft check: what was read and checked, and each item that could not be."""
    coverage = report.coverage
    if coverage is None:
        return []
    lines = _indented(coverage.summary() + ("" if not coverage.unchecked else ":"), indent="")
    for item in coverage.unchecked[:COVERAGE_LINES]:
        lines += _indented(f"{item.line}:{item.column} {item.what} “{item.text}”: {item.why}")
    if len(coverage.unchecked) > COVERAGE_LINES:
        rest = len(coverage.unchecked) - COVERAGE_LINES
        lines.append(f"    and {rest:,} more (--format json lists every one)")
    return lines
