"""`checker schema`: print one of the JSON Schemas the checker validates against."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from checker.cli.options import SchemaName


def schema_command(
    name: Annotated[SchemaName, typer.Argument(help="Which schema: case, claims or report.")],
) -> None:
    """Print one of the JSON Schemas the checker validates against.

    Example:

        checker schema claims > claims.schema.json
    """
    from checker.claims.schemas import schema_text

    sys.stdout.write(schema_text(name.value))
