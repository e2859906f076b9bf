"""Numbers written in words: "five", "twenty-one", "three hundred and forty", "three dozen",
"a million", and the vague plurals "dozens", "hundreds of thousands".

A vague plural is read as the corpus cases' conventions write it: from two of its unit to just
under the next named magnitude ("hundreds of thousands" is 200,000 to 999,999, "thousands"
2,000 to 999,999, "dozens" 24 to 99). A bare "one" (one of them, no one) and "a" alone are not
numbers; a number word capitalised inside a sentence is part of a name ("the Jackson Five"), and
one joined by a hyphen to another word is a modifier ("a five-year term", "twenty-first"), not a
count.

Our own few lines rather than a library: the PyPI converters (word2number, text2num) turn a
whole string into digits and give no character spans, and none reads "dozen" or the vague
plurals that the corpus conventions fix.
"""

from __future__ import annotations

import re

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
VALUES = {word: float(n) for n, word in enumerate(_UNITS)} | {
    word: float(10 * n) for n, word in enumerate(_TENS, start=2)
}
#: Words that multiply what comes before them; "dozen" too ("three dozen").
SCALES = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
#: Each vague plural's unit and the next named magnitude above it.
_PLURALS = {
    "tens": (10.0, 100.0), "dozens": (12.0, 100.0), "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e6), "millions": (1e6, 1e9), "billions": (1e9, 1e12),
}  # fmt: skip

_WORD = "|".join(sorted([*VALUES, *SCALES], key=len, reverse=True))
_PLURAL = "|".join(_PLURALS)
#: "and" joins a number's words only after a scale ("three hundred and forty", not "five and
#: six", which are two numbers).
_AFTER_SCALE = "(?:" + "|".join(f"(?<={s})" for s in SCALES if s != "dozen") + ")"
#: A number in words, as a regular-expression fragment (no group of its own but ``words``).
PATTERN = (
    rf"(?P<words>(?:(?:{_PLURAL})\s+of\s+)?(?:{_PLURAL})"
    rf"|(?:an?\s+)?(?:{_WORD})(?:(?:{_AFTER_SCALE}\s+and\s+|[\s-]+)(?:{_WORD}))*)"
    r"(?![\w-])"
)
_TOKEN = re.compile(r"[a-z]+")


def word_amount(words: str) -> tuple[float, float] | None:
    """The low and high of a number in words; None for what is not read as one."""
    tokens = [t for t in _TOKEN.findall(words.casefold()) if t != "and"]
    if tokens and tokens[-1] in _PLURALS:
        unit, top = _PLURALS[tokens[-1]]
        if len(tokens) == 3:  # "hundreds of thousands": the outer plural counts thousands
            outer, outer_top = _PLURALS[tokens[0]]
            return 2 * outer * unit, outer_top * unit - 1
        return 2 * unit, top - 1
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) == 1 or tokens[1] not in SCALES:
            return None
        tokens[0] = "one"
    if tokens == ["one"]:
        return None
    total = current = 0.0
    for token in tokens:
        if token in VALUES:
            current += VALUES[token]
        elif token in ("hundred", "dozen"):
            current = (current or 1) * SCALES[token]
        else:
            total += (current or 1) * SCALES[token]
            current = 0.0
    amount = total + current
    return amount, amount


def capitalised_inside(prose: str, start: int, end: int) -> bool:
    """Whether a number in words is capitalised where no sentence starts: part of a name."""
    before = prose[:start].rstrip()
    opening = not before or before[-1] in ".!?:\u2014\u2013-"
    words = re.findall(r"[A-Za-z]+", prose[start:end])
    return any(w[0].isupper() and (i or not opening) for i, w in enumerate(words))
