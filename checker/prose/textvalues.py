"""Text values ("campaign chairman") where a claim's excerpt holds its own.

An excerpt prints a text claim's value in its own words ("campaign chair Paul Manafort" for
"campaign chairman"): the run of the excerpt's words most like the claimed text, if it agrees
with it by the property's ``similarity``, is where the value stands. A sentence matched to the
excerpt is read there only where the reading is safe from paraphrase: every meaning word of the
excerpt outside the value is found in the sentence, in order; some word of the value itself is
found inside the region (the words differ within the value: "campaign manager" for "campaign
chairman", not some other description); and the region is no longer than the value by more
than a word. The region's words are then the draft's text, its leading function words and
time words ("his", "former") left out: a former chairman held the title all the same.
"""

from __future__ import annotations

from checker.model.case import TextValue
from checker.model.text import normalize_text, texts_agree
from checker.prose.wordalign import STOP, Words

#: Words before a title that say whose or when, not what: left out of a text value read.
_LEADING = STOP | {"former", "ex", "then", "onetime", "erstwhile", "late", "current", "new"}


def text_span(claimed: str, excerpt: str, similarity: float) -> tuple[int, int] | None:
    """The characters of the excerpt's run of words that is the claimed text, if one agrees."""
    words = Words.of(excerpt)
    width = len(Words.of(claimed).words)
    best: tuple[float, tuple[int, int]] | None = None
    for size in (width, width - 1, width + 1):
        for i in range(0, len(words.words) - size + 1 if size > 0 else 0):
            start, end = words.spans[i][0], words.spans[i + size - 1][1]
            run = excerpt[start:end]
            if texts_agree(run, claimed, similarity):
                likeness = -abs(size - width)
                if best is None or likeness > best[0]:
                    best = (likeness, (start, end))
    return best[1] if best else None


def read_text(
    prose: str,
    sentence: Words,
    pairs: dict[int, int],
    value: tuple[int, int],
    region: tuple[int, int],
    complete: bool,
) -> tuple[int, int, TextValue] | None:
    """The text the sentence prints where the excerpt prints its value (see the module)."""
    low, high = value
    inside = [b for a, b in pairs.items() if low <= a < high]
    first, stop = region
    if not complete or not inside or stop - first > high - low + 1:
        return None
    while first < stop and sentence.words[first] in _LEADING:
        first += 1
    if first >= stop or any(not w.isalpha() for w in sentence.words[first:stop]):
        return None
    start, end = sentence.spans[first][0], sentence.spans[stop - 1][1]
    text = " ".join(prose[start:end].split())
    return start, end, TextValue(text, normalize_text(text))
