"""When two claims of one fact can both be true: their values by the property's type (dates
overlap, numbers within tolerance, texts alike), and their times where the fact varies."""

from __future__ import annotations

from checker.model.case import Claim, PropertySpec, TextValue, Value, value_type
from checker.model.dates import DateSpan, DateValue
from checker.model.numbers import NumberValue, numbers_agree
from checker.model.text import texts_agree


def values_agree(spec: PropertySpec, a: Value, b: Value) -> bool:
    """Whether two typed values of one property can both be true."""
    if value_type(a) != value_type(b):
        return False
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return a.span.overlaps(b.span)
    if isinstance(a, NumberValue) and isinstance(b, NumberValue):
        return numbers_agree(a, b, spec.tolerance)
    if isinstance(a, TextValue) and isinstance(b, TextValue):
        return texts_agree(a.text, b.text, spec.similarity)
    return a == b


def when(claim: Claim) -> DateSpan | None:
    """When a time-varying claim holds: its as_of, else when it was said; None overlaps all."""
    if claim.as_of is not None:
        return claim.as_of.span
    return claim.said_on


def spans_overlap(a: DateSpan | None, b: DateSpan | None) -> bool:
    return a is None or b is None or a.overlaps(b)
