"""The five Pasadena seed articles as drafts, each against the other four claim files.

Each article's findings that matter (errors, warnings, and notes of a dispute) are held exactly,
so that a rule that starts flagging a faithful sentence shows up here. The two rules behind the
Pasadena Weekly's date and the Altadena Now agreement are tested on both sides: a relative
clause on a noun is the writer's description, not what the speaker says
(:func:`checker.prose.voice.voice_of`); "the agreement" names the one entity whose name has
that head noun (:mod:`checker.prose.descriptions`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.claims.outcome import Options, Validation
from checker.claims.validation import validate
from checker.compare.report import Report
from checker.prose.attribution import Mention, NameFinder
from checker.prose.descriptions import Descriptions, head_noun
from checker.prose.draftcheck import check_draft
from checker.prose.draftfacts import FactReader
from checker.prose.drafts import read_draft
from checker.prose.voice import voice_of

ROOT = Path(__file__).resolve().parents[2]
PASADENA = ROOT / "claims" / "pasadena-ice-mou"
CLAIM_FILES = sorted(p for p in PASADENA.glob("*.yaml") if p.name != "case.yaml")

#: (severity, kind, subject, property, line, best supported) of each article's findings,
#: other than unverified quotes and unsourced facts (notes that no source carries a fact).
EXPECTED: dict[str, set[tuple[str, str, str | None, str | None, int, str | None]]] = {
    "altadena-now-2025-08-21": {
        ("error", "contradicted", "ppd-ice-mou", "signed_on", 34, "2016-11-15"),
    },
    "kpcc-2017": set(),
    "pasadena-2025-08-oversight": set(),
    "pasadena-now-2017-02-16": {
        ("info", "disputed", "ppd-ice-mou", "in_effect", 1, None),
        ("warning", "disputed-as-fact", "ppd-ice-mou", "signed_on", 9, None),
    },
    "pasadena-weekly-2017-02": {
        ("warning", "disputed-as-fact", "ppd-ice-mou", "signed_on", 3, None),
    },
}


def _left_out(path: Path) -> Report:
    text = (PASADENA / yaml.safe_load(path.read_text())["source"]["text"]).resolve()
    others = validate([p for p in CLAIM_FILES if p != path], Options())
    return check_draft(text.read_text(encoding="utf-8"), str(text), others)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {path.stem: _left_out(path) for path in CLAIM_FILES}


@pytest.fixture(scope="module")
def pasadena() -> Validation:
    return validate([PASADENA], Options())


@pytest.mark.parametrize("article", sorted(EXPECTED))
def test_each_seed_article_has_exactly_the_findings_that_matter(
    reports: dict[str, Report], article: str
) -> None:
    found = {
        (
            f.severity.label,
            f.kind,
            f.subject,
            f.property,
            f.location.line if f.location else 0,
            f.best_supported.normalized if f.best_supported else None,
        )
        for f in reports[article].findings
        if f.kind not in ("unverified-quote", "unsourced")
    }
    assert found == EXPECTED[article]


def test_a_relative_clause_in_what_activists_say_is_the_writer_s_own_date(
    reports: dict[str, Report],
) -> None:
    # "Activists say their concerns stem from a memorandum ... which was signed ... on Nov. 15":
    # the writer dates the memorandum, in its own voice, against a disputed date.
    weekly = reports["pasadena-weekly-2017-02"]
    (finding,) = [f for f in weekly.findings if f.property == "signed_on"]
    assert "2016-11-15" in finding.message and "Nov. 15" in finding.message


SENTENCE = (
    "Activists say their concerns stem from a memorandum which was signed by Sanchez on Nov. 15."
)


def _span(prose: str, words: str) -> tuple[int, int]:
    start = prose.index(words)
    return start, start + len(words)


def _mentions(pasadena: Validation, prose: str) -> list[Mention]:
    return NameFinder(pasadena.models[0].case).find(prose)


@pytest.mark.parametrize(
    ("prose", "fact", "attributed"),
    [
        (SENTENCE, "Nov. 15", False),
        # The speaker's again past the relative clause: its second verb group is the main one.
        (
            "Activists say the memorandum which was signed by Sanchez is in effect.",
            "in effect",
            True,
        ),
        # A break ends the relative clause.
        (
            "Mermell said the agreement, which he had not executed, was never in effect.",
            "never in effect",
            True,
        ),
        # A speech verb inside the clause speaks for it.
        (
            "Activists say the memorandum, which Kice said was signed on Nov. 16, is void.",
            "Nov. 16",
            True,
        ),
        # "asked who" asks what is said, it describes no noun.
        ("Activists asked who signed it on Nov. 15.", "Nov. 15", True),
        # "That" opens what is said as often as it describes: it stays the speaker's.
        ("Activists say the memorandum that was signed on Nov. 15 is void.", "Nov. 15", True),
        # After the fact, the attribution spares a clause set off by a comma only.
        ("The MOU, which was signed on Nov. 15, is in effect, Kice said.", "Nov. 15", False),
        ("The MOU, which was signed on Nov. 15, is in effect, Kice said.", "in effect", True),
        ("The MOU which was signed on Nov. 15 is in effect, Kice said.", "Nov. 15", True),
        # "According to" is attribution as well.
        (
            "According to Kice, the MOU, which was signed on Nov. 15, is in effect.",
            "Nov. 15",
            False,
        ),
        ("According to Kice, the MOU was signed on Nov. 15.", "Nov. 15", True),
    ],
)
def test_a_speaker_governs_what_is_said_not_a_relative_clause_on_a_noun(
    pasadena: Validation, prose: str, fact: str, attributed: bool
) -> None:
    voice = voice_of(prose, _mentions(pasadena, prose), _span(prose, fact))
    assert voice.attributed is attributed


def test_a_name_s_head_noun_is_a_common_noun_as_the_case_writes_it() -> None:
    assert head_noun("ICE-Pasadena Police Department agreement") == "agreement"
    assert head_noun("287(g) agreements") == "agreements"
    assert head_noun("Chief Gene Harris's request to ICE to be told") == "request"
    # A capitalized head is part of a proper name that other places share.
    assert head_noun("City of Pasadena") is None
    assert head_noun("State of Florida") is None
    assert head_noun("United States") is None


def test_the_agreement_names_the_one_entity_whose_head_noun_it_is(pasadena: Validation) -> None:
    descriptions = Descriptions(pasadena.models[0].case)
    prose = "City officials said the agreement was never actually in effect."
    assert [m.entity for m in descriptions.find(prose, [])] == ["ppd-ice-mou"]
    assert [m.entity for m in descriptions.find("The contract lapsed.", [])] == ["ppd-ice-mou"]
    # A plural is another kind; a capitalized noun is part of a name; a head that two groups
    # share ("Pasadena city officials", "ICE officials") names neither.
    plural = descriptions.find("Enacted in 1996, the agreements are a partnership.", [])
    assert [m.entity for m in plural] == ["program-287g"]  # "287(g) agreements"
    assert descriptions.find("the city officials in Camden decided", []) == []
    assert descriptions.find("the officials said it was void", []) == []
    assert descriptions.find("the Agreement of 1998", []) == []


def test_a_description_inside_a_name_is_not_read_again(pasadena: Validation) -> None:
    descriptions = Descriptions(pasadena.models[0].case)
    prose = "He spoke of the ICE-Pasadena Police Department agreement."
    assert descriptions.find(prose, _mentions(pasadena, prose)) == []


def test_a_description_is_a_subject_never_a_speaker(pasadena: Validation) -> None:
    # "the agreement" stands right before "claimed": the fact is of it, but it claims nothing.
    model = pasadena.models[0]
    draft = read_draft(
        "Homeland Security officials acknowledged the agreement had been canceled but claimed"
        " it was active earlier.\n"
    )
    facts = FactReader(model, NameFinder(model.case)).read(draft)
    (active,) = [f for f in facts if f.property == "in_effect"]
    assert active.subject == "ppd-ice-mou" and active.attributed
    assert active.speaker != "ppd-ice-mou"
