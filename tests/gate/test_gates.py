"""CI gates: baselines, per-kind severity overrides and project configuration, by exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli.app import main
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from tests.conftest import CaseWriter


def signed(value: str) -> dict[str, object]:
    return {"claims": [{"subject": "mou", "property": "signed_on", "value": value}]}


@pytest.fixture
def repo(write_case: CaseWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one case whose two sources conflict on the signing date."""
    (tmp_path / ".git").mkdir()  # the configuration search stops at the repository root
    write_case({"a": signed("2016-11-15"), "b": signed("2016-11-16")})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_baseline_accepts_known_findings_and_fails_on_new_ones(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("compare", "case", capsys=capsys)[0] == EXIT_FINDINGS
    code, _, err = run("baseline", "create", "case", "--reason", "reported", capsys=capsys)
    assert (code, err) == (EXIT_CLEAN, "checker: wrote 1 entry to .checker-baseline.json\n")
    document = json.loads((repo / ".checker-baseline.json").read_text(encoding="utf-8"))
    [(fingerprint, entry)] = document["entries"].items()
    assert entry == {
        "command": "compare",
        "kind": "conflict",
        "summary": "mou signed_on: 2016-11-15 | 2016-11-16",
        "reason": "reported",
    }
    code, out, err = run(
        "compare", "case", "--baseline", ".checker-baseline.json", "-f", "json", capsys=capsys
    )
    assert code == EXIT_CLEAN
    assert json.loads(out)["findings"] == []
    assert err == "checker: 1 finding accepted by .checker-baseline.json\n"
    # A third source repeating the accepted conflict is not new: same fingerprint.
    (repo / "case" / "c.yaml").write_text(
        "format: claims/1\nsource: {id: c}\nclaims:\n"
        "  - {subject: mou, property: signed_on, value: 2016-11-16}\n",
        encoding="utf-8",
    )
    assert run("compare", "case", "--baseline", ".checker-baseline.json", capsys=capsys)[0] == 0
    # A new conflict is.
    (repo / "case" / "c.yaml").write_text(
        "format: claims/1\nsource: {id: c}\nclaims:\n"
        "  - {subject: mou, property: signed_on, value: 2016-11-17}\n",
        encoding="utf-8",
    )
    code, _, err = run("compare", "case", "--baseline", ".checker-baseline.json", capsys=capsys)
    assert code == EXIT_FINDINGS
    assert f"stale: {fingerprint} mou signed_on: 2016-11-15 | 2016-11-16" in err


def test_baseline_update_keeps_reasons_and_drops_stale_entries(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("baseline", "create", "case", "--reason", "known", capsys=capsys)
    (repo / "case" / "b.yaml").write_text(
        "format: claims/1\nsource: {id: b}\nclaims:\n"
        "  - {subject: mou, property: signed_on, value: 2016-11-17}\n",
        encoding="utf-8",
    )
    code, _, err = run("baseline", "update", "case", capsys=capsys)
    assert (code, err) == (
        EXIT_CLEAN,
        "checker: wrote 1 entry to .checker-baseline.json (1 dropped)\n",
    )
    entries = json.loads((repo / ".checker-baseline.json").read_text())["entries"]
    assert [e["summary"] for e in entries.values()] == ["mou signed_on: 2016-11-15 | 2016-11-17"]
    assert [e["reason"] for e in entries.values()] == [""]
    assert sorted(p.name for p in repo.iterdir()) == [".checker-baseline.json", ".git", "case"]


def test_baseline_create_refuses_to_overwrite(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("baseline", "create", "case", capsys=capsys)
    code, _, err = run("baseline", "create", "case", capsys=capsys)
    assert (code, err) == (
        EXIT_USAGE,
        "checker: .checker-baseline.json exists already (use: checker baseline update)\n",
    )


def test_validate_baseline_accepts_known_problems(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "case" / "c.yaml").write_text(
        "format: claims/1\nsource: {id: c}\nclaims:\n"
        "  - {subject: mou, property: signed_onn, value: 2016}\n",
        encoding="utf-8",
    )
    assert run("validate", "case", capsys=capsys)[0] == EXIT_FINDINGS
    run("baseline", "create", "case", capsys=capsys)
    code, out, _ = run("validate", "case", "--baseline", ".checker-baseline.json", capsys=capsys)
    assert (code, out) == (EXIT_CLEAN, "0 errors, 0 warnings in 4 files\n")


def test_malformed_baseline_is_a_located_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "bad.json").write_text('{"format": "baseline/1",\n "entries": {"x": 1}}')
    code, _, err = run("compare", "case", "--baseline", "bad.json", capsys=capsys)
    assert (code, err) == (
        EXIT_USAGE,
        "checker: bad.json:2:19: entry x needs command, kind and summary\n",
    )


def test_severity_override_changes_the_exit_code(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".checker.toml").write_text('[severity]\nconflict = "warning"\n')
    assert run("compare", "case", capsys=capsys)[0] == EXIT_CLEAN
    assert run("compare", "case", "--fail-on", "warning", capsys=capsys)[0] == EXIT_FINDINGS
    (repo / ".checker.toml").write_text('[severity]\nconflict = "off"\n')
    code, out, _ = run("compare", "case", "-f", "json", "--fail-on", "info", capsys=capsys)
    assert (code, json.loads(out)["findings"]) == (EXIT_CLEAN, [])


def test_configuration_supplies_defaults_and_options_win(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.checker]\npaths = ["case"]\nfail-on = "never"\n'
    )
    assert run("compare", capsys=capsys)[0] == EXIT_CLEAN  # paths and fail-on from the file
    assert run("compare", "--fail-on", "error", capsys=capsys)[0] == EXIT_FINDINGS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('fail_on = "error"\n', "unknown setting 'fail_on'; did you mean 'fail-on'?"),
        ('fail-on = "fatal"\n', "'fail-on' must be error or warning or info or never, not 'fatal'"),
        ('[severity]\nconflicts = "off"\n',
         "unknown finding kind 'conflicts' in severity; did you mean 'conflict'?"),
        ("paths = [\n", "invalid TOML: "),
    ],
)  # fmt: skip
def test_bad_configuration_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (repo / ".checker.toml").write_text(content)
    code, _, err = run("compare", "case", capsys=capsys)
    assert code == EXIT_USAGE
    assert err.startswith(f"checker: {repo / '.checker.toml'}: {message}")
