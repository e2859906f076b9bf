"""Numbers of claims: exact values, approximations and bounds as intervals, a property's
tolerance, and when two numbers agree."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from checker.model.forms import ValueFormError, check_keys, describe

APPROX_TOLERANCE = 0.10
_TOLERANCE_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")


@dataclass(frozen=True)
class NumberValue:
    """A closed interval of numbers, open where a bound is ``None``; ``approx`` marks "about"."""

    low: float | None
    high: float | None
    approx: bool = False

    @functools.cached_property  # compared and printed many times per value
    def normalized(self) -> str:
        low, high = _format_number(self.low), _format_number(self.high)
        if self.low is None or self.high is None:
            return f">={low}" if self.high is None else f"<={high}"
        if self.approx or low == high:
            return f"~{low}" if self.approx else low
        return f"{low}..{high}"


@dataclass(frozen=True)
class Tolerance:
    """How far apart two numbers may be and still agree: a fraction and/or an absolute amount."""

    relative: float = 0.0
    absolute: float = 0.0


def parse_number(raw: object) -> NumberValue:
    """Parse a number-typed value: ``50``, ``{approx: 50}``, ``{min: 1}``, ``{max: 5}`` or both."""
    if not isinstance(raw, Mapping):
        value = _finite(raw)
        return NumberValue(value, value)
    check_keys(raw, ("approx", "min", "max"), "a number (use approx, min or max)")
    if "approx" in raw:
        if len(raw) > 1:
            raise ValueFormError("approx cannot be combined with min or max")
        value = _finite(raw["approx"], ("approx",))
        return NumberValue(value, value, approx=True)
    if not raw:
        raise ValueFormError("a number mapping needs approx, min or max")
    low = _finite(raw["min"], ("min",)) if "min" in raw else None
    high = _finite(raw["max"], ("max",)) if "max" in raw else None
    if low is not None and high is not None and low > high:
        shown = f"min {_format_number(low)} is greater than max {_format_number(high)}"
        raise ValueFormError(shown)
    return NumberValue(low, high)


def _finite(raw: object, subpath: tuple[str | int, ...] = ()) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueFormError(f"expected a number, got {describe(raw)}", subpath)
    try:
        value = float(raw)
    except OverflowError:  # an int too large for a float
        raise ValueFormError("expected a finite number, got one too large", subpath) from None
    if not math.isfinite(value):
        raise ValueFormError(f"expected a finite number, got {raw}", subpath)
    return value


def _format_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


def parse_tolerance(raw: object) -> Tolerance:
    """Parse a property's ``tolerance``: ``"10%"`` (relative) or a number (absolute)."""
    match = _TOLERANCE_RE.fullmatch(raw) if isinstance(raw, str) else None
    if match is not None:
        return Tolerance(relative=float(match[1]) / 100)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and 0 <= raw < math.inf:
        return Tolerance(absolute=float(raw))
    raise ValueFormError(
        f"tolerance must be a percentage like '10%' or a non-negative number, got {describe(raw)}"
    )


def numbers_agree(a: NumberValue, b: NumberValue, tolerance: Tolerance) -> bool:
    """Whether the two intervals, each widened by the tolerance, overlap."""
    (a_low, a_high), (b_low, b_high) = _widen(a, tolerance), _widen(b, tolerance)
    # Forgive float rounding where widened bounds meet exactly (0.1 + 0.1 against 0.3 - 0.1).
    return all(x <= y or math.isclose(x, y) for x, y in ((a_low, b_high), (b_low, a_high)))


def _widen(value: NumberValue, tolerance: Tolerance) -> tuple[float, float]:
    relative = max(tolerance.relative, APPROX_TOLERANCE) if value.approx else tolerance.relative

    def pad(bound: float) -> float:
        return max(abs(bound) * relative, tolerance.absolute)

    low = -math.inf if value.low is None else value.low - pad(value.low)
    high = math.inf if value.high is None else value.high + pad(value.high)
    return low, high
