"""What every command does around its own work: read the configuration, settle the paths and
validation options, show progress on a terminal, refuse invalid input, and say notes on stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.cli.options import DEFAULT_MAX_BYTES
from checker.runtime.errors import UsageError

# The engine and its libraries (jsonschema, rapidfuzz, ...) are imported by the commands that
# use them, so that `checker --help` and shell completion stay fast.
if TYPE_CHECKING:
    from checker.claims.outcome import Options, Validation
    from checker.cli.config import Config
    from checker.compare.report import Report
    from checker.gate.baseline import Entry


def project_config() -> Config:
    from checker.cli.config import load_config
    from checker.gate.policy import check_overrides

    config = load_config()
    check_overrides(config.severity, str(config.file))
    return config


def case_paths(paths: list[Path] | None, config: Config) -> list[Path]:
    chosen = list(paths or config.paths)
    if not chosen:
        raise UsageError("name at least one case folder or claim file (or set paths in config)")
    return chosen


def validation_options(require_text: bool | None, max_bytes: int | None, config: Config) -> Options:
    from checker.claims.outcome import Options

    return Options(
        require_text=bool(require_text if require_text is not None else config.require_text),
        max_bytes=max_bytes or config.max_bytes or DEFAULT_MAX_BYTES,
    )


def validate_paths(
    paths: list[Path] | None, require_text: bool | None, max_bytes: int | None, config: Config
) -> Validation:
    from checker.claims.validation import validate

    return validate(case_paths(paths, config), validation_options(require_text, max_bytes, config))


def compare_paths(
    paths: list[Path] | None,
    require_text: bool | None,
    max_bytes: int | None,
    config: Config,
    *,
    with_facts: bool = False,
    refusal: str = "nothing was compared",
) -> Report:
    """Validate and compare (from the cache when nothing changed); refuse invalid input."""
    from checker.compare.runs import comparison_run
    from checker.gate.policy import override_report

    options = validation_options(require_text, max_bytes, config)
    line = progress_line()
    try:
        result, report = comparison_run(
            case_paths(paths, config), options, with_facts=with_facts, progress=line
        )
    finally:
        if line is not None:
            line.close()
    refuse_invalid(result, refusal)
    assert report is not None  # comparison_run compares whenever the input is valid
    return override_report(report, config.severity)


def refuse_invalid(result: Validation, refusal: str) -> None:
    """Print the problems that make the input unfit (as validate does) and stop with exit 2."""
    if not result.blocking:
        return
    from checker.reporters.problems import render_problems
    from checker.runtime.errors import InputError

    sys.stderr.write(render_problems(replace(result, problems=tuple(result.blocking)), "text"))
    count = len({p.file for p in result.blocking})
    raise InputError(f"{count} invalid file{'s' if count != 1 else ''}; {refusal}")


class ProgressLine:
    """``checking claim files: 3,400 / 10,000`` on a terminal's standard error, redrawn at most
    ten times a second; nothing at all when standard error is not a terminal (CI, pipes)."""

    def __init__(self) -> None:
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if total < 50 or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        sys.stderr.write(f"\rchecking claim files: {done:,} / {total:,}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def progress_line() -> ProgressLine | None:
    quiet = bool(os.environ.get("CI")) or not sys.stderr.isatty()
    return None if quiet else ProgressLine()


def _say(line: str) -> None:
    """One line on standard error. Notes name files and quote the baseline, which are input:
    escaped as plain text (:mod:`checker.runtime.escape`), they reach the terminal or the CI log
    with no control character and no line of their own."""
    from checker.runtime.escape import text, text_output

    print(text_output(text(line)), file=sys.stderr)


def note(message: str) -> None:
    _say(f"checker: {message}")


def stale_note(stale: Sequence[Entry], baseline: Path) -> None:
    if stale:
        note(f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {baseline} "
              "no longer match anything (run: checker baseline update)")  # fmt: skip
        for entry in stale:
            _say(f"  stale: {entry.fingerprint} {entry.summary}")
