"""Where each claim of a fact stands, read off the findings: best supported, agrees,
conflict, disputed or single source; shared by the agreement matrix and the timeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.compare.report import Fact, FactValue, Finding, Report

#: Finding kinds in which values cannot all be true, by the state they give their claims.
STATE_OF_KIND = {
    "conflict": "conflict",
    "misattribution": "conflict",
    "contested-assertion": "conflict",
    "disputed": "disputed",
}
#: Worst first: a cell holding several claims shows the worst of their states.
STATE_ORDER = ("conflict", "disputed", "best", "agree", "single", "absent")


@dataclass(frozen=True)
class FactStatus:
    """The findings about one fact, and the state of each of its claims."""

    fact: Fact
    findings: tuple[tuple[int, Finding], ...]
    states: dict[tuple[str, int], str] = field(hash=False)
    best: frozenset[str] = frozenset()

    @property
    def topic(self) -> str:
        return f"{self.fact.subject} · {self.fact.property}"

    def state(self, value: FactValue) -> str:
        return self.states.get((value.file, value.line), "agree")

    def worst(self, values: Iterable[FactValue]) -> str:
        states = {self.state(v) for v in values}
        return next((s for s in STATE_ORDER if s in states), "absent")

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({v.source for v in self.fact.values}))

    def by_source(self) -> dict[str, list[FactValue]]:
        out: dict[str, list[FactValue]] = defaultdict(list)
        for value in self.fact.values:
            out[value.source].append(value)
        return out


def fact_statuses(report: Report) -> list[FactStatus]:
    """One status per fact of the report, in the report's order.

    ``findings`` carry their index in ``report.findings``, which names their card.
    """
    by_topic: dict[tuple[str | None, str | None], list[tuple[int, Finding]]] = defaultdict(list)
    for index, finding in enumerate(report.findings):
        by_topic[(finding.subject, finding.property)].append((index, finding))
    statuses = []
    for fact in report.facts:
        findings = by_topic.get((fact.subject, fact.property), [])
        several = len({v.source for v in fact.values}) >= 2
        states = {(v.file, v.line): "agree" if several else "single" for v in fact.values}
        best: set[str] = set()
        for _, finding in findings:
            state = STATE_OF_KIND.get(finding.kind)
            if state is None:
                continue
            if finding.best_supported is not None:
                best.add(finding.best_supported.normalized)
            for claim in finding.claims:
                key = (claim.file, claim.line)
                if key not in states:
                    continue
                chosen = "best" if claim.normalized in best and state == "conflict" else state
                if STATE_ORDER.index(chosen) < STATE_ORDER.index(states[key]):
                    states[key] = chosen
        statuses.append(FactStatus(fact, tuple(findings), states, frozenset(best)))
    return statuses
