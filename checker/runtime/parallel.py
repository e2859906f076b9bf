"""Work shared between this process and forked workers, with results in input order.

A large case is checked in chunks. This process and ``jobs - 1`` forked workers take chunks
from one shared counter until none are left, so a slow chunk never leaves a core idle and this
process works too rather than only waiting. Workers inherit everything by fork (the case, the
name index), send back only their results, and leave without tearing down what they inherited.

A worker that fails or dies costs only speed: whatever chunks did not come back are done again
here, where an exception surfaces as it would in a one-process run. Where fork is not
available, or for a small input, everything runs here.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue as queue_module
import signal
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["can_fork", "jobs_for", "shared_map"]

#: How long this process waits for a worker's result before it checks the worker is alive.
_POLL_SECONDS = 0.5
_FAILED = -1
_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def jobs_for(items: int, minimum: int) -> int:
    """How many processes for ``items``: ``CHECKER_JOBS`` if set, else one per core for
    inputs of at least ``minimum`` items (below that, starting a process costs more than it
    saves)."""
    wanted = os.environ.get("CHECKER_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        jobs = int(wanted)
    else:
        jobs = (os.cpu_count() or 1) if items >= minimum else 1
    if not can_fork():
        return 1
    return max(1, min(jobs, items))


def shared_map(
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int,
    chunk: int,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, spread over ``jobs`` processes in chunks.

    ``progress`` is told how many more items are done, as chunks finish.
    """
    chunks = [items[i : i + chunk] for i in range(0, len(items), max(1, chunk))]
    if jobs <= 1 or len(chunks) <= 1 or not can_fork():
        return _here(work, chunks, range(len(chunks)), progress)
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)
    results: Any = context.Queue()
    workers = [
        context.Process(
            target=_worker, args=(work, chunks, counter, results, os.getpid()), daemon=True
        )
        for _ in range(jobs - 1)
    ]
    for worker in workers:
        worker.start()
    done: dict[int, list[R]] = {}
    try:
        while (number := _take(counter)) < len(chunks):
            done[number] = _here(work, chunks, [number], progress)
            _receive(results, done, chunks, progress, wait=False)
        while len(done) < len(chunks):
            if _receive(results, done, chunks, progress, wait=True):
                continue
            if not any(worker.is_alive() for worker in workers):
                _receive(results, done, chunks, progress, wait=False)
                break  # a worker failed or died holding a chunk: what is missing is done here
        for number in range(len(chunks)):
            if number not in done:
                done[number] = _here(work, chunks, [number], progress)
        return [result for number in range(len(chunks)) for result in done[number]]
    finally:
        for worker in workers:
            worker.join(timeout=_POLL_SECONDS)
            if worker.is_alive():
                worker.kill()
        results.close()


def _here(
    work: Callable[[T], R],
    chunks: list[Sequence[T]],
    numbers: Sequence[int],
    progress: Callable[[int], None] | None,
) -> list[R]:
    out: list[R] = []
    for number in numbers:
        out.extend(work(item) for item in chunks[number])
        if progress is not None:
            progress(len(chunks[number]))
    return out


def _take(counter: Any) -> int:
    with counter.get_lock():
        number: int = counter.value
        counter.value = number + 1
    return number


def _receive(
    results: Any,
    done: dict[int, list[Any]],
    chunks: list[Sequence[Any]],
    progress: Callable[[int], None] | None,
    *,
    wait: bool,
) -> bool:
    """Take in what workers have sent; False once waiting timed out."""
    while True:
        try:
            number, payload = results.get(timeout=_POLL_SECONDS) if wait else results.get_nowait()
        except queue_module.Empty:
            return not wait
        if number != _FAILED:
            done[number] = pickle.loads(payload)
            if progress is not None:
                progress(len(chunks[number]))
        if wait:
            return True


def _die_with(parent: int) -> None:
    """End this worker when ``parent`` ends, even by ``kill -9``.

    Otherwise a worker whose parent was killed waits forever to hand over a result nobody
    reads. On Linux the kernel sends the signal (``PR_SET_PDEATHSIG``); the check after it
    covers a parent that died before, and :func:`_worker` checks again between chunks.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the running program, with libc in it
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the checks between chunks remain
        pass
    if os.getppid() != parent:
        os._exit(1)


def _worker(
    work: Callable[[Any], Any],
    chunks: list[Sequence[Any]],
    counter: Any,
    results: Any,
    parent: int,
) -> None:
    # ``parent`` was taken before the fork: read here, it could already be whoever adopted
    # this worker of a parent killed in between.
    _die_with(parent)
    try:
        while (number := _take(counter)) < len(chunks):
            if os.getppid() != parent:
                os._exit(1)
            part = [work(item) for item in chunks[number]]
            results.put((number, pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)))
    except BaseException:  # the chunk is done again in the parent, which reports the error
        results.put((_FAILED, b""))
    finally:
        results.close()
        results.join_thread()
