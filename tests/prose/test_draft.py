"""The pre-publication check: reading drafts, locating quotations, speakers, facts, the CLI.

Most tests check small drafts against the shipped Pasadena case (its five articles are the
sources); the two shipped drafts are checked for their exact findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.claims.outcome import Options, Validation
from checker.claims.validation import validate
from checker.cli.app import main
from checker.prose.attribution import NameFinder, attribute
from checker.prose.draftcheck import check_draft
from checker.prose.draftclaims import validate_with_draft
from checker.prose.drafts import read_draft
from checker.prose.textindex import TextIndex
from checker.runtime.errors import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, UsageError

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "claims" / "pasadena-ice-mou"
DRAFTS = CASE / "drafts"

Row = tuple[str, str, str | None, str | None, int, int]


@pytest.fixture(scope="module")
def case() -> Validation:
    result = validate([CASE])
    assert result.blocking == []
    return result


@pytest.fixture(scope="module")
def index(case: Validation) -> TextIndex:
    return TextIndex.of_case(case.models[0])


@pytest.fixture(scope="module")
def finder(case: Validation) -> NameFinder:
    return NameFinder(case.models[0].case)


def rows(case: Validation, draft: str) -> list[Row]:
    """The findings on a draft as (kind, severity, subject, property, line, column)."""
    report = check_draft(draft, "draft.md", case)
    out = []
    for finding in report.findings:
        assert finding.location is not None and finding.location.file == "draft.md"
        out.append(
            (
                finding.kind,
                finding.severity.label,
                finding.subject,
                finding.property,
                finding.location.line,
                finding.location.column,
            )
        )
    return out


# -- the shipped drafts -------------------------------------------------------------------------


def test_the_flawed_draft_has_exactly_its_four_deliberate_errors(case: Validation) -> None:
    text = (DRAFTS / "flawed-draft.md").read_text(encoding="utf-8")
    assert rows(case, text) == [
        # "signed ... on Dec. 15, 2016": every source says November (15, 16, or the month)
        ("contradicted", "error", "ppd-ice-mou", "signed_on", 12, 1),
        # Mermell's "furthermore" dropped and "at the current time" made "at any time"
        ("misquote", "error", "steve-mermell", None, 28, 1),
        # "The MOU was never in effect": city officials say so, ICE and DHS say otherwise
        ("disputed-as-fact", "warning", "ppd-ice-mou", "in_effect", 31, 9),
        # Emi MacLean's words (KPCC) credited to Pablo Alvarado
        ("wrong-speaker", "error", "pablo-alvarado", None, 43, 42),
    ]


def test_the_flawed_draft_findings_name_their_sources(case: Validation) -> None:
    text = (DRAFTS / "flawed-draft.md").read_text(encoding="utf-8")
    report = check_draft(text, "flawed-draft.md", case)
    by_kind = {f.kind: f for f in report.findings}
    assert by_kind["misquote"].diff == (
        "I have not executed this MOU with ICE and [-furthermore,-] I am not going to be "
        "executing this MOU with ICE at [-the current-] {+any+} time."
    )
    assert [c.id for c in by_kind["misquote"].claims] == ["q-mermell-no-contract-valid"]
    assert [(c.source, c.id) for c in by_kind["wrong-speaker"].claims] == [
        ("kpcc-2017", "q-maclean-stand")
    ]
    assert by_kind["contradicted"].values == ("2016-11", "2016-11-15", "2016-11-16")
    assert by_kind["disputed-as-fact"].values == ("false", "true")
    assert by_kind["contradicted"].message.startswith("flawed-draft.md:12:1: the draft says")


def test_the_clean_draft_has_no_error_and_notes_the_sources_conflict(case: Validation) -> None:
    """Its signing date is the best-supported one; one source dates it a day later, which an
    editor should know: an info note, nothing more."""
    text = (DRAFTS / "clean-draft.md").read_text(encoding="utf-8")
    assert rows(case, text) == [("conflict", "info", "ppd-ice-mou", "signed_on", 12, 1)]


def test_compare_does_not_read_the_drafts(case: Validation) -> None:
    assert all("drafts" not in source.file for source in case.models[0].sources.values())


# -- reading a draft ----------------------------------------------------------------------------


def test_markdown_syntax_is_ignored_and_positions_point_into_the_draft() -> None:
    text = (
        "---\ntitle: x\n---\n"
        "# The *MOU*, signed\n\n"
        "Kice **said** [it](https://example.com/a) was `code` routine. Next one.\n"
        "```\n“not a quote”\n```\n"
    )
    draft = read_draft(text)
    assert [(s.text, s.line, s.column) for s in draft.sentences] == [
        ("The MOU , signed", 4, 3),
        ("Kice said it was routine.", 6, 1),
        ("Next one.", 6, 63),
    ]
    assert draft.quotations == ()


def test_quotations_straight_smart_nested_and_across_paragraphs() -> None:
    text = (
        'He said "plain words" and then “smart \u2018nested\u2019 words.”\n\n'
        "“First paragraph of a quote,\n\n"
        "“and its second paragraph,” she said.\n\n"
        "“Unclosed at the paragraph's end\n\n"
        "New paragraph, not a quote.\n"
    )
    draft = read_draft(text)
    assert [(q.text, q.line, q.column, q.closed) for q in draft.quotations] == [
        ("plain words", 1, 9, True),
        ("smart \u2018nested\u2019 words.", 1, 32, True),
        ("First paragraph of a quote, and its second paragraph,", 3, 1, True),
        ("Unclosed at the paragraph's end", 7, 1, False),
    ]


def test_sentences_do_not_split_inside_quotations_or_after_abbreviations() -> None:
    draft = read_draft(
        "Kice said, “It ends. It goes on.” The MOU was signed Nov. 15 by U.S. staff."
    )
    assert [s.text for s in draft.sentences] == [
        "Kice said, “It ends. It goes on.”",
        "The MOU was signed Nov. 15 by U.S. staff.",
    ]


# -- locating quotations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quotation",
    [
        "Essentially these agreements are pretty routine,",  # as printed
        "essentially these agreements are pretty routine.",  # first letter and end punctuation
        "Essentially these\n   agreements are pretty\nroutine",  # wrapped over lines
        "It's not in any way shape or form a means",  # straight apostrophe for a curly one
        "It\u2019s not in any way shape or form a means ... we interact with those police",
        "It\u2019s not in any way shape or form a means \u2026 the manner or way we interact",
        "This MOU was signed [seven] days after Trump was elected president",  # as printed
        "This MOU was signed seven days after Trump was elected president",  # brackets dropped
        "This MOU was signed [a week] after Trump was elected president",  # our own insertion
        "If they [ICE] are coming into town, they will notify us",  # "(ICE)" in the source
    ],
)
def test_quotations_are_found_exactly(index: TextIndex, quotation: str) -> None:
    found = index.locate(quotation)
    assert found.exact, found


def test_a_quotation_is_found_in_the_text_and_in_the_recorded_quote(index: TextIndex) -> None:
    found = index.locate("The city can terminate it at any time.")
    assert sorted((h.passage.source, h.passage.quote is not None, h.line) for h in found.exact) == [
        ("pasadena-now-2017-02-16", False, 15),
        ("pasadena-now-2017-02-16", True, 230),
    ]


def test_an_ellipsis_joins_only_pieces_close_together_and_in_order(index: TextIndex) -> None:
    assert not index.locate("routine ... Essentially these agreements are pretty").exact
    far = "Essentially these agreements are pretty routine … They are a rogue agency"
    assert not index.locate(far).exact


@pytest.mark.parametrize(
    ("quotation", "severity"),
    [
        ("The city can end it at any time.", "error"),  # a meaning word
        ("The city can terminate it at any of time.", "warning"),  # a function word
        ("The city can terminate it, at any time.", "info"),  # punctuation only
        ("the city CAN terminate it at any time.", "info"),  # case only
    ],
)
def test_misquote_severity_follows_the_words_changed(
    case: Validation, quotation: str, severity: str
) -> None:
    found = rows(case, f"“{quotation}” Kice said.")
    assert found == [("misquote", severity, "virginia-kice", None, 1, 1)]


def test_a_quotation_in_no_source_is_unverified(case: Validation) -> None:
    assert rows(case, "Kice said, “We never signed anything of the kind.”") == [
        ("unverified-quote", "warning", "virginia-kice", None, 1, 12)
    ]


# -- speakers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        ("“Essentially these agreements are pretty routine,” said Kice.", "virginia-kice", "named"),
        ("“Words,” Kice said.", "virginia-kice", "named"),
        ("“Words,” Virginia Kice also said in a statement.", "virginia-kice", "named"),
        ("“Words,” said Pasadena attorney Dale Gronemeier.", "dale-gronemeier", "named"),
        ("“Words,” said Emi MacLean, an attorney with NDLON.", "emi-maclean", "named"),
        ("Mermell told the committee Wednesday, “Words.”", "steve-mermell", "named"),
        (
            "Virginia Kice, a spokeswoman, said the city “can terminate it.”",
            "virginia-kice",
            "named",
        ),
        ("According to Kice, “these agreements are routine.”", "virginia-kice", "according-to"),
        ("“Words,” according to Pablo Alvarado.", "pablo-alvarado", "according-to"),
        ("Homeland Security officials said it was “active earlier.”", "dhs-officials", "named"),
        ("Kice spoke on Friday. “Words,” she said.", "virginia-kice", "pronoun"),
        ("Kice and Mermell spoke on Friday. “Words,” she said.", None, "pronoun"),
        ("“Words,” the agreement states.", None, None),
        ("“Words,” said a spokesman.", None, None),
    ],
)
def test_speaker_forms(finder: NameFinder, text: str, speaker: str | None, how: str | None) -> None:
    speakers = {"virginia-kice", "steve-mermell", "pablo-alvarado", "dhs-officials"}
    (quoted,) = attribute(read_draft(text), finder, speakers)
    assert (quoted.speaker, quoted.how) == (speaker, how)


def test_a_quote_split_by_its_attribution_keeps_its_speaker(finder: NameFinder) -> None:
    draft = read_draft("“The first half,” Kice said. “The second half.”\n\n“Another paragraph.”")
    assert [(q.speaker, q.how) for q in attribute(draft, finder)] == [
        ("virginia-kice", "named"),
        ("virginia-kice", "continued"),
        (None, None),
    ]


def test_a_pronoun_resolves_to_the_speaker_of_the_previous_paragraph(finder: NameFinder) -> None:
    draft = read_draft("City Manager Steve Mermell spoke.\n\nHe said, “Words.”")
    (quoted,) = attribute(draft, finder, {"steve-mermell"})
    assert quoted.speaker == "steve-mermell"


def test_a_real_quote_in_the_wrong_mouth_is_an_error(case: Validation) -> None:
    text = "“Essentially these agreements are pretty routine,” Mermell said."
    assert rows(case, text) == [("wrong-speaker", "error", "steve-mermell", None, 1, 1)]


def test_an_organisation_may_speak_its_spokeswoman_s_words(case: Validation) -> None:
    assert rows(case, "“Essentially these agreements are pretty routine,” ICE said.") == []


def test_a_word_or_two_is_not_checked_for_its_speaker(case: Validation) -> None:
    assert rows(case, "Mermell called it “routine.”") == []


# -- facts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The MOU was signed in November 2016.",
        "The MOU was signed in 2016.",
        "The MOU was signed on November 16, Altadena Now said.",  # one source says so
        "ICE has such agreements with about 50 law enforcement agencies.",
        "The 287(g) program now counts nearly 900 agreements.",
        "The 287(g) program counts 896 agreements.",
        "Operation Tidal Wave led to more than 1,100 arrests.",
        "Whether the MOU is in effect is disputed.",  # a question is not read
        "The MOU may be in effect.",  # a modal is not read
    ],
)
def test_facts_the_sources_carry_raise_nothing(case: Validation, sentence: str) -> None:
    assert rows(case, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The MOU was signed on Nov. 15, 2016.",
        "The MOU was signed on November 15, 2016.",
        "The MOU was signed on Nov. 15.",  # the year is the one year of the case's claims
    ],
)
def test_a_value_the_sources_conflict_on_is_noted(case: Validation, sentence: str) -> None:
    """The best-supported date, which one source contradicts: an info note, never an error."""
    assert rows(case, sentence) == [("conflict", "info", "ppd-ice-mou", "signed_on", 1, 23)]


@pytest.mark.parametrize(
    ("sentence", "column"),
    [
        ("Kice said the MOU is in effect.", 19),  # one side of the dispute, attributed
        ("City officials said the MOU was never in effect.", 1),
    ],
)
def test_one_side_of_a_dispute_in_a_speaker_s_mouth_is_noted(
    case: Validation, sentence: str, column: int
) -> None:
    """Faithfully reported, so no error or warning: an info note that the other side exists."""
    assert rows(case, sentence) == [("disputed", "info", "ppd-ice-mou", "in_effect", 1, column)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The MOU was signed on Dec. 15, 2016.",
         ("contradicted", "error", "ppd-ice-mou", "signed_on", 1, 23)),
        ("The MOU was signed on December 15.",  # year inferred: 2016
         ("contradicted", "error", "ppd-ice-mou", "signed_on", 1, 23)),
        ("The MOU was signed in 2017.",
         ("contradicted", "error", "ppd-ice-mou", "signed_on", 1, 23)),
        ("ICE has such agreements with about 90 law enforcement agencies.",
         ("contradicted", "error", "ice", "la_area_agencies_with_similar_mou", 1, 30)),
        ("Operation Tidal Wave led to fewer than 500 arrests.",
         ("contradicted", "error", "operation-tidal-wave", "arrests", 1, 29)),
        ("The MOU was never in effect.",
         ("disputed-as-fact", "warning", "ppd-ice-mou", "in_effect", 1, 9)),
        ("The MOU is in effect.",
         ("disputed-as-fact", "warning", "ppd-ice-mou", "in_effect", 1, 9)),
        ("The MOU was signed on November 16, 2016.",  # the less supported side of a conflict
         ("disputed-as-fact", "warning", "ppd-ice-mou", "signed_on", 1, 23)),
        ("Operation Tidal Wave had 40 agencies taking part.",
         ("unsourced", "info", "operation-tidal-wave", "la_area_agencies_with_similar_mou", 1,
          26)),
    ],
)  # fmt: skip
def test_each_fact_kind(case: Validation, sentence: str, expected: Row) -> None:
    assert rows(case, sentence) == [expected]


def test_facts_inside_quotations_are_the_speaker_s(case: Validation) -> None:
    assert rows(case, "Kice said: “The MOU was signed on Dec. 15, 2016.”")[0][0] == (
        "unverified-quote"
    )
    assert len(rows(case, "Kice said: “The MOU was signed on Dec. 15, 2016.”")) == 1


# -- a draft written as a claim file ------------------------------------------------------------


def write_claim_draft(folder: Path, kind: str = "draft") -> Path:
    document: dict[str, Any] = {
        "format": "claims/1",
        "source": {"id": "our-draft", "kind": kind},
        "claims": [
            {"subject": "the MOU", "property": "signed_on", "value": "2016-12-15"},
            {"subject": "ICE", "property": "la_area_agencies_with_similar_mou",
             "value": {"approx": 50}, "attributed_to": "Kice"},
        ],
        "quotes": [{"speaker": "Kice", "text": "Essentially these agreements are routine,"}],
    }  # fmt: skip
    path = folder / "draft.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def test_a_claim_file_draft_is_compared_as_one_more_source(tmp_path: Path) -> None:
    draft = write_claim_draft(tmp_path)
    validation = validate_with_draft(draft, [CASE], Options())
    report = check_draft("", str(validation.models[0].sources["our-draft"].file), validation)
    assert [(f.kind, f.subject, f.property, f.location and f.location.line) for f in
            report.findings] == [
        ("conflict", "ppd-ice-mou", "signed_on", 6),
        ("quote-variant", "virginia-kice", None, 15),
    ]  # fmt: skip
    assert [c.sources for c in report.corroborated] == [
        ("kpcc-2017", "our-draft", "pasadena-now-2017-02-16")
    ]
    assert report.single_source == () and report.timelines == ()


def test_a_claim_file_that_is_not_a_draft_is_refused(tmp_path: Path) -> None:
    draft = write_claim_draft(tmp_path, kind="news")
    validation = validate_with_draft(draft, [CASE], Options())
    with pytest.raises(UsageError, match=r"source\.kind: draft"):
        check_draft("", str(validation.models[0].sources["our-draft"].file), validation)


# -- the command line ---------------------------------------------------------------------------


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_draft_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    flawed, clean = str(DRAFTS / "flawed-draft.md"), str(DRAFTS / "clean-draft.md")
    assert main(["check-draft", clean, "--against", str(CASE)]) == EXIT_CLEAN
    assert main(["check-draft", flawed, "--against", str(CASE)]) == EXIT_FINDINGS
    assert main(["check-draft", flawed, "-a", str(CASE), "--fail-on", "never"]) == EXIT_CLEAN
    assert main(["check-draft", str(DRAFTS / "missing.md"), "-a", str(CASE)]) == EXIT_USAGE
    assert "no such file" in capsys.readouterr().err


def test_check_draft_reads_standard_input_and_writes_json() -> None:
    text = "The MOU was never in effect.\n"
    result = run("check-draft", "-", "--against", "claims/pasadena-ice-mou", "-f", "json",
                 stdin=text)  # fmt: skip
    assert result.returncode == EXIT_CLEAN, result.stderr  # a warning is below --fail-on error
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["kind"], finding["location"]) == (
        "disputed-as-fact",
        {"file": "<stdin>", "line": 1, "column": 9},
    )


def test_check_draft_with_invalid_case_files_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "case.yaml").write_text("format: case/1\nid: x\nentities: {}\n", encoding="utf-8")
    (folder / "a.yaml").write_text("format: claims/1\nsource: {id: a}\nclaims: 3\n", "utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Words.\n", encoding="utf-8")
    result = run("check-draft", str(draft), "--against", str(folder))
    assert result.returncode == EXIT_USAGE
    assert "nothing was checked" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_draft_of_a_claim_file_draft(tmp_path: Path) -> None:
    draft = write_claim_draft(tmp_path)
    result = run("check-draft", str(draft), "-a", "claims/pasadena-ice-mou", "-f", "json")
    assert result.returncode == EXIT_FINDINGS  # the draft's date conflicts with every source
    kinds = [f["kind"] for f in json.loads(result.stdout)["findings"]]
    assert kinds == ["conflict", "quote-variant"]


def test_the_readme_shows_the_flawed_draft_s_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    draft = "claims/pasadena-ice-mou/drafts/flawed-draft.md"
    assert main(["check-draft", draft, "--against", "claims/pasadena-ice-mou"]) == EXIT_FINDINGS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert capsys.readouterr().out in readme
