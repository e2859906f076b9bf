"""The one error hierarchy of checker; the CLI catches it in one place and exits with its code."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
#: Interrupted (Ctrl-C): 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130


class CheckerError(Exception):
    """An error the user can act on; printed as ``checker: <message>``."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(CheckerError):
    """A command line that cannot be carried out: a missing path, a bad option value."""


class InputError(CheckerError):
    """Input files that cannot be compared because they are invalid."""
