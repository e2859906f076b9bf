"""Typed claim values: parsing dates, numbers, booleans and texts, and deciding when two agree."""

from __future__ import annotations

import calendar
import datetime
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

ANCHOR_PUBLISHED = "published"
APPROX_TOLERANCE = 0.10
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PERIODS = (
    *("same-week", "previous-week", "previous-month", "previous-year"),
    *("past-week", "past-month", "past-year"),
)
OFFSET_UNITS = ("day", "week", "month", "year")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_OFFSET_RE = re.compile(r"([+-]?)(\d+)\s*([a-z]+)")
_TOLERANCE_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")
_DAY = datetime.timedelta(days=1)
# NFKC leaves these typographic marks alone; quotes in claim files use the plain ASCII ones.
_TYPOGRAPHIC = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "'" * 5 + '"' * 6 + "-" * 7,
)


class ValueFormError(Exception):
    """A raw value does not fit its type or form; ``subpath`` locates the problem inside it."""

    def __init__(self, message: str, subpath: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.subpath = subpath


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of calendar days; open ends are ``date.min`` / ``date.max``."""

    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"span starts after it ends: {self.start} > {self.end}")

    @classmethod
    def day(cls, day: datetime.date) -> DateSpan:
        return cls(day, day)

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    @functools.cached_property  # compared and printed many times per value
    def normalized(self) -> str:
        start, end = self.start, self.end
        if start == datetime.date.min or end == datetime.date.max:
            low = ".." if start == datetime.date.min else start.isoformat()
            return f"{low}/{'..' if end == datetime.date.max else end.isoformat()}"
        if start == end:
            return start.isoformat()
        if start.day == 1 and end == _month_end(start):
            return start.isoformat()[:7]
        if start == start.replace(month=1, day=1) and end == start.replace(month=12, day=31):
            return start.isoformat()[:4]
        return f"{start.isoformat()}/{end.isoformat()}"


@dataclass(frozen=True)
class DateValue:
    """A parsed date; ``resolution`` says how a relative form was resolved, for reports."""

    span: DateSpan
    resolution: str | None = None

    @functools.cached_property  # compared and printed many times per value
    def normalized(self) -> str:
        return self.span.normalized


@dataclass(frozen=True)
class AsOf:
    """When a value holds: a span, or ``None`` for ``always``."""

    span: DateSpan | None
    resolution: str | None = None

    @functools.cached_property  # compared and printed many times per value
    def normalized(self) -> str:
        return "always" if self.span is None else self.span.normalized


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


Anchors = Mapping[str, DateSpan | None]
_Rule = Callable[[datetime.date], DateSpan]


def parse_date(raw: object, anchors: Anchors | None = None) -> DateValue:
    """Parse a date-typed value: an absolute date, a ``{from, to}`` range or a relative form."""
    return _date(raw, anchors, in_range=False, as_of=False)


def parse_as_of(raw: object, anchors: Anchors | None = None) -> AsOf:
    """Parse an ``as_of``: ``always``, ``published``, a date value, or a range of those."""
    if raw == "always":
        return AsOf(None)
    value = _date(raw, anchors, in_range=False, as_of=True)
    return AsOf(value.span, value.resolution)


def dates_agree(a: DateValue, b: DateValue) -> bool:
    """Two dates agree when their spans overlap (``2016-11`` and ``2016-11-15`` do)."""
    return a.span.overlaps(b.span)


def _date(raw: object, anchors: Anchors | None, *, in_range: bool, as_of: bool) -> DateValue:
    # Range ends of date values are absolute; those of as_of may be any single date value.
    if as_of and raw == ANCHOR_PUBLISHED:
        published = None if anchors is None else anchors.get(ANCHOR_PUBLISHED)
        if published is None:
            raise ValueFormError("'published' used, but the source has no published date")
        return DateValue(published)
    if isinstance(raw, Mapping):
        if "relative_to" in raw and (as_of or not in_range):
            return _relative(raw, anchors)
        if not in_range and ("from" in raw or "to" in raw):
            return _range(raw, anchors, as_of)
        if not in_range:
            _check_keys(raw, (), "a date (use from/to for a range, or relative_to)")
            raise ValueFormError("a date mapping needs from/to or relative_to")
    return DateValue(_absolute(raw))


def _absolute(raw: object) -> DateSpan:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if not 1000 <= raw <= 9999:
            raise ValueFormError(f"a date given as a number must be a 4-digit year, got {raw}")
        return DateSpan(datetime.date(raw, 1, 1), datetime.date(raw, 12, 31))
    match = _DATE_RE.fullmatch(raw) if isinstance(raw, str) else None
    if match is None:
        raise ValueFormError(f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {describe(raw)}")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        if not month:
            return DateSpan(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        first = datetime.date(year, month, day or 1)
        return DateSpan(first, first if day else _month_end(first))
    except ValueError:
        raise ValueFormError(f"'{raw}' is not a valid date") from None


def _range(raw: Mapping[object, object], anchors: Anchors | None, as_of: bool) -> DateValue:
    _check_keys(raw, ("from", "to"), "a date range (use from and to)")
    ends: dict[str, DateValue] = {}
    for key in ("from", "to"):
        if key in raw:
            try:
                ends[key] = _date(raw[key], anchors, in_range=True, as_of=as_of)
            except ValueFormError as exc:
                raise ValueFormError(exc.message, (key, *exc.subpath)) from None
    start = ends["from"].span.start if "from" in ends else datetime.date.min
    end = ends["to"].span.end if "to" in ends else datetime.date.max
    if start > end:
        low, high = ends["from"].normalized, ends["to"].normalized
        raise ValueFormError(f"range starts after it ends: from {low} is after to {high}")
    notes = [value.resolution for value in ends.values() if value.resolution]
    return DateValue(DateSpan(start, end), "; ".join(notes) or None)


def _relative(raw: Mapping[object, object], anchors: Anchors | None) -> DateValue:
    keys = ("relative_to", "offset", "weekday", "direction", "period")
    _check_keys(raw, keys, f"a relative date (use {_either(keys)})")
    target = raw["relative_to"]
    if not isinstance(target, str) or not target:
        message = f"relative_to must be an entity id or 'published', got {describe(target)}"
        raise ValueFormError(message, ("relative_to",))
    operations = [key for key in ("offset", "weekday", "period") if key in raw]
    if len(operations) != 1:
        found = " and ".join(operations) or "none"
        raise ValueFormError(
            f"a relative date needs exactly one of offset, weekday or period, got {found}"
        )
    operation = operations[0]
    if "direction" in raw and operation != "weekday":
        raise ValueFormError("direction is only used with weekday", ("direction",))
    if operation == "offset":
        rule, wording = _offset_rule(raw["offset"])
    elif operation == "weekday":
        rule, wording = _weekday_rule(raw["weekday"], raw.get("direction", "previous"))
    else:
        rule, wording = _period_rule(raw["period"])
    anchor = _anchor(target, anchors)
    try:
        # Every rule is monotone, so the union over the anchor's days runs from the rule at its
        # first day to the rule at its last; an open end of the anchor stays open.
        start = anchor.start if anchor.start == datetime.date.min else rule(anchor.start).start
        end = anchor.end if anchor.end == datetime.date.max else rule(anchor.end).end
    except (OverflowError, ValueError):
        raise ValueFormError("relative date falls outside the calendar", (operation,)) from None
    span = DateSpan(start, end)
    return DateValue(span, f"{wording} {target} ({anchor.normalized}) = {span.normalized}")


def _anchor(target: str, anchors: Anchors | None) -> DateSpan:
    if anchors is None:
        message = "a relative date cannot be used here"
    elif target not in anchors:
        message = f"relative date anchored on unknown entity '{target}'"
    elif (span := anchors[target]) is None:
        message = f"relative date anchored on '{target}', which has no date"
    else:
        return span
    raise ValueFormError(message, ("relative_to",))


def _offset_rule(raw: object) -> tuple[_Rule, str]:
    match = _OFFSET_RE.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None:
        example = "like '7 days' or '-2 weeks'"
        message = f"offset must be a signed count and a unit, {example}, got {describe(raw)}"
        raise ValueFormError(message, ("offset",))
    sign, digits, word = match.groups()
    unit = _choice(word.removesuffix("s"), OFFSET_UNITS, "offset unit", "offset", shown=word)
    count, step = int(digits), -1 if sign == "-" else 1
    months = step * count * {"month": 1, "year": 12}.get(unit, 0)
    days = step * count * {"day": 1, "week": 7}.get(unit, 0)
    wording = f"{count} {unit}{'' if count == 1 else 's'} {'before' if step < 0 else 'after'}"
    return (lambda day: DateSpan.day(_add_months(day, months) + days * _DAY)), wording


def _weekday_rule(raw: object, direction: object) -> tuple[_Rule, str]:
    weekday = WEEKDAYS.index(_choice(raw, WEEKDAYS, "weekday", "weekday"))
    step = 1 if _choice(direction, ("previous", "next"), "direction", "direction") == "next" else -1

    def rule(day: datetime.date) -> DateSpan:
        # Strictly before (or after): on the anchor's own weekday, the answer is a week away.
        gap = ((weekday - day.weekday()) * step - 1) % 7 + 1
        return DateSpan.day(day + step * gap * _DAY)

    return rule, f"{raw} {'after' if step > 0 else 'before'}"


def _period_rule(raw: object) -> tuple[_Rule, str]:
    period = _choice(raw, PERIODS, "period", "period")

    def rule(day: datetime.date) -> DateSpan:
        monday = day - day.weekday() * _DAY
        if period in ("same-week", "previous-week"):
            first = monday if period == "same-week" else monday - 7 * _DAY
            return DateSpan(first, first + 6 * _DAY)
        if period == "previous-month":
            first = _add_months(day.replace(day=1), -1)
            return DateSpan(first, _month_end(first))
        if period == "previous-year":
            return DateSpan(datetime.date(day.year - 1, 1, 1), datetime.date(day.year - 1, 12, 31))
        # The rolling periods end the day before the anchor.
        months = {"past-month": 1, "past-year": 12}.get(period)
        return DateSpan(day - 7 * _DAY if months is None else _add_months(day, -months), day - _DAY)

    return rule, f"{period} of"


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """Shift by whole months, clamping the day to the end of a shorter month (Jan 31 + 1 month)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    first = datetime.date(year, month0 + 1, 1)
    return first.replace(day=min(day.day, _month_end(first).day))


def parse_number(raw: object) -> NumberValue:
    """Parse a number-typed value: ``50``, ``{approx: 50}``, ``{min: 1}``, ``{max: 5}`` or both."""
    if not isinstance(raw, Mapping):
        value = _finite(raw)
        return NumberValue(value, value)
    _check_keys(raw, ("approx", "min", "max"), "a number (use approx, min or max)")
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


def parse_boolean(raw: object) -> bool:
    """Parse a boolean-typed value: only real booleans; ``"yes"`` is a string, not true."""
    if not isinstance(raw, bool):
        raise ValueFormError(f"expected true or false, got {describe(raw)}")
    return raw


def normalize_text(text: str) -> str:
    """Fold a text for comparison: NFKC, typographic marks, case, whitespace, end punctuation."""
    # NFKC again after casefold: casefolding can produce sequences NFKC would still change.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    collapsed = " ".join(folded.translate(_TYPOGRAPHIC).split())
    start, end = 0, len(collapsed)
    while start < end and _is_punctuation(collapsed[start], " "):
        start += 1
    while end > start and _is_punctuation(collapsed[end - 1], " "):
        end -= 1
    return collapsed[start:end]


def texts_agree(a: str, b: str, similarity: float) -> bool:
    """Whether two texts are equal after normalisation or at least ``similarity`` (0-100) alike."""
    left, right = normalize_text(a), normalize_text(b)
    return left == right or fuzz.ratio(left, right) >= similarity


@functools.lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """Fold an entity name for lookup: case, accents, punctuation (as spaces) and whitespace.

    Dots and apostrophes inside a word are dropped rather than spaced, so that "U.S." folds
    like "US" and "O'Neil" like "ONeil".
    """
    return fold_ascii(name) if name.isascii() else fold_unicode(name)


def fold_ascii(name: str) -> str:
    """:func:`fold_unicode` of an ASCII name, the common case: no accents, a table for the
    punctuation, and the in-word marks looked for only where there are any."""
    lowered = name.lower()
    if "." in lowered or "'" in lowered:
        lowered = _INWORD_MARKS.sub("", lowered)
    return " ".join(lowered.translate(_ASCII_PUNCTUATION).split())


def fold_unicode(name: str) -> str:
    """:func:`fold_name` of any name."""
    # NFKD before casefold too, so compatibility letters (a mathematical bold A) fold as well.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
    decomposed = _INWORD_MARKS.sub("", decomposed)
    kept = (" " if _is_punctuation(char) else char for char in decomposed)
    return " ".join("".join(c for c in kept if not unicodedata.combining(c)).split())


_ASCII_PUNCTUATION = {
    code: " " for code in range(128) if unicodedata.category(chr(code)).startswith("P")
}
_INWORD_MARKS = re.compile(r"(?<=\w)[.'\u2019](?=\w)|(?<=\b\w)\.(?!\w)")


def _is_punctuation(char: str, also: str = "") -> bool:
    return char in also or unicodedata.category(char).startswith("P")


def _check_keys(raw: Mapping[object, object], allowed: tuple[str, ...], where: str) -> None:
    # The first unknown key in document order, so the message points where the reader looks.
    unknown = [key for key in raw if key not in allowed]
    if unknown:
        raise ValueFormError(f"unknown key '{unknown[0]}' in {where}", (str(unknown[0]),))


def _choice(raw: object, options: tuple[str, ...], what: str, key: str, shown: str = "") -> str:
    if isinstance(raw, str) and raw in options:
        return raw
    if isinstance(raw, str):
        raise ValueFormError(f"unknown {what} '{shown or raw}' (use {_either(options)})", (key,))
    raise ValueFormError(f"expected a {what} ({_either(options)}), got {describe(raw)}", (key,))


def _either(options: tuple[str, ...]) -> str:
    return f"{', '.join(options[:-1])} or {options[-1]}"


def describe(raw: object) -> str:
    """Name a raw value's kind for messages: "the string 'yes'", "the number 5", "null"."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return f"the boolean {str(raw).lower()}"
    if isinstance(raw, int | float):
        return f"the number {raw}"
    if isinstance(raw, str):
        return f"the string '{raw}'"
    return "a mapping" if isinstance(raw, Mapping) else f"a {type(raw).__name__}"
