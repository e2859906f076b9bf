"""Render a Report as one self-contained HTML5 page: a summary, a timeline, an agreement
matrix and a card per finding.

The page makes no network request: styles and icons are inline and there is no script
(`<details>` folds what a large case would make too long, and needs no script to open from
the keyboard). Its Content-Security-Policy holds it to that, and every text taken from the
input is escaped (`esc`); a source's URL is a link only if it is an http or https one. It
reads on a phone (the charts are drawn at two widths and the style sheet shows the one that
fits) and prints. Output is deterministic: no timestamps, sorted input.
"""

from __future__ import annotations

from collections import Counter

import checker
from checker.compare.report import KIND_HELP, Report
from checker.reporters.html_cards import render_cards
from checker.reporters.html_matrix import render_matrix
from checker.reporters.html_status import FactStatus, fact_statuses
from checker.reporters.html_style import (
    SPRITE,
    content_security_policy,
    esc,
    icon,
    severity_badge,
    style_sheet,
)
from checker.reporters.html_timeline import render_timeline
from checker.reporters.table import plural, summary_line
from checker.runtime.escape import html_href, markup_output

_SECTIONS = (
    ("summary", "Summary"),
    ("timeline", "Timeline"),
    ("matrix", "Agreement matrix"),
    ("findings", "Findings"),
)


def _tiles(report: Report) -> str:
    counts = report.count_by_severity()
    tiles = "".join(
        f'<li class="tile-{label}"><span class="n">{counts.get(label, 0)}</span>'
        f"{icon({'error': 'i-error', 'warning': 'i-warning', 'info': 'i-info'}[label])} "
        f"{esc(plural(counts.get(label, 0), label).split(' ', 1)[1])}</li>"
        for label in ("error", "warning", "info")
    )
    return f'<ul class="tiles" aria-label="Findings by severity">{tiles}</ul>'


def _coverage(report: Report) -> str:
    """For a draft check: what was read and checked, and each item that could not be."""
    coverage = report.coverage
    if coverage is None:
        return ""
    items = "".join(
        f"<li>line {u.line}:{u.column}, {esc(u.what)} “{esc(u.text)}”: {esc(u.why)}</li>"
        for u in coverage.unchecked
    )
    listed = f"<details><summary>Not checked</summary><ul>{items}</ul></details>" if items else ""
    return f'<p class="lede">{esc(coverage.summary())}.</p>{listed}'


def _kinds(report: Report) -> str:
    by_kind = report.count_by_kind()
    if not by_kind:
        return "<p>No findings.</p>"
    severities: dict[str, Counter[str]] = {kind: Counter() for kind in by_kind}
    for finding in report.findings:
        severities[finding.kind][finding.severity.label] += 1
    rows = "".join(
        f'<tr><th scope="row">{esc(kind)}<span class="help">{esc(KIND_HELP.get(kind, ""))}'
        f"</span></th><td>{count}</td>"
        f"<td>{' '.join(severity_badge(s) for s in sorted(severities[kind]))}</td></tr>"
        for kind, count in by_kind.items()
    )
    return (
        '<div class="scroll"><table class="kinds"><caption>Findings by kind</caption><thead><tr>'
        '<th scope="col">Kind</th><th scope="col">Findings</th><th scope="col">Severity</th>'
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _facts_line(report: Report, statuses: list[FactStatus]) -> str:
    with_findings = sum(1 for s in statuses if s.findings)
    parts = [
        plural(len(report.facts), "fact"),
        f"{with_findings} with findings",
        f"{len(report.corroborated)} corroborated",
        f"{len(report.single_source)} from a single source",
        f"{len(report.timelines)} series of values over time",
    ]
    return f"<p>{esc(', '.join(parts))}.</p>"


def _sources(report: Report) -> str:
    if not report.sources:
        return "<p>No sources.</p>"
    rows = []
    for source in report.sources:
        link = esc(source.title) if source.title else ""
        if source.url:
            href = html_href(source.url)
            name = esc(source.title or source.url)
            if href is not None:
                link = f'<a href="{href}" rel="noreferrer">{name}</a>'
            else:
                # Not a web page (javascript:, data:, file:): shown, never followed.
                link = f"{link} <code>{esc(source.url)}</code>" if link else name
        about = " · ".join(part for part in (source.outlet, source.kind) if part)
        rows.append(
            f'<tr><th scope="row">{esc(source.id)}<span class="help">{esc(about)}</span>'
            f"</th><td>{esc(source.published or '—')}</td>"
            f'<td>{link or "—"}<span class="help"><code>{esc(source.file)}</code></span>'
            "</td></tr>"
        )
    return (
        '<div class="scroll"><table class="sources"><caption>Sources: outlet and kind below '
        "each id; the claim file below each title</caption><thead><tr>"
        '<th scope="col">Source</th><th scope="col">Published</th>'
        f'<th scope="col">Title and link</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div>"
    )


def _section(key: str, title: str, content: str) -> str:
    return (
        f'<section id="{key}" aria-labelledby="{key}-h">'
        f'<h2 id="{key}-h">{esc(title)}</h2>{content}</section>'
    )


class HtmlReporter:
    """`--format html`: one self-contained page for people to read, on screen or on paper."""

    name = "html"

    def render(self, report: Report) -> str:
        title = report.title or report.case or "Discrepancy report"
        statuses = fact_statuses(report)
        card_ids = {i: f"finding-{i + 1}" for i in range(len(report.findings))}
        summary = (
            _tiles(report)
            + _kinds(report)
            + _facts_line(report, statuses)
            + "<h3>Sources</h3>"
            + _sources(report)
        )
        sections = {
            "summary": summary,
            "timeline": render_timeline(report, statuses, card_ids),
            "matrix": render_matrix(report, statuses, card_ids),
            "findings": render_cards(report.findings, card_ids),
        }
        nav = "".join(f'<li><a href="#{key}">{esc(name)}</a></li>' for key, name in _SECTIONS)
        case = f" · case <code>{esc(report.case)}</code>" if report.case else ""
        style = style_sheet()
        policy = content_security_policy(style)
        page = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            # Before the style sheet: a policy given in a page governs only what follows it.
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light">',
            f"<title>{esc(title)} · discrepancy report</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#main">Skip to the report</a>',
            SPRITE,
            '<header class="site"><div class="wrap">',
            '<p class="eyebrow">Discrepancy report</p>',
            f"<h1>{esc(title)}</h1>",
            f'<p class="lede">{esc(summary_line(report))}.</p>',
            *filter(None, [_coverage(report)]),
            f'<nav aria-label="Sections"><ul>{nav}</ul></nav>',
            "</div></header>",
            '<main id="main" tabindex="-1"><div class="wrap">',
            *(_section(key, name, sections[key]) for key, name in _SECTIONS),
            "</div></main>",
            '<footer class="site-footer"><div class="wrap">',
            f"<p>Made by checker {esc(checker.__version__)} from "
            f"{esc(plural(len(report.sources), 'source'))}{case}.</p>",
            "</div></footer>",
            "</body>",
            "</html>",
        ]
        return markup_output("\n".join(page) + "\n")
