"""Text from input files made inert for each output family, in one place.

Claim files, case files, source texts, drafts, file names and the configuration are written by
people the reader of a report need not trust. None of their text may act in an output: start
a terminal escape sequence, ring the bell, forge a line, become a CI workflow command, a
Markdown image or link, an ``@mention``, or HTML. Each family has one function for input text
and, where the family is read line by line, one for the whole output:

- plain text (the ``table`` and ``text`` formats, notes on standard error, and the text inside
  JUnit XML): :func:`text`, then :func:`text_output`;
- Markdown: :func:`markdown`, then :func:`markdown_output`;
- HTML (and XML, whose character references are the same): :func:`html`, :func:`html_href`,
  then :func:`markup_output`;
- GitHub workflow commands: :func:`workflow_data` and :func:`workflow_property`;
- JSON (``json``, SARIF, GitLab Code Quality, ``problems/1``): :func:`json_output`.

Printable text, ASCII or not (typographic quotes, accents), passes unchanged, so a report of
ordinary input reads exactly as its input does.

This module sits in ``runtime`` so that every stage may use it, the CLI's messages included,
without importing the reporters.
"""

from __future__ import annotations

import html as _html
import json
import re
from typing import Any

#: Characters no output carries as they are: C0 and C1 controls and DEL (ESC starts terminal
#: escape sequences, BEL rings, CR and LF rewrite or forge lines), the Unicode line and
#: paragraph separators (``str.splitlines`` and some viewers break lines at them), lone
#: surrogates (they have no UTF-8 form, so writing them would fail), the two noncharacters
#: that XML 1.0 refuses, and the bidirectional embeddings, overrides and isolates, which make
#: text display in another order than it reads ("Trojan Source"; the marks LRM and RLM, which
#: right-to-left names need, stay).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

# GitHub's runner takes a line for a workflow command when it starts with "::" once leading
# white space is trimmed (so an indented, wrapped line counts), and a legacy command ("##[error]")
# wherever "##[" stands in a line; Azure Pipelines ("##vso[") and TeamCity ("##teamcity[") read
# theirs anywhere in a line too. Outside the github format the tool writes neither.
_COMMAND_KEY = re.compile("::")
_LOG_COMMAND = re.compile(r"(##\w*)\[")


def _visible(match: re.Match[str]) -> str:
    # Python's own spelling: \t, \n, \r, \x1b, \x85, \u2028, \ud800. Deterministic, readable, and
    # made of ASCII letters, digits and a backslash, which no family treats as markup.
    return ascii(match.group())[1:-1]


def text(value: object) -> str:
    """Input text as one line of plain text: each unsafe character (a control, a line or
    paragraph separator, a lone surrogate) spelled as Python escapes it (``\\x1b``, ``\\n``),
    and the ``[`` of a CI log command (``##[error]``, ``##vso[``) as ``\\x5b``.

    A backslash is left as it is, so that a Windows path reads as itself; the spelling is for
    people to read, not to be decoded.
    """
    return _LOG_COMMAND.sub(r"\1\\x5b", _UNSAFE.sub(_visible, str(value)))


def _inert(output: str, colon: str, bracket: str) -> str:
    def key(match: re.Match[str]) -> str:
        # Only "::" with nothing but white space before it on its line; looking for "::" first
        # is many times faster on a large report than a multi-line "^\s*::" pattern.
        start = output.rfind("\n", 0, match.start()) + 1
        return match.group() if output[start : match.start()].strip() else colon + ":"

    output = _COMMAND_KEY.sub(key, output)
    return _LOG_COMMAND.sub(lambda m: m.group(1) + bracket, output)


def text_output(output: str) -> str:
    """A whole plain-text output (or message) with no line a CI runner would execute.

    Wrapping can bring any word of the input to the start of a line, so this looks at the lines
    as written: a line that starts with ``::`` gets its first colon as ``\\x3a`` (and a ``[``
    after ``##`` becomes ``\\x5b``, as :func:`text` already spells it).
    """
    return _inert(output, r"\x3a", r"\x5b")


# What makes Markdown act, escaped with a backslash (CommonMark's escape for ASCII
# punctuation, which renders as the character itself): a backslash (it could undo an escape
# of ours, and GitHub ends a table cell at the pipe in "\\|"), a backtick (a code span would
# show our escapes), brackets (links, images, reference definitions, footnotes), "<" (raw
# HTML, autolinks, comments), "|" (ends a table cell) and "&" (an entity such as "&#64;"
# spells a character after our escaping has run). Emphasis and the like are left alone: they
# change no meaning worth the noise, and honest text (~50, >=1100, snake_case ids) uses them.
_MARKDOWN_ACTIVE = re.compile(r"[\\`\[\]<|&]")
# What GitHub links and notifies on: @user and @org/team, #123 and GH-123 (a cross-reference
# lands in the other issue's timeline). A zero-width space after the mark breaks the link and
# shows nothing; written as an entity so that the file shows it too.
_MARKDOWN_MENTION = re.compile(r"@(?=[A-Za-z0-9])|(?<!&)#(?=[0-9])|\bGH-(?=[0-9])", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "&#8203;"
# At the start of a line these open a block (a heading, quote, list, rule, fence or setext
# underline); digits followed by "." or ")" open an ordered list.
_MARKDOWN_BLOCK = re.compile(r"[#>+\-*=_~]|[0-9]+(?=[.)])")


def markdown(value: object, *, starts_line: bool = False) -> str:
    """Input text as Markdown that shows it and does nothing else, on one line.

    Line breaks become spaces (a newline would end a table row or a heading, or start a block
    of the input's choosing); other unsafe characters are spelled as in :func:`text`; links,
    images, HTML, entities, code spans and table pipes are escaped; mentions and issue
    references are broken with a zero-width space. ``starts_line``: the text begins a line (a
    paragraph), so a first character that would open a block is escaped too.
    """
    line = _MARKDOWN_ACTIVE.sub(r"\\\g<0>", " ".join(str(value).splitlines()))
    # After the escapes above: the backslash of "\x1b" escapes nothing (a letter follows it).
    line = _MARKDOWN_MENTION.sub(lambda m: m.group() + _ZERO_WIDTH_SPACE, text(line))
    if starts_line:
        line = line.lstrip(" ")
        block = _MARKDOWN_BLOCK.match(line)
        if block is not None:
            # Escape the marker itself, or the "." or ")" after an ordered list's number.
            at = block.end() if line[0].isdigit() else 0
            line = f"{line[:at]}\\{line[at:]}"
    return line


def markdown_output(output: str) -> str:
    """A whole Markdown output with no line a CI runner would execute (see
    :func:`text_output`); the escapes are Markdown's, so the page renders the same."""
    return _inert(output, "\\:", "\\[")


def _html_character(match: re.Match[str]) -> str:
    character = match.group()
    if character == "\t":
        return character  # white space to HTML, like a space
    if character in "\n\r":
        # The same character to the parser, but no new line in the file: a line of the page
        # never starts with input text.
        return f"&#{ord(character)};"
    return _visible(match)


def html(value: object) -> str:
    """Input text for an element's content or a quoted attribute value.

    ``&``, ``<``, ``>`` and both quotes become references; a newline or carriage return
    becomes a character reference (the page reads the same, the file keeps its lines); a tab
    stays; other unsafe characters are spelled as in :func:`text`.
    """
    return _UNSAFE.sub(_html_character, _html.escape(str(value), quote=True))


#: The only URLs that become links: web pages. ``javascript:``, ``data:``, ``file:`` and the
#: rest would run or open something on a click; white space and controls are refused because
#: browsers drop them while parsing ("java\tscript:" is "javascript:").
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def html_href(url: str) -> str | None:
    """The ``href`` value for a link to ``url``, escaped; None where ``url`` is not an
    ``http`` or ``https`` URL, which the page then shows as text only."""
    return html(url) if _WEB_URL.fullmatch(url) else None


def markup_output(output: str) -> str:
    """A whole HTML or XML document with no line a CI runner would execute (see
    :func:`text_output`); the escapes are character references, so it parses the same."""
    return _inert(output, "&#58;", "&#91;")


def workflow_data(value: object) -> str:
    """A GitHub workflow command's message, escaped as @actions/core does (``escapeData``),
    other unsafe characters spelled as in :func:`text`.

    ``%`` goes first, so that a source quoting ``%0A`` stays literal, and no newline in a
    message can start a line of its own: a quoted ``::error::`` is text, not a command. ESC
    would colour the log, which GitHub renders.
    """
    escaped = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text(escaped)


def workflow_property(value: object) -> str:
    """A workflow command's property value (``file=``, ``title=``), escaped as @actions/core
    does (``escapeProperty``): a colon or comma would end the value."""
    return workflow_data(value).replace(":", "%3A").replace(",", "%2C")


# json.dumps(ensure_ascii=False) escapes C0 controls but writes these as they are. JSON's own
# escape reads back as the same string.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def json_output(document: Any) -> str:
    """A JSON document, indented, non-ASCII text as it is, ending in a newline.

    Every control, separator and lone surrogate is a ``\\u`` escape, and a ``[`` after ``##``
    is ``\\u005b``: a CI runner reading the document as a log executes nothing, and a parser
    reads back exactly the input.
    """
    output = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    output = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", output)
    # No line of JSON starts with ":" (a string starts with a quote), so only "##[" is left.
    return _LOG_COMMAND.sub(lambda m: m.group(1) + "\\u005b", output)
