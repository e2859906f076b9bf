"""Values read in more forms: numbers in words and vague plurals, a date excerpt's own end of a
range, and entity values (a place printed as another).

Sentences are short excerpts of the corpus articles, checked leave-one-out against the case
without the article's own claim file, as the measuring script does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.prose.drafts import read_draft
from checker.prose.prosevalues import numbers
from tests.prose.test_facts import CORPUS, facts, findings, without


def read(prose: str) -> list[tuple[str, str]]:
    return [(prose[s:e], v.normalized) for s, e, v in numbers(prose, [])]


def case_without(event: str, source: str, tmp: Path):  # type: ignore[no-untyped-def]
    if not (CORPUS / event).is_dir():
        pytest.skip("the shared corpus is not here")
    return without(CORPUS / event, source, tmp)


# -- numbers in words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Online petitions received hundreds of thousands of signatures",
         [("hundreds of thousands", "200000..999999")]),
        ("tens of thousands of protesters", [("tens of thousands", "20000..99999")]),
        ("signed by more than 1.8 million people", [("more than 1.8 million", ">=1800000")]),
        ("nearly 2 million", [("nearly 2 million", "~2000000")]),
        ("about twenty-one agencies", [("about twenty-one", "~21")]),
        ("at least six memos", [("at least six", ">=6")]),
        ("up to three dozen", [("up to three dozen", "<=36")]),
        ("more than a million", [("more than a million", ">=1000000")]),
        ("three hundred and forty-two", [("three hundred and forty-two", "342")]),
        ("Five people were hurt", [("Five", "5")]),
        ("between five and six", [("five", "5"), ("six", "6")]),
    ],
)  # fmt: skip
def test_numbers_in_words_and_qualifiers(prose: str, expected: list[tuple[str, str]]) -> None:
    assert read(prose) == expected


@pytest.mark.parametrize(
    "prose",
    [
        "a song by the Jackson Five",  # a number word inside a name
        "a five-year term",  # a modifier, not a count
        "the twenty-first century",
        "one of the men",  # a bare "one"
        "the 2016 agreement",  # a year before a noun
    ],
)
def test_what_is_not_a_number(prose: str) -> None:
    assert read(prose) == []


def test_a_number_in_a_quotation_is_not_read() -> None:
    (sentence,) = read_draft('He said "five hundred people came" to the hall.').sentences
    assert read(sentence.prose) == []


# -- the corpus, leave-one-out ------------------------------------------------------------------


def test_hundreds_of_thousands_contradicts_more_than_1_8_million(tmp_path: Path) -> None:
    validation = case_without("trump-uk-visit-2018", "nyt-2018-04-27.yaml", tmp_path)
    draft = (
        "Online petitions against the visit received hundreds of thousands of signatures and "
        "prompted a lively debate in Parliament."
    )
    assert facts(validation, draft) == [
        ("state-visit-petition", "signatures", "200000..999999", 1, 45)
    ]
    assert ("contradicted", "state-visit-petition", "signatures") in findings(validation, draft)


def test_each_end_of_a_range_is_read_where_the_excerpt_holds_it(tmp_path: Path) -> None:
    validation = case_without("cowan-senate-appointment-2013", "nyt-2013-01-30.yaml", tmp_path)
    draft = "Edward Brooke, a Republican, held the seat from 1966 to 1978."
    read_facts = facts(validation, draft)
    assert ("edward-brooke", "took_office", "1966", 1, 49) in read_facts
    assert ("edward-brooke", "left_office", "1978", 1, 57) in read_facts


def test_a_place_printed_as_another_place_is_read(tmp_path: Path) -> None:
    validation = case_without("blumenthal-vietnam-2010", "fox-2010-05-18.yaml", tmp_path)
    draft = (
        "The A.G., according to the Times, said he had misspoken at a 2008 event in Norfolk in "
        "which he said he had served in Vietnam."
    )
    assert ("norwalk-event", "held_in", "norfolk", 1, 76) in facts(validation, draft)
    assert any(p == "held_in" for _, _, p in findings(validation, draft))


def test_an_entity_that_is_no_claimed_value_is_not_read(tmp_path: Path) -> None:
    # Connecticut stands where the place would; no claim gives it as where an event was held.
    validation = case_without("blumenthal-vietnam-2010", "fox-2010-05-18.yaml", tmp_path)
    draft = "He said he had misspoken at the 2008 event in Connecticut in which he said he served."
    assert [f for f in facts(validation, draft) if f[1] == "held_in"] == []
