"""Write reports and baselines atomically: a temporary file beside the target, then a rename.

A folder of reports (``checker report --out DIR``) is replaced as a set: the new files are
written into a copy of the folder (its other files hard-linked, not copied), and the copy is
exchanged with the folder in one step (Linux ``renameat2(RENAME_EXCHANGE)``), so a reader, or a
run killed at any point, sees all the old files or all the new ones. Where the system cannot
exchange two folders, each file is still replaced atomically, one after the other.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from checker.runtime.errors import UsageError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: The mark of the folders a report run writes beside its target (see :func:`_sweep`).
_NEW = ".checker-new-"


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers never see a half-written file."""
    refuse_special(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; reports are not
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def refuse_special(path: Path) -> None:
    """Refuse to replace a symbolic link, a FIFO, a device or a folder with a report.

    A rename would silently turn a link into a regular file (the file it named left stale)
    and a FIFO or device into a file: none of that is what a user who named it meant.
    """
    try:
        mode = path.lstat().st_mode
    except OSError:
        return  # absent (or unreachable, which the write itself reports)
    kind = (
        "a symbolic link" if stat.S_ISLNK(mode)
        else "a FIFO" if stat.S_ISFIFO(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a folder" if stat.S_ISDIR(mode)
        else None
    )  # fmt: skip
    if kind is not None:
        raise UsageError(
            f"cannot write {path}: it is {kind}, not a regular file (name a file to write)"
        )


def replace_files(folder: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (name to text) into ``folder`` as one set: all old or all new."""
    target = folder.resolve() if folder.is_symlink() else folder
    for name in files:
        refuse_special(target / name)
    try:
        if target.exists() and not target.is_dir():
            raise UsageError(f"cannot write into {folder}: it is not a folder")
        parent = target.parent
        parent.mkdir(parents=True, exist_ok=True)
        _sweep(parent, target.name)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}{_NEW}{os.getpid()}-", dir=parent))
        try:
            _fill(staging, target, files)
            if not target.exists():
                os.rename(staging, target)  # fails if another run made it meanwhile: see below
                return
            if _exchange(staging, target):
                shutil.rmtree(staging, ignore_errors=True)  # it holds the old set now
                return
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise UsageError(f"cannot write into {folder}: {exc.strerror or exc}") from exc
    for name, text in files.items():  # no exchange here: each file alone, still atomically
        write_atomic(target / name, text)


def _fill(staging: Path, target: Path, files: Mapping[str, str]) -> None:
    """The target's other entries, hard-linked (copied where links fail), and the new files."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o777 & ~_umask()
    os.chmod(staging, mode)  # mkdtemp makes it private; the folder keeps its own mode
    if target.exists():
        for entry in target.iterdir():
            if entry.name in files:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, staging / entry.name, symlinks=True, copy_function=_link)
            else:
                _link(str(entry), str(staging / entry.name))
    for name, text in files.items():
        write_atomic(staging / name, text)


def _link(source: str, destination: str) -> None:
    if os.path.islink(source):
        os.symlink(os.readlink(source), destination)
        return
    try:
        os.link(source, destination)
    except OSError:  # another file system, or links not allowed: a copy keeps the content
        shutil.copy2(source, destination)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system or kernel
        return False
    raise OSError(error, os.strerror(error))


def _sweep(parent: Path, name: str) -> None:
    """Remove what runs killed mid-write left beside ``name``: staging folders whose process
    is gone (one still running is another run at work)."""
    for left in parent.glob(f".{name}{_NEW}*"):
        pid = left.name.removeprefix(f".{name}{_NEW}").split("-")[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            if left.is_dir() and not left.is_symlink():
                shutil.rmtree(left)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
