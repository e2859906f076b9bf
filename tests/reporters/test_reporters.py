"""Tests of checker.reporters: the report formats of `checker compare`.

The report is built by hand (not by the engine) so that these tests pin the output formats
alone. It holds five sources and four findings:
- a conflict on ppd-ice-mou · signed_on: two sources say 2016-11-15 in their own voice and
  with a relative date, one says 2016-11-16; best supported 2016-11-15, with one resolution;
- a disputed ppd-ice-mou · in_effect: Kice (side dhs) says true, Alvarado (side ndlon) false,
  hedged; balanced, so best_supported is null;
- a quote-variant of virginia-kice with a word-level diff and a long quote (it must wrap);
- a name-variant: "Alvarado Pablo" as printed, resolved to pablo-alvarado;
and one corroborated fact, one single-source fact (its value holds a `|`), one timeline.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import checker
from checker.claims.problems import Severity
from checker.compare.report import (
    BestSupported,
    ClaimRef,
    Corroborated,
    Finding,
    Report,
    SingleSource,
    SourceInfo,
    Timeline,
    TimelinePoint,
)
from checker.reporters import (
    CI_FORMATS,
    REPORTER_BY_NAME,
    CiFormat,
    JsonReporter,
    MarkdownReporter,
    Reporter,
    ReportFormat,
    TableReporter,
    get_ci_format,
    get_reporter,
)

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "schemas" / "report.schema.json").read_text(encoding="utf-8")
)
CASE = "claims/pasadena-ice-mou"
PW, LAT, NDLON = "pasadena-weekly-2017-02", "la-times-2017-02-16", "ndlon-statement-2017-02"
LONG_QUOTE = (
    "Essentially these agreements are pretty routine, and the department has had one in place "
    "with the county for years without any change in how officers work on the street,"
)
KICE_QUOTE = "Essentially these agreements are pretty routine,"
RESOLUTION = "us-election-2016 (2016-11-08) + 7 days = 2016-11-15"


def file_of(source: str) -> str:
    return f"{CASE}/{source}.yaml"


# fmt: off
# The fixture is laid out for reading, a claim to a few lines.
def sample_report() -> Report:
    conflict = Finding(
        kind="conflict",
        severity=Severity.ERROR,
        subject="ppd-ice-mou",
        property="signed_on",
        message="Sources disagree on when the MOU was signed: 2016-11-15 or 2016-11-16.",
        fingerprint="0f3a9c2b7d4e5f601a2b",
        claims=(
            ClaimRef("claim", LAT, file_of(LAT), 9, "signed", "2016-11-16", "2016-11-16",
                     role="own-voice", evidence=("signed on Nov. 16",)),
            ClaimRef("claim", NDLON, file_of(NDLON), 14, None,
                     {"relative_to": "us-election-2016", "offset": "7 days"}, "2016-11-15",
                     attributed_to="pablo-alvarado", role="support", side="ndlon",
                     evidence=("signed [seven] days after", "Trump was elected"),
                     resolution=RESOLUTION),
            ClaimRef("claim", PW, file_of(PW), 12, "signed-on", "2016-11-15", "2016-11-15",
                     role="own-voice", evidence=("signed by Chief Sanchez on Nov. 15",)),
        ),
        best_supported=BestSupported(
            "2016-11-15", 2, ("2 independent sources", "a relative date resolves to it")
        ),
        resolutions=(f"{NDLON}: {RESOLUTION}",),
    )
    disputed = Finding(
        kind="disputed",
        severity=Severity.WARNING,
        subject="ppd-ice-mou",
        property="in_effect",
        message="ICE says the MOU is in effect; NDLON says it is not.",
        fingerprint="1b2c3d4e5f60718293a4",
        claims=(
            ClaimRef("claim", LAT, file_of(LAT), 20, None, True, "true",
                     attributed_to="virginia-kice", as_of="2017-02-16", role="speaker",
                     side="dhs", hedged=True),
            ClaimRef("claim", NDLON, file_of(NDLON), 30, None, False, "false",
                     attributed_to="pablo-alvarado", as_of="2017-02", role="speaker",
                     side="ndlon"),
        ),
        sides=(("dhs", (LAT,)), ("ndlon", (NDLON,))),
    )
    quote_variant = Finding(
        kind="quote-variant",
        severity=Severity.WARNING,
        subject="virginia-kice",
        property=None,
        message="Virginia Kice's words differ between 2 sources.",
        fingerprint="2c3d4e5f60718293a4b5",
        claims=(
            ClaimRef("quote", LAT, file_of(LAT), 40, "kice-routine", LONG_QUOTE,
                     LONG_QUOTE.lower().rstrip(",")),
            ClaimRef("quote", PW, file_of(PW), 41, None, (KICE_QUOTE, "officials said"),
                     "essentially these agreements are pretty routine officials said"),
        ),
        diff=(
            "  essentially these agreements are pretty routine\n"
            "- and the department\n"
            "+ officials said"
        ),
    )
    name_variant = Finding(
        kind="name-variant",
        severity=Severity.WARNING,
        subject="pablo-alvarado",
        property=None,
        message="'Alvarado Pablo' is not declared; read as Pablo Alvarado (words swapped).",
        fingerprint="3d4e5f60718293a4b5c6",
        claims=(ClaimRef("name", PW, file_of(PW), 25, None, "Alvarado Pablo", "pablo-alvarado"),),
    )
    return Report(
        case="pasadena-ice-mou",
        title="Pasadena Police Department MOU with ICE",
        sources=(
            SourceInfo("kpcc-2017-03", "KPCC", "2017-03-01", "news", file_of("kpcc-2017-03")),
            SourceInfo(LAT, "Los Angeles Times", "2017-02-16", "news", file_of(LAT),
                       title="Pasadena police quietly signed ICE pact",
                       url="https://example.org/latimes/ice-pact"),
            SourceInfo(NDLON, "NDLON", "2017-02", "press-release", file_of(NDLON)),
            SourceInfo(PW, "Pasadena Weekly", "2017-02", "news", file_of(PW)),
            SourceInfo("ppd-release", None, None, "official", file_of("ppd-release")),
        ),
        findings=(conflict, disputed, quote_variant, name_variant),
        corroborated=(
            Corroborated("ppd-ice-mou", "signed_by", "phillip-sanchez", (LAT, PW), 2),
        ),
        single_source=(
            SingleSource("ppd-ice-mou", "revealed_by", "records request | ndlon", (NDLON,)),
        ),
        timelines=(
            Timeline("ice", "agreements_287g", (
                TimelinePoint("2017-01", "37", (PW,)),
                TimelinePoint("2017-02-16", "~40", (LAT, "kpcc-2017-03")),
            )),
        ),
    )
# fmt: on


def empty_report() -> Report:
    return Report(None, None, (), (), (), (), ())


def render_json(report: Report) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(JsonReporter().render(report))
    return document


# --- JSON ----------------------------------------------------------------------------------


def test_report_schema_is_valid_and_describes_every_property() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    missing: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                if "description" not in child:
                    missing.append(f"{path}/properties/{name}")
            for key, child in node.items():
                # Conditionals constrain properties defined elsewhere; they define none.
                if key not in ("if", "then", "else"):
                    walk(child, f"{path}/{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{path}/{i}")

    walk(SCHEMA, "#")
    assert missing == []


def test_json_validates_against_the_report_schema() -> None:
    errors = list(Draft202012Validator(SCHEMA).iter_errors(render_json(sample_report())))
    assert errors == []


def test_json_rejects_a_claim_key_the_schema_does_not_allow() -> None:
    document = render_json(sample_report())
    document["findings"][0]["claims"][0]["colour"] = "red"
    assert not Draft202012Validator(SCHEMA).is_valid(document)


def test_json_top_level() -> None:
    document = render_json(sample_report())
    assert list(document) == [
        "format", "tool", "case", "sources", "findings", "corroborated", "single_source",
        "timelines", "summary",
    ]  # fmt: skip
    assert document["format"] == "report/1"
    assert document["tool"] == {"name": "checker", "version": checker.__version__}
    assert document["case"] == "pasadena-ice-mou"
    assert [s["id"] for s in document["sources"]] == ["kpcc-2017-03", LAT, NDLON, PW, "ppd-release"]
    assert document["sources"][1] == {
        "id": LAT,
        "outlet": "Los Angeles Times",
        "published": "2017-02-16",
        "file": file_of(LAT),
        "kind": "news",
        "title": "Pasadena police quietly signed ICE pact",
        "url": "https://example.org/latimes/ice-pact",
    }
    assert document["summary"] == {
        "by_kind": {"conflict": 1, "disputed": 1, "quote-variant": 1, "name-variant": 1},
        "by_severity": {"error": 1, "warning": 3, "info": 0},
    }
    assert document["corroborated"] == [
        {"subject": "ppd-ice-mou", "property": "signed_by", "normalized": "phillip-sanchez",
         "sources": [LAT, PW], "independent_sources": 2},
    ]  # fmt: skip
    assert document["single_source"] == [
        {"subject": "ppd-ice-mou", "property": "revealed_by",
         "normalized": "records request | ndlon", "sources": [NDLON]},
    ]  # fmt: skip
    assert document["timelines"] == [
        {"subject": "ice", "property": "agreements_287g", "points": [
            {"as_of": "2017-01", "normalized": "37", "sources": [PW]},
            {"as_of": "2017-02-16", "normalized": "~40", "sources": [LAT, "kpcc-2017-03"]},
        ]},
    ]  # fmt: skip


def test_json_conflict_finding_in_full() -> None:
    conflict = render_json(sample_report())["findings"][0]
    assert conflict == {
        "kind": "conflict",
        "severity": "error",
        "subject": "ppd-ice-mou",
        "property": "signed_on",
        "message": "Sources disagree on when the MOU was signed: 2016-11-15 or 2016-11-16.",
        "fingerprint": "0f3a9c2b7d4e5f601a2b",
        "claims": [
            {"kind": "claim", "source": LAT, "file": file_of(LAT), "line": 9, "id": "signed",
             "value": "2016-11-16", "normalized": "2016-11-16", "attributed_to": None,
             "as_of": None, "role": "own-voice", "side": None, "hedged": False,
             "evidence": ["signed on Nov. 16"], "resolution": None},
            {"kind": "claim", "source": NDLON, "file": file_of(NDLON), "line": 14, "id": None,
             "value": {"relative_to": "us-election-2016", "offset": "7 days"},
             "normalized": "2016-11-15", "attributed_to": "pablo-alvarado", "as_of": None,
             "role": "support", "side": "ndlon", "hedged": False,
             "evidence": ["signed [seven] days after", "Trump was elected"],
             "resolution": RESOLUTION},
            {"kind": "claim", "source": PW, "file": file_of(PW), "line": 12, "id": "signed-on",
             "value": "2016-11-15", "normalized": "2016-11-15", "attributed_to": None,
             "as_of": None, "role": "own-voice", "side": None, "hedged": False,
             "evidence": ["signed by Chief Sanchez on Nov. 15"], "resolution": None},
        ],
        "best_supported": {
            "normalized": "2016-11-15",
            "independent_sources": 2,
            "reasons": ["2 independent sources", "a relative date resolves to it"],
        },
        "resolutions": [f"{NDLON}: {RESOLUTION}"],
        "hedged": False,
    }  # fmt: skip


def test_json_optional_finding_keys() -> None:
    conflict, disputed, quote, name = render_json(sample_report())["findings"]
    # best_supported: null where balanced; absent on kinds that name no value.
    assert disputed["best_supported"] is None
    assert disputed["sides"] == {"dhs": [LAT], "ndlon": [NDLON]}
    assert "diff" not in disputed and "resolutions" not in disputed
    assert list(quote) == [
        "kind", "severity", "subject", "property", "message", "fingerprint", "claims", "diff",
        "hedged",
    ]  # fmt: skip
    assert quote["property"] is None
    assert quote["claims"][1]["value"] == [KICE_QUOTE, "officials said"]
    assert "sides" not in conflict and "diff" not in conflict
    assert name["claims"][0]["kind"] == "name"
    assert name["claims"][0]["value"] == "Alvarado Pablo"
    assert "best_supported" not in name


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_head_and_sources() -> None:
    lines = MarkdownReporter().render(sample_report()).splitlines()
    assert lines[:10] == [
        "# Discrepancy report: Pasadena Police Department MOU with ICE",
        "",
        "1 error, 3 warnings, 0 info in 5 sources.",
        "",
        "## Sources",
        "",
        "| Source | Outlet | Published | Kind |",
        "| --- | --- | --- | --- |",
        "| kpcc-2017-03 | KPCC | 2017-03-01 | news |",
        f"| {LAT} | Los Angeles Times | 2017-02-16 | news |",
    ]
    assert "| ppd-release | — | — | official |" in lines


def section(markdown: str, heading: str) -> list[str]:
    """The lines from ``heading`` up to (not including) the next heading of any level."""
    lines = markdown.splitlines()
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start:end]


def test_markdown_conflict_finding() -> None:
    markdown = MarkdownReporter().render(sample_report())
    assert section(markdown, "### conflict (error): ppd-ice-mou · signed_on") == [
        "### conflict (error): ppd-ice-mou · signed_on",
        "",
        "Sources disagree on when the MOU was signed: 2016-11-15 or 2016-11-16.",
        "",
        "Fingerprint: `0f3a9c2b7d4e5f601a2b`",
        "",
        "| Source | Value | Normalized | Attributed to | As of | Role | File |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {LAT} | 2016-11-16 | 2016-11-16 | — | — | own-voice | {file_of(LAT)}:9 |",
        f"| {NDLON} | {{relative_to: us-election-2016, offset: 7 days}} | 2016-11-15 "
        f"| pablo-alvarado | — | support | {file_of(NDLON)}:14 |",
        f"| {PW} | 2016-11-15 | 2016-11-15 | — | — | own-voice | {file_of(PW)}:12 |",
        "",
        "**Best supported:** 2016-11-15 (2 independent sources)",
        "",
        "- 2 independent sources",
        "- a relative date resolves to it",
        "",
        "Relative dates:",
        "",
        f"- {NDLON}: {RESOLUTION}",
        "",
    ]


def test_markdown_disputed_quote_variant_and_other_sections() -> None:
    markdown = MarkdownReporter().render(sample_report())
    disputed = section(markdown, "### disputed (warning): ppd-ice-mou · in_effect")
    assert (
        f"| {LAT} | true (hedged) | true | virginia-kice | 2017-02-16 | speaker "
        f"| {file_of(LAT)}:20 |"
    ) in disputed
    assert disputed[-7:] == [
        "Sides:", "", f"- dhs: {LAT}", f"- ndlon: {NDLON}", "",
        "**Best supported:** none, the evidence is balanced.", "",
    ]  # fmt: skip
    quote = section(markdown, "### quote-variant (warning): virginia-kice")
    assert [line for line in quote if line.startswith(f"| {PW} |")] == [
        f"| {PW} | {KICE_QUOTE} / officials said | "
        "essentially these agreements are pretty routine officials said | — | — | — "
        f"| {file_of(PW)}:41 |"
    ]
    assert quote[-6:] == [
        "```diff",
        "  essentially these agreements are pretty routine",
        "- and the department",
        "+ officials said",
        "```",
        "",
    ]
    assert "### name-variant (warning): pablo-alvarado" in markdown
    assert section(markdown, "## Single-source facts")[4] == (
        f"| ppd-ice-mou | revealed_by | records request \\| ndlon | {NDLON} |"
    )
    assert section(markdown, "## Corroborated")[4] == (
        f"| ppd-ice-mou | signed_by | phillip-sanchez | {LAT}, {PW} | 2 |"
    )
    assert section(markdown, "### ice · agreements_287g") == [
        "### ice · agreements_287g",
        "",
        "| As of | Value | Sources |",
        "| --- | --- | --- |",
        f"| 2017-01 | 37 | {PW} |",
        f"| 2017-02-16 | ~40 | {LAT}, kpcc-2017-03 |",
    ]


def test_markdown_fence_outlasts_backticks_in_a_diff() -> None:
    report = sample_report()
    finding = report.findings[2]
    odd = replace(finding, diff="- ```x```\n+ y")
    markdown = MarkdownReporter().render(Report(None, None, (), (odd,), (), (), ()))
    assert "````diff\n- ```x```\n+ y\n````\n" in markdown


# --- table ---------------------------------------------------------------------------------


def test_table_fits_100_columns_and_shows_the_cells() -> None:
    text = TableReporter().render(sample_report())
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0].split() == ["severity", "kind", "subject", "·", "property", "values",
                                "(sources)", "best", "supported"]  # fmt: skip
    # Columns start at 0, 12, 27, 49 and 83; wrapped cells continue on the following lines.
    assert lines[2:6] == [
        "error       conflict       ppd-ice-mou ·         2016-11-16 (la-times-2017-02-16)  "
        "2016-11-15 (2",
        "                           signed_on             2016-11-15                        "
        "sources)",
        "                                                 (ndlon-statement-2017-02,",
        "                                                 pasadena-weekly-2017-02)",
    ]
    # A name-variant shows the name as written, not the entity it resolved to.
    row = lines.index("warning     name-variant   pablo-alvarado        Alvarado Pablo")
    assert lines[row + 1] == " " * 49 + "(pasadena-weekly-2017-02)"
    assert (
        "    best supported: 2016-11-15 (2 independent sources; a relative date resolves to it)"
    ) in lines
    assert "    side dhs: la-times-2017-02-16" in lines
    assert "        - and the department" in lines
    assert "balanced" in text
    assert any(line.startswith("ice · agreements_287g") for line in lines)
    assert lines[-1] == "1 error, 3 warnings, 0 info in 5 sources"
    assert "\x1b" not in text


def test_table_wraps_long_kinds_and_property_ids_at_their_joints() -> None:
    finding = replace(
        sample_report().findings[1],
        kind="contested-assertion",
        property="usable_to_force_immigration_roundups",
    )
    lines = TableReporter().render(Report(None, None, (), (finding,), (), (), ())).splitlines()
    assert [line.split()[:3] for line in lines[2:5]] == [
        ["warning", "contested-", "ppd-ice-mou"],
        ["assertion", "usable_to_force_", "false"],
        ["immigration_roundups"],
    ]


def test_table_wraps_unbroken_long_values() -> None:
    report = sample_report()
    blob = "x" * 250
    long = replace(report.findings[0], subject=blob, message=blob, diff="- " + blob)
    wide = Report(
        report.case, report.title, report.sources, (long, *report.findings[1:]),
        (Corroborated(blob, blob, blob, (blob,), 1),), (SingleSource(blob, None, blob, (blob,)),),
        (Timeline(blob, blob, (TimelinePoint(blob, blob, (blob,)),)),),
    )  # fmt: skip
    lines = TableReporter().render(wide).splitlines()
    assert max(len(line) for line in lines) <= 100
    assert sum(line.count("x") for line in lines) > 250 * 10


# --- every format --------------------------------------------------------------------------


def test_every_report_format_maps_to_a_reporter_or_ci_format_class() -> None:
    # Each name is served by exactly one class: a report reporter or a CI format.
    assert {member.value for member in ReportFormat} == set(REPORTER_BY_NAME) | set(CI_FORMATS)
    assert set(REPORTER_BY_NAME).isdisjoint(CI_FORMATS)
    for member in ReportFormat:
        if member.value in REPORTER_BY_NAME:
            reporter: Reporter | CiFormat = get_reporter(member)
            assert type(reporter) is REPORTER_BY_NAME[member.value]
        else:
            reporter = get_ci_format(member)
            assert type(reporter) is CI_FORMATS[member.value]
        assert reporter.name == member.value


def test_unknown_format_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="xml"):
        get_reporter("xml")


@pytest.mark.parametrize("name", list(REPORTER_BY_NAME))
def test_empty_report_renders(name: str) -> None:
    text = get_reporter(name).render(empty_report())
    assert text.endswith("\n") and not text.endswith("\n\n")
    if name == "json":
        document = json.loads(text)
        assert list(Draft202012Validator(SCHEMA).iter_errors(document)) == []
        assert document["findings"] == [] and document["case"] is None
        assert document["summary"] == {
            "by_kind": {}, "by_severity": {"error": 0, "warning": 0, "info": 0}
        }  # fmt: skip
    elif name == "table":
        assert text == "No findings.\n\n0 errors, 0 warnings, 0 info in 0 sources\n"
    elif name == "html":  # tests/reporters/test_html.py checks the page itself
        assert text.startswith("<!DOCTYPE html>") and "0 errors, 0 warnings, 0 info" in text
    else:
        assert text.startswith("# Discrepancy report\n\n0 errors, 0 warnings, 0 info in 0 sources.")
        assert "## Findings\n\nNone.\n" in text


@pytest.mark.parametrize("name", list(REPORTER_BY_NAME))
def test_output_is_byte_identical_across_renders(name: str) -> None:
    first = get_reporter(name).render(sample_report())
    second = get_reporter(name).render(sample_report())
    assert first.encode("utf-8") == second.encode("utf-8")
