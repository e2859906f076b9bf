"""Dates of claims: calendar spans at any precision, ranges, relative forms (an offset, a weekday
or a period from an anchor), ``as_of``, and when two dates agree."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checker.model.forms import ValueFormError, check_keys, choice, describe, either

ANCHOR_PUBLISHED = "published"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PERIODS = (
    *("same-week", "previous-week", "previous-month", "previous-year"),
    *("past-week", "past-month", "past-year"),
)
OFFSET_UNITS = ("day", "week", "month", "year")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_OFFSET_RE = re.compile(r"([+-]?)(\d+)\s*([a-z]+)")
_DAY = datetime.timedelta(days=1)


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
            check_keys(raw, (), "a date (use from/to for a range, or relative_to)")
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
    check_keys(raw, ("from", "to"), "a date range (use from and to)")
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
    check_keys(raw, keys, f"a relative date (use {either(keys)})")
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
    unit = choice(word.removesuffix("s"), OFFSET_UNITS, "offset unit", "offset", shown=word)
    count, step = int(digits), -1 if sign == "-" else 1
    months = step * count * {"month": 1, "year": 12}.get(unit, 0)
    days = step * count * {"day": 1, "week": 7}.get(unit, 0)
    wording = f"{count} {unit}{'' if count == 1 else 's'} {'before' if step < 0 else 'after'}"
    return (lambda day: DateSpan.day(_add_months(day, months) + days * _DAY)), wording


def _weekday_rule(raw: object, direction: object) -> tuple[_Rule, str]:
    weekday = WEEKDAYS.index(choice(raw, WEEKDAYS, "weekday", "weekday"))
    step = 1 if choice(direction, ("previous", "next"), "direction", "direction") == "next" else -1

    def rule(day: datetime.date) -> DateSpan:
        # Strictly before (or after): on the anchor's own weekday, the answer is a week away.
        gap = ((weekday - day.weekday()) * step - 1) % 7 + 1
        return DateSpan.day(day + step * gap * _DAY)

    return rule, f"{raw} {'after' if step > 0 else 'before'}"


def _period_rule(raw: object) -> tuple[_Rule, str]:
    period = choice(raw, PERIODS, "period", "period")

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
