"""Located annotations: findings and validation problems seen the way CI systems see them.

SARIF, JUnit, GitHub workflow commands and GitLab Code Quality all want the same thing: a rule,
a severity, a message, one place in one file, and a stable fingerprint. Both a comparison
:class:`~checker.compare.report.Report` and a :class:`~checker.claims.outcome.Validation` are
turned into that one shape here, so each CI format is written once for both commands.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from checker.claims.problems import Problem, Severity
from checker.compare.report import KIND_HELP, KINDS, Finding, Report

#: Validation problem codes, with their help text (the rules of `checker validate`).
PROBLEM_HELP: dict[str, str] = {
    "syntax": "The file is not valid YAML or JSON.",
    "encoding": "The file is not UTF-8, or holds a NUL byte.",
    "empty": "The file is empty.",
    "too-large": "The file is larger than the size cap (--max-bytes).",
    "unreadable": "The file cannot be read.",
    "duplicate-key": "A mapping defines the same key twice.",
    "alias": "YAML anchors and aliases are refused.",
    "tag": "YAML tags are refused.",
    "format": "The file's format is not the one this checker reads.",
    "schema": "The file does not match its JSON Schema.",
    "value": "A value does not fit its property's type or form.",
    "unknown-name": "A name does not resolve to a declared entity.",
    "unknown-property": "A property is not declared in case.yaml.",
    "duplicate-id": "An id is used twice.",
    "based-on": "based_on names a source that does not exist.",
    "ambiguous-name": "Two entities declare the same name or alias.",
    "affiliation-cycle": "An affiliation chain loops back on itself.",
    "text": "A source's text file cannot be read.",
    "evidence-not-found": KIND_HELP["evidence-not-found"],
    "text-missing": KIND_HELP["text-missing"],
    "name-variant": KIND_HELP["name-variant"],
}


@dataclass(frozen=True)
class Annotation:
    """One thing to show a reviewer: where, how bad, which rule, what, and a stable identity."""

    file: str
    line: int
    column: int
    severity: Severity
    rule: str
    title: str
    message: str
    fingerprint: str


@dataclass(frozen=True)
class Rule:
    id: str
    help: str
    severity: Severity


def finding_rules() -> list[Rule]:
    return [Rule(kind, KIND_HELP[kind], severity) for kind, severity in KINDS.items()]


def problem_rules() -> list[Rule]:
    return [
        Rule(
            code,
            text,
            Severity.WARNING if code in ("text-missing", "name-variant") else Severity.ERROR,
        )
        for code, text in sorted(PROBLEM_HELP.items())
    ]


def problem_fingerprint(problem: Problem) -> str:
    """Identity of a validation problem: no line or column, so that edits above it keep it."""
    payload = json.dumps([problem.code, problem.file, problem.json_path, problem.message])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def from_problems(problems: tuple[Problem, ...] | list[Problem]) -> list[Annotation]:
    return [
        Annotation(
            file=p.file,
            line=p.line,
            column=p.column,
            severity=p.severity,
            rule=p.code,
            title=f"{p.code} at {p.json_path}",
            message=p.message,
            fingerprint=problem_fingerprint(p),
        )
        for p in problems
    ]


def _title(finding: Finding) -> str:
    topic = finding.subject or "sources"
    if finding.property:
        topic += f" {finding.property}"
    return f"{finding.kind}: {topic}"


def _place(finding: Finding) -> tuple[str, int, int, str]:
    """Where a finding is shown (its own location, else its first claim) and its message,
    which names the other places (findings span several files)."""
    if finding.location is not None:
        where = finding.location
        return where.file, where.line, where.column, finding.message
    if not finding.claims:
        return "", 1, 1, finding.message
    places = sorted({(c.file, c.line) for c in finding.claims})
    (file, line), others = places[0], places[1:]
    message = finding.message
    if others:
        message += " (also at " + ", ".join(f"{f}:{n}" for f, n in others) + ")"
    return file, line, 1, message


def from_report(report: Report) -> list[Annotation]:
    """One annotation per finding."""
    out: list[Annotation] = []
    for finding in report.findings:
        file, line, column, message = _place(finding)
        out.append(
            Annotation(
                file=file,
                line=line,
                column=column,
                severity=finding.severity,
                rule=finding.kind,
                title=_title(finding),
                message=message,
                fingerprint=finding.fingerprint,
            )
        )
    return out
