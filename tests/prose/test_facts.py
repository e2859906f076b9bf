"""Facts read from real sentences: claim matching, values in context, voice, false readings.

The sentences are excerpts of the seed and corpus articles (or close rewrites of them). A
draft is checked leave-one-out where the sentence comes from a source of the case: against the
case without that source's claim file, as the measuring script does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker.claims.outcome import Validation
from checker.claims.validation import validate
from checker.prose.attribution import NameFinder
from checker.prose.draftcheck import check_draft
from checker.prose.draftfacts import FactReader
from checker.prose.drafts import read_draft

ROOT = Path(__file__).resolve().parents[2]
PASADENA = ROOT / "claims" / "pasadena-ice-mou"
CORPUS = ROOT.parent / "shared" / "corpus" / "cases"

Fact = tuple[str, str, str, int, int]


def without(case: Path, source_file: str, tmp: Path) -> Validation:
    """The case without one claim file, its other files' text paths made absolute."""
    folder = tmp / case.name
    folder.mkdir()
    shutil.copy(case / "case.yaml", folder / "case.yaml")
    for path in case.glob("*.yaml"):
        if path.name in ("case.yaml", source_file):
            continue
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^(\s+text:\s*)(\S+\.txt)\s*$", text, re.M)
        if found:
            target = str((path.parent / found.group(2)).resolve())
            text = text[: found.start(2)] + target + text[found.end(2) :]
        (folder / path.name).write_text(text, encoding="utf-8")
    result = validate([folder])
    assert result.blocking == []
    return result


def facts(validation: Validation, draft: str) -> list[Fact]:
    model = validation.models[0]
    read = FactReader(model, NameFinder(model.case)).read(read_draft(draft))
    return [(f.subject, f.property, f.value.normalized, f.line, f.column) for f in read]


def findings(validation: Validation, draft: str) -> list[tuple[str, str | None, str | None]]:
    report = check_draft(draft, "draft.md", validation)
    return [(f.kind, f.subject, f.property) for f in report.findings]


@pytest.fixture(scope="module")
def pasadena() -> Validation:
    return validate([PASADENA])


def corpus(event: str) -> Validation:
    if not (CORPUS / event).is_dir():
        pytest.skip("the shared corpus is not here")
    return validate([CORPUS / event])


ALTADENA = (
    "The long-standing reimbursement arrangement between the Pasadena Police and ICE, signed by "
    "Police Chief Phillip Sanchez on November 16, 2016, in a Memorandum of Understanding "
    "renewal agreement, mandated that the Pasadena Police Department must assist federal "
    "immigration authorities."
)


# -- claim matching, not keywords ---------------------------------------------------------------


def test_the_seed_s_wrong_signing_day_is_contradicted(tmp_path: Path) -> None:
    # No declared name of the MOU in the sentence: it is matched by the sources' excerpts.
    validation = without(PASADENA, "altadena-now-2025-08-21.yaml", tmp_path)
    report = check_draft(ALTADENA, "draft.md", validation)
    (finding,) = [f for f in report.findings if f.property == "signed_on"]
    assert (finding.kind, finding.severity.label, finding.subject) == (
        "contradicted",
        "error",
        "ppd-ice-mou",
    )
    assert finding.location is not None
    assert (finding.location.line, finding.location.column) == (1, 124)
    assert finding.values == ("2016-11", "2016-11-15")
    assert finding.best_supported is not None
    assert finding.best_supported.normalized == "2016-11-15"
    assert "best supported: 2016-11-15" in finding.message


def test_a_month_claim_does_not_save_a_wrong_day(tmp_path: Path) -> None:
    # Sanchez's "in [November] 2016" agrees with the 16th only because it cannot tell the day.
    validation = without(PASADENA, "altadena-now-2025-08-21.yaml", tmp_path)
    assert findings(validation, "The MOU was signed in November 2016.") == []
    assert findings(validation, "The MOU was signed on November 16, 2016.") == [
        ("contradicted", "ppd-ice-mou", "signed_on")
    ]


def test_the_right_day_in_other_words_raises_nothing(tmp_path: Path) -> None:
    validation = without(PASADENA, "altadena-now-2025-08-21.yaml", tmp_path)
    draft = ALTADENA.replace("November 16", "November 15")
    assert facts(validation, draft)[0] == ("ppd-ice-mou", "signed_on", "2016-11-15", 1, 124)
    assert [f for f in findings(validation, draft) if f[2] == "signed_on"] == []


def test_a_bare_year_where_the_excerpt_has_a_date_is_read() -> None:
    validation = corpus("cowan-senate-appointment-2013")
    assert ("edward-brooke", "took_office", "1967", 1, 20) in facts(
        validation, "Brooke served from 1967 to 1979."
    )


# -- values in context --------------------------------------------------------------------------


def test_not_officially_declared_is_false(pasadena: Validation) -> None:
    sentence = "Pasadena has not been officially declared a sanctuary city."
    assert facts(pasadena, sentence) == [("city-of-pasadena", "sanctuary_city", "false", 1, 1)]
    assert findings(pasadena, sentence) == []


def test_declared_a_sanctuary_city_is_contradicted(pasadena: Validation) -> None:
    sentence = "Pasadena has been officially declared a sanctuary city."
    assert findings(pasadena, sentence) == [("contradicted", "city-of-pasadena", "sanctuary_city")]


def test_made_public_is_not_should_have_been_made_public(pasadena: Validation) -> None:
    assert facts(pasadena, "The MOU was made public after a records request.") == []


def test_a_denial_turns_the_statement_over_and_is_the_speaker_s(pasadena: Validation) -> None:
    sentence = "Homeland Security officials denied that the agreement was ever in effect."
    model = pasadena.models[0]
    (fact,) = FactReader(model, NameFinder(model.case)).read(read_draft(sentence))
    assert (fact.property, fact.value.normalized, fact.speaker) == (
        "in_effect",
        "false",
        "dhs-officials",
    )


def test_an_age_belongs_to_the_person_beside_it() -> None:
    validation = corpus("cowan-senate-appointment-2013")
    read = facts(validation, "Cowan, 43, is a former chief of staff to Patrick, 56.")
    assert [f for f in read if f[1] == "age"] == [("mo-cowan", "age", "43", 1, 8)]


def test_a_year_before_a_noun_is_not_a_count(pasadena: Validation) -> None:
    assert [
        f for f in facts(pasadena, "The 2016 agreement covered 50 agencies.") if "2016" in f[2]
    ] == []


def test_a_negation_in_another_clause_does_not_negate() -> None:
    validation = corpus("cowan-senate-appointment-2013")
    sentence = (
        "Mr. Cowan, who usually wears a bow tie but opted not to for this occasion, is a former "
        "chief of staff and chief legal counsel to Mr. Patrick."
    )
    assert [f for f in facts(validation, sentence) if f[1] == "former_chief_of_staff"] == [
        ("mo-cowan", "former_chief_of_staff", "true", 1, 76)
    ]


def test_a_statement_is_about_whom_its_clause_names() -> None:
    validation = corpus("dnc-lawsuit-2018")
    sentence = (
        "Mr. Manafort has been indicted by the special counsel, while Mr. Gates and "
        "Mr. Papadopoulos have both pleaded guilty to different charges."
    )
    assert ("paul-manafort", "pleaded_guilty", "true") not in [
        f[:3] for f in facts(validation, sentence)
    ]


# -- voice --------------------------------------------------------------------------------------


def test_a_speaker_s_words_misreported_are_a_misattribution(pasadena: Validation) -> None:
    assert findings(pasadena, "Kice said the MOU was never in effect.") == [
        ("misattribution", "ppd-ice-mou", "in_effect")
    ]


def test_a_speaker_s_value_is_never_the_draft_s_contradiction(pasadena: Validation) -> None:
    assert findings(pasadena, "Kice said the MOU was signed on Dec. 15, 2016.") == []


def test_a_hedged_fact_is_not_stated_as_fact(pasadena: Validation) -> None:
    assert findings(pasadena, "The MOU was reportedly never in effect.") == []
