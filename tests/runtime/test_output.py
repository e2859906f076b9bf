"""Writing outputs: atomic files, a report folder replaced as a set, and targets that are not
regular files refused rather than replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.cli.app import main
from checker.runtime import output
from checker.runtime.errors import UsageError
from checker.runtime.output import replace_files, write_atomic

ROOT = Path(__file__).resolve().parents[2]
CASE = str(ROOT / "claims" / "pasadena-ice-mou")


def test_a_symbolic_link_is_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(UsageError) as raised:
        write_atomic(link, "new\n")
    assert raised.value.message == (
        f"cannot write {link}: it is a symbolic link, not a regular file (name a file to write)"
    )
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "kept\n"


def test_a_fifo_is_refused_without_being_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    code = main(["compare", CASE, "--fail-on", "never", "-o", f"json={fifo}"])
    err = capsys.readouterr().err
    assert (code, err) == (
        2,
        f"checker: cannot write {fifo}: it is a FIFO, not a regular file (name a file to write)\n",
    )
    assert fifo.is_fifo()


def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", CASE, "--fail-on", "never", "-o", "json=/dev/null"])
    assert (code, capsys.readouterr().err) == (
        2,
        "checker: cannot write /dev/null: it is a device, not a regular file "
        "(name a file to write)\n",
    )


def test_a_report_folder_is_replaced_as_a_set_keeping_its_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "a.txt").write_text("old a\n", encoding="utf-8")
    (folder / "screenshot.png").write_bytes(b"\x89PNG kept")
    (folder / "shots").mkdir()
    (folder / "shots" / "one.png").write_bytes(b"one")
    replace_files(folder, {"a.txt": "new a\n", "b.txt": "new b\n"})
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt", "screenshot.png", "shots"]
    assert (folder / "a.txt").read_text(encoding="utf-8") == "new a\n"
    assert (folder / "screenshot.png").read_bytes() == b"\x89PNG kept"
    assert (folder / "shots" / "one.png").read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # nothing left beside it


def test_a_new_report_folder_is_made_whole(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "report"
    replace_files(folder, {"a.txt": "a\n"})
    assert [p.name for p in folder.iterdir()] == ["a.txt"]
    assert [p.name for p in (tmp_path / "deep").iterdir()] == ["report"]


def test_what_a_killed_run_left_is_swept_and_a_live_run_is_not(tmp_path: Path) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    dead = tmp_path / ".report.checker-new-999999999-abc"  # no such process
    live = tmp_path / f".report.checker-new-{os.getpid()}-abc"
    for left in (dead, live):
        left.mkdir()
        (left / "index.html").write_text("half", encoding="utf-8")
    replace_files(folder, {"a.txt": "a\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "report"]


def test_without_a_folder_exchange_each_file_is_still_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "a.txt").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    replace_files(folder, {"a.txt": "new\n"})
    assert (folder / "a.txt").read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_a_run_stopped_between_two_files_leaves_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second file of the set fails to be written (as a kill or a full disk would stop
    it): the folder keeps every old file, and nothing is left beside it."""
    out = tmp_path / "report"
    assert main(["report", CASE, "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    written = 0
    real = output.write_atomic

    def stop_at_the_second(path: Path, text: str) -> None:
        nonlocal written
        if (written := written + 1) == 2:
            raise OSError(28, "No space left on device")
        real(path, text.replace("Pasadena", "Altadena"))

    monkeypatch.setattr(output, "write_atomic", stop_at_the_second)
    assert main(["report", CASE, "--out", str(out)]) == 2
    assert capsys.readouterr().err.endswith(
        f"checker: cannot write into {out}: No space left on device\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
