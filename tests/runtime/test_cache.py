"""The run cache: a warm run gives the same answer, and any changed byte makes it recompute."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.outcome import Options
from checker.cli.app import main
from checker.compare.runs import comparison_run, validation_run
from checker.runtime import cache
from tests.conftest import CaseWriter


def signed_case(write_case: CaseWriter, date: str = "2016-11-16") -> Path:
    return write_case(
        {
            "a": {
                "source": {"text": "a.txt"},
                "claims": [
                    {
                        "subject": "mou",
                        "property": "signed_on",
                        "value": "2016-11-15",
                        "evidence": "signed on Nov. 15",
                    }
                ],
            },
            "b": {"claims": [{"subject": "mou", "property": "signed_on", "value": date}]},
        },
        texts={"a.txt": "The MOU was signed on Nov. 15.\n"},
    )


def test_warm_run_is_served_from_the_cache(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    _, cold = comparison_run([folder], Options())
    assert len(list(own_cache.glob("*.pickle"))) == 1
    _, warm = comparison_run([folder], Options())
    assert warm == cold
    assert [f.kind for f in warm.findings if warm] == ["conflict"]


def test_a_changed_claim_file_is_recomputed(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    comparison_run([folder], Options())
    signed_case(write_case, date="2016-11-15")  # b now agrees
    _, report = comparison_run([folder], Options())
    assert report is not None and report.findings == ()


def test_a_changed_source_text_is_recomputed(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    result, _ = comparison_run([folder], Options())
    assert result.errors == []
    (folder / "a.txt").write_text("The MOU was signed in November.\n", encoding="utf-8")
    result, report = comparison_run([folder], Options())
    assert [p.code for p in result.errors] == ["evidence-not-found"]
    assert report is not None and "evidence-not-found" in [f.kind for f in report.findings]


def test_options_are_part_of_the_key(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    (folder / "a.txt").unlink()
    assert [p.severity.label for p in validation_run([folder], Options()).problems] == ["warning"]
    strict = validation_run([folder], Options(require_text=True))
    assert [p.severity.label for p in strict.problems] == ["error"]


def test_a_damaged_entry_is_a_miss(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    comparison_run([folder], Options())
    for entry in own_cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    _, report = comparison_run([folder], Options())
    assert report is not None and [f.kind for f in report.findings] == ["conflict"]


def test_the_cache_can_be_turned_off(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    folder = signed_case(write_case)
    assert main(["compare", str(folder)]) == 1
    assert not own_cache.exists()
    capsys.readouterr()


def test_key_covers_every_input_byte(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("x: 1\n")
    first = cache.run_key("compare", [file], [Options()])
    file.write_text("x: 2\n")
    assert cache.run_key("compare", [file], [Options()]) != first
    assert cache.run_key("validate", [file], [Options()]) != cache.run_key(
        "compare", [file], [Options()]
    )


def test_validate_reads_again_only_the_files_that_changed(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One changed file of three is the only one checked again, and the answer is the one a run
    without the cache gives, the checks across files (a duplicate source id) included."""
    from checker.claims import validation

    folder = write_case(
        {
            "a": {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-15"}]},
            "b": {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-16"}]},
            "c": {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-17"}]},
        }
    )
    monkeypatch.setenv("CHECKER_JOBS", "1")
    checked: list[str] = []
    real = validation._check_file

    def spy(path: Path) -> validation._FileOutcome:
        checked.append(path.name)
        return real(path)

    monkeypatch.setattr(validation, "_check_file", spy)
    first = validation_run([folder], Options())
    assert sorted(checked) == ["a.yaml", "b.yaml", "c.yaml"]
    assert len(list((own_cache / cache.FILES).glob("*.pickle"))) == 3

    (folder / "b.yaml").write_text(
        "format: claims/1\nsource: {id: a}\n"  # now a second source 'a': an error across files
        "claims:\n  - {subject: mou, property: signed_on, value: 2016-13-01}\n"
    )
    checked.clear()
    second = validation_run([folder], Options())
    assert checked == ["b.yaml"]
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    assert second.problems == validation_run([folder], Options()).problems
    assert [(p.code, Path(p.file).name, p.line) for p in second.problems] == [
        ("duplicate-id", "b.yaml", 2),
        ("value", "b.yaml", 4),
    ]
    assert first.problems == ()


def test_a_file_whose_source_text_changed_is_read_again(
    write_case: CaseWriter, own_cache: Path
) -> None:
    folder = signed_case(write_case)
    assert validation_run([folder], Options()).problems == ()
    (folder / "a.txt").write_text("The MOU was signed in November.\n")
    problems = validation_run([folder], Options()).problems  # a.yaml's own entry is stale too
    assert [(p.code, Path(p.file).name) for p in problems] == [("evidence-not-found", "a.yaml")]


def test_the_case_file_is_part_of_each_file_key(write_case: CaseWriter, own_cache: Path) -> None:
    folder = signed_case(write_case)
    assert validation_run([folder], Options()).problems == ()
    case_file = folder / "case.yaml"
    case_file.write_text(case_file.read_text().replace("signed_on", "dated_on"))
    codes = {p.code for p in validation_run([folder], Options()).problems}
    assert "unknown-property" in codes


def test_a_run_reads_each_input_once_for_its_keys(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A validate run hashes its inputs for its own key and, on a miss, for each file's key:
    each file is read once all the same."""
    from collections import Counter

    folder = signed_case(write_case)
    validation_run([folder], Options())
    (folder / "b.yaml").write_text((folder / "b.yaml").read_text() + "# edited\n")
    reads: Counter[str] = Counter()
    real = cache._hash

    def counted(path: Path) -> str:
        reads[path.name] += 1
        return real(path)

    monkeypatch.setattr(cache, "_hash", counted)
    validation_run([folder], Options())
    assert reads == {"case.yaml": 1, "a.yaml": 1, "b.yaml": 1, "a.txt": 1}
