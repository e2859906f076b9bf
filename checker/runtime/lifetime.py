"""What a large run built, kept to the end of a process that is about to end anyway.

The console script leaves by ``os._exit`` once a run is reported (:mod:`checker.cli.launch`): what
the run built is then kept instead of freed object by object when the run returns, which takes
a second and more for a million claims. Library callers get their memory back as usual. This
module holds only that switch, so that setting it costs the console script no imports.
"""

from __future__ import annotations

#: Set by the console script.
keep_until_exit = False
_kept: list[object] = []


def keep_for_exit(built: object) -> None:
    """Keep what a run built until the process ends, where the console script runs it."""
    if keep_until_exit:
        _kept.append(built)
