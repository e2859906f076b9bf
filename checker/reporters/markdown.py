"""Render a Report as Markdown, for a pull-request comment or a file in `reports/`.

Every text the report takes from the input (values, names, messages, titles, file names) goes
through one function, :func:`md`, which shows it and lets it do nothing else: no link, image,
HTML, mention or new line (:func:`checker.runtime.escape.markdown`). A diff is shown in a code
fence, where nothing acts, each line escaped as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.compare.report import VALUE_KINDS, Finding, Report, Timeline
from checker.reporters.table import summary_line, topic, topic_of, written
from checker.runtime.escape import markdown as md
from checker.runtime.escape import markdown_output, text

_NONE = "—"


def _cell(value: str | None) -> str:
    """A table cell: escaped, since a pipe would end the cell and a newline the row."""
    if value is None or value == "":
        return _NONE
    return md(value)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str | None]]) -> list[str]:
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---" for _ in headers) + " |",
    ]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _fence(block: str, info: str) -> list[str]:
    # Inside a fence nothing is markup, but a control character would still reach a terminal.
    lines = [text(line) for line in block.split("\n")] if block else []
    # A fence longer than any run of backticks in the text, so that the text cannot close it.
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{info}", *lines, fence, ""]


def _claims(finding: Finding) -> list[str]:
    headers = ["Source", "Value", "Normalized", "Attributed to", "As of", "Role", "File"]
    rows = [
        [
            claim.source,
            written(claim.value) + (" (hedged)" if claim.hedged else ""),
            claim.normalized,
            claim.attributed_to,
            claim.as_of,
            claim.role,
            f"{claim.file}:{claim.line}",
        ]
        for claim in finding.claims
    ]
    return _table(headers, rows)


def _best_supported(finding: Finding) -> list[str]:
    best = finding.best_supported
    if best is None:
        if finding.kind in VALUE_KINDS:
            return ["**Best supported:** none, the evidence is balanced.", ""]
        return []
    sources = "source" if best.independent_sources == 1 else "sources"
    lines = [
        f"**Best supported:** {md(best.normalized)} "
        f"({best.independent_sources} independent {sources})",
        "",
    ]
    if best.reasons:
        lines += [*(f"- {md(reason)}" for reason in best.reasons), ""]
    return lines


def _finding(finding: Finding) -> list[str]:
    lines = [
        f"### {finding.kind} ({finding.severity.label}): {md(topic(finding))}",
        "",
        md(finding.message, starts_line=True),
        "",
    ]
    if finding.hedged:
        lines += [
            "Severity lowered by one: every claim holding one of the disagreeing values is hedged.",
            "",
        ]
    lines += [f"Fingerprint: `{finding.fingerprint}`", ""]
    lines += _claims(finding)
    if finding.sides:
        lines += ["Sides:", ""]
        lines += [f"- {md(side)}: {md(', '.join(sources))}" for side, sources in finding.sides]
        lines.append("")
    lines += _best_supported(finding)
    if finding.resolutions:
        lines += ["Relative dates:", ""]
        lines += [f"- {md(resolution)}" for resolution in finding.resolutions]
        lines.append("")
    if finding.diff is not None:
        lines += _fence(finding.diff, "diff")
    return lines


def _timeline(timeline: Timeline) -> list[str]:
    rows = [
        [point.as_of or "unstated", point.normalized, ", ".join(point.sources)]
        for point in timeline.points
    ]
    heading = f"### {md(topic_of(timeline.subject, timeline.property))}"
    return [heading, "", *_table(["As of", "Value", "Sources"], rows)]


def _sections(report: Report) -> list[str]:
    lines = ["## Findings", ""]
    for finding in report.findings:
        lines += _finding(finding)
    if not report.findings:
        lines += ["None.", ""]

    lines += ["## Corroborated", ""]
    rows: list[list[str | None]] = [
        [c.subject, c.property, c.normalized, ", ".join(c.sources), str(c.independent_sources)]
        for c in report.corroborated
    ]
    headers = ["Subject", "Property", "Value", "Sources", "Independent sources"]
    lines += _table(headers, rows) if rows else ["None.", ""]

    lines += ["## Single-source facts", ""]
    rows = [
        [s.subject, s.property, s.normalized, ", ".join(s.sources)] for s in report.single_source
    ]
    lines += _table(headers[:4], rows) if rows else ["None.", ""]

    lines += ["## Timelines", ""]
    for timeline in report.timelines:
        lines += _timeline(timeline)
    if not report.timelines:
        lines += ["None.", ""]
    return lines


def _coverage(report: Report) -> list[str]:
    """For a draft check: what was read and checked, and each item that could not be."""
    coverage = report.coverage
    if coverage is None:
        return []
    lines = [coverage.summary() + ("." if not coverage.unchecked else ":"), ""]
    lines += [
        f"- line {u.line}:{u.column}, {u.what} “{md(u.text)}”: {md(u.why)}"
        for u in coverage.unchecked
    ]
    return [*lines, ""] if coverage.unchecked else lines


class MarkdownReporter:
    """`--format markdown`: headings and tables that read well on GitHub; no timestamps, so
    that a committed report diffs cleanly."""

    name = "markdown"

    def render(self, report: Report) -> str:
        title = report.title or report.case
        lines = [f"# Discrepancy report: {md(title)}" if title else "# Discrepancy report", ""]
        lines += [summary_line(report) + ".", ""]
        lines += _coverage(report)
        lines += ["## Sources", ""]
        rows = [[s.id, s.outlet, s.published, s.kind] for s in report.sources]
        lines += _table(["Source", "Outlet", "Published", "Kind"], rows) if rows else ["None.", ""]
        lines += _sections(report)
        return markdown_output("\n".join(lines).rstrip("\n") + "\n")
