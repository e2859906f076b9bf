"""House style, enforced: ruff (lint and format) and mypy --strict over the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_and_format() -> None:
    pytest.importorskip("ruff")
    lint = run(sys.executable, "-m", "ruff", "check", "checker", "tests", "benchmarks")
    assert lint.returncode == 0, lint.stdout
    formatted = run(
        sys.executable, "-m", "ruff", "format", "--check", "checker", "tests", "benchmarks"
    )
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy", "checker")
    assert result.returncode == 0, result.stdout
