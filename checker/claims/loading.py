"""Read claim and case files (YAML or JSON) into plain data, keeping a way to every node's position.

The size cap and strict UTF-8 are checked here; the YAML and JSON readers
(:mod:`checker.claims.yamlreader`, :mod:`checker.claims.jsonreader`) give each format the
contract's meaning.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.claims.jsonreader import JsonPositions, load_json, locate_json
from checker.claims.problems import Problem, Severity
from checker.claims.textpos import LoadFailure, Path_, Pos
from checker.claims.yamlreader import YamlBuilder
from checker.model.case import Location
from checker.runtime import cache

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})
CLAIM_SUFFIXES = YAML_SUFFIXES | JSON_SUFFIXES

__all__ = [
    "CLAIM_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "Document",
    "LoadFailure",
    "decode_utf8",
    "load_document",
    "locate_node",
    "problem_from_failure",
    "read_regular_file",
    "unreadable_reason",
]


@dataclass
class Document:
    """One loaded file: its data and a way to find where any node of it starts."""

    file: str
    data: Any
    text: str
    _positions: dict[Path_, Pos] | None = None
    _key_positions: dict[Path_, Pos] = field(default_factory=dict)

    @property
    def has_positions(self) -> bool:
        """Whether positions are at hand (YAML) or would cost a second scan (JSON)."""
        return self._positions is not None

    def _ensure_positions(self) -> dict[Path_, Pos]:
        if self._positions is None:
            scan = JsonPositions(self.text)
            scan.run()
            self._positions, self._key_positions = scan.positions, scan.key_positions
        return self._positions

    def locate(self, parts: Path_, *, key: bool = False) -> Pos:
        """The 1-based (line, column) of the node at ``parts``, or of its nearest ancestor.

        With ``key=True`` the position of the mapping key that holds the node is preferred.
        """
        positions = self._ensure_positions()
        if key and parts in self._key_positions:
            return self._key_positions[parts]
        while parts:
            if parts in positions:
                return positions[parts]
            parts = parts[:-1]
        return positions.get((), (1, 1))


@functools.lru_cache(maxsize=64)
def _positions_of(file: str) -> Document:
    raw = Path(file).read_bytes()
    cache.note_read(file, raw)  # read again for a report: a change since makes the run unstored
    text = decode_utf8(raw)
    if Path(file).suffix.lower() in JSON_SUFFIXES:
        return Document(file, None, text)  # located by a walk down each path asked for
    _, positions, keys = YamlBuilder(text).build()
    return Document(file, None, text, positions, keys)


def locate_node(file: str, parts: Path_) -> Pos:
    """The position of a node of a file loaded earlier, found again when a report asks for it."""
    try:
        document = _positions_of(file)
        if document.has_positions:
            return document.locate(parts)
        return locate_json(document.text, parts)
    except (OSError, LoadFailure, IndexError, ValueError):
        return (1, 1)  # the file went away or changed since: say where the file starts


# The model's locations of nodes in these files find their positions through this reader.
Location.locator = staticmethod(locate_node)


def load_document(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load ``path`` (YAML or JSON by suffix); raise :class:`LoadFailure` with a position."""
    raw = read_regular_file(path, max_bytes)
    cache.note_read(path, raw)  # a run's cache entry is stored under the bytes read here
    text = decode_utf8(raw)
    if not text.strip():
        raise LoadFailure("file is empty", code="empty")
    if path.suffix.lower() in JSON_SUFFIXES:
        return Document(display, load_json(text), text)
    data, positions, keys = YamlBuilder(text).build()
    return Document(display, data, text, positions, keys)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``max_bytes`` bytes.

    What the path is gets looked at before it is opened: opening a FIFO would block the run and
    a device such as /dev/zero never ends. It is opened without blocking and looked at again,
    in case it was swapped in between, and no more than the cap is ever read.
    """
    reason = unreadable_reason(path)
    if reason is not None:
        raise LoadFailure(f"cannot read file: {reason}", code="unreadable")
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                kind = _kind(info.st_mode)
                raise LoadFailure(
                    f"cannot read file: {kind}, not a regular file", code="unreadable"
                )
            _check_size(info.st_size, max_bytes)
            with open(handle, "rb", closefd=False) as stream:
                raw = stream.read(max_bytes + 1)
        finally:
            os.close(handle)
    except OSError as exc:
        raise LoadFailure(f"cannot read file: {exc.strerror or exc}", code="unreadable") from exc
    _check_size(len(raw), max_bytes)  # it grew since it was looked at
    return raw


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LoadFailure(
            f"file is {size:,} bytes, over the size cap of {max_bytes:,} bytes "
            "(raise it with --max-bytes)",
            code="too-large",
        )


def unreadable_reason(path: Path) -> str | None:
    """Why ``path`` cannot be read as a case or claim file, found without opening it; None when
    it is a regular file (or a link to one)."""
    try:
        info = path.stat()
    except OSError as exc:
        if path.is_symlink() and exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if path.is_symlink() and exc.errno == errno.ENOENT:
            return f"a symbolic link to '{os.readlink(path)}', which does not exist"
        return exc.strerror or str(exc)
    if stat.S_ISREG(info.st_mode):
        return None
    link = f"a symbolic link to '{os.readlink(path)}', " if path.is_symlink() else ""
    return f"{link}{_kind(info.st_mode)}, not a regular file"


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def problem_from_failure(display: str, failure: LoadFailure) -> Problem:
    return Problem(
        display, failure.line, failure.column, Severity.ERROR, failure.code, failure.message
    )


def decode_utf8(raw: bytes) -> str:
    """Decode strict UTF-8 (a BOM is allowed); locate NUL bytes and bad bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadFailure("file is UTF-16, not UTF-8", code="encoding")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        raise LoadFailure("file contains a NUL byte", line, column, code="encoding")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise LoadFailure(
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded; "
            "save the file as UTF-8)",
            line,
            column,
            code="encoding",
        ) from exc


def _byte_position(raw: bytes, offset: int) -> Pos:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column
