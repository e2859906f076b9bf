"""Tests of the CI formats (SARIF, JUnit, GitHub workflow commands, GitLab Code Quality).

The hand-built annotations, in the order a caller would sort them, are:
- a conflict (error) in la-times.yaml, line 9, whose message names a second place;
- a disputed fact (warning) in la-times.yaml, line 20, column 3;
- a single-source fact (info) in pasadena-weekly.yaml, line 30, column 5;
- a text-missing finding (warning) with no file: it is about the case, not a place.
Real runs (a two-source conflict; a case with an unknown property and a YAML syntax error) check
that what `checker compare` and `checker validate` produce goes through every format.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for
from junitparser import Failure, JUnitXml

import checker
from checker.claims.problems import Severity
from checker.claims.validation import validate
from checker.compare.engine import build_report
from checker.gate.annotations import (
    Annotation,
    Rule,
    finding_rules,
    from_problems,
    from_report,
    problem_rules,
)
from checker.reporters import CI_FORMATS, get_ci_format
from checker.reporters.github import GithubFormat
from checker.reporters.gitlab import GitlabFormat
from checker.reporters.junit import JunitFormat
from checker.reporters.sarif import SarifFormat
from tests.conftest import CaseWriter

SARIF_SPEC = Path(__file__).parents[3] / "shared" / "specs" / "sarif-schema-2.1.0.json"
LAT, PW = "claims/pasadena/la-times.yaml", "claims/pasadena/pasadena-weekly.yaml"
CONFLICT_MESSAGE = f"Sources disagree on signed_on: 2016-11-15 or 2016-11-16. (also at {PW}:12)"

ANNOTATIONS = [
    Annotation(LAT, 9, 1, Severity.ERROR, "conflict", "conflict: mou signed_on",
               CONFLICT_MESSAGE, "0f3a9c2b7d4e5f601a2b"),
    Annotation(LAT, 20, 3, Severity.WARNING, "disputed", "disputed: mou in_effect",
               "ICE says the MOU is in effect; NDLON says it is not.", "1b2c3d4e5f60718293a4"),
    Annotation(PW, 30, 5, Severity.INFO, "single-source", "single-source: mou raids",
               "Only pasadena-weekly reports raids.", "2c3d4e5f60718293a4b5"),
    Annotation("", 1, 1, Severity.WARNING, "text-missing", "text-missing: sources",
               "No source declares a text file.", "3d4e5f60718293a4b5c6"),
]  # fmt: skip
RULES = finding_rules()


def rule_index(rule_id: str) -> int:
    return [rule.id for rule in RULES].index(rule_id)


def sarif(
    annotations: list[Annotation], rules: list[Rule] = RULES, command: str = "compare"
) -> Any:
    return json.loads(SarifFormat().render(annotations, rules, command))


def assert_valid_sarif(log: Any) -> None:
    if not SARIF_SPEC.exists():
        pytest.skip(f"no SARIF schema at {SARIF_SPEC}")
    schema = json.loads(SARIF_SPEC.read_text(encoding="utf-8"))
    validator = validator_for(schema)(schema)
    assert [error.message for error in validator.iter_errors(log)] == []


def junit(annotations: list[Annotation], command: str = "compare") -> JUnitXml:
    return JUnitXml.fromstring(JunitFormat().render(annotations, RULES, command))


def suites(xml: JUnitXml) -> list[tuple[str, int, int, list[str]]]:
    return [(s.name, s.tests, s.failures, [case.name for case in s]) for s in xml]


# --- every CI format ---------------------------------------------------------------------------


def test_registry_names_each_format_by_its_own_name() -> None:
    assert list(CI_FORMATS) == ["sarif", "junit", "github", "gitlab"]
    for name, format_class in CI_FORMATS.items():
        assert format_class.name == name
        assert type(get_ci_format(name)) is format_class
    with pytest.raises(KeyError, match="xml"):
        get_ci_format("xml")


@pytest.mark.parametrize("name", list(CI_FORMATS))
def test_output_is_deterministic_and_plain(name: str) -> None:
    first = get_ci_format(name).render(ANNOTATIONS, RULES, "compare")
    assert first == get_ci_format(name).render(ANNOTATIONS, RULES, "compare")
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\x1b" not in first


# --- SARIF -------------------------------------------------------------------------------------


def test_sarif_is_valid_and_names_the_tool_and_rules() -> None:
    log = sarif(ANNOTATIONS)
    assert_valid_sarif(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("checker", checker.__version__)
    assert driver["informationUri"] == "https://github.com/checker-dev/checker"
    assert [rule["id"] for rule in driver["rules"]] == [rule.id for rule in RULES]
    assert driver["rules"][rule_index("single-source")] == {
        "id": "single-source",
        "name": "SingleSource",
        "shortDescription": {"text": RULES[rule_index("single-source")].help},
        "fullDescription": {"text": RULES[rule_index("single-source")].help},
        "help": {"text": RULES[rule_index("single-source")].help},
        "defaultConfiguration": {"level": "note"},
    }
    assert run["automationDetails"] == {"id": "checker/compare/"}


def test_sarif_results_in_full() -> None:
    def located(uri: str, line: int, column: int) -> list[Any]:
        region = {"startLine": line, "startColumn": column}
        return [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}]

    assert sarif(ANNOTATIONS)["runs"][0]["results"] == [
        {"ruleId": "conflict", "ruleIndex": rule_index("conflict"), "level": "error",
         "message": {"text": CONFLICT_MESSAGE}, "locations": located(LAT, 9, 1),
         "partialFingerprints": {"checker/v1": "0f3a9c2b7d4e5f601a2b"}},
        {"ruleId": "disputed", "ruleIndex": rule_index("disputed"), "level": "warning",
         "message": {"text": ANNOTATIONS[1].message}, "locations": located(LAT, 20, 3),
         "partialFingerprints": {"checker/v1": "1b2c3d4e5f60718293a4"}},
        {"ruleId": "single-source", "ruleIndex": rule_index("single-source"), "level": "note",
         "message": {"text": ANNOTATIONS[2].message}, "locations": located(PW, 30, 5),
         "partialFingerprints": {"checker/v1": "2c3d4e5f60718293a4b5"}},
        # No file, no location: an honest gap rather than a made-up place.
        {"ruleId": "text-missing", "ruleIndex": rule_index("text-missing"), "level": "warning",
         "message": {"text": ANNOTATIONS[3].message}, "locations": [],
         "partialFingerprints": {"checker/v1": "3d4e5f60718293a4b5c6"}},
    ]  # fmt: skip


def test_sarif_uris_regions_and_unknown_rules(tmp_path: Path) -> None:
    absolute = tmp_path / "my case" / "a.yaml"
    odd = [
        Annotation("claims/my case/a.yaml", 0, 0, Severity.ERROR, "syntax", "t", "m", "f1"),
        Annotation(str(absolute), 3, 2, Severity.ERROR, "not-a-rule", "t", "m", "f2"),
    ]
    log = sarif(odd, problem_rules(), "validate")
    assert_valid_sarif(log)
    first, second = log["runs"][0]["results"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "claims/my%20case/a.yaml"
    assert location["region"] == {"startLine": 1, "startColumn": 1}
    uri = second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == absolute.as_uri() and uri.startswith("file:///") and "%20" in uri
    assert "ruleIndex" not in second and second["ruleId"] == "not-a-rule"


def test_sarif_empty_run() -> None:
    log = sarif([], problem_rules(), "validate")
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["automationDetails"] == {"id": "checker/validate/"}
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(problem_rules())


# --- JUnit -------------------------------------------------------------------------------------


def test_junit_suites_cases_and_failures() -> None:
    text = JunitFormat().render(ANNOTATIONS, RULES, "compare")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(text)
    assert root.attrib == {"name": "checker compare", "tests": "4", "failures": "4", "errors": "0"}
    xml = junit(ANNOTATIONS)
    assert suites(xml) == [
        (LAT, 2, 2, ["conflict: mou signed_on line 9", "disputed: mou in_effect line 20"]),
        (PW, 1, 1, ["single-source: mou raids line 30"]),
        ("(case)", 1, 1, ["text-missing: sources line 1"]),
    ]
    first = next(iter(next(iter(xml))))
    assert first.classname == "claims.pasadena.la-times.yaml"
    [failure] = first.result
    assert isinstance(failure, Failure)
    assert (failure.type, failure.message) == ("conflict", CONFLICT_MESSAGE)
    assert failure.text == f"{LAT}:9:1: error: {CONFLICT_MESSAGE}"
    case_level = next(iter(list(xml)[2]))
    assert case_level.classname == "(case)"
    assert case_level.result[0].text == "warning: No source declares a text file."


def test_junit_names_are_unique_and_text_is_escaped() -> None:
    message = 'a <b> & "c" \x1b[31m'
    same = Annotation(LAT, 9, 1, Severity.ERROR, "schema", "schema at $", message, "f")
    clash = Annotation(LAT, 9, 1, Severity.ERROR, "schema", "schema at $ line 9 #2", "m", "g")
    xml = junit([same, same, clash, same], "validate")
    assert suites(xml) == [
        (LAT, 4, 4, ["schema at $ line 9", "schema at $ line 9 #2",
                     "schema at $ line 9 #2 line 9", "schema at $ line 9 #3"]),
    ]  # fmt: skip
    failure = next(iter(next(iter(xml)))).result[0]
    assert failure.message == 'a <b> & "c" \\x1b[31m'


def test_junit_titles_without_their_rule_get_it_in_front() -> None:
    bare = Annotation(PW, 2, 1, Severity.INFO, "single-source", "mou raids", "m", "f")
    assert suites(junit([bare])) == [(PW, 1, 1, ["single-source mou raids line 2"])]


@pytest.mark.parametrize("command", ["validate", "compare"])
def test_junit_empty_run_is_one_passing_case(command: str) -> None:
    text = JunitFormat().render([], RULES, command)
    assert ET.fromstring(text).attrib["tests"] == "1"
    xml = JUnitXml.fromstring(text)
    assert (xml.name, xml.tests, xml.failures) == (f"checker {command}", 1, 0)
    assert suites(xml) == [(f"checker {command}", 1, 0, ["no findings"])]
    case = next(iter(next(iter(xml))))
    assert case.is_passed and case.result == []


# --- GitHub workflow commands ------------------------------------------------------------------


def test_github_lines_in_full() -> None:
    assert GithubFormat().render(ANNOTATIONS, RULES, "compare").splitlines() == [
        f"::error file={LAT},line=9,col=1,title=conflict%3A mou signed_on::"
        f"Sources disagree on signed_on: 2016-11-15 or 2016-11-16. (also at {PW}:12)",
        f"::warning file={LAT},line=20,col=3,title=disputed%3A mou in_effect::"
        "ICE says the MOU is in effect; NDLON says it is not.",
        f"::notice file={PW},line=30,col=5,title=single-source%3A mou raids::"
        "Only pasadena-weekly reports raids.",
        "::warning title=text-missing%3A sources::No source declares a text file.",
    ]


def unescape(text: str) -> str:
    codes = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda m: codes[m.group()], text)


def test_github_commands_cannot_be_injected() -> None:
    title = "evil, title: ::error::x %0A\nsecond\rthird"
    message = "a quote:\n::error file=x.yaml::pwned\r\n100%0A done, then: more"
    file = "claims/odd, name:1.yaml"
    hostile = [
        Annotation(file, 4, 2, Severity.ERROR, "quote-variant", title, message, "f"),
        Annotation(LAT, 5, 1, Severity.INFO, "single-source", title, message, "g"),
    ]
    text = GithubFormat().render(hostile, RULES, "compare")
    assert "\r" not in text
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines[:-1]) == 2
    for line, annotation in zip(lines[:-1], hostile, strict=True):
        head, data = line[2:].split("::", 1)
        command, spelled = head.split(" ", 1)
        assert command == {Severity.ERROR: "error", Severity.INFO: "notice"}[annotation.severity]
        properties = dict(pair.split("=", 1) for pair in spelled.split(","))
        assert {key: unescape(value) for key, value in properties.items()} == {
            "file": annotation.file,
            "line": str(annotation.line),
            "col": str(annotation.column),
            "title": title,
        }
        assert unescape(data) == message
    assert "100%250A done" in lines[0]


def test_github_empty_run_prints_nothing() -> None:
    assert GithubFormat().render([], RULES, "compare") == ""


# --- GitLab Code Quality -----------------------------------------------------------------------


def gitlab(annotations: list[Annotation]) -> Any:
    return json.loads(GitlabFormat().render(annotations, RULES, "compare"))


def test_gitlab_issues_in_full() -> None:
    text = GitlabFormat().render(ANNOTATIONS, RULES, "compare")
    assert text.startswith('[\n  {\n    "description": ')
    assert json.loads(text) == [
        {"description": CONFLICT_MESSAGE, "check_name": "conflict",
         "fingerprint": "0f3a9c2b7d4e5f601a2b", "severity": "critical",
         "location": {"path": LAT, "lines": {"begin": 9}}},
        {"description": ANNOTATIONS[1].message, "check_name": "disputed",
         "fingerprint": "1b2c3d4e5f60718293a4", "severity": "major",
         "location": {"path": LAT, "lines": {"begin": 20}}},
        {"description": ANNOTATIONS[2].message, "check_name": "single-source",
         "fingerprint": "2c3d4e5f60718293a4b5", "severity": "info",
         "location": {"path": PW, "lines": {"begin": 30}}},
        {"description": ANNOTATIONS[3].message, "check_name": "text-missing",
         "fingerprint": "3d4e5f60718293a4b5c6", "severity": "major",
         "location": {"path": "", "lines": {"begin": 1}}},
    ]  # fmt: skip


def test_gitlab_shared_fingerprints_become_unique_and_ignore_lines() -> None:
    def shared(lines: tuple[int, int, int]) -> list[Annotation]:
        files = (LAT, PW, PW)
        return [
            Annotation(file, line, 1, Severity.ERROR, "conflict", "t", "m", "same")
            for file, line in zip(files, lines, strict=True)
        ] + [Annotation(LAT, lines[0], 1, Severity.ERROR, "conflict", "t", "m", "alone")]

    fingerprints = [issue["fingerprint"] for issue in gitlab(shared((9, 12, 40)))]
    assert len(set(fingerprints)) == 4
    assert fingerprints[3] == "alone" and "same" not in fingerprints
    # Moving every issue to other lines keeps every fingerprint.
    assert [issue["fingerprint"] for issue in gitlab(shared((1, 2, 3)))] == fingerprints


def test_gitlab_empty_run() -> None:
    assert GitlabFormat().render([], RULES, "compare") == "[]\n"


# --- real runs ---------------------------------------------------------------------------------


@pytest.fixture
def case_dir(write_case: CaseWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two sources in their own voice: a says the MOU was signed 2016-11-15, b 2016-11-16."""
    monkeypatch.chdir(tmp_path)  # files are named relative to the working folder
    return write_case(
        {
            source: {"claims": [{"subject": "mou", "property": "signed_on", "value": value}]}
            for source, value in {"a": "2016-11-15", "b": "2016-11-16"}.items()
        }
    )


def test_a_real_comparison_through_every_format(case_dir: Path) -> None:
    report = build_report(validate([case_dir]))
    annotations = from_report(report)
    [finding] = report.findings
    log = sarif(annotations)
    assert_valid_sarif(log)
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["ruleIndex"], result["level"]) == (
        "conflict", rule_index("conflict"), "error"
    )  # fmt: skip
    location = result["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "case/a.yaml"},
        "region": {"startLine": 3, "startColumn": 1},
    }
    assert result["partialFingerprints"] == {"checker/v1": finding.fingerprint}
    assert suites(junit(annotations)) == [("case/a.yaml", 1, 1, ["conflict: mou signed_on line 3"])]
    [line] = GithubFormat().render(annotations, RULES, "compare").splitlines()
    assert line.startswith(
        "::error file=case/a.yaml,line=3,col=1,title=conflict%3A mou signed_on::"
    )
    assert [issue["fingerprint"] for issue in gitlab(annotations)] == [finding.fingerprint]


def test_a_real_validation_through_every_format(case_dir: Path) -> None:
    (case_dir / "c.yaml").write_text(
        "format: claims/1\nsource: {id: c}\nclaims:\n"
        "- {subject: mou, property: colour, value: red}\n",
        encoding="utf-8",
    )
    (case_dir / "d.yaml").write_text("format: claims/1\nsource: {id: d\n", encoding="utf-8")
    annotations = from_problems(validate([case_dir]).problems)
    log = sarif(annotations, problem_rules(), "validate")
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    rule_ids = [rule.id for rule in problem_rules()]
    assert [
        (r["ruleId"], r["ruleIndex"], r["level"], r["locations"][0]["physicalLocation"]["region"])
        for r in results
    ] == [
        ("unknown-property", rule_ids.index("unknown-property"), "error",
         {"startLine": 4, "startColumn": 28}),
        ("syntax", rule_ids.index("syntax"), "error", {"startLine": 3, "startColumn": 1}),
    ]  # fmt: skip
    assert [r["partialFingerprints"]["checker/v1"] for r in results] == [
        a.fingerprint for a in annotations
    ]
    xml = JUnitXml.fromstring(JunitFormat().render(annotations, problem_rules(), "validate"))
    assert xml.name == "checker validate"
    assert suites(xml) == [
        ("case/c.yaml", 1, 1, ["unknown-property at $.claims[0].property line 4"]),
        ("case/d.yaml", 1, 1, ["syntax at $ line 3"]),
    ]
