"""The command line: the only place that parses options, prints, and decides an exit code."""

from __future__ import annotations

import os
import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from checker import __version__
from checker.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, CheckerError, UsageError
from checker.loading import DEFAULT_MAX_BYTES
from checker.problems import Severity
from checker.validation import Options, validate

app = typer.Typer(
    name="checker",
    help=(
        "Cross-compare structured claim files from several sources and report where they "
        "disagree.\n\nExit codes: 0 clean, 1 errors or findings at or above the threshold, "
        "2 usage error or unreadable input."
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"


class SchemaName(StrEnum):
    case = "case"
    claims = "claims"
    report = "report"


Paths = Annotated[
    list[Path],
    typer.Argument(help="Case folders or claim files (YAML or JSON).", show_default=False),
]
RequireText = Annotated[
    bool,
    typer.Option("--require-text", help="A source whose declared text file is absent is an error."),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse input files larger than this many bytes."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"checker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    _state["debug"] = debug


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from checker.output import write_atomic

    write_atomic(output, text)


def _output_targets(default_format: str, outputs: list[str]) -> list[tuple[Any, Path | None]]:
    """Pair each requested output with its reporter: stdout in --format when none is named."""
    from checker.reporters import REPORTER_BY_NAME, get_reporter

    def reporter(name: str) -> Any:
        try:
            return get_reporter(name)
        except KeyError:
            choices = ", ".join(sorted(REPORTER_BY_NAME))
            raise UsageError(f"unknown format '{name}' (choose {choices})") from None

    if not outputs:
        return [(reporter(default_format), None)]
    targets: list[tuple[Any, Path | None]] = []
    for spec in outputs:
        name, sep, file = spec.partition("=")
        if sep and name in REPORTER_BY_NAME:
            targets.append((reporter(name), Path(file)))
        elif sep and "/" not in name and "." not in name:
            reporter(name)  # an unknown format: say so
        else:
            targets.append((reporter(default_format), Path(spec)))
    return targets


@app.command("validate")
def validate_command(
    paths: Paths,
    output_format: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="How to print the problems.")
    ] = ProblemFormat.text,
    require_text: RequireText = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Check claim files and case files against the schemas and the claim format.

    Reports every problem as FILE:LINE:COL: severity: message [json-path], sorted by file and
    line: syntax, schema and meaning errors, names that do not resolve, and evidence or quotes
    that are not in the source's text. Exits 1 when there are errors.

    Example:

        checker validate claims/pasadena-ice-mou
    """
    from checker.reporters.problems import render_problems

    result = validate(paths, Options(require_text=require_text, max_bytes=max_bytes))
    sys.stdout.write(render_problems(result, output_format.value))
    raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_CLEAN)


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _fails(report_worst: Severity | None, fail_on: FailOn) -> bool:
    if fail_on is FailOn.never or report_worst is None:
        return False
    return report_worst >= Severity.parse(fail_on.value)


@app.command("compare")
def compare_command(
    paths: Paths,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Report format: table, json or markdown.", metavar="FORMAT"
        ),
    ] = "table",
    outputs: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to FILE (in --format), or FORMAT=FILE; repeat for several.",
            metavar="[FORMAT=]FILE",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity."),
    ] = FailOn.error,
    require_text: RequireText = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Cross-compare the sources of a case and report where they disagree.

    Claims are grouped by subject and property; values that cannot both be true are
    findings, classified by voice (conflict, misattribution, disputed, contested-assertion),
    with the best-supported value and why. Quotes, names and evidence are checked too.
    Invalid files are reported as by validate, and nothing is compared (exit 2).

    Examples:

        checker compare claims/pasadena-ice-mou

        checker compare claims/pasadena-ice-mou --format markdown -o report.md --fail-on never

        checker compare claims/case -o json=report.json -o markdown=report.md
    """
    from checker.engine import build_report
    from checker.errors import InputError
    from checker.reporters.problems import render_problems

    targets = _output_targets(output_format, outputs or [])
    result = validate(paths, Options(require_text=require_text, max_bytes=max_bytes))
    if result.blocking:
        sys.stderr.write(render_problems(result, "text"))
        count = len({p.file for p in result.blocking})
        raise InputError(f"{count} invalid file{'s' if count != 1 else ''}; nothing was compared")
    report = build_report(result)
    for reporter, target in targets:
        _write(reporter.render(report), target)
    raise typer.Exit(EXIT_FINDINGS if _fails(report.worst(), fail_on) else EXIT_CLEAN)


@app.command("schema")
def schema_command(
    name: Annotated[SchemaName, typer.Argument(help="Which schema: case, claims or report.")],
) -> None:
    """Print one of the JSON Schemas the checker validates against.

    Example:

        checker schema claims > claims.schema.json
    """
    from checker.schemas import schema_text

    sys.stdout.write(schema_text(name.value))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every error is caught here and turned into a message and an exit code."""
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        # Standalone mode prints usage errors (exit 2) and help itself; ours propagate to here.
        command.main(args=args, prog_name="checker", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (EXIT_CLEAN if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except CheckerError as exc:
        if debug:
            traceback.print_exc()
        print(f"checker: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`checker ... | head`); nothing more can be printed.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except Exception as exc:  # a bug: say so in one line, never a bare traceback
        if debug:
            traceback.print_exc()
        print(
            f"checker: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return EXIT_CLEAN


__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "Severity", "UsageError", "app", "main"]
