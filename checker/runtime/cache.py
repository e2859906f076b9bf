"""A content-hash cache of whole runs: nothing changed, nothing recomputed.

The key of a run is a hash of everything its result depends on: the checker's version, the
options, the working folder (messages name files relative to it), and the name and content hash
of every case and claim file read. The source texts a run read are recorded in its entry with
their hashes and checked again before the entry is used, since which texts a run reads is only
known once its claim files are parsed. So an entry can only be used for the very same input
bytes: the cache cannot serve a stale result.

A key is made before a run reads its files, so a file edited in between would store a result
under the key of other bytes. The readers therefore note the digest of the very bytes they read
(:func:`note_read`), and an entry is stored only under the digests of what was read: a run
whose files changed under it stores nothing, and a claim file's own result is stored under the
bytes it was made from.

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
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker import __version__

_MISSING = "missing"
_NOT_A_FILE = "not a regular file"
_FORMAT = 2  # 2: per-file results carry the digests of what they read


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
#: Within :func:`one_reading`, the digest of the bytes each reader read (:func:`note_read`).
_seen: dict[str, str] | None = None
#: What a file's digest becomes when it was read twice in a run and differed.
CHANGED = "changed during the run"


@contextmanager
def one_reading() -> Iterator[None]:
    """Read and hash each file once in a run: its key hashes every input, and on a miss the
    per-file keys hash them again; its texts are hashed to check an entry and to store one.

    The digests of the bytes the run's readers read are gathered here too (:func:`note_read`).
    """
    global _read, _seen
    outer, outer_seen = _read, _seen
    _read = {} if outer is None else outer
    _seen = {} if outer_seen is None else outer_seen
    try:
        yield
    finally:
        _read, _seen = outer, outer_seen


@contextmanager
def reads_of_one_file() -> Iterator[dict[str, str]]:
    """Gather apart the digests of what one claim file's check reads (in a forked worker, they
    would be lost): the caller hands them back to the run with :func:`merge_reads`."""
    global _seen
    outer = _seen
    _seen = {}
    try:
        yield _seen
    finally:
        _seen = outer


def note_read(path: Path | str, data: bytes) -> None:
    """Note the digest of ``data``, just read from ``path``, for the run under way (if any)."""
    if _seen is not None:
        _note(_seen, name_of(path), hashlib.blake2b(data).hexdigest())


def name_of(path: Path | str) -> str:
    """One name per file whichever way a reader spells it (relative or not)."""
    return os.path.abspath(path)


def merge_reads(reads: Mapping[str, str]) -> None:
    if _seen is not None:
        for name, digest in reads.items():
            _note(_seen, name, digest)


def _note(seen: dict[str, str], name: str, digest: str) -> None:
    earlier = seen.setdefault(name, digest)
    if earlier != digest:
        seen[name] = CHANGED


def digest_read(path: Path | str) -> str:
    """The digest of the bytes the run read from ``path``, else of what it holds now."""
    if _seen is not None and (seen := _seen.get(name_of(path))) is not None:
        return seen
    return file_hash(Path(path))


def file_hash(path: Path) -> str:
    if _read is None:
        return _hash(path)
    known = _read.get(path)
    if known is None:
        known = _read[path] = _hash(path)
    return known


def _hash(path: Path) -> str:
    # Opened without blocking and checked before it is read: a FIFO or a device where a file
    # was (a text replaced since an entry was stored) is never waited on nor read endlessly.
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return _MISSING
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return _NOT_A_FILE
        with open(handle, "rb", closefd=False) as stream:
            return hashlib.file_digest(stream, "blake2b").hexdigest()
    except OSError:
        return _MISSING
    finally:
        os.close(handle)


@dataclass(frozen=True)
class Entry:
    """A cached result and the texts it was computed from."""

    dependencies: Mapping[str, str]
    value: Any


@dataclass(frozen=True)
class RunKey:
    """The key of a run, and the digest of each input it was made from."""

    key: str
    inputs: Mapping[str, str]

    def still_true(self) -> bool:
        """Whether every input the run read held the bytes the key was made from."""
        return all(_seen is None or _seen.get(name, digest) == digest
                   for name, digest in self.inputs.items())  # fmt: skip


def run_key(kind: str, files: Iterable[Path], settings: Iterable[object]) -> RunKey:
    """The key of a run of ``kind`` over ``files`` with ``settings``."""
    digest = _settings_digest(kind, settings)
    inputs = {}
    for path in sorted(files, key=str):
        inputs[name_of(path)] = content = file_hash(path)
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(content.encode("ascii") + b"\0")
    return RunKey(digest.hexdigest(), inputs)


def file_keys(kind: str, files: Iterable[Path], settings: Iterable[object]) -> list[str]:
    """One key per file, for results that depend on that file alone (with ``settings``)."""
    base = _settings_digest(kind, settings)
    return [_file_key(base, path, file_hash(path)) for path in files]


def file_key(kind: str, path: Path, digest: str, settings: Iterable[object]) -> str:
    """The key :func:`file_keys` gives ``path`` when it holds the bytes of ``digest``."""
    return _file_key(_settings_digest(kind, settings), path, digest)


def _file_key(base: hashlib.blake2b, path: Path, content: str) -> str:
    digest = base.copy()
    digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(content.encode("ascii") + b"\0")
    return f"{FILES}/{digest.hexdigest()}"


#: The folder, inside the cache, of the entries kept per file.
FILES = "files"


def _settings_digest(kind: str, settings: Iterable[object]) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=24)
    for part in (f"v{_FORMAT}", __version__, kind, os.getcwd(), *map(repr, settings)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest


def load(key: str | RunKey) -> Any | None:
    """The cached value for ``key``, if its texts are unchanged; else None."""
    if not enabled():
        return None
    if isinstance(key, RunKey):
        key = key.key
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


def store(key: str | RunKey, value: Any, texts: Iterable[str]) -> None:
    """Remember ``value`` for ``key`` with the digests of the texts it read (best effort).

    Nothing is stored when an input or a text changed while the run read it: the value then
    belongs to no one content.
    """
    if not enabled():
        return
    if isinstance(key, RunKey):
        if not key.still_true():
            return
        key = key.key
    dependencies = {name: digest_read(name) for name in sorted(set(texts))}
    if CHANGED in dependencies.values():
        return
    target = cache_dir() / f"{key}.pickle"
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(Entry(dependencies, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except (OSError, pickle.PicklingError, RecursionError):
        # A read-only home or a full disk only costs the speed-up; no partial file is left.
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
