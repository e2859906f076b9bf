"""Where and when a speaker spoke: the writer's narration, not what the speaker said.

Only the complement of a speech verb is the speaker's ("Kice said *the MOU is in effect*"). A
prepositional phrase right after the verb ("said to the group gathered in Norwalk in March
2008", "told reporters in Pasadena on Monday", "said Kice at the meeting") sets the scene of the
speech act: it is the writer's statement of where or when something was said. The phrase may
follow the speaker's name ("said Kice"), an addressee pronoun ("told them") or, after a verb of
telling, a one- or two-word addressee ("told reporters"). It ends at the first word that opens
what is said ("that", a pronoun), a finite verb ("the group in Norwalk *was* told"), another
speech verb, a quotation mark or a clause break (";", ":").
"""

from __future__ import annotations

import re

from checker.prose.attribution import SPEECH_VERBS, Mention

#: Prepositions that open the scene of a speech act.
_SCENE = frozenset({
    "to", "in", "at", "on", "during", "before", "after", "from", "outside", "inside", "near",
})  # fmt: skip
#: Verbs of telling, whose addressee may stand before the scene ("told reporters in ...").
_TELLING = frozenset({"told", "tells", "tell", "asked", "asks"})
#: Addressee pronouns after a speech verb ("told them in Norwalk").
_OBJECTS = frozenset({"him", "her", "them", "us", "me"})
#: Words that end the scene: what is said opens, or a verb of its own stands.
_ENDS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "that", "there", "this", "these", "those",
    "whether", "if", "how", "why", "what", "is", "are", "was", "were", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does",
    "did", "be", "been", "not", "never",
})  # fmt: skip
_STOP = re.compile(r"[;:\"\u201c\u201d\u2018\u2019]|\s'|'\s")


def in_scene(
    prose: str,
    words: list[tuple[str, int, int]],
    verb: int,
    span: tuple[int, int],
    mentions: list[Mention],
) -> bool:
    """Whether ``span`` lies in the scene of the speech act whose verb is word ``verb`` of
    ``words`` (casefolded tokens of ``prose`` with their characters)."""
    said, _, verb_end = words[verb]
    if span[0] < verb_end or _STOP.search(prose[verb_end : span[0]]):
        return False
    between = [(w, s) for w, s, e in words[verb + 1 :] if e <= span[0]]
    at = 0
    named = [m for m in mentions if m.start >= verb_end and m.end <= span[0]]
    if named and between and named[0].start == between[0][1]:
        at = sum(1 for _, s in between if s < named[0].end)  # "said Kice at the meeting"
    elif between and between[0][0] in _OBJECTS:
        at = 1  # "told them in Norwalk"
    elif said in _TELLING:
        first = next((i for i, (w, _) in enumerate(between) if w in _SCENE), None)
        at = first if first is not None and first <= 2 else 0  # "told reporters in ..."
    if _ENDS.intersection(w for w, _ in between[:at]):
        return False
    rest = [w for w, _ in between[at:]]
    if not rest or rest[0] not in _SCENE:
        return False
    return not _ENDS.intersection(rest) and not SPEECH_VERBS.intersection(rest)
