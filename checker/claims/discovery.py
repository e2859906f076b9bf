"""Turn the paths a user names into cases: a case file and the claim files beside it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.claims.loading import CLAIM_SUFFIXES, unreadable_reason
from checker.claims.problems import Problem, Severity
from checker.runtime.errors import UsageError

CASE_FILE_NAMES = ("case.yaml", "case.yml", "case.json")


@dataclass
class CaseInput:
    """One case to check: its folder, its case file (if any) and its claim files."""

    folder: Path
    case_file: Path | None
    claim_files: list[Path] = field(default_factory=list)
    #: An error for each entry named like a case or claim file that is not a regular file (a
    #: folder, a FIFO, a device, a broken or looping link). None is ever opened: a FIFO would
    #: block the run, /dev/zero never ends. Neither are they in ``claim_files`` or ``case_file``.
    unreadable: list[Problem] = field(default_factory=list)
    #: Whether the case file is one of them: the case's names are then unknown.
    case_file_unreadable: bool = False


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder where it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def is_case_file(path: Path) -> bool:
    return path.name.lower() in CASE_FILE_NAMES


def _case_file_in(folder: Path) -> Path | None:
    """The case file of ``folder``: whatever holds the name, so that one that cannot be read is
    reported, not taken for a folder without a case file."""
    for name in CASE_FILE_NAMES:
        candidate = folder / name
        if os.path.lexists(candidate):
            return candidate
    return None


def unreadable_problem(path: Path, reason: str) -> Problem:
    message = f"cannot read file: {reason}"
    return Problem(display_path(path), 1, 1, Severity.ERROR, "unreadable", message)


def _claim_files_in(folder: Path, *, walked: bool = False) -> tuple[list[Path], list[Problem]]:
    """The claim files directly in ``folder``, and an error for each entry named like one that
    is not a regular file. When ``walked``, real folders are searched, not reported."""
    names: list[str] = []
    odd: list[Path] = []
    with os.scandir(folder) as entries:  # the listing says what is a file: no stat per file
        for entry in entries:
            if (
                os.path.splitext(entry.name)[1].lower() not in CLAIM_SUFFIXES
                or entry.name.lower() in CASE_FILE_NAMES
            ):
                continue
            try:
                regular = entry.is_file()
            except OSError:  # a link loop, say
                regular = False
            if regular:
                names.append(entry.name)
            elif not (walked and entry.is_dir(follow_symlinks=False)):
                odd.append(folder / entry.name)
    problems = []
    for path in sorted(odd):
        reason = unreadable_reason(path)
        if reason is not None:  # else it became a regular file meanwhile: it is not read
            problems.append(unreadable_problem(path, reason))
    return [folder / name for name in sorted(names)], problems


def discover(paths: Sequence[Path]) -> list[CaseInput]:
    """Group the named folders and files into cases.

    A folder with a case file is one case made of the claim files directly inside it (its
    subfolders, such as ``drafts/``, are not part of it). A folder without one is searched for
    case folders below it, and its own claim files form a case with no case file. A single
    file joins the case of the folder it sits in.
    """
    cases: dict[Path, CaseInput] = {}

    def case_for(folder: Path) -> CaseInput:
        folder = folder.resolve()
        if folder not in cases:
            case_file = _case_file_in(folder)
            reason = unreadable_reason(case_file) if case_file is not None else None
            if case_file is None or reason is None:
                cases[folder] = CaseInput(folder, case_file)
            else:
                problem = unreadable_problem(case_file, reason)
                cases[folder] = CaseInput(folder, None, [], [problem], case_file_unreadable=True)
        return cases[folder]

    seen: set[Path] = set()

    def add_files(folder: Path, listing: tuple[Iterable[Path], list[Problem]]) -> None:
        files, unreadable = listing
        entry = case_for(folder)
        entry.unreadable.extend(unreadable)
        for file in files:
            # The same file named twice (through a link, or as a folder and as a file) is
            # read once. Resolving each of ten thousand paths costs a second: the folder is
            # resolved once, and only links are followed one by one.
            resolved = file.resolve() if file.is_symlink() else entry.folder / file.name
            if resolved not in seen:
                seen.add(resolved)
                entry.claim_files.append(file)

    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_file():
            if is_case_file(path):
                case_for(path.parent)
            else:
                add_files(path.parent, ([path], []))
            continue
        if not path.is_dir():
            raise UsageError(f"cannot read {path}: {unreadable_reason(path)}")
        if _case_file_in(path) is not None:
            add_files(path, _claim_files_in(path))
            continue
        found_any = False
        for folder, dirnames, _ in os.walk(path):
            dirnames.sort()
            here = Path(folder)
            if _case_file_in(here) is not None:
                dirnames.clear()  # a case folder's subfolders are not part of the case
                add_files(here, _claim_files_in(here))
                found_any = True
                continue
            files, unreadable = _claim_files_in(here, walked=True)
            if files or unreadable:
                add_files(here, (files, unreadable))
                found_any = True
        if not found_any:
            raise UsageError(f"no claim files (.yaml, .yml, .json) in {path}")
    ordered = sorted(cases.values(), key=lambda c: str(c.folder))
    for entry in ordered:
        entry.claim_files.sort()
    return ordered
