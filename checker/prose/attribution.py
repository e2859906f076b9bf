"""Names in a draft's prose, and who is speaking each of its quotations.

Names are found by their declared spellings (an entity's id, name or aliases, folded as
:func:`checker.model.text.fold_name` folds them) and resolved through the case's
:class:`~checker.model.names.NameIndex`, exactly: a name that is not declared is not guessed at. A
spelling with a capital letter must be written with one (so the pronoun "us" is not the United
States and "gates" is not Daryl Gates).

The speaker of a quotation is read from the attribution next to it, in this order: after the
closing mark ("said Kice", "Kice said", "Pasadena attorney Dale Gronemeier said in a
statement", "she said"), then before the opening mark in the same sentence ("Kice said, “...”",
"Mermell told the committee Wednesday, “...”"), "according to X" on either side, and last the
speaker of the previous quotation in the same paragraph (a quote split by its attribution:
“X,” she said. “Y.”). A pronoun (he, she, they) resolves to the speaker named for an earlier
quotation in the same or the previous paragraph, and only when no other entity that speaks in
the case is named in between; otherwise the speaker is left unknown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from checker.model.case import Case
from checker.model.names import NameIndex
from checker.model.text import fold_name
from checker.prose.drafts import Draft, Quotation

SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "wrote",
    "writes", "stated", "states", "asked", "asks", "noted", "notes", "recalled", "recalls",
    "recounted", "recounts", "replied",
    "responded", "insisted", "argued", "continued", "acknowledged", "announced", "emphasized",
    "emphasised", "declared", "remarked", "observed", "warned", "claimed", "described",
    "called", "agreed", "conceded", "testified", "reiterated", "cautioned", "contended",
    "maintained", "alleges", "alleged", "asserts", "asserted", "claims", "argues", "contends",
    "charges", "stipulates", "stipulated",  # documents speak too: "the lawsuit alleges"
})  # fmt: skip
#: Words that may stand between a name and its verb ("Kice also said").
ADVERBS = frozenset(
    {"also", "later", "then", "again", "previously", "recently", "once", "had", "has", "have"}
)
#: Words that end a name read after its verb ("said Kice in a statement").
STOPS = frozenset({
    "in", "on", "at", "to", "during", "after", "before", "with", "when", "while", "who",
    "whose", "which", "that", "about", "of", "from", "for", "last", "this", "and", "but", "as",
    "because", "amid",
})  # fmt: skip
PRONOUNS = frozenset({"he", "she", "they"})
_TOKEN = re.compile(r"\w+(?:[.'\u2019]\w+)*")
_PUNCTUATION = re.compile(r"[,;:.!?()\[\]\u2014\u2013\"\u201c\u201d]")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)


@dataclass(frozen=True)
class Mention:
    entity: str
    written: str
    start: int
    end: int


@dataclass(frozen=True)
class Attributed:
    """A quotation with its speaker: ``how`` is named, pronoun, according-to or continued."""

    quotation: Quotation
    speaker: str | None
    written: str | None
    how: str | None


class NameFinder:
    """Finds declared names in prose, longest first."""

    def __init__(self, case: Case):
        self.case = case
        self.index = NameIndex({e.id: (e.name, *e.aliases) for e in case.entities.values()})
        self._capital: dict[str, bool] = {}
        self._firsts: set[str] = set()
        self._longest = 1
        for entity in case.entities.values():
            for spelling in (entity.name, *entity.aliases):
                folded = fold_name(spelling)
                if not folded:
                    continue
                capital = any(c.isupper() for c in spelling)
                self._capital[folded] = self._capital.get(folded, True) and capital
                words = folded.split()
                self._firsts.add(words[0])
                self._longest = max(self._longest, len(words))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Declared names in ``text[start:end]``, not overlapping, with offsets into ``text``."""
        tokens = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
        folds = [fold_name(t.group()) for t in tokens]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = None
            if folds[i] in self._firsts:
                for n in range(min(self._longest, len(tokens) - i), 0, -1):
                    key = " ".join(folds[i : i + n])
                    written = text[tokens[i].start() : tokens[i + n - 1].end()]
                    if key in self._capital and (
                        not self._capital[key] or any(c.isupper() for c in written)
                    ):
                        resolved = self.index.resolve(written)
                        if resolved.entity is not None and resolved.exact:
                            end_at = tokens[i + n - 1].end()
                            hit = Mention(resolved.entity, written, tokens[i].start(), end_at)
                            break
            if hit is None:
                i += 1
            else:
                found.append(hit)
                i += n
        return found

    def chain(self, entity: str) -> set[str]:
        """The entity and every entity up its affiliation chain."""
        out = {entity}
        current = self.case.entities.get(entity)
        while current is not None and current.affiliation and current.affiliation not in out:
            out.add(current.affiliation)
            current = self.case.entities.get(current.affiliation)
        return out


def _words(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _name_after(finder: NameFinder, text: str, start: int) -> Mention | None:
    """The name read forward from ``start`` ("said Pasadena attorney Dale Gronemeier.")."""
    end = len(text)
    if stop := _PUNCTUATION.search(text, start):
        end = stop.start()
    for word in _TOKEN.finditer(text, start, end):
        if word.group() in STOPS:
            end = word.start()
            break
    mentions = finder.find(text, start, end)
    return mentions[-1] if mentions else None


def _name_before(text: str, end: int) -> tuple[int, int]:
    """The span of the words before a verb, back to punctuation or a stop word, adverbs cut."""
    start = 0
    for stop in _PUNCTUATION.finditer(text, 0, end):
        start = stop.end()
    words = [w for w in _TOKEN.finditer(text, start, end)]
    for index in range(len(words) - 1, -1, -1):
        if words[index].group().casefold() in STOPS and words[index].group().islower():
            words = words[index + 1 :]
            break
    while words and words[-1].group().casefold() in ADVERBS:
        words.pop()
    if not words:
        return end, end
    return words[0].start(), words[-1].end()


class _Reader:
    def __init__(self, draft: Draft, finder: NameFinder, speakers: Collection[str]):
        self.draft = draft
        self.finder = finder
        self.speakers = speakers
        self.done: list[Attributed] = []

    def _verb_phrase(self, text: str, *, first: bool) -> tuple[str, str | None, str] | None:
        """Read "VERB NAME", "NAME VERB" or "PRONOUN VERB" from an attribution ``text``: the
        first verb after a quotation, the last one before it."""
        verbs = [w for w in _words(text) if w.group().casefold() in SPEECH_VERBS]
        if not verbs:
            return None
        verb = verbs[0] if first else verbs[-1]
        start, end = _name_before(text, verb.start())
        head = text[: verb.start()].rstrip()
        if end == start and head.endswith(",") and (opening := head[:-1].rfind(",")) > 0:
            # "Virginia Kice, a spokeswoman for the agency, said": the name before the aside.
            start, end = _name_before(text, opening)
        if end > start:
            before = text[start:end]
            if before.casefold() in PRONOUNS:
                return ("pronoun", None, before)
            mentions = self.finder.find(text, start, end)
            if mentions and mentions[-1].end == end:
                # A declared name with commas in it ("Goodlatte, Gowdy and Nunes") is cut at
                # its commas above: read it whole where it ends at the verb.
                wide = self.finder.find(text, 0, end)
                name = wide[-1] if wide and wide[-1].end == end else mentions[-1]
                return ("named", name.entity, name.written)
            if first and not text[:start].strip(" ,\n\t"):
                return ("unknown", None, before)
        if first and not text[: verb.start()].strip(" ,\n\t\u2014-"):
            mention = _name_after(self.finder, text, verb.end())
            if mention is not None:
                return ("named", mention.entity, mention.written)
        return None

    def _according(self, text: str) -> tuple[str, str | None, str] | None:
        match = _ACCORDING.search(text)
        if match is None:
            return None
        mention = _name_after(self.finder, text, match.end())
        return ("according-to", mention.entity, mention.written) if mention else None

    def _contexts(self, quotation: Quotation, number: int) -> tuple[str, str]:
        """The prose after the quotation (to the next one or the sentence's end) and before it
        (from the sentence's start or the previous quotation)."""
        quotations = self.draft.quotations
        prose = self.draft.prose
        closing = self.draft.sentence_at(quotation.end - 1)
        opening = self.draft.sentence_at(quotation.start)
        after_end = closing.end if closing else quotation.end
        if number + 1 < len(quotations):
            after_end = min(after_end, quotations[number + 1].start)
        before_start = opening.start if opening else quotation.start
        if number and quotations[number - 1].end > before_start:
            before_start = quotations[number - 1].end
        after = prose[quotation.end : max(after_end, quotation.end)]
        return after, prose[before_start : quotation.start]

    def read(self, number: int, quotation: Quotation) -> Attributed:
        after, before = self._contexts(quotation, number)
        found = (
            self._verb_phrase(after, first=True)
            or self._according(after)
            or self._verb_phrase(before, first=False)
            or self._according(before)
        )
        if found is not None and found[0] == "pronoun":
            speaker = self._pronoun(quotation, found[2].casefold())
            return Attributed(quotation, speaker, found[2], "pronoun")
        if found is not None and found[0] != "unknown":
            return Attributed(quotation, found[1], found[2], found[0])
        previous = self.done[-1] if self.done else None
        if (
            found is None
            and previous is not None
            and previous.speaker is not None
            and self._continues(previous.quotation, quotation)
        ):
            return Attributed(quotation, previous.speaker, previous.written, "continued")
        return Attributed(quotation, None, found[2] if found else None, None)

    def _continues(self, previous: Quotation, quotation: Quotation) -> bool:
        """Whether a quotation with no attribution of its own goes on with the previous one's
        speaker: in the same sentence, or in the next one when that sentence is nothing but
        the quotation (“X,” she said. “Y.”). A quotation set in other prose (“an agreement's
        words”, a paragraph later) is not guessed at."""
        before = self.draft.sentence_at(previous.end - 1)
        here = self.draft.sentence_at(quotation.start)
        if before is None or here is None or previous.paragraph != quotation.paragraph:
            return False
        next_one = self.draft.sentences.index(here) == self.draft.sentences.index(before) + 1
        return here is before or (next_one and not re.search(r"\w", here.prose))

    def _pronoun(self, quotation: Quotation, pronoun: str) -> str | None:
        """The one speaker named in the quotation's paragraph before it or, where none is,
        in the previous paragraph; "he" and "she" are not groups."""
        for number in (quotation.paragraph, quotation.paragraph - 1):
            if number < 0:
                return None
            start, end = self.draft.paragraphs[number]
            end = min(end, quotation.start)
            found = set()
            for mention in self.finder.find(self.draft.prose, start, end):
                entity = self.finder.case.entities[mention.entity]
                if pronoun == "they":
                    # "they" is a group, or the group of the members named ("Goodlatte, Gowdy
                    # and Nunes ... they added"), never one person or the memo they discuss.
                    group = self.finder.case.entities.get(entity.affiliation or "")
                    if not entity.group and group is not None and group.group:
                        entity = group
                    if not entity.group:
                        continue
                elif entity.group:
                    continue
                if entity.id in self.speakers:
                    found.add(entity.id)
            # Kice and the ICE she speaks for are one candidate: the person.
            people = {e for e in found if not any(e in self.finder.chain(o) - {o} for o in found)}
            if people:
                return people.pop() if len(people) == 1 else None
        return None


def attribute(
    draft: Draft, finder: NameFinder, speakers: Iterable[str] = ()
) -> tuple[Attributed, ...]:
    """Every quotation of the draft with its speaker (or None where it cannot be read)."""
    reader = _Reader(draft, finder, frozenset(speakers))
    for number, quotation in enumerate(draft.quotations):
        reader.done.append(reader.read(number, quotation))
    return tuple(reader.done)
