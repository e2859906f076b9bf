"""Compare the claims of a case: group them by fact, find where values disagree, classify by voice.

Claims are grouped by (subject, property). Within a group, claims that share a value, a speaker
and a time fall into one *cell*, and they pair with others alike. Distinct values are compared
once per pair of values, and the cells behind two disagreeing values are paired only where their
times overlap (time-varying properties): never every pair of claims, so a fact that ten thousand
sources state costs as little as one that two do. Each disagreeing pair is classified by voice,
and one finding is made per (subject, property, kind).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.compare import voices
from checker.compare.agreement import spans_overlap, values_agree, when
from checker.compare.report import (
    KINDS,
    ClaimRef,
    Corroborated,
    Finding,
    SingleSource,
    Timeline,
    TimelinePoint,
    fingerprint,
    lower,
)
from checker.compare.support import Independence, claim_ref, precision_key
from checker.model.case import CaseModel, Claim, PropertySpec, Source, Value, value_type
from checker.model.dates import DateSpan, DateValue
from checker.runtime.parallel import jobs_for, shared_map


class Cell:
    """The claims of one group with one value, one speaker and one time: they pair alike."""

    __slots__ = ("claims", "normalized", "speaker", "when")

    def __init__(self, normalized: str, speaker: str | None, span: DateSpan | None):
        self.normalized = normalized
        self.speaker = speaker
        self.when = span
        self.claims: list[Claim] = []

    @property
    def value(self) -> Value:
        return self.claims[0].value


@dataclass
class GroupResult:
    findings: list[Finding]
    corroborated: list[Corroborated]
    single_source: list[SingleSource]
    timelines: list[Timeline]

    def add(self, other: GroupResult) -> None:
        self.findings += other.findings
        self.corroborated += other.corroborated
        self.single_source += other.single_source
        self.timelines += other.timelines


class GroupComparer:
    """Compares the claims of one (subject, property) group."""

    def __init__(self, model: CaseModel, spec: PropertySpec, independence: Independence):
        self.model = model
        self.spec = spec
        self.independence = independence

    def speaker(self, claim: Claim) -> str | None:
        """Who asserts the claim: its attribution, else the voice the source speaks for."""
        if claim.attributed_to is not None:
            return claim.attributed_to
        return self.source(claim).speaks_for

    def source(self, claim: Claim) -> Source:
        return self.model.sources[claim.source]

    def classify(self, a: Cell, b: Cell) -> str:
        if a.speaker is None and b.speaker is None:
            return voices.CONFLICT
        if a.speaker is None or b.speaker is None:
            return voices.CONTESTED
        return voices.MISATTRIBUTION if a.speaker == b.speaker else voices.DISPUTED

    def cells(self, claims: Sequence[Claim]) -> list[Cell]:
        cells: dict[tuple[str, str | None, DateSpan | None], Cell] = {}
        sources = self.model.sources
        for claim in claims:  # speaker() and when(), inline: every claim of a case comes here
            speaker = claim.attributed_to
            if speaker is None:
                speaker = sources[claim.source].speaks_for
            span = claim.as_of.span if claim.as_of is not None else claim.said_on
            key = (claim.normalized, speaker, span)
            cell = cells.get(key)
            if cell is None:
                cell = cells[key] = Cell(*key)
            cell.claims.append(claim)
        return list(cells.values())

    def disagreeing_pairs(self, cells: Sequence[Cell]) -> list[tuple[Cell, Cell]]:
        by_value: dict[str, list[Cell]] = defaultdict(list)
        for cell in cells:
            by_value[cell.normalized].append(cell)
        keys = sorted(by_value)
        pairs: list[tuple[Cell, Cell]] = []
        for i, key_a in enumerate(keys):
            for key_b in keys[i + 1 :]:
                group_a, group_b = by_value[key_a], by_value[key_b]
                if values_agree(self.spec, group_a[0].value, group_b[0].value):
                    continue
                for a in group_a:
                    for b in group_b:
                        if not self.spec.time_varying or spans_overlap(a.when, b.when):
                            pairs.append((a, b))
        return pairs

    def compare(self, subject: str, claims: Sequence[Claim]) -> GroupResult:
        result = GroupResult([], [], [], [])
        cells = self.cells(claims)
        pairs = [] if self.spec.multi or len(cells) < 2 else self.disagreeing_pairs(cells)
        by_kind: dict[str, list[tuple[Cell, Cell]]] = defaultdict(list)
        for a, b in pairs:
            by_kind[self.classify(a, b)].append((a, b))
        support: list[Cell] = []
        if voices.CONFLICT in by_kind:
            support = self._support(cells, by_kind[voices.CONFLICT])
            kept = [p for p in by_kind.pop(voices.CONTESTED, []) if p[0] not in support]
            kept = [p for p in kept if p[1] not in support]
            if kept:
                by_kind[voices.CONTESTED] = kept
        for kind in sorted(by_kind, key=list(KINDS).index):
            extra = [c for cell in support for c in cell.claims] if kind == voices.CONFLICT else []
            result.findings.append(self._finding(kind, subject, by_kind[kind], extra))
        if pairs:
            return result
        self._agreement(subject, claims, cells, result)
        return result

    def _support(self, cells: Sequence[Cell], conflict: list[tuple[Cell, Cell]]) -> list[Cell]:
        """Speaker claims that agree with exactly one side of a conflict support that side."""
        own = list({id(c): c for pair in conflict for c in pair}.values())
        values = {o.normalized for o in own}
        out: list[Cell] = []
        for cell in cells:
            if cell.speaker is None:
                continue  # own-voice cells are the conflict's sides, or stand apart from it
            agreeing = {
                o.normalized
                for o in own
                if values_agree(self.spec, cell.value, o.value) and spans_overlap(cell.when, o.when)
            }
            if agreeing and values - agreeing:
                out.append(cell)
        return out

    def _ref(self, claim: Claim, role: str) -> ClaimRef:
        speaker = self.speaker(claim)
        side = self.model.case.side_of(speaker) if speaker is not None else None
        return claim_ref(claim, role, side)

    def _finding(
        self, kind: str, subject: str, pairs: list[tuple[Cell, Cell]], support: list[Claim]
    ) -> Finding:
        cells = {id(cell): cell for pair in pairs for cell in pair}.values()
        involved = sorted((c for cell in cells for c in cell.claims), key=_claim_order)
        refs = [self._ref(c, "speaker" if self.speaker(c) else "own-voice") for c in involved]
        refs += [self._ref(c, "support") for c in sorted(support, key=_claim_order)]
        refs.sort(key=lambda r: (r.normalized, r.source, r.line))
        values = sorted({c.normalized for c in involved})
        severity = KINDS[kind]
        hedged = any(all(c.hedged for c in involved if c.normalized == value) for value in values)
        if hedged:
            severity = lower(severity)
        sides: dict[str, set[str]] = defaultdict(set)
        if kind == voices.DISPUTED:
            for ref in refs:
                if ref.side is not None:
                    sides[ref.side].add(ref.source)
        everyone = [*involved, *support]
        best = self.independence.best_supported(kind, everyone, self.speaker, self.model)
        resolutions = tuple(sorted({r for c in everyone if (r := _resolution(c)) is not None}))
        return Finding(
            kind=kind,
            severity=severity,
            subject=subject,
            property=self.spec.id,
            message=voices.finding_message(kind, subject, self.spec.id, refs),
            fingerprint=fingerprint(kind, subject, self.spec.id, values),
            claims=tuple(refs),
            best_supported=best,
            resolutions=resolutions,
            sides=tuple((side, tuple(sorted(ids))) for side, ids in sorted(sides.items())),
            hedged=hedged,
        )

    def _agreement(
        self, subject: str, claims: Sequence[Claim], cells: Sequence[Cell], result: GroupResult
    ) -> None:
        dated = {cell.when for cell in cells if cell.when is not None}
        changing = len({cell.normalized for cell in cells}) >= 2
        if self.spec.time_varying and len(dated) >= 2 and changing:
            result.timelines.append(self._timeline(subject, claims))
        sources = tuple(sorted({c.source for c in claims}))
        independent = self.independence.count(claims)
        if self.spec.multi:
            return
        best = min(cells, key=lambda c: (precision_key(c.value), c.normalized)).normalized
        if independent >= 2 and not result.timelines:
            result.corroborated.append(
                Corroborated(subject, self.spec.id, best, sources, independent)
            )
        elif independent == 1 and self.spec.corroborate:
            refs = tuple(
                self._ref(c, "speaker" if self.speaker(c) else "own-voice")
                for c in sorted(claims, key=_claim_order)
            )
            result.findings.append(
                Finding(
                    kind="single-source",
                    severity=KINDS["single-source"],
                    subject=subject,
                    property=self.spec.id,
                    message=f"{subject} {self.spec.id} = {best} rests on one independent "
                    f"source ({', '.join(sources)}); the property asks for corroboration",
                    fingerprint=fingerprint("single-source", subject, self.spec.id, [best]),
                    claims=refs,
                )
            )
        elif independent == 1 and not result.timelines:
            result.single_source.append(SingleSource(subject, self.spec.id, best, sources))

    def _timeline(self, subject: str, claims: Sequence[Claim]) -> Timeline:
        points: dict[tuple[str | None, str], set[str]] = defaultdict(set)
        order: dict[str | None, tuple[object, ...]] = {}
        for claim in claims:
            span = when(claim)
            as_of = None if span is None else span.normalized
            if claim.as_of is not None:
                as_of = claim.as_of.normalized
            points[(as_of, claim.normalized)].add(claim.source)
            order[as_of] = (0, span.start, span.end) if span is not None else (-1,)
        ordered = sorted(points.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
        return Timeline(
            subject,
            self.spec.id,
            tuple(TimelinePoint(a, v, tuple(sorted(s))) for (a, v), s in ordered),
        )


def _resolution(claim: Claim) -> str | None:
    return claim.value.resolution if isinstance(claim.value, DateValue) else None


def _claim_order(claim: Claim) -> tuple[str, int]:
    return (claim.source, claim.index)  # the index follows the file's order: no position needed


#: Below this many claims, starting a process costs more than comparing in this one.
PARALLEL_MIN_CLAIMS = 50_000


def compare_claims(model: CaseModel) -> GroupResult:
    """Compare every (subject, property) group of one case.

    Groups are independent of each other: on a large case, runs of them (in sorted order)
    are compared across processes and the results joined in that same order.
    """
    independence = Independence(model)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in model.claims:
        groups[(claim.subject, claim.property)].append(claim)
    # In (subject, property) order: one string per key sorts five times faster than the pairs,
    # and in the same order (declared ids hold no NUL; a NUL in a free name moves a group in the
    # order, and the order stays the same from run to run).
    ordered = [(key, groups[key]) for key in sorted(groups, key="\0".join)]

    def compare_run(bounds: tuple[int, int]) -> GroupResult:
        run = GroupResult([], [], [], [])
        for (subject, prop), claims in ordered[bounds[0] : bounds[1]]:
            spec = model.case.properties.get(prop) or PropertySpec(
                prop, value_type(claims[0].value)
            )
            part = GroupComparer(model, spec, independence).compare(subject, claims)
            run.add(part)
        return run

    jobs = jobs_for(len(model.claims), PARALLEL_MIN_CLAIMS)
    step = max(1, -(-len(ordered) // (jobs * 8)))
    runs = [(start, start + step) for start in range(0, len(ordered), step)]
    total = GroupResult([], [], [], [])
    for part in shared_map(compare_run, runs, jobs=jobs, chunk=1):
        total.add(part)
    return total
