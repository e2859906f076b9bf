"""Acceptance on the shipped case: the findings a careful editor expects, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.claims.validation import validate
from checker.cli.app import main
from checker.compare.engine import build_report
from checker.compare.report import Report
from tests.conftest import summary

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "claims" / "pasadena-ice-mou"
SEEDS = ROOT.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")

PW, PN, AN, KPCC = (
    "pasadena-weekly-2017-02",
    "pasadena-now-2017-02-16",
    "altadena-now-2025-08-21",
    "kpcc-2017",
)


@pytest.fixture(scope="module")
def report() -> Report:
    result = validate([CASE])
    assert result.errors == []
    return build_report(result)


@needs_seeds
def test_validate_exits_0_with_only_the_three_name_variants(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(CASE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "0 errors, 3 warnings in 6 files"
    assert all(": warning: name-variant: " in line for line in lines[:-1])


@needs_seeds
def test_every_finding(report: Report) -> None:
    assert [(f.kind, f.severity.label, f.subject, f.property) for f in report.findings] == [
        ("conflict", "error", "ppd-ice-mou", "signed_on"),
        ("disputed", "warning", "ppd-ice-mou", "in_effect"),
        ("disputed", "warning", "ppd-ice-mou", "usable_to_force_immigration_roundups"),
        ("name-variant", "warning", "ice", None),
        ("name-variant", "warning", "ndlon", None),
    ]


def test_signing_date_conflict(report: Report) -> None:
    conflict = report.findings[0]
    assert summary(conflict) == (
        "conflict", "error", "ppd-ice-mou", "signed_on", ("2016-11-15", "2016-11-16"), (AN, PN, PW)
    )  # fmt: skip
    own_voice = [c for c in conflict.claims if c.role == "own-voice"]
    by_value = {
        v: sorted({c.source for c in own_voice if c.normalized == v}) for v in conflict.values
    }
    assert by_value == {"2016-11-15": [PN, PW], "2016-11-16": [AN]}
    support = [(c.source, c.attributed_to) for c in conflict.claims if c.role == "support"]
    assert support == [(PW, "pablo-alvarado")]
    best = conflict.best_supported
    assert best is not None and (best.normalized, best.independent_sources) == ("2016-11-15", 2)
    assert conflict.resolutions == ("7 days after us-election-2016 (2016-11-08) = 2016-11-15",)
    assert (
        "relative date resolves to it: 7 days after us-election-2016 (2016-11-08) = 2016-11-15"
        in best.reasons
    )


def test_in_effect_is_disputed_city_against_ice(report: Report) -> None:
    disputed = report.findings[1]
    assert summary(disputed) == (
        "disputed", "warning", "ppd-ice-mou", "in_effect", ("false", "true"), (AN, PN)
    )  # fmt: skip
    assert disputed.sides == (("city-of-pasadena", (AN,)), ("dhs", (AN, PN)))
    speakers = {(c.attributed_to, c.normalized) for c in disputed.claims}
    assert speakers == {
        ("city-officials", "false"),
        ("steve-mermell", "false"),
        ("dhs-officials", "true"),
        ("virginia-kice", "true"),
        ("ice-officials", "true"),
    }
    assert disputed.best_supported is None


def test_garbled_agency_names(report: Report) -> None:
    ice = report.findings[3]
    assert sorted((c.value, c.source) for c in ice.claims) == [
        ("Immigration Customs Enforcement", PN),
        ("U.S. Customs and Immigration Enforcement", "pasadena-2025-08-oversight"),
    ]
    ndlon = report.findings[4]
    assert [(c.value, c.source) for c in ndlon.claims] == [
        ("National Day Laborers Organizing Network", PW)
    ]


def test_287g_counts_are_a_timeline(report: Report) -> None:
    timeline = next(t for t in report.timelines if t.property == "agreements_287g")
    assert [(p.as_of, p.normalized) for p in timeline.points] == [
        ("2024-12", "135"),
        ("2025-01-01/2025-04-30", "517"),
        ("2025-06-01/2025-08-31", "~900"),
        ("2025-08-18", "896"),
    ]
    assert not [f for f in report.findings if f.property == "agreements_287g"]


def test_about_50_agencies_corroborated(report: Report) -> None:
    agencies = [c for c in report.corroborated if c.property == "la_area_agencies_with_similar_mou"]
    assert [(c.subject, c.normalized, c.sources, c.independent_sources) for c in agencies] == [
        ("ice", "~50", (KPCC, PN), 2)
    ]
