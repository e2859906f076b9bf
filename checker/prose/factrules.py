"""The rules by which a draft's fact is judged against the sources' claims of it.

- **Precision**: a value is contradicted when no claim at least as precise as it agrees with
  it. "November 16, 2016" is not saved by a source that says only "November 2016": that
  source cannot tell the day, and every source that can says the 15th.
- **Best supported**: among those precise claims, the value with the most independent sources
  (:class:`checker.compare.support.Independence`), named so the writer knows what to print.
- **Voice**: a fact the draft puts in a speaker's mouth is compared with that speaker's
  claims only; where the speaker's recorded claims all say otherwise, it is a misattribution.
  Where they do not, the claims of the other value are the other side of a dispute
  (:func:`other_side`), which the draft reports faithfully but only in part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from checker.compare.agreement import values_agree
from checker.compare.report import BestSupported, ClaimRef
from checker.compare.support import Independence, claim_ref, precision_key
from checker.model.case import CaseModel, Claim, PropertySpec, Value
from checker.prose.draftfacts import DraftFact


def precise(value: Value, claims: Sequence[Claim]) -> list[Claim]:
    """The claims at least as precise as ``value`` (a day for a day, not a month)."""
    mine = precision_key(value)
    return [c for c in claims if precision_key(c.value) <= mine]


def contradicts(spec: PropertySpec, value: Value, claims: Sequence[Claim]) -> bool:
    """Whether no claim that can tell agrees with ``value`` (and some claim can tell)."""
    telling = precise(value, claims) or list(claims)
    return bool(telling) and not any(values_agree(spec, value, c.value) for c in telling)


def best_supported(model: CaseModel, value: Value, claims: Sequence[Claim]) -> BestSupported | None:
    """The value the most independent sources give, among the claims that can tell; None
    where two values tie."""
    independence = Independence(model)
    by_value: dict[str, set[str]] = defaultdict(set)
    for claim in precise(value, claims) or claims:
        by_value[claim.normalized].add(independence.key(claim))
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not ranked or (len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1])):
        return None
    top, witnesses = ranked[0]
    others = max((len(w) for v, w in ranked[1:]), default=0)
    count = len(witnesses)
    reason = (
        f"{count} independent source{'s' if count != 1 else ''} "
        f"({', '.join(sorted(witnesses))}) against {others}"
    )
    return BestSupported(top, count, (reason,))


def misattributed(model: CaseModel, fact: DraftFact, claims: Sequence[Claim]) -> list[Claim]:
    """The speaker's recorded claims, where they all say otherwise than the draft has the
    speaker say; else none (no record of the speaker, or one that agrees)."""
    spec = model.case.properties[fact.property]
    said = [c for c in claims if fact.speaker and speaker_of(model, c) == fact.speaker]
    return [] if any(values_agree(spec, fact.value, c.value) for c in said) else said


def other_side(
    model: CaseModel, fact: DraftFact, claims: Sequence[Claim]
) -> tuple[list[Claim], list[Claim]]:
    """The claims on the draft's side of a disputed fact, and those against it: only claims
    precise enough to tell count against (a month does not dispute a day in it)."""
    spec = model.case.properties[fact.property]
    mine = [c for c in claims if values_agree(spec, fact.value, c.value)]
    telling = precise(fact.value, claims) or list(claims)
    return mine, [c for c in telling if not values_agree(spec, fact.value, c.value)]


def refs_of(model: CaseModel, claims: Sequence[Claim]) -> tuple[ClaimRef, ...]:
    """The claims as a finding cites them, in source order, each with its speaker's side."""
    refs = []
    for claim in sorted(claims, key=lambda c: (c.source, c.index)):
        speaker = speaker_of(model, claim)
        side = model.case.side_of(speaker)
        refs.append(claim_ref(claim, "speaker" if speaker else "own-voice", side))
    return tuple(refs)


def speaker_of(model: CaseModel, claim: Claim) -> str | None:
    """Who asserts a claim: its speaker, or the body its source speaks for."""
    return claim.attributed_to or model.sources[claim.source].speaks_for
