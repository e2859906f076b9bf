"""`checker report`: write a case's report for people to read (HTML, Markdown and JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.cli.options import FailOn, MaxBytes, Paths, RequireText
from checker.cli.session import compare_paths, note, project_config
from checker.cli.targets import fails
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS


def report_command(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder to write index.html, report.md and report.json into (made if absent).",
            metavar="DIR",
            show_default=False,
        ),
    ],
    paths: Paths = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding reaches this severity [default: never]."
        ),
    ] = None,
    require_text: RequireText = None,
    max_bytes: MaxBytes = None,
) -> None:
    """Write a case's report for people to read: DIR/index.html, beside report.md and report.json.

    index.html is one self-contained page (no network requests, readable on a phone, printable):
    a summary of the sources and findings, a timeline of the dated facts, an agreement matrix
    of sources against facts, and a card per finding with its claims and evidence. report.md
    and report.json are the compare command's markdown and json formats. The three are
    replaced as a set: a reader, or a run stopped at any point, sees all old files or all new
    ones. Findings do not fail the command unless --fail-on is given; invalid files are
    reported as by validate, and nothing is written (exit 2).

    Example:

        checker report claims/pasadena-ice-mou --out reports/pasadena-ice-mou
    """
    from checker.reporters.dispatch import render_report
    from checker.runtime.output import replace_files

    config = project_config()
    report = compare_paths(
        paths, require_text, max_bytes, config, with_facts=True, refusal="nothing was written"
    )
    formats = {"index.html": "html", "report.md": "markdown", "report.json": "json"}
    replace_files(out, {name: render_report(fmt, report) for name, fmt in formats.items()})
    note(f"wrote {out / 'index.html'}, report.md and report.json")
    threshold = fail_on.value if fail_on is not None else FailOn.never
    raise typer.Exit(EXIT_FINDINGS if fails(report.worst(), threshold) else EXIT_CLEAN)
