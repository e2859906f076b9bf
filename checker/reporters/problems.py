"""Render validation problems: one located line each (text) or a JSON document.

A problem's file, message and path quote the input; each line is escaped as one line of
plain text (:mod:`checker.runtime.escape`), so a value with a newline or ESC in it cannot
forge a line or reach the terminal.
"""

from __future__ import annotations

from checker.claims.outcome import Validation
from checker.claims.problems import Severity
from checker.runtime.escape import json_output, text, text_output


def _summary(result: Validation) -> str:
    counts = {s: 0 for s in Severity}
    for problem in result.problems:
        counts[problem.severity] += 1
    files = len(result.files)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (
        f"{plural(counts[Severity.ERROR], 'error')}, {plural(counts[Severity.WARNING], 'warning')}"
        f" in {plural(files, 'file')}"
    )


def render_problems(result: Validation, fmt: str) -> str:
    if fmt == "json":
        document = {
            "format": "problems/1",
            "files": list(result.files),
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "severity": p.severity.label,
                    "code": p.code,
                    "message": p.message,
                    "path": p.json_path,
                }
                for p in result.problems
            ],
            "summary": {
                s.label: sum(1 for p in result.problems if p.severity is s)
                for s in (Severity.ERROR, Severity.WARNING)
            },
        }
        return json_output(document)
    lines = [text(p.render()) for p in result.problems]
    lines.append(_summary(result))
    return text_output("\n".join(lines) + "\n")
