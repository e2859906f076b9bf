"""Whose voice a sentence's fact is in: the draft's own, a named speaker's, or a hedge's.

A statement the draft attributes ("Kice said the MOU is in effect", "according to the Times")
is that speaker's claim: it can misreport the speaker, never make the draft contradict the
sources. A speech verb counts only in the active voice: "has been officially declared a
sanctuary city" declares nothing on anyone's behalf; nor inside a name ("the United States
Senate": capitalized mid-sentence, in a sentence that is not a title-case headline). A name
after the verb is its speaker only before any pronoun ("said Kice", not "Says He Won't ...
Pasadena Police": the pronoun opens what is said). A hedge ("reportedly", "appears") is not
the draft's own voice either, though no speaker is named.

A speaker governs what is said, not a relative clause ("which was signed ...", "who ...")
hanging on a noun inside it: "Activists say their concerns stem from a memorandum which was
signed by Sanchez on Nov. 15" has the activists voice concerns, and the writer date the
memorandum. A relative clause is read to its first comma (or other break), and only up to its
own verb: a second verb group ("the MOU which was signed by Sanchez *is* in effect") is the
speaker's again. "That" opens what is said as often as a relative clause, and is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model.case import PropertySpec
from checker.prose.attribution import SPEECH_VERBS, Mention
from checker.prose.narration import in_scene
from checker.prose.polarity import DENIALS
from checker.prose.prosevalues import TOKEN, words_of

_PASSIVE = frozenset({"be", "been", "being", "is", "was", "are", "were", "not"})
_ADVERBS = frozenset({"also", "later", "then", "again", "officially", "publicly", "has", "had"})
HEDGES = frozenset({
    "reportedly", "allegedly", "apparently", "appears", "appeared", "seems", "seemed",
    "purportedly", "supposedly", "rumored", "rumoured",
})  # fmt: skip
_ACCORDING = re.compile(r"\baccording\s+to\b", re.I)
#: Words that may stand between a speaker's name and the verb, or the verb and the name.
GAP_WORDS = 3
#: Words that open what is said, after a speech verb: no speaker's name stands past them.
_CONTENT = frozenset({"he", "she", "it", "they", "we", "i", "you", "that", "there", "this"})
#: Words that cannot be part of a group's name before a speech verb.
_NOUNISH_STOP = frozenset({"the", "a", "an", "and", "but", "that", "which", "who", "had", "has"})
#: Words that open a relative clause describing a noun (not "that": it also opens speech).
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
#: Finite auxiliaries and copulas: a second group of them after a relative pronoun is the main
#: clause's verb, past the relative clause's end.
_FINITE = frozenset({
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "shall", "should", "must", "do", "does", "did", "be", "been", "being", "not",
    "never",
})  # fmt: skip
#: What ends a relative clause read without a parser.
_BREAK = re.compile(r"[,;:\u2014\u2013()]|\s-\s")
#: Share of capitalized words from which a sentence is a title-case headline.
TITLE_CASE = 0.8


@dataclass(frozen=True)
class Voice:
    attributed: bool
    speaker: str | None
    hedged: bool


def _folded(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def voice_of(
    prose: str,
    mentions: list[Mention],
    span: tuple[int, int] | None = None,
    subject: str | None = None,
    groups: dict[str, frozenset[str]] | None = None,
) -> Voice:
    """The voice of a sentence, or of the clause of it that holds ``span`` (a fact's
    characters): who it says asserts it, if anyone, and whether it hedges.

    With a span, the speech verb is the last one before the fact's end, else the first after
    it ("..., Kice said"): "Trump has denied X and Moscow has denied Y" gives Y to Moscow, not
    to Trump. The fact's ``subject`` is never the name after the verb ("said the MOU was"):
    it is what is said, not who says it. ``groups`` (a group entity's name words) let an
    unnamed speaker ("city officials said") be the declared group of that name."""
    words = _folded(prose)
    hedged = any(w in HEDGES for w, _, _ in words)
    headline = _title_case(prose, words)
    verbs = []
    for number, (word, start, end) in enumerate(words):
        if word not in SPEECH_VERBS and word not in DENIALS:
            continue
        if number and not headline and prose[start].isupper():
            continue  # part of a name: "the United States Senate"
        before = [w for w, _, _ in words[max(0, number - 2) : number]]
        if (before and before[-1] in _PASSIVE) or before[-2:-1] == ["been"]:
            continue  # "was declared", "been officially declared": not speech
        verbs.append((number, start, end))
    if verbs:
        number, start, end = verbs[0]
        if span is not None:
            earlier = [v for v in verbs if v[1] < span[1]]
            number, start, end = earlier[-1] if earlier else verbs[0]
        if span is not None and _described(prose, words, span, end if start < span[0] else None):
            return Voice(False, None, hedged)  # the writer's description of a noun
        if span is not None and in_scene(prose, words, number, span, mentions):
            return Voice(False, None, hedged)  # where or when it was said: the writer's
        others = [m for m in mentions if m.entity != subject or m.end <= start]
        speaker = _speaker(prose, others, start, end)
        if speaker is None and groups:
            speaker = _group(words[max(0, number - GAP_WORDS) : number], groups)
        return Voice(True, speaker, hedged)
    according = _ACCORDING.search(prose)
    if according is not None:
        if span is not None and _described(prose, words, span, according.end()):
            return Voice(False, None, hedged)
        after = [m for m in mentions if m.start >= according.end()]
        near = after[0] if after and _gap(prose, according.end(), after[0].start) else None
        return Voice(True, near.entity if near else None, hedged)
    return Voice(False, None, hedged)


def _described(
    prose: str, words: list[tuple[str, int, int]], span: tuple[int, int], said: int | None
) -> bool:
    """Whether a fact (``span``) lies in a relative clause on a noun, opened after the
    attribution's end (``said``), or, where the attribution follows the fact ("..., Kice
    said"; ``said`` None), set off by a comma before it (", which was signed ...,"): without
    the comma, the clause may hold the speaker's own restriction. The pronoun follows a word
    that is no speech verb ("say who signed it" asks, it does not describe), and between it
    and the fact stand no break, no speech verb and no second verb group."""
    for number, (word, at, end) in enumerate(words):
        if word not in _RELATIVE or not number or end > span[0]:
            continue
        if said is None and not prose[:at].rstrip().endswith(","):
            continue
        if said is not None and at < said:
            continue
        before = words[number - 1][0]
        if before in SPEECH_VERBS or before in DENIALS or before in _CONTENT:
            continue
        inside = [w for w, start, _ in words[number + 1 :] if start < span[0]]
        verb_groups = sum(
            1
            for i, w in enumerate(inside)
            if w in _FINITE and (not i or inside[i - 1] not in _FINITE)
        )
        spoken = SPEECH_VERBS.intersection(inside) or DENIALS.intersection(inside)
        if verb_groups <= 1 and not spoken and not _BREAK.search(prose[end : span[0]]):
            return True
    return False


def _group(before: list[tuple[str, int, int]], groups: dict[str, frozenset[str]]) -> str | None:
    """The one declared group whose name holds the plural noun phrase right before the speech
    verb ("city officials said": "Pasadena city officials"); two words at least, so that a
    bare "officials" names no one."""
    tail: list[str] = []
    for word, _, _ in reversed(before):
        if word in _NOUNISH_STOP:
            break
        tail.insert(0, word)
    if not tail or not tail[-1].endswith("s"):
        return None
    for size in range(len(tail), 1, -1):
        fits = [g for g, name in groups.items() if set(tail[-size:]) <= name]
        if len(fits) == 1:
            return fits[0]
    return None


def _title_case(prose: str, words: list[tuple[str, int, int]]) -> bool:
    """Whether nearly all of a sentence's longer words after the first are capitalized, as in a
    headline (a sentence naming three or four people still has most of its words in lower case)."""
    long = [start for word, start, _ in words[1:] if len(word) > 3]
    return bool(long) and sum(prose[s].isupper() for s in long) >= TITLE_CASE * len(long)


def _gap(prose: str, start: int, end: int) -> bool:
    between = [w.casefold() for w in TOKEN.findall(prose[start:end])]
    return len([w for w in between if w not in _ADVERBS]) <= GAP_WORDS and not re.search(
        r"[.;:]", prose[start:end]
    )


def _speaker(prose: str, mentions: list[Mention], start: int, end: int) -> str | None:
    """The name standing right before the speech verb ("Kice said"), else right after it
    ("said Mike Brickner")."""
    before = [m for m in mentions if m.end <= start and _gap(prose, m.end, start)]
    if before:
        return before[-1].entity
    after = [m for m in mentions if m.start >= end and _gap(prose, end, m.start)]
    if not after or _CONTENT.intersection(
        w.casefold() for w in TOKEN.findall(prose[end : after[0].start])
    ):
        return None
    return after[0].entity


def is_attributed(prose: str) -> bool:
    """Whether a sentence says who asserts what it says ("said", "according to")."""
    words = words_of(prose)
    return bool(SPEECH_VERBS.intersection(words)) or "according to" in " ".join(words)


#: Words of a property of what should be, not what is.
_MODAL_WORDS = frozenset({"should", "must", "would", "ought"})


def modal(spec: PropertySpec) -> bool:
    """Whether a yes/no property is of what should (must, would) be: such a property is read
    only by claim matching, as its keyword ("made public") names plain facts too."""
    words = words_of(f"{spec.id.replace('_', ' ')} {spec.description or ''}")
    return spec.type == "boolean" and bool(_MODAL_WORDS.intersection(words))
