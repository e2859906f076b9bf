"""Which of the case's evidence excerpts a sentence can match at all, found without aligning it.

:meth:`checker.prose.claimmatch.ClaimMatcher.match` aligns a sentence with excerpts, and an
alignment scores only where at least ``MIN_MATCHED`` of the excerpt's meaning words (its
``meaningful`` positions, the value's words left out) are aligned. Aligning every sentence of a
long draft with every excerpt of a large case is most of a check's time, and nearly every pair
shares no meaning word at all; so an inverted index from meaning word to excerpts gives, for a
sentence, the excerpts that can reach that count, and only those are aligned.

Why no match is lost (the pruning is exact, not a heuristic): an excerpt position ``i`` counts
as matched only where :func:`checker.prose.wordalign.aligned` pairs it with a sentence word,
and difflib pairs only equal elements; so ``ev[i]`` equals the sentence word as ``aligned``
rewrites it. That rewriting turns a number into ``NUMBER`` and then leaves a word as it is or,
for a word of five letters or more, replaces it by an excerpt word of five or more within
``SPELLING`` of it. The sentence's *reach* below, rewritten the same way, holds every word
itself and every indexed word of five or more within a slightly lower cut-off of it (a
superset, whatever the rounding of the scores). So each matched
position holds a word of the reach, and the matched count is at most the number of the
excerpt's meaningful positions whose word is in the reach: the tally :meth:`candidates` sums.
An excerpt whose tally is under ``MIN_MATCHED`` therefore cannot score, and is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from checker.prose.wordalign import NUMBER, SPELLING, meaning

#: The shortest word ``aligned`` takes for a misspelling of another (it tests ``len >= 5``).
_SPELT = 5
#: Below ``SPELLING``, so that the reach is a superset of what ``aligned`` may rewrite a word to
#: even where a batch score rounds otherwise than a single one.
_REACH = SPELLING - 1.0


def meaning_positions(words: Sequence[str], value: tuple[int, int] | None) -> tuple[int, ...]:
    """An excerpt's meaning words' positions, its value's words left out (another wording of the
    value is no mismatch): what a match is scored on."""
    low, high = value or (len(words), len(words))
    return tuple(i for i, w in enumerate(words) if meaning(w) and not low <= i < high)


class ExcerptIndex:
    """Meaning word -> the excerpts holding it, with how many meaningful positions hold it."""

    def __init__(self, meaningful: Sequence[Sequence[str]], least: int):
        #: An excerpt needs ``least`` matched meaning words; one with fewer has no entry.
        self.least = least
        counts: dict[str, dict[int, int]] = defaultdict(dict)
        for number, words in enumerate(meaningful):
            if len(words) < least:
                continue
            for word in words:
                counts[word][number] = counts[word].get(number, 0) + 1
        self.postings: dict[str, list[tuple[int, int]]] = {
            w: list(held.items()) for w, held in counts.items()
        }
        self._long = [w for w in self.postings if len(w) >= _SPELT]
        self._near: dict[str, tuple[str, ...]] = {}

    def reach(self, sentence: Sequence[str]) -> set[str]:
        """The indexed words ``aligned`` may take the sentence's words for."""
        found = set()
        for word in (NUMBER if w[0].isdigit() else w for w in sentence):  # as ``aligned`` does
            if word in self.postings:
                found.add(word)
            if len(word) >= _SPELT:
                found.update(self._spellings(word))
        return found

    def candidates(self, sentence: Sequence[str]) -> list[int]:
        """The excerpts (by number, in order) that can have ``least`` meaning words matched."""
        tally: dict[int, int] = defaultdict(int)
        for word in self.reach(sentence):
            for number, count in self.postings[word]:
                tally[number] += count
        return sorted(n for n, total in tally.items() if total >= self.least)

    def _spellings(self, word: str) -> tuple[str, ...]:
        """Indexed words within a spelling slip of ``word``, once per distinct word (a draft
        repeats its words, and a case's vocabulary is fixed)."""
        if word not in self._near:
            close = process.extract(
                word, self._long, scorer=fuzz.ratio, processor=None, score_cutoff=_REACH,
                limit=None,
            )  # fmt: skip
            self._near[word] = tuple(choice for choice, _, _ in close)
        return self._near[word]
