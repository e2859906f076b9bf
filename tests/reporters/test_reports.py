"""The shipped reports in reports/ are what the documented command produces today.

Regenerate them with the command in the README (or set CHECKER_UPDATE_REPORTS=1 and run this
test), then review the diff like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.claims.schemas import schema
from checker.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
CASE = "claims/pasadena-ice-mou"
REPORTS = ROOT / "reports" / "pasadena-ice-mou"
COMMAND = ["report", CASE, "--out", "reports/pasadena-ice-mou"]
#: What the command writes; the browser test in test_html.py adds the screenshots.
WRITTEN = ("index.html", "report.md", "report.json")
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are absent")
def test_shipped_reports_are_up_to_date(at_root: Path, tmp_path: Path) -> None:
    if os.environ.get("CHECKER_UPDATE_REPORTS"):
        assert main(COMMAND) == 0
    fresh = [str(tmp_path) if arg == "reports/pasadena-ice-mou" else arg for arg in COMMAND]
    assert main(fresh) == 0
    for name in WRITTEN:
        assert (tmp_path / name).read_text(encoding="utf-8") == (REPORTS / name).read_text(
            encoding="utf-8"
        ), f"reports/pasadena-ice-mou/{name} is stale: regenerate it (see the README)"


def test_shipped_json_report_follows_its_schema() -> None:
    document = json.loads((REPORTS / "report.json").read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema("report")).iter_errors(document), key=str)
    assert errors == []
