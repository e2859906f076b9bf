"""The options the commands share: paths, formats, outputs, thresholds, limits."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

# checker.claims.loading.DEFAULT_MAX_BYTES; a test keeps them equal
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


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
