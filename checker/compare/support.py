"""Support for values: which sources are independent, and which value the evidence favours."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from checker.compare.report import BestSupported, ClaimRef
from checker.model.case import RECORD_KINDS, CaseModel, Claim, Value
from checker.model.dates import DateValue
from checker.model.numbers import NumberValue


class Independence:
    """Sources of one outlet, and sources that repeat others (``based_on``), count once."""

    def __init__(self, model: CaseModel):
        self._parent: dict[str, str] = {}
        outlets: dict[str, str] = {}
        for source in model.sources.values():
            self._parent.setdefault(source.id, source.id)
            if source.outlet:
                first = outlets.setdefault(source.outlet.casefold(), source.id)
                self._union(first, source.id)
            for other in source.based_on:
                if other in model.sources:
                    self._union(other, source.id)
        # Every source's root, read for each claim of the case.
        self._root = {source: self._find(source) for source in list(self._parent)}

    def _find(self, source: str) -> str:
        self._parent.setdefault(source, source)
        root = source
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[source] != root:
            self._parent[source], source = root, self._parent[source]
        return root

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            # The smaller id becomes the root, so the result never depends on input order.
            low, high = sorted((root_a, root_b))
            self._parent[high] = low

    def key(self, claim: Claim) -> str:
        """The independent source a claim counts for (its own ``based_on`` first)."""
        source = claim.based_on[0] if claim.based_on else claim.source
        root = self._root.get(source)
        return root if root is not None else self._find(source)

    def count(self, claims: Iterable[Claim]) -> int:
        return len({self.key(c) for c in claims})

    def best_supported(
        self,
        kind: str,
        claims: Sequence[Claim],
        speaker: Callable[[Claim], str | None],
        model: CaseModel,
    ) -> BestSupported | None:
        """The value with the most independent support, or None where support is balanced.

        In a dispute, how many outlets repeat a side is no evidence for it: witnesses there are
        the speakers' sides. Elsewhere they are independent sources; official records break
        ties; relative dates that resolve to the value are named as reasons.
        """
        by_value: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_value[claim.normalized].append(claim)

        def witnesses(group: list[Claim]) -> set[str]:
            if kind == "disputed":
                return {model.case.side_of(speaker(c)) or c.source for c in group}
            return {self.key(c) for c in group}

        def records(group: list[Claim]) -> list[str]:
            return sorted({c.source for c in group if model.sources[c.source].kind in RECORD_KINDS})

        ranked = sorted(
            by_value.items(),
            key=lambda kv: (-len(witnesses(kv[1])), -len(records(kv[1])), kv[0]),
        )
        if len(ranked) < 2:
            return None
        (top, group), (_, runner) = ranked[0], ranked[1]
        top_key = (len(witnesses(group)), len(records(group)))
        if top_key == (len(witnesses(runner)), len(records(runner))):
            return None
        reasons: list[str] = []
        others = max(len(witnesses(g)) for v, g in by_value.items() if v != top)
        noun = "side" if kind == "disputed" else "independent source"
        count = len(witnesses(group))
        reasons.append(
            f"{count} {noun}{'s' if count != 1 else ''} "
            f"({', '.join(sorted(witnesses(group)))}) against {others}"
        )
        if records(group):
            reasons.append("an official record: " + ", ".join(records(group)))
        resolved = {
            claim.value.resolution
            for claim in group
            if isinstance(claim.value, DateValue) and claim.value.resolution
        }
        reasons += [f"relative date resolves to it: {r}" for r in sorted(resolved)]
        independent = len({self.key(c) for c in group})
        return BestSupported(top, independent, tuple(reasons))


def precision_key(value: Value) -> tuple[float, ...]:
    """Smaller is more precise: a day before a month, an exact number before an approximation."""
    if isinstance(value, DateValue):
        span = value.span
        if span.start == datetime.date.min or span.end == datetime.date.max:
            return (float("inf"),)
        return (float((span.end - span.start).days),)
    if isinstance(value, NumberValue):
        if value.low is None or value.high is None:
            return (float("inf"), 1.0)
        return (value.high - value.low, 1.0 if value.approx else 0.0)
    return (0.0,)


def claim_ref(claim: Claim, role: str, side: str | None) -> ClaimRef:
    resolution = claim.value.resolution if isinstance(claim.value, DateValue) else None
    return ClaimRef(
        kind="claim",
        source=claim.source,
        file=claim.location.file,
        line=claim.location.line,
        id=claim.id,
        value=claim.raw_value,
        normalized=claim.normalized,
        attributed_to=claim.attributed_to,
        as_of=claim.as_of.normalized if claim.as_of is not None else None,
        role=role,
        side=side,
        hedged=claim.hedged,
        evidence=claim.evidence,
        resolution=resolution,
    )
