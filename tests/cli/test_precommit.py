"""The real pre-commit, trying this repository's hooks on a repository of claim files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists() or shutil.which("git") is None,
    reason="pre-commit or git is not installed",
)

CASE = """format: case/1
id: hooks
entities:
  mou: {name: The memorandum}
properties:
  signed_on: {type: date}
"""


def claim_file(source: str, date: str) -> str:
    return (
        f"format: claims/1\nsource: {{id: {source}}}\n"
        f"claims:\n  - {{subject: mou, property: signed_on, value: {date}}}\n"
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A")
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hooks_gate_a_repository_of_claim_files(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    (repo / "claims" / "story").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "test")
    (repo / "claims" / "story" / "case.yaml").write_text(CASE)
    (repo / "claims" / "story" / "a.yaml").write_text(claim_file("a", "2016-11-15"))
    (repo / ".checker.toml").write_text('paths = ["claims"]\nbaseline = ".checker-baseline.json"\n')
    (repo / ".checker-baseline.json").write_text('{"format": "baseline/1", "entries": {}}\n')
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}

    broken = repo / "claims" / "story" / "broken.yaml"
    broken.write_text("format: claims/1\nsource: {id: broken\n")
    result = try_repo(repo, "checker-validate", env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "claims/story/broken.yaml:3:1: error: YAML syntax error" in result.stdout
    broken.unlink()
    assert try_repo(repo, "checker-validate", env).returncode == 0

    (repo / "claims" / "story" / "b.yaml").write_text(claim_file("b", "2016-11-16"))
    result = try_repo(repo, "checker-compare", env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "conflict" in result.stdout

    from checker.cli.app import main

    cwd = Path.cwd()
    os.chdir(repo)
    try:
        os.remove(".checker-baseline.json")
        assert main(["baseline", "create", "--reason", "accepted in review"]) == 0
    finally:
        os.chdir(cwd)
    result = try_repo(repo, "checker-compare", env)
    assert result.returncode == 0, result.stdout + result.stderr
