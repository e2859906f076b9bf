"""Names a draft prints otherwise than the case declares them: ``name-variant`` warnings.

The four misprints of the corpus (each recorded in its source's claim file as printed) are
found in their own sentences; the look-alikes real prose is full of are not: a surname alone,
a title before a declared name, a possessive, an alias, a common word capitalised at a
sentence's start, another person, an organisation's name worded otherwise. Sentences are
corpus and seed excerpts or close rewrites of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.outcome import Validation
from checker.claims.validation import validate
from checker.prose.draftcheck import check_draft

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases"
PASADENA = ROOT / "claims" / "pasadena-ice-mou"

Row = tuple[str | None, str, int, int]
_CASES: dict[str, Validation] = {}


def _case(name: str) -> Validation:
    if name not in _CASES:
        _CASES[name] = validate([PASADENA if name == "pasadena" else CORPUS / name])
    return _CASES[name]


def variants(case: str, text: str) -> list[Row]:
    """(entity, written form, line, column) of each name-variant finding of ``text``."""
    report = check_draft(text, "draft.md", _case(case))
    rows = []
    for finding in report.findings:
        if finding.kind == "name-variant":
            assert finding.severity.label == "warning" and finding.location is not None
            written = finding.message.split("'")[1]
            rows.append((finding.subject, written, finding.location.line, finding.location.column))
    return rows


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "dnc-lawsuit-2018",
            "Papadopoulous and Gates pleaded guilty to making a false statement to a federal "
            "agent, and Gates also pleaded guilty to a count of conspiracy against the United "
            "States. Manafort has pleaded not guilty.",
            [("george-papadopoulos", "Papadopoulous", 1, 1)],
        ),
        (
            "comey-memos-2018",
            "Comey, who was abruptly dismissed by Trump last year, is in the midst of a tour "
            "promoting a book, Higher Loyalty: Truth, Lies, and Leadership, in which he details "
            "the encounters.",
            [("higher-loyalty", "Higher Loyalty: Truth, Lies, and Leadership", 1, 99)],
        ),
        (
            "cowan-senate-appointment-2013",
            "Cowan is a graduate of Duke University and Northeastern University School of Law.\n"
            "He and wife Stacy have two young sons.",
            [("stacey-cowan", "Stacy", 2, 13)],
        ),
        (
            "blumenthal-vietnam-2010",
            'He called the Times an "outrageous distortion" of his service in the Marines - six '
            "months on Paris Island and six years in the reserves, according to his campaign.",
            [("parris-island", "Paris Island", 1, 94)],
        ),
    ],
)
def test_the_corpus_misprints_are_name_variants(case: str, text: str, expected: list[Row]) -> None:
    assert variants(case, text) == expected


def test_message_names_the_declared_spelling() -> None:
    report = check_draft(
        "Papadopoulous and Gates pleaded guilty.", "d.md", _case("dnc-lawsuit-2018")
    )
    [finding] = [f for f in report.findings if f.kind == "name-variant"]
    assert finding.message == (
        "d.md:1:1: 'Papadopoulous' is not a declared name of george-papadopoulos "
        "(George Papadopoulos, declared as 'Papadopoulos'); check the spelling against the sources"
    )


def test_once_per_entity_and_written_form_at_its_first_place() -> None:
    text = (
        "George Papadopoulous, a former campaign adviser, pleaded guilty.\n\n"
        "Papadopoulous and Gates pleaded guilty. Papadopoulous was charged. “Papadopoulous lied "
        "to the FBI,” Mueller said."
    )
    assert variants("dnc-lawsuit-2018", text) == [
        ("george-papadopoulos", "George Papadopoulous", 1, 1),
        ("george-papadopoulos", "Papadopoulous", 3, 1),
    ]


def test_inside_a_quotation() -> None:
    text = "“Papadopoulous lied to the FBI,” Mueller said."
    assert variants("dnc-lawsuit-2018", text) == [("george-papadopoulos", "Papadopoulous", 1, 2)]


@pytest.mark.parametrize(
    ("case", "text"),
    [
        # A surname alone, a first name alone: declared aliases, or a word of a declared name.
        ("dnc-lawsuit-2018", "Papadopoulos and Gates pleaded guilty to making a false statement."),
        ("dnc-lawsuit-2018", "Buschel, a lawyer for Stone, called the suit frivolous."),
        ("cowan-senate-appointment-2013", "He and wife Stacey have two young sons."),
        # A title before a declared name.
        ("comey-memos-2018", "Mr. Comey wrote the memos after meeting Mr. Trump."),
        ("comey-memos-2018", "Former FBI Director James Comey wrote that Trump asked for loyalty."),
        # Possessives.
        ("dnc-lawsuit-2018", "Papadopoulos's plea deal came months before Manafort\u2019s trial."),
        ("comey-memos-2018", "Comey\u2019s memos were sent to Congress on Thursday."),
        # Aliases and declared names.
        ("comey-memos-2018", "His recent book, A Higher Loyalty, repeats much of the memos."),
        ("blumenthal-vietnam-2010", "He spent six months on Parris Island, SC."),
        # A capitalised common phrase at a sentence's start, an adjective of a declared name.
        (
            "dnc-lawsuit-2018",
            "The Democratic National Committee sued. The Democratic lawsuit "
            "names Russian military intelligence.",
        ),
        ("dnc-lawsuit-2018", "Special Counsel investigators have charged four people."),
        ("blumenthal-vietnam-2010", "Attorney General Eric Holder declined to comment."),
        # Another person: a first name that is not a misspelling, a shared surname.
        ("cowan-senate-appointment-2013", "Tom Scott, a Boston lawyer, praised the choice."),
        ("dnc-lawsuit-2018", "Lara Trump and Eric Trump did not respond."),
        ("trump-uk-visit-2018", "Boris Johnson and Woody Johnson both welcomed the visit."),
        # An organisation named in other words, a word with another ending.
        ("pasadena", "Officers of Immigration Customs Enforcement came to Pasadena."),
        ("pasadena", "Agents of Customs and Immigration Enforcement arrived."),
        ("pasadena", "The National Day Laborers Organizing Network objected."),
    ],
)
def test_look_alikes_are_not_name_variants(case: str, text: str) -> None:
    assert variants(case, text) == []
