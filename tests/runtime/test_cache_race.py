"""The cache under races: a file edited while a run reads it never makes an entry that serves
another content's result, in one process or in several sharing one cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.claims.outcome import Options
from checker.compare.runs import comparison_run, validation_run
from checker.runtime import cache
from tests.conftest import CaseWriter
from tests.runtime.test_cache import signed_case

CLAIM_B = "b.yaml"


def edit_after_keying(monkeypatch: pytest.MonkeyPatch, edit: Callable[[], None]) -> None:
    """Make the next run's files change just after its key is made, before they are read."""
    made = cache.run_key

    def key_then_edit(*args: object, **kwargs: object) -> cache.RunKey:
        key = made(*args, **kwargs)  # type: ignore[arg-type]
        edit()
        monkeypatch.setattr(cache, "run_key", made)
        return key

    monkeypatch.setattr(cache, "run_key", key_then_edit)


def test_compare_stores_nothing_for_a_file_edited_under_it(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = signed_case(write_case, "2016-11-16")  # a and b disagree
    conflicting = (folder / CLAIM_B).read_bytes()
    signed_case(write_case, "2016-11-15")
    agreeing = (folder / CLAIM_B).read_bytes()
    (folder / CLAIM_B).write_bytes(conflicting)
    edit_after_keying(monkeypatch, lambda: (folder / CLAIM_B).write_bytes(agreeing))
    _, during = comparison_run([folder], Options())
    assert during is not None and during.findings == ()  # what the run read: the agreeing file
    assert list(own_cache.glob("*.pickle")) == []  # ... but keyed by the conflicting one
    (folder / CLAIM_B).write_bytes(conflicting)  # put back, as an editor's undo would
    _, after = comparison_run([folder], Options())
    assert after is not None and [f.kind for f in after.findings] == ["conflict"]


def test_compare_stores_nothing_for_a_text_edited_under_it(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = signed_case(write_case, "2016-11-15")
    text = folder / "a.txt"
    original = text.read_bytes()
    noted = cache.note_read

    def note_then_edit(path: Path | str, data: bytes) -> None:
        # The text changes right after the run has read it, before the entry is stored.
        noted(path, data)
        if Path(path).name == "a.txt" and data == original:
            text.write_bytes(b"The MOU was signed in November.\n")

    monkeypatch.setattr(cache, "note_read", note_then_edit)
    result, _ = comparison_run([folder], Options())
    monkeypatch.setattr(cache, "note_read", noted)
    assert result.errors == []  # the run read the text with the evidence in it
    # The entry holds the digest of the bytes read: the edited text makes it a miss.
    result, _ = comparison_run([folder], Options())
    assert [p.code for p in result.errors] == ["evidence-not-found"]
    text.write_bytes(original)
    result, _ = comparison_run([folder], Options())
    assert result.errors == []


def test_validate_keeps_a_file_result_under_the_bytes_it_read(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = signed_case(write_case, "2016-11-15")
    good = (folder / CLAIM_B).read_bytes()
    bad = good.replace(b"2016-11-15", b"2016-13-45")
    edit_after_keying(monkeypatch, lambda: (folder / CLAIM_B).write_bytes(bad))
    during = validation_run([folder], Options())
    assert [p.message for p in during.errors] == [
        "date value for 'signed_on': '2016-13-45' is not a valid date"
    ]
    assert [p.name for p in own_cache.glob("*.pickle")] == []  # the whole run: not stored
    (folder / CLAIM_B).write_bytes(good)
    assert validation_run([folder], Options()).errors == []  # b's entry is not served for good
    (folder / CLAIM_B).write_bytes(bad)
    again = validation_run([folder], Options())  # b's entry, stored under the bad bytes
    assert [p.message for p in again.errors] == [
        "date value for 'signed_on': '2016-13-45' is not a valid date"
    ]


def run_checker(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_racing_processes_never_store_a_stale_result(
    write_case: CaseWriter, own_cache: Path
) -> None:
    """Runs sharing one cache while another process keeps flipping a claim file between two
    versions: afterwards, each version's cached answer is its uncached answer."""
    folder = signed_case(write_case, "2016-11-16")
    versions = {"conflict": (folder / CLAIM_B).read_bytes()}
    signed_case(write_case, "2016-11-15")
    versions["agree"] = (folder / CLAIM_B).read_bytes()
    runs = int(os.environ.get("CHECKER_RACE_RUNS", "24"))
    env = {**os.environ, "CHECKER_CACHE_DIR": str(own_cache), "CI": "1"}
    flipper = subprocess.Popen(
        [sys.executable, "-c", FLIPPER, str(folder / CLAIM_B), *map(bytes.hex, versions.values())]
    )
    try:
        racers = [
            subprocess.Popen(
                [sys.executable, "-m", "checker", command, str(folder), "-f", "json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            for _ in range(runs // 2)
            for command in ("compare", "validate")
        ]
        deadline = time.monotonic() + 120
        for racer in racers:
            racer.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        flipper.kill()
        flipper.wait()
    uncached = {**env, "CHECKER_NO_CACHE": "1"}
    for name, content in versions.items():
        (folder / CLAIM_B).write_bytes(content)
        for command in ("compare", "validate"):
            truth = run_checker(command, str(folder), "-f", "json", env=uncached)
            served = run_checker(command, str(folder), "-f", "json", env=env)
            assert (served.returncode, served.stdout) == (truth.returncode, truth.stdout), (
                f"{command} on the {name} version"
            )


#: Flips a file between versions (given in hex) until killed, each written in place.
FLIPPER = """
import sys, time
path, versions = sys.argv[1], [bytes.fromhex(v) for v in sys.argv[2:]]
i = 0
while True:
    with open(path, "wb") as stream:
        stream.write(versions[i % len(versions)])
    i += 1
    time.sleep(0.003)
"""


def test_a_full_disk_leaves_no_temporary_file(
    write_case: CaseWriter, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = signed_case(write_case, "2016-11-16")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.pickle, "dump", disk_full)
    _, report = comparison_run([folder], Options())
    assert report is not None and [f.kind for f in report.findings] == ["conflict"]
    assert sorted(p.name for p in own_cache.rglob("*")) == []  # no entry, no temporary file


def test_an_entry_that_cannot_be_read_is_part_of_the_key(
    write_case: CaseWriter, own_cache: Path
) -> None:
    """A FIFO added to a case after a clean cached run is reported, not served around."""
    folder = signed_case(write_case, "2016-11-15")
    assert validation_run([folder], Options()).errors == []
    os.mkfifo(folder / "late.yaml")
    errors = validation_run([folder], Options()).errors
    assert [(p.file.rsplit("/", 1)[1], p.message) for p in errors] == [
        ("late.yaml", "cannot read file: a FIFO, not a regular file")
    ]
