"""Golden snapshots of every output format, on the shipped case and on a case with no findings.

When an output changes on purpose, regenerate the snapshots with
``CHECKER_UPDATE_SNAPSHOTS=1 pytest tests/reporters/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cli.app import main
from checker.reporters.dispatch import COMPARE_FORMATS, VALIDATE_FORMATS

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).parents[1] / "snapshots"
SEEDS = ROOT.parent / "shared" / "seeds"
CASES = {
    "pasadena-ice-mou": "claims/pasadena-ice-mou",
    "clean-case": "tests/data/clean-case",
}
#: Outputs that a shipped report already holds byte for byte (test_reports.py keeps it fresh):
#: that file is their snapshot, rather than a second copy of it.
SHIPPED = {
    ("pasadena-ice-mou", "compare", "html"): ROOT / "reports" / "pasadena-ice-mou" / "index.html",
    ("pasadena-ice-mou", "compare", "json"): ROOT / "reports" / "pasadena-ice-mou" / "report.json",
    ("pasadena-ice-mou", "compare", "markdown"): ROOT
    / "reports"
    / "pasadena-ice-mou"
    / "report.md",
}
RUNS = [
    (case, command, fmt)
    for case in CASES
    for command, formats in (("compare", COMPARE_FORMATS), ("validate", VALIDATE_FORMATS))
    for fmt in formats
]


@pytest.mark.parametrize(("case", "command", "fmt"), RUNS)
def test_snapshot(
    case: str,
    command: str,
    fmt: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if case == "pasadena-ice-mou" and not SEEDS.is_dir():
        pytest.skip("the seed articles (../shared/seeds) are absent")
    monkeypatch.chdir(ROOT)
    args = [command, CASES[case], "--format", fmt]
    if command == "compare":
        args += ["--fail-on", "never"]
    code = main(args)
    output = capsys.readouterr().out
    assert code == 0
    snapshot = SHIPPED.get((case, command, fmt), SNAPSHOTS / case / f"{command}.{fmt}")
    if os.environ.get("CHECKER_UPDATE_SNAPSHOTS") and (case, command, fmt) not in SHIPPED:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(output, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot {snapshot}: run with CHECKER_UPDATE_SNAPSHOTS=1"
    assert output == snapshot.read_text(encoding="utf-8")


def test_no_colour_codes_whatever_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    for variable in ("GITHUB_ACTIONS", "FORCE_COLOR", "CI", "CLICOLOR_FORCE"):
        monkeypatch.setenv(variable, "1")
    for fmt in COMPARE_FORMATS:
        main(["compare", CASES["clean-case"], "--format", fmt, "--fail-on", "never"])
        captured = capsys.readouterr()
        assert "\x1b[" not in captured.out + captured.err, fmt
    main(["compare", "--help"])
    assert "\x1b[" not in capsys.readouterr().out
