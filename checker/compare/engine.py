"""Assemble the report of validated cases: value findings, quotes, names, evidence, sources."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict

from checker.claims.outcome import Validation
from checker.claims.problems import Problem
from checker.compare.agreement import when
from checker.compare.comparison import compare_claims
from checker.compare.quotes import quote_findings, quote_ref
from checker.compare.report import (
    KINDS,
    ClaimRef,
    Days,
    Event,
    Fact,
    FactValue,
    Finding,
    Report,
    SourceInfo,
    fingerprint,
)
from checker.compare.support import claim_ref
from checker.model.case import CaseModel, Claim, PropertySpec, Quote, value_type
from checker.model.dates import DateSpan, DateValue
from checker.model.numbers import NumberValue
from checker.model.text import fold_name

_ITEM = re.compile(r"^\$\.(claims|quotes)\[(\d+)\]")


def _name_findings(model: CaseModel) -> list[Finding]:
    variants: dict[str, list[ClaimRef]] = defaultdict(list)
    for use in model.names:
        if use.exact:
            continue
        variants[use.entity].append(
            ClaimRef(
                kind="name",
                source=use.source,
                file=use.location.file,
                line=use.location.line,
                id=use.ref,
                value=use.written,
                normalized=fold_name(use.written),
                role=use.role,
            )
        )
    findings = []
    for entity, refs in sorted(variants.items()):
        refs.sort(key=lambda r: (r.source, r.line, r.normalized))
        declared = model.case.entities[entity]
        spelled = ", ".join(sorted({f"'{r.value}'" for r in refs}))
        findings.append(
            Finding(
                kind="name-variant",
                severity=KINDS["name-variant"],
                subject=entity,
                property=None,
                message=f"{spelled} is not a declared name of {entity} ({declared.name}); "
                "check the spelling against the source",
                fingerprint=fingerprint("name-variant", entity, None, [r.normalized for r in refs]),
                claims=tuple(refs),
            )
        )
    return findings


def _problem_findings(model: CaseModel, problems: list[Problem]) -> list[Finding]:
    """Evidence that is not in a source's text, and texts that are missing, as findings."""
    if not any(p.code in ("text-missing", "evidence-not-found") for p in problems):
        return []
    claims: dict[tuple[str, str, int], Claim | Quote] = {}
    for claim in model.claims:
        claims[(claim.location.file, "claims", claim.index)] = claim
    for quote in model.quotes:
        claims[(quote.location.file, "quotes", quote.index)] = quote
    missing: dict[tuple[str | None, str | None], list[tuple[ClaimRef, str]]] = defaultdict(list)
    texts: list[ClaimRef] = []
    by_file = {s.file: s for s in model.sources.values()}
    for problem in problems:
        source = by_file.get(problem.file)
        if source is None:
            continue
        if problem.code == "text-missing":
            texts.append(
                ClaimRef(
                    "source",
                    source.id,
                    source.file,
                    problem.line,
                    None,
                    source.text,
                    source.text or "",
                )
            )
            continue
        match = _ITEM.match(problem.json_path)
        item = claims.get((problem.file, match[1], int(match[2]))) if match else None
        if problem.code != "evidence-not-found" or item is None:
            continue
        if isinstance(item, Claim):
            ref = claim_ref(item, "speaker" if item.attributed_to else "own-voice", None)
            missing[(item.subject, item.property)].append((ref, problem.message))
        else:
            missing[(item.speaker, None)].append((quote_ref(item), problem.message))
    findings = []
    for (subject, prop), entries in sorted(
        missing.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")
    ):
        refs = tuple(r for r, _ in entries)
        details = "; ".join(f"{r.file}:{r.line}: {m}" for r, m in entries)
        findings.append(
            Finding(
                kind="evidence-not-found",
                severity=KINDS["evidence-not-found"],
                subject=subject,
                property=prop,
                message=details,
                fingerprint=fingerprint(
                    "evidence-not-found", subject, prop, [r.normalized for r in refs]
                ),
                claims=refs,
            )
        )
    if texts:
        texts.sort(key=lambda r: r.source)
        findings.append(
            Finding(
                kind="text-missing",
                severity=KINDS["text-missing"],
                subject=None,
                property=None,
                message="source texts not found, so their evidence is unverified: "
                + ", ".join(f"{r.source} ({r.value})" for r in texts),
                fingerprint=fingerprint("text-missing", None, None, [r.source for r in texts]),
                claims=tuple(texts),
            )
        )
    return findings


def _days(span: DateSpan) -> Days:
    return (
        None if span.start == datetime.date.min else span.start.isoformat(),
        None if span.end == datetime.date.max else span.end.isoformat(),
    )


def _fact_value(claim: Claim) -> FactValue:
    value, holds = claim.value, when(claim)
    return FactValue(
        source=claim.source,
        normalized=claim.normalized,
        file=claim.location.file,
        line=claim.location.line,
        attributed_to=claim.attributed_to,
        as_of=claim.as_of.normalized if claim.as_of is not None else None,
        hedged=claim.hedged,
        resolution=value.resolution if isinstance(value, DateValue) else None,
        days=_days(value.span) if isinstance(value, DateValue) else None,
        when=_days(holds) if holds is not None else None,
        number=(value.low, value.high) if isinstance(value, NumberValue) else None,
    )


def _facts(model: CaseModel) -> list[Fact]:
    """Every (subject, property) with each claim's value: what the HTML matrix and timeline
    draw, agreeing facts included."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in model.claims:
        groups[(claim.subject, claim.property)].append(claim)
    facts = []
    for (subject, prop), claims in sorted(groups.items()):
        spec = model.case.properties.get(prop) or PropertySpec(prop, value_type(claims[0].value))
        claims.sort(key=lambda c: (c.source, c.index))
        values = tuple(_fact_value(c) for c in claims)
        facts.append(Fact(subject, prop, spec.type, values, spec.time_varying, spec.unit))
    return facts


def _events(model: CaseModel) -> list[Event]:
    return [
        Event(entity.id, entity.name, _days(entity.date))
        for entity in model.case.entities.values()
        if entity.date is not None
    ]


def build_report(validation: Validation, *, with_facts: bool = False) -> Report:
    """Compare every validated case and gather one deterministic report.

    ``with_facts`` adds every claim's value per fact and the dated events, which only the HTML
    report draws: on a large case that is a second pass over every claim, with positions.
    """
    findings: list[Finding] = []
    corroborated, single, timelines, sources = [], [], [], []
    facts: list[Fact] = []
    events: list[Event] = []
    problems_by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in validation.problems:
        problems_by_file[problem.file].append(problem)
    for model in validation.models:
        part = compare_claims(model)
        findings += part.findings + quote_findings(model) + _name_findings(model)
        files = {s.file for s in model.sources.values()}
        own = [p for f in sorted(files) for p in problems_by_file.get(f, [])]
        findings += _problem_findings(model, own)
        corroborated += part.corroborated
        single += part.single_source
        timelines += part.timelines
        if with_facts:
            facts += _facts(model)
            events += _events(model)
        sources += [
            SourceInfo(
                s.id,
                s.outlet,
                s.published.normalized if s.published else None,
                s.kind,
                s.file,
                s.title,
                s.url,
            )
            for s in model.sources.values()
        ]
    order = list(KINDS)
    findings.sort(key=lambda f: (order.index(f.kind), f.subject or "", f.property or ""))
    single_case = validation.models[0].case if len(validation.models) == 1 else None
    return Report(
        case=single_case.id if single_case else None,
        title=single_case.title if single_case else None,
        sources=tuple(sorted(sources, key=lambda s: (s.id, s.file))),
        findings=tuple(findings),
        corroborated=tuple(sorted(corroborated, key=lambda c: (c.subject, c.property or ""))),
        single_source=tuple(sorted(single, key=lambda c: (c.subject, c.property or ""))),
        timelines=tuple(sorted(timelines, key=lambda t: (t.subject, t.property))),
        facts=tuple(sorted(facts, key=lambda f: (f.subject, f.property))),
        events=tuple(sorted(events, key=lambda e: (e.days[0] or "", e.id))),
    )
