"""Seeded, bounded fuzzing of the readers: mutants of the shipped case never crash checker.

Each mutant is the shipped case (claims/pasadena-ice-mou) with one file mutated: bytes flipped,
slices deleted or duplicated, lines swapped, hostile tokens inserted (brackets, anchors,
aliases, tags, surrogate escapes, deep nesting, huge numbers, NUL, tabs, a BOM, CRLF), as YAML
or converted to JSON. ``validate`` and ``compare`` run on it in-process; each must exit 0, 1 or
2, never with an internal error, name every file problem with its line and column, and finish
in seconds.

The default run is bounded (``DEFAULT_MUTANTS``); ``CHECKER_FUZZ_MUTANTS=N`` runs more, and
``CHECKER_FUZZ_SEED`` another sequence. Mutant ``i`` of a seed is always the same mutant.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.claims.evidence import SourceText
from checker.claims.yamlreader import YamlBuilder
from checker.cli.app import main
from tests.conftest import deadline

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "claims" / "pasadena-ice-mou"
DEFAULT_MUTANTS = 200
SEED = int(os.environ.get("CHECKER_FUZZ_SEED", "20240611"))
#: Time one mutant may take for both commands; a hang fails the mutant at ``HANG``.
BUDGET = 5.0
HANG = 60

#: Failures this fuzzing found outside the readers, reported to the owners of those modules: a
#: mutant that fails only with these is counted apart, not failed. Delete an entry once fixed.
TOKENS: tuple[bytes, ...] = (
    b"{", b"}", b"[", b"]", b",", b":", b": ", b"- ", b"? ", b"|", b">", b"#", b"'", b'"',
    b"&a ", b"*a", b"&a [1]", b"!!python/object:os.system ", b"!!str ", b"!!binary ", b"!x ",
    b"<<: *a", b'"\\ud800"', b"\\ud800", b"\\udc00", b"\\ud83d\\ude00", b"\\u0000", b"\\x00",
    b"\x00", b"\t", b"\r", b"\r\n", b"\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xe9", b"\xc3",
    b"\xe2\x80\xa8", b"\\", b"---\n", b"...\n", b"%YAML 1.1\n", b"~", b"null", b"true", b"yes",
    b"NaN", b"-Infinity", b".nan", b".inf", b"1e400", b"-0", b"0x1F", b"0o17", b"2016-02-30",
    b"9" * 5000, b"-" + b"1" * 4301, b"0x" + b"f" * 300, b"1" * 120 + b".5", b"  ", b" " * 300,
    b"x" * 5000, b"subject: ", b"value: ", b"relative_to: ", b"offset: 7 days",
)  # fmt: skip


def _nest(rng: random.Random) -> bytes:
    depth = rng.choice((99, 100, 101, 150, 500, 5000))
    opener, closer = rng.choice(((b"[", b"]"), (b"{a: ", b"}"), (b'{"a": ', b"}")))
    closed = rng.random() < 0.7
    return opener * depth + (closer * depth if closed else b"")


def _block_nest(rng: random.Random) -> bytes:
    depth = rng.choice((100, 101, 300))
    return b"".join(b"\n" + b"  " * k + b"a:" for k in range(depth)) + b"\n"


def flip(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if not data:
        return data, "flip (empty)"
    at = rng.randrange(len(data))
    value = data[at] ^ rng.randrange(1, 256)
    return data[:at] + bytes([value]) + data[at + 1 :], f"flip byte {at} to {value:#04x}"


def delete(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    start = rng.randrange(len(data) + 1)
    end = min(len(data), start + rng.choice((1, 2, 5, 20, 200, 5000)))
    return data[:start] + data[end:], f"delete {start}:{end}"


def duplicate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    start = rng.randrange(len(data) + 1)
    end = min(len(data), start + rng.choice((1, 10, 80, 400, 3000)))
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[start:end] + data[at:], f"copy {start}:{end} to {at}"


def insert(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    roll = rng.random()
    token = _nest(rng) if roll < 0.1 else _block_nest(rng) if roll < 0.15 else rng.choice(TOKENS)
    at = rng.randrange(len(data) + 1)
    return data[:at] + token + data[at:], f"insert {token[:24]!r} ({len(token)} bytes) at {at}"


def swap_lines(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines), f"swap lines {i + 1} and {j + 1}"


def whole_file(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    choice = rng.randrange(5)
    if choice == 0:
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if choice == 1:
        return b"\xef\xbb\xbf" + data, "BOM"
    if choice == 2:
        return data.replace(b"  ", b"\t", rng.randrange(1, 20)), "tabs for indentation"
    if choice == 3:
        return data[: rng.randrange(len(data) + 1)], "truncated"
    return data.replace(b"\n", b"\r"), "CR line ends"


Mutation = Callable[[random.Random, bytes], tuple[bytes, str]]
MUTATIONS: tuple[tuple[Mutation, int], ...] = (
    (flip, 3),
    (delete, 2),
    (duplicate, 2),
    (insert, 5),
    (swap_lines, 1),
    (whole_file, 1),
)


@dataclass(frozen=True)
class Mutant:
    index: int
    as_json: bool
    target: str
    steps: tuple[str, ...]
    files: dict[str, bytes]

    def describe(self) -> str:
        kind = "JSON" if self.as_json else "YAML"
        return f"mutant {self.index} (seed {SEED}, {kind}, {self.target}: {'; '.join(self.steps)})"


def _seeds() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The shipped case as YAML and as JSON, its texts found where they are shipped."""
    texts = (CASE / "../../../shared/seeds").resolve()
    yaml_files: dict[str, bytes] = {}
    json_files: dict[str, bytes] = {}
    for path in sorted(CASE.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if texts.is_dir():  # the mutants live elsewhere: point at the texts where they are
            text = text.replace("../../../shared/seeds/", f"{texts.as_posix()}/")
        yaml_files[path.name] = text.encode("utf-8")
        data = YamlBuilder(text).build()[0]
        indent = 2 if len(json_files) % 2 else None
        dumped = json.dumps(data, indent=indent, ensure_ascii=len(json_files) % 3 == 0)
        json_files[f"{path.stem}.json"] = dumped.encode("utf-8")
    return yaml_files, json_files


def mutant(index: int, seeds: tuple[dict[str, bytes], dict[str, bytes]]) -> Mutant:
    rng = random.Random(f"{SEED}-{index}")
    as_json = rng.random() < 0.4
    files = dict(seeds[1] if as_json else seeds[0])
    target = rng.choice(sorted(files))
    data = files[target]
    steps = []
    functions, weights = zip(*MUTATIONS, strict=True)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        data, step = rng.choices(functions, weights)[0](rng, data)
        steps.append(step)
    files[target] = data
    return Mutant(index, as_json, target, tuple(steps), files)


_FILE_LINE = re.compile(r"^\S+\.(?:ya?ml|json)\b")
_LOCATED = re.compile(r"^\S+\.(?:ya?ml|json):\d+:\d+: (?:error|warning|info): .+ \[\$.*\]$")
_SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?(?:, \d+ info)? in \d+ (?:files?|sources?)$")


def problems_in(command: str, out: str, err: str) -> list[str]:
    """What is wrong with one run's output (nothing, when all is well)."""
    wrong = []
    crash = next((line for line in err.splitlines() if "internal error" in line), None)
    if crash is not None or "Traceback" in err:
        wrong.append(f"{command} crashed: {_clip(crash or err.strip())}")
    lines = err.splitlines() + (out.splitlines() if command == "validate" else [])
    for line in lines:
        if _FILE_LINE.match(line) and not _LOCATED.match(line):
            wrong.append(f"{command}: a problem without LINE:COL: {_clip(line)}")
        elif not (_FILE_LINE.match(line) or _SUMMARY.match(line) or line.startswith("checker: ")):
            wrong.append(f"{command}: an unexpected line: {_clip(line)}")
    return wrong


def _clip(line: str) -> str:
    return line if len(line) <= 300 else f"{line[:200]} ... {line[-80:]}"


def test_mutants_of_the_shipped_case_never_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.chdir(tmp_path)
    closest = SourceText.closest
    in_closest = [0.0]

    def timed_closest(self: SourceText, excerpt: str) -> object:
        started = time.perf_counter()
        try:
            return closest(self, excerpt)
        finally:
            in_closest[0] += time.perf_counter() - started

    monkeypatch.setattr(SourceText, "closest", timed_closest)
    count = int(os.environ.get("CHECKER_FUZZ_MUTANTS", str(DEFAULT_MUTANTS)))
    seeds = _seeds()
    failures: list[str] = []
    slowest = (0.0, "")
    slowest_elsewhere = 0.0  # apart from the closest-passage search, which is timed apart
    for index in range(count):
        case = mutant(index, seeds)
        folder = tmp_path / f"m{index}"
        folder.mkdir()
        for name, data in case.files.items():
            (folder / name).write_bytes(data)
        before = {name: (folder / name).read_bytes() for name in case.files}
        started, in_closest[0] = time.perf_counter(), 0.0
        wrong = []
        for command in ("validate", "compare"):
            try:
                with deadline(HANG):
                    code = main([command, folder.name])
            except TimeoutError as exc:
                code, wrong = -1, [f"{command} hung: {exc}"]
            captured = capsys.readouterr()
            if code not in (0, 1, 2):
                wrong.append(f"{command} exited {code}")
            wrong += problems_in(command, captured.out, captured.err)
        elapsed = time.perf_counter() - started
        slowest = max(slowest, (elapsed, case.describe()))
        slowest_elsewhere = max(slowest_elsewhere, elapsed - in_closest[0])
        if elapsed > BUDGET:
            slow = f"took {elapsed:.1f} s (budget {BUDGET} s)"
            if elapsed - in_closest[0] <= BUDGET:
                slow = (
                    f"took {elapsed:.1f} s, of which {in_closest[0]:.1f} s finding closest passages"
                )
            wrong.append(slow)
        if {name: (folder / name).read_bytes() for name in case.files} != before:
            wrong.append("an input file was modified")
        if wrong:
            failures.append(f"{case.describe()}:\n  " + "\n  ".join(wrong))
        else:
            for name in case.files:  # keep only the failing mutants on disk
                (folder / name).unlink()
            folder.rmdir()
    with capsys.disabled():
        print(
            f"\nfuzz: {count} mutants (seed {SEED}), {len(failures)} failing; "
            f"slowest {slowest[0]:.2f} s ({slowest_elsewhere:.2f} s apart from "
            f"closest passages): {slowest[1][:200]}"
        )
    assert not failures, f"{len(failures)} of {count} mutants failed:\n" + "\n".join(failures[:20])
