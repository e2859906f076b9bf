"""``python -m checker``."""

from checker.cli.launch import run

run()
