"""A sentence is read as a claim's statement only where it is about the claim's subject: the
same words said of another declared entity are no reading of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.validation import validate
from checker.prose.draftcheck import check_draft
from tests.conftest import CaseWriter

EVIDENCE = "ICE has such agreements with about 50 law enforcement agencies"


@pytest.fixture
def folder(write_case: CaseWriter) -> Path:
    return write_case(
        {
            "a": {
                "source": {"text": "a.txt"},
                "claims": [
                    {"subject": "ice", "property": "agencies", "value": {"approx": 50},
                     "evidence": EVIDENCE}
                ],
            }
        },
        texts={"a.txt": EVIDENCE + ", officials said.\n"},
    )  # fmt: skip


def findings(folder: Path, draft: str) -> list[tuple[str, str | None, str | None, int, int]]:
    report = check_draft(draft, "draft.md", validate([folder]))
    return [
        (f.kind, f.subject, f.property, f.location.line, f.location.column)
        for f in report.findings
        if f.location is not None
    ]


def test_the_same_words_of_the_claim_s_subject_are_compared(folder: Path) -> None:
    draft = "ICE has such agreements with about 90 law enforcement agencies.\n"
    assert findings(folder, draft) == [("contradicted", "ice", "agencies", 1, 30)]


def test_the_same_words_of_another_entity_are_not_its_reading(folder: Path) -> None:
    draft = "NDLON has such agreements with about 90 law enforcement agencies.\n"
    assert findings(folder, draft) == []
