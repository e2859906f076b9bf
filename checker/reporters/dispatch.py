"""Which formats each command writes, and rendering a result in any of them by name."""

from __future__ import annotations

from checker.claims.outcome import Validation
from checker.compare.report import Report
from checker.gate.annotations import finding_rules, from_problems, from_report, problem_rules
from checker.reporters import CI_FORMATS, get_ci_format, get_reporter
from checker.reporters.problems import render_problems

VALIDATE_FORMATS = ("text", "json", *CI_FORMATS)
COMPARE_FORMATS = ("table", "json", "markdown", "html", *CI_FORMATS)


def render_validation(name: str, result: Validation) -> str:
    if name in CI_FORMATS:
        annotations = from_problems(result.problems)
        return get_ci_format(name).render(annotations, problem_rules(), "validate")
    return render_problems(result, name)


def render_report(name: str, report: Report) -> str:
    if name in CI_FORMATS:
        notes = coverage_notes(report)
        ci_format = get_ci_format(name)
        return ci_format.render(from_report(report), finding_rules(), "compare", notes)
    return get_reporter(name).render(report)


def coverage_notes(report: Report) -> list[str]:
    """A draft check's coverage as note lines: what was read and checked, then each item that
    could not be, with its place in the draft."""
    coverage = report.coverage
    if coverage is None:
        return []
    return [coverage.summary()] + [
        f"{coverage.draft}:{u.line}:{u.column}: {u.what} “{u.text}”: {u.why}"
        for u in coverage.unchecked
    ]
