"""Reading raw claim values: the error a value of the wrong form raises, with its place inside
the value, and the words messages use to name what was found instead."""

from __future__ import annotations

from collections.abc import Mapping


class ValueFormError(Exception):
    """A raw value does not fit its type or form; ``subpath`` locates the problem inside it."""

    def __init__(self, message: str, subpath: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.subpath = subpath


def parse_boolean(raw: object) -> bool:
    """Parse a boolean-typed value: only real booleans; ``"yes"`` is a string, not true."""
    if not isinstance(raw, bool):
        raise ValueFormError(f"expected true or false, got {describe(raw)}")
    return raw


def check_keys(raw: Mapping[object, object], allowed: tuple[str, ...], where: str) -> None:
    # The first unknown key in document order, so the message points where the reader looks.
    unknown = [key for key in raw if key not in allowed]
    if unknown:
        raise ValueFormError(f"unknown key '{unknown[0]}' in {where}", (str(unknown[0]),))


def choice(raw: object, options: tuple[str, ...], what: str, key: str, shown: str = "") -> str:
    if isinstance(raw, str) and raw in options:
        return raw
    if isinstance(raw, str):
        raise ValueFormError(f"unknown {what} '{shown or raw}' (use {either(options)})", (key,))
    raise ValueFormError(f"expected a {what} ({either(options)}), got {describe(raw)}", (key,))


def either(options: tuple[str, ...]) -> str:
    return f"{', '.join(options[:-1])} or {options[-1]}"


def describe(raw: object) -> str:
    """Name a raw value's kind for messages: "the string 'yes'", "the number 5", "null"."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return f"the boolean {str(raw).lower()}"
    if isinstance(raw, int | float):
        return f"the number {raw}"
    if isinstance(raw, str):
        return f"the string '{raw}'"
    return "a mapping" if isinstance(raw, Mapping) else f"a {type(raw).__name__}"
