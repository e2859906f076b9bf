"""The command line: the only place that parses options, prints, and decides an exit code.

The ``checker`` Typer application with its commands (one module each beside this one), and
:func:`main`, which turns every error into one message and an exit code.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated

import typer

from checker import __version__
from checker.cli import check_draft, compare, report, schema, validate
from checker.cli.baseline import baseline_app, baseline_create, baseline_update
from checker.cli.streams import GuardedOutput, OutputError, QuietErrors
from checker.runtime.errors import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CheckerError,
)
from checker.runtime.escape import text, text_output

app = typer.Typer(
    name="checker",
    help=(
        "Cross-compare structured claim files from several sources and report where they "
        "disagree.\n\nExit codes: 0 clean, 1 errors or findings at or above the threshold, "
        "2 usage error or unreadable input. Settings may come from .checker.toml or "
        "[tool.checker] in pyproject.toml; options given here win."
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("validate")(validate.validate_command)
app.command("compare")(compare.compare_command)
app.command("report")(report.report_command)
app.command("check-draft")(check_draft.check_draft_command)
app.command("schema")(schema.schema_command)
baseline_app.command("create")(baseline_create)
baseline_app.command("update")(baseline_update)
app.add_typer(baseline_app, name="baseline")


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
    """Cross-compare claim files and report where sources disagree."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every error is caught here and turned into a message and an exit code.

    Standard output is guarded and flushed here, so that one that cannot take the output is
    an error with its reason; standard error takes messages without ever failing the run.
    """
    real_out, real_err = sys.stdout, sys.stderr
    guarded = GuardedOutput(real_out)
    sys.stdout, sys.stderr = guarded, QuietErrors(real_err)
    try:
        code = _main(argv)
        if guarded.failed:
            return code  # said once already
        try:
            guarded.flush()
        except OutputError as exc:
            _say(exc.message)
            code = exc.exit_code
        except BrokenPipeError:
            code = _reader_gone()
        return code
    finally:
        sys.stdout, sys.stderr = real_out, real_err


def _say(message: str) -> None:
    """``checker: message`` on standard error, one line; messages name files and values from
    the input, so they pass the plain-text escaping every output does."""
    print(text_output(text(f"checker: {message}")), file=sys.stderr)


def _reader_gone() -> int:
    """The reader went away (`checker ... | head`): nothing more can be printed."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_FINDINGS


def _main(argv: list[str] | None) -> int:
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        # Standalone mode prints usage errors (exit 2) and help itself; ours propagate to here.
        command.main(args=args, prog_name="checker", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C in a command into this exit
            _say("interrupted")
        return code if isinstance(code, int) else (EXIT_CLEAN if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except CheckerError as exc:
        if debug:
            traceback.print_exc()
        _say(exc.message)
        return exc.exit_code
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:  # a bug: say so in one line, never a bare traceback
        if debug:
            traceback.print_exc()
        _say(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        return EXIT_USAGE
    return EXIT_CLEAN
