"""Whole runs of validate and compare, served from the content-hash cache when nothing changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from checker import cache
from checker.discovery import discover
from checker.engine import build_report
from checker.report import Report
from checker.validation import Options, Validation, validate


def _inputs(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for case in discover(paths):
        if case.case_file is not None:
            files.append(case.case_file)
        files.extend(case.claim_files)
    return files


def _texts(result: Validation) -> list[str]:
    return [s.text_file for m in result.models for s in m.sources.values() if s.text_file]


def validation_run(paths: Sequence[Path], options: Options) -> Validation:
    """``validate(paths, options)``, less the models (which validate does not print)."""
    key = cache.run_key("validate", _inputs(paths), [options])
    cached = cache.load(key)
    if isinstance(cached, Validation):
        return cached
    result = validate(paths, options, keep_models=False)
    light = replace(result, models=())
    cache.store(key, light, _texts(result))
    return light


def comparison_run(
    paths: Sequence[Path], options: Options, *, with_facts: bool = False
) -> tuple[Validation, Report | None]:
    """Validate and, when the input is valid, compare: the report is None when it is not."""
    key = cache.run_key("compare", _inputs(paths), [options, with_facts])
    cached = cache.load(key)
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], Validation):
        return cached[0], cached[1]
    result = validate(paths, options)
    report = None if result.blocking else build_report(result, with_facts=with_facts)
    light = replace(result, models=())
    cache.store(key, (light, report), _texts(result))
    return light, report
