"""Coverage: every draft check says what it read and what it could check, item by item, in
every format; "no findings" is never said without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.claims.validation import validate
from checker.cli.app import main
from checker.compare.report import Unchecked
from checker.prose.draftcheck import check_draft
from tests.conftest import CaseWriter

DRAFT = (
    "The MOU was signed on Nov. 15, 2016, by Phillip Sanchez.\n"
    "\n"
    "About 40 people came to the meeting on March 3, 2020.\n"
    "\n"
    "“We will not work with ICE,” said Steve Mermell.\n"
)


@pytest.fixture
def folder(write_case: CaseWriter) -> Path:
    return write_case(
        {
            "a": {
                "source": {"text": "a.txt"},
                "claims": [
                    {
                        "subject": "mou",
                        "property": "signed_on",
                        "value": "2016-11-15",
                        "evidence": "The MOU was signed on Nov. 15, 2016",
                    }
                ],
            }
        },
        texts={"a.txt": "The MOU was signed on Nov. 15, 2016, in Pasadena.\n"},
    )


def test_what_was_read_and_what_could_not_be_checked(folder: Path) -> None:
    report = check_draft(DRAFT, "draft.md", validate([folder]))
    assert report.findings != () and {f.kind for f in report.findings} == {"unverified-quote"}
    coverage = report.coverage
    assert coverage is not None
    assert (coverage.dates, coverage.numbers, coverage.quotations) == (2, 1, 1)
    assert (coverage.checked_quotations, coverage.statements, coverage.checked_facts) == (0, 1, 1)
    assert coverage.unchecked == (
        Unchecked(3, 1, "number", "About 40", "not tied to a fact of the case"),
        Unchecked(3, 40, "date", "March 3, 2020", "not tied to a fact of the case"),
        Unchecked(5, 1, "quotation", "We will not work with ICE,", "in none of the sources"),
    )
    assert coverage.summary() == (
        "read 2 dates, 1 number, 1 statement, 1 quotation; checked 1 fact and 0 quotations; "
        "3 not checked"
    )


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main(args)
    return capsys.readouterr().out


def test_a_draft_with_nothing_wrong_says_what_no_findings_covers(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The MOU was signed on Nov. 15, 2016, in Pasadena.\n", encoding="utf-8")
    out = run(["check-draft", str(draft), "-a", str(folder)], capsys)
    assert out == (
        "No findings in what could be checked (see below).\n"
        "\n"
        "0 errors, 0 warnings, 0 info in 1 source\n"
        "read 1 date, 0 numbers, 1 statement, 0 quotations; checked 1 fact and 0 quotations; "
        "0 not checked\n"
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("json", None),
        ("github", "::notice title=checker compare::read 2 dates"),
        ("sarif", "toolExecutionNotifications"),
        ("junit", "<system-out>read 2 dates"),
        ("markdown", "- line 3:40, date “March 3, 2020”: not tied to a fact of the case"),
        ("html", "<li>line 3:40, date “March 3, 2020”: not tied to a fact of the case</li>"),
    ],
)
def test_every_format_carries_the_coverage(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, expected: str
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = run(["check-draft", str(draft), "-a", str(folder), "-f", fmt, "--fail-on", "never"],
              capsys)  # fmt: skip
    if fmt == "json":
        coverage = json.loads(out)["coverage"]
        assert coverage["read"] == {"dates": 2, "numbers": 1, "statements": 1, "quotations": 1}
        assert coverage["checked"] == {"facts": 1, "quotations": 0}
        assert coverage["unchecked"][1] == {
            "line": 3,
            "column": 40,
            "what": "date",
            "text": "March 3, 2020",
            "why": "not tied to a fact of the case",
        }
    else:
        assert expected in out
    if fmt == "junit":
        assert 'failures="1"' in out  # the unverified quote; the coverage fails nothing


def test_compare_reports_carry_no_coverage(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "coverage" not in json.loads(run(["compare", str(folder), "-f", "json"], capsys))
