"""Acceptance: every example of bad input in tests/data/problems/ gives exactly its message.

Each folder is one case run as ``checker validate .`` from inside the folder, with the extra
arguments in ``args.txt`` if present. ``expected.txt`` holds the exit code on its first line
(``exit: N``) and then the exact output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.app import main

PROBLEMS = Path(__file__).parents[1] / "data" / "problems"
CASES = sorted(p.name for p in PROBLEMS.iterdir() if p.is_dir())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_there_are_at_least_25_examples() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", CASES)
def test_example(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = PROBLEMS / name
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    exit_line, expected_output = expected[0], expected[1:]
    args_file = folder / "args.txt"
    args = args_file.read_text(encoding="utf-8").split() if args_file.exists() else []
    before = snapshot(folder)
    monkeypatch.chdir(folder)

    code = main(["validate", ".", *args])

    captured = capsys.readouterr()
    assert exit_line == f"exit: {code}"
    assert captured.out.splitlines() == expected_output
    assert captured.err == ""
    assert snapshot(folder) == before, "validate must never write to the files it reads"
