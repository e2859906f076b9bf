"""Render annotations as GitHub Actions workflow commands, one ``::error``-style line each.

GitHub reads these lines from a step's output and pins each one to its file and line in the
pull request. Nothing else is printed: every line is a command, and input text is escaped
(:mod:`checker.runtime.escape`) so that it stays inside its command's message or property.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from checker.claims.problems import Severity
from checker.gate.annotations import Annotation, Rule
from checker.runtime.escape import workflow_data, workflow_property

COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def workflow_command(annotation: Annotation) -> str:
    properties: list[tuple[str, str]] = []
    if annotation.file:
        properties += [
            ("file", annotation.file.replace(os.sep, "/")),
            ("line", str(max(annotation.line, 1))),
            ("col", str(max(annotation.column, 1))),
        ]
    properties.append(("title", annotation.title))
    spelled = ",".join(f"{key}={workflow_property(value)}" for key, value in properties)
    return f"::{COMMANDS[annotation.severity]} {spelled}::{workflow_data(annotation.message)}"


class GithubFormat:
    """`--format github`: workflow commands that annotate a pull request's diff.

    No annotations, no output: the empty string, not a blank line.
    """

    name = "github"

    def render(
        self,
        annotations: Sequence[Annotation],
        rules: Sequence[Rule],
        command: str,
        notes: Sequence[str] = (),
    ) -> str:
        lines = [workflow_command(annotation) for annotation in annotations]
        # A run's notes as one notice, its lines joined as the runner joins them (%0A).
        if notes:
            lines.append(f"::notice title=checker {command}::{workflow_data(chr(10).join(notes))}")
        return "".join(line + "\n" for line in lines)
