"""`checker check-draft`: check a draft against a case's sources before it is published."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.options import FailOnOption, FormatOption, MaxBytes, Outputs, RequireText
from checker.cli.session import (
    case_paths,
    note,
    progress_line,
    project_config,
    refuse_invalid,
    validation_options,
)
from checker.cli.targets import emit, fails, output_targets
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError

if TYPE_CHECKING:
    from checker.claims.outcome import Validation


def read_draft(draft: str, max_bytes: int) -> str:
    """The text of a draft file, or of standard input for ``-``: UTF-8, at most max_bytes."""
    from checker.claims.loading import LoadFailure, decode_utf8
    from checker.runtime.errors import InputError

    name = "standard input" if draft == "-" else draft
    try:
        if draft == "-":
            raw = sys.stdin.buffer.read(max_bytes + 1)
        elif not Path(draft).is_file():
            raise UsageError(f"no such file: {draft}")
        else:
            raw = Path(draft).read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise InputError(f"{name} is over the size cap of {max_bytes:,} bytes (--max-bytes)")
    try:
        return decode_utf8(raw)
    except LoadFailure as failure:
        raise InputError(f"{name}:{failure.line}:{failure.column}: {failure.message}") from failure


def check_draft_command(
    draft: Annotated[
        str,
        typer.Argument(
            metavar="DRAFT",
            help="The draft: Markdown or plain text (- reads standard input), or a claim file "
            "(.yaml, .yml, .json) whose source.kind is draft.",
            show_default=False,
        ),
    ],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", help="More paths to check against.", show_default=False),
    ] = None,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against",
            "-a",
            help="The case to check against: its folder or claim files; default: the "
            "configured paths.",
            metavar="PATH",
        ),
    ] = None,
    output_format: FormatOption = None,
    outputs: Outputs = None,
    fail_on: FailOnOption = None,
    require_text: RequireText = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Check a draft against a case's sources before it is published.

    Every quotation is looked for in the sources' texts and recorded quotes: a changed quote
    is a misquote (with a word diff), a quote in no source is unverified, and a real quote
    credited to the wrong speaker is wrong-speaker. Dates, numbers and yes/no statements about
    the case's entities are compared with the sources' claims: contradicted, disputed-as-fact
    (a disputed value stated in the draft's own voice) or unsourced. A draft written as a claim
    file is compared as one more source, and only the findings it takes part in are kept.
    Every finding names the draft's line and column. Invalid case files are reported as by
    validate, and nothing is checked (exit 2). Formats: table (default), json, markdown,
    html, sarif, junit, github, gitlab.

    Examples:

        checker check-draft story.md --against claims/pasadena-ice-mou

        cat story.md | checker check-draft - --against claims/pasadena-ice-mou --format github

        checker check-draft story.md -a claims/pasadena-ice-mou -o sarif=draft.sarif --fail-on info
    """
    from checker.claims.discovery import display_path
    from checker.claims.validation import validate
    from checker.compare.runs import collector_paused
    from checker.gate.policy import override_report
    from checker.prose.draftcheck import check_draft
    from checker.prose.draftclaims import is_claim_file, validate_with_draft
    from checker.reporters.dispatch import COMPARE_FORMATS, render_report
    from checker.runtime.lifetime import keep_for_exit

    config = project_config()
    targets = output_targets(output_format, "table", outputs or [], COMPARE_FORMATS)
    threshold = fail_on.value if fail_on is not None else (config.fail_on or "error")
    cases = case_paths([*(against or []), *(paths or [])] or None, config)
    options = validation_options(require_text, max_bytes, config)
    claim_file = draft != "-" and is_claim_file(draft)
    text = "" if claim_file else read_draft(draft, options.max_bytes)
    name = "<stdin>" if draft == "-" else display_path(Path(draft))
    line = progress_line()
    try:
        with collector_paused():
            if claim_file:
                result = validate_with_draft(Path(draft), cases, options, progress=line)
            else:
                result = validate(cases, options, progress=line)
            keep_for_exit(result)
            result = _sources_not_given(result)
            refuse_invalid(result, "nothing was checked")
            report = override_report(check_draft(text, name, result), config.severity)
    finally:
        if line is not None:
            line.close()
    emit(targets, lambda fmt: render_report(fmt, report))
    raise typer.Exit(EXIT_FINDINGS if fails(report.worst(), threshold) else EXIT_CLEAN)


def _sources_not_given(result: Validation) -> Validation:
    """A source cited in ``based_on`` but not among the files given is no reason to refuse.

    A draft is often checked against some of a case's sources (or, in an evaluation, against
    all but its own): a claim file of those may cite one left out. The reference is kept (two
    sources citing it still count as one), a note names it, and every other error still
    refuses.
    """
    from checker.claims.problems import Severity

    outside = [
        p for p in result.problems
        if p.code == "based-on" and p.severity is Severity.ERROR
        and p.message.startswith("unknown source")
    ]  # fmt: skip
    if not outside:
        return result
    cited = sorted({p.message.split("'")[1] for p in outside})
    note(f"{len(outside)} based_on reference{'s' if len(outside) != 1 else ''} to sources not "
         f"given ({', '.join(cited)}): sources citing one still count once")  # fmt: skip
    kept = [p for p in result.problems if p not in outside]
    eased = [replace(p, severity=Severity.WARNING) for p in outside]
    return replace(result, problems=tuple(sorted([*kept, *eased])))
