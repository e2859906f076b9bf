"""Judge each fact a draft states against the case's claims of it and compare's findings.

The rules are in the docstring of :mod:`checker.prose.draftcheck` ("Facts") and, for precision,
best support and voice, in :mod:`checker.prose.factrules`.

:meth:`FactChecker.check_all` judges the draft's facts together, which adds one rule: a fact
the draft attributes (to a named speaker, or "X said" with X unresolved; not a bare hedge),
whose speaker it does not misreport, but whose value the sources record someone disputing
(:data:`DISPUTE_KINDS`), is a ``disputed`` finding at info severity. The draft is faithful to
the speaker, but gives one side: the finding names both sides' sources. Where the draft gives
the other value anywhere (attributed or not), it is balanced and nothing is said; each side is
noted once, where the draft first gives it. A subject's own word on itself ("Moscow has denied
meddling") is its side even where the sources record no dispute, only others saying otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from checker.claims.problems import Severity
from checker.compare.agreement import values_agree, when
from checker.compare.report import KINDS, ClaimRef, Finding, Location, fingerprint
from checker.model.case import CaseModel, Claim
from checker.prose.draftfacts import DraftFact
from checker.prose.factrules import (
    best_supported,
    contradicts,
    misattributed,
    other_side,
    refs_of,
    speaker_of,
)
from checker.prose.polarity import HEDGES
from checker.prose.prosevalues import words_of

#: Kinds of compare finding that make a fact disputed between speakers.
DISPUTE_KINDS = frozenset({"disputed", "contested-assertion", "misattribution"})


class FactChecker:
    """Compares each fact the draft states with the case's claims and compare's findings."""

    def __init__(self, model: CaseModel, compared: Sequence[Finding], file: str):
        self.model = model
        self.file = file
        self.claims: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in model.claims:
            self.claims[(claim.subject, claim.property)].append(claim)
        self.disputes = {(f.subject, f.property): f for f in compared if f.kind in DISPUTE_KINDS}
        self.conflicts = {(f.subject, f.property): f for f in compared if f.kind == "conflict"}

    def check_all(self, facts: Sequence[DraftFact]) -> list[Finding]:
        """Each fact's finding, and for each side of a dispute the draft gives alone, in a
        speaker's mouth, a note of the other side (info)."""
        given: dict[tuple[str, str], list[DraftFact]] = defaultdict(list)
        for fact in facts:
            given[(fact.subject, fact.property)].append(fact)
        findings: list[Finding] = []
        noted: set[str] = set()  # fingerprints of the sides already noted
        for fact in facts:
            finding = self.check(fact)
            if finding is None and _speaks(fact):
                finding = self._one_side(fact, given[(fact.subject, fact.property)])
            elif finding is None:
                finding = self._conflict_noted(fact)
            if finding is not None and finding.fingerprint in noted:
                continue  # the same side told again: noted once
            if finding is not None:
                noted.add(finding.fingerprint)
                findings.append(finding)
        return findings

    def check(self, fact: DraftFact) -> Finding | None:
        spec = self.model.case.properties[fact.property]
        claims = self.claims.get((fact.subject, fact.property), [])
        if not claims:
            others = [c for (_, p), cs in self.claims.items() if p == fact.property for c in cs]
            if any(values_agree(spec, fact.value, c.value) for c in others):
                return None
            return self._finding("unsourced", fact, (), "no source carries this fact")
        agree = [c for c in claims if values_agree(spec, fact.value, c.value)]
        if _speaks(fact):
            # A speaker's claim is never the draft's error, but it may misreport the speaker.
            said = refs_of(self.model, misattributed(self.model, fact, claims))
            why = f"the sources have {fact.speaker} say otherwise: {_spelled(said)}"
            return self._finding("misattribution", fact, said, why) if said else None
        if contradicts(spec, fact.value, claims):
            dated = {span for c in claims if (span := when(c)) is not None}
            if spec.time_varying and len(dated) >= 2:
                return None
            refs, best = refs_of(self.model, claims), best_supported(self.model, fact.value, claims)
            named = f"; best supported: {best.normalized}" if best else ""
            why = "every source that carries it says otherwise: " + _spelled(refs) + named
            found = replace(self._finding("contradicted", fact, refs, why), best_supported=best)
            # Hedged ("reportedly", "unlikely to"), the draft states no fact of its own: the
            # compare rule that lowers a hedged conflict lowers this one alike.
            return replace(found, severity=Severity.WARNING) if _hedges(fact) else found
        if fact.attributed or len(agree) == len(claims):
            return None
        key = (fact.subject, fact.property)
        dispute = self.disputes.get(key)
        if dispute is None and (conflict := self.conflicts.get(key)) is not None:
            best = conflict.best_supported
            favoured = [c for c in claims if best is not None and c.normalized == best.normalized]
            if not any(values_agree(spec, fact.value, c.value) for c in favoured):
                dispute = conflict
        if dispute is None:
            return None
        return self._finding(
            "disputed-as-fact", fact, dispute.claims,
            f"the sources dispute it ({_spelled(dispute.claims)}); attribute it or give both sides",
        )  # fmt: skip

    def _conflict_noted(self, fact: DraftFact) -> Finding | None:
        """A value the draft states that the sources are in conflict about, where it sides with
        some of them (so it is neither contradicted nor disputed-as-fact): an info note naming
        the sources that say otherwise, for the editor to weigh."""
        conflict = self.conflicts.get((fact.subject, fact.property))
        if conflict is None:
            return None
        spec = self.model.case.properties[fact.property]
        claims = self.claims.get((fact.subject, fact.property), [])
        other = [c for c in claims if not values_agree(spec, fact.value, c.value)]
        if not other or len(other) == len(claims):
            return None
        refs = refs_of(self.model, claims)
        why = "the sources are in conflict on it: " + _spelled(refs_of(self.model, other))
        why += " say otherwise"
        found = self._finding("conflict", fact, refs, why)
        return replace(found, severity=Severity.INFO, best_supported=conflict.best_supported)

    def _one_side(self, fact: DraftFact, given: Sequence[DraftFact]) -> Finding | None:
        """An attributed fact whose value the sources record someone disputing, where the
        draft (``given``: its facts of the subject and property) does not give the other."""
        spec = self.model.case.properties[fact.property]
        on_record = (fact.subject, fact.property) in self.disputes
        if not on_record and (fact.speaker is None or fact.speaker != fact.subject):
            return None  # no dispute on record: the speaker's claim is the speaker's affair
        if any(not values_agree(spec, fact.value, other.value) for other in given):
            return None  # the draft gives both sides: balanced
        claims = self.claims[(fact.subject, fact.property)]
        mine, theirs = other_side(self.model, fact, claims)
        if not on_record:
            # The subject's own word on itself against what the sources have others say: a
            # dispute the sources do not record ("Moscow has denied meddling", against U.S.
            # intelligence), but one all the same; never the draft's contradiction.
            theirs = [c for c in theirs if speaker_of(self.model, c) != fact.speaker]
        if not theirs:
            return None
        why = f"the draft gives {fact.speaker or 'its speaker'}'s side"
        if mine:
            why += f" ({_spelled(refs_of(self.model, mine))})"
        why += f", not the other: {_spelled(refs_of(self.model, theirs))}"
        finding = self._finding("disputed", fact, refs_of(self.model, [*mine, *theirs]), why)
        return replace(finding, severity=Severity.INFO)

    def _finding(self, kind: str, fact: DraftFact, refs: Sequence[ClaimRef], why: str) -> Finding:
        line, column = fact.line, fact.column
        where = Location(self.file, line, column)
        return Finding(
            kind=kind,
            severity=KINDS[kind],
            subject=fact.subject,
            property=fact.property,
            message=f"{self.file}:{line}:{column}: the draft says {fact.subject} "
            f"{fact.property} = {fact.value.normalized} (“{fact.written}”); {why}",
            fingerprint=fingerprint(kind, fact.subject, fact.property, [fact.value.normalized]),
            claims=tuple(refs),
            location=where,
        )


def _hedges(fact: DraftFact) -> bool:
    """Whether the sentence hedges its statement with a word of hedging ("reportedly",
    "unlikely"); a modal alone ("must assist") hedges another clause, not a date beside it."""
    return fact.hedged and not HEDGES.isdisjoint(words_of(fact.sentence.prose))


def _speaks(fact: DraftFact) -> bool:
    """Whether the draft puts the fact in someone's mouth (a bare hedge names no one)."""
    return fact.speaker is not None or (fact.attributed and not fact.hedged)


def _spelled(refs: Sequence[ClaimRef]) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for ref in refs:
        who = ref.source if ref.attributed_to is None else f"{ref.attributed_to} per {ref.source}"
        if who not in by_value[ref.normalized]:
            by_value[ref.normalized].append(who)
    return " vs ".join(f"{v} ({'; '.join(w)})" for v, w in sorted(by_value.items()))
