"""Resolve names as written (subjects, speakers, attributions, entity values) to declared entities.

A name resolves exactly when, after folding case, accents, punctuation and whitespace, it equals
an entity's id, name or one of its aliases. Otherwise, a name that is close to the names of
exactly one entity (rapidfuzz, best of the plain and the token-sorted ratio, so that typos and
reordered words both count) resolves to that entity as a *name variant*; anything else is
unknown, with the closest names as suggestions.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
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
        words_in_order = [_sorted_words(choice) for choice in self._choices]
        self._short_first = [self._choices[i] for i in self._by_length]
        self._short_first_sorted = [words_in_order[i] for i in self._by_length]
        # The same spellings in the order of their owners' ids: rapidfuzz ranks equal scores by
        # position, so its best few of a pass are then the best few by (score, owner), the order
        # of the suggestions, and a search for them can stop there (see _suggestions).
        by_owner = sorted(range(len(self._choices)), key=lambda i: self._owners[i])
        self._owner_first = [self._choices[i] for i in by_owner]
        self._owner_first_sorted = [words_in_order[i] for i in by_owner]
        self._owner_first_owners = [self._owners[i] for i in by_owner]
        most = max(Counter(self._owners).values(), default=1)
        #: How many spellings each pass of a suggestion search keeps: enough to hold three
        #: owners however many spellings each has, which spares the search a second pass
        #: (but for an entity of more than 85 spellings: then it may need one).
        self._probe = min(max(3 * most, 8), 256)

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
        best, bounds = self._best_owners(folded, SUGGESTION_THRESHOLD, self._probe)
        if bounds and -min(bounds)[0] >= NAME_VARIANT_THRESHOLD:
            close = self._variant_owners(folded)  # the passes kept only some of the variants
        else:
            close = {owner for owner, score in best.items() if score >= NAME_VARIANT_THRESHOLD}
        if len(close) == 1:
            return Resolution(written, close.pop(), exact=False)
        return Resolution(
            written, None, exact=False, suggestions=self._suggestions(folded, best, bounds)
        )

    def _best_owners(
        self, folded: str, cutoff: float, limit: int | None
    ) -> tuple[dict[str, float], list[tuple[float, str]]]:
        """Each owner's best score (by :func:`name_score`, at least ``cutoff``) among the
        ``limit`` best spellings of each of the two native passes; and, for each pass that left
        spellings out, the (negated score, owner) of the last it kept: every spelling it left
        out ranks after that one by score, then owner id (rapidfuzz ranks equal scores by
        position, and the spellings are in the order of their owners' ids)."""
        best: dict[str, float] = {}
        bounds: list[tuple[float, str]] = []
        owners = self._owner_first_owners
        for query, choices in (
            (folded, self._owner_first),
            (_sorted_words(folded), self._owner_first_sorted),
        ):
            found = process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
            )
            for _, score, index in found:
                if score > best.get(owners[index], -1.0):
                    best[owners[index]] = score
            if limit is not None and len(found) == limit:
                bounds.append((-found[-1][1], owners[found[-1][2]]))
        return best, bounds

    def _suggestions(
        self, folded: str, best: dict[str, float], bounds: list[tuple[float, str]]
    ) -> tuple[str, ...]:
        """The three owners whose best spelling scores highest, ties by owner id: the ranking of
        :meth:`_close_spellings`, found from the best few spellings of each pass.

        The spellings a pass left out rank after the last it kept, so they change nothing when
        the third suggestion ranks before that one; otherwise every spelling scoring at least
        the third suggestion's score is fetched, which holds all that could take its place.
        (A case of 100,000 names that all look alike once kept all 100,000 close spellings of
        an unknown name and ranked them by searching a list: minutes per name.)
        """
        ranked = _top(best, 3)
        if bounds and (len(ranked) < 3 or (-ranked[-1][1], ranked[-1][0]) > min(bounds)):
            # A little below: rapidfuzz leaves out a score that equals (to about 1e-6) a cutoff
            # that is not round, such as a score itself; lower, it only fetches a few more.
            cutoff = ranked[-1][1] - 0.01 if len(ranked) == 3 else SUGGESTION_THRESHOLD
            ranked = _top(self._best_owners(folded, cutoff, None)[0], 3)
        return tuple(owner for owner, _ in ranked)


def _top(best: Mapping[str, float], limit: int) -> list[tuple[str, float]]:
    """The ``limit`` owners of highest score, ties by owner id."""
    return heapq.nsmallest(limit, best.items(), key=lambda item: (-item[1], item[0]))


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
