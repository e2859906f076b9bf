"""Disputes a draft reports clause by clause: each clause's own speaker, a subject's own denial
as that speaker's side (info, never the draft's contradiction), "disputed" as a denial, and a
speaker that is a person or body, never the thing the statement is about. Sentences are corpus
and seed excerpts; each case is checked without the claim file of the article quoted, as the
benchmark does.
"""

from __future__ import annotations

from pathlib import Path

from checker.claims.outcome import Options, Validation
from checker.claims.validation import validate
from checker.compare.comparison import compare_claims
from checker.prose.attribution import NameFinder
from checker.prose.draftfacts import DraftFact, FactReader
from checker.prose.drafts import read_draft
from checker.prose.factcheck import FactChecker

ROOT = Path(__file__).resolve().parents[2]
PASADENA = ROOT / "claims" / "pasadena-ice-mou"
CORPUS = ROOT.parent / "shared" / "corpus" / "cases"

Row = tuple[str, str, str | None, str | None, tuple[str, ...], int, int]


def without(case: Path, source_file: str) -> Validation:
    """The case's claim files but one: the article the draft's sentence comes from."""
    files = [p for p in sorted(case.iterdir()) if p.suffix == ".yaml" and p.name != "case.yaml"]
    return validate([p for p in files if p.name != source_file], Options())


def facts_of(validation: Validation, draft: str) -> list[DraftFact]:
    model = validation.models[0]
    return FactReader(model, NameFinder(model.case)).read(read_draft(draft))


def findings(validation: Validation, draft: str) -> list[Row]:
    model = validation.models[0]
    judge = FactChecker(model, compare_claims(model).findings, "draft.md")
    out = []
    for f in judge.check_all(facts_of(validation, draft)):
        assert f.location is not None
        values = tuple(sorted({c.normalized for c in f.claims}))
        row = (f.kind, f.severity.label, f.subject, f.property, values, f.location.line,
               f.location.column)  # fmt: skip
        out.append(row)
    return out


DNC = CORPUS / "dnc-lawsuit-2018"
MOSCOW = (
    "Trump has repeatedly denied his campaign colluded with Russia and Moscow has denied "
    "meddling in the election."
)


def test_each_clause_has_its_own_speaker() -> None:
    facts = facts_of(without(DNC, "huffpost-reuters-2018-04-20.yaml"), MOSCOW)
    said = {(f.subject, f.property, f.value.normalized, f.speaker) for f in facts}
    assert ("russia", "meddled_in_election", "false", "russia") in said
    assert not any(f.property == "meddled_in_election" and f.speaker == "donald-trump"
                   for f in facts)  # fmt: skip


def test_a_subject_s_own_denial_is_its_side_against_the_sources() -> None:
    """Moscow denies; USA Today has U.S. intelligence say it meddled: one side, noted (info)."""
    rows = findings(without(DNC, "huffpost-reuters-2018-04-20.yaml"), MOSCOW)
    assert ("disputed", "info", "russia", "meddled_in_election", ("true",), 1, 74) in rows
    assert all(r[1] == "info" for r in rows)


def test_disputed_is_a_denial_and_never_the_draft_s_contradiction() -> None:
    comey = without(CORPUS / "comey-memos-2018", "nyt-2018-04-19.yaml")
    draft = (
        "Mr. Trump has disputed some parts, including asking Mr. Comey to shut down an "
        "investigation into Mr. Flynn."
    )
    facts = [f for f in facts_of(comey, draft) if f.property == "asked_to_end_flynn_inquiry"]
    assert [(f.value.normalized, f.speaker) for f in facts] == [("false", "donald-trump")]
    rows = findings(comey, draft)
    assert rows == [
        ("disputed", "info", "donald-trump", "asked_to_end_flynn_inquiry", ("true",), 1, 57)
    ]


def test_the_thing_spoken_of_is_never_the_speaker() -> None:
    """In "said the MOU was", the MOU is what is said; the unnamed "city officials" are the
    case's declared group of that name."""
    pasadena = validate([PASADENA])
    facts = facts_of(pasadena, "City officials said the MOU was never in effect.")
    assert [(f.subject, f.property, f.speaker) for f in facts] == [
        ("ppd-ice-mou", "in_effect", "city-officials")
    ]


def test_a_bare_plural_names_no_group() -> None:
    pasadena = validate([PASADENA])
    facts = facts_of(pasadena, "Officials said the MOU was never in effect.")
    assert [(f.subject, f.speaker) for f in facts] == [("ppd-ice-mou", None)]


def test_no_note_for_a_speaker_who_is_not_the_subject_without_a_recorded_dispute() -> None:
    """Another's word on the subject, with no dispute on record, stays that speaker's affair."""
    rows = findings(
        without(DNC, "huffpost-reuters-2018-04-20.yaml"),
        "Trump said Moscow never meddled in the election.",
    )
    assert not [r for r in rows if r[3] == "meddled_in_election"]
