"""The JSON Schemas of the claim format, and schema errors turned into located problems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.claims.loading import Document
from checker.claims.problems import Problem, Severity, json_path
from checker.model.names import did_you_mean, suggest

if TYPE_CHECKING:  # jsonschema explains failing files only: a valid run never imports it
    from jsonschema import Draft202012Validator

SCHEMA_NAMES = ("case", "claims", "report")

_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]*$": "an id of lowercase letters, digits and hyphens",
    "^[a-z][a-z0-9_]*$": "a property id of lowercase letters, digits and underscores",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "^[+-]?[0-9]+ (day|week|month|year)s?$": (
        "an offset such as '7 days' or '-2 weeks' (units: day, week, month, year)"
    ),
    "^(published|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$": "published or a date (YYYY, YYYY-MM, "
    "YYYY-MM-DD)",
    "^(always|published|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)$": "always, published or a date "
    "(YYYY, YYYY-MM, YYYY-MM-DD), or a range {from, to}",
}
_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


def schema_text(name: str) -> str:
    """The schema ``name`` (case, claims, report) as shipped with the package."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    packaged = resources.files("checker").joinpath("schemas", f"{name}.schema.json")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # A source checkout: the top-level schemas/ folder is the one copy the wheel packages.
    checkout = Path(__file__).resolve().parents[2] / "schemas"
    return (checkout / f"{name}.schema.json").read_text(encoding="utf-8")


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


@cache
def validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(name))


@cache
def _fast_validator(name: str) -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema(name))


def is_valid(data: Any, name: str) -> bool:
    """Pass or fail against schema ``name``, fast (jsonschema-rs, compiled).

    Files that fail are then explained by jsonschema's detailed, located errors
    (:func:`schema_problems`); both read the same schema, and a test holds them to the same
    verdict on every example.
    """
    return bool(_fast_validator(name).is_valid(data))


def describe(instance: Any) -> str:
    """A short, user-facing description of a value, for messages."""
    if isinstance(instance, bool):
        return "true" if instance else "false"
    if instance is None:
        return "nothing (null)"
    if isinstance(instance, str):
        shown = instance if len(instance) <= 40 else instance[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(instance, int | float):
        return f"the number {instance}"
    if isinstance(instance, list):
        return "a list"
    if isinstance(instance, dict):
        return "a mapping"
    return type(instance).__name__


def _type_message(error: Any) -> str:
    expected = error.validator_value
    names = expected if isinstance(expected, list) else [expected]
    wanted = " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)
    message = f"expected {wanted}, got {describe(error.instance)}"
    yaml11_boolean = isinstance(error.instance, str) and error.instance.lower() in {
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
    }
    if "boolean" in names and yaml11_boolean:
        message += " (in YAML 1.2 only true and false are booleans)"
    return message


def _message(error: Any) -> tuple[str, tuple[str | int, ...], bool]:
    """Message, path and whether the position of the key (not the value) fits best."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match

        deepest = best_match(error.context)
        if len(deepest.absolute_path) > len(error.absolute_path):
            return _message(deepest)
        titles = [s.get("title") for s in error.validator_value if isinstance(s, dict)]
        forms = ", ".join(t for t in titles if t)
        suffix = f" (allowed forms: {forms})" if forms else ""
        return f"{describe(error.instance)} fits none of the allowed forms{suffix}", path, False
    if kind == "required":
        missing = [f for f in error.validator_value if f not in error.instance]
        return f"missing required field '{missing[0]}'", path, False
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = sorted(k for k in error.instance if k not in allowed)
        key = extras[0] if extras else "?"
        hint = did_you_mean(suggest(key, allowed)) if allowed else ""
        where = error.schema.get("title")
        if where and not hint:
            hint = f" in {where[0].lower()}{where[1:]} (allowed: {', '.join(allowed)})"
        return f"unknown field '{key}'{hint}", (*path, key), True
    if kind == "type":
        return _type_message(error), path, False
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return f"expected one of {options}; got {describe(error.instance)}", path, False
    if kind == "const":
        return f"expected '{error.validator_value}', got {describe(error.instance)}", path, False
    if kind == "pattern":
        hint = _PATTERN_HINTS.get(str(error.validator_value), "the expected form")
        return f"{describe(error.instance)} is not {hint}", path, False
    if kind == "propertyNames":
        return f"'{error.instance}' is not a valid name here: {error.message}", path, True
    return error.message, path, False


def schema_problems(document: Document, name: str) -> Iterator[Problem]:
    """Every schema error of ``document`` against schema ``name``, located."""
    for error in validator(name).iter_errors(document.data):
        if error.validator == "propertyNames":
            # jsonschema reports the map, not the offending key: find the key's own position.
            key = str(error.instance)
            path = (*tuple(error.absolute_path), key)
            hint = _PATTERN_HINTS.get(str(error.schema.get("pattern", "")), "a valid id")
            message, at_key = f"key '{key}' is not {hint}", True
        else:
            message, path, at_key = _message(error)
        line, column = document.locate(path, key=at_key)
        yield Problem(
            document.file, line, column, Severity.ERROR, "schema", message, json_path(path)
        )
