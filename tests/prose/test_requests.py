"""A request property ("asked_to_end_flynn_inquiry") read where a request word has its keyword
as its infinitive ("asked him to drop", "his requests for Comey to shut down"), of the name
before the request word. Each draft is a corpus article's sentence, checked against the other
articles' claim files.
"""

from __future__ import annotations

from tests.prose.test_yes_no_text import checked

COMEY = "comey-memos-2018"
PROP = "asked_to_end_flynn_inquiry"


def test_a_request_noun_states_the_request_of_the_name_before_it() -> None:
    draft = (
        "They detail the president\u2019s alleged demands for loyalty from the former director "
        "and his requests for Comey to shut down its investigation into former national "
        "security adviser Michael Flynn.\n"
    )
    rows, facts = checked(COMEY, "usatoday-2018-04-19", draft)
    assert rows == [
        ("disputed", "info", "donald-trump", PROP, ("true", "false", "true"), 1),
    ]  # fmt: skip
    assert facts == [f"{PROP}=true"]


def test_a_recounted_request_is_the_recounter_s_side_and_asked_is_no_speech_verb() -> None:
    draft = (
        "Comey also recounted the moment Trump allegedly asked him to drop any investigation "
        "into Flynn.\n"
    )
    rows, facts = checked(COMEY, "huffpost-2018-04-19", draft)
    # Comey's account, not Trump's own word: no misattribution against Trump's denial, and a
    # note that the draft gives one side of a recorded dispute.
    assert (rows, facts) == (
        [("disputed", "info", "donald-trump", PROP, ("true", "false", "true"), 1)],
        [f"{PROP}=true"],
    )


def test_in_the_drafts_own_voice_a_disputed_request_is_stated_as_fact() -> None:
    draft = "Trump asked Comey to shut down the investigation into Flynn.\n"
    rows, facts = checked(COMEY, "usatoday-2018-04-19", draft)
    assert rows == [
        ("disputed-as-fact", "warning", "donald-trump", PROP, ("true", "false", "true"), 1),
    ]  # fmt: skip
    assert facts == [f"{PROP}=true"]


def test_a_denial_makes_the_request_false_and_the_deniers() -> None:
    draft = "Trump denied asking Comey to shut down the investigation into Flynn.\n"
    rows, facts = checked(COMEY, "usatoday-2018-04-19", draft)
    assert rows == [
        ("disputed", "info", "donald-trump", PROP, ("false", "false", "true"), 1),
    ]  # fmt: skip
    assert facts == [f"{PROP}=false"]


def test_no_request_of_the_keyword_or_a_request_by_someone_else_is_not_read() -> None:
    for draft in (
        "Trump asked a question about the investigation into Flynn.\n",
        "Trump asked a question about the investigation and did not drop it.\n",
        "Comey asked Trump to drop the subject of Flynn.\n",
        "Trump asked Comey about the investigation, and Comey wanted to drop it.\n",
    ):
        rows, facts = checked(COMEY, "usatoday-2018-04-19", draft)
        assert (rows, facts) == ([], []), draft
