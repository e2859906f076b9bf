"""The JSON Schemas: well-formed, documented, closed, and true to the contract's examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from checker.claims.loading import load_document
from checker.claims.schemas import SCHEMA_NAMES, schema

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT.parent / "shared" / "CLAIMS-FORMAT.md"


_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_ONE = ("items", "additionalProperties", "propertyNames", "if", "then", "else", "not", "contains")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_CONDITIONS = ("/if", "/not")


def walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema (not every JSON object) with its JSON-pointer path."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key in _MAPS:
        for name, sub in node.get(key, {}).items():
            yield from walk(sub, f"{path}/{key}/{name}")
    for key in _ONE:
        if key in node:
            yield from walk(node[key], f"{path}/{key}")
    for key in _MANY:
        for index, sub in enumerate(node.get(key, [])):
            yield from walk(sub, f"{path}/{key}/{index}")


def is_condition(path: str) -> bool:
    """``if`` and ``not`` subschemas test a value; they do not describe or close it."""
    return any(part in path for part in _CONDITIONS)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_2020_12_with_an_id(name: str) -> None:
    document = schema(name)
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"].endswith(f"/{name}.schema.json")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_property_has_a_description(name: str) -> None:
    missing = [
        f"{path}/properties/{prop}"
        for path, node in walk(schema(name))
        for prop, sub in node.get("properties", {}).items()
        if not is_condition(path)
        and "/then" not in path
        and "/else" not in path
        and "description" not in sub
    ]
    assert missing == []


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_object_with_properties_is_closed(name: str) -> None:
    open_objects = [
        path
        for path, node in walk(schema(name))
        if "properties" in node
        and node.get("type") == "object"
        and not is_condition(path)
        and node.get("additionalProperties") is not False
    ]
    assert open_objects == []


def contract_examples() -> list[tuple[str, str]]:
    if not CONTRACT.is_file():
        return []
    text = CONTRACT.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    return [("case" if "format: case/1" in b else "claims", b) for b in blocks]


@pytest.mark.skipif(not CONTRACT.is_file(), reason="../shared/CLAIMS-FORMAT.md is absent")
@pytest.mark.parametrize(("name", "example"), contract_examples())
def test_the_contract_examples_validate(tmp_path: Path, name: str, example: str) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    errors = list(Draft202012Validator(schema(name)).iter_errors(load_document(path, "x").data))
    assert [e.message for e in errors] == []


def example_documents() -> list[tuple[str, Path, Any]]:
    """Every example file of the project that loads (the others never reach a schema), with
    the schema it is read against and its data."""
    from checker.claims.discovery import is_case_file
    from checker.claims.loading import LoadFailure

    roots = [ROOT / "tests" / "data", ROOT / "claims"]
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".yaml", ".yml", ".json"} and path.is_file():
                try:
                    data = load_document(path, str(path)).data
                except LoadFailure:
                    continue
                found.append(("case" if is_case_file(path) else "claims", path, data))
    return found


@pytest.mark.parametrize(("name", "path", "data"), example_documents(), ids=lambda v: str(v)[-60:])
def test_fast_and_detailed_validators_agree(name: str, path: Path, data: Any) -> None:
    from checker.claims.schemas import is_valid

    detailed = not list(Draft202012Validator(schema(name)).iter_errors(data))
    assert is_valid(data, name) == detailed
