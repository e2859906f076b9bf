"""Read claim and case files (YAML or JSON) into plain data, keeping every node's position.

YAML is given the meaning the claim-format contract states (YAML 1.2 core schema): only
``true``/``false`` are booleans, dates stay strings, keys are strings, and duplicate keys,
anchors, aliases and custom tags are refused. PyYAML is used only for its event stream (the C
parser where it is available); the values are built here so that no YAML 1.1 resolver ever runs.
JSON is decoded by the standard library; positions are found by a second, lazy scan only when a
message needs one.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.problems import Problem, Severity

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})
CLAIM_SUFFIXES = YAML_SUFFIXES | JSON_SUFFIXES

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

_EventParser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2 core schema, for plain (unquoted) scalars only.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_STR_TAGS = frozenset({"!!str", "tag:yaml.org,2002:str"})


class LoadFailure(Exception):
    """A file cannot be turned into data; carries the position of the first problem."""

    def __init__(self, message: str, line: int = 1, column: int = 1, code: str = "syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


@dataclass
class Document:
    """One loaded file: its data and a way to find where any node of it starts."""

    file: str
    data: Any
    text: str
    _positions: dict[Path_, Pos] | None = None
    _key_positions: dict[Path_, Pos] = field(default_factory=dict)

    @property
    def has_positions(self) -> bool:
        """Whether positions are at hand (YAML) or would cost a second scan (JSON)."""
        return self._positions is not None

    def _ensure_positions(self) -> dict[Path_, Pos]:
        if self._positions is None:
            scan = _JsonPositions(self.text)
            scan.run()
            self._positions, self._key_positions = scan.positions, scan.key_positions
        return self._positions

    def locate(self, parts: Path_, *, key: bool = False) -> Pos:
        """The 1-based (line, column) of the node at ``parts``, or of its nearest ancestor.

        With ``key=True`` the position of the mapping key that holds the node is preferred.
        """
        positions = self._ensure_positions()
        if key and parts in self._key_positions:
            return self._key_positions[parts]
        while parts:
            if parts in positions:
                return positions[parts]
            parts = parts[:-1]
        return positions.get((), (1, 1))


@functools.lru_cache(maxsize=64)
def _positions_of(file: str) -> Document:
    text = decode_utf8(Path(file).read_bytes())
    if Path(file).suffix.lower() in JSON_SUFFIXES:
        return Document(file, None, text)  # positions are scanned on the first locate()
    _, positions, keys = _YamlBuilder(text).build()
    return Document(file, None, text, positions, keys)


def locate_node(file: str, parts: Path_) -> Pos:
    """The position of a node of a file loaded earlier, found again when a report asks for it."""
    try:
        return _positions_of(file).locate(parts)
    except (OSError, LoadFailure):  # the file went away since: say where the file starts
        return (1, 1)


locate_later = locate_node


def load_document(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load ``path`` (YAML or JSON by suffix); raise :class:`LoadFailure` with a position."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadFailure(
                f"file is {size:,} bytes, over the size cap of {max_bytes:,} bytes "
                "(raise it with --max-bytes)",
                code="too-large",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadFailure(f"cannot read file: {exc.strerror or exc}", code="unreadable") from exc
    text = decode_utf8(raw)
    if not text.strip():
        raise LoadFailure("file is empty", code="empty")
    if path.suffix.lower() in JSON_SUFFIXES:
        return Document(display, _load_json(text), text)
    data, positions, keys = _YamlBuilder(text).build()
    return Document(display, data, text, positions, keys)


def problem_from_failure(display: str, failure: LoadFailure) -> Problem:
    return Problem(
        display, failure.line, failure.column, Severity.ERROR, failure.code, failure.message
    )


def decode_utf8(raw: bytes) -> str:
    """Decode strict UTF-8 (a BOM is allowed); locate NUL bytes and bad bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadFailure("file is UTF-16, not UTF-8", code="encoding")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        raise LoadFailure("file contains a NUL byte", line, column, code="encoding")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise LoadFailure(
            f"file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded; "
            "save the file as UTF-8)",
            line,
            column,
            code="encoding",
        ) from exc


def _byte_position(raw: bytes, offset: int) -> Pos:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


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


def _load_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _DuplicateKey:
        scan = _JsonPositions(text)
        scan.run()  # finds the duplicate again, this time with its position
        raise AssertionError("duplicate key vanished on rescan") from None
    except json.JSONDecodeError as exc:
        raise LoadFailure(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from exc
    except ValueError as exc:
        line, column = _constant_position(text)
        raise LoadFailure(f"invalid JSON: {exc}", line, column) from exc


def _constant_position(text: str) -> Pos:
    match = re.search(r"(?<![\w\"])(?:NaN|-?Infinity)(?![\w\"])", text)
    return _Lines(text).position(match.start()) if match else (1, 1)


class _Lines:
    """Offset to (line, column) conversion for one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Pos:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _JsonPositions:
    """Walk already-valid JSON text and record where every node and key starts."""

    def __init__(self, text: str):
        self.text = text
        self.lines = _Lines(text)
        self.positions: dict[Path_, Pos] = {}
        self.key_positions: dict[Path_, Pos] = {}

    def run(self) -> None:
        start = 1 if self.text.startswith("\ufeff") else 0
        self._value(self._skip(start), ())

    def _skip(self, index: int) -> int:
        match = _JSON_WS.match(self.text, index)
        return match.end() if match else index

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


def _plain_scalar(value: str) -> Any:
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT10.match(value):
        return int(value)
    if _INT8.match(value):
        return int(value[2:], 8)
    if _INT16.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


class _YamlBuilder:
    """Build plain data from PyYAML's event stream, enforcing the contract's YAML rules."""

    def __init__(self, text: str):
        self.text = text
        self.positions: dict[Path_, Pos] = {}
        self.key_positions: dict[Path_, Pos] = {}

    def build(self) -> tuple[Any, dict[Path_, Pos], dict[Path_, Pos]]:
        events = self._events()
        try:
            next(events)  # StreamStart
            first = next(events)
            if isinstance(first, yaml.StreamEndEvent):
                raise LoadFailure("file has no YAML document", code="empty")
            data = self._node(next(events), events, ())
            next(events)  # DocumentEnd
            extra = next(events)
            if isinstance(extra, yaml.DocumentStartEvent):
                line, column = _mark(extra)
                raise LoadFailure(
                    "file holds more than one YAML document (one per file)", line, column
                )
        except yaml.MarkedYAMLError as exc:
            raise self._syntax(exc) from exc
        except yaml.YAMLError as exc:
            raise self._reader(exc) from exc
        return data, self.positions, self.key_positions

    def _events(self) -> Iterator[Any]:
        return iter(yaml.parse(self.text, Loader=_EventParser))

    def _syntax(self, exc: yaml.MarkedYAMLError) -> LoadFailure:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "syntax error"
        message = f"YAML syntax error: {problem}"
        if exc.context:
            message += f" ({exc.context})"
        if mark is None:
            return LoadFailure(message)
        return LoadFailure(message, mark.line + 1, mark.column + 1)

    def _reader(self, exc: yaml.YAMLError) -> LoadFailure:
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line, column = _Lines(self.text).position(position)
            return LoadFailure(f"YAML cannot be read: {exc}".splitlines()[0], line, column)
        return LoadFailure(f"YAML cannot be read: {exc}".splitlines()[0])

    def _check_node_event(self, event: Any) -> None:
        if getattr(event, "anchor", None):
            line, column = _mark(event)
            raise LoadFailure(
                f"anchors and aliases are not allowed (anchor '&{event.anchor}')",
                line,
                column,
                code="alias",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _STR_TAGS:
            line, column = _mark(event)
            raise LoadFailure(f"YAML tags are not allowed (tag '{tag}')", line, column, "tag")

    def _node(self, event: Any, events: Iterator[Any], parts: Path_) -> Any:
        self.positions[parts] = _mark(event)
        if isinstance(event, yaml.AliasEvent):
            line, column = _mark(event)
            raise LoadFailure(
                f"anchors and aliases are not allowed (alias '*{event.anchor}')",
                line,
                column,
                code="alias",
            )
        self._check_node_event(event)
        if isinstance(event, yaml.ScalarEvent):
            if not event.style and event.tag is None:  # plain: the C parser says '', Python None
                return _plain_scalar(event.value)
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item_event in events:
                if isinstance(item_event, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(item_event, events, (*parts, len(items))))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, parts)
        line, column = _mark(event)
        raise LoadFailure("unexpected YAML content", line, column)

    def _mapping(self, events: Iterator[Any], parts: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, Pos] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return out
            key_pos = _mark(key_event)
            if isinstance(key_event, yaml.AliasEvent):
                raise LoadFailure(
                    f"anchors and aliases are not allowed (alias '*{key_event.anchor}')",
                    *key_pos,
                    code="alias",
                )
            if not isinstance(key_event, yaml.ScalarEvent):
                raise LoadFailure("mapping keys must be plain text", *key_pos)
            self._check_node_event(key_event)
            key = key_event.value
            if key in seen:
                raise LoadFailure(
                    f"duplicate key '{key}' (first defined at line {seen[key][0]})",
                    *key_pos,
                    code="duplicate-key",
                )
            seen[key] = key_pos
            self.key_positions[(*parts, key)] = key_pos
            out[key] = self._node(next(events), events, (*parts, key))
        return out


def _mark(event: Any) -> Pos:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1
