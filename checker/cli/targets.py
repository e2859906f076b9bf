"""Output targets: which format goes where (standard output or files), written atomically."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.cli.options import FailOn
from checker.runtime.errors import UsageError

if TYPE_CHECKING:
    from checker.claims.problems import Severity


def output_targets(
    explicit: str | None, default: str, outputs: Sequence[str], allowed: Sequence[str]
) -> list[tuple[str, Path | None]]:
    """Pair each requested output with its format.

    ``--output FILE`` sends the ``--format`` output (default: the command's default format) to
    FILE instead of standard output; ``--output FORMAT=FILE`` adds one more output. So standard
    output keeps the main format unless a plain FILE took it: CI logs stay readable while
    SARIF or JUnit go to files.
    """

    def known(name: str) -> str:
        if name not in allowed:
            raise UsageError(f"unknown format '{name}' (choose {', '.join(allowed)})")
        return name

    main_format = known(explicit or default)
    targets: list[tuple[str, Path | None]] = []
    stdout = True
    for spec in outputs:
        name, sep, file = spec.partition("=")
        if sep and "/" not in name and "." not in name:
            targets.append((known(name), Path(file)))
        else:
            targets.append((main_format, Path(spec)))
            stdout = False
    if stdout:
        targets.insert(0, (main_format, None))
    return targets


def emit(targets: list[tuple[str, Path | None]], render: Callable[[str], str]) -> None:
    from checker.runtime.output import write_atomic

    for name, path in targets:
        text = render(name)
        if path is None:
            sys.stdout.write(text)
        else:
            write_atomic(path, text)


def fails(worst: Severity | None, fail_on: str) -> bool:
    from checker.claims.problems import Severity

    if fail_on == FailOn.never or worst is None:
        return False
    return worst >= Severity.parse(fail_on)
