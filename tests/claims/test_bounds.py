"""Bounds on work and size: long excerpts, texts over the size cap, many look-alike names.

Speed itself is measured by ``benchmarks/bench_bounds.py``; here, the exact messages, results
that stay those of the unbounded search, and the bounded amount of work where it can be
counted.
"""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from checker.claims import evidence
from checker.claims.evidence import SourceText
from checker.claims.outcome import Options
from checker.claims.validation import validate
from checker.cli.app import main
from checker.model.names import NAME_VARIANT_THRESHOLD, NameIndex, Resolution
from checker.model.text import fold_name
from tests.conftest import CaseWriter

TEXT = "The MOU was signed on Nov. 15, one week after the election.\n"


def problems_of(folder: Path, options: Options | None = None) -> list[tuple[str, str, str]]:
    return [(p.code, p.message, p.json_path) for p in validate([folder], options).problems]


def claim(evidence: str | list[str]) -> dict[str, Any]:
    return {"subject": "mou", "property": "signed_on", "value": "2016-11-15", "evidence": evidence}


# -- excerpts longer than the text ----------------------------------------------------------


def test_evidence_longer_than_the_text_is_not_searched(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    aligned: list[str] = []
    align = fuzz.partial_ratio_alignment
    monkeypatch.setattr(
        fuzz, "partial_ratio_alignment", lambda a, b: aligned.append(a) or align(a, b)
    )
    excerpt = "The MOU was signed on Nov. 15,  one week after the election, officials said."
    folder = write_case(
        {"s": {"source": {"text": "s.txt"}, "claims": [claim(excerpt)]}}, {"s.txt": TEXT}
    )
    assert problems_of(folder) == [
        (
            "evidence-not-found",
            "evidence is longer than the source text (75 characters against 59)",
            "$.claims[0].evidence",
        )
    ]
    assert aligned == []


def test_a_megabyte_of_evidence_against_a_short_text(write_case: CaseWriter) -> None:
    excerpt = "signed on\n" * 100_000  # folded: one space for each line break, none at the end
    folder = write_case(
        {"s": {"source": {"text": "s.txt"}, "claims": [claim([excerpt, "Nov. 15"])]}},
        {"s.txt": TEXT},
    )
    assert problems_of(folder) == [
        (
            "evidence-not-found",
            "evidence is longer than the source text (999,999 characters against 59)",
            "$.claims[0].evidence[0]",
        )
    ]


def test_quote_and_quote_part_longer_than_the_text(write_case: CaseWriter) -> None:
    long = "One week after the election, the MOU was signed on Nov. 15, and not before."
    quotes = [
        {"speaker": "kice", "text": long},
        {"speaker": "kice", "text": ["The MOU was signed", long]},
    ]
    folder = write_case({"s": {"source": {"text": "s.txt"}, "quotes": quotes}}, {"s.txt": TEXT})
    assert problems_of(folder) == [
        (
            "evidence-not-found",
            "quote is longer than the source text (75 characters against 59)",
            "$.quotes[0].text",
        ),
        (
            "evidence-not-found",
            "quote part 2 of 2 is longer than the source text (75 characters against 59)",
            "$.quotes[1].text[1]",
        ),
    ]


def test_an_excerpt_as_long_as_the_text_is_still_compared() -> None:
    miss = SourceText(TEXT).closest(TEXT.replace("15", "16"))
    assert (miss.longer, miss.line, miss.closest) == (None, 1, TEXT.strip())


# -- long excerpts: a bounded search for the closest passage ---------------------------------

#: 2,500 distinct lines, 190 KB.
LONG_TEXT = "".join(
    f"Line {n} says the council met on day {n % 28 + 1} with {n * 7 % 100} members present.\n"
    for n in range(2500)
)


def test_a_long_excerpt_is_aligned_in_bounded_pieces(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, int]] = []
    align = fuzz.partial_ratio_alignment

    def counted(a: str, b: str) -> Any:
        calls.append((len(a), len(b)))
        return align(a, b)

    monkeypatch.setattr(fuzz, "partial_ratio_alignment", counted)
    lines = LONG_TEXT.splitlines()[1200:1240]
    excerpt = " ".join(lines).replace("day 5 with", "day 6 with")  # 3,200 characters
    assert len(excerpt) ** 2 * len(LONG_TEXT) > evidence.WHOLE_ALIGNMENT_WORK
    folder = write_case(
        {"s": {"source": {"text": "s.txt"}, "claims": [claim(excerpt)]}}, {"s.txt": LONG_TEXT}
    )
    assert problems_of(folder) == [
        (
            "evidence-not-found",
            "evidence not found verbatim in the source text; closest passage (text line 1201): "
            "'Line 1200 says the council met on day 25 with 0 members present. Line 1201 sa...'",
            "$.claims[0].evidence",
        )
    ]
    # Three short pieces against the whole text, then the head against a stretch of it.
    short, head = evidence.SHORT_EXCERPT, evidence.ALIGNED_HEAD
    assert [a for a, _ in calls] == [short, short, short, head]
    assert calls[-1][1] <= head + 2 * short


def test_within_the_work_bound_the_whole_excerpt_is_aligned_as_before() -> None:
    text = SourceText(LONG_TEXT)
    excerpt = " ".join(LONG_TEXT.splitlines()[700:702]).replace("members", "member")
    assert len(excerpt) ** 2 * len(LONG_TEXT) <= evidence.WHOLE_ALIGNMENT_WORK
    whole = fuzz.partial_ratio_alignment(excerpt, text.folded)
    assert whole is not None
    miss = text.closest(excerpt)
    assert (miss.closest, miss.line, miss.score) == (
        text.folded[whole.dest_start : whole.dest_end],
        701,
        whole.score,
    )


# -- the folded text and its map back to lines ------------------------------------------------


class CharacterMap:
    """The map as it was first written: one entry per folded character (the reference)."""

    def __init__(self, text: str):
        folded: list[str] = []
        self.origin: list[int] = []
        pending_space = False
        for index, char in enumerate(text):
            if char.isspace():
                pending_space = bool(folded)
                continue
            if pending_space:
                folded.append(" ")
                self.origin.append(index)
                pending_space = False
            piece = FOLDED.get(char, char)
            folded.extend(piece)
            self.origin.extend([index] * len(piece))
        self.folded = "".join(folded)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, folded_index: int) -> tuple[int, int]:
        offset = self.origin[folded_index] if self.origin else 0
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


FOLDED = {"\u2026": "...", "\u201c": '"', "\u2019": "'", "\u2014": "-"}
PIECES = ["a", "Bc", " ", "  ", "\n", "\r\n", "\t", "\n\n", "\u00a0", "\u2028", "\x1c", "\x85",
          "\u2026", "\u201c", "\u2019", "\u2014", ".", "\u3000"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    block=st.sampled_from([3, 7, 4096]),
)
def test_segments_map_every_folded_character_as_one_entry_each_did(text: str, block: int) -> None:
    reference = CharacterMap(text)
    original = evidence._BLOCK
    evidence._BLOCK = block  # small blocks: lines counted across many of them
    try:
        source = SourceText(text)
        assert source.folded == reference.folded
        for index in range(len(reference.folded)) or [0]:
            found = source._position(index)
            assert (found.line, found.column) == reference.position(index)
    finally:
        evidence._BLOCK = original


# -- source texts over the size cap ----------------------------------------------------------


def test_a_text_over_the_cap_is_not_read(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_case({"s": {"source": {"text": "big.txt"}, "claims": [claim("Nov. 15")]}})
    with (folder / "big.txt").open("wb") as sparse:
        sparse.truncate(10 * 1024 * 1024 + 1)  # a hole: the size without the bytes

    def never(self: SourceText, text: str) -> None:
        raise AssertionError("an over-cap text was read")

    monkeypatch.setattr(SourceText, "__init__", never)
    result = validate([folder])
    message = (
        "source text 'big.txt' is 10,485,761 bytes, over the size cap of 10,485,760 bytes "
        "(raise it with --max-bytes)"
    )
    assert [(p.code, p.message, p.json_path) for p in result.problems] == [
        ("too-large", message, "$.source.text")
    ]
    assert result.blocking == list(result.problems)  # compare and check-draft refuse the case


def test_the_cap_of_the_command_line_holds_for_texts(
    write_case: CaseWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_case(
        {"s": {"source": {"text": "s.txt"}, "claims": [claim("Nov. 15")]}},
        {"s.txt": TEXT * 200},  # 12,000 bytes
    )
    cap = max(p.stat().st_size for p in folder.glob("*.yaml"))
    assert cap < 12_000
    assert main(["validate", str(folder), "--max-bytes", str(cap)]) == 1
    out = capsys.readouterr().out
    assert (
        f"s.yaml:4:9: error: source text 's.txt' is 12,000 bytes, over the size cap of {cap:,} "
        "bytes (raise it with --max-bytes) [$.source.text]"
    ) in out
    assert main(["validate", str(folder), "--max-bytes", "12000"]) == 0  # at the cap: read


def test_a_text_name_too_long_for_the_system_is_an_error(write_case: CaseWriter) -> None:
    name = "x" * 300 + ".txt"
    folder = write_case({"s": {"source": {"text": name}, "claims": [claim("Nov. 15")]}})
    assert problems_of(folder) == [
        ("text", f"source text '{name}': File name too long", "$.source.text")
    ]


# -- names: many entities alike, misspelled ------------------------------------------------


def towns(count: int) -> list[str]:
    """``count`` distinct made-up town names, the same every run."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = ("".join(p).title() for p in itertools.product(syllables, repeat=3))
    return list(itertools.islice(words, 0, 17 * count, 17))


#: 20,000 school districts alike but for their towns: every misspelling is close to all of them.
DISTRICTS = {
    f"d{n:05}": (f"{town} Unified School District", f"{town} USD")
    for n, town in enumerate(towns(20_000))
}
BIG = NameIndex(DISTRICTS)


def ranked_as_before(index: NameIndex, written: str) -> Resolution:
    """Resolution as it was first written: every close spelling, ranked (with a set)."""
    folded = fold_name(written)
    if folded in index._exact:
        return Resolution(written, index._exact[folded], exact=True)
    matches = index._close_spellings(folded)
    close = {index._owners[i] for _, s, i in matches if s >= NAME_VARIANT_THRESHOLD}
    if len(close) == 1:
        return Resolution(written, close.pop(), exact=False)
    ranked: list[str] = []
    for _, _, i in sorted(matches, key=lambda m: (-m[1], index._owners[m[2]])):
        if index._owners[i] not in ranked:
            ranked.append(index._owners[i])
        if len(ranked) == 3:
            break
    return Resolution(written, None, exact=False, suggestions=tuple(ranked))


def test_misspelled_district_gets_the_suggestions_it_always_got() -> None:
    """The suggestions that the first, quadratic ranking gave (two seconds each, here)."""
    assert DISTRICTS["d00042"] == ("Bafafu Unified School District", "Bafafu USD")
    assert BIG.resolve("Bafafu Unified Schol District") == Resolution(
        "Bafafu Unified Schol District", None, False, ("d00042", "d00002", "d00022")
    )
    assert BIG.resolve("Unified School District").suggestions == ("d00000", "d00001", "d00002")
    assert BIG.resolve("d0004").suggestions == ("d00004", "d00014", "d00024")
    assert BIG.resolve("Bafafu Unifeid Schoql Distrct").entity == "d00042"


MISSPELLED = [
    "Bafafu Unified Schol District",  # unknown: within a variant's reach of several districts
    "Bafafu Unifeid Schoql Distrct",  # a name variant
    "Disrict School Unified Bafafu",  # words reordered, one letter dropped
    "Unified School District",  # close to every district, equally
    "Zzzz",  # close to nothing
    "d0004",  # an id, a digit short
    "Fobalu Unifeid Schoql Distrct",  # a town no district has
]


@pytest.mark.parametrize("written", MISSPELLED)
def test_resolution_of_twenty_thousand_look_alikes_is_as_before(written: str) -> None:
    assert BIG.resolve(written) == ranked_as_before(BIG, written)


def test_an_unknown_name_keeps_a_few_spellings_per_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidfuzz import process

    limits: list[int | None] = []
    extract = process.extract

    def counted(*args: Any, **kwargs: Any) -> Any:
        limits.append(kwargs["limit"])
        return extract(*args, **kwargs)

    monkeypatch.setattr(process, "extract", counted)
    index = NameIndex(DISTRICTS)  # a fresh index: nothing remembered
    assert index.resolve("Fobalu Unifeid Schoql Distrct").suggestions
    assert limits == [index._probe, index._probe]  # not 20,000 close spellings


def test_misspelled_subject_message_in_a_large_case(tmp_path: Path) -> None:
    import json

    folder = tmp_path / "big"
    folder.mkdir()
    entities = {k: {"name": name, "aliases": [alias]} for k, (name, alias) in DISTRICTS.items()}
    case = {"format": "case/1", "id": "big", "entities": entities,
            "properties": {"staff": {"type": "number"}}}  # fmt: skip
    (folder / "case.yaml").write_text(json.dumps(case), encoding="utf-8")
    claims = [{"subject": s, "property": "staff", "value": 3} for s in MISSPELLED[:2]]
    document = {"format": "claims/1", "source": {"id": "s"}, "claims": claims}
    (folder / "s.json").write_text(json.dumps(document), encoding="utf-8")
    assert problems_of(folder) == [
        (
            "unknown-name",
            "unknown subject 'Bafafu Unified Schol District': not a declared entity; did you mean "
            "d00042 (Bafafu Unified School District) or d00002 (Babamu Unified School District) "
            "or d00022 (Badaku Unified School District)?",
            "$.claims[0].subject",
        ),
        (
            "name-variant",
            "name-variant: 'Bafafu Unifeid Schoql Distrct' is not a declared name of any entity; "
            "read as 'd00042' (Bafafu Unified School District)",
            "$.claims[1].subject",
        ),
    ]


WORDS = ["us", "immigration", "customs", "and", "enforcement", "kice", "virginia", "day",
         "laborer", "network", "of", "vrginia", "enforcment", "ab", "ba"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    owners=st.permutations(range(40)),
    query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
    probe=st.integers(min_value=1, max_value=12),
)
def test_suggestions_found_from_a_few_spellings_are_those_of_all(
    owners: list[int], query: str, probe: int
) -> None:
    """Owners declared in any order, with up to three spellings each, and a search that keeps
    as few as one spelling per pass (so that it must often fetch more): the same result."""
    combos = itertools.combinations(WORDS, 2)
    spellings = {f"e{n:02}": [" ".join(next(combos)) for _ in range(n % 3 + 1)] for n in owners}
    index = NameIndex(spellings)
    index._probe = probe
    assert index.resolve(query) == ranked_as_before(index, query)


# -- affiliations: walked once --------------------------------------------------------------


def affiliation_problems(tmp_path: Path, affiliations: dict[str, str | None]) -> list[str]:
    import json

    folder = tmp_path / "aff"
    folder.mkdir()
    entities: dict[str, Any] = {}
    for entity, affiliation in affiliations.items():
        entities[entity] = {"name": f"Entity {entity}"}
        if affiliation is not None:
            entities[entity]["affiliation"] = affiliation
    case = {"format": "case/1", "id": "aff", "entities": entities}
    (folder / "case.yaml").write_text(json.dumps(case), encoding="utf-8")
    return [p.message for p in validate([folder]).problems]


def test_short_loops_are_written_out_and_long_ones_cut(tmp_path: Path) -> None:
    # A chain of 50,000 was walked from each of its entities to its end: 1.25 billion steps.
    chain: dict[str, str | None] = {f"c{n:05}": f"c{n + 1:05}" for n in range(49_999)}
    loop = {f"l{n:02}": f"l{(n + 1) % 12:02}" for n in range(12)}
    messages = affiliation_problems(
        tmp_path,
        {**chain, "c49999": None, **loop, "a": "b", "b": "a", "me": "me", "x": "a", "y": "nobody"},
    )
    long_loop = [
        "affiliation chain loops back: "
        + " -> ".join(f"l{(k + n) % 12:02}" for n in range(10))
        + f" -> ... -> l{k:02} (a loop of 12 entities)"
        for k in range(12)
    ]
    assert long_loop[1] == (
        "affiliation chain loops back: l01 -> l02 -> l03 -> l04 -> l05 -> l06 -> l07 -> l08 -> "
        "l09 -> l10 -> ... -> l01 (a loop of 12 entities)"
    )
    assert sorted(messages) == sorted(
        [
            "affiliation chain loops back: a -> b -> a",
            "affiliation chain loops back: b -> a -> b",
            "affiliation chain loops back: me -> me",
            "affiliation 'nobody' is not a declared entity id",
            *long_loop,
        ]
    )
