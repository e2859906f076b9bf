"""Resolve names as written (subjects, speakers, attributions, entity values) to declared entities.

A name resolves exactly when, after folding case, accents, punctuation and whitespace, it equals
an entity's id, name or one of its aliases. Otherwise, a name that is close to the names of
exactly one entity (rapidfuzz, best of the plain and the token-sorted ratio, so that typos and
reordered words both count) resolves to that entity as a *name variant*; anything else is
unknown, with the closest names as suggestions.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from checker.values import fold_name

#: A name scoring at least this against one entity's names (and no other's) is a name variant.
NAME_VARIANT_THRESHOLD = 88.0
#: Suggestions for unknown names and properties must score at least this.
SUGGESTION_THRESHOLD = 60.0


def name_score(a: str, b: str, *, score_cutoff: float | None = None) -> float:
    """Similarity of two folded names: typos (ratio) and reordered words (token-sorted ratio)."""
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


@dataclass(frozen=True)
class Resolution:
    """What a written name resolved to: ``entity`` is None when it is unknown."""

    written: str
    entity: str | None
    exact: bool
    suggestions: tuple[str, ...] = ()


class NameIndex:
    """Every declared spelling of every entity, folded, for exact and fuzzy look-up."""

    def __init__(self, spellings: Mapping[str, Iterable[str]]):
        self._exact: dict[str, str] = {}
        self._choices: list[str] = []
        self._sorted_choices: list[str] = []  # each spelling's words in order, for token_sort
        self._owners: list[str] = []
        self._ambiguous: dict[str, set[str]] = {}
        self._memo: dict[str, Resolution] = {}  # names repeat across thousands of claims
        for entity, names in spellings.items():
            for name in (entity, *names):
                folded = fold_name(name)
                if not folded:
                    continue
                owner = self._exact.setdefault(folded, entity)
                if owner != entity:
                    self._ambiguous.setdefault(folded, {owner}).add(entity)
                self._choices.append(folded)
                self._sorted_choices.append(_sorted_words(folded))
                self._owners.append(entity)
        # The spellings again, shortest first: a name variant is searched for only among
        # spellings of a length it could score the threshold against.
        self._by_length = sorted(range(len(self._choices)), key=lambda i: len(self._choices[i]))
        self._lengths = [len(self._choices[i]) for i in self._by_length]
        self._short_first = [self._choices[i] for i in self._by_length]
        self._short_first_sorted = [self._sorted_choices[i] for i in self._by_length]

    @property
    def ambiguous(self) -> Mapping[str, set[str]]:
        """Folded spellings that two or more entities declare."""
        return self._ambiguous

    def _close_spellings(self, folded: str) -> list[tuple[str, float, int]]:
        """Declared spellings scoring at least the suggestion threshold, by :func:`name_score`.

        Each of the two ratios runs over every spelling in rapidfuzz's native loop (a Python
        scorer would be called once per spelling: on a case of many entities, the slowest part
        of a run), and each spelling keeps the better of its two scores. The token-sorted ratio
        is the plain ratio of the words put in order, and the declared spellings are put in
        order once, not at every look-up.
        """
        best: dict[int, tuple[str, float, int]] = {}
        for query, choices in (
            (folded, self._choices),
            (_sorted_words(folded), self._sorted_choices),
        ):
            for _, score, index in process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=SUGGESTION_THRESHOLD, limit=None
            ):
                if index not in best or score > best[index][1]:
                    best[index] = (self._choices[index], score, index)
        return [best[i] for i in sorted(best)]

    def _variant_owners(self, folded: str) -> set[str]:
        """The entities with a spelling that scores the name-variant threshold against ``folded``.

        A ratio of at least 88 needs lengths within 12 % of their sum (an insertion or deletion
        per character of difference): lengths from 0.785 to 1.273 times this one's. Only the
        spellings in that window are scored, which on a case of 50,000 spellings is a few
        thousand. Words put in order keep their length, so one window serves both ratios.
        """
        size = len(folded)
        low = bisect.bisect_left(self._lengths, math.floor(size * 0.78))
        high = bisect.bisect_right(self._lengths, math.ceil(size * 1.28))
        owners: set[str] = set()
        for query, choices in (
            (folded, self._short_first[low:high]),
            (_sorted_words(folded), self._short_first_sorted[low:high]),
        ):
            for _, _, index in process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=NAME_VARIANT_THRESHOLD, limit=None
            ):
                owners.add(self._owners[self._by_length[low + index]])
        return owners

    def resolve(self, written: str) -> Resolution:
        known = self._memo.get(written)
        if known is None:
            known = self._memo[written] = self._resolve(written)
        return known

    def _resolve(self, written: str) -> Resolution:
        folded = fold_name(written)
        if folded in self._exact:
            return Resolution(written, self._exact[folded], exact=True)
        close = self._variant_owners(folded)
        if len(close) == 1:
            return Resolution(written, close.pop(), exact=False)
        matches = self._close_spellings(folded)  # an unknown name: the suggestions
        ranked: list[str] = []
        for _, _, i in sorted(matches, key=lambda m: (-m[1], self._owners[m[2]])):
            if self._owners[i] not in ranked:
                ranked.append(self._owners[i])
        return Resolution(written, None, exact=False, suggestions=tuple(ranked[:3]))


def _sorted_words(text: str) -> str:
    """``text``'s words in sorted order: what rapidfuzz's token_sort_ratio compares."""
    return " ".join(sorted(text.split()))


def suggest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The closest of ``choices`` to ``word`` (for unknown property ids and the like)."""
    found = process.extract(
        word, list(choices), scorer=fuzz.ratio, score_cutoff=SUGGESTION_THRESHOLD, limit=limit
    )
    return [choice for choice, _, _ in sorted(found, key=lambda m: (-m[1], m[0]))]


def did_you_mean(options: list[str]) -> str:
    if not options:
        return ""
    return "; did you mean " + " or ".join(f"'{o}'" for o in options) + "?"
