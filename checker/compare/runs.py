"""Whole runs of validate and compare, served from the content-hash cache when nothing changed."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from checker.claims.discovery import discover
from checker.claims.outcome import Options, Progress, Validation
from checker.claims.validation import validate
from checker.compare.engine import build_report
from checker.compare.report import Report
from checker.runtime import cache
from checker.runtime.lifetime import keep_for_exit


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run builds its millions of objects.

    The model holds no reference cycles, yet each full collection walks every object built so
    far, which makes a large run slower than linear; reference counting still frees as usual.
    What the run built is then frozen out of the collector's sight, or the first collection
    after it (one of the millions of objects the report and the cache entry allocate) would
    walk them all anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _inputs(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """The files a run reads, and the entries it can only report (a FIFO, a broken link):
    those are part of its key by name and reason, never opened to be hashed."""
    files: list[Path] = []
    unreadable: list[str] = []
    for case in discover(paths):
        if case.case_file is not None:
            files.append(case.case_file)
        files.extend(case.claim_files)
        unreadable += [f"{p.file}: {p.message}" for p in case.unreadable]
    return files, unreadable


def _texts(result: Validation) -> list[str]:
    return [s.text_file for m in result.models for s in m.sources.values() if s.text_file]


def validation_run(
    paths: Sequence[Path], options: Options, progress: Progress | None = None
) -> Validation:
    """``validate(paths, options)``, less the models (which validate does not print)."""
    with cache.one_reading():
        files, unreadable = _inputs(paths)
        key = cache.run_key("validate", files, [options, *unreadable])
        cached = cache.load(key)
        if isinstance(cached, Validation):
            return cached
        with collector_paused():
            result = validate(paths, options, keep_models=False, progress=progress)
        light = replace(result, models=())
        cache.store(key, light, _texts(result))
    return light


def comparison_run(
    paths: Sequence[Path],
    options: Options,
    *,
    with_facts: bool = False,
    progress: Progress | None = None,
) -> tuple[Validation, Report | None]:
    """Validate and, when the input is valid, compare: the report is None when it is not."""
    with cache.one_reading():
        files, unreadable = _inputs(paths)
        key = cache.run_key("compare", files, [options, with_facts, *unreadable])
        cached = cache.load(key)
        if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Validation):
            return cached[0], cached[1]
        with collector_paused():
            result = validate(paths, options, progress=progress)
            report = None if result.blocking else build_report(result, with_facts=with_facts)
        keep_for_exit(result)
        light = replace(result, models=())
        cache.store(key, (light, report), _texts(result))
    return light, report
