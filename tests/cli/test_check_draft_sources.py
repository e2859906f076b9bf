"""check-draft against some of a case's sources: a ``based_on`` naming a source left out is a
note, not a refusal; every other invalid input still refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.app import main
from tests.conftest import CaseWriter


def case_citing(write_case: CaseWriter) -> Path:
    return write_case(
        {
            "wire": {
                "claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-15"}]
            },
            "paper": {
                "source": {"based_on": ["wire"]},
                "claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-15"}],
            },
        }
    )


def test_a_cited_source_left_out_is_a_note(
    write_case: CaseWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = case_citing(write_case)
    draft = tmp_path / "draft.md"
    draft.write_text("The agreement was signed in 2016.\n", encoding="utf-8")
    code = main(["check-draft", str(draft), "-a", str(folder / "paper.yaml"), "-f", "json"])
    err = capsys.readouterr().err
    assert (code, err) == (
        0,
        "checker: 1 based_on reference to sources not given (wire): sources citing one still "
        "count once\n",
    )


def test_other_invalid_input_still_refuses(
    write_case: CaseWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = case_citing(write_case)
    paper = folder / "paper.yaml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("2016-11-15", "2016-13-45"))
    draft = tmp_path / "draft.md"
    draft.write_text("The agreement was signed in 2016.\n", encoding="utf-8")
    assert main(["check-draft", str(draft), "-a", str(paper)]) == 2
    assert capsys.readouterr().err.endswith("checker: 1 invalid file; nothing was checked\n")
