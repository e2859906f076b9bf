"""The voices a disagreement is told in (two sources' own words, one speaker as two sources
report it, two speakers, a source against a speaker) and the words its finding says."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from checker.compare.report import ClaimRef

#: Voice kinds of a disagreeing pair: (both own voice, same speaker, different speakers, mixed).
CONFLICT, MISATTRIBUTION, DISPUTED, CONTESTED = (
    "conflict",
    "misattribution",
    "disputed",
    "contested-assertion",
)


def finding_message(kind: str, subject: str, prop: str, refs: Iterable[ClaimRef]) -> str:
    by_value: dict[str, dict[str, None]] = defaultdict(dict)  # who holds each value, in order
    for ref in refs:
        who = ref.source if ref.attributed_to is None else f"{ref.attributed_to} per {ref.source}"
        if ref.role == "support":
            who += ", in support"
        by_value[ref.normalized][who] = None
    spelled = " vs ".join(
        f"{value} ({some_holders(list(who))})" for value, who in sorted(by_value.items())
    )
    lead = {
        CONFLICT: "sources disagree in their own voice",
        MISATTRIBUTION: "sources disagree about what the same speaker asserts",
        DISPUTED: "speakers assert incompatible values",
        CONTESTED: "a source states as fact what a speaker contradicts",
    }[kind]
    return f"{subject} {prop}: {lead}: {spelled}"


#: A message names at most this many holders of one value; the finding lists every claim.
MESSAGE_HOLDERS = 6


def some_holders(holders: list[str]) -> str:
    if len(holders) <= MESSAGE_HOLDERS:
        return "; ".join(holders)
    shown = "; ".join(holders[: MESSAGE_HOLDERS - 1])
    return f"{shown}; and {len(holders) - MESSAGE_HOLDERS + 1:,} more"
