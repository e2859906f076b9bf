"""The polarity of a yes/no statement matched to a claim's excerpt: the words that deny it
("not", "never", "unlikely"; "denied" before it), the modals and conditions that make it another
statement ("should have been made public"), the hedges that make it a less sure one ("is
expected to"), and where in its sentence it stands (clauses between , ; : ( ) and dashes).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from checker.prose.prosevalues import CLAUSE
from checker.prose.wordalign import Words

#: "Unlikely to meet" denies as "not" does, and hedges too (:data:`HEDGES`).
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "cannot", "unlikely"})
DENIALS = frozenset({"denied", "denies", "deny", "denying", "disputed", "disputes"})
#: Words that make a yes/no statement a different one: a modal or a condition ("should have
#: been made public" is not "was made public"); the excerpt and the sentence must share them.
MODALS = frozenset({
    "would", "could", "may", "might", "will", "should", "must", "shall", "can", "whether", "if",
})  # fmt: skip
#: Hedges: a prediction or appraisal says what a fact says, less surely ("is expected to meet
#: the queen", "is unlikely to meet"); where the sentence hedges, its reading is hedged, and it
#: is read at all only against an excerpt that is itself a hedged claim or hedges too.
HEDGES = frozenset({
    "expected", "likely", "unlikely", "appears", "appeared", "seems", "seemed", "reportedly",
    "allegedly", "apparently", "possibly", "perhaps", "suggest", "suggests", "probably",
})  # fmt: skip
#: Forms of *be* and *have* just before a statement are part of it ("was never in effect").
VERBS = frozenset({"is", "was", "are", "were", "be", "been", "has", "had", "have"})


def statement_span(
    prose: str, sentence: Words, matched: Iterable[int], keywords: Iterable[str]
) -> tuple[int, int]:
    """Where a yes/no statement stands: the clause of its last matched words, unless another
    clause of matched words holds a property keyword and that one does not ("he is unlikely to
    meet Queen Elizabeth II, visit Buckingham Palace": the queen's clause, not the one "visit"
    ends); from the clause's first matched word to its last."""
    by_clause: dict[tuple[int, int], list[int]] = defaultdict(list)
    for b in sorted(matched):
        by_clause[clause_of(prose, *sentence.spans[b])].append(b)
    folded = [k.casefold() for k in keywords]
    keyed = [c for c in by_clause if any(k in prose[c[0] : c[1]].casefold() for k in folded)]
    chosen = max(keyed or by_clause)
    first, last = by_clause[chosen][0], by_clause[chosen][-1]
    while (
        first > 0
        and sentence.words[first - 1] in VERBS
        and sentence.spans[first - 1][0] >= chosen[0]
    ):
        first -= 1  # its verb too: "was never in effect"
    return sentence.spans[first][0], sentence.spans[last][1]


def clause_of(prose: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between , ; : ( ) and dashes) that holds the characters [start, end)."""
    low = max((m.end() for m in CLAUSE.finditer(prose, 0, start)), default=0)
    stop = CLAUSE.search(prose, end)
    return low, stop.start() if stop else len(prose)


def same_clause(prose: str, sentence: Words, index: int, matched: Iterable[int]) -> bool:
    """Whether a word shares its clause with the next matched word after it."""
    following = [b for b in matched if b > index]
    if not following:
        return True
    return not CLAUSE.search(prose, sentence.spans[index][1], sentence.spans[min(following)][0])


def negations(words: tuple[str, ...]) -> int:
    return sum(w in NEGATIONS or w.endswith("n't") for w in words)


def denials(words: tuple[str, ...]) -> int:
    return int(bool(DENIALS.intersection(words)))
