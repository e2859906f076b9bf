"""YAML for claim files, with the contract's meaning (YAML 1.2 core schema).

PyYAML is used only for its event stream (the C parser where it is available); the values are
built here so that no YAML 1.1 resolver ever runs: only ``true``/``false`` are booleans, dates
stay strings, keys are strings, and duplicate keys, anchors, aliases and tags are refused, as is
what goes past the limits of :mod:`checker.claims.textpos`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

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
# Python's own YAML parser (where libyaml is missing) turns a "\ud800" escape into a lone
# surrogate, which no UTF-8 output can hold; libyaml refuses it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain_scalar(value: str, where: Pos) -> Any:
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT10.match(value):
        return _integer(value.lstrip("+-"), 10, value.startswith("-"), where)
    if _INT8.match(value):
        return _integer(value[2:], 8, False, where)
    if _INT16.match(value):
        return _integer(value[2:], 16, False, where)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


def _integer(digits: str, base: int, negative: bool, where: Pos) -> int:
    if len(digits) > MAX_DIGITS:
        raise too_long(len(digits), *where)
    return -int(digits, base) if negative else int(digits, base)


class YamlBuilder:
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
            line, column = Lines(self.text).position(position)
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
        if getattr(event, "style", None) == '"' and (half := _SURROGATE.search(event.value)):
            raise lone_surrogate(f"\\u{ord(half.group()):04x}", *_mark(event))

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
                return _plain_scalar(event.value, _mark(event))
            return event.value
        if len(parts) >= MAX_DEPTH:  # a mapping or a list one level too deep
            raise too_deep(*_mark(event))
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
