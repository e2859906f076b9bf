"""Per-kind severity overrides, applied alike to findings and validation problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from checker.claims.problems import Problem, Severity
from checker.compare.report import KINDS, Report
from checker.model.names import did_you_mean, suggest
from checker.runtime.errors import UsageError

OFF = "off"
#: Overrides apply to finding kinds only: an invalid file stays invalid whatever the settings.
KNOWN_KINDS = tuple(sorted(KINDS))


def check_overrides(overrides: Mapping[str, str], origin: str) -> None:
    for kind in overrides:
        if kind not in KNOWN_KINDS:
            hint = did_you_mean(suggest(kind, KNOWN_KINDS))
            raise UsageError(f"{origin}: unknown finding kind '{kind}' in severity{hint}")


def _level(kind: str, current: Severity, overrides: Mapping[str, str]) -> Severity | None:
    wanted = overrides.get(kind)
    if wanted is None:
        return current
    return None if wanted == OFF else Severity.parse(wanted)


def override_report(report: Report, overrides: Mapping[str, str]) -> Report:
    if not overrides:
        return report
    findings = []
    for finding in report.findings:
        level = _level(finding.kind, finding.severity, overrides)
        if level is not None:
            findings.append(replace(finding, severity=level))
    return replace(report, findings=tuple(findings))


def override_problems(
    problems: tuple[Problem, ...], overrides: Mapping[str, str]
) -> tuple[Problem, ...]:
    if not overrides:
        return problems
    out = []
    for problem in problems:
        level = _level(problem.code, problem.severity, overrides)
        if level is not None:
            out.append(replace(problem, severity=level))
    return tuple(out)
