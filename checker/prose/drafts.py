"""Read a draft (Markdown or plain text) into sentences and quotations, each located in it.

Markdown syntax is blanked out in a copy of the text of the same length
(:mod:`checker.prose.markup`), so that every offset, line and column still points into the draft as
written. Paragraphs are separated by blank lines; a heading or a list
item is a paragraph of its own. Quotations open with ``“`` or a straight ``"`` and close with
``”`` or ``"``; one that is still open at the end of a paragraph continues only where the next
paragraph reopens with a quote mark (the journalism convention), and ends there otherwise.
Single quotes inside a quotation are nested quotes, part of its text. Sentences are split
outside quotations, so a quotation of several sentences stays in the sentence that carries it;
who is speaking is read by :mod:`checker.prose.attribution`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.prose.markup import blank, mask_markdown

#: Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "gov", "sen", "rep", "lt", "gen", "col", "capt", "sgt", "cmdr",
    "jr", "sr", "inc", "co", "corp", "dept", "no", "vs", "ave", "blvd", "rd", "mt", "ft",
    "prof", "u.s", "l.a", "d.c", "u.k", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "est",
})  # fmt: skip
OPENING = "\u201c"
CLOSING = "\u201d"


@dataclass(frozen=True)
class Quotation:
    """Quoted words: ``text`` as printed (reopening marks dropped, white space collapsed).

    ``start`` is the offset of the opening mark and ``end`` the offset just after the closing
    one; ``spans`` are the (start, end) offsets of each paragraph's part, marks included.
    """

    text: str
    start: int
    end: int
    line: int
    column: int
    spans: tuple[tuple[int, int], ...]
    paragraph: int
    closed: bool = True


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``prose`` is its text with Markdown and quotations blanked, so that
    ``prose[i]`` stands where ``draft.text[start + i]`` does."""

    start: int
    end: int
    line: int
    column: int
    text: str
    prose: str
    paragraph: int


@dataclass(frozen=True)
class Draft:
    text: str
    #: The draft with Markdown syntax blanked; same length as ``text``.
    masked: str
    #: The masked draft with every quotation (marks included) blanked as well.
    prose: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...]
    line_starts: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = [s.start for s in self.sentences]
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


def _paragraphs(masked: str, alone: list[bool]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    offset = 0
    for number, line in enumerate(masked.split("\n")):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            if current is not None:
                out.append(current)
            current = None
            continue
        if current is not None and alone[number]:
            out.append(current)
            current = None
        current = (current[0] if current else start, end)
    if current is not None:
        out.append(current)
    return out


def _opens_straight(masked: str, index: int) -> bool:
    before = masked[index - 1] if index else " "
    after = masked[index + 1] if index + 1 < len(masked) else " "
    return (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace()


def _quotations(masked: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The spans of each quotation, one per paragraph it covers (marks included)."""
    found: list[list[tuple[int, int]]] = []
    spans: list[tuple[int, int]] = []
    depth, piece = 0, -1
    for p_start, p_end in paragraphs:
        index = p_start
        if depth:
            first = p_start + len(masked[p_start:p_end]) - len(masked[p_start:p_end].lstrip())
            if masked[first] in OPENING + '"':
                piece, index = first, first + 1
            else:
                found.append(spans)
                spans, depth = [], 0
        for i in range(index, p_end):
            char = masked[i]
            if not depth and (char == OPENING or (char == '"' and _opens_straight(masked, i))):
                depth, piece, spans = 1, i, []
            elif depth and char == OPENING:
                depth += 1
            elif depth and char in CLOSING + '"':
                depth = 0 if char == '"' else depth - 1
                if not depth:
                    found.append([*spans, (piece, i + 1)])
                    spans = []
        if depth:
            spans.append((piece, p_end))
    if depth:
        found.append(spans)
    return [s for s in found if s]


def _split_view(masked: str, quotations: list[list[tuple[int, int]]]) -> str:
    """The masked text with each quotation's words hidden, keeping its marks and its final
    stop, so that sentence boundaries fall only outside quotations."""
    chars = list(masked)
    for spans in quotations:
        for start, end in spans:
            inner_end = end - 1 if masked[end - 1] in CLOSING + '"' else end
            for i in range(start + 1, inner_end):
                if not chars[i].isspace():
                    chars[i] = "x"
        last_start, last_end = spans[-1]
        keep = masked[last_start + 1 : last_end - 1].rstrip()
        if keep and keep[-1] in ".!?":
            position = last_start + 1 + len(keep) - 1
            chars[position] = keep[-1]
    return "".join(chars)


_BOUNDARY = re.compile(r"[.!?]+[\u201d\"\u2019')\]]*(?=\s+(?:[\u201c\"\u2018(\[]|[A-Z0-9]))")
_LAST_WORD = re.compile(r"(\w+(?:\.\w+)*)\.+$")


def _sentence_spans(view: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = p_start
    for match in _BOUNDARY.finditer(view, p_start, p_end):
        word = _LAST_WORD.search(view, start, match.start() + 1)
        if word and (
            word.group(1).casefold() in ABBREVIATIONS
            or (len(word.group(1)) == 1 and word.group(1).isupper())
        ):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, p_end))
    out = []
    for s, e in spans:
        text = view[s:e]
        lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def read_draft(text: str) -> Draft:
    """Read a draft's paragraphs, quotations and sentences."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    masked, alone = mask_markdown(text)
    paragraphs = _paragraphs(masked, alone)
    line_starts = tuple([0] + [m.end() for m in re.finditer("\n", text)])

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

    p_starts = [p[0] for p in paragraphs]
    raw = _quotations(masked, paragraphs)
    prose_chars = list(masked)
    quotations = []
    for spans in raw:
        for start, end in spans:
            blank(prose_chars, start, end)
        closed = masked[spans[-1][1] - 1] in CLOSING + '"' and spans[-1][1] - spans[-1][0] > 1
        inner = [
            masked[s + 1 : e - 1 if (closed and n == len(spans) - 1) else e]
            for n, (s, e) in enumerate(spans)
        ]
        words = " ".join(" ".join(inner).split())
        if not re.search(r"\w", words):
            continue  # “…” or “—”: no words to look for
        line, column = position(spans[0][0])
        quotations.append(
            Quotation(
                text=words,
                start=spans[0][0],
                end=spans[-1][1],
                line=line,
                column=column,
                spans=tuple(spans),
                paragraph=bisect.bisect_right(p_starts, spans[0][0]) - 1,
                closed=closed,
            )
        )
    prose = "".join(prose_chars)
    view = _split_view(masked, raw)
    sentences = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        for start, end in _sentence_spans(view, p_start, p_end):
            line, column = position(start)
            sentences.append(
                Sentence(
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    text=" ".join(masked[start:end].split()),
                    prose=prose[start:end],
                    paragraph=number,
                )
            )
    return Draft(
        text=text,
        masked=masked,
        prose=prose,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotations=tuple(quotations),
        line_starts=line_starts,
    )


#: A quotation of fewer words is a term set apart (a scare quote, a nickname), not a statement.
MIN_QUOTATION_WORDS = 3
#: Small words a title leaves lower case ("Take Your Daughters and Sons to Work Day").
_TITLE_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with"}
)


def is_term(quotation: Quotation) -> bool:
    """Whether quotation marks set words apart rather than quote a statement: a word or two
    (a scare quote, a nickname inside a name: Elbie “Skip” Hickambottom), or a title or a
    name in title case with no sentence in it (“A Higher Loyalty”, “Operation Tidal Wave”).
    Words in capitals throughout are shouted, not titled (“NO COLLUSION and NO OBSTRUCTION”)."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", quotation.text)
    if len(words) < MIN_QUOTATION_WORDS:
        return True
    inner = quotation.text.rstrip(" .,;:!?")
    if re.search(r"[.!?;]\s", inner) or len(words) > 10:
        return False
    capital = [w for w in words if w.casefold() not in _TITLE_SMALL or w == words[0]]
    return all(w[0].isupper() for w in capital) and not all(w.isupper() for w in capital)
