"""Render annotations as GitHub Actions workflow commands, one ``::error``-style line each.

GitHub reads these lines from a step's output and pins each one to its file and line in the
pull request. Nothing else is printed: every line is a command.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from checker.claims.problems import Severity
from checker.gate.annotations import Annotation, Rule

COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message as @actions/core does (``escapeData``).

    ``%`` goes first, so a source that quotes ``%0A`` literally stays literal, and no newline in
    a message can start a line of its own: a quoted ``::error::`` is text, not a command.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value as @actions/core does (``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(annotation: Annotation) -> str:
    properties: list[tuple[str, str]] = []
    if annotation.file:
        properties += [
            ("file", annotation.file.replace(os.sep, "/")),
            ("line", str(max(annotation.line, 1))),
            ("col", str(max(annotation.column, 1))),
        ]
    properties.append(("title", annotation.title))
    spelled = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[annotation.severity]} {spelled}::{escape_data(annotation.message)}"


class GithubFormat:
    """`--format github`: workflow commands that annotate a pull request's diff.

    No annotations, no output: the empty string, not a blank line.
    """

    name = "github"

    def render(self, annotations: Sequence[Annotation], rules: Sequence[Rule], command: str) -> str:
        return "".join(workflow_command(annotation) + "\n" for annotation in annotations)
