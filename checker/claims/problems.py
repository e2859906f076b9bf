"""Located problems found while loading and validating claim files."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How serious a problem or finding is; ordered so that max() picks the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in one input file.

    ``line`` and ``column`` are 1-based; ``json_path`` is the path of the offending node
    (``$.claims[0].value``), ``$`` for the whole document.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    json_path: str = "$"

    def render(self) -> str:
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity.label}: "
            f"{self.message} [{self.json_path}]"
        )


def json_path(parts: tuple[str | int, ...]) -> str:
    """Spell a document path as a JSONPath (``$.claims[3].value``)."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}")
        else:
            escaped = part.replace("\\", "\\\\").replace("'", "\\'")
            out.append(f"['{escaped}']")
    return "".join(out)
