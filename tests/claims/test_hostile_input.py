"""Hostile input: each ends in one located line and a documented exit code, never a traceback,
an internal error, a hang or a silent pass.

Covered: nesting hundreds of levels deep (claim, case and baseline files), a lone surrogate
escape, numbers of thousands of digits, link loops, broken links, FIFOs, folders and devices
named like claim files, and configuration files that are not UTF-8 or cannot be read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from checker.claims import yamlreader
from checker.cli.app import main
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from tests.conftest import CaseWriter, deadline

CLAIM = {"claims": [{"subject": "mou", "property": "signed_on", "value": "2016-11-15"}]}
NOT_COMPARED = "checker: 1 invalid file; nothing was compared\n"
LONE = "a lone surrogate is not a character [$]"
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")


@pytest.fixture
def case(write_case: CaseWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid one-source case in ``tmp_path/case``, run from ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    return write_case({"a": CLAIM})


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with deadline(20):  # a FIFO opened for reading, or /dev/zero read, would hang here
        code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(capsys: pytest.CaptureFixture[str], line: str, files: int = 3) -> None:
    """``line`` is the one problem: validate exits 1 with it, compare exits 2 with it."""
    summary = f"1 error, 0 warnings in {files} files\n"
    assert run(capsys, "validate", "case") == (EXIT_FINDINGS, f"{line}\n{summary}", "")
    assert run(capsys, "compare", "case") == (EXIT_USAGE, "", f"{line}\n{summary}{NOT_COMPARED}")


# Nesting


def test_json_nested_500_deep(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # {"claims": is 11 characters: the first [ (level 2) is column 12, level 101 column 111.
    (case / "deep.json").write_text('{"claims": ' + "[" * 500 + "]" * 500 + "}")
    assert_refused(capsys, "case/deep.json:1:111: error: nesting deeper than 100 levels [$]")


def test_json_nested_100_000_deep_and_unclosed(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "deep.json").write_text("[" * 100_000)
    assert_refused(capsys, "case/deep.json:1:101: error: nesting deeper than 100 levels [$]")


def test_yaml_flow_nested_500_deep(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "deep.yaml").write_text("claims: " + "[" * 500 + "]" * 500 + "\n")
    assert_refused(capsys, "case/deep.yaml:1:108: error: nesting deeper than 100 levels [$]")


def test_yaml_block_nested_500_deep(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Mapping k starts at its key, on line k, column 2k-1: mapping 101 is at 101:201.
    (case / "deep.yaml").write_text("".join(f"{'  ' * k}a:\n" for k in range(500)) + "\n")
    assert_refused(capsys, "case/deep.yaml:101:201: error: nesting deeper than 100 levels [$]")


def test_case_file_nested_600_deep(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "case.yaml").write_text("entities: " + "[" * 600 + "]" * 600 + "\n")
    line = "case/case.yaml:1:110: error: nesting deeper than 100 levels [$]"
    assert run(capsys, "validate", "case") == (
        EXIT_FINDINGS,
        f"{line}\n1 error, 0 warnings in 2 files\n",
        "",
    )


def test_baseline_nested_600_deep(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # {"format": "baseline/1", "entries": is 36 characters: level 101 is column 136.
    Path("bl.json").write_text('{"format": "baseline/1", "entries": ' + "[" * 600 + "]" * 600 + "}")
    assert run(capsys, "compare", "case", "--baseline", "bl.json") == (
        EXIT_USAGE,
        "",
        "checker: bl.json:1:136: nesting deeper than 100 levels\n",
    )


@pytest.mark.parametrize("as_json", [False, True], ids=["yaml", "json"])
@pytest.mark.parametrize(
    "where",
    [("claims", 0, "value"), ("claims", 0, "as_of"), ("quotes",), ("source", "based_on"), ("x",)],
)
def test_nesting_at_the_limit_is_read_and_checked_without_recursing_too_deep(
    case: Path, capsys: pytest.CaptureFixture[str], as_json: bool, where: tuple[str | int, ...]
) -> None:
    """100 levels is read; the schema check, position walks and messages then cope with it."""
    document: dict[str, object] = {"format": "claims/1", "source": {"id": "deep"}, **CLAIM}
    document["claims"] = [dict(CLAIM["claims"][0])]
    node: object = "leaf"
    for level in range(100 - len(where)):
        node = [node] if level % 2 else {"k": node}
    parent: object = document
    for part in where[:-1]:
        parent = parent[part]  # type: ignore[index]
    parent[where[-1]] = node  # type: ignore[index]
    text = json.dumps(document) if as_json else yaml.safe_dump(document, width=1_000_000)
    (case / f"deep.{'json' if as_json else 'yaml'}").write_text(text)
    for command in ("validate", "compare"):
        code, out, err = run(capsys, command, "case")
        assert code in (EXIT_FINDINGS, EXIT_USAGE)
        assert "nesting deeper" not in out + err
        assert "internal error" not in err
        assert "case/deep." in out + err  # a schema error, located in the file


# A lone surrogate


def test_json_lone_surrogate(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "s.json").write_text('{"format": "claims/1", "source": {"id": "a\\ud800"}}')
    line = (
        "case/s.json:1:43: error: invalid \\ud800 escape: a lone surrogate is not a character [$]"
    )
    assert_refused(capsys, line)


def test_json_low_surrogate_alone_and_after_a_pair(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "s.json").write_text('{"id": "\\uD83D\\uDE00 and \\uDE00"}')
    line = (
        "case/s.json:1:26: error: invalid \\uDE00 escape: a lone surrogate is not a character [$]"
    )
    assert_refused(capsys, line)


def test_json_surrogate_pair_and_escaped_backslash_are_fine(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (case / "b.json").write_text(
        '{"format": "claims/1", "source": {"id": "b", "outlet": "\\ud83d\\ude00 \\\\ud800"}}'
    )
    assert run(capsys, "validate", "case") == (EXIT_CLEAN, "0 errors, 0 warnings in 3 files\n", "")


def test_yaml_lone_surrogate_with_libyaml(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "s.yaml").write_text('format: claims/1\nsource:\n  id: "a\\ud800"\n')
    line = (
        "case/s.yaml:3:11: error: YAML syntax error: found invalid Unicode character escape code "
        "(while parsing a quoted scalar) [$]"
    )
    if yamlreader._EventParser is yaml.SafeLoader:  # no libyaml here: Python's parser reads it
        line = f"case/s.yaml:3:7: error: invalid \\ud800 escape: {LONE}"
    assert_refused(capsys, line)


def test_yaml_lone_surrogate_with_python_parser(
    case: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlreader, "_EventParser", yaml.SafeLoader)
    (case / "s.yaml").write_text('format: claims/1\nsource:\n  id: "a\\ud800"\n')
    line = "case/s.yaml:3:7: error: invalid \\ud800 escape: a lone surrogate is not a character [$]"
    assert_refused(capsys, line)


# Numbers of thousands of digits

BIG = "format: claims/1\nsource:\n  id: big\nclaims:\n  - subject: mou\n    property: exact_count\n"


@pytest.mark.parametrize(
    ("value", "digits"),
    [("9" * 5000, "5,000"), ("-" + "1" * 4301, "4,301"), ("0x" + "f" * 200, "200")],
)
def test_yaml_number_too_long(
    case: Path, capsys: pytest.CaptureFixture[str], value: str, digits: str
) -> None:
    (case / "big.yaml").write_text(f"{BIG}    value: {value}\n")
    line = f"case/big.yaml:7:12: error: number too long: {digits} digits (at most 100) [$]"
    assert_refused(capsys, line)


def test_json_number_too_long(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A long run of digits in a string, before it, is text: only the number is refused.
    (case / "big.json").write_text('{"id": "' + "1" * 200 + '",\n "value": -' + "9" * 5000 + "}")
    line = "case/big.json:2:11: error: number too long: 5,000 digits (at most 100) [$]"
    assert_refused(capsys, line)


def test_number_of_100_digits_is_read(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "big.yaml").write_text(f"{BIG}    value: {'1' + '0' * 99}\n")
    assert run(capsys, "validate", "case") == (EXIT_CLEAN, "0 errors, 0 warnings in 3 files\n", "")


# Entries of a case folder that are not regular files


@posix_only
def test_symlink_loop(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "x.yaml").symlink_to("y.yaml")
    (case / "y.yaml").symlink_to("x.yaml")
    lines = [
        "case/x.yaml:1:1: error: cannot read file: a symbolic link loop [$]",
        "case/y.yaml:1:1: error: cannot read file: a symbolic link loop [$]",
    ]
    assert run(capsys, "validate", "case") == (
        EXIT_FINDINGS,
        "\n".join([*lines, "2 errors, 0 warnings in 4 files\n"]),
        "",
    )
    assert run(capsys, "validate", "case/x.yaml") == (
        EXIT_USAGE,
        "",
        "checker: cannot read case/x.yaml: a symbolic link loop\n",
    )


@posix_only
def test_dangling_symlink(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "x.yaml").symlink_to("nowhere.yaml")
    line = "case/x.yaml:1:1: error: cannot read file: a symbolic link to 'nowhere.yaml', "
    assert_refused(capsys, line + "which does not exist [$]")


@posix_only
def test_fifo_is_never_opened(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(case / "x.yaml")
    assert_refused(
        capsys, "case/x.yaml:1:1: error: cannot read file: a FIFO, not a regular file [$]"
    )
    assert run(capsys, "validate", "case/x.yaml") == (
        EXIT_USAGE,
        "",
        "checker: cannot read case/x.yaml: a FIFO, not a regular file\n",
    )


@posix_only
def test_fifo_case_file(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "case.yaml").unlink()
    os.mkfifo(case / "case.yaml")
    line = "case/case.yaml:1:1: error: cannot read file: a FIFO, not a regular file [$]"
    assert run(capsys, "validate", "case") == (
        EXIT_FINDINGS,
        f"{line}\n1 error, 0 warnings in 2 files\n",
        "",
    )


def test_folder_named_like_a_claim_file(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "x.yaml").mkdir()
    assert_refused(
        capsys, "case/x.yaml:1:1: error: cannot read file: a folder, not a regular file [$]"
    )


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_never_read(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (case / "x.yaml").symlink_to("/dev/zero")
    line = (
        "case/x.yaml:1:1: error: cannot read file: a symbolic link to '/dev/zero', "
        "a character device, not a regular file [$]"
    )
    assert_refused(capsys, line)


# Configuration files


@pytest.fixture
def repo(case: Path) -> Path:
    """The case inside a repository root (where the search for a configuration stops)."""
    (case.parent / ".git").mkdir()
    return case.parent.resolve()


def test_pyproject_not_utf8(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_bytes(b'[tool.checker]\npaths = ["case"]\n# caf\xe9\n')
    assert run(capsys, "validate") == (
        EXIT_USAGE,
        "",
        f"checker: {repo / 'pyproject.toml'}: not UTF-8: byte 0xe9 cannot be decoded "
        "(at line 3, column 6); save the file as UTF-8\n",
    )


def test_checker_toml_utf16(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".checker.toml").write_bytes('paths = ["case"]\n'.encode("utf-16"))
    assert run(capsys, "validate") == (
        EXIT_USAGE,
        "",
        f"checker: {repo / '.checker.toml'}: not UTF-8: byte 0xff cannot be decoded "
        "(at line 1, column 1); save the file as UTF-8\n",
    )


def test_unrelated_pyproject_not_utf8_is_not_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    assert run(capsys, "validate", "case")[0] == EXIT_CLEAN


def test_pyproject_unreadable(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "pyproject.toml").write_text('[tool.checker]\npaths = ["case"]\n')
    read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert run(capsys, "validate") == (
        EXIT_USAGE,
        "",
        f"checker: {repo / 'pyproject.toml'}: cannot read: Permission denied\n",
    )


def test_checker_toml_not_a_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".checker.toml").mkdir()
    assert run(capsys, "validate", "case") == (
        EXIT_USAGE,
        "",
        f"checker: {repo / '.checker.toml'}: cannot read: a folder, not a regular file\n",
    )


def test_invalid_toml_names_line_and_column(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".checker.toml").write_text('paths = ["case"]\nfail-on = error\n')
    assert run(capsys, "validate", "case") == (
        EXIT_USAGE,
        "",
        f"checker: {repo / '.checker.toml'}: invalid TOML: Invalid value (at line 2, column 11)\n",
    )
