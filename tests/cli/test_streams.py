"""Standard output closed or full is one clear error (exit 2); a full or closed standard error
never changes the exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASE = str(ROOT / "claims" / "pasadena-ice-mou")

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in sh, where ``checker`` is this interpreter's ``-m checker``."""
    script = command.replace("checker", f"{sys.executable} -m checker", 1)
    return subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )


@pytest.mark.parametrize("args", ["--version", f"compare {CASE} --fail-on never"])
def test_closed_standard_output(args: str) -> None:
    result = shell(f"checker {args} >&-")
    assert (result.returncode, result.stderr) == (
        2,
        "checker: cannot write to standard output: it is closed\n",
    )


@pytest.mark.parametrize("args", ["--version", f"compare {CASE} --fail-on never -f json"])
def test_full_standard_output(args: str) -> None:
    result = shell(f"checker {args} >/dev/full")
    assert (result.returncode, result.stderr) == (
        2,
        "checker: cannot write to standard output: No space left on device\n",
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (f"compare {CASE}", 1),  # findings at the default threshold
        (f"compare {CASE} --fail-on never", 0),
        ("validate no-such-folder", 2),
    ],
)
@pytest.mark.parametrize("redirect", ["2>/dev/full", "2>&-"])
def test_standard_error_that_cannot_be_written_keeps_the_exit_code(
    args: str, code: int, redirect: str
) -> None:
    result = shell(f"checker {args} >/dev/null {redirect}")
    assert result.returncode == code


def test_a_message_naming_hostile_input_is_one_inert_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from checker.cli.app import main

    hostile = "nope\x1b[31m\u202e\n::error file=forged.py,line=1::pwned"
    assert main(["validate", hostile]) == 2
    assert capsys.readouterr().err == (
        "checker: no such file or folder: "
        "nope\\x1b[31m\\u202e\\n::error file=forged.py,line=1::pwned\n"
    )
