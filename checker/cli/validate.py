"""`checker validate`: check claim and case files against the schemas and the format."""

from __future__ import annotations

from dataclasses import replace

import typer

from checker.cli.options import BaselineOption, FormatOption, MaxBytes, Outputs, Paths, RequireText
from checker.cli.session import (
    case_paths,
    progress_line,
    project_config,
    stale_note,
    validation_options,
)
from checker.cli.targets import emit, output_targets
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS


def validate_command(
    paths: Paths = None,
    output_format: FormatOption = None,
    outputs: Outputs = None,
    baseline: BaselineOption = None,
    require_text: RequireText = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Check claim files and case files against the schemas and the claim format.

    Reports every problem as FILE:LINE:COL: severity: message [json-path], sorted by file and
    line: syntax, schema and meaning errors, names that do not resolve, and evidence or quotes
    that are not in the source's text. Exits 1 when there are errors. Formats: text (default),
    json, sarif, junit, github, gitlab.

    Examples:

        checker validate claims/pasadena-ice-mou

        checker validate claims --format github -o sarif=checker.sarif
    """
    from checker.compare.runs import validation_run
    from checker.gate.annotations import problem_fingerprint
    from checker.gate.baseline import load_baseline
    from checker.gate.policy import override_problems
    from checker.reporters.dispatch import VALIDATE_FORMATS, render_validation

    config = project_config()
    targets = output_targets(output_format, "text", outputs or [], VALIDATE_FORMATS)
    line = progress_line()
    try:
        result = validation_run(
            case_paths(paths, config), validation_options(require_text, max_bytes, config), line
        )
    finally:
        if line is not None:
            line.close()
    result = replace(result, problems=override_problems(result.problems, config.severity))
    baseline_file = baseline or config.baseline
    if baseline_file is not None:
        accepted = load_baseline(baseline_file)
        seen = [problem_fingerprint(p) for p in result.problems]
        stale_note(accepted.stale("validate", seen), baseline_file)
        result = replace(
            result,
            problems=tuple(p for p in result.problems if problem_fingerprint(p) not in accepted),
        )
    emit(targets, lambda name: render_validation(name, result))
    raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_CLEAN)
