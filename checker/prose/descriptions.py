"""Definite descriptions: "the agreement", "the memorandum" as a mention of a declared entity.

A writer names an entity once and then calls it by its kind: "a memorandum of understanding
... The agreement was never in effect". A definite description ("the" and a noun) is read as a
mention of the one declared entity whose name or an alias has that noun as its head (the last
word before a qualifier such as "of" or "between": "Memorandum of Understanding between ...",
"ICE-Pasadena Police Department agreement"), and only where exactly one entity's does: "the
officials" names no one in a case that declares two groups of officials. The head counts only
where the case writes it in lower case, as a common noun, and so does the draft: a capitalized
head is part of a proper name that other places share ("City of Pasadena", "State of Florida":
"the city officials in Camden" are not Pasadena's). The noun is matched as written, so a plural
("the agreements") is another kind than its singular. Only facts read by a property's
keyword are read through descriptions (:class:`checker.prose.draftfacts.FactReader`): a
quotation's or a fact's speaker is still named, never described, and claims are matched by names.
"""

from __future__ import annotations

import re
from collections import defaultdict

from checker.model.case import Case
from checker.prose.attribution import Mention

_WORD = re.compile(r"[\w()'\u2019-]+")
#: Words after which a name's head is qualified, not continued ("Memorandum of ...").
_QUALIFIERS = frozenset({
    "of", "between", "with", "for", "to", "at", "in", "on", "by", "from", "against", "about",
    "which", "that", "who",
})  # fmt: skip
#: A parenthesis set off from a name ("(November 2016 renewal)"), not one inside a word ("287(g)").
_ASIDE = re.compile(r"\s\([^)]*\)")
_DESCRIPTION = re.compile(r"\b[Tt]he\s+([a-z]+)\b")


def head_noun(name: str) -> str | None:
    """The head of a name, where it is a common noun: its last word before a qualifier or an
    aside in parentheses, in lower case as written."""
    words: list[str] = []
    for word in _WORD.findall(_ASIDE.sub("", name)):
        if word.casefold() in _QUALIFIERS:
            break
        words.append(word)
    if not words:
        return None
    head = words[-1].split("-")[-1]
    return head if head.isalpha() and head.islower() else None


class Descriptions:
    """The definite descriptions that name exactly one of a case's entities."""

    def __init__(self, case: Case):
        heads: dict[str, set[str]] = defaultdict(set)
        for entity in case.entities.values():
            for spelling in (entity.name, *entity.aliases):
                head = head_noun(spelling)
                if head is not None:
                    heads[head].add(entity.id)
        self.heads = {head: next(iter(ids)) for head, ids in heads.items() if len(ids) == 1}

    def find(self, prose: str, named: list[Mention]) -> list[Mention]:
        """Mentions by description in ``prose`` outside the ``named`` mentions, in order."""
        found = []
        for match in _DESCRIPTION.finditer(prose):
            entity = self.heads.get(match.group(1).casefold())
            inside = any(m.start < match.end() and match.start() < m.end for m in named)
            if entity is not None and not inside:
                found.append(Mention(entity, match.group(), match.start(), match.end()))
        return found

    def with_names(self, prose: str, named: list[Mention]) -> list[Mention]:
        """The ``named`` mentions and those by description, in order."""
        return sorted([*named, *self.find(prose, named)], key=lambda m: m.start)
