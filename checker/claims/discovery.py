"""Turn the paths a user names into cases: a case file and the claim files beside it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.claims.loading import CLAIM_SUFFIXES
from checker.runtime.errors import UsageError

CASE_FILE_NAMES = ("case.yaml", "case.yml", "case.json")


@dataclass
class CaseInput:
    """One case to check: its folder, its case file (if any) and its claim files."""

    folder: Path
    case_file: Path | None
    claim_files: list[Path] = field(default_factory=list)


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
    for name in CASE_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _claim_files_in(folder: Path) -> list[Path]:
    with os.scandir(folder) as entries:  # the listing says what is a file: no stat per file
        names = [
            entry.name
            for entry in entries
            if os.path.splitext(entry.name)[1].lower() in CLAIM_SUFFIXES
            and entry.name.lower() not in CASE_FILE_NAMES
            and entry.is_file()
        ]
    return [folder / name for name in sorted(names)]


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
            cases[folder] = CaseInput(folder, _case_file_in(folder))
        return cases[folder]

    seen: set[Path] = set()

    def add_files(folder: Path, files: Iterable[Path]) -> None:
        entry = case_for(folder)
        for file in files:
            # The same file named twice (through a link, or as a folder and as a file) is
            # read once. Resolving each of ten thousand paths costs a second: the folder is
            # resolved once, and only links are followed one by one.
            resolved = file.resolve() if file.is_symlink() else entry.folder / file.name
            if resolved not in seen:
                seen.add(resolved)
                entry.claim_files.append(file)

    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_file():
            if is_case_file(path):
                case_for(path.parent)
            else:
                add_files(path.parent, [path])
            continue
        if _case_file_in(path) is not None:
            add_files(path, _claim_files_in(path))
            continue
        found_any = False
        for folder, dirnames, _ in os.walk(path):
            dirnames.sort()
            here = Path(folder)
            files = _claim_files_in(here)
            if _case_file_in(here) is not None:
                dirnames.clear()  # a case folder's subfolders are not part of the case
                add_files(here, files)
                found_any = True
            elif files:
                add_files(here, files)
                found_any = True
        if not found_any:
            raise UsageError(f"no claim files (.yaml, .yml, .json) in {path}")
    ordered = sorted(cases.values(), key=lambda c: str(c.folder))
    for entry in ordered:
        entry.claim_files.sort()
    return ordered
