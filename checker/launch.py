"""The ``checker`` console script: answers ``--version`` before loading the CLI.

``checker --version`` is what scripts and CI logs call most; importing typer and the engine for
it would cost more than the rest of the run. Everything else goes to :func:`checker.cli.main`.
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from checker import __version__

        sys.stdout.write(f"checker {__version__}\n")
        return 0
    from checker.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
