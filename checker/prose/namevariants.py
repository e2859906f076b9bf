"""Names a draft prints otherwise than the case declares them ("Papadopoulous", "Paris Island").

``compare`` reports a name a claim file writes close to one declared entity's names, and no
other's, as a ``name-variant``; this does the same for a draft's words, in its prose and inside
its quotations. Candidates are runs of capitalised words, joined by the small words and marks a
name or a title keeps inside ("Department of Justice", "Higher Loyalty: Truth, Lies, and
Leadership"), and every stretch of such a run that starts and ends on a capitalised word; a
possessive's "'s" is dropped. Words that are a declared name exactly (what
:class:`~checker.prose.attribution.NameFinder` finds) are no candidate and split the run, so a
declared name with a title or a first name before it ("Mr. Comey", "FBI Director Comey", "Lara
Trump") is never read as a variant of it. A candidate is a variant where the case's
:class:`~checker.model.names.NameIndex` reads it as a variant of one entity, at the threshold
``compare`` uses, and is that entity's declared name (one with a capital: "the special counsel"
is a description, and "Special Counsel" a title) word for word with a word or more misspelt
(:func:`_misspelt`), or a title with its "A" dropped. Not variants, the look-alikes prose is
full of:

- a word of a declared name on its own ("Buschel" for Rob Buschel): a short form;
- a single word the draft also writes in lower case: a common word capitalised at the start of
  a sentence or in a headline;
- a word with another ending (Russia and "Russian", Williams and "William", "Laborers" for
  "Laborer"): an inflection or another word, where a misspelling changes letters inside it;
- words in another order, or one left out ("Immigration Customs Enforcement"): a wording;
- another first name before the same surname: another person.

One finding per entity and written form, at its first place in the draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.compare.report import KINDS, Finding, Location, fingerprint
from checker.model.case import Case
from checker.model.names import NAME_VARIANT_THRESHOLD, name_score
from checker.model.text import fold_name
from checker.prose.attribution import NameFinder
from checker.prose.drafts import ABBREVIATIONS, Draft

_TOKEN = re.compile(r"\w+(?:[.'\u2019]\w+)*")
#: Lower-case words a name or a title keeps inside ("Department of Justice").
CONNECTORS = frozenset({"of", "and", "the", "for", "de", "da", "di", "du", "la", "van", "von"})
#: What may stand between two words of one name: spaces (one line break at most, as wrapped
#: text has), a comma or colon before them (a title's "Truth, Lies, and"), an ampersand, a
#: hyphen. A period only after an abbreviation or an initial (see :func:`_joins`).
_GAP = re.compile(r"[,:]?[ \t]*\n?[ \t]*|[ \t]*&[ \t]*|-")
#: Each misspelt word of a variant must score this against the declared word: "Tim" and "Tom"
#: (67) are two names, "Stacy" and "Stacey" (91) or "Steven" and "Stephen" (77) one.
WORD_THRESHOLD = 75.0
#: Endings of English words made from a name or a noun (plurals, adjectives, verbs).
ENDINGS = frozenset({
    "", "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ic", "ics", "al", "ally", "ed",
    "ing", "er", "ers", "ism", "ist", "ists", "ite", "ites", "ese",
})  # fmt: skip
_POSSESSIVE = re.compile(r"['\u2019]s?$")


@dataclass(frozen=True)
class Variant:
    entity: str
    written: str
    declared: str
    start: int
    end: int


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _joins(text: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether two neighbouring words may belong to one name: a period after "Mr" or "U.S"
    or an initial joins, one that ends a sentence does not."""
    gap = text[before.end() : after.start()]
    if gap.startswith("."):
        word = before.group().casefold()
        if not (word in ABBREVIATIONS or len(word) == 1 or "." in word):
            return False
        gap = gap[1:]
    return _GAP.fullmatch(gap) is not None


class VariantFinder:
    """Finds the names of a draft that are close variants of one declared entity's names."""

    def __init__(self, case: Case, finder: NameFinder):
        self.case = case
        self.finder = finder
        self.spellings: dict[str, list[str]] = {}
        self.words: set[str] = set()
        longest = 1
        for entity in case.entities.values():
            names = [s for s in (entity.name, *entity.aliases) if fold_name(s)]
            self.spellings[entity.id] = names
            for name in names:
                words = fold_name(name).split()
                self.words.update(words)
                longest = max(longest, len(words))
        #: A variant may have a word more than the longest declared name (a dropped space).
        self.longest = longest + 1

    def find(self, draft: Draft) -> list[Variant]:
        text = draft.masked  # the prose and the quotations, Markdown blanked
        tokens = list(_TOKEN.finditer(text))
        lower = {t.group().casefold() for t in tokens if not _capitalised(t.group())}
        taken = [False] * len(tokens)
        starts = {t.start(): n for n, t in enumerate(tokens)}
        for mention in self.finder.find(text):
            n = starts.get(mention.start)
            while n is not None and n < len(tokens) and tokens[n].start() < mention.end:
                taken[n] = True
                n += 1
        hits: list[Variant] = []
        for run in self._runs(text, tokens, taken):
            hits += self._in_run(text, run, lower)
        # The longest reading of overlapping candidates ("Paris Island, South Carolina" rather
        # than "Paris Island"); then one per entity and written form, the first in the draft.
        kept: list[Variant] = []
        for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
            if not any(h.start < hit.end and hit.start < h.end for h in kept):
                kept.append(hit)
        seen: set[tuple[str, str]] = set()
        out = []
        for hit in sorted(kept, key=lambda h: h.start):
            key = (hit.entity, fold_name(hit.written))
            if key not in seen:
                seen.add(key)
                out.append(hit)
        return out

    def _runs(
        self, text: str, tokens: list[re.Match[str]], taken: list[bool]
    ) -> Iterator[list[re.Match[str]]]:
        """Runs of capitalised words (with connectors inside), not crossing a declared name."""
        run: list[re.Match[str]] = []
        for n, token in enumerate(tokens):
            word = token.group()
            fits = not taken[n] and (_capitalised(word) or (bool(run) and word in CONNECTORS))
            if fits and run and not _joins(text, run[-1], token):
                yield run
                run = []
                fits = _capitalised(word)
            if fits:
                run.append(token)
            elif run:
                yield run
                run = []
        if run:
            yield run

    def _in_run(self, text: str, run: list[re.Match[str]], lower: set[str]) -> list[Variant]:
        heads = [n for n, t in enumerate(run) if _capitalised(t.group())]
        hits = []
        for i in heads:
            for j in heads:
                if j < i or j - i >= self.longest:
                    continue
                written = _POSSESSIVE.sub("", text[run[i].start() : run[j].end()])
                single = i == j and written.casefold() in lower
                found = None if single else self._variant(written)
                if found is not None:
                    entity, declared = found
                    end = run[i].start() + len(written)
                    # A name wrapped over two lines is written with one space.
                    shown = " ".join(written.split())
                    hits.append(Variant(entity, shown, declared, run[i].start(), end))
        return hits

    def _variant(self, written: str) -> tuple[str, str] | None:
        """The entity ``written`` is a variant of, and its closest declared spelling."""
        folded = fold_name(written)
        if len(folded) < 4 or folded in self.words:
            return None
        resolved = self.finder.index.resolve(written)
        if resolved.entity is None or resolved.exact:
            return None
        for spelling in self.spellings[resolved.entity]:
            near = fold_name(spelling)
            if (
                any(c.isupper() for c in spelling)
                and name_score(folded, near) >= NAME_VARIANT_THRESHOLD
                and _misspelt(folded.split(), near.split())
            ):
                return resolved.entity, spelling
        return None


def _misspelt(mine: list[str], theirs: list[str]) -> bool:
    """Whether ``mine`` is the declared name ``theirs`` with a word or more misspelt, word for
    word, or a title with its "A" dropped. A leading "the" is usage, not the name ("the
    Washington Post", "a Washington Post reporter"); words in another order, a word left out
    or added ("Immigration Customs Enforcement"), a word with another ending ("Laborers" for
    "Laborer", "Russian", "Stones") and another first name before the same surname ("Tim
    Scott", "Tom Scott") are other wordings or other people, which prose is full of."""
    mine, theirs = _without(mine, "the"), _without(theirs, "the")
    article = mine[:1] != theirs[:1] and "a" in (mine[:1] + theirs[:1])
    mine, theirs = _without(mine, "a"), _without(theirs, "a")
    if len(mine) != len(theirs):
        return False
    changed = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    return (article or bool(changed)) and all(
        not _inflected(a, b) and name_score(a, b) >= WORD_THRESHOLD for a, b in changed
    )


def _inflected(a: str, b: str) -> bool:
    """Whether two words are one stem with two endings ("Russia", "Russian"; "Democrats",
    "Democratic"), where "Papadopoulous" and "Stacy" change letters of the name itself."""
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return a[stem:] in ENDINGS and b[stem:] in ENDINGS


def _without(words: list[str], article: str) -> list[str]:
    return words[1:] if words[:1] == [article] else words


def name_variants(draft: Draft, case: Case, finder: NameFinder, file: str) -> list[Finding]:
    """A ``name-variant`` warning for each name of the draft printed otherwise than declared."""
    findings = []
    for hit in VariantFinder(case, finder).find(draft):
        line, column = draft.position(hit.start)
        declared = case.entities[hit.entity].name
        closest = "" if hit.declared == declared else f", declared as '{hit.declared}'"
        message = (
            f"{file}:{line}:{column}: '{hit.written}' is not a declared name of {hit.entity} "
            f"({declared}{closest}); check the spelling against the sources"
        )
        findings.append(
            Finding(
                kind="name-variant",
                severity=KINDS["name-variant"],
                subject=hit.entity,
                property=None,
                message=message,
                fingerprint=fingerprint("name-variant", hit.entity, None, [fold_name(hit.written)]),
                claims=(),
                location=Location(file, line, column),
            )
        )
    return findings
