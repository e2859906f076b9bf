"""Role titles read as yes/no facts of the name they stand by ("former WWE wrestling executive
Linda McMahon", "McMahon, the CEO of ..."), and a verb a property declares in two inflections
read in its other forms ("does not name Trump"). Each draft is a corpus article's sentence,
checked against the other articles' claim files.
"""

from __future__ import annotations

from tests.prose.test_yes_no_text import checked

VIETNAM = "blumenthal-vietnam-2010"
DNC = "dnc-lawsuit-2018"


def test_former_before_a_name_says_the_title_is_no_longer_held() -> None:
    draft = (
        "Blumenthal will face the winner of the GOP primary on August 10 - either former Cong. "
        "Rob Simmons, himself a Vietnam vet, or former WWE wrestling executive Linda McMahon.\n"
    )
    rows, facts = checked(VIETNAM, "fox-2010-05-18", draft)
    assert rows == [
        ("contradicted", "error", "linda-mcmahon", "is_wwe_ceo", ("false", "true"), 1),
    ]  # fmt: skip
    assert facts == ["is_wwe_ceo=false"]


def test_an_appositive_title_says_it_is_held() -> None:
    draft = (
        "McMahon, the CEO of World Wrestling Entertainment, is one of the Republican Senate "
        "candidates running to face Blumenthal in November.\n"
    )
    rows, facts = checked(VIETNAM, "huffpost-2010-05-18", draft)
    assert rows == [
        ("contradicted", "error", "linda-mcmahon", "is_wwe_ceo", ("true", "false"), 1),
    ]  # fmt: skip
    assert facts == ["is_wwe_ceo=true"]


def test_ex_before_a_title_says_it_is_no_longer_held() -> None:
    rows, facts = checked(VIETNAM, "fox-2010-05-18", "The ex-CEO Linda McMahon spoke.\n")
    assert facts == ["is_wwe_ceo=false"]
    assert [r[:4] for r in rows] == [("contradicted", "error", "linda-mcmahon", "is_wwe_ceo")]


def test_a_title_of_another_person_beside_the_subject_is_not_hers() -> None:
    for draft in (
        "Rob Simmons, the former CEO of a bank, will face Linda McMahon in August.\n",
        "Blumenthal met CEO Vince McMahon and Linda McMahon in August.\n",
    ):
        rows, facts = checked(VIETNAM, "huffpost-2010-05-18", draft)
        assert (rows, facts) == ([], []), draft


def test_former_of_another_role_does_not_end_the_title() -> None:
    draft = "Former Cong. Rob Simmons and CEO Linda McMahon will debate in August.\n"
    rows, facts = checked(VIETNAM, "fox-2010-05-18", draft)
    assert (rows, facts) == ([], ["is_wwe_ceo=true"])


def test_a_title_in_a_quotation_is_the_speakers() -> None:
    draft = 'Rennie called her "the former WWE wrestling executive Linda McMahon" on his blog.\n'
    rows, facts = checked(VIETNAM, "huffpost-2010-05-18", draft)
    assert (rows, facts) == ([], [])


def test_a_declared_verb_is_read_in_its_other_forms() -> None:
    draft = (
        "According to the Washington Post, who first reported the DNC's lawsuit, it does not "
        "name Trump as a defendant.\n"
    )
    rows, facts = checked(DNC, "breitbart-2018-04-20", draft)
    assert (rows, facts) == ([], ["named_defendant=false"])


def test_a_declared_verb_without_a_name_after_it_is_not_read() -> None:
    draft = "The names of the defendants were not made public by Trump.\n"
    rows, facts = checked(DNC, "breitbart-2018-04-20", draft)
    assert (rows, facts) == ([], [])
