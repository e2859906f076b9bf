"""Project configuration: ``.checker.toml`` or ``[tool.checker]`` in ``pyproject.toml``.

The nearest such file, from the working folder up to the repository root, is read. Options
given on the command line win over it.

```toml
[tool.checker]
paths = ["claims"]
fail-on = "error"            # error, warning, info or never
baseline = ".checker-baseline.json"
require-text = true
max-bytes = 10485760

[tool.checker.severity]      # per-kind overrides: error, warning, info or off
quote-variant = "error"
single-source = "off"
```
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.claims.loading import unreadable_reason
from checker.model.names import did_you_mean, suggest
from checker.runtime.errors import UsageError

CONFIG_FILE = ".checker.toml"
SEVERITY_CHOICES = ("error", "warning", "info", "off")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
_KEYS = ("paths", "fail-on", "baseline", "require-text", "max-bytes", "severity")


@dataclass(frozen=True)
class Config:
    """Settings read from a configuration file; None where the file is silent."""

    file: Path | None = None
    paths: tuple[Path, ...] = ()
    fail_on: str | None = None
    baseline: Path | None = None
    require_text: bool | None = None
    max_bytes: int | None = None
    severity: dict[str, str] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The nearest ``.checker.toml``, or ``pyproject.toml`` with a ``[tool.checker]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if _present(candidate):
            return candidate
        pyproject = folder / "pyproject.toml"
        if _present(pyproject) and _configures_checker(_read(pyproject)):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _present(file: Path) -> bool:
    """Whether ``file`` is there; one that is there but is no regular file (a FIFO would block,
    a link to /dev/zero never ends) is an error, not a file to skip."""
    if not os.path.lexists(file):
        return False
    reason = unreadable_reason(file)
    if reason is not None:
        raise _fail(file, f"cannot read: {reason}")
    return True


def _configures_checker(raw: bytes) -> bool:
    # Looked for in the bytes, so that an unrelated pyproject.toml is never judged. UTF-16
    # would hide the table's name: such a file is taken as meant for checker, and refused.
    return b"[tool.checker" in raw or raw.startswith((b"\xff\xfe", b"\xfe\xff"))


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise _fail(file, f"cannot read: {exc.strerror or exc}") from None


def _text(file: Path) -> str:
    """The file's text: TOML is UTF-8 (a byte order mark is let pass)."""
    raw = _read(file)
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        line = body.count(b"\n", 0, exc.start) + 1
        column = len(body[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise _fail(
            file,
            f"not UTF-8: byte 0x{body[exc.start]:02x} cannot be decoded "
            f"(at line {line}, column {column}); save the file as UTF-8",
        ) from None


def _fail(file: Path, message: str) -> UsageError:
    return UsageError(f"{file}: {message}")


def load_config(start: Path | None = None) -> Config:
    """Read the configuration that applies in ``start`` (the working folder by default)."""
    file = find_config((start or Path.cwd()).resolve())
    if file is None:
        return Config()
    try:
        document = tomllib.loads(_text(file))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(file, f"invalid TOML: {exc}") from exc
    table: Any = document if file.name == CONFIG_FILE else document.get("tool", {}).get("checker")
    if not isinstance(table, dict):
        return Config(file=file)
    return _parse(file, table)


def _parse(file: Path, table: dict[str, Any]) -> Config:
    for key in table:
        if key not in _KEYS:
            raise _fail(file, f"unknown setting '{key}'{did_you_mean(suggest(key, _KEYS))}")
    base = file.parent

    def text(key: str, choices: tuple[str, ...] | None = None) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or (choices and value not in choices):
            expected = " or ".join(choices) if choices else "a string"
            raise _fail(file, f"'{key}' must be {expected}, not {value!r}")
        return value

    paths = table.get("paths", [])
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise _fail(file, "'paths' must be a list of strings")
    require_text = table.get("require-text")
    if require_text is not None and not isinstance(require_text, bool):
        raise _fail(file, f"'require-text' must be true or false, not {require_text!r}")
    max_bytes = table.get("max-bytes")
    if max_bytes is not None and (
        not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 1
    ):
        raise _fail(file, f"'max-bytes' must be a positive whole number, not {max_bytes!r}")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise _fail(file, "'severity' must be a table of kind = severity")
    for kind, level in severity.items():
        if level not in SEVERITY_CHOICES:
            raise _fail(
                file, f"severity of '{kind}' must be {', '.join(SEVERITY_CHOICES)}, not {level!r}"
            )
    baseline = text("baseline")
    return Config(
        file=file,
        paths=tuple(base / p for p in paths),
        fail_on=text("fail-on", FAIL_ON_CHOICES),
        baseline=base / baseline if baseline else None,
        require_text=require_text,
        max_bytes=max_bytes,
        severity=dict(severity),
    )
