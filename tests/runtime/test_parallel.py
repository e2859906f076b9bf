"""Validation spread across processes says exactly what one process says."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.claims.outcome import Options
from checker.claims.validation import validate
from checker.runtime.parallel import shared_map
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


PARENT = os.getpid()


def _square(n: int) -> int:
    return n * n


def _fails_in_workers(n: int) -> int:
    if os.getpid() != PARENT:
        raise RuntimeError("a worker's bug")
    return n * n


def _dies_in_workers(n: int) -> int:
    if os.getpid() != PARENT and n == 40:
        os._exit(3)  # killed mid-run: no result, no message
    return n * n


@pytest.mark.parametrize("work", [_square, _fails_in_workers, _dies_in_workers])
def test_shared_work_comes_back_whole_and_in_order(work: Callable[[int], int]) -> None:
    done: list[int] = []
    results = shared_map(work, range(100), jobs=3, chunk=7, progress=done.append)
    assert results == [n * n for n in range(100)]
    assert sum(done) == 100  # every item counted once, whoever did it


def test_an_error_in_this_process_surfaces_as_in_a_serial_run() -> None:
    def broken(n: int) -> int:
        if n == 55:
            raise ValueError("item 55")
        return n

    with pytest.raises(ValueError, match="item 55"):
        shared_map(broken, range(60), jobs=2, chunk=5)


def test_parallel_comparison_finds_exactly_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generated case with every planted kind, compared in one process and across two, with
    the comparison's own split lowered so that this small case is spread too."""
    from benchmarks.generate import generate
    from checker.compare import comparison
    from checker.compare.engine import build_report

    case = generate(tmp_path / "corpus", sources=250, claims=20, fmt="json", seed=7)
    monkeypatch.setattr(comparison, "PARALLEL_MIN_CLAIMS", 1)
    reports = []
    for jobs in ("1", "2"):
        monkeypatch.setenv("CHECKER_JOBS", jobs)
        reports.append(build_report(validate([case], Options())))
    serial, parallel = reports
    assert parallel == serial
    expected = json.loads((tmp_path / "corpus" / "expected.json").read_text())
    found = sorted((f.kind, f.subject, f.property or "") for f in serial.findings)
    assert found == sorted((e["kind"], e["subject"], e["property"] or "") for e in expected)
    assert len(found) == 6  # one planted finding of each kind
