"""Blank Markdown syntax out of a draft, keeping every offset where it was.

Headings' marks, emphasis, inline code and fenced code blocks, links' URLs (their text stays),
images, HTML tags and comments, block quote and list markers, link reference definitions,
rules and YAML front matter become spaces (new lines stay), so that the prose left reads as
plain text and every line and column still points into the draft as written.
"""

from __future__ import annotations

import re


def blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=\s|$)")
_HEADING_END = re.compile(r"\s#+\s*$")
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE_MARKER = re.compile(r"^ {0,3}(?:>\s?)+")
_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,9}[.)])\s+")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S.*$")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1|(`+)\2", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)[^\]\n]+(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<(?:https?://|mailto:)[^>\s]+>")
_EMPHASIS = re.compile(r"\*+|~~|(?<!\w)_+|_+(?!\w)|\\(?=[\\`*_{}\[\]()#+\-.!~|<>])")


def mask_markdown(text: str) -> tuple[str, list[bool]]:
    """Blank Markdown syntax; also say, per line, whether a paragraph starts there by itself
    (a heading, a list item, a block quote) and so may not be joined to the previous line."""
    chars = list(text)
    for pattern in (_FRONT_MATTER, _COMMENT):
        for match in pattern.finditer(text):
            blank(chars, match.start(), match.end())
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    alone: list[bool] = []
    fence: str | None = None
    for number, start in enumerate(starts):
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        line = "".join(chars[start:end])
        opened = _FENCE.match(line)
        if fence is not None or opened:
            if opened and (fence is None or opened.group(1)[0] == fence):
                fence = None if fence is not None else opened.group(1)[0]
            blank(chars, start, end)
            alone.append(True)
            continue
        separate = False
        for pattern in (_HEADING, _QUOTE_MARKER, _ITEM):
            if marker := pattern.match(line):
                blank(chars, start, start + marker.end())
                separate = True
        if _HEADING.match(line) and (tail := _HEADING_END.search(line)):
            blank(chars, start + tail.start(), end)
        if _RULE.match(line) or _REFERENCE.match(line) or (_UNDERLINE.match(line) and number):
            blank(chars, start, end)
            separate = True
        alone.append(separate)
    masked = "".join(chars)
    for pattern in (_CODE_SPAN, _IMAGE, _TAG):
        for match in pattern.finditer(masked):
            blank(chars, match.start(), match.end())
    masked = "".join(chars)
    for match in _LINK.finditer(masked):
        blank(chars, *match.span(1))
        blank(chars, *match.span(2))
    for match in _EMPHASIS.finditer("".join(chars)):
        blank(chars, match.start(), match.end())
    return "".join(chars), alone
