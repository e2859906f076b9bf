"""An excerpt's asides: the appositive a writer sets off in commas, which a draft may leave out.

"Edward Brooke, a Republican, held the seat from 1966 to 1978" says when Brooke held the seat;
"a Republican" is an aside about him, and a draft that says the same ("Edward Brooke, who served
from 1967 to 1979") has no reason to repeat it. So an aside's words count towards a match only
where the sentence holds them: left out, they are not held against it (see
:meth:`checker.prose.claimmatch.ClaimMatcher._match`). Only a short noun phrase opened by an
article between two commas is taken for an aside: a list of names ("Mintz, Levin, Cohn") or a
clause of its own is not, and an aside that holds the claim's value is never optional.
"""

from __future__ import annotations

import re

from checker.prose.wordalign import Words

#: The longest aside, in words: an appositive is a short label ("a Republican", "the mayor").
ASIDE_WORDS = 4

_ASIDE = re.compile(r"(?<=\w),\s+((?:a|an|the)\s+[^,;:()\"\u201c\u201d]+?),(?=\s+\w)", re.I)


def asides(text: str, words: Words, value: tuple[int, int] | None) -> frozenset[int]:
    """The word positions of ``text``'s asides, none holding the value's words [low, high)."""
    low, high = value or (len(words.words), len(words.words))
    found: set[int] = set()
    for m in _ASIDE.finditer(text):
        start, end = words.index(*m.span(1))
        if end - start > ASIDE_WORDS or (start < high and low < end):
            continue
        found.update(range(start, end))
    return frozenset(found)
