"""Standard output and error as a run uses them: output that cannot be written is one clear
error (exit 2), and a message that cannot be written never changes a run's exit code."""

from __future__ import annotations

from typing import Any, TextIO

from checker.runtime.errors import CheckerError


class OutputError(CheckerError):
    """Standard output is closed, full or failing: what was asked for cannot be delivered."""


class GuardedOutput:
    """Standard output whose failures (``>&-``, ``>/dev/full``) become :class:`OutputError`.

    A reader that went away (``| head``) is left to the caller, as a ``BrokenPipeError``.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        #: Set once a failure was raised: the run has said so, and need not say it twice.
        self.failed = False

    def write(self, text: str) -> int:
        return int(self._do("write", text))

    def flush(self) -> None:
        self._do("flush")

    def _do(self, what: str, *args: Any) -> Any:
        if self._stream is None:  # Python found no file descriptor 1 at start
            self.failed = True
            raise OutputError("cannot write to standard output: it is closed")
        try:
            return getattr(self._stream, what)(*args)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:  # ValueError: the stream was closed under us
            self.failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise OutputError(f"cannot write to standard output: {reason}") from exc

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise OutputError("cannot write to standard output: it is closed")
        return getattr(self._stream, name)


class QuietErrors:
    """Standard error for messages: a message that cannot be written is lost, and that is all
    (a full or closed standard error must not turn a clean run into a failed one)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            if self._stream is not None:
                self._stream.write(text)
        except (OSError, ValueError):
            pass
        return len(text)

    def flush(self) -> None:
        try:
            if self._stream is not None:
                self._stream.flush()
        except (OSError, ValueError):
            pass

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
