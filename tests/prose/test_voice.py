"""Whose voice a draft's fact is in, and what the sources' disputes make of it.

Own voice, one side of a dispute: ``disputed-as-fact`` (warning). A speaker's side, where the
sources record someone disputing it: ``disputed`` (info), from
:meth:`checker.prose.factcheck.FactChecker.check_all`, and nothing where the draft gives the
other side too. A speaker's words that the sources give that speaker otherwise:
``misattribution`` (error). Sentences are seed and corpus excerpts or close rewrites of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.outcome import Validation
from checker.claims.validation import validate
from checker.compare.comparison import compare_claims
from checker.prose.attribution import NameFinder
from checker.prose.draftfacts import FactReader
from checker.prose.drafts import read_draft
from checker.prose.factcheck import FactChecker
from checker.prose.voice import voice_of

ROOT = Path(__file__).resolve().parents[2]
PASADENA = ROOT / "claims" / "pasadena-ice-mou"
CORPUS = ROOT.parent / "shared" / "corpus" / "cases"

Row = tuple[str, str, str | None, str | None, int, int]
KICE_TRUE = ("pasadena-now-2017-02-16", "true", "virginia-kice")
IN_EFFECT_SIDES = [
    ("altadena-now-2025-08-21", "false", "city-officials"),
    ("altadena-now-2025-08-21", "false", "steve-mermell"),
    ("altadena-now-2025-08-21", "true", "dhs-officials"),
    KICE_TRUE,
    ("pasadena-now-2017-02-16", "true", "ice-officials"),
]


@pytest.fixture(scope="module")
def pasadena() -> Validation:
    return validate([PASADENA])


def checked(
    validation: Validation, draft: str
) -> list[tuple[Row, list[tuple[str, str, str | None]]]]:
    """The fact findings of a draft, judged together, with the sources each cites."""
    model = validation.models[0]
    facts = FactReader(model, NameFinder(model.case)).read(read_draft(draft))
    judge = FactChecker(model, compare_claims(model).findings, "draft.md")
    out = []
    for f in judge.check_all(facts):
        assert f.location is not None
        row = (f.kind, f.severity.label, f.subject, f.property, f.location.line,
               f.location.column)  # fmt: skip
        out.append((row, [(c.source, c.normalized, c.attributed_to) for c in f.claims]))
    return out


# -- (b) one side, in a speaker's mouth: info ---------------------------------------------------


def test_a_speaker_s_side_of_a_dispute_is_noted_with_both_sides(pasadena: Validation) -> None:
    ((row, sources),) = checked(pasadena, "Kice said the MOU is in effect.")
    assert row == ("disputed", "info", "ppd-ice-mou", "in_effect", 1, 19)
    assert sources == IN_EFFECT_SIDES


def test_the_note_names_the_speaker_and_the_other_side(pasadena: Validation) -> None:
    model = pasadena.models[0]
    facts = FactReader(model, NameFinder(model.case)).read(
        read_draft("Kice said the MOU is in effect.")
    )
    (finding,) = FactChecker(model, compare_claims(model).findings, "d.md").check_all(facts)
    assert finding.message.endswith(
        "the draft gives virginia-kice's side (true (dhs-officials per altadena-now-2025-08-21; "
        "virginia-kice per pasadena-now-2017-02-16; ice-officials per pasadena-now-2017-02-16)), "
        "not the other: false (city-officials per altadena-now-2025-08-21; steve-mermell per "
        "altadena-now-2025-08-21)"
    )


def test_both_sides_given_is_balanced_and_raises_nothing(pasadena: Validation) -> None:
    draft = "Kice said the MOU is in effect.\n\nCity officials said the MOU was never in effect."
    assert checked(pasadena, draft) == []


def test_a_side_told_twice_is_noted_once(pasadena: Validation) -> None:
    draft = "Kice said the MOU is in effect. Kice later said again that the MOU is in effect."
    assert [row for row, _ in checked(pasadena, draft)] == [
        ("disputed", "info", "ppd-ice-mou", "in_effect", 1, 19)
    ]


# -- what must not fire -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The MOU was reportedly never in effect.",  # a bare hedge names no one's side
        "Kice said the MOU was signed on Dec. 15, 2016.",  # no dispute on record: Kice's affair
        "Whether the MOU is in effect is disputed.",  # a question is not read
    ],
)
def test_no_note_without_a_recorded_dispute_or_a_speaker(
    pasadena: Validation, sentence: str
) -> None:
    assert checked(pasadena, sentence) == []


# -- (c) the speaker's own record says otherwise: misattribution --------------------------------


def test_a_speaker_given_the_other_side_is_a_misattribution(pasadena: Validation) -> None:
    assert checked(pasadena, "Kice said the MOU was never in effect.") == [
        (("misattribution", "error", "ppd-ice-mou", "in_effect", 1, 19), [KICE_TRUE])
    ]


# -- (a) own voice; a name is not a speech verb -------------------------------------------------


def test_a_country_s_name_is_not_a_speech_verb() -> None:
    if not (CORPUS / "blumenthal-vietnam-2010").is_dir():
        pytest.skip("the shared corpus is not here")
    validation = validate([CORPUS / "blumenthal-vietnam-2010"])
    sentence = (
        "There was one problem: Mr. Blumenthal, a Democrat now running for the United States "
        "Senate, never served in Vietnam."
    )
    assert checked(validation, sentence) == [
        (
            ("disputed-as-fact", "warning", "richard-blumenthal", "served_in_vietnam", 1, 93),
            [
                ("fox-2010-05-18", "false", None),
                ("nyt-2010-05-17", "false", None),
                ("fox-2010-05-18", "true", "richard-blumenthal"),
                ("nyt-2010-05-17", "true", "richard-blumenthal"),
            ],
        )
    ]


def test_a_headline_s_pronoun_opens_what_is_said(pasadena: Validation) -> None:
    """ "Says He Won't ... Pasadena Police": the police are not the speaker."""
    headline = (
        "City Manager Says He Won't Execute Pasadena Police Agreement with ICE, But Immigration "
        "Officials Say Agreement Already in Effect"
    )
    mentions = NameFinder(pasadena.models[0].case).find(headline)
    assert voice_of(headline, mentions).speaker is None


def test_said_before_a_name_still_names_the_speaker(pasadena: Validation) -> None:
    sentence = "The agreement is routine, said Kice."
    mentions = NameFinder(pasadena.models[0].case).find(sentence)
    assert voice_of(sentence, mentions).speaker == "virginia-kice"
