"""Values written in prose: dates, numbers and yes/no statements, read by pattern.

- **dates**: "Nov. 15, 2016", "November 15, 2016", "Nov. 15" (day precision, the year left
  for the caller to supply), "November 2016" (month), "in 2016" (year), "2016-11-15";
- **numbers**: digits ("896", "1,100", "11 million", "33%"), qualified as the claim format does:
  "about", "around", "roughly", "approximately", "nearly", "almost", "some" (approx), "more
  than", "over", "at least", "upwards of" (min), "fewer than", "less than", "under", "at
  most", "up to", "no more than" (max); numbers written as words are not read;
- **yes/no**: a keyword ("in effect") after a form of *be* or *have*, or a verb of holding
  ("include", "contain"), in the same clause: "is in effect" is true; "is not", "no longer",
  "has not been officially declared" are false, as is a keyword that opens with "no" ("contain
  no notable information"), and a denial before it ("denied that ...") turns the value over;
  "never" is false as of always. A modal ("would", "may") before it, or a hedge in the sentence
  ("appears", "whether", "if", "unlikely", "expected"), leaves it unread.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from checker.model.case import BoolValue
from checker.model.dates import AsOf, DateSpan, DateValue
from checker.model.numbers import NumberValue
from checker.prose.numberwords import PATTERN as WORDS
from checker.prose.numberwords import capitalised_inside, word_amount

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<number>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"),
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>\d{{4}})\b"),
    re.compile(r"(?<=\b[Ii]n\s)(?P<year>(?:19|20)\d\d)\b(?![-/]\d)"),
)
_APPROX = ["about", "around", "roughly", "approximately", "nearly", "almost", "some"]
_MIN = ["more than", "over", "at least", "upwards of"]
_MAX = ["fewer than", "less than", "under", "at most", "up to", "no more than"]
_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in [*_MAX, *_MIN, *_APPROX])
_NUMBER = re.compile(
    rf"(?<![\w.,/$-])(?:(?P<qualifier>{_QUALIFIER})\s+)?(?:"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?"
    rf"(?![\w/(]|[.,]\d)|{WORDS})",
    re.I,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*")
CLAUSE = re.compile(r"[,;:()\u2014\u2013]")
_AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "be", "been", "being", "remains", "remained", "has", "had", "have"}
)
#: Verbs of holding, which state a yes/no keyword as "has" does ("the memos include previously
#: undisclosed conversations"; "contain no notable information").
_HOLDING = frozenset({"include", "includes", "included", "contain", "contains", "contained"})
#: Determiners that deny what follows exists ("no notable information"): where a keyword opens
#: with one it is the statement's negation, unlike a "not" inside it ("details not included"),
#: which describes the thing held.
_NONE = frozenset({"no", "none", "nothing"})
_NEGATIONS = frozenset({"not", "never", "no"})
DENIALS = frozenset({"denied", "denies", "deny", "denying"})
_MODALS = frozenset({"would", "could", "may", "might", "will", "should", "can", "must", "shall"})
_HEDGES = frozenset({
    "appears", "appeared", "apparently", "reportedly", "allegedly", "whether", "if", "perhaps",
    "possibly", "likely", "unlikely", "unclear", "seems", "seemed", "may", "might", "expected",
    "suggest", "suggests",
})  # fmt: skip
#: Words that may stand between a number and its property's keyword, and before a yes/no keyword.
FOLLOWING_WORDS = 4
#: Words that may stand between a date and its property's keyword, in one clause.
DATE_WORDS = 8


Date = tuple[int | None, int, int | None]


def words_of(text: str) -> list[str]:
    return [w.casefold().replace("\u2019", "'") for w in TOKEN.findall(text)]


def dates(prose: str) -> Iterator[tuple[int, int, Date]]:
    """Each date written in ``prose``: where, and (year or None, month or 0, day or None)."""
    taken: list[tuple[int, int]] = []
    for pattern in _DATES:
        for m in pattern.finditer(prose):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            groups = m.groupdict()
            month = int(groups["number"]) if groups.get("number") else 0
            if groups.get("month"):
                month = _MONTHS[groups["month"].casefold()]
            year = int(groups["year"]) if groups.get("year") else None
            day = int(groups["day"]) if groups.get("day") else None
            yield m.start(), m.end(), (year, month, day)


def date_value(year: int, month: int, day: int | None) -> DateValue | None:
    """The span a date means: the day, the month or the year; None if not in the calendar."""
    try:
        if not month:
            return DateValue(DateSpan(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
        first = datetime.date(year, month, day or 1)
    except ValueError:
        return None
    following = first.replace(day=28) + datetime.timedelta(days=4)
    month_end = following - datetime.timedelta(days=following.day)
    return DateValue(DateSpan(first, first if day else month_end))


def numbers(prose: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, NumberValue]]:
    """Each number written in ``prose`` outside the ``taken`` spans (dates). A bare year
    ("the 2016 agreement", "in 2016") is a date, not a count, and is not read as a number."""
    for m in _NUMBER.finditer(prose):
        if any(s < m.end() and m.start() < e for s, e in taken) or _is_year(m):
            continue
        if m["words"] and capitalised_inside(prose, m.start("words"), m.end()):
            continue  # "the Jackson Five"
        value = _number(m)
        if value is not None:
            yield m.start(), m.end(), value


def _is_year(match: re.Match[str]) -> bool:
    if match["words"]:
        return False
    plain = not match["qualifier"] and not match["scale"] and match["number"].isdigit()
    return plain and len(match["number"]) == 4 and 1800 <= int(match["number"]) <= 2100


def following(prose: str, end: int) -> int:
    """Where the words that may name what a number counts end: up to four words after it,
    not past another number or the clause's end."""
    limit = end
    for count, word in enumerate(TOKEN.finditer(prose, end)):
        if count == FOLLOWING_WORDS or word.group()[0].isdigit():
            break
        if CLAUSE.search(prose, limit, word.start()) or "." in prose[limit : word.start()]:
            break
        limit = word.end()
    return limit


def clause_start(prose: str, offset: int) -> int:
    start = 0
    for stop in CLAUSE.finditer(prose, 0, offset):
        start = stop.end()
    return start


def close(prose: str, value: tuple[int, int], keyword: tuple[int, int], words: int) -> bool:
    """Whether a value and a keyword stand in one clause, at most ``words`` words apart."""
    low, high = (value[1], keyword[0]) if value[0] < keyword[0] else (keyword[1], value[0])
    between = prose[low:high] if low <= high else ""
    return not CLAUSE.search(between) and len(TOKEN.findall(between)) <= words


def _number(match: re.Match[str]) -> NumberValue | None:
    if match["words"]:
        amounts = word_amount(match["words"])
        if amounts is None:
            return None
        low, high = amounts
    else:
        scale = _SCALES.get((match["scale"] or "").lower(), 1)
        low = high = float(match["number"].replace(",", "")) * scale
    qualifier = " ".join((match["qualifier"] or "").casefold().split())
    if qualifier in _APPROX:
        return NumberValue(low, high, approx=low == high)
    if qualifier in _MIN:
        return NumberValue(low, None)
    if qualifier in _MAX:
        return NumberValue(None, high)
    return NumberValue(low, high)


def yes_no(prose: str, start: int, end: int) -> tuple[int, BoolValue, AsOf | None] | None:
    """Read "is in effect" / "is not" / "was never in effect" before a boolean keyword."""
    if _HEDGES.intersection(words_of(prose)):
        return None
    tokens = list(TOKEN.finditer(prose, clause_start(prose, start), start))[-FOLLOWING_WORDS:]
    words = [t.group().casefold().replace("\u2019", "'") for t in tokens]
    stems = [w.removesuffix("n't") for w in words]
    verbs = _AUXILIARIES | _HOLDING
    if not verbs.intersection(stems) or _MODALS.intersection(stems):
        return None
    first = next(t.start() for t, s in zip(tokens, stems, strict=True) if s in verbs)
    # A negation anywhere in the clause before the keyword ("has not been officially declared
    # a sanctuary city"), not only in the last few words; a denial before it flips the value.
    clause = words_of(prose[clause_start(prose, start) : start])
    negated = bool(_NEGATIONS.intersection(clause)) or any(w.endswith("n't") for w in clause)
    negated |= bool(_NONE.intersection(words_of(prose[start:end])[:1]))
    negated ^= bool(DENIALS.intersection(words_of(prose[:start])))
    always = "never" in words
    return first, BoolValue(not negated), (AsOf(None) if always else None)
