"""Property-based tests: generated valid claim files always pass; garbage always gets a located
error and never a traceback."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli.app import main

CASE = {
    "format": "case/1",
    "id": "generated",
    "entities": {
        "mou": {"name": "The memorandum", "aliases": ["the MOU"]},
        "agency": {"name": "Federal Agency", "aliases": ["FA"]},
        "spokesperson": {"name": "Pat Doe", "affiliation": "agency"},
        "election": {"name": "The election", "date": "2016-11-08"},
    },
    "properties": {
        "signed_on": {"type": "date"},
        "in_effect": {"type": "boolean", "time_varying": True},
        "agencies": {"type": "number", "tolerance": "10%"},
        "signer": {"type": "entity"},
        "summary": {"type": "text"},
    },
}
NAMES = ["mou", "the MOU", "The memorandum", "agency", "FA", "Federal Agency", "Pat Doe"]
LOCATED = re.compile(r"^[^:]+:\d+:\d+: (error|warning): .+ \[\$.*\]$")

# PyYAML writes YAML 1.1, which leaves strings such as "08" or "0o7" unquoted; the claim format
# reads YAML 1.2 (core schema), where those are numbers. Quote every string 1.2 would not read back.
_YAML12_NOT_A_STRING = re.compile(
    r"|~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)


class _Yaml12Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if _YAML12_NOT_A_STRING.fullmatch(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Yaml12Dumper.add_representer(str, _represent_str)

days = st.dates(min_value=__import__("datetime").date(1900, 1, 1),
                max_value=__import__("datetime").date(2100, 12, 31))  # fmt: skip
date_values = st.one_of(
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: d.isoformat()[:7]),
    st.integers(1000, 9999),
    st.builds(
        lambda n, unit: {"relative_to": "election", "offset": f"{n} {unit}"},
        st.integers(-400, 400),
        st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]),
    ),
    st.builds(
        lambda w: {"relative_to": "published", "weekday": w},
        st.sampled_from(["monday", "friday", "sunday"]),
    ),
    st.builds(
        lambda p: {"relative_to": "election", "period": p},
        st.sampled_from(["same-week", "previous-week", "past-month", "previous-year"]),
    ),
)
finite = st.integers(-(10**6), 10**6)
number_values = st.one_of(
    finite,
    st.builds(lambda n: {"approx": n}, finite),
    st.builds(lambda n: {"min": n}, finite),
    st.builds(lambda n: {"max": n}, finite),
    st.builds(lambda a, b: {"min": min(a, b), "max": max(a, b)}, finite, finite),
)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1
).filter(lambda s: s.strip() != "")
by_property: dict[str, Any] = {
    "signed_on": date_values,
    "in_effect": st.booleans(),
    "agencies": number_values,
    "signer": st.sampled_from(NAMES),
    "summary": texts,
}


@st.composite
def claims(draw: st.DrawFn) -> dict[str, Any]:
    prop = draw(st.sampled_from(sorted(by_property)))
    claim: dict[str, Any] = {
        "subject": draw(st.sampled_from(NAMES)),
        "property": prop,
        "value": draw(by_property[prop]),
    }
    if draw(st.booleans()):
        claim["attributed_to"] = draw(st.sampled_from(NAMES))
    if draw(st.booleans()):
        claim["as_of"] = draw(
            st.sampled_from(["published", "always", "2017-02", {"to": "published"}])
        )
    if draw(st.booleans()):
        claim["hedged"] = draw(st.booleans())
    return claim


@st.composite
def claim_files(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "format": "claims/1",
        "source": {
            "id": draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)),
            "published": draw(days).isoformat(),
            "outlet": draw(texts),
        },
        "claims": draw(st.lists(claims(), max_size=6)),
        "quotes": [
            {"speaker": draw(st.sampled_from(NAMES)), "text": t}
            for t in draw(st.lists(texts, max_size=2))
        ],
    }


def run_validate(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", str(folder)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=claim_files(), as_json=st.booleans())
def test_generated_valid_files_pass(
    document: dict[str, Any], as_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "case.yaml").write_text(yaml.safe_dump(CASE), encoding="utf-8")
        if as_json:
            (folder / "src.json").write_text(json.dumps(document), encoding="utf-8")
        else:
            (folder / "src.yaml").write_text(
                yaml.dump(document, Dumper=_Yaml12Dumper, allow_unicode=True), encoding="utf-8"
            )
        code, out, err = run_validate(folder, capsys)
    assert (code, err) == (0, ""), out


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_garbage_gets_a_located_error(
    garbage: bytes, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"garbage{suffix}").write_bytes(garbage)
        code, out, err = run_validate(folder, capsys)
    assert err == ""
    assert code == 1
    lines = out.splitlines()
    assert any(" error: " in line for line in lines[:-1])
    for line in lines[:-1]:
        assert LOCATED.match(line), line


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.sampled_from(
        ["2016-11-15", "2016-13", "x", "", "claims/1", "published", "always", "7 days", "Kice"]
    ),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["id", "subject", "value", "approx", "min", "relative_to", "offset",
                         "from", "to", "speaker", "text", "as_of", "extra"]),
        inner,
        max_size=4,
    ),
    max_leaves=12,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(document=claim_files(), path=st.lists(st.integers(0, 5), max_size=4), junk=json_values)
def test_fast_and_detailed_schema_checks_agree_on_mutated_files(
    document: dict[str, Any], path: list[int], junk: Any
) -> None:
    """Graft a random value somewhere into a valid file: both validators give one verdict."""
    from jsonschema import Draft202012Validator

    from checker.claims.schemas import is_valid, schema

    node: Any = document
    for step in path:
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        if not children or not isinstance(children[step % len(children)][1], dict | list):
            break
        node = children[step % len(children)][1]
    if isinstance(node, dict):
        node[sorted(node)[len(path) % len(node)] if node else "extra"] = junk
    elif isinstance(node, list):
        node.append(junk)
    detailed = not list(Draft202012Validator(schema("claims")).iter_errors(document))
    assert is_valid(document, "claims") == detailed
