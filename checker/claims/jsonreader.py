"""JSON for claim files: duplicate keys, non-standard constants, lone surrogate escapes and what
goes past the limits of :mod:`checker.claims.textpos` refused; positions found by a second,
lazy scan only when a message needs one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from checker.claims.textpos import (
    MAX_DEPTH,
    MAX_DIGITS,
    Lines,
    LoadFailure,
    Path_,
    Pos,
    lone_surrogate,
    too_deep,
    too_long,
)


class _DuplicateKey(Exception):
    pass


class _TooLong(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _integer(literal: str) -> int:
    if len(literal) - literal.startswith("-") > MAX_DIGITS:
        raise _TooLong(literal)
    return int(literal)


def load_json(text: str) -> Any:
    _check_depth(text)  # before parsing: the parser and every walk after it recurse
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_integer,
        )
    except _DuplicateKey:
        scan = JsonPositions(text)
        scan.run()  # finds the duplicate again, this time with its position
        raise AssertionError("duplicate key vanished on rescan") from None
    except _TooLong as exc:
        digits = len(str(exc)) - str(exc).startswith("-")
        raise too_long(digits, *_position_of(text, _LONG_INTEGER)) from None
    except json.JSONDecodeError as exc:
        raise LoadFailure(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from exc
    except ValueError as exc:
        raise LoadFailure(f"invalid JSON: {exc}", *_position_of(text, _CONSTANT)) from exc
    _check_surrogates(text)
    return data


# A JSON string, closed or not (so that an unclosed one ends the scan in linear time): what it
# holds is skipped by the scans below, which look only at the structure around strings.
_STRING = r'"(?:[^"\\]++|\\[\s\S])*+"?'
_STRINGS = re.compile(_STRING)
_BRACKET = re.compile(_STRING + r"|[\[\]{}]")
_CONSTANT = re.compile(_STRING + r"|(?P<hit>(?<![\w.])(?:NaN|-?Infinity)(?!\w))")
_LONG_INTEGER = re.compile(_STRING + rf"|(?P<hit>(?<![0-9])-?[0-9]{{{MAX_DIGITS + 1},}}+(?![.eE]))")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]++")


def _position_of(text: str, pattern: re.Pattern[str]) -> Pos:
    """Where ``pattern``'s group ``hit`` first matches outside strings (else the start)."""
    for match in pattern.finditer(text):
        if match.group("hit") is not None:
            return Lines(text).position(match.start())
    return 1, 1


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, at the bracket that goes one too deep."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # too few brackets to nest that deep
    # First a pass at C speed over the brackets alone: most files stop here.
    brackets = _NOT_A_BRACKET.sub("", _STRINGS.sub("", text))
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) <= MAX_DEPTH:
        return
    depth = 0
    for match in _BRACKET.finditer(text):
        step = _DEPTH_STEP.get(match.group(), 0)
        depth += step
        if depth > MAX_DEPTH:
            raise too_deep(*Lines(text).position(match.start()))


_SURROGATE_HINT = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|[\s\S])")


def _check_surrogates(text: str) -> None:
    """Refuse a ``\\uD800``-``\\uDFFF`` escape that is not half of a pair: the string it makes
    cannot be written out as UTF-8 (by a report, a schema check, a message) and means nothing."""
    if not _SURROGATE_HINT.search(text):
        return
    pending: re.Match[str] | None = None
    for match in _ESCAPE.finditer(text):  # valid JSON: every backslash is in a string
        code = int(match[1], 16) if match[1] else None
        low = code is not None and 0xDC00 <= code <= 0xDFFF
        if pending is not None:
            if not (low and match.start() == pending.end()):
                break
            pending = None
        elif code is not None and 0xD800 <= code <= 0xDBFF:
            pending = match  # a high half: the low half must follow at once
        elif low:
            pending = match
            break
    if pending is not None:
        raise lone_surrogate(pending.group(), *Lines(text).position(pending.start()))


_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


_scan_value: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def locate_json(text: str, parts: Path_) -> Pos:
    """The position of the node at ``parts`` in valid JSON ``text``, or of its nearest ancestor.

    Walks only down the path: each sibling on the way is skipped by the C scanner, so finding
    one claim in a file of thousands costs about one C parse of the file, not a Python scan of
    every node (what :class:`JsonPositions` does to report duplicate keys).
    """
    index = _skip(text, 1 if text.startswith("\ufeff") else 0)
    for part in parts:
        found = _child(text, index, part)
        if found is None:
            break
        index = found
    line = text.count("\n", 0, index) + 1
    return line, index - text.rfind("\n", 0, index)


def _skip(text: str, index: int) -> int:
    match = _JSON_WS.match(text, index)
    return match.end() if match else index


def _child(text: str, index: int, part: str | int) -> int | None:
    """Where the member ``part`` of the object or array at ``index`` starts, if it has one."""
    opener = text[index]
    if opener == "{" and isinstance(part, str):
        index = _skip(text, index + 1)
        while text[index] == '"':
            key, index = _scanstring(text, index + 1)
            index = _skip(text, _skip(text, index) + 1)  # past the colon
            if key == part:
                return index
            index = _skip(text, _scan_value(text, index)[1])
            if text[index] != ",":
                return None
            index = _skip(text, index + 1)
        return None
    if opener == "[" and isinstance(part, int) and part >= 0:
        index = _skip(text, index + 1)
        for _ in range(part):
            if text[index] == "]":
                return None
            index = _skip(text, _scan_value(text, index)[1])
            if text[index] != ",":
                return None
            index = _skip(text, index + 1)
        return None if text[index] == "]" else index
    return None


class JsonPositions:
    """Walk already-valid JSON text and record where every node and key starts."""

    def __init__(self, text: str):
        self.text = text
        self.lines = Lines(text)
        self.positions: dict[Path_, Pos] = {}
        self.key_positions: dict[Path_, Pos] = {}

    def run(self) -> None:
        start = 1 if self.text.startswith("\ufeff") else 0
        self._value(self._skip(start), ())

    def _skip(self, index: int) -> int:
        return _skip(self.text, index)

    def _value(self, index: int, parts: Path_) -> int:
        self.positions[parts] = self.lines.position(index)
        char = self.text[index]
        if char == "{":
            return self._object(index + 1, parts)
        if char == "[":
            return self._array(index + 1, parts)
        if char == '"':
            return _scanstring(self.text, index + 1)[1]
        for literal in ("true", "false", "null"):
            if self.text.startswith(literal, index):
                return index + len(literal)
        match = _JSON_NUMBER.match(self.text, index)
        if match is None:
            raise LoadFailure("invalid JSON", *self.lines.position(index))
        return match.end()

    def _object(self, index: int, parts: Path_) -> int:
        seen: dict[str, Pos] = {}
        index = self._skip(index)
        if self.text[index] == "}":
            return index + 1
        while True:
            key_pos = self.lines.position(index)
            key, index = _scanstring(self.text, index + 1)
            if key in seen:
                first = seen[key][0]
                raise LoadFailure(
                    f"duplicate key '{key}' (first defined at line {first})",
                    *key_pos,
                    code="duplicate-key",
                )
            seen[key] = key_pos
            self.key_positions[(*parts, key)] = key_pos
            index = self._skip(self._skip(index) + 1)  # past the colon
            index = self._skip(self._value(index, (*parts, key)))
            if self.text[index] == "}":
                return index + 1
            index = self._skip(index + 1)

    def _array(self, index: int, parts: Path_) -> int:
        index = self._skip(index)
        if self.text[index] == "]":
            return index + 1
        item = 0
        while True:
            index = self._skip(self._value(index, (*parts, item)))
            item += 1
            if self.text[index] == "]":
                return index + 1
            index = self._skip(index + 1)
