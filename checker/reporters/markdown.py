"""Render a Report as Markdown, for a pull-request comment or a file in `reports/`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.compare.report import VALUE_KINDS, Finding, Report, Timeline
from checker.reporters.table import summary_line, topic, topic_of, written

_NONE = "—"


def _cell(text: str | None) -> str:
    """A table cell: a pipe would end the cell and a newline the row."""
    if text is None or text == "":
        return _NONE
    return " ".join(text.splitlines()).replace("|", "\\|")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str | None]]) -> list[str]:
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---" for _ in headers) + " |",
    ]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _fence(text: str, info: str) -> list[str]:
    # A fence longer than any run of backticks in the text, so that the text cannot close it.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{info}", *text.splitlines(), fence, ""]


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
        f"**Best supported:** {best.normalized} ({best.independent_sources} independent {sources})",
        "",
    ]
    if best.reasons:
        lines += [*(f"- {reason}" for reason in best.reasons), ""]
    return lines


def _finding(finding: Finding) -> list[str]:
    lines = [
        f"### {finding.kind} ({finding.severity.label}): {topic(finding)}",
        "",
        finding.message,
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
        lines += [f"- {side}: {', '.join(sources)}" for side, sources in finding.sides]
        lines.append("")
    lines += _best_supported(finding)
    if finding.resolutions:
        lines += ["Relative dates:", ""]
        lines += [f"- {resolution}" for resolution in finding.resolutions]
        lines.append("")
    if finding.diff is not None:
        lines += _fence(finding.diff, "diff")
    return lines


def _timeline(timeline: Timeline) -> list[str]:
    rows = [
        [point.as_of or "unstated", point.normalized, ", ".join(point.sources)]
        for point in timeline.points
    ]
    heading = f"### {topic_of(timeline.subject, timeline.property)}"
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


class MarkdownReporter:
    """`--format markdown`: headings and tables that read well on GitHub; no timestamps, so
    that a committed report diffs cleanly."""

    name = "markdown"

    def render(self, report: Report) -> str:
        title = report.title or report.case
        lines = [f"# Discrepancy report: {title}" if title else "# Discrepancy report", ""]
        lines += [summary_line(report) + ".", ""]
        lines += ["## Sources", ""]
        rows = [[s.id, s.outlet, s.published, s.kind] for s in report.sources]
        lines += _table(["Source", "Outlet", "Published", "Kind"], rows) if rows else ["None.", ""]
        lines += _sections(report)
        return "\n".join(lines).rstrip("\n") + "\n"
