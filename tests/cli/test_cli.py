"""The command line: help, version, exit codes, outputs, and errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import __version__
from checker.cli.app import app, main
from checker.reporters import ReportFormat
from checker.reporters.dispatch import COMPARE_FORMATS, VALIDATE_FORMATS
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from tests.conftest import CaseWriter

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(c.name or "" for c in app.registered_commands)


def conflict_case(write_case: CaseWriter) -> Path:
    return write_case(
        {
            "a": {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-15"}]},
            "b": {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-16"}]},
        }
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == EXIT_CLEAN
    assert capsys.readouterr().out == f"checker {__version__}\n"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"checker {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == EXIT_CLEAN
    text = capsys.readouterr().out
    assert "Example" in text
    assert f"checker {command}" in text.split("Example", 1)[1]


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"`checker {command}" in readme, command


def test_every_compare_format_is_a_report_format() -> None:
    assert sorted(COMPARE_FORMATS) == sorted(f.value for f in ReportFormat)
    assert set(VALIDATE_FORMATS) - {"text"} <= set(COMPARE_FORMATS)


def test_compare_exit_codes_follow_fail_on(
    write_case: CaseWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = conflict_case(write_case)
    assert main(["compare", str(folder)]) == EXIT_FINDINGS  # a conflict is an error
    assert main(["compare", str(folder), "--fail-on", "never"]) == EXIT_CLEAN
    assert main(["compare", str(folder), "--fail-on", "warning"]) == EXIT_FINDINGS
    capsys.readouterr()


def test_compare_below_threshold_exits_0(
    write_case: CaseWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_case(
        {
            "a": {"claims": [{"subject": "ICE", "property": "raids", "value": 680}]},
        }
    )  # a single-source fact: info only
    assert main(["compare", str(folder)]) == EXIT_CLEAN
    assert main(["compare", str(folder), "--fail-on", "info"]) == EXIT_FINDINGS
    capsys.readouterr()


def test_invalid_input_is_reported_and_nothing_compared(
    write_case: CaseWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = conflict_case(write_case)
    (folder / "broken.yaml").write_text("format: claims/1\nsource: {id: x\n", encoding="utf-8")
    assert main(["compare", str(folder)]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "broken.yaml:3:1: error: YAML syntax error" in captured.err
    assert captured.err.endswith("checker: 1 invalid file; nothing was compared\n")


def test_unknown_format_is_a_usage_error(
    write_case: CaseWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = conflict_case(write_case)
    assert main(["compare", str(folder), "--format", "xml"]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "checker: unknown format 'xml' "
        "(choose table, json, markdown, html, sarif, junit, github, gitlab)\n"
    )


def test_outputs_are_written_to_files(
    write_case: CaseWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = conflict_case(write_case)
    out = tmp_path / "out"
    code = main(
        ["compare", str(folder), "--fail-on", "never",
         "-o", f"json={out}/r.json", "-o", f"markdown={out}/r.md"]
    )  # fmt: skip
    assert code == EXIT_CLEAN
    stdout = capsys.readouterr().out.splitlines()  # the table still goes to standard output
    assert stdout[0].split() == ["severity", "kind", "subject", "·", "property", "values",
                                 "(sources)", "best", "supported"]  # fmt: skip
    document = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert [f["kind"] for f in document["findings"]] == ["conflict"]
    assert (out / "r.md").read_text(encoding="utf-8").startswith("# Discrepancy report: test")
    assert sorted(p.name for p in out.iterdir()) == ["r.json", "r.md"]  # no temporary left


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == EXIT_USAGE
    assert capsys.readouterr().err == f"checker: no such file or folder: {tmp_path / 'nope'}\n"


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--no-such-option", "."]) == EXIT_USAGE
    assert "No such option: --no-such-option" in capsys.readouterr().err


def test_validate_json_format(write_case: CaseWriter, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_case(
        {"a": {"claims": [{"subject": "mou", "property": "signed_onn", "value": "2016"}]}}
    )
    assert main(["validate", str(folder), "--format", "json"]) == EXIT_FINDINGS
    document = json.loads(capsys.readouterr().out)
    assert document["summary"] == {"error": 1, "warning": 0}
    [problem] = document["problems"]
    assert (problem["line"], problem["column"], problem["code"], problem["path"]) == (
        4, 13, "unknown-property", "$.claims[0].property"
    )  # fmt: skip
    assert problem["message"] == (
        "unknown property 'signed_onn'; did you mean 'signed_on' or 'signed_by'?"
    )


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "claims"]) == EXIT_CLEAN
    printed = json.loads(capsys.readouterr().out)
    on_disk = json.loads((ROOT / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))
    assert printed == on_disk


def test_a_plain_output_file_takes_the_place_of_stdout(
    write_case: CaseWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = conflict_case(write_case)
    target = tmp_path / "report.md"
    assert main(["compare", str(folder), "-f", "markdown", "-o", str(target)]) == EXIT_FINDINGS
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").startswith("# Discrepancy report: test")


def test_cli_default_size_cap_is_the_loaders() -> None:
    from checker.claims import loading
    from checker.cli import options

    assert options.DEFAULT_MAX_BYTES == loading.DEFAULT_MAX_BYTES


def test_version_is_answered_without_loading_the_cli() -> None:
    code = (
        "import sys; sys.argv = ['checker', '--version']; from checker.cli.launch import main; "
        "main(); print(sorted(m for m in sys.modules if m.startswith(('typer', 'jsonschema'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == f"checker {__version__}\n[]\n"


def test_progress_line_is_drawn_for_large_cases_and_cleared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from checker.cli.session import ProgressLine

    line = ProgressLine()
    line(10, 20)  # small cases finish before a line would help
    assert capsys.readouterr().err == ""
    line(60, 120)
    line(120, 120)
    line.close()
    assert capsys.readouterr().err == (
        "\rchecking claim files: 60 / 120\rchecking claim files: 120 / 120\r\x1b[K"
    )


def test_no_progress_line_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.cli.session import progress_line

    monkeypatch.delenv("CI", raising=False)
    assert progress_line() is None  # pytest's standard error is not a terminal


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group is POSIX")
def test_ctrl_c_says_interrupted_and_exits_130() -> None:
    """A draft read from standard input that never comes: the run waits until Ctrl-C."""
    import os
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "check-draft", "-", "--against",
         str(ROOT / "claims" / "pasadena-ice-mou")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell may ignore it
    )  # fmt: skip
    wchan = Path(f"/proc/{process.pid}/wchan")  # where the kernel has it wait (Linux)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _waits_on_read(wchan):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, err.decode(), out.decode()) == (130, "checker: interrupted\n", "")


def _waits_on_read(wchan: Path) -> bool:
    if not wchan.exists():  # no /proc: give it the time to start instead
        time.sleep(3)
        return True
    return "read" in wchan.read_text()
