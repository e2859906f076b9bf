"""Yes/no and text values read from real sentences: polarity by structure (a holding verb, a
"no" that opens the keyword, "unlikely" as a hedged denial), and a text value read where the
matched excerpt holds its own ("campaign manager" where the sources print "campaign chairman").
Each draft is one corpus article's sentence, checked against the other articles' claim files.
"""

from __future__ import annotations

from pathlib import Path

from checker.claims.validation import validate
from checker.compare.comparison import compare_claims
from checker.prose.attribution import NameFinder
from checker.prose.draftfacts import FactReader
from checker.prose.drafts import read_draft
from checker.prose.factcheck import FactChecker

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "cases"

Row = tuple[str, str, str | None, str | None, tuple[str, ...], int]


def checked(case: str, leave_out: str, draft: str) -> tuple[list[Row], list[str]]:
    """The findings of a draft against a case without one article's claim file, with each
    finding's values (the draft's first), and the values the draft's facts were read as."""
    files = [p for p in sorted((CORPUS / case).glob("*.yaml")) if p.stem != leave_out]
    model = validate(files).models[0]
    facts = FactReader(model, NameFinder(model.case)).read(read_draft(draft))
    judge = FactChecker(model, compare_claims(model).findings, "draft.md")
    rows = []
    for f in judge.check_all(facts):
        assert f.location is not None
        said = f.message.split(" = ", 1)[1].split(" (", 1)[0]
        values = (said, *sorted({c.normalized for c in f.claims}))
        rows.append((f.kind, f.severity.label, f.subject, f.property, values, f.location.line))
    return rows, [f"{f.property}={f.value.normalized}" for f in facts]


COMEY = "comey-memos-2018"
DNC = "dnc-lawsuit-2018"
UK = "trump-uk-visit-2018"


def test_a_keyword_that_opens_with_no_denies_what_the_memos_hold() -> None:
    draft = (
        "The memos, which contain no notable information that Comey hasn\u2019t already discussed "
        "in congressional testimony or his new memoir, were leaked late Thursday.\n"
    )
    rows, _ = checked(COMEY, "huffpost-2018-04-19", draft)
    assert rows == [
        ("contradicted", "error", "comey-memos", "has_undisclosed_details",
         ("false", "true"), 1),
    ]  # fmt: skip


def test_a_not_inside_the_keyword_describes_what_is_held() -> None:
    draft = (
        "The 15 pages of Comey\u2019s memos include details not included in the former FBI "
        "director\u2019s book.\n"
    )
    rows, _ = checked(COMEY, "breitbart-2018-04-19", draft)
    assert rows == [
        ("disputed-as-fact", "warning", "comey-memos", "has_undisclosed_details",
         ("true", "false", "true"), 1),
    ]  # fmt: skip


def test_unlikely_is_a_hedged_no_not_a_yes() -> None:
    draft = (
        "Because Trump's visit will not be a state one, it means he is unlikely to meet Queen "
        "Elizabeth II, visit Buckingham Palace or take part in other official ceremonies.\n"
    )
    rows, facts = checked(UK, "usatoday-2018-04-26", draft)
    assert "includes_queen_meeting=true" not in facts
    assert rows == [
        ("contradicted", "warning", "trump-uk-visit", "includes_queen_meeting",  # hedged: a warning
         ("false", "true"), 1),
    ]  # fmt: skip


def test_a_negation_in_another_clause_does_not_turn_the_statement() -> None:
    # "will not be a state one" is its own clause: the queen's clause is read alone.
    draft = (
        "Because Trump's visit will not be a state one, it means he is likely to meet Queen "
        "Elizabeth II, visit Buckingham Palace or take part in other official ceremonies.\n"
    )
    _, facts = checked(UK, "usatoday-2018-04-26", draft)
    assert facts == ["includes_queen_meeting=true"]


def test_a_hedged_prediction_is_not_read_by_keyword_as_a_plain_yes() -> None:
    draft = "He is expected to shake hands with Prime Minister Theresa May and to meet the queen.\n"
    rows, facts = checked(UK, "nyt-2018-04-27", draft)
    assert rows == [] and "includes_queen_meeting=true" not in facts


def test_campaign_manager_is_not_campaign_chairman() -> None:
    draft = (
        "Other individual defendants include Trump's former campaign manager Paul Manafort, "
        "Jr., former campaign adviser George Papadopoulos.\n"
    )
    rows, _ = checked(DNC, "usatoday-2018-04-20", draft)
    assert rows == [
        ("contradicted", "error", "paul-manafort", "campaign_role",
         ("campaign manager", "campaign chairman"), 1),
    ]  # fmt: skip


def test_campaign_chair_and_a_former_chairman_agree_with_chairman() -> None:
    for draft, read in (
        ("The suit names Jared Kushner, campaign chair Paul Manafort and Rick Gates.\n",
         "campaign chair"),
        ("Defendants include former campaign chairman Paul Manafort.\n", "campaign chairman"),
    ):  # fmt: skip
        rows, facts = checked(DNC, "usatoday-2018-04-20", draft)
        assert rows == [] and f"campaign_role={read}" in facts


def test_a_paraphrase_of_the_role_is_not_read() -> None:
    # Not every word around the value is the excerpt's: no text value is read, no conflict.
    draft = "Manafort, who ran the campaign for a few months in 2016, has been indicted.\n"
    rows, facts = checked(DNC, "usatoday-2018-04-20", draft)
    assert rows == [] and not any(f.startswith("campaign_role=") for f in facts)
