"""`checker baseline create|update`: accept today's findings, so that CI fails only on new ones."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.options import Paths
from checker.cli.session import note, project_config, validate_paths
from checker.runtime.errors import UsageError

if TYPE_CHECKING:
    from checker.cli.config import Config
    from checker.gate.baseline import Entry

baseline_app = typer.Typer(
    help="Accept today's findings, so that CI fails only on new ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def baseline_entries(paths: list[Path] | None, config: Config) -> list[Entry]:
    from checker.compare.engine import build_report
    from checker.gate.baseline import finding_entry, problem_entry
    from checker.gate.policy import override_problems, override_report

    result = validate_paths(paths, None, None, config)
    problems = override_problems(result.problems, config.severity)
    entries = [problem_entry(p) for p in problems]
    if not result.blocking:
        report = override_report(build_report(result), config.severity)
        entries += [finding_entry(f) for f in report.findings]
    return entries


BaselineFile = Annotated[
    Path | None,
    typer.Option("--file", help="The baseline file [default: .checker-baseline.json]."),
]


def baseline_create(
    paths: Paths = None,
    file: BaselineFile = None,
    reason: Annotated[
        str, typer.Option("--reason", help="Why these findings are accepted (stored with each).")
    ] = "",
) -> None:
    """Accept every current finding and problem: write them to a baseline file.

    The file is sorted JSON keyed by fingerprint (no line numbers), each entry with a reason
    to fill in. Refuses to overwrite an existing baseline: use update for that.

    Example:

        checker baseline create claims --file .checker-baseline.json --reason "known, reported"
    """
    from checker.gate.baseline import DEFAULT_BASELINE, write_baseline

    config = project_config()
    target = file or config.baseline or Path(DEFAULT_BASELINE)
    if target.exists():
        raise UsageError(f"{target} exists already (use: checker baseline update)")
    entries = [replace(e, reason=reason) for e in baseline_entries(paths, config)]
    count = write_baseline(target, entries)
    note(f"wrote {count} entr{'y' if count == 1 else 'ies'} to {target}")


def baseline_update(paths: Paths = None, file: BaselineFile = None) -> None:
    """Rewrite a baseline to today's findings, keeping the reasons of those still present.

    Entries that no longer match anything are dropped; new findings are added with an empty
    reason. The file is replaced atomically.

    Example:

        checker baseline update claims --file .checker-baseline.json
    """
    from checker.gate.baseline import DEFAULT_BASELINE, load_baseline, write_baseline

    config = project_config()
    target = file or config.baseline or Path(DEFAULT_BASELINE)
    previous = load_baseline(target)
    entries = baseline_entries(paths, config)
    count = write_baseline(target, entries, previous)
    dropped = len(set(previous.entries) - {e.fingerprint for e in entries})
    note(f"wrote {count} entr{'y' if count == 1 else 'ies'} to {target} ({dropped} dropped)")
