"""The report formats of `checker compare`: one class per format, registered by name.

Every reporter reads only the frozen `Report` and returns text; writing it is the caller's job.
(`checker.reporters.problems` renders validation problems, which are not a `Report`.)

The CI formats (SARIF, JUnit, GitHub, GitLab) read annotations instead, the one shape that both
findings and validation problems take (`checker.gate.annotations`), so they serve both commands:
``get_ci_format(name).render(from_report(report), finding_rules(), "compare")``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from checker.compare.report import Report
from checker.gate.annotations import Annotation, Rule
from checker.reporters.github import GithubFormat
from checker.reporters.gitlab import GitlabFormat
from checker.reporters.json_report import JsonReporter
from checker.reporters.junit import JunitFormat
from checker.reporters.markdown import MarkdownReporter
from checker.reporters.sarif import SarifFormat
from checker.reporters.table import TableReporter

if TYPE_CHECKING:
    from checker.reporters.html import HtmlReporter

__all__ = [
    "CI_FORMATS",
    "REPORTER_BY_NAME",
    "CiFormat",
    "GithubFormat",
    "GitlabFormat",
    "HtmlReporter",
    "JsonReporter",
    "JunitFormat",
    "MarkdownReporter",
    "ReportFormat",
    "Reporter",
    "SarifFormat",
    "TableReporter",
    "get_ci_format",
    "get_reporter",
]


F = TypeVar("F")


class Reporter(Protocol):
    """One output format: `render` turns a report into the whole text to write."""

    name: str

    def render(self, report: Report) -> str: ...


class CiFormat(Protocol):
    """One CI format: `render` turns annotations into the whole text to write.

    ``rules`` are the rules of the command that produced the annotations and ``command`` its
    name ("validate" or "compare"), which names the run or the test suites. ``notes`` are lines
    about the run that are no finding (a draft check's coverage): each format carries them
    where it keeps such things, never as a failure.
    """

    name: str

    def render(
        self,
        annotations: Sequence[Annotation],
        rules: Sequence[Rule],
        command: str,
        notes: Sequence[str] = (),
    ) -> str: ...


class ReportFormat(StrEnum):
    """The names accepted by `--format`; each maps to a reporter class or a CI format class."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"


class _HtmlOnDemand:
    """The HTML reporter, imported when a report is drawn: it is the largest module of the
    reporters, and most runs (every pre-commit hook) print a table."""

    name = "html"

    def render(self, report: Report) -> str:
        from checker.reporters.html import HtmlReporter

        return HtmlReporter().render(report)


def __getattr__(name: str) -> Any:
    if name == "HtmlReporter":
        from checker.reporters.html import HtmlReporter

        return HtmlReporter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


REPORTER_BY_NAME: dict[str, type[Reporter]] = {
    TableReporter.name: TableReporter,
    JsonReporter.name: JsonReporter,
    MarkdownReporter.name: MarkdownReporter,
    _HtmlOnDemand.name: _HtmlOnDemand,
}


def _lookup(registry: Mapping[str, type[F]], name: str, what: str) -> F:
    try:
        return registry[name]()
    except KeyError:
        known = ", ".join(registry)
        raise KeyError(f"unknown {what} '{name}'; choose one of: {known}") from None


def get_reporter(name: str) -> Reporter:
    """The reporter for a format name (a `ReportFormat` member will do); KeyError if unknown."""
    return _lookup(REPORTER_BY_NAME, name, "report format")


CI_FORMATS: dict[str, type[CiFormat]] = {
    SarifFormat.name: SarifFormat,
    JunitFormat.name: JunitFormat,
    GithubFormat.name: GithubFormat,
    GitlabFormat.name: GitlabFormat,
}


def get_ci_format(name: str) -> CiFormat:
    """The CI format for a name (a `ReportFormat` member will do); KeyError if unknown."""
    return _lookup(CI_FORMATS, name, "CI format")
