"""Requests as yes/no facts: "Trump allegedly asked him to drop any investigation", "his
requests for Comey to shut down its investigation".

A yes/no property whose id or description names a request ("asked_to_end_...", "Whether X
asked Y to ...") is stated by a request verb or noun with the property's keyword as its
infinitive: a form of ask, request or urge, then at most a few words (who is asked) and "to"
right before the keyword, with no clause break in between. The requester is the name nearest
before the request word, and only that name: "Comey asked Trump to drop it" says nothing of
Trump. "Not" or "never" just before the request word denies it ("did not ask"); a modal or a
condition ("would ask", "if he asked") leaves it unread. A denial ("denied asking") also makes
it false; who denies it, and a hedge ("allegedly"), are the voice's to read
(:func:`checker.prose.voice.voice_of`), as for any other fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.model.case import BoolValue, PropertySpec
from checker.prose.attribution import Mention
from checker.prose.polarity import DENIALS
from checker.prose.prosevalues import words_of

#: Forms of the verbs and nouns of a request.
REQUEST_WORDS = frozenset({
    "ask", "asks", "asked", "asking", "request", "requests", "requested", "requesting",
    "urge", "urges", "urged", "urging",
})  # fmt: skip
#: Words in a property's id or description that make it a request.
_REQUEST_PROPERTY = frozenset({"ask", "asks", "asked", "asking", "request", "requested"})
#: At most this many words between the request word and the keyword, "to" included.
GAP_WORDS = 5
_NOT = frozenset({"not", "never"})
_UNSURE = frozenset({
    "would", "could", "may", "might", "will", "should", "can", "must", "shall", "if", "whether",
})  # fmt: skip
_WORD = re.compile(r"[\w'\u2019-]+")
_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|\s-\s")


def is_request(spec: PropertySpec) -> bool:
    """Whether a yes/no property's id or description names a request."""
    text = f"{spec.id.replace('_', ' ')} {spec.description}"
    return spec.type == "boolean" and bool(_REQUEST_PROPERTY.intersection(words_of(text)))


def _request_word(spec: PropertySpec, prose: str, start: int) -> re.Match[str] | None:
    """The request word a request property's keyword at ``start`` is the infinitive of: "to"
    right before the keyword, the word at most :data:`GAP_WORDS` before it, no break between."""
    if not is_request(spec):
        return None
    words = list(_WORD.finditer(prose, 0, start))
    if not words or words[-1].group().casefold() != "to":
        return None
    asked = next(
        (w for w in reversed(words[-GAP_WORDS - 1 :]) if w.group().casefold() in REQUEST_WORDS),
        None,
    )
    if asked is None or _BREAK.search(prose, asked.end(), start):
        return None
    return asked


def request_value(
    spec: PropertySpec, prose: str, start: int, end: int, mentions: list[Mention]
) -> tuple[int, BoolValue, str] | None:
    """Where the keyword at ``start``-``end`` is what a named requester asked for: the start of
    the reading (the requester's name), its value and the requester; else None."""
    asked = _request_word(spec, prose, start)
    if asked is None:
        return None
    requester = next((m for m in reversed(mentions) if m.end <= asked.start()), None)
    if requester is None:
        return None
    before = [w.casefold() for w in _WORD.findall(prose[requester.end : asked.start()])]
    if _UNSURE.intersection(before):
        return None
    denied = bool(_NOT.intersection(before[-2:])) or any(w.endswith("n't") for w in before[-2:])
    denied ^= bool(DENIALS.intersection(before))
    return requester.start, BoolValue(not denied), requester.entity


def requested(
    specs: Mapping[str, PropertySpec],
    props: Sequence[str],
    prose: str,
    keyword: tuple[int, int],
    mentions: list[Mention],
) -> list[tuple[str, int, BoolValue, str]]:
    """The request properties a keyword is read of (:func:`request_value`): each with the start
    of its reading, its value and the requester."""
    out = []
    for prop in props:
        found = request_value(specs[prop], prose, *keyword, mentions)
        if found is not None:
            out.append((prop, *found))
    return out


def unasked(spec: PropertySpec, prose: str, keyword: tuple[int, int]) -> str:
    """The prose with the request word of a request property's keyword blanked (same length):
    "asked" there is the fact itself, not a speech verb making the requester its speaker."""
    word = _request_word(spec, prose, keyword[0])
    if word is None:
        return prose
    return prose[: word.start()] + " " * len(word.group()) + prose[word.end() :]
