"""Render a Report as JSON in format report/1, the shape schemas/report.schema.json describes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import checker
from checker.compare.report import (
    VALUE_KINDS,
    BestSupported,
    ClaimRef,
    Corroborated,
    Coverage,
    Finding,
    Report,
    SingleSource,
    SourceInfo,
    Timeline,
)
from checker.runtime.escape import json_output

REPORT_FORMAT = "report/1"


def _plain(value: Any) -> Any:
    """A value as written, with the tuples and mappings of the frozen model made JSON lists
    and objects (a quote split into parts is a list of strings)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _source(source: SourceInfo) -> dict[str, Any]:
    return {
        "id": source.id,
        "outlet": source.outlet,
        "published": source.published,
        "file": source.file,
        "kind": source.kind,
        "title": source.title,
        "url": source.url,
    }


def _claim(claim: ClaimRef) -> dict[str, Any]:
    return {
        "kind": claim.kind,
        "source": claim.source,
        "file": claim.file,
        "line": claim.line,
        "id": claim.id,
        "value": _plain(claim.value),
        "normalized": claim.normalized,
        "attributed_to": claim.attributed_to,
        "as_of": claim.as_of,
        "role": claim.role,
        "side": claim.side,
        "hedged": claim.hedged,
        "evidence": list(claim.evidence),
        "resolution": claim.resolution,
    }


def _best_supported(best: BestSupported | None) -> dict[str, Any] | None:
    if best is None:
        return None
    return {
        "normalized": best.normalized,
        "independent_sources": best.independent_sources,
        "reasons": list(best.reasons),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    document: dict[str, Any] = {
        "kind": finding.kind,
        "severity": finding.severity.label,
        "subject": finding.subject,
        "property": finding.property,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "claims": [_claim(claim) for claim in finding.claims],
    }
    # The contract: present (possibly null, "balanced") on value discrepancies, absent otherwise.
    if finding.kind in VALUE_KINDS:
        document["best_supported"] = _best_supported(finding.best_supported)
    if finding.diff is not None:
        document["diff"] = finding.diff
    if finding.resolutions:
        document["resolutions"] = list(finding.resolutions)
    if finding.sides:
        document["sides"] = {side: list(sources) for side, sources in finding.sides}
    document["hedged"] = finding.hedged
    if finding.location is not None:
        where = finding.location
        document["location"] = {"file": where.file, "line": where.line, "column": where.column}
    return document


def _corroborated(group: Corroborated) -> dict[str, Any]:
    return {
        "subject": group.subject,
        "property": group.property,
        "normalized": group.normalized,
        "sources": list(group.sources),
        "independent_sources": group.independent_sources,
    }


def _single_source(fact: SingleSource) -> dict[str, Any]:
    return {
        "subject": fact.subject,
        "property": fact.property,
        "normalized": fact.normalized,
        "sources": list(fact.sources),
    }


def _timeline(timeline: Timeline) -> dict[str, Any]:
    return {
        "subject": timeline.subject,
        "property": timeline.property,
        "points": [
            {"as_of": point.as_of, "normalized": point.normalized, "sources": list(point.sources)}
            for point in timeline.points
        ],
    }


def report_document(report: Report) -> dict[str, Any]:
    """The report/1 document as plain JSON data, lists in the order the Report holds them."""
    document = {
        "format": REPORT_FORMAT,
        "tool": {"name": "checker", "version": checker.__version__},
        "case": report.case,
        "sources": [_source(source) for source in report.sources],
        "findings": [_finding(finding) for finding in report.findings],
        "corroborated": [_corroborated(group) for group in report.corroborated],
        "single_source": [_single_source(fact) for fact in report.single_source],
        "timelines": [_timeline(timeline) for timeline in report.timelines],
        "summary": {
            "by_kind": report.count_by_kind(),
            "by_severity": report.count_by_severity(),
        },
    }
    if report.coverage is not None:
        document["coverage"] = _coverage(report.coverage)
    return document


def _coverage(coverage: Coverage) -> dict[str, Any]:
    return {
        "read": {
            "dates": coverage.dates,
            "numbers": coverage.numbers,
            "statements": coverage.statements,
            "quotations": coverage.quotations,
        },
        "checked": {"facts": coverage.checked_facts, "quotations": coverage.checked_quotations},
        "unchecked": [
            {"line": u.line, "column": u.column, "what": u.what, "text": u.text, "why": u.why}
            for u in coverage.unchecked
        ],
        "summary": coverage.summary(),
    }


class JsonReporter:
    """`--format json`: one report/1 object for machine consumers."""

    name = "json"

    def render(self, report: Report) -> str:
        document = report_document(report)
        return json_output(document)
