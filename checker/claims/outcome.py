"""What validation takes and gives: its options, the problems it collects (each located), and
its outcome: every problem and the typed model of each valid case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.claims.loading import DEFAULT_MAX_BYTES, Document
from checker.claims.problems import Problem, Severity, json_path
from checker.model.case import CaseModel

#: Problems that compare reports as findings; every other error makes the input invalid.
FINDING_CODES = frozenset({"evidence-not-found", "text-missing", "name-variant"})

Progress = Callable[[int, int], None]
"""Told (files checked, files in all) as claim files are checked: the CLI draws it."""


@dataclass(frozen=True)
class Options:
    require_text: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Validation:
    """The outcome of validating some paths: every problem, and the model of each case."""

    problems: tuple[Problem, ...]
    models: tuple[CaseModel, ...]
    files: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def blocking(self) -> list[Problem]:
        """Errors that make the input unfit to compare (not findings in their own right)."""
        return [p for p in self.errors if p.code not in FINDING_CODES]


@dataclass
class Collector:
    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        document: Document,
        path: tuple[str | int, ...],
        message: str,
        *,
        code: str,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> None:
        line, column = document.locate(path, key=key)
        self.problems.append(
            Problem(document.file, line, column, severity, code, message, json_path(path))
        )
