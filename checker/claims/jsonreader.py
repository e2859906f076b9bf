"""JSON for claim files: duplicate keys and non-standard constants refused, positions found by
a second, lazy scan only when a message needs one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from checker.claims.textpos import Lines, LoadFailure, Path_, Pos


class _DuplicateKey(Exception):
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


def load_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _DuplicateKey:
        scan = JsonPositions(text)
        scan.run()  # finds the duplicate again, this time with its position
        raise AssertionError("duplicate key vanished on rescan") from None
    except json.JSONDecodeError as exc:
        raise LoadFailure(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from exc
    except ValueError as exc:
        line, column = _constant_position(text)
        raise LoadFailure(f"invalid JSON: {exc}", line, column) from exc


def _constant_position(text: str) -> Pos:
    match = re.search(r"(?<![\w\"])(?:NaN|-?Infinity)(?![\w\"])", text)
    return Lines(text).position(match.start()) if match else (1, 1)


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
