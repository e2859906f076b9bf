"""Dates read where the excerpt has an aside the draft leaves out ("Edward Brooke, a
Republican, held the seat from 1966 to 1978" against "Edward Brooke, who served from 1967 to
1979"), and what an aside is (:mod:`checker.prose.asides`).

Sentences are excerpts of the corpus articles, checked against the case without the article's
own claim file, as the measuring script does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.outcome import Validation
from checker.prose.asides import asides
from checker.prose.draftcheck import check_draft
from checker.prose.wordalign import Words
from tests.prose.test_facts import CORPUS, facts, without

COWAN = "cowan-senate-appointment-2013"


def cowan_without_huffpost(tmp: Path) -> Validation:
    if not (CORPUS / COWAN).is_dir():
        pytest.skip("the shared corpus is not here")
    return without(CORPUS / COWAN, "huffpost-2013-01-30.yaml", tmp)


def aside_words(text: str, value: str | None = None) -> list[str]:
    words = Words.of(text)
    span = None
    if value is not None:
        start = text.index(value)
        span = words.index(start, start + len(value))
    return [words.words[i] for i in sorted(asides(text, words, span))]


# -- what an aside is ---------------------------------------------------------------------------


def test_an_appositive_between_commas_is_an_aside() -> None:
    text = "Edward Brooke, a Republican, held the seat from 1966 to 1978."
    assert aside_words(text) == ["a", "republican"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A list of names is no aside.
        ("the Boston office of Mintz, Levin, Cohn, Ferris, Glovsky and Popeo PC", None),
        # Not opened by an article: a clause or a figure, not a label.
        ("Mr. Cowan, 43, who is known as Mo", None),
        ("The A.G., according to the Times, said he had misspoken", None),
        # An aside that holds the value is what the excerpt says.
        ("The primary, the April 30 one, would be held", "April 30"),
        # Too long for a label.
        ("Edward Brooke, a Republican who later lost to Paul Tsongas, held the seat", None),
    ],
)
def test_no_aside(text: str, value: str | None) -> None:
    assert aside_words(text, value) == []


# -- the HuffPost sentence against NYT's excerpt -------------------------------------------------

HUFFPOST_BROOKE = (
    "Cowan will become the second black senator from Massachusetts, after Edward Brooke, "
    "who served from 1967 to 1979."
)


def test_brooke_s_years_are_read_though_the_draft_leaves_out_the_aside(tmp_path: Path) -> None:
    validation = cowan_without_huffpost(tmp_path)
    assert facts(validation, HUFFPOST_BROOKE) == [
        ("edward-brooke", "took_office", "1967", 1, 101),
        ("edward-brooke", "left_office", "1979", 1, 109),
    ]
    report = check_draft(HUFFPOST_BROOKE, "draft.md", validation)
    found = [(f.kind, f.subject, f.property, f.location.column if f.location else 0)
             for f in report.findings]  # fmt: skip
    assert found == [
        ("contradicted", "edward-brooke", "took_office", 101),
        ("contradicted", "edward-brooke", "left_office", 109),
    ]


def test_the_excerpt_s_own_words_agree(tmp_path: Path) -> None:
    validation = cowan_without_huffpost(tmp_path)
    nyt = "Edward Brooke, a Republican, held the seat from 1966 to 1978."
    assert facts(validation, nyt) == [
        ("edward-brooke", "took_office", "1966", 1, 49),
        ("edward-brooke", "left_office", "1978", 1, 57),
    ]
    assert check_draft(nyt, "draft.md", validation).findings == ()


@pytest.mark.parametrize(
    "draft",
    [
        # The subject's name and a range of years are not enough without what the excerpt says.
        "Edward Brooke served in the Army from 1941 to 1945.",
        "Edward Brooke studied law at Boston University from 1946 to 1948.",
    ],
)
def test_other_years_of_the_subject_are_not_read(tmp_path: Path, draft: str) -> None:
    validation = cowan_without_huffpost(tmp_path)
    assert facts(validation, draft) == []
    assert check_draft(draft, "draft.md", validation).findings == ()
