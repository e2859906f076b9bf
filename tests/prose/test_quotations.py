"""The quotation side of the pre-publication check on real sentences of the corpus.

Each test builds a small case from excerpts of real articles (a sentence or two of each outlet,
its quotes recorded as the outlet printed them) and checks a draft sentence from another
article, asserting the exact findings: kind, subject (the speaker), and the draft's line and
column. Half of them are patterns that must not fire.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from checker.claims.outcome import Validation
from checker.claims.validation import validate
from checker.prose.attribution import NameFinder, attribute
from checker.prose.draftcheck import check_draft
from checker.prose.drafts import is_term, read_draft

Row = tuple[str, str | None, int, int]


def case_of(
    tmp_path: Path, entities: dict[str, Any], sources: dict[str, tuple[str, list[dict[str, Any]]]]
) -> Validation:
    """A case of ``sources``: id to (the article's text, its recorded quotes)."""
    case = {"format": "case/1", "id": "quotations", "entities": entities, "properties": {}}
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    for source, (text, quotes) in sources.items():
        (tmp_path / f"{source}.txt").write_text(text, encoding="utf-8")
        document = {
            "format": "claims/1",
            "source": {"id": source, "outlet": source, "text": f"{source}.txt"},
            "claims": [],
            "quotes": [{"id": f"q{n}", **q} for n, q in enumerate(quotes)],
        }
        (tmp_path / f"{source}.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True), encoding="utf-8"
        )
    result = validate([tmp_path])
    assert result.blocking == [], [p.render() for p in result.blocking]
    return result


def rows(case: Validation, draft: str) -> list[Row]:
    """The quotation findings on a draft as (kind, subject, line, column)."""
    report = check_draft(draft, "draft.md", case)
    out = []
    for finding in report.findings:
        assert finding.location is not None
        out.append((finding.kind, finding.subject, finding.location.line, finding.location.column))
    return out


# -- the DNC lawsuit: a document speaks, its plaintiff's statement is another one ---------------

DNC_ENTITIES = {
    "dnc": {"name": "Democratic National Committee", "aliases": ["DNC"]},
    "dnc-lawsuit": {"name": "DNC lawsuit", "aliases": ["the suit"], "affiliation": "dnc"},
    "tom-perez": {"name": "Tom Perez", "aliases": ["Perez"], "affiliation": "dnc"},
}
PEREZ = (
    "This constituted an act of unprecedented treachery: the campaign of a nominee for President"
    " of the United States in league with a hostile foreign power to bolster its own chance to"
    " win the presidency,"
)
LAWSUIT = (
    "The conspiracy constituted an act of previously unimaginable treachery: the campaign of the"
    " presidential nominee of a major party in league with a hostile foreign power to bolster its"
    " own chance to win the Presidency"
)


def test_a_document_s_words_are_not_its_plaintiff_s_statement_misquoted(tmp_path: Path) -> None:
    text = f"“{PEREZ}” DNC Chair Tom Perez said in a statement."
    case = case_of(
        tmp_path, DNC_ENTITIES, {"usatoday": (text, [{"speaker": "tom-perez", "text": PEREZ}])}
    )
    draft = f"Intro.\n\n“{LAWSUIT},” the suit states."
    # Fox prints the complaint's sentence; USA Today, Perez's like one: two statements.
    assert rows(case, draft) == [("unverified-quote", "dnc-lawsuit", 3, 1)]


# -- fragments: a full quote holds another outlet's piece of it ---------------------------------


def test_a_full_quote_is_not_a_misquote_of_another_outlet_s_fragment(tmp_path: Path) -> None:
    usatoday = (
        "David Lammy reacted on Twitter by asking whether anyone he knew was “good at making"
        " placards,” or signs."
    )
    quotes = [{"speaker": "david-lammy", "text": "good at making placards,"}]
    entities = {"david-lammy": {"name": "David Lammy", "aliases": ["Lammy"]}}
    case = case_of(tmp_path, entities, {"usatoday": (usatoday, quotes)})
    draft = "Labour MP David Lammy asked: “Anybody any good at making placards?”"
    assert rows(case, draft) == []
    # ... but the words are still checked for their speaker.
    entities["sadiq-khan"] = {"name": "Sadiq Khan", "aliases": ["Khan"]}
    case = case_of(tmp_path, entities, {"usatoday": (usatoday, quotes)})
    assert rows(case, "Sadiq Khan asked: “Anybody any good at making placards?”") == [
        ("wrong-speaker", "sadiq-khan", 1, 19)
    ]


def test_a_quote_holding_a_source_s_quotation_is_a_match(tmp_path: Path) -> None:
    nyt = (
        "While Mr. Comey “went to great lengths to set dining room scenes, discuss height"
        " requirements, he never once mentioned the most relevant fact of all,” they wrote."
    )
    case = case_of(tmp_path, {"james-comey": {"name": "James Comey"}}, {"nyt": (nyt, [])})
    draft = (
        "“While former Director Comey went to great lengths to set dining room scenes, discuss"
        " height requirements, he never once mentioned the most relevant fact of all.”"
    )
    assert rows(case, draft) == []


def test_a_full_statement_worded_otherwise_is_still_a_misquote(tmp_path: Path) -> None:
    nyt = "“Tom Brady, George Clooney, James Bond and the president have nothing on Mo,” he said."
    quotes = [
        {"speaker": "tim-murray", "text": "Tom Brady, George Clooney, James Bond and the president"
         " have nothing on Mo,"},
        {"speaker": "tim-murray", "text": "have nothing on Mo,"},
    ]  # fmt: skip
    entities = {"tim-murray": {"name": "Tim Murray", "aliases": ["Murray"]}}
    case = case_of(tmp_path, entities, {"nyt": (nyt, quotes)})
    draft = (
        "“Tom Brady, George Clooney, James Bond, the president have nothing on Mo,” Murray said."
    )
    assert rows(case, draft) == [("misquote", "tim-murray", 1, 1)]


# -- two statements of one person ---------------------------------------------------------------


def test_a_different_statement_of_the_same_speaker_is_not_a_misquote(tmp_path: Path) -> None:
    fox = (
        "“If there was some satellite that did something, it would be good to find that out, but"
        " that he hadn't done anything,” Comey recalled."
    )
    entities = {"donald-trump": {"name": "Donald Trump", "aliases": ["Trump", "Mr. Trump"]}}
    case = case_of(tmp_path, entities, {"fox": (fox, [])})
    draft = (
        "This time, he wrote that Mr. Trump told him that Mr. Flynn"
        " “hadn\u2019t done anything wrong” in calling the Russians."
    )
    assert rows(case, draft) == [("unverified-quote", "donald-trump", 1, 60)]


# -- speakers -----------------------------------------------------------------------------------

SEED = (
    "“287(g) agreements undermine public safety by pitting local law enforcement against"
    " immigrant communities,” said Mike Brickner, executive director of the ACLU of Delaware."
    " “These agreements have shown to also lead to race profiling.”\n"
    "The long-standing reimbursement arrangement between the Pasadena Police and ICE mandated"
    " that the Pasadena Police Department must assist federal immigration authorities with"
    " “any investigation or joint operation” within the City\u2019s borders.\n"
)


def test_a_document_s_words_are_not_credited_to_a_person_quoted_earlier(tmp_path: Path) -> None:
    entities = {
        "mike-brickner": {"name": "Mike Brickner", "aliases": ["Brickner"]},
        "ppd-ice-mou": {"name": "Memorandum of Understanding", "aliases": ["the agreement"]},
    }
    kpcc = "The agreement calls for help with “any investigation or joint operation” by ICE."
    quotes = [{"speaker": "ppd-ice-mou", "text": "any investigation or joint operation"}]
    case = case_of(tmp_path, entities, {"kpcc": (kpcc, quotes)})
    assert rows(case, SEED) == [
        ("unverified-quote", "mike-brickner", 1, 1),
        ("unverified-quote", "mike-brickner", 1, 173),
    ]
    draft = read_draft(SEED)
    speakers = [(q.speaker, q.how) for q in attribute(draft, NameFinder(case.models[0].case))]
    assert speakers == [("mike-brickner", "named"), ("mike-brickner", "continued"), (None, None)]


COMEY_ENTITIES = {
    "james-comey": {"name": "James Comey", "aliases": ["Comey", "Mr. Comey"]},
    "donald-trump": {"name": "Donald Trump", "aliases": ["Trump"]},
    "gop-chairmen": {
        "name": "Reps. Goodlatte, Gowdy and Nunes",
        "aliases": ["the three Republican chairmen", "Goodlatte, Gowdy and Nunes"],
        "group": True,
    },
    "devin-nunes": {"name": "Devin Nunes", "aliases": ["Nunes"], "affiliation": "gop-chairmen"},
}
BREITBART = (
    "“Former Director Comey never wrote that he felt obstructed or threatened,” read a joint"
    " statement."
)


def test_a_member_may_be_credited_with_his_group_s_statement(tmp_path: Path) -> None:
    quotes = [
        {"speaker": "gop-chairmen", "text": "never wrote that he felt obstructed or threatened,"}
    ]
    case = case_of(tmp_path, COMEY_ENTITIES, {"breitbart": (BREITBART, quotes)})
    joint = "Goodlatte, Gowdy and Nunes noted that Comey “never wrote that he felt obstructed.”"
    (quoted,) = attribute(read_draft(joint), NameFinder(case.models[0].case))
    assert (quoted.speaker, quoted.written) == ("gop-chairmen", "Goodlatte, Gowdy and Nunes")
    draft = "Nunes noted that Comey “never wrote that he felt obstructed or threatened,”"
    assert rows(case, draft) == []
    draft = "Trump noted that Comey “never wrote that he felt obstructed or threatened,”"
    assert rows(case, draft) == [("wrong-speaker", "donald-trump", 1, 24)]


def test_they_is_the_group_not_the_person_they_speak_of(tmp_path: Path) -> None:
    case = case_of(tmp_path, COMEY_ENTITIES, {"breitbart": (BREITBART, [])})
    draft = read_draft(
        "The three Republican chairmen issued a joint statement taking aim at Mr. Comey.\n\n"
        "While Mr. Comey “went to great lengths to set dining room scenes,” they wrote."
    )
    speakers = {"gop-chairmen", "james-comey"}
    (quoted,) = attribute(draft, NameFinder(case.models[0].case), speakers)
    assert (quoted.speaker, quoted.how) == ("gop-chairmen", "pronoun")


def test_words_in_nested_quotes_are_not_the_recorder_s(tmp_path: Path) -> None:
    huffpost = (
        "“He then returned to loyalty, saying \u2018I need loyalty.\u2019 I replied that he would"
        " always get honesty from me.”"
    )
    quotes = [{"speaker": "james-comey", "text": huffpost.strip("“”")}]
    case = case_of(tmp_path, COMEY_ENTITIES, {"huffpost": (huffpost, quotes)})
    draft = "At a later point, Comey wrote that Trump told him directly, “I need loyalty.”"
    assert rows(case, draft) == []


# -- words set apart, not quoted ----------------------------------------------------------------


def test_nicknames_titles_and_scare_quotes_are_not_checked(tmp_path: Path) -> None:
    case = case_of(tmp_path, COMEY_ENTITIES, {"breitbart": (BREITBART, [])})
    draft = (
        "Councilmember Elbie “Skip” Hickambottom spoke. Comey's book, “A Higher Loyalty: Truth,"
        " Lies, and Leadership,” is out. Trump called it “pathetic” and a “witch hunt.” In a"
        " six-day operation dubbed “Operation Tidal Wave,” 1,100 were arrested."
    )
    assert rows(case, draft) == []
    terms = [is_term(q) for q in read_draft(draft).quotations]
    assert terms == [True, True, True, True, True]
    shouted = read_draft("He tweeted “NO COLLUSION and NO OBSTRUCTION,” again.").quotations
    assert [is_term(q) for q in shouted] == [False]


def test_a_spokesman_may_be_credited_with_his_office_s_statement(tmp_path: Path) -> None:
    entities = {
        "number-10": {"name": "Downing Street", "aliases": ["Number 10"]},
        "kim-darroch": {"name": "Kim Darroch", "aliases": ["Darroch"], "affiliation": "number-10"},
        "sadiq-khan": {"name": "Sadiq Khan", "aliases": ["Khan"]},
    }
    fox = "“The President of the United States will visit the UK on 13 July,” Number 10 said."
    quotes = [{"speaker": "number-10", "text": fox.split("”")[0].strip("“")}]
    case = case_of(tmp_path, entities, {"fox": (fox, quotes)})
    draft = "“The President of the United States will visit the UK on 13 July,” {} said."
    assert rows(case, draft.format("Darroch")) == []
    assert rows(case, draft.format("Khan")) == [("wrong-speaker", "sadiq-khan", 1, 1)]
