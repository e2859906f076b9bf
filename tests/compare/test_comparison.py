"""One small case per finding kind and per value rule, asserting the exact findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.compare.report import Report
from tests.conftest import CaseWriter, report_of, summary


def claim(subject: str, prop: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "property": prop, "value": value, **extra}


def one_fact(write_case: CaseWriter, prop: str, values: dict[str, Any], **extra: Any) -> Report:
    """One claim per source about the MOU, own voice unless ``extra`` says otherwise."""
    sources = {
        source: {
            "source": {"outlet": source.upper()},
            "claims": [claim("mou", prop, value, **extra)],
        }
        for source, value in values.items()
    }
    return report_of(write_case(sources))


# -- value semantics ----------------------------------------------------------------------------


def test_dates_a_day_apart_are_a_conflict(write_case: CaseWriter) -> None:
    report = one_fact(
        write_case, "signed_on", {"a": "2016-11-15", "b": "2016-11-15", "c": "2016-11-16"}
    )
    assert [summary(f) for f in report.findings] == [
        ("conflict", "error", "mou", "signed_on", ("2016-11-15", "2016-11-16"), ("a", "b", "c"))
    ]
    best = report.findings[0].best_supported
    assert best is not None
    assert (best.normalized, best.independent_sources) == ("2016-11-15", 2)
    assert best.reasons == ("2 independent sources (a, b) against 1",)


def test_month_against_day_in_it_is_no_finding(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "signed_on", {"a": "2016-11", "b": "2016-11-15"})
    assert report.findings == ()
    assert [(c.normalized, c.sources, c.independent_sources) for c in report.corroborated] == [
        ("2016-11-15", ("a", "b"), 2)
    ]


def test_about_50_against_52_is_no_finding(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "exact_count", {"a": {"approx": 50}, "b": 52})
    assert report.findings == ()
    assert [c.normalized for c in report.corroborated] == ["52"]


def test_at_least_16_against_at_least_17_is_no_finding(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "exact_count", {"a": {"min": 16}, "b": {"min": 17}})
    assert report.findings == ()


def test_numbers_beyond_tolerance_conflict(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "agencies", {"a": 50, "b": 40})
    assert [summary(f) for f in report.findings] == [
        ("conflict", "error", "mou", "agencies", ("40", "50"), ("a", "b"))
    ]
    assert report.findings[0].best_supported is None  # one source each: balanced


def test_numbers_within_tolerance_agree(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "agencies", {"a": 50, "b": 54})
    assert report.findings == ()


def test_counts_at_different_times_are_a_timeline(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {
                    "source": {"outlet": "A"},
                    "claims": [
                        claim("ice", "agreements", 135, as_of="2024-12"),
                        claim("ice", "agreements", 517, as_of={"from": "2025-01", "to": "2025-04"}),
                    ],
                },
                "b": {
                    "source": {"outlet": "B"},
                    "claims": [claim("ice", "agreements", 896, as_of="2025-08-18")],
                },
            }
        )
    )
    assert report.findings == ()
    assert [(t.subject, t.property) for t in report.timelines] == [("ice", "agreements")]
    assert [(p.as_of, p.normalized, p.sources) for p in report.timelines[0].points] == [
        ("2024-12", "135", ("a",)),
        ("2025-01-01/2025-04-30", "517", ("a",)),
        ("2025-08-18", "896", ("b",)),
    ]


def test_counts_at_overlapping_times_conflict(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "agreements", {"a": 135, "b": 517}, as_of="2024-12")
    assert [summary(f) for f in report.findings] == [
        ("conflict", "error", "mou", "agreements", ("135", "517"), ("a", "b"))
    ]


def test_multi_property_values_never_conflict(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "parties", {"a": "ICE", "b": "city"})
    assert report.findings == ()


def test_entity_values_agree_through_aliases(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "signed_by", {"a": "Phillip Sanchez", "b": "sanchez"})
    assert report.findings == ()
    assert [c.normalized for c in report.corroborated] == ["sanchez"]


def test_close_texts_agree_distant_texts_conflict(write_case: CaseWriter) -> None:
    close = one_fact(
        write_case,
        "revealed_how",
        {"a": "a Public Records Act request", "b": "a public records act request."},
    )
    assert close.findings == ()
    far = one_fact(write_case, "revealed_how", {"a": "a Public Records Act request", "c": "a leak"})
    assert [f.kind for f in far.findings] == ["conflict"]


def test_relative_dates_resolve_and_are_shown(write_case: CaseWriter) -> None:
    report = one_fact(
        write_case,
        "signed_on",
        {
            "a": {"relative_to": "election", "offset": "7 days"},
            "b": "2016-11-15",
            "c": "2016-11-16",
        },
    )
    finding = report.findings[0]
    assert summary(finding) == (
        "conflict", "error", "mou", "signed_on", ("2016-11-15", "2016-11-16"), ("a", "b", "c")
    )  # fmt: skip
    assert finding.resolutions == ("7 days after election (2016-11-08) = 2016-11-15",)
    assert finding.best_supported is not None
    assert finding.best_supported.reasons == (
        "2 independent sources (a, b) against 1",
        "relative date resolves to it: 7 days after election (2016-11-08) = 2016-11-15",
    )


# -- voice --------------------------------------------------------------------------------------


def test_same_speaker_different_values_is_misattribution(write_case: CaseWriter) -> None:
    report = one_fact(write_case, "agencies", {"a": 50, "b": 20}, attributed_to="Kice")
    assert [summary(f) for f in report.findings] == [
        ("misattribution", "error", "mou", "agencies", ("20", "50"), ("a", "b"))
    ]


def test_different_speakers_dispute_with_sides(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {
                    "source": {"outlet": "A"},
                    "claims": [
                        claim(
                            "mou",
                            "in_effect",
                            False,
                            as_of="always",
                            attributed_to="city officials",
                        ),
                        claim(
                            "mou", "in_effect", False, as_of="always", attributed_to="Steve Mermell"
                        ),
                        claim(
                            "mou", "in_effect", True, attributed_to="Homeland Security officials"
                        ),
                    ],
                },
                "b": {
                    "source": {"outlet": "B", "published": "2017-02-16"},
                    "claims": [
                        claim("mou", "in_effect", True, as_of="published", attributed_to="Kice")
                    ],
                },
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("disputed", "warning", "mou", "in_effect", ("false", "true"), ("a", "b"))
    ]
    finding = report.findings[0]
    assert finding.sides == (("city", ("a",)), ("dhs", ("a", "b")))
    assert (
        finding.best_supported is None
    )  # one side each: how many outlets repeat it is no evidence


def test_own_voice_against_speaker_is_contested_assertion(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {"claims": [claim("mou", "in_effect", True, as_of="2017-02")]},
                "b": {
                    "claims": [
                        claim("mou", "in_effect", False, as_of="always", attributed_to="Mermell")
                    ]
                },
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("contested-assertion", "warning", "mou", "in_effect", ("false", "true"), ("a", "b"))
    ]


def test_speaker_agreeing_with_a_side_supports_the_conflict(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {
                    "source": {"outlet": "A"},
                    "claims": [
                        claim("mou", "signed_on", "2016-11-15"),
                        claim("mou", "signed_on", {"relative_to": "election", "offset": "7 days"},
                              attributed_to="Alvarado"),
                    ],
                },
                "b": {"source": {"outlet": "B"},
                      "claims": [claim("mou", "signed_on", "2016-11-16")]},
            }
        )
    )  # fmt: skip
    assert [summary(f) for f in report.findings] == [
        ("conflict", "error", "mou", "signed_on", ("2016-11-15", "2016-11-16"), ("a", "b"))
    ]
    roles = [(c.source, c.attributed_to, c.role) for c in report.findings[0].claims]
    assert roles == [
        ("a", None, "own-voice"),
        ("a", "alvarado", "support"),
        ("b", None, "own-voice"),
    ]


def test_a_press_release_speaks_for_its_entity(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "ice-release": {
                    "source": {"kind": "press-release", "speaks_for": "ICE"},
                    "claims": [claim("mou", "agencies", 50)],
                },
                "news": {"claims": [claim("mou", "agencies", 20)]},
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("contested-assertion", "warning", "mou", "agencies", ("20", "50"), ("ice-release", "news"))
    ]


def test_hedged_side_lowers_the_severity(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {"claims": [claim("mou", "signed_on", "2016-11-15")]},
                "b": {"claims": [claim("mou", "signed_on", "2016-11-16", hedged=True)]},
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("conflict", "warning", "mou", "signed_on", ("2016-11-15", "2016-11-16"), ("a", "b"))
    ]
    assert report.findings[0].hedged is True


# -- independence -------------------------------------------------------------------------------


def test_corroborate_property_with_one_outlet_is_single_source(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a1": {"source": {"outlet": "Same Outlet"}, "claims": [claim("ice", "raids", 680)]},
                "a2": {"source": {"outlet": "same outlet"}, "claims": [claim("ice", "raids", 680)]},
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("single-source", "info", "ice", "raids", ("680",), ("a1", "a2"))
    ]


def test_based_on_sources_count_once(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "wire": {"claims": [claim("ice", "raids", 680)]},
                "copy": {"source": {"based_on": ["wire"]}, "claims": [claim("ice", "raids", 680)]},
                "other": {"claims": [claim("ice", "exact_count", 3)]},
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        ("single-source", "info", "ice", "raids", ("680",), ("copy", "wire"))
    ]
    assert [(s.subject, s.property, s.sources) for s in report.single_source] == [
        ("ice", "exact_count", ("other",))
    ]


def test_independent_sources_corroborate(write_case: CaseWriter) -> None:
    report = one_fact(
        write_case, "agencies", {"kpcc": {"approx": 50}, "pn": {"approx": 50}}, attributed_to="Kice"
    )
    assert report.findings == ()
    assert [
        (c.property, c.normalized, c.sources, c.independent_sources) for c in report.corroborated
    ] == [("agencies", "~50", ("kpcc", "pn"), 2)]


# -- quotes, names, evidence --------------------------------------------------------------------


def quotes_case(write_case: CaseWriter, a: list[Any], b: list[Any]) -> Report:
    return report_of(
        write_case(
            {
                "a": {"quotes": [{"speaker": "Kice", "text": t} for t in a]},
                "b": {"quotes": [{"speaker": "Kice", "text": t} for t in b]},
            }
        )
    )


def test_changed_words_are_a_quote_variant(write_case: CaseWriter) -> None:
    report = quotes_case(
        write_case,
        ["Essentially these agreements are pretty routine,"],
        ["Essentially these agreements are very routine."],
    )
    assert [summary(f) for f in report.findings] == [
        (
            "quote-variant", "warning", "kice", None,
            ("essentially these agreements are pretty routine",
             "essentially these agreements are very routine"),
            ("a", "b"),
        )
    ]  # fmt: skip
    assert report.findings[0].diff == (
        "a -> b: Essentially these agreements are [-pretty-] {+very+} routine."
    )


def test_punctuation_only_variant_is_info(write_case: CaseWriter) -> None:
    report = quotes_case(write_case, ["It is, as ever, routine"], ["It is as ever routine"])
    assert [(f.kind, f.severity.label) for f in report.findings] == [("quote-variant", "info")]


def test_different_quotes_fragments_and_insertions_are_no_finding(write_case: CaseWriter) -> None:
    report = quotes_case(
        write_case,
        ["Essentially these agreements are pretty routine,", "commonplace and routine."],
        [
            "The city can terminate it at any time.",
            "these agreements are pretty routine",
            ["Essentially these agreements", "are pretty [quite] routine,"],
        ],
    )
    assert report.findings == ()


def test_misspelled_name_is_a_name_variant(write_case: CaseWriter) -> None:
    report = report_of(
        write_case(
            {
                "a": {
                    "claims": [
                        claim(
                            "mou", "parties", "U.S. Customs and Immigration Enforcement", id="party"
                        ),
                    ]
                }
            }
        )
    )
    assert [summary(f) for f in report.findings] == [
        (
            "name-variant",
            "warning",
            "ice",
            None,
            ("us customs and immigration enforcement",),
            ("a",),
        )
    ]
    ref = report.findings[0].claims[0]
    assert (ref.value, ref.id, ref.role, ref.line) == (
        "U.S. Customs and Immigration Enforcement", "party", "entity", 5
    )  # fmt: skip


def test_evidence_missing_from_text_is_a_finding(write_case: CaseWriter) -> None:
    folder = write_case(
        {
            "a": {
                "source": {"text": "a.txt"},
                "claims": [claim("mou", "signed_on", "2016-11-15", evidence="signed on Nov. 16")],
            },
            "b": {"source": {"text": "missing.txt"}},
        },
        texts={"a.txt": "The MOU was signed on Nov. 15.\n"},
    )
    report = report_of(folder)
    assert [summary(f) for f in report.findings] == [
        ("evidence-not-found", "error", "mou", "signed_on", ("2016-11-15",), ("a",)),
        ("text-missing", "warning", None, None, ("missing.txt",), ("b",)),
    ]


def test_report_is_the_same_whatever_the_order_of_files(write_case: CaseWriter) -> None:
    from checker.reporters.json_report import JsonReporter

    folder = write_case(
        {
            "a": {"claims": [claim("mou", "signed_on", "2016-11-15")]},
            "b": {"claims": [claim("mou", "signed_on", "2016-11-16")]},
            "c": {"claims": [claim("mou", "agencies", 50, attributed_to="Kice")]},
        }
    )
    files = sorted(folder.glob("[abc].yaml"))
    from checker.claims.validation import validate
    from checker.compare.engine import build_report

    forward = JsonReporter().render(build_report(validate(files)))
    backward = JsonReporter().render(build_report(validate(list(reversed(files)))))
    whole = JsonReporter().render(build_report(validate([folder])))
    assert forward == backward == whole


def test_fingerprint_ignores_sources_and_lines(write_case: CaseWriter) -> None:
    first = one_fact(write_case, "signed_on", {"a": "2016-11-15", "b": "2016-11-16"})
    again = one_fact(
        write_case, "signed_on", {"a": "2016-11-15", "b": "2016-11-16", "z": "2016-11-16"}
    )
    assert first.findings[0].fingerprint == again.findings[0].fingerprint
    other = one_fact(write_case, "signed_on", {"a": "2016-11-15", "b": "2016-11-17"})
    assert other.findings[0].fingerprint != first.findings[0].fingerprint


def test_unused_path_argument_is_a_usage_error(tmp_path: Path) -> None:
    from checker.cli.app import main

    assert main(["compare", str(tmp_path / "nothing-here")]) == 2


def test_claims_are_compact_and_survive_pickling_whole() -> None:
    import pickle

    from checker.model.case import BoolValue, Claim, Location

    claim = Claim("a", Location("f", None, None, ("claims", 3)), 3, "s", "p", True, BoolValue(True))
    assert claim.normalized == "true"
    assert not hasattr(claim, "__dict__")  # slots: a million claims in a third of the memory
    copy = pickle.loads(pickle.dumps(claim))
    assert repr(copy) == repr(claim)  # every field, the location as it stood
    assert copy.location._path == ("claims", 3) and copy.location._line is None  # still lazy
    assert copy != claim and copy == copy  # claims compare by identity


def test_date_ranges_agree_when_they_overlap(write_case: CaseWriter) -> None:
    inside = one_fact(
        write_case,
        "signed_on",
        {"a": {"from": "2016-11-01", "to": "2016-11-20"}, "b": "2016-11-15"},
    )
    assert inside.findings == ()
    outside = one_fact(write_case, "signed_on", {"a": {"from": "2016-12-01"}, "b": "2016-11-15"})
    assert [summary(f) for f in outside.findings] == [
        ("conflict", "error", "mou", "signed_on", ("2016-11-15", "2016-12-01/.."), ("a", "b"))
    ]


def test_a_fact_many_sources_state_is_paired_by_cell_not_by_claim() -> None:
    """3,000 sources on one fact, 2,000 saying one date and 1,000 another: one pair of cells
    (not two million pairs of claims), one conflict that lists every claim, best supported by
    the larger side."""
    from checker.compare.comparison import GroupComparer
    from checker.compare.support import Independence
    from checker.model.case import Case, CaseModel, Claim, Location, PropertySpec, Source
    from checker.model.dates import parse_date

    spec = PropertySpec("signed_on", "date")
    sources = {f"s{i:04d}": Source(f"s{i:04d}", f"s{i:04d}.yaml") for i in range(3000)}
    claims = [
        Claim(source, Location(f"{source}.yaml", 3, 5), 0, "mou", "signed_on", day, parse_date(day))
        for i, source in enumerate(sources)
        for day in ["2016-11-15" if i % 3 else "2016-11-16"]
    ]
    case = Case("big", None, None, {}, {"signed_on": spec})
    model = CaseModel(case, sources, tuple(claims), (), ())
    comparer = GroupComparer(model, spec, Independence(model))
    cells = comparer.cells(claims)
    assert [(c.normalized, len(c.claims)) for c in cells] == [
        ("2016-11-16", 1000),
        ("2016-11-15", 2000),
    ]
    assert len(comparer.disagreeing_pairs(cells)) == 1
    [finding] = comparer.compare("mou", claims).findings
    assert finding.kind == "conflict"
    assert len(finding.claims) == 3000
    assert finding.best_supported is not None
    assert finding.best_supported.normalized == "2016-11-15"
    assert finding.best_supported.independent_sources == 2000
    assert finding.message == (
        "mou signed_on: sources disagree in their own voice: "
        "2016-11-15 (s0001; s0002; s0004; s0005; s0007; and 1,995 more) vs "
        "2016-11-16 (s0000; s0003; s0006; s0009; s0012; and 995 more)"
    )
