"""The result of a comparison: findings, corroborated facts, single-source facts and timelines.

Every reporter reads only these frozen objects.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from checker.claims.problems import Severity

#: Finding kinds in report order, with their default severity.
KINDS: dict[str, Severity] = {
    "conflict": Severity.ERROR,
    "misattribution": Severity.ERROR,
    "wrong-speaker": Severity.ERROR,
    "contradicted": Severity.ERROR,
    "misquote": Severity.WARNING,
    "evidence-not-found": Severity.ERROR,
    "disputed": Severity.WARNING,
    "contested-assertion": Severity.WARNING,
    "disputed-as-fact": Severity.WARNING,
    "quote-variant": Severity.WARNING,
    "unverified-quote": Severity.WARNING,
    "name-variant": Severity.WARNING,
    "text-missing": Severity.WARNING,
    "single-source": Severity.INFO,
    "unsourced": Severity.INFO,
}
#: Kinds that name a best-supported value (or null where the evidence is balanced).
VALUE_KINDS = frozenset({"conflict", "misattribution", "disputed", "contested-assertion"})

KIND_HELP: dict[str, str] = {
    "conflict": "Sources disagree in their own voice.",
    "misattribution": "Sources disagree about what the same speaker asserts.",
    "evidence-not-found": "A claim's evidence or a quote is not in the source's text.",
    "disputed": "Different speakers assert incompatible values: a contested fact, reported "
    "faithfully.",
    "contested-assertion": "A source states as fact what a speaker contradicts.",
    "quote-variant": "The same speaker's words differ between sources.",
    "name-variant": "A name that is not declared but is close to one declared name.",
    "text-missing": "A source's declared text file is absent, so its evidence is unverified.",
    "single-source": "A fact that must be corroborated is carried by one independent source.",
    "wrong-speaker": "A draft puts a quote in the mouth of someone the sources do not.",
    "contradicted": "A draft states a value that every source carrying the fact contradicts.",
    "misquote": "A draft's quotation differs from the words the sources record.",
    "unverified-quote": "A draft's quotation is in none of the sources.",
    "disputed-as-fact": "A draft states as fact what the sources report as disputed.",
    "unsourced": "A draft states a fact that no source carries.",
}


@dataclass(frozen=True)
class ClaimRef:
    """One claim, quote, name or source taking part in a finding."""

    kind: str  # "claim", "quote", "name" or "source"
    source: str
    file: str
    line: int
    id: str | None
    value: Any
    normalized: str
    attributed_to: str | None = None
    as_of: str | None = None
    role: str | None = None  # "own-voice", "speaker" or "support"
    side: str | None = None
    hedged: bool = False
    evidence: tuple[str, ...] = ()
    resolution: str | None = None


@dataclass(frozen=True)
class BestSupported:
    normalized: str
    independent_sources: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Location:
    """Where a reader should look first, when the claims do not say it (a draft's sentence)."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: Severity
    subject: str | None
    property: str | None
    message: str
    fingerprint: str
    claims: tuple[ClaimRef, ...]
    best_supported: BestSupported | None = None
    diff: str | None = None
    resolutions: tuple[str, ...] = ()
    sides: tuple[tuple[str, tuple[str, ...]], ...] = ()
    hedged: bool = False
    location: Location | None = None

    @builtins.property
    def values(self) -> tuple[str, ...]:
        """The distinct normalized values involved, sorted."""
        return tuple(sorted({c.normalized for c in self.claims}))

    @builtins.property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({c.source for c in self.claims}))


@dataclass(frozen=True)
class Corroborated:
    subject: str
    property: str | None
    normalized: str
    sources: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True)
class SingleSource:
    subject: str
    property: str | None
    normalized: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TimelinePoint:
    as_of: str | None
    normalized: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    subject: str
    property: str
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True)
class SourceInfo:
    id: str
    outlet: str | None
    published: str | None
    kind: str
    file: str
    title: str | None = None
    url: str | None = None


#: A span of days as ISO dates, first and last; None at an open end.
Days = tuple[str | None, str | None]


@dataclass(frozen=True)
class FactValue:
    """One claim's value of a fact, as the agreement matrix and the timeline draw it."""

    source: str
    normalized: str
    file: str
    line: int
    attributed_to: str | None = None
    as_of: str | None = None
    hedged: bool = False
    #: How a relative date was resolved.
    resolution: str | None = None
    #: A date value's days.
    days: Days | None = None
    #: When the value holds (its as_of, else when it was said); None where unstated or always.
    when: Days | None = None
    #: A number value's interval, None at an open end.
    number: tuple[float | None, float | None] | None = None


@dataclass(frozen=True)
class Fact:
    """Every claim's value of one (subject, property), whether or not the sources agree."""

    subject: str
    property: str
    type: str
    values: tuple[FactValue, ...]
    time_varying: bool = False
    unit: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated entity of a case (an election), which relative dates may count from."""

    id: str
    name: str
    days: Days


@dataclass(frozen=True)
class Unchecked:
    """Something a draft states that the check read but could not hold to any source."""

    line: int
    column: int
    what: str  # "date", "number", "statement" or "quotation"
    text: str
    why: str


@dataclass(frozen=True)
class Coverage:
    """What a draft check read and what it could check: never "no findings" without it."""

    draft: str  # the draft's name, as findings name it
    dates: int
    numbers: int
    statements: int  # facts bound to a subject and property (yes/no ones included)
    quotations: int
    checked_facts: int
    checked_quotations: int
    unchecked: tuple[Unchecked, ...]

    def summary(self) -> str:
        """`read 14 dates, 9 numbers, 3 statements, 22 quotations; checked 8 facts and 18
        quotations; 11 not checked`."""
        read = ", ".join(
            _count(n, what)
            for n, what in ((self.dates, "date"), (self.numbers, "number"),
                            (self.statements, "statement"), (self.quotations, "quotation"))
        )  # fmt: skip
        checked = f"{_count(self.checked_facts, 'fact')} and " + _count(
            self.checked_quotations, "quotation"
        )
        return f"read {read}; checked {checked}; {len(self.unchecked):,} not checked"


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Report:
    case: str | None
    title: str | None
    sources: tuple[SourceInfo, ...]
    findings: tuple[Finding, ...]
    corroborated: tuple[Corroborated, ...]
    single_source: tuple[SingleSource, ...]
    timelines: tuple[Timeline, ...]
    #: Every fact and its values, sorted by (subject, property); for the HTML report.
    facts: tuple[Fact, ...] = ()
    #: The cases' dated entities, sorted by date.
    events: tuple[Event, ...] = ()
    #: For a draft check: what was read and what could be checked.
    coverage: Coverage | None = None

    def count_by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for finding in self.findings:
            counts[finding.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def count_by_severity(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


def fingerprint(kind: str, subject: str | None, prop: str | None, values: list[str]) -> str:
    """Stable identity of a finding: not its sources or lines, so that a further source
    repeating an accepted discrepancy does not make it new."""
    payload = json.dumps([kind, subject, prop, sorted(set(values))], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def lower(severity: Severity) -> Severity:
    return Severity(max(severity - 1, Severity.INFO))
