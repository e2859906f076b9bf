"""The ``checker`` console script: answers ``--version`` before loading the CLI.

``checker --version`` is what scripts and CI logs call most; importing typer and the engine for
it would cost more than the rest of the run. Everything else goes to :func:`checker.cli.app.main`.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    if sys.argv[1:] == ["--version"] and sys.stdout is not None:
        from checker import __version__

        try:
            sys.stdout.write(f"checker {__version__}\n")
            sys.stdout.flush()
            return 0
        except OSError:
            pass  # the full CLI below says why, as for every command

    from checker.cli.app import main as cli_main
    from checker.runtime import lifetime

    lifetime.keep_until_exit = True  # this process ends by os._exit: see run()
    return cli_main()


def run() -> None:
    """The console script: run, then leave without tearing down the run's objects one by one.

    After a large case, freeing millions of claims at interpreter shutdown takes seconds and
    serves nothing: the output is flushed and the process ends at once, as mypy's does.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # main() reported what it could: the code stands
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
