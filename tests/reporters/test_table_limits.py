"""The terminal table keeps large cases readable: long lists of agreeing facts are cut short."""

from __future__ import annotations

from checker.compare.report import Corroborated, Report
from checker.reporters.table import SECTION_LIMIT, TableReporter


def test_long_lists_are_cut_with_a_count_of_the_rest() -> None:
    corroborated = tuple(
        Corroborated(f"subject-{i:03d}", "staff", str(i), ("a", "b"), 2)
        for i in range(SECTION_LIMIT + 7)
    )
    text = TableReporter().render(Report("c", None, (), (), corroborated, (), ()))
    assert f"subject-{SECTION_LIMIT - 1:03d}" in text
    assert f"subject-{SECTION_LIMIT:03d}" not in text
    assert (
        "... and 7 more corroborated facts (all of them: --format json, markdown or html)" in text
    )
