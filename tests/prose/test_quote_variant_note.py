"""An exact quotation whose statement another source prints otherwise: an info note.

Real sentences of the Trump UK visit case: Number 10's statement as HuffPost UK printed it, and
USA Today's reported-speech version of its last sentence; the draft is Fox's sentence.
"""

from __future__ import annotations

from pathlib import Path

from checker.claims.problems import Severity
from checker.prose.draftcheck import check_draft
from tests.prose.test_quotations import case_of, rows

ENTITIES = {
    "number-10": {
        "name": "Prime Minister's Office (Downing Street)",
        "aliases": ["Downing Street", "10 Downing Street", "Number 10", "A Number 10 spokesperson"],
    },
    "david-lammy": {"name": "David Lammy", "aliases": ["Lammy"]},
}
STATEMENT = (
    "The President of the United States will visit the UK on 13 July. He will hold bilateral"
    " talks with the Prime Minister during his visit. Further details will be set out in due"
    " course."
)
HUFFPOST = f'A Number 10 spokesperson said: "{STATEMENT}"'
USATODAY = (
    "The prime minister's office confirmed that the two leaders would meet one-on-one, but did"
    ' not elaborate on their expected agenda, saying only that "further details would be set'
    ' out in due course."'
)
USATODAY_QUOTE = "further details would be set out in due course."
FOX = (
    '"The President of the United States will visit the UK on 13 July. He will hold bilateral'
    ' talks with the Prime Minister during his visit," 10 Downing Street said in a statement.'
    ' "Further details will be set out in due course."'
)


def test_an_exact_quote_printed_otherwise_elsewhere_is_noted(tmp_path: Path) -> None:
    case = case_of(
        tmp_path,
        ENTITIES,
        {
            "huffpost-uk": (HUFFPOST, [{"speaker": "number-10", "text": STATEMENT}]),
            "usatoday": (USATODAY, [{"speaker": "number-10", "text": USATODAY_QUOTE}]),
        },
    )
    assert rows(case, FOX) == [("quote-variant", "number-10", 1, 178)]
    (finding,) = check_draft(FOX, "draft.md", case).findings
    assert finding.severity is Severity.INFO
    assert finding.message == (
        "draft.md:1:178: “Further details will be set out in due course.” matches huffpost-uk"
        " exactly; usatoday prints this statement as “further details would be set out in due"
        " course”"
    )
    assert [c.source for c in finding.claims] == ["huffpost-uk", "usatoday"]


def test_an_exact_quote_with_no_other_version_is_not_noted(tmp_path: Path) -> None:
    usatoday = (
        "David Lammy reacted on Twitter by asking whether anyone he knew was “good at making"
        " placards,” or signs."
    )
    case = case_of(
        tmp_path,
        ENTITIES,
        {
            "huffpost-uk": (HUFFPOST, [{"speaker": "number-10", "text": STATEMENT}]),
            "usatoday": (
                usatoday, [{"speaker": "david-lammy", "text": "good at making placards,"}]
            ),
        },
    )  # fmt: skip
    assert rows(case, FOX) == []
