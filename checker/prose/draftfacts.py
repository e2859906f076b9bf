"""Read the facts a draft states: dates, numbers and yes/no statements about declared entities.

A fact is read only from a sentence that names a declared entity (by name or alias) and holds a
keyword of a property (``keywords`` in case.yaml), and only where it can be read with
confidence; anything else is left alone. Words inside quotations are the speaker's, not the
draft's, and are not read. :mod:`checker.prose.prosevalues` reads the values; a date goes to the
date property whose keyword is nearest to it in the same clause (at most eight words away), a
number to the property whose keyword follows it within four words ("about 50 law enforcement
agencies"), a yes/no statement to the property of its keyword. A date printed without its year
takes the year of the case's claims of that subject and property when they all fall in one
year; otherwise it is not read.

The subject is the one entity named in the sentence that the case has claims of that property
about; with two or more, the fact is not read. With none, the fact may be one no source carries
(unsourced): it is read only where the value stands right by the keyword (within four words, in
one clause) and a named entity opens that clause before the keyword ("The Korvel Institute has
57 staff members"); that entity is the subject.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from checker.model.case import CaseModel, Value
from checker.model.dates import AsOf, DateValue
from checker.prose.attribution import Mention, NameFinder
from checker.prose.claimmatch import ClaimMatcher
from checker.prose.descriptions import Descriptions
from checker.prose.drafts import Draft, Sentence
from checker.prose.prosevalues import (
    DATE_WORDS,
    FOLLOWING_WORDS,
    Date,
    clause_start,
    close,
    date_value,
    dates,
    following,
    numbers,
    words_of,
    yes_no,
)
from checker.prose.requests import requested, unasked
from checker.prose.titles import keyword_forms, titled
from checker.prose.voice import modal, voice_of


@dataclass(frozen=True)
class DraftFact:
    """A value the draft states of a subject's property, and where."""

    subject: str
    property: str
    value: Value
    as_of: AsOf | None
    written: str
    line: int
    column: int
    attributed: bool
    sentence: Sentence
    #: Who the draft says asserts it, where it names one (compared as that speaker's claim).
    speaker: str | None = None
    #: Whether the draft hedges it ("reportedly"): not the draft's own voice.
    hedged: bool = False


@dataclass(frozen=True)
class _Reading:
    start: int
    end: int
    kind: str  # date, number or boolean
    value: Value | Date  # a date's (year, month, day) until its year is known
    properties: tuple[str, ...]
    keyword: tuple[int, int]
    as_of: AsOf | None = None
    subject: str | None = None  # a title's: the one it stands by


class FactReader:
    """Reads the facts of a draft against one case."""

    def __init__(self, model: CaseModel, finder: NameFinder):
        self.model = model
        self.finder = finder
        self.specs = {
            p.id: p
            for p in model.case.properties.values()
            if p.keywords and p.type in ("date", "number", "boolean") and not modal(p)
        }
        self.matcher = ClaimMatcher(model, finder)
        self.descriptions = Descriptions(model.case)
        #: A declared group's name words, so that "city officials said" can name it.
        self.groups = {
            e.id: frozenset(words_of(e.name)) for e in model.case.entities.values() if e.group
        }
        self._speakers: list[Mention] = []  # the names of the sentence read: who may speak
        self.subjects: dict[str, set[str]] = defaultdict(set)
        for claim in model.claims:
            self.subjects[claim.property].add(claim.subject)

    def read(self, draft: Draft) -> list[DraftFact]:
        """Facts matched to the case's claims first; then, elsewhere in the sentence, facts
        read by a declared name and a property keyword (which may be unsourced)."""
        facts: list[DraftFact] = []
        for sentence in draft.sentences:
            if "?" in sentence.prose:
                continue
            # "The agreement" is a subject of facts read by keyword; no speaker, nor a match to a
            # claim's evidence, which it would share words with but not the property's keyword.
            self._speakers = self.finder.find(sentence.prose)
            mentions = self.descriptions.with_names(sentence.prose, self._speakers)
            matched = self._matched(draft, sentence, self._speakers)
            facts += [fact for fact, _ in matched]
            if mentions:
                taken = [span for _, span in matched]
                facts += self._sentence(draft, sentence, mentions, taken)
        return facts

    def _matched(
        self, draft: Draft, sentence: Sentence, mentions: list[Mention]
    ) -> list[tuple[DraftFact, tuple[int, int]]]:
        prose = sentence.prose
        named = {e for m in mentions for e in self.finder.chain(m.entity)}
        out = []
        for match in self.matcher.match(prose, named, mentions):
            claim = match.claim
            span = (match.start, match.end)
            voice = voice_of(prose, self._speakers, span, claim.subject, self.groups)
            value = self._value(
                _Reading(match.start, match.end, "", match.value, (), (0, 0)),
                claim.subject,
                claim.property,
            )
            if value is None:
                continue
            line, column = draft.position(sentence.start + match.start)
            fact = DraftFact(
                subject=claim.subject,
                property=claim.property,
                value=value,
                as_of=match.as_of,
                written=" ".join(prose[match.start : match.end].split()),
                line=line,
                column=column,
                attributed=voice.attributed or voice.hedged or match.hedged,
                sentence=sentence,
                speaker=voice.speaker,
                hedged=voice.hedged or match.hedged,
            )
            out.append((fact, (match.start, match.end)))
        return out

    def _keywords(self, prose: str) -> list[tuple[int, int, str]]:
        found = []
        for spec in self.specs.values():
            for keyword in keyword_forms(spec.keywords):
                pattern = r"(?<!\w)" + re.escape(keyword) + r"(?!\w)"
                found += [(m.start(), m.end(), spec.id) for m in re.finditer(pattern, prose, re.I)]
        return sorted(found)

    def _sentence(
        self,
        draft: Draft,
        sentence: Sentence,
        mentions: list[Mention],
        taken: list[tuple[int, int]],
    ) -> list[DraftFact]:
        """Facts read by keyword, outside the ``taken`` spans of facts matched to claims."""
        prose = sentence.prose
        keywords = self._keywords(prose)
        if not keywords:
            return []
        facts = []
        for reading in self._readings(prose, keywords, mentions):
            if any(s < reading.end and reading.start < e for s, e in taken):
                continue
            chosen = self._subject(reading, mentions, prose)
            if chosen is None:
                continue
            prop, subject = chosen
            value = self._value(reading, subject, prop)
            if value is None:
                continue
            span = (reading.start, reading.end)
            said = unasked(self.specs[prop], prose, reading.keyword)  # "asked" is no speech here
            voice = voice_of(said, self._speakers, span, subject, self.groups)
            line, column = draft.position(sentence.start + reading.start)
            facts.append(
                DraftFact(
                    subject=subject,
                    property=prop,
                    value=value,
                    as_of=reading.as_of,
                    written=" ".join(prose[reading.start : reading.end].split()),
                    line=line,
                    column=column,
                    attributed=voice.attributed or voice.hedged,
                    sentence=sentence,
                    speaker=voice.speaker,
                    hedged=voice.hedged,
                )
            )
        return facts

    def _readings(
        self, prose: str, keywords: list[tuple[int, int, str]], mentions: list[Mention]
    ) -> Iterator[_Reading]:
        of_type: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for keyword in keywords:
            of_type[self.specs[keyword[2]].type].append(keyword)
        taken: list[tuple[int, int]] = []
        for start, end, date in dates(prose):
            taken.append((start, end))
            near = [k for k in of_type["date"] if close(prose, (start, end), k[:2], DATE_WORDS)]
            if near:
                distance = min(abs(k[0] - start) for k in near)
                nearest = [k for k in near if abs(k[0] - start) == distance]
                props = tuple(sorted({k[2] for k in nearest}))
                yield _Reading(start, end, "date", date, props, (nearest[0][0], nearest[0][1]))
        for start, end, number in numbers(prose, taken):
            props, anchor = self._numbered(prose, end, of_type["number"])
            if props:
                yield _Reading(start, end, "number", number, props, anchor)
        for start, end in sorted({k[:2] for k in of_type["boolean"]}):
            same = tuple(sorted({k[2] for k in of_type["boolean"] if k[:2] == (start, end)}))
            # A title ("CEO Linda McMahon") is read of the name it stands by, and only as one.
            args = (self.specs, same, prose, (start, end), mentions)
            titles = titled(*args) or requested(*args)
            for prop, first, value, subject in titles:
                yield _Reading(first, end, "boolean", value, (prop,), (start, end), None, subject)
            reading = yes_no(prose, start, end)
            if reading is not None and not titles:
                yield _Reading(
                    reading[0], end, "boolean", reading[1], same, (start, end), reading[2]
                )

    def _numbered(
        self, prose: str, end: int, keywords: list[tuple[int, int, str]]
    ) -> tuple[tuple[str, ...], tuple[int, int]]:
        """The properties whose keyword follows a number closely, with nothing in between."""
        if prose[end : end + 1] == "%":
            props = {k[2] for k in keywords if "percent" in self.specs[k[2]].keywords}
            return tuple(sorted(props)), (end, end + 1)
        limit = following(prose, end)
        after = [k for k in keywords if end <= k[0] < limit]
        first = min((k[0] for k in after), default=None)
        nearest = [k for k in after if k[0] == first]
        where = (nearest[0][0], nearest[0][1]) if nearest else (0, 0)
        return tuple(sorted({k[2] for k in nearest})), where

    def _subject(
        self, reading: _Reading, mentions: list[Mention], prose: str
    ) -> tuple[str, str] | None:
        """The fact's property and subject: the one named entity the case has claims of the
        property about; else (for an unsourced fact) the entity that opens the keyword's
        clause, where the value stands right by the keyword."""
        if reading.subject is not None:
            prop = reading.properties[0]
            return (prop, reading.subject) if reading.subject in self.subjects[prop] else None
        named = {m.entity for m in mentions}
        carried: list[tuple[str, str]] = []
        loose: list[tuple[str, str]] = []
        clause = clause_start(prose, reading.keyword[0])
        opening = next((m for m in mentions if m.start >= clause), None)
        for prop in reading.properties:
            subjects = named & self.subjects[prop]
            if len(subjects) == 1:
                carried.append((prop, subjects.pop()))
            elif (
                not subjects
                and opening is not None
                and opening.end <= reading.keyword[0]
                and close(prose, (reading.start, reading.end), reading.keyword, FOLLOWING_WORDS)
            ):
                loose.append((prop, opening.entity))
        options = carried or loose
        return options[0] if len(options) == 1 else None

    def _value(self, reading: _Reading, subject: str, prop: str) -> Value | None:
        if not isinstance(reading.value, tuple):
            return reading.value
        year, month, day = reading.value
        if year is None:
            year = self._year(subject, prop)
        return None if year is None else date_value(year, month, day)

    def _year(self, subject: str, prop: str) -> int | None:
        """The one year that every claim of the subject's property falls in, if there is one."""
        years = set()
        for claim in self.model.claims:
            if claim.subject == subject and claim.property == prop:
                value = claim.value
                if not isinstance(value, DateValue) or value.span.start.year != value.span.end.year:
                    return None
                years.add(value.span.start.year)
        return years.pop() if len(years) == 1 else None
