"""The command line: the only place that parses options, prints, and decides an exit code."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker import __version__
from checker.errors import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CheckerError,
    UsageError,
)

# The engine and its libraries (jsonschema, rapidfuzz, ...) are imported by the commands that
# use them, so that `checker --help` and shell completion stay fast.
if TYPE_CHECKING:
    from checker.baseline import Entry
    from checker.config import Config
    from checker.problems import Severity
    from checker.report import Report
    from checker.validation import Options, Validation

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # checker.loading.DEFAULT_MAX_BYTES; a test keeps them equal

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
baseline_app = typer.Typer(
    help="Accept today's findings, so that CI fails only on new ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(baseline_app, name="baseline")


class SchemaName(StrEnum):
    case = "case"
    claims = "claims"
    report = "report"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Case folders or claim files (YAML or JSON); default: the configured paths.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Output format (see above).", metavar="FORMAT"),
]
Outputs = Annotated[
    list[str] | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE (in --format), or FORMAT=FILE; repeat for several outputs.",
        metavar="[FORMAT=]FILE",
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity [default: error]."),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", help="Fail only on findings this baseline file does not accept."),
]
RequireText = Annotated[
    bool | None,
    typer.Option(
        "--require-text/--allow-missing-text",
        help="Whether a source whose declared text file is absent is an error.",
        show_default=False,
    ),
]
MaxBytes = Annotated[
    int | None,
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
    """Cross-compare claim files and report where sources disagree."""


def _config() -> Config:
    from checker.config import load_config
    from checker.policy import check_overrides

    config = load_config()
    check_overrides(config.severity, str(config.file))
    return config


def _paths(paths: list[Path] | None, config: Config) -> list[Path]:
    chosen = list(paths or config.paths)
    if not chosen:
        raise UsageError("name at least one case folder or claim file (or set paths in config)")
    return chosen


def _options(require_text: bool | None, max_bytes: int | None, config: Config) -> Options:
    from checker.validation import Options

    return Options(
        require_text=bool(require_text if require_text is not None else config.require_text),
        max_bytes=max_bytes or config.max_bytes or DEFAULT_MAX_BYTES,
    )


def _validate(
    paths: list[Path] | None, require_text: bool | None, max_bytes: int | None, config: Config
) -> Validation:
    from checker.validation import validate

    return validate(_paths(paths, config), _options(require_text, max_bytes, config))


def _compare(
    paths: list[Path] | None,
    require_text: bool | None,
    max_bytes: int | None,
    config: Config,
    *,
    with_facts: bool = False,
    refusal: str = "nothing was compared",
) -> Report:
    """Validate and compare (from the cache when nothing changed); refuse invalid input."""
    from checker.policy import override_report
    from checker.runs import comparison_run

    options = _options(require_text, max_bytes, config)
    line = _progress()
    try:
        result, report = comparison_run(
            _paths(paths, config), options, with_facts=with_facts, progress=line
        )
    finally:
        if line is not None:
            line.close()
    _refuse_invalid(result, refusal)
    assert report is not None  # comparison_run compares whenever the input is valid
    return override_report(report, config.severity)


def _refuse_invalid(result: Validation, refusal: str) -> None:
    """Print the problems that make the input unfit (as validate does) and stop with exit 2."""
    if not result.blocking:
        return
    from checker.errors import InputError
    from checker.reporters.problems import render_problems

    sys.stderr.write(render_problems(replace(result, problems=tuple(result.blocking)), "text"))
    count = len({p.file for p in result.blocking})
    raise InputError(f"{count} invalid file{'s' if count != 1 else ''}; {refusal}")


def _targets(
    explicit: str | None, default: str, outputs: Sequence[str], allowed: Sequence[str]
) -> list[tuple[str, Path | None]]:
    """Pair each requested output with its format.

    ``--output FILE`` sends the ``--format`` output (default: the command's default format) to
    FILE instead of standard output; ``--output FORMAT=FILE`` adds one more output. So standard
    output keeps the main format unless a plain FILE took it: CI logs stay readable while
    SARIF or JUnit go to files.
    """

    def known(name: str) -> str:
        if name not in allowed:
            raise UsageError(f"unknown format '{name}' (choose {', '.join(allowed)})")
        return name

    main_format = known(explicit or default)
    targets: list[tuple[str, Path | None]] = []
    stdout = True
    for spec in outputs:
        name, sep, file = spec.partition("=")
        if sep and "/" not in name and "." not in name:
            targets.append((known(name), Path(file)))
        else:
            targets.append((main_format, Path(spec)))
            stdout = False
    if stdout:
        targets.insert(0, (main_format, None))
    return targets


def _emit(targets: list[tuple[str, Path | None]], render: Callable[[str], str]) -> None:
    from checker.output import write_atomic

    for name, path in targets:
        text = render(name)
        if path is None:
            sys.stdout.write(text)
        else:
            write_atomic(path, text)


def _fails(worst: Severity | None, fail_on: str) -> bool:
    from checker.problems import Severity

    if fail_on == FailOn.never or worst is None:
        return False
    return worst >= Severity.parse(fail_on)


class _ProgressLine:
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


def _progress() -> _ProgressLine | None:
    quiet = bool(os.environ.get("CI")) or not sys.stderr.isatty()
    return None if quiet else _ProgressLine()


def _note(message: str) -> None:
    print(f"checker: {message}", file=sys.stderr)


def _stale_note(stale: Sequence[Entry], baseline: Path) -> None:
    if stale:
        _note(f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {baseline} "
              "no longer match anything (run: checker baseline update)")  # fmt: skip
        for entry in stale:
            print(f"  stale: {entry.fingerprint} {entry.summary}", file=sys.stderr)


@app.command("validate")
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
    from checker.annotations import problem_fingerprint
    from checker.baseline import load_baseline
    from checker.policy import override_problems
    from checker.reporters.dispatch import VALIDATE_FORMATS, render_validation
    from checker.runs import validation_run

    config = _config()
    targets = _targets(output_format, "text", outputs or [], VALIDATE_FORMATS)
    line = _progress()
    try:
        result = validation_run(
            _paths(paths, config), _options(require_text, max_bytes, config), line
        )
    finally:
        if line is not None:
            line.close()
    result = replace(result, problems=override_problems(result.problems, config.severity))
    baseline_file = baseline or config.baseline
    if baseline_file is not None:
        accepted = load_baseline(baseline_file)
        seen = [problem_fingerprint(p) for p in result.problems]
        _stale_note(accepted.stale("validate", seen), baseline_file)
        result = replace(
            result,
            problems=tuple(p for p in result.problems if problem_fingerprint(p) not in accepted),
        )
    _emit(targets, lambda name: render_validation(name, result))
    raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_CLEAN)


@app.command("compare")
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
    from checker.baseline import load_baseline, without_accepted
    from checker.reporters.dispatch import COMPARE_FORMATS, render_report

    config = _config()
    targets = _targets(output_format, "table", outputs or [], COMPARE_FORMATS)
    threshold = fail_on.value if fail_on is not None else (config.fail_on or "error")
    with_facts = any(name == "html" for name, _ in targets)
    report = _compare(paths, require_text, max_bytes, config, with_facts=with_facts)
    baseline_file = baseline or config.baseline
    if baseline_file is not None:
        accepted = load_baseline(baseline_file)
        _stale_note(accepted.stale("compare", [f.fingerprint for f in report.findings]),
                    baseline_file)  # fmt: skip
        report, known = without_accepted(report, accepted)
        if known:
            _note(f"{known} finding{'s' if known != 1 else ''} accepted by {baseline_file}")
    _emit(targets, lambda name: render_report(name, report))
    raise typer.Exit(EXIT_FINDINGS if _fails(report.worst(), threshold) else EXIT_CLEAN)


def _baseline_entries(paths: list[Path] | None, config: Config) -> list[Entry]:
    from checker.baseline import finding_entry, problem_entry
    from checker.engine import build_report
    from checker.policy import override_problems, override_report

    result = _validate(paths, None, None, config)
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


@baseline_app.command("create")
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
    from checker.baseline import DEFAULT_BASELINE, write_baseline

    config = _config()
    target = file or config.baseline or Path(DEFAULT_BASELINE)
    if target.exists():
        raise UsageError(f"{target} exists already (use: checker baseline update)")
    entries = [replace(e, reason=reason) for e in _baseline_entries(paths, config)]
    count = write_baseline(target, entries)
    _note(f"wrote {count} entr{'y' if count == 1 else 'ies'} to {target}")


@baseline_app.command("update")
def baseline_update(paths: Paths = None, file: BaselineFile = None) -> None:
    """Rewrite a baseline to today's findings, keeping the reasons of those still present.

    Entries that no longer match anything are dropped; new findings are added with an empty
    reason. The file is replaced atomically.

    Example:

        checker baseline update claims --file .checker-baseline.json
    """
    from checker.baseline import DEFAULT_BASELINE, load_baseline, write_baseline

    config = _config()
    target = file or config.baseline or Path(DEFAULT_BASELINE)
    previous = load_baseline(target)
    entries = _baseline_entries(paths, config)
    count = write_baseline(target, entries, previous)
    dropped = len(set(previous.entries) - {e.fingerprint for e in entries})
    _note(f"wrote {count} entr{'y' if count == 1 else 'ies'} to {target} ({dropped} dropped)")


@app.command("report")
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
    and report.json are the compare command's markdown and json formats. Each file is replaced
    atomically. Findings do not fail the command unless --fail-on is given; invalid files are
    reported as by validate, and nothing is written (exit 2).

    Example:

        checker report claims/pasadena-ice-mou --out reports/pasadena-ice-mou
    """
    from checker.output import write_atomic
    from checker.reporters.dispatch import render_report

    config = _config()
    report = _compare(
        paths, require_text, max_bytes, config, with_facts=True, refusal="nothing was written"
    )
    for name, fmt in (("index.html", "html"), ("report.md", "markdown"), ("report.json", "json")):
        write_atomic(out / name, render_report(fmt, report))
    _note(f"wrote {out / 'index.html'}, report.md and report.json")
    threshold = fail_on.value if fail_on is not None else FailOn.never
    raise typer.Exit(EXIT_FINDINGS if _fails(report.worst(), threshold) else EXIT_CLEAN)


def _read_draft(draft: str, max_bytes: int) -> str:
    """The text of a draft file, or of standard input for ``-``: UTF-8, at most max_bytes."""
    from checker.errors import InputError
    from checker.loading import LoadFailure, decode_utf8

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


@app.command("check-draft")
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
    from checker.discovery import display_path
    from checker.draftcheck import check_draft
    from checker.draftclaims import is_claim_file, validate_with_draft
    from checker.lifetime import keep_for_exit
    from checker.policy import override_report
    from checker.reporters.dispatch import COMPARE_FORMATS, render_report
    from checker.runs import collector_paused
    from checker.validation import validate

    config = _config()
    targets = _targets(output_format, "table", outputs or [], COMPARE_FORMATS)
    threshold = fail_on.value if fail_on is not None else (config.fail_on or "error")
    cases = _paths([*(against or []), *(paths or [])] or None, config)
    options = _options(require_text, max_bytes, config)
    claim_file = draft != "-" and is_claim_file(draft)
    text = "" if claim_file else _read_draft(draft, options.max_bytes)
    name = "<stdin>" if draft == "-" else display_path(Path(draft))
    line = _progress()
    try:
        with collector_paused():
            if claim_file:
                result = validate_with_draft(Path(draft), cases, options, progress=line)
            else:
                result = validate(cases, options, progress=line)
            keep_for_exit(result)
            _refuse_invalid(result, "nothing was checked")
            report = override_report(check_draft(text, name, result), config.severity)
    finally:
        if line is not None:
            line.close()
    _emit(targets, lambda fmt: render_report(fmt, report))
    raise typer.Exit(EXIT_FINDINGS if _fails(report.worst(), threshold) else EXIT_CLEAN)


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
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C in a command into this exit
            print("checker: interrupted", file=sys.stderr)
        return code if isinstance(code, int) else (EXIT_CLEAN if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except CheckerError as exc:
        if debug:
            traceback.print_exc()
        print(f"checker: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`checker ... | head`): nothing more can be printed.
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
