"""A claim's raw value made a typed value of the model: by its property's type, or by its form
where no case declares properties; quotes folded for comparison; the dates relative dates may
be anchored on."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from checker.model.case import BoolValue, Case, EntityValue, TextValue, Value
from checker.model.dates import DateSpan, parse_date
from checker.model.forms import ValueFormError, parse_boolean
from checker.model.numbers import parse_number
from checker.model.text import fold_name, normalize_text

_DATE_TEXT = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def free_property(name: str) -> str:
    """A property named freely (no case file), normalised for grouping."""
    return fold_name(name).replace(" ", "_")


def inferred_type(raw: Any) -> str:
    """The type of a value written without a case file, judged by its form."""
    if isinstance(raw, bool):
        return "boolean"
    if isinstance(raw, int | float):
        return "number"
    if isinstance(raw, dict):
        return "number" if {"approx", "min", "max"} & set(raw) else "date"
    if isinstance(raw, str) and _DATE_TEXT.match(raw):
        return "date"
    return "text"


def typed_value(
    kind: str, prop: str, raw: Any, anchors: Mapping[str, DateSpan | None] | None
) -> Value:
    """A value of a date, number, boolean or text property (raises ValueFormError)."""
    if kind == "date":
        return parse_date(raw, anchors)
    if kind == "number":
        return parse_number(raw)
    if kind == "boolean":
        return BoolValue(parse_boolean(raw))
    if not isinstance(raw, str) or not raw.strip():
        raise ValueFormError(f"expected text for property '{prop}'", ())
    return TextValue(raw, normalize_text(raw))


@functools.lru_cache(maxsize=1 << 17, typed=True)
def scalar_value(kind: str, prop: str, raw: str | int | float) -> Value:
    """:func:`typed_value` of a scalar, which needs no anchors: cached for the whole run.

    ``typed=True`` keeps ``True`` and ``1`` (equal in Python) apart in the cache.
    """
    return typed_value(kind, prop, raw, None)


@functools.lru_cache(maxsize=1 << 16)
def entity_value(entity: str) -> EntityValue:
    """One value object per entity for the run, like :func:`scalar_value`."""
    return EntityValue(entity)


_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def normalize_quote(parts: tuple[str, ...]) -> str:
    """A quote's words for comparison: publisher's insertions, case and end punctuation dropped."""
    return " ".join(normalize_text(_BRACKETED.sub(" ", part)) for part in parts).strip()


def anchors_of(case: Case) -> dict[str, DateSpan | None]:
    """What relative dates may be anchored on: every entity's date (None where it has none)."""
    return {e.id: e.date for e in case.entities.values()}
