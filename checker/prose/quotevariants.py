"""Another source's wording of a quotation the draft gives exactly.

A draft's quotation may match one source word for word while the case records the same
speaker's same statement in another source in other words (one outlet's "will", another's
"would"). That is no error of the draft, but a reader of it may meet the other wording: the
draft check notes it (``quote-variant``, info).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from checker.prose.alignment import keys_of
from checker.prose.textindex import Hit, TextIndex


def _reworded(source: list[str], draft: list[str]) -> bool:
    """Whether words differ inside the stretch both share: words one side only has before or
    after it are a longer or shorter excerpt of the statement, not another wording."""
    ops = difflib.SequenceMatcher(None, source, draft, autojunk=False).get_opcodes()
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()
    return any(op[0] != "equal" for op in ops)


def other_version(
    index: TextIndex,
    quotation: str,
    exact: Sequence[Hit],
    same_statement: Callable[[Hit], bool],
) -> tuple[Hit, Hit] | None:
    """The recorded quote of the exact matches' speaker, in a source none of them is from,
    that is a close variant of ``quotation`` in other words (not only punctuation or case)
    and passes ``same_statement``; with the exact match it differs from. None if there is
    none. Words inside nested quotes are someone else's and have no speaker here."""
    speakers = {
        h.passage.quote.speaker: h for h in exact if h.passage.quote is not None and not h.nested
    }
    if not speakers:
        return None
    sources = {h.passage.source for h in exact}
    passages = {id(h.passage) for h in exact}
    draft_words = keys_of(quotation)
    candidates = [
        v
        for v in index.variants(quotation)
        if v.passage.quote is not None
        and v.passage.quote.speaker in speakers
        and v.passage.source not in sources
        and id(v.passage) not in passages
        and not v.nested
        and _reworded(keys_of(v.excerpt), draft_words)
        and same_statement(v)
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda v: (-v.score, v.passage.source))
    assert best.passage.quote is not None
    return speakers[best.passage.quote.speaker], best
