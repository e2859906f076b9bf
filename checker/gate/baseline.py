"""Baselines: accept today's findings so that a CI gate fails only on new ones.

A baseline is a JSON file keyed by fingerprint (sorted, no line numbers), one entry per accepted
finding or validation problem, each with a ``reason`` for the people who accepted it:

```json
{
  "format": "baseline/1",
  "entries": {
    "56bfc36042aa05a7b2a7": {
      "command": "compare",
      "kind": "conflict",
      "summary": "ppd-ice-mou signed_on: 2016-11-15 | 2016-11-16",
      "reason": "Altadena Now misdates the signing; noted in the story"
    }
  }
}
```
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checker.claims.loading import LoadFailure, load_document, unreadable_reason
from checker.claims.problems import Problem
from checker.compare.report import Finding, Report
from checker.gate.annotations import problem_fingerprint
from checker.runtime.errors import UsageError
from checker.runtime.escape import json_output
from checker.runtime.output import write_atomic

BASELINE_FORMAT = "baseline/1"
DEFAULT_BASELINE = ".checker-baseline.json"


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    command: str
    kind: str
    summary: str
    reason: str = ""


@dataclass(frozen=True)
class Baseline:
    entries: Mapping[str, Entry]

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.entries

    def stale(self, command: str, seen: Iterable[str]) -> list[Entry]:
        """Entries of ``command`` that match nothing any more."""
        present = set(seen)
        return [
            e
            for fp, e in sorted(self.entries.items())
            if e.command == command and fp not in present
        ]


def finding_entry(finding: Finding) -> Entry:
    topic = " ".join(p for p in (finding.subject, finding.property) if p)
    return Entry(
        finding.fingerprint, "compare", finding.kind, f"{topic}: {' | '.join(finding.values)}"
    )


def problem_entry(problem: Problem) -> Entry:
    return Entry(
        problem_fingerprint(problem),
        "validate",
        problem.code,
        f"{problem.file} {problem.json_path}: {problem.message}",
    )


def load_baseline(path: Path) -> Baseline:
    """Read a baseline; a missing or malformed file is a usage error naming where it is wrong."""
    if not os.path.lexists(path):
        raise UsageError(
            f"baseline {path} does not exist (create it with: checker baseline create)"
        )
    reason = unreadable_reason(path)  # before opening: a FIFO would block the run
    if reason is not None:
        raise UsageError(f"baseline {path} cannot be read: {reason}")
    try:
        document = load_document(path, str(path))
    except LoadFailure as failure:
        raise UsageError(f"{path}:{failure.line}:{failure.column}: {failure.message}") from None
    data = document.data
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise UsageError(f"{path}:1:1: not a {BASELINE_FORMAT} file")
    if not isinstance(entries, dict):
        raise UsageError(f"{path}:1:1: 'entries' must be a mapping of fingerprint to entry")
    out: dict[str, Entry] = {}
    for fingerprint, raw in entries.items():
        if not isinstance(raw, dict) or not all(
            isinstance(raw.get(k), str) for k in ("command", "kind", "summary")
        ):
            line, column = document.locate(("entries", fingerprint))
            raise UsageError(
                f"{path}:{line}:{column}: entry {fingerprint} needs command, kind and summary"
            )
        reason = raw.get("reason", "")
        out[fingerprint] = Entry(
            fingerprint,
            raw["command"],
            raw["kind"],
            raw["summary"],
            reason if isinstance(reason, str) else "",
        )
    return Baseline(out)


def render_baseline(entries: Iterable[Entry]) -> str:
    document: dict[str, Any] = {
        "format": BASELINE_FORMAT,
        "entries": {
            e.fingerprint: {
                "command": e.command,
                "kind": e.kind,
                "summary": e.summary,
                "reason": e.reason,
            }
            for e in sorted(entries, key=lambda e: e.fingerprint)
        },
    }
    return json_output(document)  # input text in it is escaped as in every JSON output


def write_baseline(path: Path, entries: Iterable[Entry], previous: Baseline | None = None) -> int:
    """Write ``entries`` atomically, keeping the reasons already given for the same findings."""
    kept = []
    for entry in entries:
        old = previous.entries.get(entry.fingerprint) if previous else None
        kept.append(replace(entry, reason=old.reason) if old and old.reason else entry)
    unique = {e.fingerprint: e for e in kept}
    write_atomic(path, render_baseline(unique.values()))
    return len(unique)


def without_accepted(report: Report, baseline: Baseline) -> tuple[Report, int]:
    """The report less the findings the baseline accepts, and how many those were."""
    new = tuple(f for f in report.findings if f.fingerprint not in baseline)
    return replace(report, findings=new), len(report.findings) - len(new)
