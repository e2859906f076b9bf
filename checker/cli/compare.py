"""`checker compare`: cross-compare the sources of a case and report where they disagree."""

from __future__ import annotations

import typer

from checker.cli.options import (
    BaselineOption,
    FailOnOption,
    FormatOption,
    MaxBytes,
    Outputs,
    Paths,
    RequireText,
)
from checker.cli.session import compare_paths, note, project_config, stale_note
from checker.cli.targets import emit, fails, output_targets
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS


def compare_command(
    paths: Paths = None,
    output_format: FormatOption = None,
    outputs: Outputs = None,
    fail_on: FailOnOption = None,
    baseline: BaselineOption = None,
    require_text: RequireText = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Cross-compare the sources of a case and report where they disagree.

    Claims are grouped by subject and property; values that cannot both be true are findings,
    classified by voice (conflict, misattribution, disputed, contested-assertion), with the
    best-supported value and why. Quotes, names and evidence are checked too. Invalid files
    are reported as by validate, and nothing is compared (exit 2). Formats: table (default),
    json, markdown, html, sarif, junit, github, gitlab.

    Examples:

        checker compare claims/pasadena-ice-mou

        checker compare claims/pasadena-ice-mou --format markdown -o report.md --fail-on never

        checker compare claims --baseline .checker-baseline.json -o sarif=checker.sarif
    """
    from checker.gate.baseline import load_baseline, without_accepted
    from checker.reporters.dispatch import COMPARE_FORMATS, render_report

    config = project_config()
    targets = output_targets(output_format, "table", outputs or [], COMPARE_FORMATS)
    threshold = fail_on.value if fail_on is not None else (config.fail_on or "error")
    with_facts = any(name == "html" for name, _ in targets)
    report = compare_paths(paths, require_text, max_bytes, config, with_facts=with_facts)
    baseline_file = baseline or config.baseline
    if baseline_file is not None:
        accepted = load_baseline(baseline_file)
        stale_note(accepted.stale("compare", [f.fingerprint for f in report.findings]),
                    baseline_file)  # fmt: skip
        report, known = without_accepted(report, accepted)
        if known:
            note(f"{known} finding{'s' if known != 1 else ''} accepted by {baseline_file}")
    emit(targets, lambda name: render_report(name, report))
    raise typer.Exit(EXIT_FINDINGS if fails(report.worst(), threshold) else EXIT_CLEAN)
