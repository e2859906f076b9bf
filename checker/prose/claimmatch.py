"""Match a draft's sentences to the case's claims by what they say, and read the value there.

Real articles do not write "the MOU was signed on ..." with a declared name and a property
keyword in one sentence; they rephrase ("the long-standing arrangement ..., signed by Police
Chief Phillip Sanchez on November 16, 2016"). So a sentence is matched to a claim through the
claim's ``evidence`` excerpts: the excerpt's words are aligned with the sentence's (difflib, on
words; a sentence word within a spelling slip of an excerpt word counts as that word, by
rapidfuzz), and the share of the excerpt's meaning words found in order is its score. Naming
the claim's subject and holding a property keyword add to the score: signals, not requirements.

The value is then read where the excerpt holds its own value: the excerpt's date or number is
located, the words aligned just before and after it fix a region of the sentence, and the date
or number printed in that region is the draft's value (typed by the property's type). A yes/no
claim is read by polarity: the draft says what the excerpt says where both negate alike
("never", "not", "denied"), the opposite where one negates and the other does not, and nothing
where a modal or hedge in one is missing from the other ("should have been made public" is not
"was made public"). Words inside quotations are blanked before any of this (the speaker's).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from checker.model.case import BoolValue, CaseModel, Claim, EntityValue, TextValue, Value
from checker.model.dates import AsOf, DateValue
from checker.model.numbers import NumberValue
from checker.prose.asides import asides
from checker.prose.attribution import Mention, NameFinder
from checker.prose.excerptindex import ExcerptIndex, meaning_positions
from checker.prose.polarity import (
    HEDGES,
    MODALS,
    clause_of,
    denials,
    negations,
    same_clause,
    statement_span,
)
from checker.prose.prosevalues import Date, date_value, dates, numbers
from checker.prose.regionvalues import all_dates, read_value
from checker.prose.regionvalues import region as region_of
from checker.prose.textvalues import read_text, text_span
from checker.prose.wordalign import Words, aligned

#: Score (0-100+) from which a sentence says what an excerpt says.
MIN_SCORE = 70.0
#: Excerpt meaning words that must be found in the sentence, at least.
MIN_MATCHED = 2


@dataclass(frozen=True)
class Excerpt:
    """One evidence excerpt of a claim, with where its value stands (word range) if located."""

    claim: Claim
    text: str
    words: Words
    value: tuple[int, int] | None
    #: The positions of its meaning words, the value's left out: what a match is scored on.
    meaningful: tuple[int, ...]
    optional: frozenset[int] = frozenset()  # an aside's meaning words (:mod:`.asides`)


@dataclass(frozen=True)
class Match:
    """A sentence read as saying what a claim's excerpt says, with the value read there."""

    claim: Claim
    score: float
    start: int  # the value's characters in the sentence's prose
    end: int
    value: Value | Date
    hedged: bool
    as_of: AsOf | None = None


def _value_span(claim: Claim, text: str, kind: str) -> tuple[int, int] | None:
    """Where an excerpt prints its claim's value: the date or number that is it (the first
    date where none is: a relative one)."""
    if kind == "date":
        found = all_dates(text)
        spans = [(s, e) for s, e, d in found if _near_date(claim.value, d)]
        spans = spans or [(s, e) for s, e, _ in found]  # a relative value ("eight days after")
    else:
        taken = [(s, e) for s, e, _ in dates(text)]
        spans = [(s, e) for s, e, n in numbers(text, taken) if _near_number(claim.value, n)]
    return spans[0] if spans else None


def _near_date(claimed: Value, read: Date) -> bool:
    """Whether a date of the excerpt is the claim's ("from 1967 to 1979": 1979 for an end)."""
    year, month, day = read
    value = date_value(year, month, day) if year is not None else None
    return (
        isinstance(claimed, DateValue) and value is not None and claimed.span.overlaps(value.span)
    )


def _near_number(claimed: Value, read: NumberValue) -> bool:
    if not isinstance(claimed, NumberValue):
        return False
    bounds = [b for b in (claimed.low, claimed.high) if b is not None]
    return any(b in (read.low, read.high) for b in bounds)


class ClaimMatcher:
    """The case's excerpts of date, number and yes/no claims, ready to match sentences."""

    def __init__(self, model: CaseModel, finder: NameFinder | None = None):
        self.model = model
        self.finder = finder or NameFinder(model.case)
        #: The entities that claims give as a property's value: an entity read in a draft is
        #: compared only where it is one of these (a place for a place), never any name nearby.
        self.values: dict[str, set[str]] = defaultdict(set)
        self.excerpts: list[Excerpt] = []
        self.subjects: dict[str, set[str]] = defaultdict(set)
        self._naming: dict[tuple[str, ...], set[str]] = {}
        for claim in model.claims:
            self.subjects[claim.property].add(claim.subject)
            kind = model.case.properties[claim.property].type
            if isinstance(claim.value, EntityValue):
                self.values[claim.property].add(claim.value.entity)
            if kind not in ("date", "number", "boolean", "entity", "text"):
                continue
            for text in claim.evidence:
                words = Words.of(text)
                span = None if kind == "boolean" else self._value_span(claim, text, kind)
                if kind != "boolean" and span is None:
                    continue  # a value written some other way ("seven days after") is not read
                value = words.index(*span) if span else None
                meaningful = meaning_positions(words.words, value)
                optional = asides(text, words, value).intersection(meaningful)
                self.excerpts.append(Excerpt(claim, text, words, value, meaningful, optional))
        # Only the excerpts that can score against a sentence are aligned with it (see there).
        self.index = ExcerptIndex(
            [[e.words.words[i] for i in e.meaningful] for e in self.excerpts], MIN_MATCHED
        )

    def candidates(self, sentence: Words) -> list[Excerpt]:
        """The excerpts that can score against the sentence, in their order: the others have
        fewer than ``MIN_MATCHED`` meaning words it can align (:mod:`.excerptindex`)."""
        return [self.excerpts[n] for n in self.index.candidates(sentence.words)]

    def match(self, prose: str, named: set[str], mentions: list[Mention]) -> list[Match]:
        """Each claim the sentence says, best first, one per place in the sentence."""
        sentence = Words.of(prose)
        if not sentence.words:
            return []
        found: list[Match] = []
        for excerpt in self.candidates(sentence):
            match = self._match(excerpt, prose, sentence, named, mentions)
            if match is not None and self._bound(match, prose, mentions):
                found.append(match)
        found.sort(key=lambda m: (-m.score, m.claim.source, m.claim.index))
        kept: list[Match] = []
        # A value printed once is one fact: the best-matched claim's. A yes/no statement spans
        # its clause, which may hold a value of another type ("misspoke at an event in Norfolk").
        for match in found:
            kind = type(match.value)
            if not any(
                k.start < match.end and match.start < k.end and type(k.value) is kind for k in kept
            ):
                kept.append(match)
        return kept

    def _value_span(self, claim: Claim, text: str, kind: str) -> tuple[int, int] | None:
        """Where an excerpt prints its claim's value; an entity's is a mention of it."""
        if kind == "text":
            claimed = claim.value
            similarity = self.model.case.properties[claim.property].similarity
            return (
                text_span(claimed.text, text, similarity)
                if isinstance(claimed, TextValue)
                else None
            )
        if kind != "entity":
            return _value_span(claim, text, kind)
        value = claim.value
        mentioned = [
            (m.start, m.end)
            for m in self.finder.find(text)
            if isinstance(value, EntityValue) and m.entity == value.entity
        ]
        return mentioned[0] if mentioned else None

    def _entity(
        self, claim: Claim, mentions: list[Mention], start: int, end: int
    ) -> tuple[int, int, Value | Date] | None:
        """The entity the sentence names where the excerpt names the claim's value: one that
        claims give as a value of the property, and not the claim's own subject."""
        for m in mentions:
            inside = m.start < end and start < m.end
            if inside and m.entity != claim.subject and m.entity in self.values[claim.property]:
                return m.start, m.end, EntityValue(m.entity)
        return None

    def _bound(self, match: Match, prose: str, mentions: list[Mention]) -> bool:
        """Whether the value's clause is about the claim's subject: not where it names only
        others that the property is told of ("while Gates and Papadopoulos have pleaded
        guilty"; an age beside another person's name), nor, where the excerpt names its
        subject, where the clause names another declared entity in its stead ("The Korvel
        Institute has 57 staff" is no reading of "The Ardent Trust has 120 staff")."""
        start, end = clause_of(prose, match.start, match.end)
        inside = {m.entity for m in mentions if start <= m.start and m.end <= end}
        subject = match.claim.subject
        if subject in inside:
            return True
        if inside & self.subjects[match.claim.property] - {subject}:
            return False
        named = self._named_in(match.claim.evidence)
        if subject in named:
            # Others the excerpt names too are part of what it says ("meet the Queen").
            near = self.finder.chain(subject) | self.values[match.claim.property] | named
            return not any(e not in near and subject not in self.finder.chain(e) for e in inside)
        return True

    def _named_in(self, evidence: tuple[str, ...]) -> set[str]:
        """The entities an excerpt names (by a declared name or alias), once per excerpt."""
        if evidence not in self._naming:
            found = {m.entity for text in evidence for m in self.finder.find(text)}
            self._naming[evidence] = found
        return self._naming[evidence]

    def _match(
        self,
        excerpt: Excerpt,
        prose: str,
        sentence: Words,
        named: set[str],
        mentions: list[Mention],
    ) -> Match | None:
        spec = self.model.case.properties[excerpt.claim.property]
        ev = excerpt.words.words
        low, high = excerpt.value or (len(ev), len(ev))
        meaningful = excerpt.meaningful
        if len(meaningful) < MIN_MATCHED:
            return None
        pairs = aligned(ev, sentence.words)
        matched = [i for i in meaningful if i in pairs]
        if len(matched) < MIN_MATCHED:
            return None
        scored = len(meaningful) - len(excerpt.optional.difference(matched))  # asides left out
        score = 100.0 * len(matched) / max(MIN_MATCHED, scored)
        if excerpt.claim.subject in named:
            score += 15.0
        if any(k.casefold() in prose.casefold() for k in spec.keywords):
            score += 10.0
        if score < MIN_SCORE:
            return None
        if spec.type == "boolean":
            return self._yes_no(excerpt, prose, sentence, pairs, score)
        region = region_of(pairs, low, high, len(sentence.words))
        if region is None:
            return None
        start, end = sentence.spans[region[0]][0], sentence.spans[region[1] - 1][1]
        if spec.type == "entity":
            read = self._entity(excerpt.claim, mentions, start, end)
        elif spec.type == "text":
            complete = len(matched) == len(meaningful)
            read = read_text(prose, sentence, pairs, (low, high), region, complete)
        else:
            read = read_value(prose, spec.type, start, end)
        if read is None:
            return None
        hedged = bool((MODALS | HEDGES).intersection(sentence.words) - set(ev))
        return Match(excerpt.claim, score, read[0], read[1], read[2], hedged)

    def _yes_no(
        self, excerpt: Excerpt, prose: str, sentence: Words, pairs: dict[int, int], score: float
    ) -> Match | None:
        if not isinstance(excerpt.claim.value, BoolValue):
            return None
        ev = excerpt.words.words
        first, last = min(pairs), max(pairs)
        ev_window = ev[max(0, first - 2) : last + 1]
        lo, hi = min(pairs.values()), max(pairs.values())
        window = sentence.words[max(0, lo - 2) : hi + 1]
        if set(MODALS.intersection(ev_window)) != set(MODALS.intersection(window)):
            return None
        if MODALS.intersection(sentence.words) - MODALS.intersection(ev):
            return None  # a condition elsewhere in the sentence ("if") leaves it unread
        hedged = bool(HEDGES.intersection(sentence.words))
        if hedged and not (excerpt.claim.hedged or HEDGES.intersection(ev)):
            return None  # a hedged sentence is not held to a plain fact
        ev_flips = negations(ev_window) + denials(ev[: last + 1])
        flips = denials(sentence.words[: hi + 1]) + sum(
            negations((sentence.words[i],)) for i in range(max(0, lo - 2), hi + 1)
            if same_clause(prose, sentence, i, pairs.values())
        )  # fmt: skip
        claimed = excerpt.claim.value.value
        value = claimed if (ev_flips - flips) % 2 == 0 else not claimed
        never = "never" in window
        keywords = self.model.case.properties[excerpt.claim.property].keywords
        start, end = statement_span(prose, sentence, pairs.values(), keywords)
        as_of = AsOf(None) if never else None
        return Match(excerpt.claim, score, start, end, BoolValue(value), hedged, as_of)
