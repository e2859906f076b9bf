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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from checker.model.text import fold_name

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
                self._owners.append(entity)
        # The spellings shortest first, as written and with their words put in order (what the
        # token-sorted ratio compares, done once here rather than at every look-up): a name
        # variant is searched for only among spellings of a length that could reach it.
        self._by_length = sorted(range(len(self._choices)), key=lambda i: len(self._choices[i]))
        self._lengths = [len(self._choices[i]) for i in self._by_length]
        self._short_first = [self._choices[i] for i in self._by_length]
        self._short_first_sorted = [_sorted_words(choice) for choice in self._short_first]

    @property
    def ambiguous(self) -> Mapping[str, set[str]]:
        """Folded spellings that two or more entities declare."""
        return self._ambiguous

    def _scored(
        self, folded: str, cutoff: float, low: int = 0, high: int | None = None
    ) -> Iterator[tuple[int, float]]:
        """(index of a spelling, score) for the spellings ``low:high`` of the length order that
        score at least ``cutoff`` against ``folded`` by either ratio, as :func:`name_score`.

        Each ratio runs over the spellings in rapidfuzz's native loop (a Python scorer would be
        called once per spelling: on a case of many entities, the slowest part of a run).
        """
        for query, choices in (
            (folded, self._short_first),
            (_sorted_words(folded), self._short_first_sorted),
        ):
            for _, score, index in process.extract(
                query, choices[low:high], scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            ):
                yield self._by_length[low + index], score

    def _close_spellings(self, folded: str) -> list[tuple[str, float, int]]:
        """Declared spellings scoring at least the suggestion threshold, by :func:`name_score`:
        each keeps the better of its two scores."""
        best: dict[int, float] = {}
        for index, score in self._scored(folded, SUGGESTION_THRESHOLD):
            best[index] = max(score, best.get(index, score))
        return [(self._choices[i], best[i], i) for i in sorted(best)]

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
        return {
            self._owners[index]
            for index, _ in self._scored(folded, NAME_VARIANT_THRESHOLD, low, high)
        }

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
