"""Tests for checker.model (dates, numbers, text, forms): value forms, their normalized spellings,
errors and agreement."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.model.dates import (
    ANCHOR_PUBLISHED,
    AsOf,
    DateSpan,
    DateValue,
    dates_agree,
    parse_as_of,
    parse_date,
)
from checker.model.forms import ValueFormError, parse_boolean
from checker.model.numbers import (
    NumberValue,
    Tolerance,
    numbers_agree,
    parse_number,
    parse_tolerance,
)
from checker.model.text import fold_name, normalize_text, texts_agree

D = datetime.date
MIN, MAX = datetime.date.min, datetime.date.max
ELECTION = "us-election-2016"
# Anchors as the engine builds them: the Pasadena case's election, a source published on a
# Thursday, and an entity declared without a date.
ANCHORS: dict[str, DateSpan | None] = {
    ELECTION: DateSpan(D(2016, 11, 8), D(2016, 11, 8)),
    ANCHOR_PUBLISHED: DateSpan(D(2025, 8, 21), D(2025, 8, 21)),
    "ice": None,
}
WEEKDAYS_HINT = "monday, tuesday, wednesday, thursday, friday, saturday or sunday"
EXPECTED_DATE = "expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got"
NO_PUBLISHED = "'published' used, but the source has no published date"
PERIODS_HINT = (
    "same-week, previous-week, previous-month, previous-year, past-week, past-month or past-year"
)


def published(raw: object) -> dict[str, DateSpan | None]:
    """Anchors of a source whose ``published`` is ``raw``."""
    return {**ANCHORS, ANCHOR_PUBLISHED: parse_date(raw).span}


def relative(anchor: object = ANCHOR_PUBLISHED, **form: object) -> dict[str, object]:
    return {"relative_to": anchor, **form}


def form_error(parse: Callable[[], object]) -> tuple[str, tuple[str | int, ...]]:
    """The message and subpath of the ValueFormError that ``parse`` raises."""
    with pytest.raises(ValueFormError) as caught:
        parse()
    assert str(caught.value) == caught.value.message
    return caught.value.message, caught.value.subpath


# --- absolute dates and ranges ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "start", "end", "normalized"),
    [
        (2016, D(2016, 1, 1), D(2016, 12, 31), "2016"),
        ("2016", D(2016, 1, 1), D(2016, 12, 31), "2016"),
        ("2016-11", D(2016, 11, 1), D(2016, 11, 30), "2016-11"),
        ("2016-02", D(2016, 2, 1), D(2016, 2, 29), "2016-02"),
        ("2016-11-15", D(2016, 11, 15), D(2016, 11, 15), "2016-11-15"),
        ({"from": "2025-01", "to": "2025-04"}, D(2025, 1, 1), D(2025, 4, 30),
         "2025-01-01/2025-04-30"),
        ({"from": "2016-11-01", "to": "2016-11-30"}, D(2016, 11, 1), D(2016, 11, 30), "2016-11"),
        ({"from": "2016-01-01", "to": "2016-12-31"}, D(2016, 1, 1), D(2016, 12, 31), "2016"),
        ({"from": 2016, "to": 2017}, D(2016, 1, 1), D(2017, 12, 31), "2016-01-01/2017-12-31"),
        ({"from": "2016-11-15", "to": "2016-11"}, D(2016, 11, 15), D(2016, 11, 30),
         "2016-11-15/2016-11-30"),
        ({"from": "2016-11", "to": "2016-11"}, D(2016, 11, 1), D(2016, 11, 30), "2016-11"),
        ({"to": "2017-02-16"}, MIN, D(2017, 2, 16), "../2017-02-16"),
        ({"from": "2017-02-16"}, D(2017, 2, 16), MAX, "2017-02-16/.."),
        ({"from": "2017-02"}, D(2017, 2, 1), MAX, "2017-02-01/.."),
    ],
)  # fmt: skip
def test_absolute_dates_and_ranges(raw: object, start: D, end: D, normalized: str) -> None:
    value = parse_date(raw)
    assert value == DateValue(DateSpan(start, end), None)
    assert value.normalized == normalized


@pytest.mark.parametrize(
    ("raw", "message", "subpath"),
    [
        ("2016-02-30", "'2016-02-30' is not a valid date", ()),
        ("2015-02-29", "'2015-02-29' is not a valid date", ()),
        ("2016-13", "'2016-13' is not a valid date", ()),
        ("0000", "'0000' is not a valid date", ()),
        ("2016-1-5", f"{EXPECTED_DATE} the string '2016-1-5'", ()),
        ("Nov. 15", f"{EXPECTED_DATE} the string 'Nov. 15'", ()),
        (" 2016", f"{EXPECTED_DATE} the string ' 2016'", ()),
        ("published", f"{EXPECTED_DATE} the string 'published'", ()),
        (2016.0, f"{EXPECTED_DATE} the number 2016.0", ()),
        (True, f"{EXPECTED_DATE} the boolean true", ()),
        (None, f"{EXPECTED_DATE} null", ()),
        (["2016"], f"{EXPECTED_DATE} a list", ()),
        (123, "a date given as a number must be a 4-digit year, got 123", ()),
        (20161115, "a date given as a number must be a 4-digit year, got 20161115", ()),
        ({}, "a date mapping needs from/to or relative_to", ()),
        ({"on": "2016"},
         "unknown key 'on' in a date (use from/to for a range, or relative_to)", ("on",)),
        ({"from": "2016", "until": "2017"},
         "unknown key 'until' in a date range (use from and to)", ("until",)),
        ({"from": "2017-03", "to": "2017-02"},
         "range starts after it ends: from 2017-03 is after to 2017-02", ()),
        ({"from": "2017-02-20", "to": "2017-02-10"},
         "range starts after it ends: from 2017-02-20 is after to 2017-02-10", ()),
        ({"from": "2017-02-30"}, "'2017-02-30' is not a valid date", ("from",)),
        ({"to": None}, f"{EXPECTED_DATE} null", ("to",)),
        # Range ends of a date value are absolute dates; relative forms and ranges are not ends.
        ({"from": relative(offset="1 day")}, f"{EXPECTED_DATE} a mapping", ("from",)),
        ({"to": {"from": "2016"}}, f"{EXPECTED_DATE} a mapping", ("to",)),
    ],
)  # fmt: skip
def test_date_form_errors(raw: object, message: str, subpath: tuple[str | int, ...]) -> None:
    assert form_error(lambda: parse_date(raw, ANCHORS)) == (message, subpath)


# --- relative dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "anchors", "normalized", "resolution"),
    [
        (relative(ELECTION, offset="7 days"), ANCHORS, "2016-11-15",
         "7 days after us-election-2016 (2016-11-08) = 2016-11-15"),
        (relative(ELECTION, offset="1 day"), ANCHORS, "2016-11-09",
         "1 day after us-election-2016 (2016-11-08) = 2016-11-09"),
        (relative(ELECTION, offset="+1 week"), ANCHORS, "2016-11-15",
         "1 week after us-election-2016 (2016-11-08) = 2016-11-15"),
        (relative(ELECTION, offset="-2 weeks"), ANCHORS, "2016-10-25",
         "2 weeks before us-election-2016 (2016-11-08) = 2016-10-25"),
        (relative(ELECTION, offset="0 days"), ANCHORS, "2016-11-08",
         "0 days after us-election-2016 (2016-11-08) = 2016-11-08"),
        (relative(ELECTION, offset="+1 month"), ANCHORS, "2016-12-08",
         "1 month after us-election-2016 (2016-11-08) = 2016-12-08"),
        (relative(ELECTION, offset="-3 years"), ANCHORS, "2013-11-08",
         "3 years before us-election-2016 (2016-11-08) = 2013-11-08"),
        # Month and year offsets clamp the day to the end of a shorter month.
        (relative(offset="1 month"), published("2017-01-31"), "2017-02-28",
         "1 month after published (2017-01-31) = 2017-02-28"),
        (relative(offset="1 year"), published("2016-02-29"), "2017-02-28",
         "1 year after published (2016-02-29) = 2017-02-28"),
        (relative(offset="-1 month"), published("2017-03-31"), "2017-02-28",
         "1 month before published (2017-03-31) = 2017-02-28"),
        (relative(offset="2 months"), published("2016-12-15"), "2017-02-15",
         "2 months after published (2016-12-15) = 2017-02-15"),
        # 2017-02-16 is a Thursday.
        (relative(weekday="sunday"), published("2017-02-16"), "2017-02-12",
         "sunday before published (2017-02-16) = 2017-02-12"),
        (relative(weekday="sunday", direction="previous"), published("2017-02-16"), "2017-02-12",
         "sunday before published (2017-02-16) = 2017-02-12"),
        (relative(weekday="sunday", direction="next"), published("2017-02-16"), "2017-02-19",
         "sunday after published (2017-02-16) = 2017-02-19"),
        (relative(weekday="thursday"), published("2017-02-16"), "2017-02-09",
         "thursday before published (2017-02-16) = 2017-02-09"),
        (relative(weekday="thursday", direction="next"), published("2017-02-16"), "2017-02-23",
         "thursday after published (2017-02-16) = 2017-02-23"),
        (relative(weekday="wednesday"), published("2017-02-16"), "2017-02-15",
         "wednesday before published (2017-02-16) = 2017-02-15"),
        (relative(weekday="friday", direction="next"), published("2017-02-16"), "2017-02-17",
         "friday after published (2017-02-16) = 2017-02-17"),
        # 2025-08-21 is a Thursday.
        (relative(period="same-week"), ANCHORS, "2025-08-18/2025-08-24",
         "same-week of published (2025-08-21) = 2025-08-18/2025-08-24"),
        (relative(period="previous-week"), ANCHORS, "2025-08-11/2025-08-17",
         "previous-week of published (2025-08-21) = 2025-08-11/2025-08-17"),
        (relative(period="previous-month"), ANCHORS, "2025-07",
         "previous-month of published (2025-08-21) = 2025-07"),
        (relative(period="previous-month"), published("2025-01-10"), "2024-12",
         "previous-month of published (2025-01-10) = 2024-12"),
        (relative(period="previous-year"), ANCHORS, "2024",
         "previous-year of published (2025-08-21) = 2024"),
        (relative(period="past-week"), ANCHORS, "2025-08-14/2025-08-20",
         "past-week of published (2025-08-21) = 2025-08-14/2025-08-20"),
        (relative(period="past-month"), ANCHORS, "2025-07-21/2025-08-20",
         "past-month of published (2025-08-21) = 2025-07-21/2025-08-20"),
        (relative(period="past-month"), published("2025-03-31"), "2025-02-28/2025-03-30",
         "past-month of published (2025-03-31) = 2025-02-28/2025-03-30"),
        (relative(period="past-month"), published("2025-09-01"), "2025-08",
         "past-month of published (2025-09-01) = 2025-08"),
        (relative(period="past-year"), ANCHORS, "2024-08-21/2025-08-20",
         "past-year of published (2025-08-21) = 2024-08-21/2025-08-20"),
        (relative(period="past-year"), published("2025-01-01"), "2024",
         "past-year of published (2025-01-01) = 2024"),
        # A span anchor: the union over every day in it.
        (relative(period="previous-week"), published("2025-08"), "2025-07-21/2025-08-24",
         "previous-week of published (2025-08) = 2025-07-21/2025-08-24"),
        (relative(weekday="sunday"), published("2017-02"), "2017-01-29/2017-02-26",
         "sunday before published (2017-02) = 2017-01-29/2017-02-26"),
        (relative(offset="7 days"), published("2017-02"), "2017-02-08/2017-03-07",
         "7 days after published (2017-02) = 2017-02-08/2017-03-07"),
        (relative(period="previous-month"), published("2017"), "2016-12-01/2017-11-30",
         "previous-month of published (2017) = 2016-12-01/2017-11-30"),
        # An open anchor end stays open.
        (relative(offset="7 days"), published({"from": "2017-02-16"}), "2017-02-23/..",
         "7 days after published (2017-02-16/..) = 2017-02-23/.."),
        (relative(period="previous-week"), published({"to": "2017-02-16"}), "../2017-02-12",
         "previous-week of published (../2017-02-16) = ../2017-02-12"),
    ],
)  # fmt: skip
def test_relative_dates(
    form: dict[str, object], anchors: dict[str, DateSpan | None], normalized: str, resolution: str
) -> None:
    value = parse_date(form, anchors)
    assert (value.normalized, value.resolution) == (normalized, resolution)


def test_relative_date_against_a_whole_month_is_a_span() -> None:
    value = parse_date(relative(period="previous-week"), published("2025-08"))
    assert value.span == DateSpan(D(2025, 7, 21), D(2025, 8, 24))


@pytest.mark.parametrize(
    ("form", "message", "subpath"),
    [
        (relative("trump-inauguration", offset="7 days"),
         "relative date anchored on unknown entity 'trump-inauguration'", ("relative_to",)),
        (relative("ice", offset="7 days"),
         "relative date anchored on 'ice', which has no date", ("relative_to",)),
        (relative(7, offset="7 days"),
         "relative_to must be an entity id or 'published', got the number 7", ("relative_to",)),
        (relative("", offset="7 days"),
         "relative_to must be an entity id or 'published', got the string ''", ("relative_to",)),
        (relative(),
         "a relative date needs exactly one of offset, weekday or period, got none", ()),
        (relative(offset="1 day", period="past-week"),
         "a relative date needs exactly one of offset, weekday or period, "
         "got offset and period", ()),
        (relative(offset="1 day", weekday="sunday", period="past-week"),
         "a relative date needs exactly one of offset, weekday or period, "
         "got offset and weekday and period", ()),
        (relative(offset="1 day", direction="next"),
         "direction is only used with weekday", ("direction",)),
        (relative(period="past-week", direction="previous"),
         "direction is only used with weekday", ("direction",)),
        (relative(offset="7 days", note="seven"),
         "unknown key 'note' in a relative date "
         "(use relative_to, offset, weekday, direction or period)", ("note",)),
        (relative(offset="2 fortnight"),
         "unknown offset unit 'fortnight' (use day, week, month or year)", ("offset",)),
        (relative(offset="2 fortnights"),
         "unknown offset unit 'fortnights' (use day, week, month or year)", ("offset",)),
        (relative(offset="1 Day"),
         "offset must be a signed count and a unit, like '7 days' or '-2 weeks', "
         "got the string '1 Day'", ("offset",)),
        (relative(offset="seven days"),
         "offset must be a signed count and a unit, like '7 days' or '-2 weeks', "
         "got the string 'seven days'", ("offset",)),
        (relative(offset="1.5 days"),
         "offset must be a signed count and a unit, like '7 days' or '-2 weeks', "
         "got the string '1.5 days'", ("offset",)),
        (relative(offset=7),
         "offset must be a signed count and a unit, like '7 days' or '-2 weeks', "
         "got the number 7", ("offset",)),
        (relative(offset="100000 years"), "relative date falls outside the calendar", ("offset",)),
        (relative(weekday="Sunday"),
         f"unknown weekday 'Sunday' (use {WEEKDAYS_HINT})", ("weekday",)),
        (relative(weekday=6),
         f"expected a weekday ({WEEKDAYS_HINT}), got the number 6", ("weekday",)),
        (relative(weekday="sunday", direction="after"),
         "unknown direction 'after' (use previous or next)", ("direction",)),
        (relative(period="last-week"),
         f"unknown period 'last-week' (use {PERIODS_HINT})", ("period",)),
        (relative(period=None), f"expected a period ({PERIODS_HINT}), got null", ("period",)),
    ],
)  # fmt: skip
def test_relative_date_errors(
    form: dict[str, object], message: str, subpath: tuple[str | int, ...]
) -> None:
    assert form_error(lambda: parse_date(form, ANCHORS)) == (message, subpath)


def test_relative_date_errors_in_form_come_before_anchor_errors() -> None:
    assert form_error(lambda: parse_date(relative("nobody", offset="2 fortnight"), ANCHORS)) == (
        "unknown offset unit 'fortnight' (use day, week, month or year)",
        ("offset",),
    )


def test_relative_date_without_anchors_is_an_error() -> None:
    with pytest.raises(ValueFormError) as caught:
        parse_date(relative(ELECTION, offset="7 days"))
    assert (caught.value.message, caught.value.subpath) == (
        "a relative date cannot be used here",
        ("relative_to",),
    )
    assert str(caught.value) == "a relative date cannot be used here"


# --- as_of -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "span", "normalized"),
    [
        ("always", None, "always"),
        ("published", DateSpan(D(2025, 8, 21), D(2025, 8, 21)), "2025-08-21"),
        ("2017-02-16", DateSpan(D(2017, 2, 16), D(2017, 2, 16)), "2017-02-16"),
        (2024, DateSpan(D(2024, 1, 1), D(2024, 12, 31)), "2024"),
        ({"from": "2017-02-16"}, DateSpan(D(2017, 2, 16), MAX), "2017-02-16/.."),
        ({"to": "published"}, DateSpan(MIN, D(2025, 8, 21)), "../2025-08-21"),
        ({"from": "2025-08", "to": "published"}, DateSpan(D(2025, 8, 1), D(2025, 8, 21)),
         "2025-08-01/2025-08-21"),
        ({"from": "published", "to": "published"}, DateSpan(D(2025, 8, 21), D(2025, 8, 21)),
         "2025-08-21"),
    ],
)  # fmt: skip
def test_as_of_forms(raw: object, span: DateSpan | None, normalized: str) -> None:
    as_of = parse_as_of(raw, ANCHORS)
    assert as_of == AsOf(span, None)
    assert as_of.normalized == normalized


def test_as_of_relative_forms_carry_their_resolution() -> None:
    assert parse_as_of(relative(period="past-week"), ANCHORS) == AsOf(
        DateSpan(D(2025, 8, 14), D(2025, 8, 20)),
        "past-week of published (2025-08-21) = 2025-08-14/2025-08-20",
    )
    # Unlike a date value's range, an as_of range may have relative ends.
    assert parse_as_of({"from": relative(ELECTION, offset="7 days")}, ANCHORS) == AsOf(
        DateSpan(D(2016, 11, 15), MAX),
        "7 days after us-election-2016 (2016-11-08) = 2016-11-15",
    )


@pytest.mark.parametrize(
    ("raw", "anchors", "message", "subpath"),
    [
        ("published", {ANCHOR_PUBLISHED: None}, NO_PUBLISHED, ()),
        ("published", {}, NO_PUBLISHED, ()),
        ({"to": "published"}, {ANCHOR_PUBLISHED: None}, NO_PUBLISHED, ("to",)),
        ("sometimes", ANCHORS, f"{EXPECTED_DATE} the string 'sometimes'", ()),
        ("Always", ANCHORS, f"{EXPECTED_DATE} the string 'Always'", ()),
        ({"from": "always"}, ANCHORS, f"{EXPECTED_DATE} the string 'always'", ("from",)),
        ({"from": "2017", "since": "2016"}, ANCHORS,
         "unknown key 'since' in a date range (use from and to)", ("since",)),
        ({"from": relative(offset="7 fortnights")}, ANCHORS,
         "unknown offset unit 'fortnights' (use day, week, month or year)", ("from", "offset")),
        ({"to": relative("ice", offset="1 day")}, ANCHORS,
         "relative date anchored on 'ice', which has no date", ("to", "relative_to")),
        ({"from": "published", "to": "2025-01"}, ANCHORS,
         "range starts after it ends: from 2025-08-21 is after to 2025-01", ()),
    ],
)  # fmt: skip
def test_as_of_errors(
    raw: object, anchors: dict[str, DateSpan | None], message: str, subpath: tuple[str | int, ...]
) -> None:
    assert form_error(lambda: parse_as_of(raw, anchors)) == (message, subpath)


def test_as_of_published_without_anchors_is_an_error() -> None:
    assert form_error(lambda: parse_as_of("published")) == (NO_PUBLISHED, ())


# --- date spans and agreement ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("2016-11", "2016-11-15", True),
        ("2016-11-15", "2016-11-16", False),
        ("2016-11-15", "2016-11-15", True),
        ("2016", "2016-12-31", True),
        ("2016", "2017-01-01", False),
        ({"from": "2016-11-10", "to": "2016-11-15"}, "2016-11-15", True),
        ({"from": "2016-11-10", "to": "2016-11-14"}, "2016-11-15", False),
        ({"to": "2016-11-15"}, {"from": "2016-11-15"}, True),
        ({"to": "2016-11-14"}, {"from": "2016-11-15"}, False),
    ],
)  # fmt: skip
def test_dates_agree_when_spans_overlap(a: object, b: object, agree: bool) -> None:
    left, right = parse_date(a), parse_date(b)
    assert dates_agree(left, right) is agree
    assert dates_agree(right, left) is agree


def test_relative_date_agrees_with_the_absolute_date_it_resolves_to() -> None:
    resolved = parse_date(relative(ELECTION, offset="7 days"), ANCHORS)
    assert dates_agree(resolved, parse_date("2016-11-15"))
    assert not dates_agree(resolved, parse_date("2016-11-16"))


@pytest.mark.parametrize(
    ("span", "normalized"),
    [
        (DateSpan(D(2016, 11, 1), D(2016, 11, 29)), "2016-11-01/2016-11-29"),
        (DateSpan(D(2016, 11, 2), D(2016, 11, 30)), "2016-11-02/2016-11-30"),
        (DateSpan(D(2016, 1, 1), D(2016, 12, 30)), "2016-01-01/2016-12-30"),
        (DateSpan(D(2016, 12, 1), D(2017, 1, 31)), "2016-12-01/2017-01-31"),
        (DateSpan(D(2016, 1, 1), D(2017, 12, 31)), "2016-01-01/2017-12-31"),
        (DateSpan(MIN, MAX), "../.."),
        (DateSpan(D(1, 1, 1), D(1, 1, 31)), "../0001-01-31"),
        (DateSpan(D(999, 3, 1), D(999, 3, 31)), "0999-03"),
    ],
)
def test_span_spellings(span: DateSpan, normalized: str) -> None:
    assert span.normalized == normalized


def test_span_refuses_an_end_before_its_start() -> None:
    with pytest.raises(ValueError, match="span starts after it ends"):
        DateSpan(D(2017, 2, 2), D(2017, 2, 1))


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "normalized"),
    [
        (50, NumberValue(50, 50, False), "50"),
        (50.0, NumberValue(50, 50, False), "50"),
        (2.5, NumberValue(2.5, 2.5, False), "2.5"),
        (-3, NumberValue(-3, -3, False), "-3"),
        (0.1, NumberValue(0.1, 0.1, False), "0.1"),
        ({"approx": 50}, NumberValue(50, 50, True), "~50"),
        ({"approx": 0.5}, NumberValue(0.5, 0.5, True), "~0.5"),
        ({"min": 1100}, NumberValue(1100, None, False), ">=1100"),
        ({"max": 900}, NumberValue(None, 900, False), "<=900"),
        ({"min": 1, "max": 5}, NumberValue(1, 5, False), "1..5"),
        ({"max": 5.5, "min": 1.25}, NumberValue(1.25, 5.5, False), "1.25..5.5"),
        ({"min": 5, "max": 5}, NumberValue(5, 5, False), "5"),
    ],
)
def test_number_forms(raw: object, value: NumberValue, normalized: str) -> None:
    assert parse_number(raw) == value
    assert parse_number(raw).normalized == normalized


@pytest.mark.parametrize(
    ("raw", "message", "subpath"),
    [
        ("50", "expected a number, got the string '50'", ()),
        (True, "expected a number, got the boolean true", ()),
        (False, "expected a number, got the boolean false", ()),
        (None, "expected a number, got null", ()),
        ([50], "expected a number, got a list", ()),
        (float("nan"), "expected a finite number, got nan", ()),
        (float("inf"), "expected a finite number, got inf", ()),
        (10**400, "expected a finite number, got one too large", ()),
        ({}, "a number mapping needs approx, min or max", ()),
        ({"about": 50}, "unknown key 'about' in a number (use approx, min or max)", ("about",)),
        (
            {"min": 1, "most": 5},
            "unknown key 'most' in a number (use approx, min or max)",
            ("most",),
        ),
        ({"approx": 50, "min": 45}, "approx cannot be combined with min or max", ()),
        ({"approx": "50"}, "expected a number, got the string '50'", ("approx",)),
        ({"min": True}, "expected a number, got the boolean true", ("min",)),
        ({"min": 1, "max": float("-inf")}, "expected a finite number, got -inf", ("max",)),
        ({"min": 5, "max": 1}, "min 5 is greater than max 1", ()),
        ({"min": 5.5, "max": 1.5}, "min 5.5 is greater than max 1.5", ()),
    ],
)
def test_number_errors(raw: object, message: str, subpath: tuple[str | int, ...]) -> None:
    assert form_error(lambda: parse_number(raw)) == (message, subpath)


@pytest.mark.parametrize(
    ("raw", "tolerance"),
    [
        ("10%", Tolerance(relative=0.10)),
        ("2.5%", Tolerance(relative=0.025)),
        ("0%", Tolerance()),
        (" 10 % ", Tolerance(relative=0.10)),
        (2, Tolerance(absolute=2.0)),
        (2.5, Tolerance(absolute=2.5)),
        (0, Tolerance()),
    ],
)
def test_tolerance_forms(raw: object, tolerance: Tolerance) -> None:
    assert parse_tolerance(raw) == tolerance


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("10", "the string '10'"),
        ("ten percent", "the string 'ten percent'"),
        ("-10%", "the string '-10%'"),
        (-2, "the number -2"),
        (float("nan"), "the number nan"),
        (float("inf"), "the number inf"),
        (True, "the boolean true"),
        (None, "null"),
        ({"relative": 0.1}, "a mapping"),
    ],
)
def test_tolerance_errors(raw: object, shown: str) -> None:
    message = f"tolerance must be a percentage like '10%' or a non-negative number, got {shown}"
    assert form_error(lambda: parse_tolerance(raw)) == (message, ())


NO_TOLERANCE = Tolerance()
TEN_PERCENT = Tolerance(relative=0.10)


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "agree"),
    [
        ({"approx": 50}, 52, NO_TOLERANCE, True),
        ({"approx": 50}, 55, NO_TOLERANCE, True),
        ({"approx": 50}, 56, NO_TOLERANCE, False),
        ({"min": 16}, {"min": 17}, NO_TOLERANCE, True),
        (135, 517, NO_TOLERANCE, False),
        (135, 517, TEN_PERCENT, False),
        ({"max": 900}, 1100, NO_TOLERANCE, False),
        # Both widen to 990, so at 10% they meet: the contract widens both sides.
        ({"max": 900}, 1100, TEN_PERCENT, True),
        ({"max": 900}, 1101, TEN_PERCENT, False),
        ({"approx": 900}, 896, NO_TOLERANCE, True),
        (50, 50.0, NO_TOLERANCE, True),
        (50, 51, NO_TOLERANCE, False),
        (50, 51, Tolerance(absolute=0.5), True),
        (50, 52, Tolerance(absolute=0.5), False),
        (50, 52, Tolerance(absolute=1), True),
        # Both sides widen: 100 -> 90..110 and 120 -> 108..132 overlap.
        (100, 120, TEN_PERCENT, True),
        (100, 125, TEN_PERCENT, False),
        # approx widens by the larger of the tolerance and 10%.
        ({"approx": 100}, 125, Tolerance(relative=0.2), True),
        ({"approx": 100}, 150, Tolerance(relative=0.2), True),
        ({"approx": 100}, 151, Tolerance(relative=0.2), False),
        ({"approx": 100}, 130, Tolerance(absolute=15), True),
        ({"approx": 100}, 131, Tolerance(absolute=15), False),
        ({"approx": 10}, 12, Tolerance(absolute=1), True),
        ({"approx": 10}, 12.1, Tolerance(absolute=1), False),
        ({"min": 1, "max": 5}, 5, NO_TOLERANCE, True),
        ({"min": 1, "max": 5}, 6, NO_TOLERANCE, False),
        ({"min": 1, "max": 5}, {"min": 5}, NO_TOLERANCE, True),
        ({"max": 4}, {"min": 5}, NO_TOLERANCE, False),
        ({"max": 4}, {"min": 5}, Tolerance(absolute=0.5), True),
        ({"max": 900}, {"max": 5}, NO_TOLERANCE, True),
        (-100, -110, TEN_PERCENT, True),
        (-100, -125, TEN_PERCENT, False),
        (0, 0.001, TEN_PERCENT, False),
        # Widened bounds that meet exactly agree despite float rounding.
        (10, 15, Tolerance(relative=0.2), True),
        (10, 15.01, Tolerance(relative=0.2), False),
        (0.1, 0.3, Tolerance(absolute=0.1), True),
    ],
)
def test_numbers_agree(a: object, b: object, tolerance: Tolerance, agree: bool) -> None:
    left, right = parse_number(a), parse_number(b)
    assert numbers_agree(left, right, tolerance) is agree
    assert numbers_agree(right, left, tolerance) is agree


# --- booleans and texts ----------------------------------------------------------------------


@pytest.mark.parametrize("raw", [True, False])
def test_booleans(raw: bool) -> None:
    assert parse_boolean(raw) is raw


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("yes", "the string 'yes'"),
        ("true", "the string 'true'"),
        (1, "the number 1"),
        (0, "the number 0"),
        (None, "null"),
        ({"value": True}, "a mapping"),
    ],
)
def test_boolean_errors(raw: object, shown: str) -> None:
    assert form_error(lambda: parse_boolean(raw)) == (f"expected true or false, got {shown}", ())


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Essentially these agreements are pretty routine,",
         "essentially these agreements are pretty routine"),
        ("  The   MOU\n\tis  signed. ", "the mou is signed"),
        ("\u201cIt\u2019s routine\u201d", "it's routine"),
        ("\u2018quoted\u2019 \u00abwords\u00bb", "quoted' \"words"),
        ("pre\u2013 and post\u2014election", "pre- and post-election"),
        ("wait\u2026", "wait"),
        ("wait\u2026 what", "wait... what"),
        ("\uff26\uff55\uff4c\uff4c\u2011width", "full-width"),
        ("STRASSE Stra\u00dfe", "strasse strasse"),
        ("...(ICE)", "ice"),
        # Only the ends are stripped, brackets too: the quote checks drop bracketed text first.
        ("[seven] days", "seven] days"),
        ("$50", "$50"),
        ("?!", ""),
        ("", ""),
    ],
)  # fmt: skip
def test_normalize_text(text: str, normalized: str) -> None:
    assert normalize_text(text) == normalized


@pytest.mark.parametrize(
    ("a", "b", "similarity", "agree"),
    [
        ("Signed by Sanchez.", "signed by sanchez", 100, True),
        ("\u201cPretty routine\u201d", '"pretty routine"', 100, True),
        ("the agreement is in effect", "the agreement is in affect", 90, True),
        ("the agreement is in effect", "the agreement is in affect", 100, False),
        ("the agreement is in effect", "the agreement was ended", 90, False),
        ("abcd", "abce", 75, True),
        ("abcd", "abce", 75.1, False),
    ],
)
def test_texts_agree(a: str, b: str, similarity: float, agree: bool) -> None:
    assert texts_agree(a, b, similarity) is agree
    assert texts_agree(b, a, similarity) is agree


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Pablo Alvarado", "pablo alvarado"),
        ("Pablo \u00c1lvarado", "pablo alvarado"),
        ("  Pablo\tALVARADO ", "pablo alvarado"),
        ("U.S. Immigration and Customs Enforcement", "us immigration and customs enforcement"),
        ("ICE-PPD contract", "ice ppd contract"),
        ("Fran\u00e7ois O\u2019Brien", "francois obrien"),
        ("Gro\u00dfe", "grosse"),
        ("\u00c5ngstr\u00f6m", "angstrom"),
    ],
)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded


# --- properties ------------------------------------------------------------------------------

days = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))
spans = st.tuples(days, days).map(lambda pair: DateSpan(min(pair), max(pair)))
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False) | st.integers(-(10**9), 10**9)
numbers = st.one_of(
    finite.map(parse_number),
    finite.map(lambda x: parse_number({"approx": x})),
    finite.map(lambda x: parse_number({"min": x})),
    finite.map(lambda x: parse_number({"max": x})),
    st.tuples(finite, finite).map(lambda p: parse_number({"min": min(p), "max": max(p)})),
)
tolerances = st.builds(
    Tolerance,
    relative=st.floats(min_value=0, max_value=1),
    absolute=st.floats(min_value=0, max_value=100),
)


@given(spans, spans)
def test_overlaps_is_symmetric(a: DateSpan, b: DateSpan) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(spans, days)
def test_a_day_agrees_with_a_span_containing_it(span: DateSpan, day: D) -> None:
    inside = span.start <= day <= span.end
    assert dates_agree(parse_date(day.isoformat()), DateValue(span)) is inside


@given(days)
def test_day_month_and_year_spellings_parse_back(day: D) -> None:
    for raw in (day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]):
        value = parse_date(raw)
        assert value.normalized == raw
        assert value.span.start <= day <= value.span.end


@given(
    spans.filter(lambda span: (span.end - span.start).days <= 62),
    st.sampled_from(
        [relative(offset=o) for o in ("7 days", "-2 weeks", "1 month", "-1 month", "1 year")]
        + [relative(weekday="sunday"), relative(weekday="monday", direction="next")]
        + [relative(period=p) for p in ("same-week", "previous-week", "previous-month")]
        + [relative(period=p) for p in ("previous-year", "past-week", "past-month", "past-year")]
    ),
)
def test_relative_to_a_span_covers_every_day_in_it(
    anchor: DateSpan, form: dict[str, object]
) -> None:
    value = parse_date(form, {ANCHOR_PUBLISHED: anchor})
    every_day = [
        anchor.start + datetime.timedelta(days=n)
        for n in range((anchor.end - anchor.start).days + 1)
    ]
    per_day = [parse_date(form, {ANCHOR_PUBLISHED: DateSpan(day, day)}).span for day in every_day]
    assert value.span.start == min(span.start for span in per_day)
    assert value.span.end == max(span.end for span in per_day)


@given(numbers, numbers, tolerances)
def test_numbers_agree_is_symmetric(a: NumberValue, b: NumberValue, tolerance: Tolerance) -> None:
    assert numbers_agree(a, b, tolerance) == numbers_agree(b, a, tolerance)


@given(numbers, tolerances)
def test_a_number_agrees_with_itself(value: NumberValue, tolerance: Tolerance) -> None:
    assert numbers_agree(value, value, tolerance)


@given(st.tuples(finite, finite, finite).map(sorted))
def test_an_exact_number_in_a_range_agrees_with_it(triple: list[float]) -> None:
    low, middle, high = triple
    assert numbers_agree(parse_number(middle), parse_number({"min": low, "max": high}), Tolerance())


@given(st.text())
def test_normalize_text_and_fold_name_are_idempotent(text: str) -> None:
    assert normalize_text(normalize_text(text)) == normalize_text(text)
    assert fold_name(fold_name(text)) == fold_name(text)
