"""A draft written as a claim file (``source.kind: draft``): one more source of the case.

The draft's claim file is validated with the case's own claim files, as if it sat beside them
(it usually sits in the case's ``drafts/`` folder, which ``compare`` leaves out), so that its
names resolve against the case and its values are checked like any source's. The case is then
compared as ``compare`` does, and the report keeps the findings the draft's source takes part
in, each located at the draft's first claim or quote involved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from checker.claims.discovery import discover
from checker.claims.loading import CLAIM_SUFFIXES

# The validation of one case, as validate() runs it for each case it discovers: a draft is
# added to a discovered case, which validate() has no way to be told.
from checker.claims.outcome import Collector, Options, Progress, Validation
from checker.claims.validation import validate_case
from checker.compare.report import Location, Report
from checker.runtime.errors import UsageError


def is_claim_file(name: str) -> bool:
    return Path(name).suffix.lower() in CLAIM_SUFFIXES


def validate_with_draft(
    draft: Path, against: Sequence[Path], options: Options, progress: Progress | None = None
) -> Validation:
    """Validate the one case at ``against`` with the claim file ``draft`` as one of its sources."""
    if not draft.is_file():
        raise UsageError(f"no such file: {draft}")
    cases = discover(against)
    if len(cases) != 1:
        raise UsageError(f"a draft is checked against one case, not {len(cases)}")
    case = cases[0]
    if draft.resolve() not in {f.resolve() for f in case.claim_files}:
        case.claim_files.append(draft)
    out = Collector()
    files: list[str] = []
    model = validate_case(case, options, out, files, progress=progress)
    models = (model,) if model is not None else ()
    return Validation(tuple(sorted(set(out.problems))), models, tuple(files))


def claim_file_report(draft_file: str, validation: Validation) -> Report:
    """The findings of the case that the draft's source takes part in."""
    from checker.compare.engine import build_report

    mine = {
        s.id: s
        for model in validation.models
        for s in model.sources.values()
        if s.file == draft_file
    }
    if not mine:
        raise UsageError(f"{draft_file} is not a source of the case it is checked against")
    kinds = {s.kind for s in mine.values()}
    if kinds != {"draft"}:
        raise UsageError(f"{draft_file} is a claim file of kind {', '.join(sorted(kinds))}; "
                         "a draft's claim file says source.kind: draft")  # fmt: skip
    places = [c.location for m in validation.models for c in m.claims if c.source in mine]
    places += [q.location for m in validation.models for q in m.quotes if q.source in mine]
    columns = {(place.file, place.line): place.column for place in places}
    report = build_report(validation)
    findings = []
    for finding in report.findings:
        refs = [c for c in finding.claims if c.source in mine]
        if not refs:
            continue
        first = min(refs, key=lambda c: c.line)
        column = columns.get((first.file, first.line), 1)
        findings.append(replace(finding, location=Location(first.file, first.line, column)))
    return replace(
        report,
        findings=tuple(findings),
        corroborated=tuple(c for c in report.corroborated if set(c.sources) & set(mine)),
        single_source=tuple(s for s in report.single_source if set(s.sources) & set(mine)),
        timelines=tuple(
            t for t in report.timelines if any(set(p.sources) & set(mine) for p in t.points)
        ),
    )
