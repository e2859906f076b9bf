"""The report formats of `checker compare`: one class per format, registered by name.

Every reporter reads only the frozen `Report` and returns text; writing it is the caller's job.
(`checker.reporters.problems` renders validation problems, which are not a `Report`.)
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from checker.report import Report
from checker.reporters.json_report import JsonReporter
from checker.reporters.markdown import MarkdownReporter
from checker.reporters.table import TableReporter

__all__ = [
    "REPORTER_BY_NAME",
    "JsonReporter",
    "MarkdownReporter",
    "ReportFormat",
    "Reporter",
    "TableReporter",
    "get_reporter",
]


class Reporter(Protocol):
    """One output format: `render` turns a report into the whole text to write."""

    name: str

    def render(self, report: Report) -> str: ...


class ReportFormat(StrEnum):
    """The names accepted by `checker compare --format`; each maps to a reporter class."""

    table = "table"
    json = "json"
    markdown = "markdown"


REPORTER_BY_NAME: dict[str, type[Reporter]] = {
    TableReporter.name: TableReporter,
    JsonReporter.name: JsonReporter,
    MarkdownReporter.name: MarkdownReporter,
}


def get_reporter(name: str) -> Reporter:
    """The reporter for a format name (a `ReportFormat` member will do); KeyError if unknown."""
    try:
        reporter_class = REPORTER_BY_NAME[name]
    except KeyError:
        known = ", ".join(REPORTER_BY_NAME)
        raise KeyError(f"unknown report format '{name}'; choose one of: {known}") from None
    return reporter_class()
