"""A content-hash cache of whole runs: nothing changed, nothing recomputed.

The key of a run is a hash of everything its result depends on: the checker's version, the
options, the working folder (messages name files relative to it), and the name and content hash
of every case and claim file read. The source texts a run read are recorded in its entry with
their hashes and checked again before the entry is used, since which texts a run reads is only
known once its claim files are parsed. So an entry can only be used for the very same input
bytes: the cache cannot serve a stale result.

A run of ``validate`` also keeps each claim file's own result (its problems, its source id and
the sources it names), keyed by that file's bytes, the case file's bytes and the options: when
one file of ten thousand changes, only that file is read again. The checks across files
(duplicate source ids, ``based_on`` names) are made anew from those results on every run.

The cache lives outside the case folders (``$CHECKER_CACHE_DIR``, else
``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``); deleting it is always safe. Entries are
written atomically, and an unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import __version__

_MISSING = "missing"
_FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("CHECKER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker"


def enabled() -> bool:
    return os.environ.get("CHECKER_NO_CACHE", "") in ("", "0")


#: Within :func:`one_reading`, the hash of each file already read in this run.
_read: dict[Path, str] | None = None


@contextmanager
def one_reading() -> Iterator[None]:
    """Read and hash each file once in a run: its key hashes every input, and on a miss the
    per-file keys hash them again; its texts are hashed to check an entry and to store one."""
    global _read
    outer = _read
    _read = {} if outer is None else outer
    try:
        yield
    finally:
        _read = outer


def file_hash(path: Path) -> str:
    if _read is None:
        return _hash(path)
    known = _read.get(path)
    if known is None:
        known = _read[path] = _hash(path)
    return known


def _hash(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "blake2b").hexdigest()
    except OSError:
        return _MISSING


@dataclass(frozen=True)
class Entry:
    """A cached result and the texts it was computed from."""

    dependencies: Mapping[str, str]
    value: Any


def run_key(kind: str, files: Iterable[Path], settings: Iterable[object]) -> str:
    """The key of a run of ``kind`` over ``files`` with ``settings``."""
    digest = _settings_digest(kind, settings)
    for path in sorted(files, key=str):
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(file_hash(path).encode("ascii") + b"\0")
    return digest.hexdigest()


def file_keys(kind: str, files: Iterable[Path], settings: Iterable[object]) -> list[str]:
    """One key per file, for results that depend on that file alone (with ``settings``)."""
    base = _settings_digest(kind, settings)
    keys = []
    for path in files:
        digest = base.copy()
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(file_hash(path).encode("ascii") + b"\0")
        keys.append(f"{FILES}/{digest.hexdigest()}")
    return keys


#: The folder, inside the cache, of the entries kept per file.
FILES = "files"


def _settings_digest(kind: str, settings: Iterable[object]) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=24)
    for part in (f"v{_FORMAT}", __version__, kind, os.getcwd(), *map(repr, settings)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest


def load(key: str) -> Any | None:
    """The cached value for ``key``, if its texts are unchanged; else None."""
    if not enabled():
        return None
    try:
        with (cache_dir() / f"{key}.pickle").open("rb") as stream:
            entry = pickle.load(stream)
    except Exception:  # a missing, old or damaged entry is a miss, never an error
        return None
    if not isinstance(entry, Entry):
        return None
    for name, expected in entry.dependencies.items():
        if file_hash(Path(name)) != expected:
            return None
    return entry.value


def store(key: str, value: Any, texts: Iterable[str]) -> None:
    """Remember ``value`` for ``key`` with the hashes of the texts it read (best effort)."""
    if not enabled():
        return
    entry = Entry({name: file_hash(Path(name)) for name in sorted(set(texts))}, value)
    target = cache_dir() / f"{key}.pickle"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except OSError:
        return  # a read-only home or a full disk only costs the speed-up
