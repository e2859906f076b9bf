"""Validation spread across processes says exactly what one process says."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.validation import Options, validate
from tests.conftest import CaseWriter


def busy_case(write_case: CaseWriter) -> Path:
    """Problems of every cross-file kind: a duplicate source id, based_on a missing source,
    a name variant, a bad value, and plenty of good files between them."""
    sources: dict[str, dict[str, object]] = {
        f"s{i:02d}": {"claims": [{"subject": "ICE", "property": "agencies", "value": i}]}
        for i in range(30)
    }
    sources["s03"]["source"] = {"based_on": ["s99"]}
    sources["s07"]["claims"] = [{"subject": "Immigration Customs Enforcement",
                                 "property": "agencies", "value": 7}]  # fmt: skip
    sources["s11"]["claims"] = [{"subject": "ICE", "property": "signed_on", "value": "2016-13"}]
    folder = write_case(sources)
    (folder / "zz-duplicate.yaml").write_text("format: claims/1\nsource: {id: s05}\n")
    return folder


def test_parallel_validation_reports_the_same_problems(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = busy_case(write_case)
    monkeypatch.setenv("CHECKER_JOBS", "1")
    serial = validate([folder], Options(), keep_models=False)
    monkeypatch.setenv("CHECKER_JOBS", "2")
    parallel = validate([folder], Options(), keep_models=False)
    assert parallel.problems == serial.problems
    assert [(p.code, Path(p.file).name, p.line) for p in serial.problems] == [
        ("based-on", "s03.yaml", 9),
        ("name-variant", "s07.yaml", 3),
        ("value", "s11.yaml", 5),
        ("duplicate-id", "zz-duplicate.yaml", 2),
    ]
    assert serial.problems[-1].message.startswith("source id 's05' is already used by ")
